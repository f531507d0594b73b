import { z } from 'zod';
import { ConsentPollClosed, ConsentPollOpened, ConsentResponded, EvidenceRef, Id, PersonId, PlacePath } from '@cocreate/contracts';
import { type ServiceContext, type Table, type UnitOfWork, defineJob, defineRoute, newId, problems } from '@cocreate/kernel';
import {
  ConsentChoice,
  ConsentMatter,
  ConsentPoll,
  ConsentResultSchema,
  ConsentRule,
  PropertyFee,
  defaultRule,
  answeringArea,
  evaluateConsent,
  openingElectorate,
  responseDelta,
  sumConsentCounts,
} from '../domain/consent.ts';
import { DUE_SHARDS, keys, polls, shards } from '../store.ts';
import { VILLAGE_READERS, callerHolds, dayInChina, refuse } from './common.ts';

/** Most owners one poll fixes on its item (the eligibility snapshot must fit a DynamoDB item). */
const MAX_OWNERS = 5000;

const pollVillage = async ({ params }: { params: { pollId: string } }, ctx: { table: Table }) =>
  (await polls.getVersioned(ctx.table, params.pollId))?.value.village;

const PollView = ConsentPoll.extend({
  /** Running totals and the rule evaluated on them now (the final result once closed). */
  standing: ConsentResultSchema,
});

async function standing(ctx: ServiceContext, poll: ConsentPoll) {
  if (poll.result) return poll.result;
  const counts = sumConsentCounts(await shards.read(ctx.table, keys.pollTally(poll.pollId)));
  return evaluateConsent(poll.rule, poll.eligible, counts, poll.propertyFee);
}

export const openPoll = defineRoute({
  method: 'POST',
  path: '/deliberation/consent-polls',
  operationId: 'openConsentPoll',
  summary: 'Open an owner consent poll (业主意愿) over a community or compound; eligible owners and areas are fixed now',
  auth: { roles: ['cadre', 'township-official'], place: ({ body }) => body.scope },
  body: z.object({
    scope: PlacePath.describe('The community, or a compound in it'),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).optional(),
    matter: ConsentMatter,
    /** Default by matter: renovation → the seed rule; maintenance funds, rebuilding, common parts → Civil Code major; other → ordinary. */
    rule: ConsentRule.optional(),
    propertyFee: PropertyFee.optional(),
    closesAt: z.iso.datetime({ offset: true }).optional(),
  }),
  response: PollView,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const community = await ctx.register.villageOf(body.scope);
    if (!community || community.kind !== 'community') throw refuse('not-a-community', {}, '/scope');
    const rule = body.rule ?? defaultRule(body.matter);
    if (rule === 'seed-renovation' && !body.propertyFee) throw refuse('fee-required', {}, '/propertyFee');
    const now = ctx.now();
    if (body.closesAt && Date.parse(body.closesAt) <= now.getTime()) throw refuse('closes-in-past', {}, '/closesAt');
    // The owners on the opening day are the poll's electorate for its whole life: answering and counting never re-read them.
    const electorate = openingElectorate(await ctx.register.owners(body.scope, dayInChina(now)));
    const { owners: ownerCount, areaDm2 } = electorate.eligible;
    if (ownerCount === 0) throw refuse('no-owners', {}, '/scope');
    if (ownerCount > MAX_OWNERS) throw refuse('too-many-owners', { owners: ownerCount }, '/scope');
    const poll: ConsentPoll = {
      pollId: newId(),
      village: community.path,
      scope: body.scope,
      title: body.title,
      ...(body.description ? { description: body.description } : {}),
      matter: body.matter,
      rule,
      status: 'open',
      eligible: electorate.eligible,
      ...(body.propertyFee ? { propertyFee: body.propertyFee } : {}),
      ...(body.closesAt ? { closesAt: new Date(body.closesAt).toISOString() } : {}),
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
        owners: ownerCount,
        areaDm2,
        ...(poll.closesAt ? { closesAt: poll.closesAt } : {}),
      },
      { place: poll.scope },
    );
    return { ...poll, standing: evaluateConsent(rule, poll.eligible, sumConsentCounts([]), poll.propertyFee) };
  },
});

export const listPolls = defineRoute({
  method: 'GET',
  path: '/deliberation/consent-polls',
  operationId: 'listConsentPolls',
  summary: 'A community’s owner consent polls, newest first',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: z.object({
    village: PlacePath,
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
  }),
  response: z.object({ items: z.array(ConsentPoll), cursor: z.string().optional() }),
  handler: async ({ query }, ctx) => polls.listByVillage(ctx.table, query.village, query),
});

export const getPoll = defineRoute({
  method: 'GET',
  path: '/deliberation/consent-polls/{pollId}',
  operationId: 'getConsentPoll',
  summary: 'A consent poll with its running totals by headcount and area, and each condition of its rule',
  auth: { roles: VILLAGE_READERS, place: pollVillage },
  params: z.object({ pollId: Id }),
  response: PollView,
  handler: async ({ params }, ctx) => {
    const cur = await polls.getVersioned(ctx.table, params.pollId);
    if (!cur) throw problems.notFound({ zh: '意愿征询', en: 'The poll' });
    return { ...cur.value, standing: await standing(ctx, cur.value) };
  },
});

/** An owner's response, once per owner across channels: online by the owner, or on paper recorded by a cadre. */
export const respondToPoll = defineRoute({
  method: 'POST',
  path: '/deliberation/consent-polls/{pollId}/responses',
  operationId: 'respondToConsentPoll',
  summary: 'Respond to a consent poll: an owner online, or a cadre recording an owner’s paper form (with its scan)',
  auth: { roles: ['owner', 'cadre'], place: pollVillage },
  params: z.object({ pollId: Id }),
  body: z.object({ choice: ConsentChoice, owner: PersonId.optional(), evidence: EvidenceRef.optional() }),
  response: z.object({
    pollId: Id,
    owner: z.string(),
    choice: ConsentChoice,
    areaDm2: z.number().int(),
    channel: z.enum(['online', 'paper']),
    recordedBy: z.string(),
    at: z.string(),
  }),
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const cur = await polls.getVersioned(ctx.table, params.pollId);
    if (!cur) throw problems.notFound({ zh: '意愿征询', en: 'The poll' });
    const poll = cur.value;
    const now = ctx.now();
    if (poll.status !== 'open' || (poll.closesAt && now.getTime() >= Date.parse(poll.closesAt))) throw refuse('poll-closed');
    const self = body.owner === undefined || body.owner === ctx.actor.sub;
    const owner = self ? ctx.actor.sub : body.owner!;
    if (!self && !callerHolds(ctx, 'cadre', poll.village)) throw refuse('not-cadre');
    if (!self && !body.evidence) throw refuse('paper-evidence-required', {}, '/evidence');
    const areaDm2 = answeringArea(cur, owner);
    if (areaDm2 === undefined) throw refuse('not-an-owner', { owner });
    const prior = await polls.response(ctx.table, poll.pollId, owner);
    if (prior) throw refuse('already-responded', { owner, channel: prior.channel, at: prior.at });
    const evidence = body.evidence ? await ctx.evidence.verify(body.evidence, poll.village, '/evidence') : undefined;
    const response = {
      owner,
      choice: body.choice,
      areaDm2,
      channel: self ? ('online' as const) : ('paper' as const),
      recordedBy: ctx.actor.sub,
      at: now.toISOString(),
      ...(evidence ? { evidence } : {}),
    };
    polls.respond(
      ctx.tx,
      poll.pollId,
      response,
      { ...responseDelta(body.choice, areaDm2) },
      refuse('already-responded', { owner }),
      refuse('poll-closed'),
    );
    ctx.tx.emit(ConsentResponded, { pollId: poll.pollId, village: poll.village, owner, channel: response.channel }, { place: poll.scope });
    return {
      pollId: poll.pollId,
      owner,
      choice: body.choice,
      areaDm2,
      channel: response.channel,
      recordedBy: response.recordedBy,
      at: response.at,
    };
  },
});

/** Closes a poll on exactly the responses counted (the counters are frozen on what was read) and publishes the result. */
async function closePoll(ctx: ServiceContext, tx: UnitOfWork, pollId: string): Promise<ConsentPoll | undefined> {
  const cur = await polls.getVersioned(ctx.table, pollId);
  if (!cur || cur.value.status !== 'open') return undefined;
  const poll = cur.value;
  const read = await shards.read(ctx.table, keys.pollTally(pollId));
  const result = evaluateConsent(poll.rule, poll.eligible, sumConsentCounts(read), poll.propertyFee);
  const at = ctx.now().toISOString();
  const closed: ConsentPoll = { ...poll, status: 'closed', closedAt: at, result };
  shards.freeze(tx, read, at);
  polls.save(tx, closed, cur.ownerAreas, cur.version);
  tx.emit(
    ConsentPollClosed,
    { pollId, village: poll.village, scope: poll.scope, matter: poll.matter, rule: poll.rule, ...result, closedAt: at },
    { place: poll.scope },
  );
  return closed;
}

export const closePollRoute = defineRoute({
  method: 'POST',
  path: '/deliberation/consent-polls/{pollId}/close',
  operationId: 'closeConsentPoll',
  summary: 'Close a consent poll now (cadres): the result by headcount and area, each condition with its margin',
  auth: { roles: ['cadre', 'township-official'], place: pollVillage },
  params: z.object({ pollId: Id }),
  response: PollView,
  handler: async ({ params }, ctx) => {
    const closed = await closePoll(ctx, ctx.tx, params.pollId);
    if (!closed) {
      const cur = await polls.getVersioned(ctx.table, params.pollId);
      if (!cur) throw problems.notFound({ zh: '意愿征询', en: 'The poll' });
      throw refuse('poll-closed');
    }
    return { ...closed, standing: closed.result! };
  },
});

export const closeDuePolls = defineJob({
  name: 'close-due-polls',
  summary: 'Close every consent poll whose closing time has passed',
  schedule: 'rate(5 minutes)',
  handler: async (ctx) => {
    const now = ctx.now().toISOString();
    let closed = 0;
    for (let shard = 0; shard < DUE_SHARDS; shard++) {
      let cursor: string | undefined;
      do {
        const pageOf = await polls.due(ctx.table, shard, now, 100, cursor);
        for (const id of pageOf.ids) {
          let done = false;
          await ctx.unit(async (tx) => {
            done = (await closePoll(ctx, tx, id)) !== undefined;
          });
          if (done) closed += 1;
        }
        cursor = pageOf.cursor;
      } while (cursor);
    }
    return { closed };
  },
});
