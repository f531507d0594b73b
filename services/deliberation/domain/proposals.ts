import * as z from 'zod';
import {
  once,
  type DecisionFinal,
  EvidenceRef,
  Fen,
  Id,
  IsoDateTime,
  PersonId,
  PlacePath,
  ProjectPlan,
  ProposalKind,
  type Refused,
  VillageClass,
  refused,
} from '@cocreate/contracts';
import { Chain, type StepRule } from './chains.ts';
import { type Resolution, type Tally, outcomeOf, resolveStep } from './votes.ts';

/**
 * Proposals (议题) and their life: a proposal runs its frozen chain body by body; the last body's pass adopts it
 * and starts the public notice (公示, first disclosure); a sustained objection reopens it; a notice that ends with
 * none sustained makes the decision final and files it with the township (报镇党委备案). A returned or reopened
 * proposal may be revised and resubmitted: a new round through the whole chain.
 */

/** What a proposal decides, by kind. The plan of a project-plan proposal is the version it names, copied in. */
export const ProposalSubject = once(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('project-plan'), plan: ProjectPlan() }),
    z.object({ kind: z.literal('compact'), compactId: Id, version: z.number().int().positive() }),
    z.object({ kind: z.literal('village-classification'), classification: VillageClass, reasons: z.string().max(2000).optional() }),
    z.object({
      kind: z.literal('project-change'),
      projectId: Id,
      changeId: Id,
      description: z.string().max(5000),
      budget: Fen.nonnegative().optional(),
      previousBudget: Fen.nonnegative(),
      requestedBy: z.string().min(1),
    }),
  ]),
);
export type ProposalSubject = z.infer<ReturnType<typeof ProposalSubject>>;

export const ProposalStatus = once(() =>
  z.enum([
    'voting', // a body of the chain is voting
    'returned', // a body failed it; may be revised and resubmitted (退回)
    'rejected', // a body voted it down where the chain ends the matter (否决)
    'notice', // adopted, publicly noticed (公示)
    'reopened', // a sustained objection reopened it; may be revised and resubmitted
    'final', // notice ended with no sustained objection; filed with the township (备案)
  ]),
);
export type ProposalStatus = z.infer<ReturnType<typeof ProposalStatus>>;

export const Notice = once(() =>
  z.object({
    round: z.number().int().positive(),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    days: z.number().int().positive(),
  }),
);
export type Notice = z.infer<ReturnType<typeof Notice>>;

export const Proposal = once(() =>
  z.object({
    proposalId: Id,
    village: PlacePath,
    kind: ProposalKind,
    title: z.string(),
    subject: ProposalSubject(),
    /** The chain copied at the first submission; never changes while the proposal lives. */
    chain: Chain(),
    secret: z.boolean(),
    status: ProposalStatus(),
    round: z.number().int().positive(),
    /** Index into `chain` of the body voting now (status `voting`), or of the body that last resolved. */
    step: z.number().int().nonnegative(),
    notice: Notice().optional(),
    pendingObjections: z.number().int().nonnegative(),
    /** Why it stopped: the failed body and reason, or the sustained objection. */
    stoppedBy: z
      .object({
        round: z.number().int().positive(),
        step: z.number().int().nonnegative().optional(),
        body: z.string().optional(),
        reason: z.enum(['quorum-not-met', 'threshold-not-met', 'objection-sustained']),
        objectionId: Id.optional(),
        note: z.string().optional(),
      })
      .optional(),
    submittedBy: z.string(),
    submittedAt: IsoDateTime,
    updatedAt: IsoDateTime,
    adoptedAt: IsoDateTime.optional(),
    finalAt: IsoDateTime.optional(),
    filedWith: PlacePath.optional(),
  }),
);
export type Proposal = z.infer<ReturnType<typeof Proposal>>;

/** Notice periods in days per kind (公示期), used when a village sets none. */
export const DEFAULT_NOTICE_DAYS: Record<ProposalKind, number> = {
  'project-plan': 7,
  compact: 7,
  'village-classification': 7,
  'project-change': 5,
};

const DAY_MS = 24 * 3600 * 1000;

/** A new proposal, voting at the first body of its chain, round 1. */
export function startProposal(input: {
  proposalId: string;
  village: string;
  title: string;
  subject: ProposalSubject;
  chain: Chain;
  secret: boolean;
  submittedBy: string;
  now: Date;
}): Proposal {
  const at = input.now.toISOString();
  return {
    proposalId: input.proposalId,
    village: input.village,
    kind: input.subject.kind,
    title: input.title,
    subject: input.subject,
    chain: input.chain,
    secret: input.secret,
    status: 'voting',
    round: 1,
    step: 0,
    pendingObjections: 0,
    submittedBy: input.submittedBy,
    submittedAt: at,
    updatedAt: at,
  };
}

/** Resubmission after a return or a reopening: a new round from the first body; the subject may be revised. */
export function resubmit(
  p: Proposal,
  revised: { title?: string; subject?: ProposalSubject },
  now: Date,
): Proposal | Refused<'not-resubmittable' | 'subject-kind-changed'> {
  if (p.status !== 'returned' && p.status !== 'reopened') return refused('not-resubmittable');
  if (revised.subject && revised.subject.kind !== p.kind) return refused('subject-kind-changed');
  const { notice: _n, stoppedBy: _s, adoptedAt: _a, ...rest } = p;
  return {
    ...rest,
    ...(revised.title ? { title: revised.title } : {}),
    ...(revised.subject ? { subject: revised.subject } : {}),
    status: 'voting',
    round: p.round + 1,
    step: 0,
    pendingObjections: 0,
    updatedAt: now.toISOString(),
  };
}

export type StepOutcome = ReturnType<typeof outcomeOf>;

/**
 * Applies a body's resolution of the current step: on to the next body, adopted into notice, returned, or rejected.
 * `noticeDays` is the village's notice period for the kind.
 */
export function applyResolution(
  p: Proposal,
  step: number,
  resolution: Resolution,
  noticeDays: number,
  now: Date,
  note?: string,
): { proposal: Proposal; outcome: StepOutcome } | Refused<'not-voting' | 'step-not-current'> {
  if (p.status !== 'voting') return refused('not-voting');
  if (step !== p.step) return refused('step-not-current');
  const rule: StepRule = p.chain[step]!;
  const outcome = outcomeOf(resolution, rule, step === p.chain.length - 1);
  const at = now.toISOString();
  const base = { ...p, updatedAt: at };
  switch (outcome) {
    case 'next-body':
      return { proposal: { ...base, step: step + 1 }, outcome };
    case 'adopted':
      return {
        proposal: {
          ...base,
          status: 'notice',
          adoptedAt: at,
          pendingObjections: 0,
          notice: { round: p.round, startsAt: at, endsAt: new Date(now.getTime() + noticeDays * DAY_MS).toISOString(), days: noticeDays },
        },
        outcome,
      };
    case 'returned':
    case 'rejected':
      return {
        proposal: {
          ...base,
          status: outcome,
          stoppedBy: {
            round: p.round,
            step,
            body: rule.body,
            reason: resolution.reason!,
            ...(note ? { note } : {}),
          },
        },
        outcome,
      };
  }
}

/** An objection during the notice period (and only then). */
export function raiseObjection(p: Proposal, now: Date): Proposal | Refused<'not-in-notice' | 'notice-ended'> {
  if (p.status !== 'notice' || !p.notice) return refused('not-in-notice');
  if (now.getTime() >= Date.parse(p.notice.endsAt)) return refused('notice-ended');
  return { ...p, pendingObjections: p.pendingObjections + 1, updatedAt: now.toISOString() };
}

/**
 * The committee's answer to an objection of this round's notice. A sustained one reopens the proposal; a dismissed
 * one only lowers the count of pending objections. Answers to objections of an earlier round or after the proposal
 * was already reopened are recorded without changing the proposal (`proposal` undefined).
 */
export function answerObjection(
  p: Proposal,
  objection: { objectionId: string; round: number },
  sustained: boolean,
  now: Date,
): { proposal?: Proposal; reopened: boolean } {
  if (p.status !== 'notice' || objection.round !== p.round) return { reopened: false };
  const pending = Math.max(0, p.pendingObjections - 1);
  const at = now.toISOString();
  if (!sustained) return { proposal: { ...p, pendingObjections: pending, updatedAt: at }, reopened: false };
  const { notice: _n, adoptedAt: _a, ...rest } = p;
  return {
    proposal: {
      ...rest,
      status: 'reopened',
      pendingObjections: 0,
      stoppedBy: { round: p.round, reason: 'objection-sustained', objectionId: objection.objectionId },
      updatedAt: at,
    },
    reopened: true,
  };
}

/** Whether the notice is over with nothing pending: then the decision becomes final. */
export function isDueForFinal(p: Proposal, now: Date): boolean {
  return p.status === 'notice' && !!p.notice && now.getTime() >= Date.parse(p.notice.endsAt) && p.pendingObjections === 0;
}

export function finalise(p: Proposal, township: string, now: Date): Proposal {
  const at = now.toISOString();
  return { ...p, status: 'final', finalAt: at, filedWith: township, updatedAt: at };
}

/** The DecisionFinal payload: what was decided, by kind, for the consuming services (they never read this table). */
export function decisionOf(p: Proposal): z.input<(typeof DecisionFinal)['data']> {
  if (!p.finalAt || !p.filedWith) throw new Error('decisionOf needs a final proposal');
  const decided = { proposalId: p.proposalId, village: p.village, title: p.title, decidedAt: p.finalAt, filedWith: p.filedWith };
  const s = p.subject;
  switch (s.kind) {
    case 'project-plan':
      return { ...decided, kind: 'project-plan', plan: s.plan };
    case 'project-change':
      return {
        ...decided,
        kind: 'project-change',
        change: {
          projectId: s.projectId,
          changeId: s.changeId,
          description: s.description,
          ...(s.budget !== undefined ? { budget: s.budget } : {}),
        },
      };
    case 'compact':
      return { ...decided, kind: 'compact', compact: { compactId: s.compactId, version: s.version } };
    case 'village-classification':
      return { ...decided, kind: 'village-classification', classification: s.classification };
  }
}

/** One body's vote on one round of a proposal: its members fixed when the vote opened, then its resolution. */
export interface StepRecord {
  proposalId: string;
  village: string;
  round: number;
  step: number;
  body: StepRule['body'];
  rule: StepRule;
  /** Members of the body on the day the vote opened (from the register): the step's electorate, never re-read. */
  members: string[];
  status: 'open' | 'passed' | 'failed';
  openedAt: string;
  resolvedAt?: string;
  resolvedBy?: string;
  resolution?: Resolution;
  outcome?: StepOutcome;
  note?: string;
  /** The meeting that resolved it: who signed in, its minutes, when it was held. */
  meeting?: Meeting;
}

/**
 * A body's meeting leaves a record (会议记录): the sign-in sheet (签到), the minutes as evidence (会议纪要), when it was
 * held. The quorum is judged on the sign-in.
 */
export const MeetingRecord = once(() =>
  z.object({
    /** Members present (in person, or represented by their proxy): each a member of the body when its vote opened. */
    signIn: z.array(PersonId).min(1).max(5000),
    minutes: EvidenceRef,
    heldAt: z.iso.datetime({ offset: true }).optional(),
  }),
);
export type MeetingRecord = z.infer<ReturnType<typeof MeetingRecord>>;

export interface Meeting {
  signIn: string[];
  minutes: EvidenceRef;
  heldAt: string;
}

/** The sign-in checked against the step's members (the body on the day its vote opened): each a member, each once. */
export function checkSignIn(
  step: Pick<StepRecord, 'members'>,
  signIn: readonly string[],
): (Refused<'attendee-not-a-member' | 'attendee-listed-twice'> & { pointer: string }) | undefined {
  const seen = new Set<string>();
  for (const [i, person] of signIn.entries()) {
    if (seen.has(person)) return { ...refused('attendee-listed-twice', { person }), pointer: `/signIn/${i}` };
    seen.add(person);
    if (!step.members.includes(person)) return { ...refused('attendee-not-a-member', { person }), pointer: `/signIn/${i}` };
  }
  return undefined;
}

export function openStep(p: Proposal, members: readonly string[], now: Date): StepRecord {
  const rule = p.chain[p.step]!;
  return {
    proposalId: p.proposalId,
    village: p.village,
    round: p.round,
    step: p.step,
    body: rule.body,
    rule,
    members: [...members],
    status: 'open',
    openedAt: now.toISOString(),
  };
}

/**
 * Whether a person may vote at a step, in person, on paper or through a proxy: a member of the body on the day the
 * step opened. Someone who left the body since still votes; someone who joined since does not.
 */
export function isElector(step: Pick<StepRecord, 'members'>, person: string): boolean {
  return step.members.includes(person);
}

/**
 * How a step resolves on its tally: quorum (on the sign-in, when the meeting's is given) and passing share are judged
 * against the electorate it opened with.
 */
export function resolveRecordedStep(step: Pick<StepRecord, 'rule' | 'members'>, tally: Tally, signIn?: readonly string[]): Resolution {
  return resolveStep(step.rule, step.members.length, tally, signIn?.length);
}

/** The second disclosure (第二次公开): the implementation result of the decision behind an accepted project. */
export interface ImplementationDisclosure {
  proposalId: string;
  projectId: string;
  village: string;
  acceptedAt: string;
  budget: number;
  spent: number;
  beneficiaries: string[];
  disclosedAt: string;
  /** False when the acceptance arrived before (or without) the proposal being known here. */
  proposalKnown: boolean;
}

const secret = once(() =>
  z.boolean().default(false).describe('Secret ballot: totals public, individual choices only to the supervision committee'),
);

/** A submission by kind (project changes come from the projects service's events, not from this command). */
export const SubmitProposal = once(() =>
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('project-plan'),
      village: PlacePath,
      planId: Id,
      /** The plan version the proposal carries (default: the current one). */
      planVersion: z.number().int().positive().optional(),
      /** A renovation plan's passed consent poll over its compound, if the plan version does not name it. */
      consentPollId: Id.optional(),
      title: z.string().trim().min(1).max(200).optional(),
      secret: secret(),
    }),
    z.object({
      kind: z.literal('compact'),
      village: PlacePath,
      /** The draft lives in the compacts service; the proposal names it. */
      compactId: Id,
      version: z.number().int().positive(),
      title: z.string().trim().min(1).max(200),
      secret: secret(),
    }),
    z.object({
      kind: z.literal('village-classification'),
      village: PlacePath,
      classification: VillageClass,
      reasons: z.string().trim().max(2000).optional(),
      title: z.string().trim().min(1).max(200).optional(),
      secret: secret(),
    }),
  ]),
);
export type SubmitProposal = z.infer<ReturnType<typeof SubmitProposal>>;

/** A resubmission, optionally revised: another plan version, compact version or class, a new title. */
export const ResubmitProposal = once(() =>
  z.object({
    title: z.string().trim().min(1).max(200).optional(),
    planVersion: z.number().int().positive().optional(),
    consentPollId: Id.optional(),
    compactVersion: z.number().int().positive().optional(),
    classification: VillageClass.optional(),
    note: z.string().trim().max(1000).optional(),
  }),
);
export type ResubmitProposal = z.infer<ReturnType<typeof ResubmitProposal>>;

/** The revised subject a resubmission asks for, or the field that does not fit the proposal's kind. */
export function revisedSubject(
  s: ProposalSubject,
  r: Pick<ResubmitProposal, 'compactVersion' | 'classification'>,
): ProposalSubject | undefined | (Refused<'subject-mismatch'> & { pointer: string }) {
  let subject: ProposalSubject | undefined;
  if (r.compactVersion !== undefined) {
    if (s.kind !== 'compact') return { ...refused('subject-mismatch'), pointer: '/compactVersion' };
    subject = { ...s, version: r.compactVersion };
  }
  if (r.classification !== undefined) {
    if (s.kind !== 'village-classification') return { ...refused('subject-mismatch'), pointer: '/classification' };
    subject = { ...s, classification: r.classification };
  }
  return subject;
}

/** Ballots, proxies and paper sheets are for the step a proposal is voting at now. */
export function checkVotingStep(
  p: Pick<Proposal, 'status' | 'step'>,
  step: number,
): Refused<'voting-closed' | 'step-not-current'> | undefined {
  if (p.status !== 'voting') return refused('voting-closed', { current: p.status });
  if (step !== p.step) return refused('step-not-current', { currentStep: p.step });
  return undefined;
}

/** Village cadres submit proposals; a township official (the route's other role) submits village classifications only. */
export function checkSubmitter(kind: SubmitProposal['kind'], villageCadre: boolean): Refused<'cadres-submit'> | undefined {
  return kind !== 'village-classification' && !villageCadre ? refused('cadres-submit') : undefined;
}
