import { type ProjectStage, refused } from '@cocreate/contracts';
import type { Refused } from './refusals.ts';
import { BUILDING_STAGES, PLANNING_STAGES } from './lifecycle.ts';

/**
 * Milestones (节点) with weights. Progress is derived from the weights of completed milestones — never a typed-in
 * percentage. Hidden works (隐蔽工程: pipes, foundations, anything covered afterwards) complete only with photo or
 * video evidence that exists in the evidence bucket.
 */
export interface MilestoneFacts {
  weight: number;
  completed: boolean;
}

export interface Progress {
  completedWeight: number;
  totalWeight: number;
  /** Percent with one decimal, rounded down so 100 means every milestone is complete. */
  percent: number;
}

export function progressOf(milestones: readonly MilestoneFacts[]): Progress {
  const totalWeight = milestones.reduce((s, m) => s + m.weight, 0);
  const completedWeight = milestones.filter((m) => m.completed).reduce((s, m) => s + m.weight, 0);
  const percent = totalWeight === 0 ? 0 : Math.floor((completedWeight * 1000) / totalWeight) / 10;
  return { completedWeight, totalWeight, percent };
}

/** Photo or video: what hidden works need before they are covered. */
export function isPhotoOrVideo(contentType: string | undefined): boolean {
  return !!contentType && /^(image|video)\//i.test(contentType);
}

export type CompletionRefusal = Refused<'not-building' | 'already-completed' | 'evidence-required' | 'evidence-not-photo-or-video'>;

/**
 * Whether a milestone may complete now. `evidence` lists the verified objects (their stored content types); the
 * handler has already checked each exists under the project's place.
 */
export function checkCompletion(
  stage: ProjectStage,
  milestone: { hiddenWorks: boolean; completed: boolean },
  evidence: readonly { key: string; contentType?: string | undefined }[],
): { ok: true } | CompletionRefusal {
  if (!BUILDING_STAGES.includes(stage)) return refused('not-building', { stage, allowedStages: BUILDING_STAGES });
  if (milestone.completed) return refused('already-completed');
  if (milestone.hiddenWorks) {
    if (!evidence.length) return refused('evidence-required');
    const wrong = evidence.filter((e) => !isPhotoOrVideo(e.contentType)).map((e) => e.key);
    if (wrong.length) return refused('evidence-not-photo-or-video', { keys: wrong });
  }
  return { ok: true };
}

export function canPlanMilestones(stage: ProjectStage): boolean {
  return PLANNING_STAGES.includes(stage);
}
