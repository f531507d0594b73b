import * as z from 'zod';
import { defineEvent } from '../registry.ts';
import { once } from '../once.ts';
import { Fen, Id, IsoDateTime, PersonId, PlacePath } from '../primitives.ts';
import { WorkCategory } from '../vocabulary.ts';
import { says } from '../says.ts';
import { AuditFields } from '../settings.ts';

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
  data: () =>
    z.object({
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
export const PointsActivity = once(() =>
  z.enum([
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
  ]),
);
export type PointsActivity = z.infer<ReturnType<typeof PointsActivity>>;

const exEntry = { person: 'p-majiaqiao-07', household: `${ex.village}/g2/h07`, entry: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0E' };

/** Points were credited to a resident (some may have gone to clearing a debt first). */
export const PointsCredited = defineEvent({
  type: 'PointsCredited',
  service: 'rewards',
  summary: 'Points were credited to a resident for an activity (once per source); any debt is cleared first.',
  data: () =>
    z.object({
      entryId: Id,
      person: PersonId,
      village: PlacePath,
      household: PlacePath.optional(),
      activity: PointsActivity(),
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
  data: () =>
    z.object({
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
  data: () =>
    z.object({
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
  data: () =>
    z.object({
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

const redemption = once(() => ({
  redemptionId: Id,
  itemId: Id,
  /** Where the item is offered: a village or a township. */
  place: PlacePath,
  /** The resident's village. */
  village: PlacePath,
  person: PersonId,
  quantity: z.number().int().positive(),
  points: z.number().int().positive(),
}));
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
  data: () => z.object({ ...redemption(), expiresAt: IsoDateTime }),
  example: { ...exRedemption, expiresAt: '2026-06-08T10:00:00.000Z' },
});

export const RedemptionFulfilled = defineEvent({
  type: 'RedemptionFulfilled',
  service: 'rewards',
  summary: 'The merchant handed the item over: the held points are spent and the held stock is sold.',
  data: () => z.object({ ...redemption(), merchant: z.string().min(1) }),
  example: { ...exRedemption, merchant: 'merchant-01' },
});

export const RedemptionCancelled = defineEvent({
  type: 'RedemptionCancelled',
  service: 'rewards',
  summary: 'A reservation was cancelled (by the resident or the merchant) or expired: points and stock are released.',
  data: () => z.object({ ...redemption(), reason: z.enum(['cancelled-by-resident', 'cancelled-by-merchant', 'expired']) }),
  example: { ...exRedemption, reason: 'expired' },
});

// ---------------------------------------------------------------------------------------------------------------
// Awards in lieu of subsidies (以奖代补)
// ---------------------------------------------------------------------------------------------------------------

/** Integer percentage weights of the four KPIs (sum 100). */
export const KpiWeights = once(() =>
  z.object({
    deliberationDepth: z.number().int().min(0).max(100), // 共谋程度
    buildResults: z.number().int().min(0).max(100), // 共建成效
    managementMechanism: z.number().int().min(0).max(100), // 共管机制
    evaluationResponse: z.number().int().min(0).max(100), // 共评反响
  }),
);

/** The published allocation rule: proportional to score above a threshold, capped per applicant. */
export const AllocationRule = once(() =>
  z.object({
    method: z.literal('proportional-above-threshold'),
    /** Score (0–100, two decimals) an applicant must exceed to get anything. */
    threshold: z
      .number()
      .min(0)
      .max(100)
      .refine((t) => Math.abs(t * 100 - Math.round(t * 100)) < 1e-6, says({ zh: '最多两位小数', en: 'at most two decimals' })),
    /** Most any one applicant can get, in fen. */
    capPerApplicant: Fen.positive().optional(),
  }),
);

export const AwardRoundOpened = defineEvent({
  type: 'AwardRoundOpened',
  service: 'rewards',
  summary: 'An award-in-lieu-of-subsidy round (以奖代补) opened for competitive applications (竞争性申报).',
  data: () =>
    z.object({
      roundId: Id,
      scope: PlacePath,
      title: z.string().min(1).max(200),
      budget: Fen.positive(),
      applicantKind: z.enum(['village', 'household']),
      kpiYear: z.number().int().min(2000).max(2100),
      deadline: IsoDateTime,
      weights: KpiWeights(),
      rule: AllocationRule(),
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
  data: () =>
    z.object({
      roundId: Id,
      scope: PlacePath,
      title: z.string().min(1).max(200),
      budget: Fen.positive(),
      allocated: Fen.nonnegative(),
      unallocated: Fen.nonnegative(),
      /** sha256 of the canonical JSON of the published inputs. */
      inputsHash: z.string().regex(/^[0-9a-f]{64}$/),
      weights: KpiWeights(),
      rule: AllocationRule(),
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
  data: () =>
    z.object({
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

// ---------------------------------------------------------------------------------------------------------------
// Volunteer and mutual-aid activities (志愿服务、互助活动: 四点半课堂, 爱心食堂, 空巢老人互助组, 清洁日)
// ---------------------------------------------------------------------------------------------------------------

export const VolunteerActivityKind = once(() =>
  z.enum([
    'after-school-class', // 四点半课堂
    'charity-canteen', // 爱心食堂
    'elderly-mutual-aid', // 空巢老人互助组
    'clean-up', // 环境整治、清洁日
    'other',
  ]),
);

const exActivity = { activityId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0F', village: ex.village, person: 'p-majiaqiao-07' };

/** A cadre or an association (一约四会) published a volunteer activity residents can sign up for. */
export const VolunteerActivityPublished = defineEvent({
  type: 'VolunteerActivityPublished',
  service: 'rewards',
  summary: 'A volunteer or mutual-aid activity was published: when, where, how many places and the points per hour.',
  data: () =>
    z.object({
      activityId: Id,
      village: PlacePath,
      kind: VolunteerActivityKind(),
      title: z.string().min(1).max(200),
      location: z.string().min(1).max(200),
      startsAt: IsoDateTime,
      endsAt: IsoDateTime,
      capacity: z.number().int().positive(),
      pointsPerHour: z.number().int().nonnegative(),
      organiser: z.string().min(1),
    }),
  example: {
    ...exActivity,
    kind: 'after-school-class',
    title: '四点半课堂：作业辅导',
    location: '村委会二楼活动室',
    startsAt: '2026-05-12T16:30:00+08:00',
    endsAt: '2026-05-12T18:30:00+08:00',
    capacity: 6,
    pointsPerHour: 3,
    organiser: 'p-majiaqiao-01',
  },
});

/** A resident signed up: a place if one was free, else the waiting list (候补) at `position`. */
export const VolunteerSignedUp = defineEvent({
  type: 'VolunteerSignedUp',
  service: 'rewards',
  summary: 'A resident signed up for a volunteer activity: a place, or the waiting list when it was full.',
  data: () =>
    z.object({
      activityId: Id,
      village: PlacePath,
      person: PersonId,
      status: z.enum(['confirmed', 'waiting']),
      /** Place on the waiting list when waiting (1 = next to be promoted). */
      position: z.number().int().positive().optional(),
    }),
  example: { ...exActivity, status: 'waiting', position: 1 },
});

/** A sign-up was cancelled (by the resident or the organiser); `promoted` took the freed place. */
export const VolunteerSignUpCancelled = defineEvent({
  type: 'VolunteerSignUpCancelled',
  service: 'rewards',
  summary: 'A sign-up was cancelled; if it held a place, the first on the waiting list was promoted to it.',
  data: () =>
    z.object({
      activityId: Id,
      village: PlacePath,
      person: PersonId,
      /** Who was promoted from the waiting list to the freed place, if anyone. */
      promoted: PersonId.optional(),
    }),
  example: { ...exActivity, promoted: 'p-majiaqiao-08' },
});

/** A resident was checked in, by the organiser or by scanning the activity's signed code. */
export const VolunteerCheckedIn = defineEvent({
  type: 'VolunteerCheckedIn',
  service: 'rewards',
  summary: 'A volunteer was checked in to an activity (by the organiser, or by scanning its signed code).',
  data: () =>
    z.object({
      activityId: Id,
      village: PlacePath,
      person: PersonId,
      at: IsoDateTime,
      by: z.enum(['organiser', 'code']),
    }),
  example: { ...exActivity, at: '2026-05-12T16:28:00+08:00', by: 'code' },
});

/** A volunteer's attendance ended (checked out, or at the activity's end): minutes and points credited once. */
export const VolunteerAttended = defineEvent({
  type: 'VolunteerAttended',
  service: 'rewards',
  summary: 'A volunteer’s attendance was recorded with its minutes; points were credited once through the ledger.',
  data: () =>
    z.object({
      activityId: Id,
      village: PlacePath,
      person: PersonId,
      checkedInAt: IsoDateTime,
      checkedOutAt: IsoDateTime,
      minutes: z.number().int().nonnegative(),
      points: z.number().int().nonnegative(),
      /** What the ledger made of it (the village's volunteering cap may cut it). */
      outcome: z.enum(['credited', 'capped', 'no-points']),
    }),
  example: {
    ...exActivity,
    checkedInAt: '2026-05-12T16:28:00+08:00',
    checkedOutAt: '2026-05-12T18:30:00+08:00',
    minutes: 120,
    points: 6,
    outcome: 'credited',
  },
});

/** A resident with a place did not come (recorded when the organiser closes the activity). */
export const VolunteerNoShow = defineEvent({
  type: 'VolunteerNoShow',
  service: 'rewards',
  summary: 'A resident who held a place did not check in before the activity was closed (no-show).',
  data: () => z.object({ activityId: Id, village: PlacePath, person: PersonId }),
  example: exActivity,
});

/** The organiser closed the activity: the roster is final. */
export const VolunteerActivityClosed = defineEvent({
  type: 'VolunteerActivityClosed',
  service: 'rewards',
  summary: 'A volunteer activity was closed after its end: attendance, no-shows and hours are final.',
  data: () =>
    z.object({
      activityId: Id,
      village: PlacePath,
      attended: z.number().int().nonnegative(),
      noShows: z.number().int().nonnegative(),
      minutes: z.number().int().nonnegative(),
    }),
  example: { activityId: exActivity.activityId, village: ex.village, attended: 5, noShows: 1, minutes: 600 },
});

// ---------------------------------------------------------------------------------------------------------------
// Audited settings (issue 12 item 4): every change with who, when, why, before and after
// ---------------------------------------------------------------------------------------------------------------

const RuleData = once(() =>
  z.object({
    points: z.number().int().nonnegative(),
    cap: z.object({ period: z.string(), max: z.number().int().positive() }).nullable(),
  }),
);
const RulesData = once(() =>
  z.object({
    // Keyed by activity (PointsActivity today): an open map, so an activity added later does not make an agency's
    // downloaded schema refuse the event.
    activities: z.record(z.string(), RuleData()),
    expiryDays: z.number().int().positive().optional(),
    holdDays: z.number().int().positive().optional(),
  }),
);

/** A county's earning rules or a village's overrides changed. `before` is absent when none were set. */
export const EarningRulesChanged = defineEvent({
  type: 'EarningRulesChanged',
  service: 'rewards',
  summary: 'A county’s earning rules or a village’s overrides (积分规则) changed: before/after, who, when, why.',
  data: () => z.object({ ...AuditFields, scope: PlacePath, before: RulesData().optional(), after: RulesData() }),
  example: {
    changeId: ex.id,
    scope: ex.village,
    before: { activities: { volunteering: { points: 5, cap: { period: 'month', max: 40 } } } },
    after: { activities: { volunteering: { points: 6, cap: { period: 'month', max: 40 } } } },
    changedBy: 'p-majiaqiao-01',
    changedAt: '2026-05-01T10:00:00+08:00',
    reason: '村民代表会议决定提高志愿服务积分',
  },
});

const HoldingsData = once(() => z.object({ holdings: z.array(z.object({ household: PlacePath, shares: z.number().int().positive() })) }));

/** The village cooperative company's share register (股金名册) was replaced: the holdings before and after. */
export const CooperativeSharesChanged = defineEvent({
  type: 'CooperativeSharesChanged',
  service: 'rewards',
  summary: 'A village cooperative company’s share register (股金) was replaced: member households and shares before/after, who, why.',
  data: () => z.object({ ...AuditFields, village: PlacePath, before: HoldingsData().optional(), after: HoldingsData() }),
  example: {
    changeId: ex.id,
    village: ex.village,
    before: { holdings: [{ household: `${ex.village}/g1/h01`, shares: 10 }] },
    after: {
      holdings: [
        { household: `${ex.village}/g1/h01`, shares: 10 },
        { household: `${ex.village}/g1/h02`, shares: 5 },
      ],
    },
    changedBy: 'p-majiaqiao-01',
    changedAt: '2026-05-01T10:00:00+08:00',
    reason: '股东大会决议：2号户入股',
  },
});

const OfferData = once(() =>
  z.object({
    name: z.string(),
    description: z.string().optional(),
    price: z.number().int().positive(),
    active: z.boolean(),
  }),
);

/** A catalogue item's offer (name, price in points, offered or withdrawn) changed. */
export const CatalogueItemChanged = defineEvent({
  type: 'CatalogueItemChanged',
  service: 'rewards',
  summary: 'A points-supermarket item’s offer changed (price, name, withdrawn or offered again): before/after, who, why.',
  data: () => z.object({ ...AuditFields, itemId: Id, place: PlacePath, before: OfferData(), after: OfferData() }),
  example: {
    changeId: ex.id,
    itemId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0G',
    place: ex.village,
    before: { name: '食用油 5L', price: 120, active: true },
    after: { name: '食用油 5L', price: 100, active: true },
    changedBy: 'm-majiaqiao-shop',
    changedAt: '2026-05-01T10:00:00+08:00',
    reason: '进货价下调',
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
  VolunteerActivityPublished,
  VolunteerSignedUp,
  VolunteerSignUpCancelled,
  VolunteerCheckedIn,
  VolunteerAttended,
  VolunteerNoShow,
  VolunteerActivityClosed,
  EarningRulesChanged,
  CatalogueItemChanged,
  CooperativeSharesChanged,
] as const;
