import * as z from 'zod';
import { once, EvidenceRef, PlacePath, type Refused, ReviewStage, refused } from '@cocreate/contracts';
import { LocalText } from './scheme.ts';

/**
 * A rectification item (整改): opened when a published review's leaf criterion scores below the threshold, tracked to
 * closure. The village (a cadre) reports it done with a note and evidence; the supervision committee verifies it —
 * accepted closes it, rejected sends it back open. The reporter and the verifier are different people.
 *
 *   open --report--> reported --verify(accepted)--> closed
 *                     reported --verify(rejected)--> open
 */
export const RectificationStatus = once(() => z.enum(['open', 'reported', 'closed']));
export type RectificationStatus = z.infer<ReturnType<typeof RectificationStatus>>;

export const RectificationEntry = once(() =>
  z.object({
    action: z.enum(['opened', 'reported', 'accepted', 'rejected']),
    by: z.string(),
    at: z.string(),
    note: z.string().optional(),
    evidence: z.array(EvidenceRef).optional(),
  }),
);

export const Rectification = once(() =>
  z.object({
    rectificationId: z.string(),
    reviewId: z.string(),
    village: PlacePath,
    projectId: z.string().optional(),
    stage: ReviewStage.optional(),
    criterionId: z.string(),
    criterion: LocalText(),
    score: z.number(),
    threshold: z.number(),
    status: RectificationStatus(),
    openedAt: z.string(),
    reportedBy: z.string().optional(),
    closedAt: z.string().optional(),
    history: z.array(RectificationEntry()),
  }),
);
export type Rectification = z.infer<ReturnType<typeof Rectification>>;

export type RectificationStep =
  | { action: 'report'; by: string; note: string; evidence: EvidenceRef[] }
  | { action: 'verify'; by: string; accepted: boolean; note: string };

/** Why a step cannot be taken now (`current`: the item's status). */
export type StepRefusal = Refused<'wrong-status' | 'same-person'>;

/** Applies one step, or says why it cannot be taken now. */
export function applyStep(r: Rectification, step: RectificationStep, at: string): Rectification | StepRefusal {
  if (step.action === 'report') {
    if (r.status !== 'open') return refused('wrong-status', { current: r.status });
    return {
      ...r,
      status: 'reported',
      reportedBy: step.by,
      history: [...r.history, { action: 'reported', by: step.by, at, note: step.note, evidence: step.evidence }],
    };
  }
  if (r.status !== 'reported') return refused('wrong-status', { current: r.status });
  if (step.by === r.reportedBy) return refused('same-person');
  const entry = { action: step.accepted ? ('accepted' as const) : ('rejected' as const), by: step.by, at, note: step.note };
  return step.accepted
    ? { ...r, status: 'closed', closedAt: at, history: [...r.history, entry] }
    : { ...r, status: 'open', history: [...r.history, entry] };
}
