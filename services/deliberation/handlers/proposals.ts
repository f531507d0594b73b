import { z } from 'zod';
import { Id, PlacePath, type ProjectPlan, VillageClass } from '@cocreate/contracts';
import { type RouteContext, type ServiceContext, type Table, defineRoute, newId, problems } from '@cocreate/kernel';
import { StepRule } from '../domain/chains.ts';
import { pickContent } from '../domain/plans.ts';
import {
  Proposal,
  type ProposalSubject,
  type StepRecord,
  applyResolution,
  resolveRecordedStep,
  resubmit,
  startProposal,
} from '../domain/proposals.ts';
import { emptyTally, sumTallies } from '../domain/votes.ts';
import { type Versioned, keys, plans, proposals, shards } from '../store.ts';
import { VILLAGE_READERS, assertVillage, callerHolds, dayInChina, refuse } from './common.ts';
import { beginRound, electorateAt, recordResolution } from './flow.ts';
import { assertChainFits, chainMembers, currentChain, currentSettings } from './settings.ts';

const TallyView = z.object({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int(), cast: z.number().int() });
const Check = z.object({
  part: z.number().int(),
  whole: z.number().int(),
  required: z.object({ op: z.string(), num: z.number().int(), den: z.number().int() }),
  held: z.boolean(),
  needed: z.number().int(),
  margin: z.number().int(),
});

export const StepView = z.object({
  round: z.number().int(),
  step: z.number().int(),
  body: z.string(),
  rule: StepRule,
  members: z.number().int(),
  status: z.enum(['open', 'passed', 'failed']),
  openedAt: z.string(),
  tally: TallyView,
  resolvedAt: z.string().optional(),
  resolution: z.object({ passed: z.boolean(), reason: z.string().optional(), quorum: Check, passing: Check }).optional(),
  outcome: z.string().optional(),
  note: z.string().optional(),
});
export type StepView = z.infer<typeof StepView>;

const Disclosure = z.object({
  projectId: z.string(),
  acceptedAt: z.string(),
  budget: z.number().int(),
  spent: z.number().int(),
  beneficiaries: z.array(z.string()),
  disclosedAt: z.string(),
});

export const ProposalView = Proposal.extend({
  steps: z.array(StepView),
  implementation: Disclosure.optional(),
});

/** A tally read: the step record's rule and members plus SHARDS counter items — constant cost at any size. */
export async function readTally(table: Table, s: StepRecord) {
  if (s.resolution) return s.resolution.tally;
  return sumTallies(await shards.read(table, keys.tally(s.proposalId, s.round, s.step)));
}

export function stepView(s: StepRecord, tally: z.infer<typeof TallyView>): StepView {
  return {
    round: s.round,
    step: s.step,
    body: s.body,
    rule: s.rule,
    members: s.members.length,
    status: s.status,
    openedAt: s.openedAt,
    tally,
    ...(s.resolvedAt ? { resolvedAt: s.resolvedAt } : {}),
    ...(s.resolution
      ? {
          resolution: {
            passed: s.resolution.passed,
            ...(s.resolution.reason ? { reason: s.resolution.reason } : {}),
            quorum: s.resolution.quorum,
            passing: s.resolution.passing,
          },
        }
      : {}),
    ...(s.outcome ? { outcome: s.outcome } : {}),
    ...(s.note ? { note: s.note } : {}),
  };
}

/**
 * The proposal with all its steps. `pending` are step records this request writes (not yet committed): they replace
 * or extend what the table holds, so a response shows the state the commit produces.
 */
export async function proposalView(ctx: ServiceContext, p: Proposal, pending: readonly StepRecord[] = []) {
  const [stored, disclosure] = await Promise.all([proposals.steps(ctx.table, p.proposalId), proposals.disclosure(ctx.table, p.proposalId)]);
  const key = (s: StepRecord) => `${s.round}/${s.step}`;
  const storedKeys = new Set(stored.map(key));
  const byKey = new Map(stored.map((s) => [key(s), s]));
  for (const s of pending) byKey.set(key(s), s);
  const steps = [...byKey.values()].sort((a, b) => a.round - b.round || a.step - b.step);
  // A step opened by this very request has no counters in the table yet: its tally is zero.
  const views = await Promise.all(
    steps.map(async (s) => stepView(s, storedKeys.has(key(s)) || s.resolution ? await readTally(ctx.table, s) : emptyTally())),
  );
  return {
    ...p,
    steps: views,
    ...(disclosure
      ? {
          implementation: {
            projectId: disclosure.projectId,
            acceptedAt: disclosure.acceptedAt,
            budget: disclosure.budget,
            spent: disclosure.spent,
            beneficiaries: disclosure.beneficiaries,
            disclosedAt: disclosure.disclosedAt,
          },
        }
      : {}),
  };
}

/** The proposal a request is about, read once per attempt: the route's place check and the handler share it. */
export function loadProposal(ctx: Pick<RouteContext, 'table' | 'once'>, proposalId: string): Promise<Versioned<Proposal> | undefined> {
  return ctx.once(`proposal:${proposalId}`, () => proposals.getVersioned(ctx.table, proposalId));
}

export const proposalVillage = async ({ params }: { params: { proposalId: string } }, ctx: RouteContext) =>
  (await loadProposal(ctx, params.proposalId))?.value.village;

const secret = z.boolean().default(false).describe('Secret ballot: totals public, individual choices only to the supervision committee');

export const SubmitProposal = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('project-plan'),
    village: PlacePath,
    planId: Id,
    /** The plan version the proposal carries (default: the current one). */
    planVersion: z.number().int().positive().optional(),
    title: z.string().trim().min(1).max(200).optional(),
    secret,
  }),
  z.object({
    kind: z.literal('compact'),
    village: PlacePath,
    /** The draft lives in the compacts service; the proposal names it. */
    compactId: Id,
    version: z.number().int().positive(),
    title: z.string().trim().min(1).max(200),
    secret,
  }),
  z.object({
    kind: z.literal('village-classification'),
    village: PlacePath,
    classification: VillageClass,
    reasons: z.string().trim().max(2000).optional(),
    title: z.string().trim().min(1).max(200).optional(),
    secret,
  }),
]);
export type SubmitProposal = z.infer<typeof SubmitProposal>;

/** The plan version a project-plan proposal carries, copied in as the contract's ProjectPlan. */
async function planSubject(ctx: ServiceContext, village: string, planId: string, version: number | undefined): Promise<ProposalSubject> {
  const head = await plans.getVersioned(ctx.table, planId);
  if (!head) throw refuse('plan-version-missing', {}, '/planId');
  if (head.value.village !== village) throw refuse('plan-elsewhere', {}, '/planId');
  const v = await plans.version(ctx.table, planId, version ?? head.value.currentVersion);
  if (!v) throw refuse('plan-version-missing', {}, '/planVersion');
  const plan: ProjectPlan = { planId, planVersion: v.version, ...pickContent(v) };
  return { kind: 'project-plan', plan };
}

const CLASS_TITLE = { pilot: '试点村 / pilot village', remediation: '整治村 / remediation village' } as const;

export const submitProposal = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals',
  operationId: 'submitProposal',
  summary: 'Submit a proposal into its village’s decision chain (cadres; classification also township officials)',
  auth: { roles: ['cadre', 'township-official'], place: ({ body }) => body.village },
  body: SubmitProposal,
  response: ProposalView,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    await assertVillage(ctx, body.village);
    if (body.kind !== 'village-classification' && !callerHolds(ctx, 'cadre', body.village)) throw refuse('cadres-submit');
    const config = await currentChain(ctx, body.village, body.kind);
    // The chain is checked against the bodies as they are today, and the first body's vote opens with the same read.
    const members = await chainMembers(ctx, body.village, config.chain, dayInChina(ctx.now()));
    assertChainFits(config.chain, members, '/chain');
    let subject: ProposalSubject;
    let title: string;
    switch (body.kind) {
      case 'project-plan':
        subject = await planSubject(ctx, body.village, body.planId, body.planVersion);
        title = body.title ?? (subject.kind === 'project-plan' ? subject.plan.title : '');
        break;
      case 'compact':
        subject = { kind: 'compact', compactId: body.compactId, version: body.version };
        title = body.title;
        break;
      case 'village-classification':
        subject = {
          kind: 'village-classification',
          classification: body.classification,
          ...(body.reasons ? { reasons: body.reasons } : {}),
        };
        title = body.title ?? `村庄分类 / village classification: ${CLASS_TITLE[body.classification]}`;
        break;
    }
    const p = startProposal({
      proposalId: newId(),
      village: body.village,
      title,
      subject,
      chain: config.chain,
      secret: body.secret,
      submittedBy: ctx.actor.sub,
      now: ctx.now(),
    });
    const step = beginRound(ctx, ctx.tx, p, undefined, ctx.actor.sub, members.get(config.chain[0]!.body)!);
    return proposalView(ctx, p, [step]);
  },
});

export const listProposals = defineRoute({
  method: 'GET',
  path: '/deliberation/proposals',
  operationId: 'listProposals',
  summary: 'A village’s proposals, newest first',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: z.object({
    village: PlacePath,
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(2048).optional(),
  }),
  response: z.object({ items: z.array(Proposal), cursor: z.string().optional() }),
  handler: async ({ query }, ctx) => proposals.listByVillage(ctx.table, query.village, query),
});

export const getProposal = defineRoute({
  method: 'GET',
  path: '/deliberation/proposals/{proposalId}',
  operationId: 'getProposal',
  summary: 'A proposal with every step of every round (tallies, quorum and passing checks) and its disclosures',
  auth: { roles: VILLAGE_READERS, place: proposalVillage },
  params: z.object({ proposalId: Id }),
  response: ProposalView,
  handler: async ({ params }, ctx) => {
    const cur = await loadProposal(ctx, params.proposalId);
    if (!cur) throw problems.notFound({ zh: '议题', en: 'The proposal' });
    return proposalView(ctx, cur.value);
  },
});

export const getTally = defineRoute({
  method: 'GET',
  path: '/deliberation/proposals/{proposalId}/tally',
  operationId: 'getTally',
  summary: 'The running tally of a step (default: the current one): a constant-cost read of its counters',
  auth: { roles: VILLAGE_READERS, place: proposalVillage },
  params: z.object({ proposalId: Id }),
  query: z.object({ round: z.coerce.number().int().positive().optional(), step: z.coerce.number().int().nonnegative().optional() }),
  response: StepView,
  handler: async ({ params, query }, ctx) => {
    const cur = await loadProposal(ctx, params.proposalId);
    if (!cur) throw problems.notFound({ zh: '议题', en: 'The proposal' });
    const s = await proposals.step(ctx.table, params.proposalId, query.round ?? cur.value.round, query.step ?? cur.value.step);
    if (!s) throw problems.notFound({ zh: '表决环节', en: 'The step' });
    return stepView(s, await readTally(ctx.table, s));
  },
});

/**
 * The proposal once it has moved past `version`, or undefined if it has not within about a second. Each item of a
 * transaction becomes visible on its own (DynamoDB Local even shows them one by one while it commits), so the step a
 * concurrent resolve closed can be seen before the proposal it moved on; a step closed under a proposal that never
 * moves is a broken invariant, left to fail loudly.
 */
async function movedOn(ctx: RouteContext, proposalId: string, version: number): Promise<Proposal | undefined> {
  for (let i = 0; i < 10; i++) {
    // Read afresh: loadProposal keeps the copy this attempt began with.
    const now = await proposals.getVersioned(ctx.table, proposalId);
    if (now && now.version !== version) return now.value;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

/**
 * Closes the current body's vote and resolves it. The counters are frozen on exactly the ballots read (a ballot
 * arriving meanwhile makes the close recompute; one arriving after is refused), so the result counts every ballot
 * that was accepted and nothing else.
 */
export const resolveProposalStep = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/resolve',
  operationId: 'resolveStep',
  summary: 'Close the current body’s vote and resolve it: next body, adopted into notice, returned, or rejected (cadres)',
  auth: { roles: ['cadre'], place: proposalVillage },
  params: z.object({ proposalId: Id }),
  body: z.object({
    /** The step being closed, as the caller sees it (a guard against closing the next body by a double click). */
    step: z.number().int().nonnegative(),
    note: z.string().trim().max(1000).optional(),
  }),
  response: ProposalView,
  handler: async ({ params, body }, ctx) => {
    const cur = await loadProposal(ctx, params.proposalId);
    if (!cur) throw problems.notFound({ zh: '议题', en: 'The proposal' });
    const p = cur.value;
    if (p.status !== 'voting') throw refuse('not-voting', { current: p.status });
    if (body.step !== p.step) throw refuse('step-not-current', { currentStep: p.step });
    const step = await proposals.step(ctx.table, p.proposalId, p.round, p.step);
    if (!step || step.status !== 'open') {
      // Another resolve closed this step between the two reads: answer as a request arriving after it would.
      const now = await movedOn(ctx, params.proposalId, cur.version);
      if (!now) throw new Error(`proposal ${p.proposalId} is voting but step ${p.round}/${p.step} is not open`);
      if (now.status !== 'voting') throw refuse('not-voting', { current: now.status });
      throw refuse('step-not-current', { currentStep: now.step });
    }
    const read = await shards.read(ctx.table, keys.tally(p.proposalId, p.round, p.step));
    const resolution = resolveRecordedStep(step, sumTallies(read));
    const settings = await currentSettings(ctx, p.village);
    const applied = applyResolution(p, p.step, resolution, settings.noticeDays[p.kind], ctx.now(), body.note);
    if ('refused' in applied) throw refuse(applied.refused);
    shards.freeze(ctx.tx, read, ctx.now().toISOString());
    const changed = await recordResolution(ctx, ctx.tx, {
      after: applied.proposal,
      expectedVersion: cur.version,
      step,
      resolution,
      outcome: applied.outcome,
      resolvedBy: ctx.actor.sub,
      ...(body.note ? { note: body.note } : {}),
    });
    return proposalView(ctx, applied.proposal, [changed.resolved, ...(changed.opened ? [changed.opened] : [])]);
  },
});

export const resubmitProposal = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/resubmit',
  operationId: 'resubmitProposal',
  summary:
    'Resubmit a returned or reopened proposal, optionally revised (another plan version, compact version or class): a new round from the first body',
  auth: { roles: ['cadre'], place: proposalVillage },
  params: z.object({ proposalId: Id }),
  body: z.object({
    title: z.string().trim().min(1).max(200).optional(),
    planVersion: z.number().int().positive().optional(),
    compactVersion: z.number().int().positive().optional(),
    classification: VillageClass.optional(),
    note: z.string().trim().max(1000).optional(),
  }),
  response: ProposalView,
  handler: async ({ params, body }, ctx) => {
    const cur = await loadProposal(ctx, params.proposalId);
    if (!cur) throw problems.notFound({ zh: '议题', en: 'The proposal' });
    const p = cur.value;
    let subject: ProposalSubject | undefined;
    const s = p.subject;
    if (body.planVersion !== undefined) {
      if (s.kind !== 'project-plan') throw refuse('subject-mismatch', {}, '/planVersion');
      subject = await planSubject(ctx, p.village, s.plan.planId, body.planVersion);
    }
    if (body.compactVersion !== undefined) {
      if (s.kind !== 'compact') throw refuse('subject-mismatch', {}, '/compactVersion');
      subject = { ...s, version: body.compactVersion };
    }
    if (body.classification !== undefined) {
      if (s.kind !== 'village-classification') throw refuse('subject-mismatch', {}, '/classification');
      subject = { ...s, classification: body.classification };
    }
    const next = resubmit(p, { ...(body.title ? { title: body.title } : {}), ...(subject ? { subject } : {}) }, ctx.now());
    if ('refused' in next) throw refuse(next.refused, { current: p.status });
    const step = beginRound(ctx, ctx.tx, next, cur.version, ctx.actor.sub, await electorateAt(ctx, next));
    return proposalView(ctx, next, [step]);
  },
});
