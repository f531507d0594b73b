import * as z from 'zod';
import { once, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { countyVerify, mutualReview, selfReview, setPairs, townshipReport, villageReviewBoard } from '../app/village-reviews.ts';
import { settingHistory } from '../app/schemes.ts';
import { Year } from '../app/views.ts';
import { PairsValue, Reason, pairsScope, settingChangeOf } from '../domain/audit.ts';
import { Score100, VillageReview } from '../domain/village-review.ts';

const Scores = once(() => z.record(z.string().max(40), z.number()));

export const selfReviewRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/village-reviews/self',
  operationId: 'submitVillageSelfReview',
  summary: 'Step 1: the village scores itself on the village-review scheme (村级自评)',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: () => z.object({ village: PlacePath, year: Year(), scores: Scores(), summary: z.string().trim().max(2000).optional() }),
  response: () => VillageReview(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => selfReview(body, ctx),
});

export const setPairsRoute = defineRoute({
  method: 'PUT',
  path: '/evaluation/village-reviews/pairs',
  operationId: 'setMutualReviewPairs',
  summary: 'The township pairs its villages for the year’s mutual review (两村互评); fixed once a mutual review is in',
  auth: { roles: ['township-official'], place: ({ body }) => body.township },
  body: () =>
    z.object({
      township: PlacePath,
      year: Year(),
      pairs: z.array(z.tuple([PlacePath, PlacePath])).max(100),
      /** Why (the township's meeting): kept in the pairs' history. */
      reason: Reason(),
    }),
  response: () =>
    z.object({
      township: z.string(),
      year: z.number(),
      pairs: z.array(z.tuple([z.string(), z.string()])),
      locked: z.boolean(),
      unpaired: z.array(z.string()),
    }),
  handler: ({ body }, ctx) => setPairs(body, ctx),
});

export const pairsHistoryRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/village-reviews/pairs/history',
  operationId: 'getMutualReviewPairsHistory',
  summary: 'Every setting of a township’s mutual-review pairs for a year, newest first: before, after, who, when, why',
  auth: { public: true },
  query: () => z.object({ township: PlacePath, year: Year(), ...pageQuery() }),
  response: () => z.object({ items: z.array(settingChangeOf(PairsValue())), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => settingHistory('review-pairs', pairsScope(query.township, query.year), query, ctx),
});

export const mutualReviewRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/village-reviews/mutual',
  operationId: 'submitMutualReview',
  summary: 'Step 2: the paired village scores this village on the same scheme version (两村互评)',
  auth: { roles: ['cadre'], place: ({ body }) => body.reviewer },
  body: () =>
    z.object({
      reviewer: PlacePath.describe('The reviewing village'),
      village: PlacePath.describe('The village reviewed'),
      year: Year(),
      scores: Scores(),
      summary: z.string().trim().max(2000).optional(),
    }),
  response: () => VillageReview(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => mutualReview(body, ctx),
});

export const townshipReportRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/village-reviews/township-report',
  operationId: 'submitTownshipReport',
  summary: 'Step 3: the township reports a score for each of its villages to the county (镇级自评申报)',
  auth: { roles: ['township-official'], place: ({ body }) => body.township },
  body: () =>
    z.object({
      township: PlacePath,
      year: Year(),
      villages: z
        .array(z.object({ village: PlacePath, score: Score100(), note: z.string().trim().max(2000).optional() }))
        .min(1)
        .max(50),
    }),
  response: () => z.object({ items: z.array(VillageReview()) }),
  idempotent: true,
  handler: ({ body }, ctx) => townshipReport(body, ctx),
});

export const countyVerifyRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/village-reviews/verify',
  operationId: 'verifyVillageReview',
  summary: 'Step 4: the county confirms the reported score, or adjusts it — only with a recorded reason (县级审核)',
  auth: { roles: ['county-official'], place: ({ body }) => body.village },
  body: () =>
    z.object({
      village: PlacePath,
      year: Year(),
      score: Score100().optional().describe('Omit to confirm the reported score'),
      reason: z.string().trim().max(2000).optional().describe('Required when the score differs from the reported one'),
    }),
  response: () => VillageReview(),
  idempotent: true,
  handler: ({ body }, ctx) => countyVerify(body, ctx),
});

/** The public board: scores, steps and reasons — not who entered them. */
const PublicVillageReview = once(() =>
  z.object({
    village: z.string(),
    township: z.string(),
    year: z.number(),
    step: z.string().optional(),
    selfScore: z.number().optional(),
    mutualScore: z.number().optional(),
    mutualBy: z.string().optional(),
    reportedScore: z.number().optional(),
    suggestedScore: z.number().optional(),
    unpaired: z.boolean().optional(),
    verifiedScore: z.number().optional(),
    adjusted: z.boolean().optional(),
    reason: z.string().optional(),
  }),
);

export const listVillageReviews = defineRoute({
  method: 'GET',
  path: '/evaluation/village-reviews',
  operationId: 'listVillageReviews',
  summary: 'The year’s village reviews in a county, each step’s score (posted publicly, 张榜公布)',
  auth: { public: true },
  query: () => z.object({ county: PlacePath, year: Year(), village: PlacePath.optional() }),
  response: () => z.object({ items: z.array(PublicVillageReview()) }),
  handler: ({ query }, ctx) => villageReviewBoard(query, ctx),
});

export const villageReviewRoutes = [
  selfReviewRoute,
  pairsHistoryRoute,
  setPairsRoute,
  mutualReviewRoute,
  townshipReportRoute,
  countyVerifyRoute,
  listVillageReviews,
];
