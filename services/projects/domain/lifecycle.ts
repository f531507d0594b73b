import { type ProjectStage, type SpaceKind, isRefused, refused } from '@cocreate/contracts';
import type { StageMove } from './project.ts';
import type { Refused } from './refusals.ts';

/**
 * The project lifecycle (DOMAIN §2) as an explicit state machine over the contracts' `ProjectStage`:
 * 摸底排查 → 意愿调查 → 设计方案审查 → 实施方案 → 方案公示 → 审批 → 组织实施 → 初步验收 ⇄ 整改 → 竣工验收 → 决算 → 归档 → 长效管理.
 * Only the moves listed here exist; anything else is refused with the allowed next stages.
 */
export const transitions: Readonly<Record<ProjectStage, readonly ProjectStage[]>> = {
  survey: ['willingness-survey'],
  'willingness-survey': ['design-review'],
  'design-review': ['implementation-plan'],
  'implementation-plan': ['plan-notice'],
  // Objections sustained during the plan notice send the plan back for revision (方案公示 → 实施方案).
  'plan-notice': ['approved', 'implementation-plan'],
  approved: ['in-construction'],
  'in-construction': ['initial-acceptance'],
  // Initial acceptance with residents' representatives either passes or finds defects to rectify.
  'initial-acceptance': ['final-acceptance', 'rectification'],
  // After rectification the work is inspected again (initial acceptance) or goes straight to final acceptance.
  rectification: ['initial-acceptance', 'final-acceptance'],
  'final-acceptance': ['final-accounts'],
  'final-accounts': ['archived'],
  archived: ['long-term-management'],
  'long-term-management': [],
};

/** Stages in which money may be allocated to the project, requested and paid (after approval, before the books close). */
export const SPENDING_STAGES: readonly ProjectStage[] = [
  'approved',
  'in-construction',
  'initial-acceptance',
  'rectification',
  'final-acceptance',
];

/** Stages in which milestones may still be planned (before anything is inspected). */
export const PLANNING_STAGES: readonly ProjectStage[] = [
  'survey',
  'willingness-survey',
  'design-review',
  'implementation-plan',
  'plan-notice',
  'approved',
  'in-construction',
];

/** Stages in which work is done, so milestones complete. */
export const BUILDING_STAGES: readonly ProjectStage[] = ['in-construction', 'rectification'];

/** Stages in which a change of content or budget can still be asked for (before the final accounts close the books). */
export const CHANGEABLE_STAGES: readonly ProjectStage[] = [
  'survey',
  'willingness-survey',
  'design-review',
  'implementation-plan',
  'plan-notice',
  'approved',
  'in-construction',
  'initial-acceptance',
  'rectification',
];

export const stageLabels: Readonly<Record<ProjectStage, { zh: string; en: string }>> = {
  survey: { zh: '摸底排查', en: 'Survey' },
  'willingness-survey': { zh: '意愿调查', en: 'Willingness survey' },
  'design-review': { zh: '设计方案审查', en: 'Design review' },
  'implementation-plan': { zh: '实施方案', en: 'Implementation plan' },
  'plan-notice': { zh: '方案公示', en: 'Plan notice' },
  approved: { zh: '审批通过', en: 'Approved' },
  'in-construction': { zh: '组织实施', en: 'In construction' },
  'initial-acceptance': { zh: '初步验收', en: 'Initial acceptance' },
  rectification: { zh: '整改', en: 'Rectification' },
  'final-acceptance': { zh: '竣工验收', en: 'Final acceptance' },
  'final-accounts': { zh: '竣工决算', en: 'Final accounts' },
  archived: { zh: '归档', en: 'Archived' },
  'long-term-management': { zh: '长效管理', en: 'Long-term management' },
};

export function allowedNext(stage: ProjectStage): readonly ProjectStage[] {
  return transitions[stage];
}

/** What the state machine needs to know beyond the stage itself. */
export interface TransitionFacts {
  stage: ProjectStage;
  /** A major change waits for deliberation: the project does not move until it is decided or withdrawn. */
  changePending: boolean;
  /** The change waiting, named in the refusal. */
  pendingChangeId?: string | undefined;
  milestones: { milestoneId: string; title: string; completed: boolean }[];
  /** Money held by disbursements requested or approved but not yet posted or rejected. */
  heldMoney: number;
  /** For initial acceptance: the residents' representatives present, and whether each sits on the assembly. */
  representatives?: { person: string; isRepresentative: boolean }[];
}

export type TransitionRefusal = Refused<
  | 'illegal-transition'
  | 'change-pending'
  | 'milestones-open'
  | 'no-milestones'
  | 'representatives-required'
  | 'not-representatives'
  | 'disbursements-open'
>;

/**
 * Whether a project may move to `to`. Checks, in order: a pending major change (the project waits), the state
 * machine, then the stage's own preconditions — initial acceptance needs every milestone complete and residents'
 * representatives present; the final accounts need every disbursement settled.
 */
export function checkTransition(facts: TransitionFacts, to: ProjectStage): { ok: true } | TransitionRefusal {
  if (facts.changePending) return refused('change-pending', { changeId: facts.pendingChangeId });
  const allowed = allowedNext(facts.stage);
  if (!allowed.includes(to)) return refused('illegal-transition', { stage: facts.stage, allowed });
  if (to === 'initial-acceptance') {
    if (!facts.milestones.length) return refused('no-milestones');
    const open = facts.milestones.filter((m) => !m.completed).map((m) => m.milestoneId);
    if (open.length) return refused('milestones-open', { open });
    const reps = facts.representatives ?? [];
    if (!reps.length) return refused('representatives-required');
    const outsiders = reps.filter((r) => !r.isRepresentative).map((r) => r.person);
    if (outsiders.length) return refused('not-representatives', { people: outsiders });
  }
  if (to === 'final-accounts' && facts.heldMoney > 0) return refused('disbursements-open', { held: facts.heldMoney });
  return { ok: true };
}

/** Acceptance events the move causes (ProjectAccepted 'initial' | 'final'). */
export function acceptanceOf(to: ProjectStage): 'initial' | 'final' | undefined {
  if (to === 'initial-acceptance') return 'initial';
  if (to === 'final-acceptance') return 'final';
  return undefined;
}

/** Money is allocated, requested and paid only between approval and the final accounts. */
export function checkSpending(stage: ProjectStage): { ok: true } | Refused<'not-spending-stage'> {
  return SPENDING_STAGES.includes(stage) ? { ok: true } : refused('not-spending-stage', { stage, allowedStages: SPENDING_STAGES });
}

/** Milestones are planned until construction, not once anything is inspected. */
export function checkPlanning(stage: ProjectStage): { ok: true } | Refused<'milestones-frozen'> {
  return PLANNING_STAGES.includes(stage) ? { ok: true } : refused('milestones-frozen', { stage, allowedStages: PLANNING_STAGES });
}

/** A change may be asked for before the books close, and one at a time. */
export function checkChangeable(project: {
  stage: ProjectStage;
  pendingChange?: { changeId: string } | undefined;
}): { ok: true } | Refused<'not-changeable' | 'change-pending'> {
  if (!CHANGEABLE_STAGES.includes(project.stage)) return refused('not-changeable', { stage: project.stage });
  if (project.pendingChange) return refused('change-pending', { changeId: project.pendingChange.changeId });
  return { ok: true };
}

/** Most allocation accounts the final accounts check in one transaction (DynamoDB holds 100 writes). */
export const MAX_ACCOUNTS_TO_CLOSE = 90;

export interface StageMoveAsked {
  to: ProjectStage;
  note?: string | undefined;
  by: string;
  at: string;
  /** Facilities handed over (final acceptance only; naming any, even none, with another move is refused), with their ids. */
  facilities?: readonly { facilityId: string; name: string; kind: SpaceKind; place: string }[] | undefined;
}

/**
 * A project's move to its next stage: the state machine and its preconditions (`checkTransition`), the books closing
 * in one transaction, facilities only at final acceptance. The project as it will be, and the move in its history.
 */
export function decideStageMove<
  P extends { stage: ProjectStage; version: number; updatedAt: string; stageHistory: StageMove[]; facilities: unknown[] },
>(
  project: P,
  facts: Omit<TransitionFacts, 'stage'> & { accountsToClose: number },
  ask: StageMoveAsked,
): { next: P; move: StageMove } | Refused<TransitionRefusal['refused'] | 'too-many-sources' | 'facilities-at-final-acceptance'> {
  const verdict = checkTransition({ ...facts, stage: project.stage }, ask.to);
  if (isRefused(verdict)) return verdict;
  if (facts.accountsToClose > MAX_ACCOUNTS_TO_CLOSE) return refused('too-many-sources', { max: MAX_ACCOUNTS_TO_CLOSE });
  if (ask.facilities && ask.to !== 'final-acceptance') return refused('facilities-at-final-acceptance');
  const move: StageMove = { from: project.stage, to: ask.to, at: ask.at, by: ask.by, ...(ask.note ? { note: ask.note } : {}) };
  return {
    next: {
      ...project,
      stage: ask.to,
      updatedAt: ask.at,
      version: project.version + 1,
      stageHistory: [...project.stageHistory, move],
      ...(ask.facilities?.length ? { facilities: [...ask.facilities] } : {}),
    },
    move,
  };
}
