import { type ProjectPlan, isRefused } from '@cocreate/contracts';
import { type RouteContext, type ServiceContext, type Versioned, newId, problems } from '@cocreate/kernel';
import { pickContent } from '../domain/plans.ts';
import {
  type Proposal,
  type ProposalSubject,
  type ResubmitProposal,
  type StepRecord,
  type SubmitProposal,
  type MeetingRecord,
  applyResolution,
  checkSignIn,
  checkSubmitter,
  resolveRecordedStep,
  resubmit,
  revisedSubject,
  startProposal,
} from '../domain/proposals.ts';
import { type Tally, emptyTally, sumTallies } from '../domain/votes.ts';
import { ballots } from '../repos/ballots.ts';
import { plans } from '../repos/plans.ts';
import { proposals } from '../repos/proposals.ts';
import { assertVillage, callerHolds, listedVillage, refuse, settled } from './common.ts';
import { beginRound, electorateAt, recordResolution } from './flow.ts';
import { gatedPlan } from './renovation.ts';
import { chainForProposal, currentSettings } from './settings.ts';
import { type ProposalView, type StepView, proposalView, stepView } from './views.ts';

/** The proposal a request is about, read once per attempt: the route's place check and the use case share it. */
export function loadProposal(ctx: Pick<RouteContext, 'table' | 'once'>, proposalId: string): Promise<Versioned<Proposal> | undefined> {
  return ctx.once(`proposal:${proposalId}`, () => proposals.getVersioned(ctx.table, proposalId));
}

export async function proposalOrThrow(ctx: Pick<RouteContext, 'table' | 'once'>, proposalId: string): Promise<Versioned<Proposal>> {
  const cur = await loadProposal(ctx, proposalId);
  if (!cur) throw problems.notFound({ zh: '议题', en: 'The proposal' });
  return cur;
}

/** The village of the proposal a route names (the route's place check). */
export const proposalVillage = async ({ params }: { params: { proposalId: string } }, ctx: RouteContext) =>
  (await loadProposal(ctx, params.proposalId))?.value.village;

/** A step's tally: its resolution's once resolved, else a read of its SHARDS counters — constant cost at any size. */
export async function readTally(ctx: ServiceContext, s: StepRecord): Promise<Tally> {
  if (s.resolution) return s.resolution.tally;
  return sumTallies(await ballots.tally(ctx.table, s));
}

/** Views of stored steps, each with its tally. */
export function stepViews(ctx: ServiceContext, steps: readonly StepRecord[]): Promise<StepView[]> {
  return Promise.all(steps.map(async (s) => stepView(s, await readTally(ctx, s))));
}

/** A proposal as stored: its steps of every round and its disclosure, read once. */
export async function getProposal(proposalId: string, ctx: RouteContext): Promise<ProposalView> {
  const cur = await proposalOrThrow(ctx, proposalId);
  const [steps, disclosure] = await Promise.all([proposals.steps(ctx.table, proposalId), proposals.disclosure(ctx.table, proposalId)]);
  return proposalView(cur.value, await stepViews(ctx, steps), disclosure);
}

/** The running tally of a step (default: the current one). */
export async function getTally(proposalId: string, query: { round?: number | undefined; step?: number | undefined }, ctx: RouteContext) {
  const cur = await proposalOrThrow(ctx, proposalId);
  const s = await proposals.step(ctx.table, proposalId, query.round ?? cur.value.round, query.step ?? cur.value.step);
  if (!s) throw problems.notFound({ zh: '表决环节', en: 'The step' });
  return stepView(s, await readTally(ctx, s));
}

/**
 * The plan version a project-plan proposal carries, copied in as the contract's ProjectPlan, through the consent gate:
 * a renovation plan names its compound and the consent poll that passed for it (`consentPollId` given here names
 * the poll when the version does not).
 */
async function planSubject(
  ctx: ServiceContext,
  village: string,
  planId: string,
  version: number | undefined,
  consentPollId?: string,
): Promise<ProposalSubject> {
  const head = await plans.getVersioned(ctx.table, planId);
  if (!head) throw refuse('plan-version-missing', {}, '/planId');
  if (head.value.village !== village) throw refuse('plan-elsewhere', {}, '/planId');
  const v = await plans.version(ctx.table, planId, version ?? head.value.currentVersion);
  if (!v) throw refuse('plan-version-missing', {}, '/planVersion');
  const plan: ProjectPlan = { planId, planVersion: v.version, ...pickContent(v), ...(consentPollId ? { consentPollId } : {}) };
  return { kind: 'project-plan', plan: await gatedPlan(ctx, village, plan) };
}

const CLASS_TITLE = { pilot: '试点村 / pilot village', remediation: '整治村 / remediation village' } as const;

async function subjectOf(cmd: SubmitProposal, ctx: ServiceContext): Promise<{ subject: ProposalSubject; title: string }> {
  switch (cmd.kind) {
    case 'project-plan': {
      const subject = await planSubject(ctx, cmd.village, cmd.planId, cmd.planVersion, cmd.consentPollId);
      return { subject, title: cmd.title ?? (subject.kind === 'project-plan' ? subject.plan.title : '') };
    }
    case 'compact':
      return { subject: { kind: 'compact', compactId: cmd.compactId, version: cmd.version }, title: cmd.title };
    case 'village-classification':
      return {
        subject: { kind: 'village-classification', classification: cmd.classification, ...(cmd.reasons ? { reasons: cmd.reasons } : {}) },
        title: cmd.title ?? `村庄分类 / village classification: ${CLASS_TITLE[cmd.classification]}`,
      };
  }
}

/** A proposal enters its village's chain: its first body's vote opens with that body's members today. */
export async function submitProposal(cmd: SubmitProposal, ctx: RouteContext): Promise<ProposalView> {
  await assertVillage(ctx, cmd.village);
  settled(checkSubmitter(cmd.kind, callerHolds(ctx, 'cadre', cmd.village)));
  const { subject, title } = await subjectOf(cmd, ctx);
  // The chain is checked against the bodies as they are today and against the floor at the subject's amount; the
  // first body's vote opens with the same read.
  const { config, members } = await chainForProposal(ctx, cmd.village, subject);
  const p = startProposal({
    proposalId: newId(),
    village: cmd.village,
    title,
    subject,
    chain: config.chain,
    secret: cmd.secret,
    submittedBy: ctx.actor.sub,
    now: ctx.now(),
  });
  const step = beginRound(ctx, ctx.tx, p, undefined, ctx.actor.sub, members.get(config.chain[0]!.body)!);
  // A new proposal: its one step just opened (no ballots yet), and no disclosure can name its new id.
  return proposalView(p, [stepView(step, emptyTally())], undefined);
}

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
 * that was accepted and nothing else. The steps and the disclosure are read once, before any write: the answer is
 * built from them and from what this resolution writes.
 */
export async function resolveStep(proposalId: string, cmd: { step: number; note?: string | undefined } & MeetingRecord, ctx: RouteContext) {
  const cur = await proposalOrThrow(ctx, proposalId);
  const p = cur.value;
  if (p.status !== 'voting') throw refuse('not-voting', { current: p.status });
  if (cmd.step !== p.step) throw refuse('step-not-current', { currentStep: p.step });
  const [steps, disclosure] = await Promise.all([proposals.steps(ctx.table, proposalId), proposals.disclosure(ctx.table, proposalId)]);
  const step = steps.find((s) => s.round === p.round && s.step === p.step);
  if (!step || step.status !== 'open') {
    // Another resolve closed this step between the two reads: answer as a request arriving after it would.
    const now = await movedOn(ctx, proposalId, cur.version);
    if (!now) throw new Error(`proposal ${proposalId} is voting but step ${p.round}/${p.step} is not open`);
    if (now.status !== 'voting') throw refuse('not-voting', { current: now.status });
    throw refuse('step-not-current', { currentStep: now.step });
  }
  // The meeting's record: who signed in (members of the body the vote opened with), its minutes.
  const badSignIn = checkSignIn(step, cmd.signIn);
  if (badSignIn) throw refuse(badSignIn.refused, badSignIn.detail ?? {}, badSignIn.pointer);
  await ctx.evidence.verify(cmd.minutes, p.village, '/minutes');
  const meeting = { signIn: cmd.signIn, minutes: cmd.minutes, heldAt: cmd.heldAt ?? ctx.now().toISOString() };
  const read = await ballots.tally(ctx.table, step);
  const resolution = resolveRecordedStep(step, sumTallies(read), cmd.signIn);
  const settings = await currentSettings(ctx, p.village);
  const applied = settled(applyResolution(p, p.step, resolution, settings.noticeDays[p.kind], ctx.now(), cmd.note));
  // A renovation plan is adopted only on consent still in force on the day (the poll may have lapsed meanwhile).
  if (applied.outcome === 'adopted' && p.subject.kind === 'project-plan') await gatedPlan(ctx, p.village, p.subject.plan);
  ballots.freezeTally(ctx.tx, read, ctx.now().toISOString());
  const changed = await recordResolution(ctx, ctx.tx, {
    after: applied.proposal,
    expectedVersion: cur.version,
    step,
    resolution,
    outcome: applied.outcome,
    resolvedBy: ctx.actor.sub,
    meeting,
    ...(cmd.note ? { note: cmd.note } : {}),
  });
  const earlier = steps.filter((s) => s !== step);
  const views = [
    ...(await stepViews(ctx, earlier)),
    stepView(changed.resolved, resolution.tally),
    ...(changed.opened ? [stepView(changed.opened, emptyTally())] : []),
  ];
  return proposalView(applied.proposal, views, disclosure);
}

/** A returned or reopened proposal, optionally revised, runs a new round from the first body. */
export async function resubmitProposal(proposalId: string, cmd: ResubmitProposal, ctx: RouteContext): Promise<ProposalView> {
  const cur = await proposalOrThrow(ctx, proposalId);
  const p = cur.value;
  const s = p.subject;
  let subject: ProposalSubject | undefined;
  if (cmd.planVersion !== undefined || cmd.consentPollId !== undefined) {
    if (s.kind !== 'project-plan') throw refuse('subject-mismatch', {}, cmd.planVersion !== undefined ? '/planVersion' : '/consentPollId');
    subject = await planSubject(
      ctx,
      p.village,
      s.plan.planId,
      cmd.planVersion ?? s.plan.planVersion,
      cmd.consentPollId ?? s.plan.consentPollId,
    );
  } else if (s.kind === 'project-plan') {
    // The same plan again: its consent must still be in force.
    subject = { kind: 'project-plan', plan: await gatedPlan(ctx, p.village, s.plan) };
  }
  const revised = revisedSubject(s, cmd);
  if (revised && 'refused' in revised) throw refuse(revised.refused, {}, revised.pointer);
  subject = revised ?? subject;
  const next = resubmit(p, { ...(cmd.title ? { title: cmd.title } : {}), ...(subject ? { subject } : {}) }, ctx.now());
  if (isRefused(next)) throw refuse(next.refused, { current: p.status });
  const [electorate, steps, disclosure] = await Promise.all([
    electorateAt(ctx, next),
    proposals.steps(ctx.table, proposalId),
    proposals.disclosure(ctx.table, proposalId),
  ]);
  const step = beginRound(ctx, ctx.tx, next, cur.version, ctx.actor.sub, electorate);
  return proposalView(next, [...(await stepViews(ctx, steps)), stepView(step, emptyTally())], disclosure);
}

export const listProposals = (query: { village: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) =>
  listedVillage(ctx, query.village).then(() => proposals.listByVillage(ctx.table, query.village, query));
