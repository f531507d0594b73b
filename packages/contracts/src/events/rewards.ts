import * as z from 'zod';
import { defineEvent } from '../registry.ts';
import { Fen, Id, IsoDateTime, PersonId, PlacePath } from '../primitives.ts';
import { WorkCategory } from '../vocabulary.ts';
import { says } from '../says.ts';

/**
 * Events of the rewards service (成果共享). The ones other services consume are fixed here first; the service adds
 * its own beside them.
 */

const ex = { village: 'hubei/huanggang/hongan/qiliping/majiaqiao', round: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0A', id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0B' };

/** An award in lieu of subsidies (以奖代补) to a village: paid into its fund pool as a fiscal-award source. */
export const SubsidyAwarded = defineEvent({
  type: 'SubsidyAwarded',
  service: 'rewards',
  summary: 'An award-in-lieu-of-subsidy (以奖代补) to a village was published; the projects service pays it into the pool.',
  data: z.object({
    awardId: Id,
    roundId: Id,
    village: PlacePath,
    amount: Fen.positive(),
    title: z.string().min(1).max(200),
    /** Purpose restriction carried into the pool, if the round has one. */
    restriction: z.object({ categories: z.array(WorkCategory).optional() }).optional(),
  }),
  example: { awardId: ex.id, roundId: ex.round, village: ex.village, amount: 15_000_000, title: '2026 年红安县以奖代补' },
});

// ---------------------------------------------------------------------------------------------------------------
// Points ledger (爱心积分 / 志愿积分)
// ---------------------------------------------------------------------------------------------------------------

/** What a resident earned points for (the earning rules are configured per activity). */
export const PointsActivity = z.enum([
  'ballot-cast', // 参与表决
  'need-adopted', // 意见被采纳
  'candidate-supported', // 点单式支持
  'discussion-attended', // 参加三方议
  'labour-hour', // 投工投劳（每小时）
  'contribution-in-kind', // 出钱出物让地出点子
  'space-adopted', // 认领公共空间
  'upkeep-logged', // 管护记录
  'review-submitted', // 参与评议
  'award-granted', // 评选获奖
  'volunteering', // 志愿服务（人工登记）
]);
export type PointsActivity = z.infer<typeof PointsActivity>;

const exEntry = { person: 'p-majiaqiao-07', household: `${ex.village}/g2/h07`, entry: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0E' };

/** Points were credited to a resident (some may have gone to clearing a debt first). */
export const PointsCredited = defineEvent({
  type: 'PointsCredited',
  service: 'rewards',
  summary: 'Points were credited to a resident for an activity (once per source); any debt is cleared first.',
  data: z.object({
    entryId: Id,
    person: PersonId,
    village: PlacePath,
    household: PlacePath.optional(),
    activity: PointsActivity,
    /** Points credited after caps. */
    points: z.number().int().positive(),
    /** Points the rule would have given before the period cap cut them. */
    requested: z.number().int().positive(),
    debtCleared: z.number().int().nonnegative(),
    balanceAfter: z.number().int().nonnegative(),
    /** The source fact, e.g. `ballot:<proposal>:<step>:<voter>`; each credits at most once. */
    source: z.string().min(1).max(300),
  }),
  example: {
    entryId: exEntry.entry,
    person: exEntry.person,
    village: ex.village,
    household: exEntry.household,
    activity: 'ballot-cast',
    points: 2,
    requested: 2,
    debtCleared: 0,
    balanceAfter: 14,
    source: `ballot:${ex.id}:3:p-majiaqiao-07`,
  },
});

/** Points were deducted (a violation's handling): what the balance could not cover is recorded as a debt. */
export const PointsDebited = defineEvent({
  type: 'PointsDebited',
  service: 'rewards',
  summary: 'Points were deducted for a violation; the part the balance could not cover became a debt cleared by later credits.',
  data: z.object({
    entryId: Id,
    person: PersonId,
    village: PlacePath,
    household: PlacePath.optional(),
    reason: z.enum(['violation']),
    points: z.number().int().positive(),
    fromBalance: z.number().int().nonnegative(),
    toDebt: z.number().int().nonnegative(),
    balanceAfter: z.number().int().nonnegative(),
    debtAfter: z.number().int().nonnegative(),
    source: z.string().min(1).max(300),
  }),
  example: {
    entryId: exEntry.entry,
    person: 'p-majiaqiao-08',
    village: ex.village,
    household: `${ex.village}/g2/h08`,
    reason: 'violation',
    points: 5,
    fromBalance: 3,
    toDebt: 2,
    balanceAfter: 0,
    debtAfter: 2,
    source: `violation:${ex.id}`,
  },
});

/** A ledger entry was reversed (an overturned violation, or a cadre's correction of a wrong credit). */
export const PointsReversed = defineEvent({
  type: 'PointsReversed',
  service: 'rewards',
  summary: 'A credit or deduction was reversed by a reversing entry (corrections never edit the ledger).',
  data: z.object({
    entryId: Id,
    reverses: Id,
    person: PersonId,
    village: PlacePath,
    reason: z.enum(['violation-overturned', 'correction']),
    /** Signed change of the resident's net points (balance − debt). */
    netChange: z.number().int(),
    balanceAfter: z.number().int().nonnegative(),
    debtAfter: z.number().int().nonnegative(),
  }),
  example: {
    entryId: exEntry.entry,
    reverses: ex.id,
    person: 'p-majiaqiao-08',
    village: ex.village,
    reason: 'violation-overturned',
    netChange: 5,
    balanceAfter: 3,
    debtAfter: 0,
  },
});

/** Points older than the configured age expired, oldest lots first. */
export const PointsExpired = defineEvent({
  type: 'PointsExpired',
  service: 'rewards',
  summary: 'Points that reached the configured age expired (oldest lots first).',
  data: z.object({
    entryId: Id,
    person: PersonId,
    village: PlacePath,
    points: z.number().int().positive(),
    lots: z.array(z.object({ lot: z.string(), points: z.number().int().positive() })).min(1),
    balanceAfter: z.number().int().nonnegative(),
  }),
  example: {
    entryId: exEntry.entry,
    person: exEntry.person,
    village: ex.village,
    points: 6,
    lots: [{ lot: '2024-05-01~2026-05-01', points: 6 }],
    balanceAfter: 8,
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Points supermarket (积分超市)
// ---------------------------------------------------------------------------------------------------------------

const redemption = {
  redemptionId: Id,
  itemId: Id,
  /** Where the item is offered: a village or a township. */
  place: PlacePath,
  /** The resident's village. */
  village: PlacePath,
  person: PersonId,
  quantity: z.number().int().positive(),
  points: z.number().int().positive(),
};
const exRedemption = {
  redemptionId: ex.id,
  itemId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0F',
  place: ex.village,
  village: ex.village,
  person: exEntry.person,
  quantity: 1,
  points: 30,
};

export const RedemptionReserved = defineEvent({
  type: 'RedemptionReserved',
  service: 'rewards',
  summary: 'A resident reserved a supermarket item: the points and the stock are held until fulfilment, cancellation or expiry.',
  data: z.object({ ...redemption, expiresAt: IsoDateTime }),
  example: { ...exRedemption, expiresAt: '2026-06-08T10:00:00.000Z' },
});

export const RedemptionFulfilled = defineEvent({
  type: 'RedemptionFulfilled',
  service: 'rewards',
  summary: 'The merchant handed the item over: the held points are spent and the held stock is sold.',
  data: z.object({ ...redemption, merchant: z.string().min(1) }),
  example: { ...exRedemption, merchant: 'merchant-01' },
});

export const RedemptionCancelled = defineEvent({
  type: 'RedemptionCancelled',
  service: 'rewards',
  summary: 'A reservation was cancelled (by the resident or the merchant) or expired: points and stock are released.',
  data: z.object({ ...redemption, reason: z.enum(['cancelled-by-resident', 'cancelled-by-merchant', 'expired']) }),
  example: { ...exRedemption, reason: 'expired' },
});

// ---------------------------------------------------------------------------------------------------------------
// Awards in lieu of subsidies (以奖代补)
// ---------------------------------------------------------------------------------------------------------------

/** Integer percentage weights of the four KPIs (sum 100). */
export const KpiWeights = z.object({
  deliberationDepth: z.number().int().min(0).max(100), // 共谋程度
  buildResults: z.number().int().min(0).max(100), // 共建成效
  managementMechanism: z.number().int().min(0).max(100), // 共管机制
  evaluationResponse: z.number().int().min(0).max(100), // 共评反响
});

/** The published allocation rule: proportional to score above a threshold, capped per applicant. */
export const AllocationRule = z.object({
  method: z.literal('proportional-above-threshold'),
  /** Score (0–100, two decimals) an applicant must exceed to get anything. */
  threshold: z
    .number()
    .min(0)
    .max(100)
    .refine((t) => Math.abs(t * 100 - Math.round(t * 100)) < 1e-6, says({ zh: '最多两位小数', en: 'at most two decimals' })),
  /** Most any one applicant can get, in fen. */
  capPerApplicant: Fen.positive().optional(),
});

export const AwardRoundOpened = defineEvent({
  type: 'AwardRoundOpened',
  service: 'rewards',
  summary: 'An award-in-lieu-of-subsidy round (以奖代补) opened for competitive applications (竞争性申报).',
  data: z.object({
    roundId: Id,
    scope: PlacePath,
    title: z.string().min(1).max(200),
    budget: Fen.positive(),
    applicantKind: z.enum(['village', 'household']),
    kpiYear: z.number().int().min(2000).max(2100),
    deadline: IsoDateTime,
    weights: KpiWeights,
    rule: AllocationRule,
  }),
  example: {
    roundId: ex.round,
    scope: 'hubei/huanggang/hongan',
    title: '2026 年红安县以奖代补',
    budget: 100_000_000,
    applicantKind: 'village',
    kpiYear: 2026,
    deadline: '2026-12-31T16:00:00.000Z',
    weights: { deliberationDepth: 30, buildResults: 30, managementMechanism: 20, evaluationResponse: 20 },
    rule: { method: 'proportional-above-threshold', threshold: 60, capPerApplicant: 40_000_000 },
  },
});

/** The results of a round with everything needed to recompute them (inputs hash, rule, weights, each line). */
export const AwardsPublished = defineEvent({
  type: 'AwardsPublished',
  service: 'rewards',
  summary: 'A round’s differential awards (差额式奖补) were published with their inputs; allocated never exceeds the budget.',
  data: z.object({
    roundId: Id,
    scope: PlacePath,
    title: z.string().min(1).max(200),
    budget: Fen.positive(),
    allocated: Fen.nonnegative(),
    unallocated: Fen.nonnegative(),
    /** sha256 of the canonical JSON of the published inputs. */
    inputsHash: z.string().regex(/^[0-9a-f]{64}$/),
    weights: KpiWeights,
    rule: AllocationRule,
    awards: z
      .array(
        z.object({
          awardId: Id.optional(),
          applicant: PlacePath,
          applicantKind: z.enum(['village', 'household']),
          score: z.number().min(0).max(100),
          amount: Fen.nonnegative(),
          rank: z.number().int().positive(),
        }),
      )
      .max(1000),
  }),
  example: {
    roundId: ex.round,
    scope: 'hubei/huanggang/hongan',
    title: '2026 年红安县以奖代补',
    budget: 100_000_000,
    allocated: 100_000_000,
    unallocated: 0,
    inputsHash: 'a'.repeat(64),
    weights: { deliberationDepth: 30, buildResults: 30, managementMechanism: 20, evaluationResponse: 20 },
    rule: { method: 'proportional-above-threshold', threshold: 60 },
    awards: [{ awardId: ex.id, applicant: ex.village, applicantKind: 'village', score: 78.9, amount: 100_000_000, rank: 1 }],
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Dividends (股金、分红)
// ---------------------------------------------------------------------------------------------------------------

export const DividendDistributed = defineEvent({
  type: 'DividendDistributed',
  service: 'rewards',
  summary: 'The cooperative company’s distributable profit was split among member households by shares, exactly to the fen.',
  data: z.object({
    distributionId: Id,
    village: PlacePath,
    title: z.string().min(1).max(200),
    amount: Fen.positive(),
    totalShares: z.number().int().positive(),
    allocations: z
      .array(z.object({ household: PlacePath, shares: z.number().int().positive(), amount: Fen.nonnegative() }))
      .min(1)
      .max(2000),
  }),
  example: {
    distributionId: ex.id,
    village: ex.village,
    title: '2026 年度合作社分红',
    amount: 100_000,
    totalShares: 3,
    allocations: [
      { household: `${ex.village}/g1/h01`, shares: 2, amount: 66_667 },
      { household: `${ex.village}/g1/h02`, shares: 1, amount: 33_333 },
    ],
  },
});

export const rewardsEvents = [
  SubsidyAwarded,
  PointsCredited,
  PointsDebited,
  PointsReversed,
  PointsExpired,
  RedemptionReserved,
  RedemptionFulfilled,
  RedemptionCancelled,
  AwardRoundOpened,
  AwardsPublished,
  DividendDistributed,
] as const;
