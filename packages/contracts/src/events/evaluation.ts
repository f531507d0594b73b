import * as z from 'zod';
import { defineEvent } from '../registry.ts';
import { once } from '../once.ts';
import { Id, IsoDateTime, PersonId, PlacePath } from '../primitives.ts';
import { ReviewStage, VillageClass } from '../vocabulary.ts';
import { says } from '../says.ts';
import { AuditFields } from '../settings.ts';

/**
 * Events of the evaluation service (效果共评). The ones other services consume are fixed here first; the service
 * adds its own beside them.
 */

const ex = {
  village: 'hubei/huanggang/hongan/qiliping/majiaqiao',
  id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0R',
  project: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0P',
};

/** What a review or score is for (the values ReviewSubmitted carries). */
export const ReviewPurpose = once(() => z.enum(['satisfaction', 'quality', 'sanitation-rating', 'competition', 'village-review']));
export type ReviewPurpose = z.infer<ReturnType<typeof ReviewPurpose>>;

/** A review response was submitted (satisfaction by a beneficiary household, quality by a representative…). */
export const ReviewSubmitted = defineEvent({
  type: 'ReviewSubmitted',
  service: 'evaluation',
  summary: 'A review response was submitted; the scores stay in the evaluation service (anonymous to the public).',
  data: () =>
    z.object({
      reviewId: Id,
      responseId: Id,
      village: PlacePath,
      projectId: Id.optional(),
      stage: ReviewStage.optional(),
      purpose: ReviewPurpose(),
      reviewer: PersonId,
      household: PlacePath.optional(),
    }),
  example: {
    reviewId: ex.id,
    responseId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0S',
    village: ex.village,
    projectId: ex.project,
    stage: 'after',
    purpose: 'satisfaction',
    reviewer: 'p-majiaqiao-01',
    household: `${ex.village}/g1/h01`,
  },
});

/** A competition or rating produced a winner (最美庭院, 五星级文明户 …); rewards turns it into points. */
export const AwardGranted = defineEvent({
  type: 'AwardGranted',
  service: 'evaluation',
  summary: 'A competition or rating produced a winner; the rewards service credits points for it.',
  data: () =>
    z.object({
      awardId: Id,
      competitionId: Id,
      village: PlacePath,
      title: z.string().min(1).max(200),
      winner: z.object({ kind: z.enum(['household', 'person', 'village']), id: z.string().min(1).max(256) }),
      /** The person credited (household head for a household winner); absent for village winners. */
      person: PersonId.optional(),
      household: PlacePath.optional(),
      rank: z.number().int().positive(),
    }),
  example: {
    awardId: ex.id,
    competitionId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0T',
    village: ex.village,
    title: '2026 年度最美庭院',
    winner: { kind: 'household', id: `${ex.village}/g1/h04` },
    person: 'p-majiaqiao-04',
    household: `${ex.village}/g1/h04`,
    rank: 1,
  },
});

/** The four KPIs an award round scores (以奖代补), each 0–100. */
export const VillageKpis = once(() =>
  z.object({
    deliberationDepth: z.number().min(0).max(100), // 共谋程度
    buildResults: z.number().min(0).max(100), // 共建成效
    managementMechanism: z.number().min(0).max(100), // 共管机制
    evaluationResponse: z.number().min(0).max(100), // 共评反响
  }),
);
export type VillageKpis = z.infer<ReturnType<typeof VillageKpis>>;

/** The year-end participation assessment of a village, with every component visible, and the KPIs it feeds. */
export const ParticipationAssessed = defineEvent({
  type: 'ParticipationAssessed',
  service: 'evaluation',
  summary: 'A village’s annual participation was assessed: per-household score, each component, and the four KPIs.',
  data: () =>
    z.object({
      assessmentId: Id,
      village: PlacePath,
      year: z.number().int().min(2000).max(2100),
      households: z.number().int().nonnegative(),
      score: z.number().nonnegative(),
      components: z.record(z.string(), z.object({ count: z.number().int().nonnegative(), perHousehold: z.number().nonnegative() })),
      kpis: VillageKpis(),
    }),
  example: {
    assessmentId: ex.id,
    village: ex.village,
    year: 2026,
    households: 12,
    score: 7.25,
    components: { needsRaised: { count: 18, perHousehold: 1.5 }, ballots: { count: 40, perHousehold: 3.33 } },
    kpis: { deliberationDepth: 82, buildResults: 75, managementMechanism: 68, evaluationResponse: 90 },
  },
});

/** A village moved between tiers at the year-end assessment (pilot ↔ remediation). */
export const VillageTierChanged = defineEvent({
  type: 'VillageTierChanged',
  service: 'evaluation',
  summary: 'A village was promoted or demoted between pilot and remediation tiers, with the reason and figures.',
  data: () =>
    z.object({
      village: PlacePath,
      year: z.number().int().min(2000).max(2100),
      from: VillageClass,
      to: VillageClass,
      reason: z.string().min(1).max(2000),
      previousScore: z.number().nonnegative(),
      score: z.number().nonnegative(),
      decidedAt: IsoDateTime,
    }),
  example: {
    village: ex.village,
    year: 2026,
    from: 'remediation',
    to: 'pilot',
    reason: '参与度较上年提升 35%，超过晋级阈值 20%。',
    previousScore: 4.1,
    score: 5.6,
    decidedAt: '2026-12-28T10:00:00+08:00',
  },
});

/* ------------------------------------------------------------------------------------------------------------
 * The evaluation service's own events (consumed by the public board, agencies' feeds and anyone who subscribes).
 * ------------------------------------------------------------------------------------------------------------ */

/** A scheme id: a ULID for schemes saved by users, `tpl-…` for the templates shipped with the service. */
export const SchemeId = once(() =>
  z.string().regex(/^(tpl-[a-z0-9-]{1,60}|[0-9A-HJKMNP-TV-Z]{26})$/, says({ zh: 'ULID 或 tpl-<名称>', en: 'a ULID or tpl-<name>' })),
);

/** A version of an evaluation scheme (评价标准) was saved and is now usable at its place and below. */
export const SchemePublished = defineEvent({
  type: 'SchemePublished',
  service: 'evaluation',
  summary: 'A version of an evaluation scheme (criteria tree with weights and scales) was saved and published.',
  data: () =>
    z.object({
      schemeId: SchemeId(),
      version: z.number().int().positive(),
      place: PlacePath,
      title: z.string().min(1).max(300),
      /** Criteria scoring below this (0–100) open rectification items. */
      threshold: z.number().min(0).max(100),
      criteria: z.number().int().positive(),
      leaves: z.number().int().positive(),
      template: z.string().max(80).optional(),
    }),
  example: {
    schemeId: ex.id,
    version: 2,
    place: 'hubei/huanggang/hongan',
    title: '保障性住房小区六项创建标准 / Six standards for social-housing communities',
    threshold: 60,
    criteria: 10,
    leaves: 9,
    template: 'tpl-social-housing-six-standards',
  },
});

/** A review was opened: a project's staged review, a village survey, or one opened by a cadre. */
export const ReviewOpened = defineEvent({
  type: 'ReviewOpened',
  service: 'evaluation',
  summary: 'A review (satisfaction survey or quality review) was opened, on a recorded scheme version.',
  data: () =>
    z.object({
      reviewId: Id,
      village: PlacePath,
      purpose: z.enum(['satisfaction', 'quality']),
      projectId: Id.optional(),
      stage: ReviewStage.optional(),
      schemeId: SchemeId(),
      schemeVersion: z.number().int().positive(),
      /** Households (satisfaction) or members (quality) who may answer. */
      eligible: z.number().int().nonnegative(),
      closesAt: IsoDateTime,
    }),
  example: {
    reviewId: ex.id,
    village: ex.village,
    purpose: 'satisfaction',
    projectId: ex.project,
    stage: 'after',
    schemeId: 'tpl-project-satisfaction',
    schemeVersion: 1,
    eligible: 2,
    closesAt: '2026-10-20T10:00:00+08:00',
  },
});

/** A review closed and its results were posted publicly (张榜公布): aggregates only, never who answered what. */
export const EvaluationPublished = defineEvent({
  type: 'EvaluationPublished',
  service: 'evaluation',
  summary: 'A review closed; its weighted results, response rate and rectification count were published.',
  data: () =>
    z.object({
      reviewId: Id,
      village: PlacePath,
      purpose: z.enum(['satisfaction', 'quality']),
      projectId: Id.optional(),
      stage: ReviewStage.optional(),
      schemeId: SchemeId(),
      schemeVersion: z.number().int().positive(),
      responses: z.number().int().nonnegative(),
      eligible: z.number().int().nonnegative(),
      /** Percent of the eligible who answered, one decimal; null when nobody was eligible. */
      responseRate: z.number().min(0).max(100).nullable(),
      /** Weighted overall score 0–100 (two decimals); null without responses. */
      overall: z.number().min(0).max(100).nullable(),
      criteria: z.array(z.object({ criterionId: z.string(), score: z.number().min(0).max(100).nullable() })).max(80),
      rectifications: z.number().int().nonnegative(),
    }),
  example: {
    reviewId: ex.id,
    village: ex.village,
    purpose: 'satisfaction',
    projectId: ex.project,
    stage: 'after',
    schemeId: 'tpl-project-satisfaction',
    schemeVersion: 1,
    responses: 2,
    eligible: 2,
    responseRate: 100,
    overall: 71.25,
    criteria: [{ criterionId: 'overall', score: 75 }],
    rectifications: 1,
  },
});

/** A criterion scored below the scheme's threshold: a rectification item (整改) is open until verified. */
export const RectificationOpened = defineEvent({
  type: 'RectificationOpened',
  service: 'evaluation',
  summary: 'A criterion of a published review scored below the threshold; a rectification item was opened.',
  data: () =>
    z.object({
      rectificationId: Id,
      reviewId: Id,
      village: PlacePath,
      projectId: Id.optional(),
      stage: ReviewStage.optional(),
      criterionId: z.string().min(1).max(40),
      criterion: z.string().min(1).max(300),
      score: z.number().min(0).max(100),
      threshold: z.number().min(0).max(100),
    }),
  example: {
    rectificationId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0W',
    reviewId: ex.id,
    village: ex.village,
    projectId: ex.project,
    stage: 'after',
    criterionId: 'drainage',
    criterion: '排水效果 / Drainage works',
    score: 45,
    threshold: 60,
  },
});

/** The supervision committee verified a rectification as done. */
export const EvaluationRectificationClosed = defineEvent({
  type: 'RectificationClosed',
  service: 'evaluation',
  summary: 'A rectification item was reported done by the village and verified by the supervision committee.',
  data: () =>
    z.object({
      rectificationId: Id,
      reviewId: Id,
      village: PlacePath,
      projectId: Id.optional(),
      criterionId: z.string().min(1).max(40),
      reportedBy: PersonId,
      verifiedBy: PersonId,
      closedAt: IsoDateTime,
    }),
  example: {
    rectificationId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0W',
    reviewId: ex.id,
    village: ex.village,
    projectId: ex.project,
    criterionId: 'drainage',
    reportedBy: 'p-majiaqiao-01',
    verifiedBy: 'p-majiaqiao-10',
    closedAt: '2026-11-02T10:00:00+08:00',
  },
});

/** A competition or periodic rating was decided (its winners each got an AwardGranted). */
export const CompetitionDecided = defineEvent({
  type: 'CompetitionDecided',
  service: 'evaluation',
  summary: 'A competition or household rating was decided by its jury; the ranking was published.',
  data: () =>
    z.object({
      competitionId: Id,
      place: PlacePath,
      kind: z.string().min(1).max(40),
      title: z.string().min(1).max(200),
      period: z.string().max(20).optional(),
      ranked: z.number().int().nonnegative(),
      winners: z.number().int().nonnegative(),
    }),
  example: {
    competitionId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0T',
    place: ex.village,
    kind: 'courtyard',
    title: '2026 年度最美庭院 / 2026 Most Beautiful Courtyard',
    period: '2026',
    ranked: 8,
    winners: 3,
  },
});

/** The county verified a village's annual review (县级审核), possibly adjusting the township's score with a reason. */
export const VillageReviewVerified = defineEvent({
  type: 'VillageReviewVerified',
  service: 'evaluation',
  summary: 'The county verified a village’s annual review chain; any adjustment of the reported score carries its reason.',
  data: () =>
    z.object({
      village: PlacePath,
      year: z.number().int().min(2000).max(2100),
      selfScore: z.number().min(0).max(100),
      mutualScore: z.number().min(0).max(100).optional(),
      reportedScore: z.number().min(0).max(100),
      verifiedScore: z.number().min(0).max(100),
      adjusted: z.boolean(),
      reason: z.string().min(1).max(2000).optional(),
      verifiedBy: PersonId,
    }),
  example: {
    village: ex.village,
    year: 2026,
    selfScore: 88,
    mutualScore: 81.5,
    reportedScore: 84,
    verifiedScore: 80,
    adjusted: true,
    reason: '抽查发现两处公共空间无人管护。',
    verifiedBy: 'county-hongan-01',
  },
});

/** A county-wide participation assessment run finished (re-runs report how many results actually changed). */
export const AssessmentCompleted = defineEvent({
  type: 'AssessmentCompleted',
  service: 'evaluation',
  summary: 'A county’s annual participation assessment run finished; counts of changed results and tier moves.',
  data: () =>
    z.object({
      runId: Id,
      county: PlacePath,
      year: z.number().int().min(2000).max(2100),
      villages: z.number().int().nonnegative(),
      changed: z.number().int().nonnegative(),
      unchanged: z.number().int().nonnegative(),
      tierChanges: z.number().int().nonnegative(),
    }),
  example: {
    runId: ex.id,
    county: 'hubei/huanggang/hongan',
    year: 2026,
    villages: 500,
    changed: 500,
    unchanged: 0,
    tierChanges: 37,
  },
});

/*
 * Rules and settings as audited policy (issue 12): every revision of a scheme, choice of a scheme for a purpose and
 * setting of the mutual-review pairs is an event with who, when, why, and the value before and after.
 */
const SchemeVersionData = once(() =>
  z.object({
    version: z.number().int().positive(),
    title: z.string().min(1).max(300),
    threshold: z.number().min(0).max(100),
    leaves: z.number().int().positive(),
  }),
);

/** A scheme was revised: the version before and the new one (both stay readable: GET …/schemes/{id}?version=n). */
export const SchemeRevised = defineEvent({
  type: 'SchemeRevised',
  service: 'evaluation',
  summary: 'An evaluation scheme was revised: the version before and after (title, threshold, leaves), who, why.',
  data: () =>
    z.object({
      schemeId: z.string().min(1).max(80),
      place: PlacePath,
      before: SchemeVersionData(),
      after: SchemeVersionData(),
      ...AuditFields,
    }),
  example: {
    changeId: ex.id,
    schemeId: ex.id,
    place: 'hubei/huanggang/hongan',
    before: { version: 1, title: '最美庭院 / Courtyard', threshold: 60, leaves: 4 },
    after: { version: 2, title: '最美庭院 / Courtyard', threshold: 70, leaves: 4 },
    changedBy: 'c-hongan-1',
    changedAt: '2026-03-01T10:00:00+08:00',
    reason: '村民代表会议修订评分标准',
  },
});

/** The scheme a purpose (and stage) uses at a place changed. */
export const SchemeBindingChanged = defineEvent({
  type: 'SchemeBindingChanged',
  service: 'evaluation',
  summary: 'The scheme a purpose (optionally a project stage) uses at a place changed: before (absent: the default), after, who, why.',
  data: () =>
    z.object({
      place: PlacePath,
      purpose: z.string().min(1).max(40),
      stage: z.string().max(40).optional(),
      before: z.object({ schemeId: z.string().min(1).max(80) }).optional(),
      after: z.object({ schemeId: z.string().min(1).max(80) }),
      ...AuditFields,
    }),
  example: {
    changeId: ex.id,
    place: ex.village,
    purpose: 'satisfaction',
    after: { schemeId: ex.id },
    changedBy: 'p-majiaqiao-01',
    changedAt: '2026-03-01T10:00:00+08:00',
    reason: '村民代表会议通过本村满意度标准',
  },
});

/** A township set (or reset) the year's mutual-review pairs (两村互评). */
export const ReviewPairsChanged = defineEvent({
  type: 'ReviewPairsChanged',
  service: 'evaluation',
  summary: 'A township set the year’s mutual-review pairs of its villages (两村互评): before (absent: none), after, who, why.',
  data: () =>
    z.object({
      township: PlacePath,
      year: z.number().int(),
      before: z.array(z.tuple([PlacePath, PlacePath])).optional(),
      after: z.array(z.tuple([PlacePath, PlacePath])),
      ...AuditFields,
    }),
  example: {
    changeId: ex.id,
    township: 'hubei/huanggang/hongan/qiliping',
    year: 2026,
    after: [[ex.village, 'hubei/huanggang/hongan/qiliping/changsheng']],
    changedBy: 't-qiliping-1',
    changedAt: '2026-03-01T10:00:00+08:00',
    reason: '镇党委会议确定互评结对',
  },
});

export const evaluationEvents = [
  ReviewSubmitted,
  AwardGranted,
  ParticipationAssessed,
  VillageTierChanged,
  SchemePublished,
  ReviewOpened,
  EvaluationPublished,
  RectificationOpened,
  EvaluationRectificationClosed,
  CompetitionDecided,
  VillageReviewVerified,
  AssessmentCompleted,
  SchemeRevised,
  SchemeBindingChanged,
  ReviewPairsChanged,
] as const;
