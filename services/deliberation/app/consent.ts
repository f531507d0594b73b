import { ConsentPollClosed, ConsentPollOpened, ConsentResponded } from '@cocreate/contracts';
import {
  type JobContext,
  type RouteContext,
  type ServiceContext,
  type UnitOfWork,
  jobBudget,
  newId,
  problems,
  sweepDue,
} from '@cocreate/kernel';
import { chinaDay } from '@cocreate/places';
import {
  type ConsentChoice,
  type ConsentMatter,
  type ConsentPoll,
  type ConsentResponse,
  type ConsentRule,
  type PropertyFee,
  checkElectorate,
  checkPollOpening,
  decideResponse,
  defaultRule,
  evaluateConsent,
  openingElectorate,
  responseDelta,
  sumConsentCounts,
} from '../domain/consent.ts';
import { DUE_SHARDS } from '../repos/keys.ts';
import { polls } from '../repos/polls.ts';
import { callerHolds, listedVillage, refuse, settled } from './common.ts';

const loadPoll = (ctx: Pick<RouteContext, 'table' | 'once'>, pollId: string) =>
  ctx.once(`poll:${pollId}`, () => polls.getVersioned(ctx.table, pollId));

async function pollOrThrow(ctx: RouteContext, pollId: string) {
  const cur = await loadPoll(ctx, pollId);
  if (!cur) throw problems.notFound({ zh: '意愿征询', en: 'The poll' });
  return cur;
}

export const pollVillage = async ({ params }: { params: { pollId: string } }, ctx: RouteContext) =>
  (await loadPoll(ctx, params.pollId))?.value.village;

/** The running totals and the rule evaluated on them now (the final result once closed). */
async function standing(ctx: ServiceContext, poll: ConsentPoll) {
  if (poll.result) return poll.result;
  const counts = sumConsentCounts(await polls.tally(ctx.table, poll.pollId));
  return evaluateConsent(poll.rule, poll.eligible, counts, poll.propertyFee);
}

/** 业主意愿: a poll over a community or compound; the eligible owners and their areas are fixed on the opening day. */
export async function openPoll(
  cmd: {
    scope: string;
    title: string;
    description?: string | undefined;
    matter: ConsentMatter;
    rule?: ConsentRule | undefined;
    propertyFee?: PropertyFee | undefined;
    closesAt?: string | undefined;
  },
  ctx: RouteContext,
) {
  const community = await ctx.register.villageOf(cmd.scope);
  const rule = cmd.rule ?? defaultRule(cmd.matter);
  const now = ctx.now();
  const bad = checkPollOpening({ communityKind: community?.kind, rule, propertyFee: cmd.propertyFee, closesAt: cmd.closesAt }, now);
  if (bad) throw refuse(bad.refused, {}, bad.pointer);
  const village = community!.path;
  // The owners on the opening day are the poll's electorate for its whole life: answering and counting never re-read them.
  const electorate = openingElectorate(await ctx.register.owners(cmd.scope, chinaDay(now)));
  settled(checkElectorate(electorate.eligible), '/scope');
  const poll: ConsentPoll = {
    pollId: newId(),
    village,
    scope: cmd.scope,
    title: cmd.title,
    ...(cmd.description ? { description: cmd.description } : {}),
    matter: cmd.matter,
    rule,
    status: 'open',
    eligible: electorate.eligible,
    ...(cmd.propertyFee ? { propertyFee: cmd.propertyFee } : {}),
    ...(cmd.closesAt ? { closesAt: new Date(cmd.closesAt).toISOString() } : {}),
    openedBy: ctx.actor.sub,
    openedAt: now.toISOString(),
  };
  polls.open(ctx.tx, poll, electorate.ownerAreas);
  ctx.tx.emit(
    ConsentPollOpened,
    {
      pollId: poll.pollId,
      village: poll.village,
      scope: poll.scope,
      title: poll.title,
      matter: poll.matter,
      rule: poll.rule,
      owners: electorate.eligible.owners,
      areaDm2: electorate.eligible.areaDm2,
      ...(poll.closesAt ? { closesAt: poll.closesAt } : {}),
    },
    { place: poll.scope },
  );
  return { ...poll, standing: evaluateConsent(rule, poll.eligible, sumConsentCounts([]), poll.propertyFee) };
}

export async function getPoll(pollId: string, ctx: RouteContext) {
  const cur = await pollOrThrow(ctx, pollId);
  return { ...cur.value, standing: await standing(ctx, cur.value) };
}

/**
 * An owner's response, once per owner across channels: online by the owner, or on paper recorded by a cadre. The
 * response record's conditional create is the once-per-owner check; its failure is the refusal (nothing re-read).
 */
export async function respondToPoll(
  pollId: string,
  cmd: { choice: ConsentChoice; owner?: string | undefined; evidence?: { key: string } | undefined },
  ctx: RouteContext,
) {
  const cur = await pollOrThrow(ctx, pollId);
  const poll = cur.value;
  const now = ctx.now();
  const { owner, channel, areaDm2 } = settled(
    decideResponse(
      poll,
      cur,
      { caller: ctx.actor.sub, cadre: callerHolds(ctx, 'cadre', poll.village), owner: cmd.owner, hasForm: !!cmd.evidence },
      now,
    ),
    '/evidence',
  );
  const evidence = cmd.evidence ? await ctx.evidence.verify(cmd.evidence, poll.village, '/evidence') : undefined;
  const response: ConsentResponse = {
    owner,
    choice: cmd.choice,
    areaDm2,
    channel,
    recordedBy: ctx.actor.sub,
    at: now.toISOString(),
    ...(evidence ? { evidence } : {}),
  };
  polls.respond(
    ctx.tx,
    poll.pollId,
    response,
    { ...responseDelta(cmd.choice, areaDm2) },
    refuse('already-responded', { owner }),
    refuse('poll-closed'),
  );
  ctx.tx.emit(ConsentResponded, { pollId: poll.pollId, village: poll.village, owner, channel: response.channel }, { place: poll.scope });
  return {
    pollId: poll.pollId,
    owner,
    choice: cmd.choice,
    areaDm2,
    channel: response.channel,
    recordedBy: response.recordedBy,
    at: response.at,
  };
}

/** Closes a poll on exactly the responses counted (the counters are frozen on what was read) and publishes the result. */
async function closePoll(ctx: ServiceContext, tx: UnitOfWork, cur: NonNullable<Awaited<ReturnType<typeof polls.getVersioned>>>) {
  const poll = cur.value;
  const read = await polls.tally(ctx.table, poll.pollId);
  const result = evaluateConsent(poll.rule, poll.eligible, sumConsentCounts(read), poll.propertyFee);
  const at = ctx.now().toISOString();
  const closed: ConsentPoll = { ...poll, status: 'closed', closedAt: at, result };
  polls.freezeTally(tx, read, at);
  polls.save(tx, closed, cur.ownerAreas, cur.version);
  tx.emit(
    ConsentPollClosed,
    { pollId: poll.pollId, village: poll.village, scope: poll.scope, matter: poll.matter, rule: poll.rule, ...result, closedAt: at },
    { place: poll.scope },
  );
  return { ...closed, standing: result };
}

/** A cadre closes a poll now: the result by headcount and area, each condition with its margin. */
export async function closePollNow(pollId: string, ctx: RouteContext) {
  const cur = await pollOrThrow(ctx, pollId);
  if (cur.value.status !== 'open') throw refuse('poll-closed');
  return closePoll(ctx, ctx.tx, cur);
}

/** Closes every open poll whose closing time has passed, each in its own unit of work. */
export async function closeDuePolls(ctx: JobContext): Promise<{ closed: number }> {
  const now = ctx.now().toISOString();
  let closed = 0;
  await sweepDue({
    shards: DUE_SHARDS,
    due: async (shard, cursor) => {
      const page = await polls.due(ctx.table, shard, now, 100, cursor);
      return { items: page.ids, cursor: page.cursor };
    },
    key: (id) => id,
    concurrency: 4,
    go: jobBudget(ctx),
    each: async (id) => {
      let done = false;
      await ctx.unit(async (tx) => {
        done = false;
        const cur = await polls.getVersioned(ctx.table, id);
        if (!cur || cur.value.status !== 'open') return;
        await closePoll(ctx, tx, cur);
        done = true;
      });
      if (done) closed += 1;
    },
  });
  return { closed };
}

export const listPolls = (query: { village: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) =>
  listedVillage(ctx, query.village).then(() => polls.listByVillage(ctx.table, query.village, query));
