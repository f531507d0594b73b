import * as z from 'zod';
import { once, type Bilingual, PlacePath, type Refused, refused, says } from '@cocreate/contracts';
import { SchemeRef } from './review.ts';

/**
 * The annual village review chain (村级评价), one per village and year, steps in order and none skipped:
 *   1. self-review 村级自评            — the village's cadres score it on the village-review scheme
 *   2. mutual review 两村互评          — its paired village scores it on the same scheme version (pairs set by the
 *                                        township; a village never reviews itself); a village the township left
 *                                        unpaired (odd number of villages) goes to step 3 without one
 *   3. township self-report 镇级自评申报 — the township reports a score for the village (suggested: the mean of 1 and 2)
 *   4. county verification 县级审核      — the county confirms the reported score, or adjusts it with a recorded reason
 */
export const ChainStep = once(() => z.enum(['self-reviewed', 'mutually-reviewed', 'reported', 'verified']));
export type ChainStep = z.infer<ReturnType<typeof ChainStep>>;

/** Scores entered by officials: 0–100 with at most two decimals. */
export const Score100 = once(() =>
  z
    .number()
    .min(0)
    .max(100)
    .refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-9, says({ zh: '最多两位小数', en: 'at most two decimals' })),
);

export const ScoredStep = once(() =>
  z.object({
    scheme: SchemeRef(),
    scores: z.record(z.string(), z.number()),
    score: z.number(),
    summary: z.string().optional(),
    by: z.string(),
    at: z.string(),
  }),
);

export const VillageReview = once(() =>
  z.object({
    reviewId: z.string(),
    village: PlacePath,
    township: PlacePath,
    county: PlacePath,
    year: z.number().int(),
    step: ChainStep().optional(),
    self: ScoredStep().optional(),
    mutual: ScoredStep().extend({ reviewerVillage: PlacePath }).optional(),
    report: z
      .object({
        score: z.number(),
        suggested: z.number(),
        note: z.string().optional(),
        unpaired: z.boolean(),
        by: z.string(),
        at: z.string(),
      })
      .optional(),
    verification: z
      .object({
        score: z.number(),
        reportedScore: z.number(),
        adjusted: z.boolean(),
        reason: z.string().optional(),
        by: z.string(),
        at: z.string(),
      })
      .optional(),
  }),
);
export type VillageReview = z.infer<ReturnType<typeof VillageReview>>;

/** Why a step of the chain cannot be taken now (`step`: the step the chain is at, null before the self-review). */
export type ChainRefusal = Refused<'chain-out-of-order' | 'step-already-done' | 'not-paired'>;

const outOfOrder = (r: VillageReview | undefined): ChainRefusal => refused('chain-out-of-order', { step: r?.step ?? null });
const alreadyDone = (r: VillageReview | undefined): ChainRefusal => refused('step-already-done', { step: r?.step ?? null });

const ORDER: readonly ChainStep[] = ['self-reviewed', 'mutually-reviewed', 'reported', 'verified'];
const reached = (r: Pick<VillageReview, 'step'> | undefined, step: ChainStep) =>
  r?.step !== undefined && ORDER.indexOf(r.step) >= ORDER.indexOf(step);

/** May the village self-review now? Only once, first. */
export function canSelfReview(r: VillageReview | undefined): true | ChainRefusal {
  return reached(r, 'self-reviewed') ? alreadyDone(r) : true;
}

/**
 * May `reviewer` mutually review `r` now? Only the partner the township assigned (`partner`), after the self-review,
 * once. A village is never its own partner (pairs refuse it), and reviewing oneself is refused before this.
 */
export function canMutuallyReview(r: VillageReview | undefined, reviewer: string, partner: string | undefined): true | ChainRefusal {
  if (!r || !reached(r, 'self-reviewed')) return outOfOrder(r);
  if (reached(r, 'mutually-reviewed')) return alreadyDone(r);
  if (!partner || partner !== reviewer || reviewer === r.village) return refused('not-paired');
  return true;
}

/** May the township report now? After the mutual review — or right after the self-review when the village is unpaired. */
export function canReport(r: VillageReview | undefined, paired: boolean): true | ChainRefusal {
  if (!r || !reached(r, 'self-reviewed')) return outOfOrder(r);
  if (reached(r, 'reported')) return alreadyDone(r);
  if (paired && !reached(r, 'mutually-reviewed')) return outOfOrder(r);
  return true;
}

/** The partner a township's pairs give a village (undefined when unpaired). */
export function partnerOf(pairs: readonly (readonly [string, string])[], village: string): string | undefined {
  for (const [a, b] of pairs) {
    if (a === village) return b;
    if (b === village) return a;
  }
  return undefined;
}

export function canVerify(r: VillageReview | undefined): true | ChainRefusal {
  if (!r || !reached(r, 'reported')) return outOfOrder(r);
  if (reached(r, 'verified')) return alreadyDone(r);
  return true;
}

/** What the township is shown as a starting point: the mean of the self and mutual scores (or the self score alone). */
export function suggestedScore(r: Pick<VillageReview, 'self' | 'mutual'>): number {
  const self = r.self?.score ?? 0;
  if (!r.mutual) return self;
  return Math.round(((self + r.mutual.score) / 2) * 100) / 100;
}

/**
 * County verification. Confirming the reported score needs no reason; any other score is an adjustment and needs a
 * recorded reason (refused otherwise).
 */
export function verify(
  reported: number,
  input: { score?: number | undefined; reason?: string | undefined },
): { score: number; adjusted: boolean; reason?: string } | Refused<'adjustment-needs-reason'> {
  const score = input.score ?? reported;
  const adjusted = Math.round(score * 100) !== Math.round(reported * 100);
  const reason = input.reason?.trim();
  if (adjusted && !reason) return refused('adjustment-needs-reason');
  return { score, adjusted, ...(reason ? { reason } : {}) };
}

export interface PairError {
  pointer: string;
  rule: 'self-pair' | 'outside-township' | 'paired-twice';
  message: Bilingual;
}

/**
 * The township's pairs for a year: each pair two different villages of the township, each village in at most one pair.
 * A village paired with itself is refused: a village cannot mutually review itself.
 */
export function validatePairs(villagesOfTownship: ReadonlySet<string>, pairs: readonly (readonly [string, string])[]): PairError[] {
  const errors: PairError[] = [];
  const used = new Set<string>();
  pairs.forEach(([a, b], i) => {
    if (a === b) {
      errors.push({
        pointer: `/pairs/${i}`,
        rule: 'self-pair',
        message: { zh: '村不能与自己互评', en: 'a village cannot mutually review itself' },
      });
      return;
    }
    [a, b].forEach((v, j) => {
      if (!villagesOfTownship.has(v))
        errors.push({
          pointer: `/pairs/${i}/${j}`,
          rule: 'outside-township',
          message: { zh: '不是本乡镇的村', en: 'not a village of this township' },
        });
      else if (used.has(v))
        errors.push({
          pointer: `/pairs/${i}/${j}`,
          rule: 'paired-twice',
          message: { zh: '每村每年最多参加一组互评', en: 'a village is in at most one pair a year' },
        });
      used.add(v);
    });
  });
  return errors;
}

/** A township's mutual-review pairs for a year; fixed (locked) once a mutual review is in. */
export interface Pairs {
  township: string;
  year: number;
  pairs: [string, string][];
  locked: boolean;
  setBy: string;
  setAt: string;
}
