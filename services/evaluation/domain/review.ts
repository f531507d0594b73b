import * as z from 'zod';
import { once, PlacePath, type Refused, ReviewStage, SchemeId, refused } from '@cocreate/contracts';
import { Ratio } from './ratio.ts';
import {
  type Criterion,
  type SchemeSnapshot,
  type Scores,
  LocalText,
  SchemeSnapshot as SchemeSnapshotSchema,
  aggregate,
  flatten,
  leavesOf,
  scoreResponse,
} from './scheme.ts';

/**
 * Reviews (评价): a project's staged reviews (事前预评 / 事中评价 / 事后评估) and any survey a cadre opens. Two kinds:
 * - satisfaction: only the beneficiary households answer (服务谁、谁评价), one response per household;
 * - quality: villager representatives, supervision-committee members and experts, one response per person.
 * A review scores on a recorded scheme version, closes at its deadline (or earlier, by a cadre), and its results are
 * then published; leaf criteria below the scheme's threshold open rectification items.
 */

export const ReviewKind = once(() => z.enum(['satisfaction', 'quality']));
export type ReviewKind = z.infer<ReturnType<typeof ReviewKind>>;

export const ReviewStatus = once(() => z.enum(['open', 'published']));

/** Roles that may answer a quality review (代表、监委会成员、专家). */
export const QUALITY_ROLES = ['representative', 'supervisor', 'expert'] as const;

export const REVIEW_WINDOW_DAYS = 30;

export const Review = once(() =>
  z.object({
    reviewId: z.string(),
    village: PlacePath,
    kind: ReviewKind(),
    projectId: z.string().optional(),
    projectTitle: z.string().optional(),
    stage: ReviewStage.optional(),
    title: LocalText(),
    scheme: SchemeSnapshotSchema(),
    status: ReviewStatus(),
    /** Households (satisfaction) or members of the village's representatives' assembly and supervision committee (quality). */
    eligibleCount: z.number().int().nonnegative(),
    responses: z.number().int().nonnegative(),
    openedAt: z.string(),
    closesAt: z.string(),
    openedBy: z.string(),
    publishedAt: z.string().optional(),
  }),
);
export type Review = z.infer<ReturnType<typeof Review>>;

/** Who answered: kept with the response, shown only to the supervision committee (监委会). */
export interface ResponseRecord {
  responseId: string;
  reviewId: string;
  reviewer: string;
  /** Satisfaction: the beneficiary household the response speaks for. */
  household?: string | undefined;
  /** Quality: the role the reviewer answered in, and whether they count toward the response rate. */
  role?: string | undefined;
  eligibleMember: boolean;
  scores: Scores;
  overall: number;
  comment?: string | undefined;
  submittedAt: string;
}

export type Refusal = Refused<'not-a-beneficiary' | 'not-a-quality-reviewer' | 'review-closed'>;

/**
 * Whether a caller may answer a review, and as what. Satisfaction: their household must be one of the review's
 * beneficiary households. Quality: they must hold representative, supervisor or expert over the village.
 */
export function mayRespond(
  review: Pick<Review, 'kind' | 'status' | 'closesAt'>,
  now: Date,
  caller: {
    household: string | undefined;
    qualityRole: string | undefined;
    eligibleHouseholds: ReadonlySet<string>;
    eligibleMembers: ReadonlySet<string>;
    sub: string;
  },
): { household?: string; role?: string; eligibleMember: boolean } | Refusal {
  if (review.status !== 'open' || now.getTime() >= Date.parse(review.closesAt)) return refused('review-closed');
  if (review.kind === 'satisfaction') {
    if (!caller.household || !caller.eligibleHouseholds.has(caller.household)) return refused('not-a-beneficiary');
    return { household: caller.household, eligibleMember: true };
  }
  if (!caller.qualityRole) return refused('not-a-quality-reviewer');
  return { role: caller.qualityRole, eligibleMember: caller.eligibleMembers.has(caller.sub) };
}

/** Bands of the overall-score distribution (posted with the results). */
export const BANDS = [
  { band: '0-59', from: 0, to: 60 },
  { band: '60-69', from: 60, to: 70 },
  { band: '70-79', from: 70, to: 80 },
  { band: '80-89', from: 80, to: 90 },
  { band: '90-100', from: 90, to: 101 },
] as const;

export const CriterionResult = once(() =>
  z.object({
    criterionId: z.string(),
    name: LocalText(),
    depth: z.number().int().positive(),
    weight: z.number(),
    leaf: z.boolean(),
    score: z.number().nullable(),
    /** Leaves: how many responses gave each raw value of the scale. */
    counts: z.record(z.string(), z.number().int()).optional(),
  }),
);

export const ReviewResults = once(() =>
  z.object({
    responses: z.number().int().nonnegative(),
    eligible: z.number().int().nonnegative(),
    eligibleResponses: z.number().int().nonnegative(),
    responseRate: z.number().nullable(),
    overall: z.number().nullable(),
    criteria: z.array(CriterionResult()),
    distribution: z.array(z.object({ band: z.string(), count: z.number().int() })),
    threshold: z.number(),
    belowThreshold: z.array(z.string()),
  }),
);
export type ReviewResults = z.infer<ReturnType<typeof ReviewResults>>;

/** Percent with one decimal; null when nobody is eligible. */
export function responseRate(answered: number, eligible: number): number | null {
  return eligible > 0 ? Ratio.of(answered * 100, eligible).round(1) : null;
}

/**
 * The published results of a review: weighted score per criterion and overall (exact, then rounded to 2 places),
 * the distribution of overall scores and of each leaf's raw values, and the response rate among the eligible.
 * No reviewer appears in it.
 */
export function summarise(
  scheme: Pick<SchemeSnapshot, 'criteria' | 'threshold'>,
  responses: readonly Pick<ResponseRecord, 'scores' | 'eligibleMember'>[],
  eligible: number,
): ReviewResults {
  const agg = aggregate(
    scheme.criteria,
    responses.map((r) => r.scores),
  );
  const eligibleResponses = responses.filter((r) => r.eligibleMember).length;
  const distribution = BANDS.map((b) => ({ band: b.band, count: 0 }));
  for (const r of responses) {
    const overall = scoreResponse(scheme.criteria, r.scores).overall;
    const i = BANDS.findIndex((b) => !overall.lt(Ratio.of(b.from)) && overall.lt(Ratio.of(b.to)));
    distribution[i]!.count += 1;
  }
  const criteria = flatten(scheme.criteria).map(({ criterion, depth }) => {
    const leaf = !criterion.children?.length;
    return {
      criterionId: criterion.id,
      name: criterion.name,
      depth,
      weight: criterion.weight,
      leaf,
      score: agg ? agg.byCriterion.get(criterion.id)!.round(2) : null,
      ...(leaf
        ? {
            counts: leafCounts(
              criterion,
              responses.map((r) => r.scores),
            ),
          }
        : {}),
    };
  });
  return {
    responses: responses.length,
    eligible,
    eligibleResponses,
    responseRate: responseRate(eligibleResponses, eligible),
    overall: agg ? agg.overall.round(2) : null,
    criteria,
    distribution,
    threshold: scheme.threshold,
    belowThreshold: agg ? belowThreshold(scheme.criteria, agg.byCriterion, scheme.threshold) : [],
  };
}

function leafCounts(leaf: Criterion, responses: readonly Scores[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let v = leaf.scale!.min; v <= leaf.scale!.max; v++) counts[String(v)] = 0;
  for (const r of responses) counts[String(r[leaf.id])] = (counts[String(r[leaf.id])] ?? 0) + 1;
  return counts;
}

/**
 * Leaf criteria whose exact mean score is strictly below the threshold. Leaves suffice: a parent's score is a
 * weighted mean of its leaves, so a parent below the threshold always has a leaf below it, and the leaf is the thing
 * that can actually be fixed.
 */
export function belowThreshold(criteria: readonly Criterion[], byCriterion: ReadonlyMap<string, Ratio>, threshold: number): string[] {
  const limit = Ratio.of(Math.round(threshold * 100), 100);
  return leavesOf(criteria)
    .filter((leaf) => byCriterion.get(leaf.id)!.lt(limit))
    .map((leaf) => leaf.id);
}

/** Compresses a household list for storage: paths inside the village keep only their suffix. */
export function compactHouseholds(village: string, households: readonly string[]): string[] {
  const prefix = `${village}/`;
  return [...new Set(households)].map((h) => (h.startsWith(prefix) ? h.slice(prefix.length) : `/${h}`));
}

export function expandHouseholds(village: string, stored: readonly string[]): string[] {
  return stored.map((s) => (s.startsWith('/') ? s.slice(1) : `${village}/${s}`));
}

export const SchemeRef = once(() => z.object({ schemeId: SchemeId(), version: z.number().int().positive() }));
