import { z } from 'zod';
import { defineEvent } from '../registry.ts';
import { Id, IsoDateTime, PersonId, PlacePath } from '../primitives.ts';
import { ReviewStage, VillageClass } from '../vocabulary.ts';

/**
 * Events of the evaluation service (效果共评). The ones other services consume are fixed here first; the service
 * adds its own beside them.
 */

const ex = {
  village: 'hubei/huanggang/hongan/qiliping/majiaqiao',
  id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0R',
  project: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0P',
};

/** A review response was submitted (satisfaction by a beneficiary household, quality by a representative…). */
export const ReviewSubmitted = defineEvent({
  type: 'ReviewSubmitted',
  service: 'evaluation',
  summary: 'A review response was submitted; the scores stay in the evaluation service (anonymous to the public).',
  data: z.object({
    reviewId: Id,
    responseId: Id,
    village: PlacePath,
    projectId: Id.optional(),
    stage: ReviewStage.optional(),
    purpose: z.enum(['satisfaction', 'quality', 'sanitation-rating', 'competition', 'village-review']),
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
  data: z.object({
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
export const VillageKpis = z.object({
  deliberationDepth: z.number().min(0).max(100), // 共谋程度
  buildResults: z.number().min(0).max(100), // 共建成效
  managementMechanism: z.number().min(0).max(100), // 共管机制
  evaluationResponse: z.number().min(0).max(100), // 共评反响
});
export type VillageKpis = z.infer<typeof VillageKpis>;

/** The year-end participation assessment of a village, with every component visible, and the KPIs it feeds. */
export const ParticipationAssessed = defineEvent({
  type: 'ParticipationAssessed',
  service: 'evaluation',
  summary: 'A village’s annual participation was assessed: per-household score, each component, and the four KPIs.',
  data: z.object({
    assessmentId: Id,
    village: PlacePath,
    year: z.number().int().min(2000).max(2100),
    households: z.number().int().nonnegative(),
    score: z.number().nonnegative(),
    components: z.record(z.string(), z.object({ count: z.number().int().nonnegative(), perHousehold: z.number().nonnegative() })),
    kpis: VillageKpis,
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
  data: z.object({
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

export const evaluationEvents = [ReviewSubmitted, AwardGranted, ParticipationAssessed, VillageTierChanged] as const;
