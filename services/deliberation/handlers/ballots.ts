import { z } from 'zod';
import { BallotCast, BallotChannel, EvidenceRef, Id, PersonId, says } from '@cocreate/contracts';
import { Problem, type RouteContext, defineRoute, newId, problems } from '@cocreate/kernel';
import { type Proposal, type StepRecord, isElector } from '../domain/proposals.ts';
import {
  type Ballot,
  Choice,
  type LineVerdict,
  MAX_PROXIES_PER_PERSON,
  PaperLine,
  checkProxy,
  classifyPaperLines,
} from '../domain/votes.ts';
import { type ProxyAuthorisation, keys, proposals, shards } from '../store.ts';
import { VILLAGE_PEOPLE, VILLAGE_READERS, callerHolds, peopleById, refuse } from './common.ts';
import { loadProposal, proposalVillage } from './proposals.ts';

const ProposalParams = z.object({ proposalId: Id });

/** The proposal and its open step, when `step` is the one voting now; otherwise the refusal. */
async function openStepOf(ctx: RouteContext, proposalId: string, step: number): Promise<{ p: Proposal; s: StepRecord }> {
  const cur = await loadProposal(ctx, proposalId);
  if (!cur) throw problems.notFound({ zh: '议题', en: 'The proposal' });
  const p = cur.value;
  if (p.status !== 'voting') throw refuse('voting-closed', { current: p.status });
  if (step !== p.step) throw refuse('step-not-current', { currentStep: p.step });
  const s = await proposals.step(ctx.table, proposalId, p.round, p.step);
  if (!s || s.status !== 'open') throw refuse('voting-closed');
  return { p, s };
}

function alreadyVoted(existing: Ballot): Problem {
  return refuse('already-voted', {
    voter: existing.voter,
    channel: existing.channel,
    castAt: existing.castAt,
    ...(existing.batchRef ? { batchRef: existing.batchRef } : {}),
  });
}

const BallotView = z.object({
  proposalId: Id,
  round: z.number().int(),
  step: z.number().int(),
  body: z.string(),
  voter: z.string(),
  channel: BallotChannel,
  castBy: z.string(),
  castAt: z.string(),
  choice: Choice.optional(),
  batchRef: z.string().optional(),
  line: z.number().int().optional(),
  authorisationId: z.string().optional(),
});

/**
 * 投票: a member of the voting body casts their own ballot online, or an authorised proxy casts it for them. A voter
 * counts once across all channels: the ballot record is created only if none exists, in the same transaction as
 * the tally increment.
 */
export const castBallot = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/ballots',
  operationId: 'castBallot',
  summary: 'Cast a ballot at the current step: your own (online), or for a voter who authorised you (proxy)',
  auth: { roles: VILLAGE_PEOPLE, place: proposalVillage },
  params: ProposalParams,
  body: z.object({
    step: z.number().int().nonnegative(),
    choice: Choice,
    /** Set when voting as a proxy: the voter who authorised you. */
    onBehalfOf: PersonId.optional(),
  }),
  response: BallotView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const { p, s } = await openStepOf(ctx, params.proposalId, body.step);
    const caller = ctx.actor.sub;
    const proxying = body.onBehalfOf !== undefined && body.onBehalfOf !== caller;
    const voter = proxying ? body.onBehalfOf! : caller;
    const [authorisation, existing] = await Promise.all([
      proxying ? proposals.proxy(ctx.table, p.proposalId, p.round, p.step, voter) : Promise.resolve(undefined),
      proposals.ballot(ctx.table, p.proposalId, p.round, p.step, voter),
    ]);
    if (proxying && (!authorisation || authorisation.proxy !== caller)) throw refuse('no-proxy-authorisation', { voter });
    if (!isElector(s, voter)) throw refuse('not-a-member', { body: s.body });
    if (existing) throw alreadyVoted(existing);
    const ballot: Ballot = {
      voter,
      choice: body.choice,
      channel: proxying ? 'proxy' : 'online',
      castBy: caller,
      castAt: ctx.now().toISOString(),
      ...(authorisation ? { authorisationId: authorisation.authorisationId } : {}),
    };
    proposals.countBallot(ctx.tx, p.proposalId, p.round, p.step, ballot, refuse('already-voted', { voter }), refuse('voting-closed'));
    ctx.tx.emit(
      BallotCast,
      { proposalId: p.proposalId, village: p.village, body: s.body, step: s.step, voter, channel: ballot.channel },
      { place: p.village },
    );
    return { proposalId: p.proposalId, round: p.round, step: s.step, body: s.body, ...ballot };
  },
});

/** 委托投票: a voter authorises someone of the village to vote for them at one step (委托书). */
export const authoriseProxy = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/proxies',
  operationId: 'authoriseProxy',
  summary: 'Authorise a proxy for the current step: by the voter online, or recorded by a cadre with the signed form’s scan',
  auth: { roles: VILLAGE_PEOPLE, place: proposalVillage },
  params: ProposalParams,
  body: z.object({
    step: z.number().int().nonnegative(),
    principal: PersonId,
    proxy: PersonId,
    /** The signed authorisation form (委托书); required when a cadre records it for someone else. */
    evidence: EvidenceRef.optional(),
  }),
  response: z.object({
    authorisationId: Id,
    proposalId: Id,
    round: z.number().int(),
    step: z.number().int(),
    principal: z.string(),
    proxy: z.string(),
    evidence: EvidenceRef.optional(),
    grantedBy: z.string(),
    grantedAt: z.string(),
  }),
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const { p, s } = await openStepOf(ctx, params.proposalId, body.step);
    const self = ctx.actor.sub === body.principal;
    if (!self && !callerHolds(ctx, 'cadre', p.village)) throw refuse('not-principal-or-cadre');
    if (!self && !body.evidence) throw refuse('authorisation-evidence-required', {}, '/evidence');
    const evidence = body.evidence ? await ctx.evidence.verify(body.evidence, p.village, '/evidence') : undefined;
    const [held, proxy] = await Promise.all([
      proposals.proxiesHeld(ctx.table, p.proposalId, p.round, p.step, body.proxy),
      ctx.register.person(body.proxy),
    ]);
    const refusal = checkProxy(
      body.principal,
      body.proxy,
      p.village,
      (person) => isElector(s, person),
      (person) => (person === proxy?.id ? proxy.village : undefined),
      held,
    );
    if (refusal) throw refuse(refusal, refusal === 'proxy-limit-reached' ? { limit: MAX_PROXIES_PER_PERSON } : {});
    const existing = await proposals.ballot(ctx.table, p.proposalId, p.round, p.step, body.principal);
    if (existing) throw alreadyVoted(existing);
    const a: ProxyAuthorisation = {
      authorisationId: newId(),
      proposalId: p.proposalId,
      round: p.round,
      step: p.step,
      principal: body.principal,
      proxy: body.proxy,
      ...(evidence ? { evidence } : {}),
      grantedBy: ctx.actor.sub,
      grantedAt: ctx.now().toISOString(),
    };
    proposals.authoriseProxy(
      ctx.tx,
      a,
      MAX_PROXIES_PER_PERSON,
      refuse('proxy-already-authorised'),
      refuse('proxy-limit-reached', { limit: MAX_PROXIES_PER_PERSON }),
    );
    return a;
  },
});

/** Lines of a sheet committed together: each line is a ballot and an event, plus one tally increment per chunk. */
const LINES_PER_UNIT = 40;

const Verdict = z.object({
  line: z.number().int(),
  voter: z.string(),
  choice: Choice,
  verdict: z.enum(['accepted', 'already-counted', 'refused']),
  reason: z.string().optional(),
  existing: z.object({ channel: BallotChannel, batchRef: z.string().optional() }).optional(),
});

/**
 * 纸质计票单导入: a cadre imports a paper tally sheet for the current step, with the sheet's scan as evidence. Every
 * line gets a verdict — counted, already counted by this same sheet (a re-import), or refused with the reason (not a
 * member, twice on the sheet, already voted by another channel, voting closed). Lines are committed in chunks; a
 * chunk whose voter cast a ballot meanwhile is recomputed, so that line is reported as refused, never dropped.
 */
export const importPaperBallots = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/paper-ballots',
  operationId: 'importPaperBallots',
  summary: 'Import a paper tally sheet for the current step (cadres): the scan as evidence, a verdict per line',
  auth: { roles: ['cadre'], place: proposalVillage },
  params: ProposalParams,
  body: z.object({
    step: z.number().int().nonnegative(),
    /** The sheet's own reference (计票单编号), unique within the step; re-importing it changes nothing already counted. */
    batchRef: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9._-]+$/, says({ zh: '字母、数字和 . _ -', en: 'letters, digits, . _ -' })),
    scan: EvidenceRef,
    lines: z.array(PaperLine).min(1).max(1000),
  }),
  response: z.object({
    batchRef: z.string(),
    accepted: z.number().int(),
    alreadyCounted: z.number().int(),
    refused: z.number().int(),
    lines: z.array(Verdict),
  }),
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const { p, s } = await openStepOf(ctx, params.proposalId, body.step);
    const scan = await ctx.evidence.verify(body.scan, p.village, '/scan');
    const prior = await proposals.paper(ctx.table, p.proposalId, p.round, p.step, body.batchRef);
    if (prior && prior.scan.key !== scan.key) throw refuse('paper-sheet-conflict', { batchRef: body.batchRef });
    const isMember = (v: string) => isElector(s, v);
    const existing = await proposals.ballotsOf(
      ctx.table,
      p.proposalId,
      p.round,
      p.step,
      [...new Set(body.lines.map((l) => l.voter))].filter(isMember),
    );
    const verdicts = classifyPaperLines(body.lines, body.batchRef, isMember, (v) => existing.get(v));
    const byLine = new Map(verdicts.map((v, i) => [i, v]));
    const toCount = verdicts.map((v, i) => ({ v, i })).filter(({ v }) => v.verdict === 'accepted');
    const castBy = ctx.actor.sub;
    const tallyBase = keys.tally(p.proposalId, p.round, p.step);

    for (let c = 0; c < toCount.length; c += LINES_PER_UNIT) {
      const chunk = toCount.slice(c, c + LINES_PER_UNIT);
      let outcome: Map<number, LineVerdict> = new Map();
      try {
        await ctx.unit(async (tx) => {
          // Re-read inside the unit: a retry after a conflict sees the ballot that caused it.
          const fresh = await proposals.ballotsOf(
            ctx.table,
            p.proposalId,
            p.round,
            p.step,
            chunk.map(({ v }) => v.voter),
          );
          outcome = new Map();
          const deltas = { yes: 0, no: 0, abstain: 0, cast: 0 };
          for (const { v, i } of chunk) {
            const again = classifyPaperLines([v], body.batchRef, isMember, (voter) => fresh.get(voter))[0]!;
            outcome.set(i, again);
            if (again.verdict !== 'accepted') continue;
            const at = ctx.now().toISOString();
            const ballot: Ballot = {
              voter: v.voter,
              choice: v.choice,
              channel: 'paper',
              castBy,
              castAt: at,
              batchRef: body.batchRef,
              line: v.line,
            };
            tx.create({ ...keys.ballot(p.proposalId, p.round, p.step, v.voter), ...ballot }, 'retry');
            tx.emit(
              BallotCast,
              { proposalId: p.proposalId, village: p.village, body: s.body, step: s.step, voter: v.voter, channel: 'paper' },
              { place: p.village },
            );
            deltas[v.choice] += 1;
            deltas.cast += 1;
          }
          if (deltas.cast > 0) shards.add(tx, tallyBase, deltas, refuse('voting-closed'));
        });
      } catch (err) {
        if (!(err instanceof Problem) || err.code !== 'voting-closed') throw err;
        outcome = new Map(chunk.map(({ v, i }) => [i, { ...v, verdict: 'refused' as const, reason: 'voting-closed' as const }]));
      }
      for (const [i, v] of outcome) byLine.set(i, v);
    }

    const lines = [...byLine.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
    const count = (verdict: LineVerdict['verdict']) => lines.filter((l) => l.verdict === verdict).length;
    const result = {
      batchRef: body.batchRef,
      accepted: count('accepted'),
      alreadyCounted: count('already-counted'),
      refused: count('refused'),
      lines,
    };
    proposals.savePaper(ctx.tx, {
      proposalId: p.proposalId,
      round: p.round,
      step: p.step,
      batchRef: body.batchRef,
      scan,
      importedBy: castBy,
      importedAt: ctx.now().toISOString(),
      accepted: result.accepted + result.alreadyCounted,
      refused: result.refused,
      lines,
    });
    return result;
  },
});

/**
 * Who voted and how. Participation is public to the village; choices of a secret ballot only to the supervision
 * committee (监委会). Voters' names are masked as on a public notice.
 */
export const listBallots = defineRoute({
  method: 'GET',
  path: '/deliberation/proposals/{proposalId}/ballots',
  operationId: 'listBallots',
  summary: 'The counted ballots of a step (default: current); a secret ballot’s choices only for the supervision committee',
  auth: { roles: VILLAGE_READERS, place: proposalVillage },
  params: ProposalParams,
  query: z.object({
    round: z.coerce.number().int().positive().optional(),
    step: z.coerce.number().int().nonnegative().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
    cursor: z.string().max(2048).optional(),
  }),
  response: z.object({
    secret: z.boolean(),
    choicesVisible: z.boolean(),
    items: z.array(BallotView.extend({ voterName: z.string().optional() })),
    cursor: z.string().optional(),
  }),
  handler: async ({ params, query }, ctx) => {
    const cur = await loadProposal(ctx, params.proposalId);
    if (!cur) throw problems.notFound({ zh: '议题', en: 'The proposal' });
    const p = cur.value;
    const round = query.round ?? p.round;
    const step = query.step ?? p.step;
    const body = p.chain[step]?.body;
    if (!body) throw problems.notFound({ zh: '表决环节', en: 'The step' });
    const visible = !p.secret || callerHolds(ctx, 'supervisor', p.village);
    if (p.secret && visible) ctx.log.info('secret ballot choices read', { proposalId: p.proposalId, round, step, by: ctx.actor.sub });
    const pageOf = await proposals.ballots(ctx.table, p.proposalId, round, step, query);
    const people = await peopleById(
      ctx,
      pageOf.items.map((b) => b.voter),
    );
    return {
      secret: p.secret,
      choicesVisible: visible,
      items: pageOf.items.map(({ choice, ...b }) => {
        const name = people.get(b.voter)?.name;
        return { proposalId: p.proposalId, round, step, body, ...b, ...(visible ? { choice } : {}), ...(name ? { voterName: name } : {}) };
      }),
      ...(pageOf.cursor ? { cursor: pageOf.cursor } : {}),
    };
  },
});
