import { BallotCast } from '@cocreate/contracts';
import { type RouteContext, newId, problems } from '@cocreate/kernel';
import { type Proposal, type StepRecord, checkVotingStep, isElector } from '../domain/proposals.ts';
import {
  type Ballot,
  type Choice,
  type LineVerdict,
  MAX_PROXIES_PER_PERSON,
  type PaperLine,
  type ProxyAuthorisation,
  checkProxy,
  checkProxyRecorder,
  classifyPaperLines,
  emptyTally,
} from '../domain/votes.ts';
import { ballots } from '../repos/ballots.ts';
import { proposals } from '../repos/proposals.ts';
import { callerHolds, peopleById, refuse, settled } from './common.ts';
import { proposalOrThrow } from './proposals.ts';

/** The proposal and its open step, when `step` is the one voting now; otherwise the refusal. */
async function openStepOf(ctx: RouteContext, proposalId: string, step: number): Promise<{ p: Proposal; s: StepRecord }> {
  const p = (await proposalOrThrow(ctx, proposalId)).value;
  settled(checkVotingStep(p, step));
  const s = await proposals.step(ctx.table, proposalId, p.round, p.step);
  if (!s || s.status !== 'open') throw refuse('voting-closed');
  return { p, s };
}

/** The voter's counted ballot refused again, saying how it came in. */
function alreadyVoted(existing: Ballot) {
  return refuse('already-voted', {
    voter: existing.voter,
    channel: existing.channel,
    castAt: existing.castAt,
    ...(existing.batchRef ? { batchRef: existing.batchRef } : {}),
  });
}

export interface BallotView extends Ballot {
  proposalId: string;
  round: number;
  step: number;
  body: string;
}

/**
 * 投票: a member of the voting body casts their own ballot online, or an authorised proxy casts it for them. A voter
 * counts once across all channels: the ballot record is created only if none exists, in the same transaction as the
 * tally increment. That conditional create is the check: the voter's existing ballot is read only when it failed
 * (the request is then recomputed), to say how the counted ballot came in.
 */
export async function castBallot(
  cmd: { proposalId: string; step: number; choice: Choice; onBehalfOf?: string | undefined },
  ctx: RouteContext,
): Promise<BallotView> {
  const { p, s } = await openStepOf(ctx, cmd.proposalId, cmd.step);
  const caller = ctx.actor.sub;
  const proxying = cmd.onBehalfOf !== undefined && cmd.onBehalfOf !== caller;
  const voter = proxying ? cmd.onBehalfOf! : caller;
  const [authorisation, existing] = await Promise.all([
    proxying ? ballots.proxy(ctx.table, p, voter) : undefined,
    ctx.attempt > 0 ? ballots.get(ctx.table, p, voter) : undefined,
  ]);
  if (proxying && (!authorisation || authorisation.proxy !== caller)) throw refuse('no-proxy-authorisation', { voter });
  if (!isElector(s, voter)) throw refuse('not-a-member', { body: s.body });
  if (existing) throw alreadyVoted(existing);
  const ballot: Ballot = {
    voter,
    choice: cmd.choice,
    channel: proxying ? 'proxy' : 'online',
    castBy: caller,
    castAt: ctx.now().toISOString(),
    ...(authorisation ? { authorisationId: authorisation.authorisationId } : {}),
  };
  ballots.count(ctx.tx, p, ballot, 'retry', refuse('voting-closed'));
  ctx.tx.emit(
    BallotCast,
    { proposalId: p.proposalId, village: p.village, body: s.body, step: s.step, voter, channel: ballot.channel },
    { place: p.village },
  );
  return { proposalId: p.proposalId, round: p.round, step: s.step, body: s.body, ...ballot };
}

/** 委托投票: a voter authorises someone of the village to vote for them at one step (委托书). */
export async function authoriseProxy(
  cmd: { proposalId: string; step: number; principal: string; proxy: string; evidence?: { key: string } | undefined },
  ctx: RouteContext,
): Promise<ProxyAuthorisation> {
  const { p, s } = await openStepOf(ctx, cmd.proposalId, cmd.step);
  settled(
    checkProxyRecorder({ principal: ctx.actor.sub === cmd.principal, cadre: callerHolds(ctx, 'cadre', p.village) }, !!cmd.evidence),
    '/evidence',
  );
  const evidence = cmd.evidence ? await ctx.evidence.verify(cmd.evidence, p.village, '/evidence') : undefined;
  const [held, proxy] = await Promise.all([ballots.proxiesHeld(ctx.table, p, cmd.proxy), ctx.register.person(cmd.proxy)]);
  settled(
    checkProxy(
      cmd.principal,
      cmd.proxy,
      p.village,
      (person) => isElector(s, person),
      (person) => (person === proxy?.id ? proxy.village : undefined),
      held,
    ),
  );
  // No write of this request guards against the principal having voted already: that is read.
  const existing = await ballots.get(ctx.table, p, cmd.principal);
  if (existing) throw alreadyVoted(existing);
  const a: ProxyAuthorisation = {
    authorisationId: newId(),
    proposalId: p.proposalId,
    round: p.round,
    step: p.step,
    principal: cmd.principal,
    proxy: cmd.proxy,
    ...(evidence ? { evidence } : {}),
    grantedBy: ctx.actor.sub,
    grantedAt: ctx.now().toISOString(),
  };
  ballots.authoriseProxy(
    ctx.tx,
    a,
    MAX_PROXIES_PER_PERSON,
    refuse('proxy-already-authorised'),
    refuse('proxy-limit-reached', { limit: MAX_PROXIES_PER_PERSON }),
  );
  return a;
}

/** Lines of a sheet committed together: each line is a ballot and an event, plus one tally increment per chunk. */
const LINES_PER_UNIT = 40;

/** How often a chunk is recomputed after losing a race (a voter casting a ballot meanwhile) before giving up. */
const CHUNK_ATTEMPTS = 10;

/**
 * 纸质计票单导入: a cadre imports a paper tally sheet for the current step, with the sheet's scan as evidence. Every
 * line gets a verdict — counted, already counted by this same sheet (a re-import), or refused with the reason (not a
 * member, twice on the sheet, already voted by another channel, voting closed). Lines are committed in chunks; a
 * chunk that loses a race is recomputed from fresh reads, so a voter who cast a ballot meanwhile is reported as
 * refused, never dropped, and a vote closed meanwhile refuses the chunk's lines.
 */
export async function importPaperBallots(
  cmd: { proposalId: string; step: number; batchRef: string; scan: { key: string }; lines: PaperLine[] },
  ctx: RouteContext,
) {
  const { p, s } = await openStepOf(ctx, cmd.proposalId, cmd.step);
  const scan = await ctx.evidence.verify(cmd.scan, p.village, '/scan');
  const prior = await ballots.paper(ctx.table, p, cmd.batchRef);
  if (prior && prior.scan.key !== scan.key) throw refuse('paper-sheet-conflict', { batchRef: cmd.batchRef });
  const isMember = (v: string) => isElector(s, v);
  const existing = await ballots.ofVoters(ctx.table, p, [...new Set(cmd.lines.map((l) => l.voter))].filter(isMember));
  const verdicts = classifyPaperLines(cmd.lines, cmd.batchRef, isMember, (v) => existing.get(v));
  const byLine = new Map(verdicts.map((v, i) => [i, v]));
  const toCount = verdicts.map((v, i) => ({ v, i })).filter(({ v }) => v.verdict === 'accepted');
  const castBy = ctx.actor.sub;

  for (let c = 0; c < toCount.length; c += LINES_PER_UNIT) {
    const chunk = toCount.slice(c, c + LINES_PER_UNIT);
    let outcome: Map<number, LineVerdict> = new Map();
    for (let attempt = 0; ; attempt++) {
      if (attempt === CHUNK_ATTEMPTS) throw problems.unavailable();
      const result = await ctx.tryUnit(async (tx) => {
        // Fresh reads on every attempt: a recomputation sees the ballot or the close that made the last one lose.
        const [fresh, step] = await Promise.all([
          ballots.ofVoters(
            ctx.table,
            p,
            chunk.map(({ v }) => v.voter),
          ),
          proposals.step(ctx.table, p.proposalId, p.round, p.step),
        ]);
        if (step?.status !== 'open') {
          outcome = new Map(chunk.map(({ v, i }) => [i, { ...v, verdict: 'refused' as const, reason: 'voting-closed' as const }]));
          return;
        }
        outcome = new Map();
        const counted: Ballot[] = [];
        const deltas = emptyTally();
        for (const { v, i } of chunk) {
          const again = classifyPaperLines([v], cmd.batchRef, isMember, (voter) => fresh.get(voter))[0]!;
          outcome.set(i, again);
          if (again.verdict !== 'accepted') continue;
          counted.push({
            voter: v.voter,
            choice: v.choice,
            channel: 'paper',
            castBy,
            castAt: ctx.now().toISOString(),
            batchRef: cmd.batchRef,
            line: v.line,
          });
          deltas[v.choice] += 1;
          deltas.cast += 1;
          tx.emit(
            BallotCast,
            { proposalId: p.proposalId, village: p.village, body: s.body, step: s.step, voter: v.voter, channel: 'paper' },
            { place: p.village },
          );
        }
        ballots.countMany(tx, p, counted, deltas, 'retry', 'retry');
      });
      if (result !== 'lost') break;
    }
    for (const [i, v] of outcome) byLine.set(i, v);
  }

  const lines = [...byLine.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
  const count = (verdict: LineVerdict['verdict']) => lines.filter((l) => l.verdict === verdict).length;
  const result = {
    batchRef: cmd.batchRef,
    accepted: count('accepted'),
    alreadyCounted: count('already-counted'),
    refused: count('refused'),
    lines,
  };
  ballots.savePaper(ctx.tx, {
    proposalId: p.proposalId,
    round: p.round,
    step: p.step,
    batchRef: cmd.batchRef,
    scan,
    importedBy: castBy,
    importedAt: ctx.now().toISOString(),
    accepted: result.accepted + result.alreadyCounted,
    refused: result.refused,
    lines,
  });
  return result;
}

/**
 * Who voted and how. Participation is public to the village; choices of a secret ballot only to the supervision
 * committee (监委会). Voters' names are masked as on a public notice.
 */
export async function listBallots(
  proposalId: string,
  query: { round?: number | undefined; step?: number | undefined; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
) {
  const p = (await proposalOrThrow(ctx, proposalId)).value;
  const round = query.round ?? p.round;
  const step = query.step ?? p.step;
  const body = p.chain[step]?.body;
  if (!body) throw problems.notFound({ zh: '表决环节', en: 'The step' });
  const visible = !p.secret || callerHolds(ctx, 'supervisor', p.village);
  if (p.secret && visible) ctx.log.info('secret ballot choices read', { proposalId: p.proposalId, round, step, by: ctx.actor.sub });
  const page = await ballots.page(ctx.table, { proposalId: p.proposalId, round, step }, query);
  const people = await peopleById(
    ctx,
    page.items.map((b) => b.voter),
  );
  return {
    secret: p.secret,
    choicesVisible: visible,
    items: page.items.map(({ choice, ...b }) => {
      const name = people.get(b.voter)?.name;
      return { proposalId: p.proposalId, round, step, body, ...b, ...(visible ? { choice } : {}), ...(name ? { voterName: name } : {}) };
    }),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}
