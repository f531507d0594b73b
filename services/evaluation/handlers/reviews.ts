import * as z from 'zod';
import { once, Id, IsoDateTime, PlacePath, SchemeId } from '@cocreate/contracts';
import { type RouteContext, defineJob, defineRoute, pageQuery } from '@cocreate/kernel';
import { ORGANISERS } from '../app/common.ts';
import {
  closeDueReviews as closeDue,
  closeReview,
  getReview,
  listResponses,
  listReviews,
  openReviewByHand,
  projectReviews,
  respond,
  reviewOf,
  reviewResults,
} from '../app/reviews.ts';
import { QUALITY_ROLES, Review, ReviewKind, ReviewResults } from '../domain/review.ts';
import { LocalText } from '../domain/scheme.ts';

const reviewVillage = async ({ params }: { params: { reviewId: string } }, ctx: RouteContext) =>
  (await reviewOf(ctx, params.reviewId))?.village;

const ReviewSummary = once(() =>
  Review().omit({ scheme: true }).extend({
    schemeId: z.string(),
    schemeVersion: z.number().int(),
    responseRate: z.number().nullable(),
  }),
);

export const openReviewRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/reviews',
  operationId: 'openReview',
  summary: 'Open a review by hand: a satisfaction survey of chosen (or all) households, or a quality review',
  auth: { roles: [...ORGANISERS], place: ({ body }) => body.village },
  body: () =>
    z.object({
      village: PlacePath,
      kind: ReviewKind(),
      title: LocalText(),
      schemeId: SchemeId().optional().describe('Default: the scheme bound for the purpose here, else its template'),
      households: z.array(PlacePath).min(1).max(5000).optional().describe('Satisfaction only; default every household of the village'),
      closesAt: IsoDateTime.optional(),
    }),
  response: () => ReviewSummary(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => openReviewByHand(body, ctx),
});

export const listReviewsRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/reviews',
  operationId: 'listReviews',
  summary: 'A village’s reviews, newest first (public: no reviewer appears anywhere in them)',
  auth: { public: true },
  query: () => z.object({ village: PlacePath, projectId: Id.optional(), ...pageQuery() }),
  response: () => z.object({ items: z.array(ReviewSummary()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => listReviews(query, ctx),
});

export const getReviewRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/reviews/{reviewId}',
  operationId: 'getReview',
  summary: 'A review with the scheme version it scores on',
  auth: { public: true },
  params: () => z.object({ reviewId: Id }),
  response: () => Review().extend({ responseRate: z.number().nullable() }),
  handler: ({ params }, ctx) => getReview(params.reviewId, ctx),
});

export const respondRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/reviews/{reviewId}/responses',
  operationId: 'respondToReview',
  summary: 'Answer a review: satisfaction once per beneficiary household, quality once per representative/supervisor/expert',
  auth: { roles: ['resident', 'household-head', 'owner', ...QUALITY_ROLES], place: reviewVillage },
  params: () => z.object({ reviewId: Id }),
  body: () =>
    z.object({
      scores: z.record(z.string().max(40), z.number()).describe('Every leaf criterion id → an integer on its scale'),
      comment: z.string().trim().max(1000).optional(),
    }),
  response: () => z.object({ responseId: z.string(), reviewId: z.string(), overall: z.number(), submittedAt: z.string() }),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => respond({ ...body, reviewId: params.reviewId }, ctx),
});

const LiveResults = once(() =>
  ReviewResults().partial().extend({
    reviewId: z.string(),
    status: z.string(),
    responses: z.number().int(),
    eligible: z.number().int(),
    responseRate: z.number().nullable(),
    publishedAt: z.string().optional(),
    live: z.boolean(),
  }),
);

export const resultsRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/reviews/{reviewId}/results',
  operationId: 'getReviewResults',
  summary: 'Results (anonymous aggregates). Public once published; while open the public sees the response rate only',
  auth: { public: true },
  params: () => z.object({ reviewId: Id }),
  response: () => LiveResults(),
  handler: ({ params }, ctx) => reviewResults(params.reviewId, ctx),
});

export const listResponsesRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/reviews/{reviewId}/responses',
  operationId: 'listReviewResponses',
  summary: 'Individual responses with who gave them — for the supervision committee (监委会) only; every read is logged',
  auth: { roles: ['supervisor'], place: reviewVillage },
  params: () => z.object({ reviewId: Id }),
  response: () =>
    z.object({
      reviewId: z.string(),
      items: z.array(
        z.object({
          responseId: z.string(),
          reviewer: z.string(),
          reviewerName: z.string().optional(),
          maskedName: z.string().optional(),
          household: z.string().optional(),
          role: z.string().optional(),
          eligibleMember: z.boolean(),
          scores: z.record(z.string(), z.number()),
          overall: z.number(),
          comment: z.string().optional(),
          submittedAt: z.string(),
        }),
      ),
    }),
  handler: ({ params }, ctx) => listResponses(params.reviewId, ctx),
});

export const closeReviewRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/reviews/{reviewId}/close',
  operationId: 'closeReview',
  summary: 'Close a review before its deadline and publish its results (opens rectification items below the threshold)',
  auth: { roles: [...ORGANISERS], place: reviewVillage },
  params: () => z.object({ reviewId: Id }),
  response: () => ReviewResults().extend({ reviewId: z.string(), status: z.string() }),
  idempotent: true,
  handler: ({ params }, ctx) => closeReview(params.reviewId, ctx),
});

export const closeDueReviews = defineJob({
  name: 'close-due-reviews',
  summary: 'Close reviews past their deadline and publish their results',
  schedule: 'rate(15 minutes)',
  handler: (ctx) => closeDue(ctx),
});

export const getProjectReviews = defineRoute({
  method: 'GET',
  path: '/evaluation/projects/{projectId}',
  operationId: 'getProjectReviews',
  summary: 'What evaluation knows of a project: stages reviewed (or superseded by a later stage) and their reviews',
  auth: { public: true },
  params: () => z.object({ projectId: Id }),
  response: () =>
    z.object({
      projectId: z.string(),
      village: z.string(),
      title: z.string().optional(),
      stage: z.string().optional(),
      known: z.boolean().describe('False while only later events (e.g. acceptance) have arrived, not ProjectOpened'),
      reviewedStages: z.array(z.string()),
      superseded: z.array(z.string()),
      reviews: z.array(ReviewSummary()),
    }),
  handler: ({ params }, ctx) => projectReviews(params.projectId, ctx),
});

export const reviewRoutes = [
  getProjectReviews,
  openReviewRoute,
  listReviewsRoute,
  getReviewRoute,
  respondRoute,
  resultsRoute,
  listResponsesRoute,
  closeReviewRoute,
];
