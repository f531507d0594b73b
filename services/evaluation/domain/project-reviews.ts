import { ProjectStage, type ReviewStage } from '@cocreate/contracts';
import type { LocalText } from './scheme.ts';

/**
 * Which staged review a projects-service event opens:
 *   ProjectOpened                          → before (事前预评: the plan)
 *   ProjectStageChanged to in-construction → during (事中评价: build quality)
 *   ProjectAccepted with acceptance final  → after  (事后评估: the benefit)
 * Each stage opens a satisfaction review (beneficiary households) and a quality review (representatives,
 * supervision committee, experts).
 */
export const STAGES: readonly ReviewStage[] = ['before', 'during', 'after'];

export type ProjectSignal =
  { type: 'opened' } | { type: 'stage-changed'; to: ProjectStage } | { type: 'accepted'; acceptance: 'initial' | 'final' };

export function reviewStageFor(signal: ProjectSignal): ReviewStage | undefined {
  if (signal.type === 'opened') return 'before';
  if (signal.type === 'stage-changed') return signal.to === 'in-construction' ? 'during' : undefined;
  return signal.acceptance === 'final' ? 'after' : undefined;
}

/**
 * Events arrive in any order. A stage's reviews open once however often its event is delivered; an earlier stage's
 * reviews are not opened once a later stage's exist (a late ProjectOpened after acceptance would otherwise ask
 * residents to pre-assess a plan already built) — the project record notes the stage as superseded instead.
 */
export function openingDecision(stage: ReviewStage, openedStages: readonly ReviewStage[]): 'open' | 'already-open' | 'superseded' {
  if (openedStages.includes(stage)) return 'already-open';
  const rank = STAGES.indexOf(stage);
  if (openedStages.some((s) => STAGES.indexOf(s) > rank)) return 'superseded';
  return 'open';
}

const STAGE_NAMES: Record<ReviewStage, LocalText> = {
  before: { zh: '事前预评', en: 'plan review' },
  during: { zh: '事中评价', en: 'construction review' },
  after: { zh: '事后评估', en: 'benefit review' },
};

/** A human title for a staged review, e.g. "村口道路 · 事后评估 · 群众满意度". */
export function stagedReviewTitle(projectTitle: string | undefined, stage: ReviewStage, kind: 'satisfaction' | 'quality'): LocalText {
  const what = kind === 'satisfaction' ? { zh: '群众满意度', en: 'satisfaction' } : { zh: '建设质量', en: 'quality' };
  const name = projectTitle ?? '项目 / project';
  return {
    zh: `${name.slice(0, 60)} · ${STAGE_NAMES[stage].zh} · ${what.zh}`.slice(0, 100),
    en: `${name.slice(0, 60)} · ${STAGE_NAMES[stage].en} · ${what.en}`.slice(0, 150),
  };
}

/** What evaluation knows of a project (a placeholder until ProjectOpened arrives). */
export interface ProjectRecord {
  projectId: string;
  village: string;
  title?: string | undefined;
  stage?: string | undefined;
  /** Stages whose reviews are open (or were). */
  reviewedStages: ReviewStage[];
  superseded: ReviewStage[];
  known: boolean;
  updatedAt: string;
}

/** What a project event says: the project, its beneficiaries, and which signal it is. */
export interface ProjectEventFacts {
  projectId: string;
  village: string;
  beneficiaries: readonly string[];
  title?: string | undefined;
  stage?: string | undefined;
  signal: ProjectSignal;
}

/**
 * One rule for every project event, whatever order they arrive in: the record starts as a placeholder if the first
 * event seen is not ProjectOpened (filled in when it comes), keeps the furthest stage seen, and says which stage's
 * reviews to open now (once; an earlier stage arriving after a later one is noted as superseded, not opened).
 */
export function noteProjectEvent(
  stored: ProjectRecord | undefined,
  e: ProjectEventFacts,
  now: string,
): { next: ProjectRecord; open: ReviewStage | undefined } {
  const next: ProjectRecord = stored
    ? { ...stored }
    : { projectId: e.projectId, village: e.village, reviewedStages: [], superseded: [], known: false, updatedAt: now };
  if (e.signal.type === 'opened') next.known = true;
  if (e.title) next.title = e.title;
  // Stage changes may arrive out of order: keep the furthest stage seen.
  const order = (x: string | undefined) => (x ? ProjectStage.options.indexOf(x as ProjectStage) : -1);
  if (e.stage && order(e.stage) > order(next.stage)) next.stage = e.stage;
  next.updatedAt = now;
  const stage = reviewStageFor(e.signal);
  if (!stage) return { next, open: undefined };
  const decision = openingDecision(stage, next.reviewedStages);
  if (decision === 'open') return { next: { ...next, reviewedStages: [...next.reviewedStages, stage] }, open: stage };
  if (decision === 'superseded' && !next.superseded.includes(stage)) next.superseded = [...next.superseded, stage];
  return { next, open: undefined };
}
