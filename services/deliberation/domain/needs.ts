import * as z from 'zod';
import { once, Id, NeedChannel, PersonId, PlacePath, type Refused, WorkCategory, refused } from '@cocreate/contracts';

/** 群众提: what a resident (or someone recording for them) submits. */
export const RaiseNeed = once(() =>
  z.object({
    place: PlacePath.describe('Where the need is: the village/community or a group, compound or household in it'),
    category: WorkCategory,
    text: z.string().trim().min(1).max(2000),
    channel: NeedChannel,
    /** Set when a grid worker or cadre records the need on a resident's behalf (代为登记). */
    onBehalfOf: PersonId.optional(),
  }),
);
export type RaiseNeed = z.infer<ReturnType<typeof RaiseNeed>>;

/**
 * raised → triaged (accepted onto the needs list 需求清单) → listed (grouped into a candidate of the project list);
 * raised/triaged → merged (into a duplicate, which keeps its supporters); raised → rejected (with a reason).
 */
export const NeedStatus = once(() => z.enum(['raised', 'triaged', 'merged', 'rejected', 'listed']));
export type NeedStatus = z.infer<ReturnType<typeof NeedStatus>>;

export const Need = once(() =>
  z.object({
    needId: z.string(),
    village: PlacePath,
    place: PlacePath,
    category: WorkCategory,
    text: z.string(),
    channel: NeedChannel,
    raisedBy: z.string(),
    recordedBy: z.string(),
    status: NeedStatus(),
    /** Residents who seconded the need (附议), the raiser not included; a merge brings the duplicate's along. */
    supporters: z.number().int().nonnegative(),
    createdAt: z.string(),
    triagedBy: z.string().optional(),
    triagedAt: z.string().optional(),
    /** For a rejected need: why (shown to the resident). */
    reason: z.string().optional(),
    /** For a merged need: the need it was merged into. */
    mergedInto: z.string().optional(),
    /** Needs merged into this one. */
    mergedFrom: z.array(z.string()).optional(),
    /** For a listed need: the candidate item of the project list that carries it. */
    candidateId: z.string().optional(),
  }),
);
export type Need = z.infer<ReturnType<typeof Need>>;

/** 分类、合并、驳回: what a cadre does with a need. */
export const TriageNeed = once(() =>
  z.discriminatedUnion('action', [
    /** Accept onto the needs list, optionally under another category (意见被采纳). */
    z.object({ action: z.literal('accept'), category: WorkCategory.optional(), note: z.string().trim().max(1000).optional() }),
    /** Change the category only (raised or accepted needs). */
    z.object({ action: z.literal('categorise'), category: WorkCategory }),
    /** A duplicate: merge into another need of the same village, which keeps both needs' supporters. */
    z.object({ action: z.literal('merge'), into: Id }),
    z.object({ action: z.literal('reject'), reason: z.string().trim().min(1).max(1000) }),
  ]),
);
export type TriageNeed = z.infer<ReturnType<typeof TriageNeed>>;

export type TriageRefusal = 'not-triageable' | 'merge-into-self' | 'merge-target-elsewhere' | 'merge-target-closed';

/**
 * The triage state machine. Accept and reject apply to raised needs; categorise to raised or accepted ones; merge to
 * raised or accepted ones, into an open need (raised or accepted) of the same village other than itself. Listed,
 * merged and rejected needs are settled.
 */
export function triage(
  need: Need,
  action: TriageNeed,
  target: Pick<Need, 'needId' | 'village' | 'status'> | undefined,
  by: string,
  now: Date,
): Need | Refused<TriageRefusal> {
  const open = need.status === 'raised' || need.status === 'triaged';
  const stamp = { triagedBy: by, triagedAt: now.toISOString() };
  switch (action.action) {
    case 'accept':
      if (need.status !== 'raised') return refused('not-triageable');
      return { ...need, ...stamp, status: 'triaged', category: action.category ?? need.category };
    case 'categorise':
      if (!open) return refused('not-triageable');
      return { ...need, ...stamp, category: action.category };
    case 'reject':
      if (need.status !== 'raised') return refused('not-triageable');
      return { ...need, ...stamp, status: 'rejected', reason: action.reason };
    case 'merge':
      if (!open) return refused('not-triageable');
      if (action.into === need.needId) return refused('merge-into-self');
      if (!target || target.village !== need.village) return refused('merge-target-elsewhere');
      if (target.status !== 'raised' && target.status !== 'triaged') return refused('merge-target-closed');
      return { ...need, ...stamp, status: 'merged', mergedInto: target.needId };
  }
}

/**
 * Who a merge moves onto the target: the duplicate's raiser and its supporters, less anyone already behind the
 * target (its raiser or its supporters). Each person supports a need at most once.
 */
export function supportersToMove(
  source: Pick<Need, 'raisedBy'>,
  sourceSupporters: readonly string[],
  target: Pick<Need, 'raisedBy'>,
  targetSupporters: ReadonlySet<string>,
): string[] {
  const out = new Set<string>();
  for (const p of [source.raisedBy, ...sourceSupporters]) {
    if (p !== target.raisedBy && !targetSupporters.has(p)) out.add(p);
  }
  return [...out];
}

/** A merge moves its supporters in one transaction: `room` is how many supporter records that transaction can hold. */
export function checkMergeSize(moving: number, room: number): Refused<'merge-too-large'> | undefined {
  return moving > room ? refused('merge-too-large', { max: room, moving }) : undefined;
}

/** Seconding (附议): a resident of the village, not the raiser, on an open need. */
export function canSecond(need: Need, person: string): Refused<'need-closed' | 'own-need'> | undefined {
  if (need.status !== 'raised' && need.status !== 'triaged') return refused('need-closed');
  if (need.raisedBy === person) return refused('own-need');
  return undefined;
}

/**
 * Who raised a need: the caller themself, or — when a grid worker or cadre records it — the resident named in
 * `onBehalfOf`, who must live in the same village. Returns the reason when the rule is broken.
 */
export function attributeNeed(
  input: Pick<RaiseNeed, 'onBehalfOf'>,
  caller: { sub: string; role: string | undefined },
  village: string,
  residentVillage: (person: string) => string | undefined,
): { raisedBy: string; recordedBy: string } | Refused<'not-a-recorder' | 'resident-elsewhere'> {
  if (!input.onBehalfOf) return { raisedBy: caller.sub, recordedBy: caller.sub };
  if (caller.role !== 'grid-worker' && caller.role !== 'cadre') return refused('not-a-recorder');
  if (residentVillage(input.onBehalfOf) !== village) return refused('resident-elsewhere');
  return { raisedBy: input.onBehalfOf, recordedBy: caller.sub };
}
