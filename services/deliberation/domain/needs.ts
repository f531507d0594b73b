import { z } from 'zod';
import { NeedChannel, PersonId, PlacePath, WorkCategory } from '@cocreate/contracts';

/** 群众提: what a resident (or someone recording for them) submits. */
export const RaiseNeed = z.object({
  place: PlacePath.describe('Where the need is: the village/community or a group, compound or household in it'),
  category: WorkCategory,
  text: z.string().trim().min(1).max(2000),
  channel: NeedChannel,
  /** Set when a grid worker or cadre records the need on a resident's behalf (代为登记). */
  onBehalfOf: PersonId.optional(),
});
export type RaiseNeed = z.infer<typeof RaiseNeed>;

export const NeedStatus = z.enum(['raised', 'triaged', 'merged', 'rejected', 'listed']);

export const Need = z.object({
  needId: z.string(),
  village: PlacePath,
  place: PlacePath,
  category: WorkCategory,
  text: z.string(),
  channel: NeedChannel,
  raisedBy: z.string(),
  recordedBy: z.string(),
  status: NeedStatus,
  supporters: z.number().int().nonnegative(),
  createdAt: z.string(),
});
export type Need = z.infer<typeof Need>;

/**
 * Who raised a need: the caller themself, or — when a grid worker or cadre records it — the resident named in
 * `onBehalfOf`, who must live in the same village. Returns the reason when the rule is broken.
 */
export function attributeNeed(
  input: Pick<RaiseNeed, 'onBehalfOf'>,
  caller: { sub: string; role: string | undefined },
  village: string,
  residentVillage: (person: string) => string | undefined,
): { raisedBy: string; recordedBy: string } | { refused: 'not-a-recorder' | 'resident-elsewhere' } {
  if (!input.onBehalfOf) return { raisedBy: caller.sub, recordedBy: caller.sub };
  if (caller.role !== 'grid-worker' && caller.role !== 'cadre') return { refused: 'not-a-recorder' };
  if (residentVillage(input.onBehalfOf) !== village) return { refused: 'resident-elsewhere' };
  return { raisedBy: input.onBehalfOf, recordedBy: caller.sub };
}
