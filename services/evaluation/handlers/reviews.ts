import { z } from 'zod';
import { Id, IsoDateTime, PlacePath, ReviewSubmitted, SchemeId } from '@cocreate/contracts';
import { Problem, type RouteContext, defineJob, defineRoute, holds, newId, problems } from '@cocreate/kernel';
import {
  QUALITY_ROLES,
  type ResponseRecord,
  Review,
  ReviewKind,
  ReviewResults,
  expandHouseholds,
  mayRespond,
  responseRate,
  summarise,
} from '../domain/review.ts';
import { LocalText, scoreResponse, validateScores } from '../domain/scheme.ts';
import { projects, reviews } from '../store.ts';
import { Page, notFound, ruleErrors } from './common.ts';
import { openReview, publishReview } from './review-lifecycle.ts';
import { assertUsable, loadScheme, resolveScheme } from './schemes.ts';

/** The review a request names, read once for the route's place check and its handler. */
const reviewOf = (ctx: RouteContext, reviewId: string) => ctx.once(`review:${reviewId}`, () => reviews.get(ctx.table, reviewId));

const reviewVillage = async ({ params }: { params: { reviewId: string } }, ctx: RouteContext) =>
  (await reviewOf(ctx, params.reviewId))?.village;

/** Who sees live (unpublished) aggregate results: the village's cadres, its supervision committee, officials above. */
const LIVE_VIEWERS = ['cadre', 'supervisor', 'township-official', 'county-official'] as const;

const ReviewSummary = Review.omit({ scheme: true }).extend({
  schemeId: z.string(),
  schemeVersion: z.number().int(),
  responseRate: z.number().nullable(),
});

const summary = (r: Review) => {
  const { scheme, ...rest } = r as Review & { results?: unknown };
  delete (rest as { results?: unknown }).results;
  return { ...rest, schemeId: scheme.schemeId, schemeVersion: scheme.version, responseRate: responseRate(r.responses, r.eligibleCount) };
};

export const openReviewRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/reviews',
  operationId: 'openReview',
  summary: 'Open a review by hand: a satisfaction survey of chosen (or all) households, or a quality review',
  auth: { roles: ['cadre', 'township-official', 'county-official'], place: ({ body }) => body.village },
  body: z.object({
    village: PlacePath,
    kind: ReviewKind,
    title: LocalText,
    schemeId: SchemeId.optional().describe('Default: the scheme bound for the purpose here, else its template'),
    households: z.array(PlacePath).min(1).max(5000).optional().describe('Satisfaction only; default every household of the village'),
    closesAt: IsoDateTime.optional(),
  }),
  response: ReviewSummary,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    if ((await ctx.register.villageOf(body.village))?.path !== body.village) {
      throw problems.rule('not-a-village', { zh: '评价须针对某个村或社区。', en: 'A review belongs to a village or community.' }, {}, [
        { in: 'body', pointer: '/village', rule: 'village', message: { zh: '不是村或社区', en: 'not a village or community' } },
      ]);
    }
    if (body.households && body.kind !== 'satisfaction') {
      throw problems.rule(
        'households-for-satisfaction',
        { zh: '只有满意度评价指定受益户。', en: 'Only satisfaction reviews name households.' },
        {},
        [{ in: 'body', pointer: '/households', rule: 'kind', message: { zh: '仅用于满意度评价', en: 'only for satisfaction' } }],
      );
    }
    const village = body.village;
    const households = body.kind === 'satisfaction' ? await ctx.register.households(village) : [];
    const ofVillage = new Set(households.filter((h) => h.village === village).map((h) => h.path));
    const strangers = (body.households ?? []).map((h, i) => [h, i] as const).filter(([h]) => !ofVillage.has(h));
    if (strangers.length) {
      ruleErrors(
        'households-outside-village',
        { zh: '部分户不属于该村。', en: 'Some households are not of this village.' },
        strangers.map(([, i]) => ({
          pointer: `/households/${i}`,
          rule: 'household',
          message: { zh: '不是本村的住户', en: 'not a household of this village' },
        })),
      );
    }
    const now = ctx.now();
    if (body.closesAt && (Date.parse(body.closesAt) <= now.getTime() || Date.parse(body.closesAt) > now.getTime() + 180 * 86_400_000)) {
      throw problems.rule(
        'bad-deadline',
        { zh: '截止时间须在未来 180 天内。', en: 'The deadline must lie within the next 180 days.' },
        {},
        [{ in: 'body', pointer: '/closesAt', rule: 'range', message: { zh: '须在未来 180 天内', en: 'in the future, within 180 days' } }],
      );
    }
    let scheme;
    if (body.schemeId) {
      scheme = await loadScheme(ctx.table, body.schemeId);
      if (!scheme) {
        throw problems.rule('unknown-scheme', { zh: '评价标准不存在。', en: 'No such scheme.' }, {}, [
          { in: 'body', pointer: '/schemeId', rule: 'exists', message: { zh: '没有这个评价方案', en: 'no such scheme' } },
        ]);
      }
      assertUsable(scheme, village);
    } else {
      scheme = await resolveScheme(ctx.table, village, body.kind);
    }
    const { place: _place, ...snapshot } = scheme as typeof scheme & { place?: string };
    const review = await openReview(ctx.tx, ctx.register, {
      village,
      kind: body.kind,
      title: body.title,
      scheme: snapshot,
      households: body.kind === 'satisfaction' ? (body.households ?? households.map((h) => h.path)) : undefined,
      openedBy: ctx.actor.sub,
      now,
      closesAt: body.closesAt ? new Date(body.closesAt).toISOString() : undefined,
    });
    return summary(review);
  },
});

export const listReviews = defineRoute({
  method: 'GET',
  path: '/evaluation/reviews',
  operationId: 'listReviews',
  summary: 'A village’s reviews, newest first (public: no reviewer appears anywhere in them)',
  auth: { public: true },
  query: Page.extend({ village: PlacePath, projectId: Id.optional() }),
  response: z.object({ items: z.array(ReviewSummary), cursor: z.string().optional() }),
  handler: async ({ query }, ctx) => {
    const page = await reviews.listByVillage(ctx.table, query.village, query);
    const items = page.items.filter((r) => !query.projectId || r.projectId === query.projectId).map(summary);
    return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
});

export const getReview = defineRoute({
  method: 'GET',
  path: '/evaluation/reviews/{reviewId}',
  operationId: 'getReview',
  summary: 'A review with the scheme version it scores on',
  auth: { public: true },
  params: z.object({ reviewId: Id }),
  response: Review.extend({ responseRate: z.number().nullable() }),
  handler: async ({ params }, ctx) => {
    const r = await reviews.get(ctx.table, params.reviewId);
    if (!r) throw notFound.review();
    const { results: _results, ...review } = r as Review & { results?: unknown };
    return { ...review, responseRate: responseRate(r.responses, r.eligibleCount) };
  },
});

const refusals = {
  'not-a-beneficiary': () =>
    new Problem(
      403,
      'not-a-beneficiary',
      { zh: '无权操作', en: 'Forbidden' },
      {
        zh: '只有本项目的受益户可以评价满意度（服务谁、谁评价）。',
        en: 'Only the project’s beneficiary households may rate its satisfaction (whoever is served evaluates).',
      },
    ),
  'not-a-quality-reviewer': () =>
    new Problem(
      403,
      'not-a-quality-reviewer',
      { zh: '无权操作', en: 'Forbidden' },
      {
        zh: '质量评价由村民代表、监委会成员和专家进行。',
        en: 'Quality is reviewed by villager representatives, supervision-committee members and experts.',
      },
    ),
  'review-closed': () => problems.conflict('review-closed', { zh: '评价已截止。', en: 'The review is closed.' }),
};

/** The household a person answers for: theirs, if the register lists them among its members. */
async function householdOf(ctx: RouteContext, person: string): Promise<string | undefined> {
  const p = await ctx.register.person(person);
  const home = p ? await ctx.register.household(p.household) : undefined;
  return home?.members.includes(person) ? home.path : undefined;
}

export const respond = defineRoute({
  method: 'POST',
  path: '/evaluation/reviews/{reviewId}/responses',
  operationId: 'respondToReview',
  summary: 'Answer a review: satisfaction once per beneficiary household, quality once per representative/supervisor/expert',
  auth: { roles: ['resident', 'household-head', 'owner', ...QUALITY_ROLES], place: reviewVillage },
  params: z.object({ reviewId: Id }),
  body: z.object({
    scores: z.record(z.string().max(40), z.number()).describe('Every leaf criterion id → an integer on its scale'),
    comment: z.string().trim().max(1000).optional(),
  }),
  response: z.object({ responseId: z.string(), reviewId: z.string(), overall: z.number(), submittedAt: z.string() }),
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const review = (await reviewOf(ctx, params.reviewId))!;
    const sub = ctx.identity!.sub;
    const [eligible, household] = await Promise.all([
      reviews.eligible(ctx.table, review.reviewId),
      review.kind === 'satisfaction' ? householdOf(ctx, sub) : undefined,
    ]);
    const qualityRole = QUALITY_ROLES.find((role) => holds(ctx.identity!, role, review.village));
    const now = ctx.now();
    const may = mayRespond(review, now, {
      sub,
      household,
      qualityRole,
      eligibleHouseholds: new Set(expandHouseholds(review.village, eligible.households)),
      eligibleMembers: new Set(eligible.members),
    });
    if ('refused' in may) throw refusals[may.refused]();
    const errors = validateScores(review.scheme.criteria, body.scores);
    if (errors.length) ruleErrors('invalid-scores', { zh: '评分不符合评价标准。', en: 'The scores do not fit the scheme.' }, errors);
    const record: ResponseRecord = {
      responseId: newId(),
      reviewId: review.reviewId,
      reviewer: sub,
      ...(may.household ? { household: may.household } : {}),
      ...(may.role ? { role: may.role } : {}),
      eligibleMember: may.eligibleMember,
      scores: body.scores,
      overall: scoreResponse(review.scheme.criteria, body.scores).overall.round(2),
      ...(body.comment ? { comment: body.comment } : {}),
      submittedAt: now.toISOString(),
    };
    const duplicate = problems.conflict(
      'already-answered',
      review.kind === 'satisfaction'
        ? {
            zh: '本户已提交过该阶段的评价（每户一份）。',
            en: 'Your household has already answered this review (one response per household).',
          }
        : { zh: '您已提交过该评价。', en: 'You have already answered this review.' },
    );
    reviews.respond(ctx.tx, record, may.household ?? `person:${sub}`, duplicate, refusals['review-closed']());
    ctx.tx.emit(
      ReviewSubmitted,
      {
        reviewId: review.reviewId,
        responseId: record.responseId,
        village: review.village,
        ...(review.projectId ? { projectId: review.projectId } : {}),
        ...(review.stage ? { stage: review.stage } : {}),
        purpose: review.kind,
        reviewer: sub,
        ...(may.household ? { household: may.household } : {}),
      },
      { place: review.village },
    );
    return { responseId: record.responseId, reviewId: review.reviewId, overall: record.overall, submittedAt: record.submittedAt };
  },
});

const LiveResults = ReviewResults.partial().extend({
  reviewId: z.string(),
  status: z.string(),
  responses: z.number().int(),
  eligible: z.number().int(),
  responseRate: z.number().nullable(),
  publishedAt: z.string().optional(),
  live: z.boolean(),
});

export const results = defineRoute({
  method: 'GET',
  path: '/evaluation/reviews/{reviewId}/results',
  operationId: 'getReviewResults',
  summary: 'Results (anonymous aggregates). Public once published; while open the public sees the response rate only',
  auth: { public: true },
  params: z.object({ reviewId: Id }),
  response: LiveResults,
  handler: async ({ params }, ctx) => {
    const review = await reviews.get(ctx.table, params.reviewId);
    if (!review) throw notFound.review();
    if (review.status === 'published') {
      const stored = (await reviews.results(ctx.table, review.reviewId)) as ReviewResults;
      return { ...stored, reviewId: review.reviewId, status: review.status, publishedAt: review.publishedAt, live: false };
    }
    const insider = ctx.identity && LIVE_VIEWERS.some((role) => holds(ctx.identity!, role, review.village));
    if (!insider) {
      return {
        reviewId: review.reviewId,
        status: review.status,
        responses: review.responses,
        eligible: review.eligibleCount,
        responseRate: responseRate(review.responses, review.eligibleCount),
        live: false,
      };
    }
    const live = summarise(review.scheme, await reviews.responses(ctx.table, review.reviewId), review.eligibleCount);
    return { ...live, reviewId: review.reviewId, status: review.status, live: true };
  },
});

export const listResponses = defineRoute({
  method: 'GET',
  path: '/evaluation/reviews/{reviewId}/responses',
  operationId: 'listReviewResponses',
  summary: 'Individual responses with who gave them — for the supervision committee (监委会) only; every read is logged',
  auth: { roles: ['supervisor'], place: reviewVillage },
  params: z.object({ reviewId: Id }),
  response: z.object({
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
  handler: async ({ params }, ctx) => {
    const list = await reviews.responses(ctx.table, params.reviewId);
    ctx.log.info('personal data read: review responses', { reviewId: params.reviewId, by: ctx.actor.sub, count: list.length });
    const reviewers = [...new Set(list.map((r) => r.reviewer))];
    const people = await Promise.all(reviewers.map((id) => ctx.register.person(id)));
    const names = new Map(reviewers.map((id, i) => [id, people[i]?.name]));
    return {
      reviewId: params.reviewId,
      items: list.map((r) => {
        // The register keeps masked names only, so both name fields carry the same masked name.
        const name = names.get(r.reviewer);
        return { ...r, ...(name ? { reviewerName: name, maskedName: name } : {}) };
      }),
    };
  },
});

export const closeReview = defineRoute({
  method: 'POST',
  path: '/evaluation/reviews/{reviewId}/close',
  operationId: 'closeReview',
  summary: 'Close a review before its deadline and publish its results (opens rectification items below the threshold)',
  auth: { roles: ['cadre', 'township-official', 'county-official'], place: reviewVillage },
  params: z.object({ reviewId: Id }),
  response: ReviewResults.extend({ reviewId: z.string(), status: z.string() }),
  idempotent: true,
  handler: async ({ params }, ctx) => {
    const review = (await reviewOf(ctx, params.reviewId))!;
    if (review.status !== 'open')
      throw problems.conflict('review-published', { zh: '评价结果已公布。', en: 'The review’s results are already published.' });
    const out = await publishReview(ctx.table, ctx.tx, review, ctx.now());
    return { ...out, reviewId: review.reviewId, status: 'published' };
  },
});

/** Reviews whose deadline passed are closed and published (at most this many per run; the rest next time). */
const CLOSE_BATCH = 200;

export const closeDueReviews = defineJob({
  name: 'close-due-reviews',
  summary: 'Close reviews past their deadline and publish their results',
  schedule: 'rate(15 minutes)',
  handler: async (ctx) => {
    const now = ctx.now();
    const due = await reviews.dueBy(ctx.table, now.toISOString(), CLOSE_BATCH);
    let published = 0;
    for (const [i, reviewId] of due.entries()) {
      let didPublish = false;
      await ctx.unit(async (tx) => {
        didPublish = false;
        const review = await reviews.get(ctx.table, reviewId);
        if (!review || review.status !== 'open') return;
        await publishReview(ctx.table, tx, review, now);
        didPublish = true;
      });
      if (didPublish) published += 1;
      ctx.progress(i + 1, due.length);
    }
    return { due: due.length, published };
  },
});

export const getProjectReviews = defineRoute({
  method: 'GET',
  path: '/evaluation/projects/{projectId}',
  operationId: 'getProjectReviews',
  summary: 'What evaluation knows of a project: stages reviewed (or superseded by a later stage) and their reviews',
  auth: { public: true },
  params: z.object({ projectId: Id }),
  response: z.object({
    projectId: z.string(),
    village: z.string(),
    title: z.string().optional(),
    stage: z.string().optional(),
    known: z.boolean().describe('False while only later events (e.g. acceptance) have arrived, not ProjectOpened'),
    reviewedStages: z.array(z.string()),
    superseded: z.array(z.string()),
    reviews: z.array(ReviewSummary),
  }),
  handler: async ({ params }, ctx) => {
    const p = await projects.get(ctx.table, params.projectId);
    if (!p) throw problems.notFound({ zh: '项目', en: 'The project' });
    const ids = await projects.stageReviews(ctx.table, p.projectId);
    const list = (await Promise.all(ids.map((id) => reviews.get(ctx.table, id)))).filter((r): r is Review => !!r);
    const { version: _v, updatedAt: _u, ...project } = p;
    return { ...project, reviews: list.sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.kind.localeCompare(b.kind)).map(summary) };
  },
});

export const reviewRoutes = [getProjectReviews, openReviewRoute, listReviews, getReview, respond, results, listResponses, closeReview];
