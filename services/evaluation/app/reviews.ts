import { EvaluationPublished, RectificationOpened, ReviewOpened, type ReviewStage, ReviewSubmitted } from '@cocreate/contracts';
import { type JobContext, type RouteContext, type Table, type UnitOfWork, holds, newId } from '@cocreate/kernel';
import { type Register, chinaDay, VILLAGE_WATCH } from '@cocreate/places';
import type { Rectification } from '../domain/rectification.ts';
import {
  QUALITY_ROLES,
  REVIEW_WINDOW_DAYS,
  type ResponseRecord,
  type Review,
  type ReviewKind,
  compactHouseholds,
  expandHouseholds,
  mayRespond,
  responseRate,
  summarise,
} from '../domain/review.ts';
import { type LocalText, type SchemeSnapshot, leavesOf, scoreResponse, validateScores } from '../domain/scheme.ts';
import { projects } from '../repos/projects.ts';
import { rectifications } from '../repos/rectifications.ts';
import { type StoredReview, reviews } from '../repos/reviews.ts';
import { listedVillage, notFound } from './common.ts';
import { refuse, ruleAt, ruleErrors, settled } from './refusals.ts';
import { chosenScheme, resolveScheme } from './schemes.ts';

/*
 * Opening and publishing reviews: shared by the project-event consumers, the routes and the deadline job, so a
 * review opens and closes the same way whoever triggers it.
 */

/**
 * Members who count toward a quality review's response rate: the representatives and supervisors sitting on the day
 * it opens (the review records them, so a later 换届 does not move its denominator).
 */
async function qualityMembers(register: Register, village: string, on: string): Promise<string[]> {
  const [reps, sup] = await Promise.all([
    register.body(village, 'representatives-assembly', on),
    register.body(village, 'supervision-committee', on),
  ]);
  return [...new Set([...(reps?.members ?? []), ...(sup?.members ?? [])])].sort();
}

export interface OpenReview {
  village: string;
  kind: ReviewKind;
  title: LocalText;
  scheme: SchemeSnapshot;
  projectId?: string | undefined;
  projectTitle?: string | undefined;
  stage?: ReviewStage | undefined;
  /** Satisfaction: the households that may answer. */
  households?: readonly string[] | undefined;
  openedBy: string;
  now: Date;
  closesAt?: string | undefined;
}

/** What every event about a review says of it: which review, where, for what purpose, on which scheme version. */
function reviewOnEvents(review: Review) {
  return {
    reviewId: review.reviewId,
    village: review.village,
    purpose: review.kind,
    ...(review.projectId ? { projectId: review.projectId } : {}),
    ...(review.stage ? { stage: review.stage } : {}),
    schemeId: review.scheme.schemeId,
    schemeVersion: review.scheme.version,
  };
}

export async function openReview(tx: UnitOfWork, register: Register, o: OpenReview): Promise<Review> {
  const households = o.kind === 'satisfaction' ? compactHouseholds(o.village, o.households ?? []) : [];
  const members = o.kind === 'quality' ? await qualityMembers(register, o.village, chinaDay(o.now)) : [];
  const review: Review = {
    reviewId: newId(),
    village: o.village,
    kind: o.kind,
    ...(o.projectId ? { projectId: o.projectId } : {}),
    ...(o.projectTitle ? { projectTitle: o.projectTitle } : {}),
    ...(o.stage ? { stage: o.stage } : {}),
    title: o.title,
    scheme: o.scheme,
    status: 'open',
    eligibleCount: o.kind === 'satisfaction' ? households.length : members.length,
    responses: 0,
    openedAt: o.now.toISOString(),
    closesAt: o.closesAt ?? new Date(o.now.getTime() + REVIEW_WINDOW_DAYS * 86_400_000).toISOString(),
    openedBy: o.openedBy,
  };
  reviews.create(tx, review, { households, members });
  tx.emit(
    ReviewOpened,
    {
      ...reviewOnEvents(review),
      eligible: review.eligibleCount,
      closesAt: review.closesAt,
    },
    { place: review.village },
  );
  return review;
}

/**
 * Closes a review and posts its results (张榜公布): the aggregate results, EvaluationPublished, and a rectification item
 * (RectificationOpened) for every leaf criterion below the scheme's threshold — all in one transaction, only from
 * open, and only if no response arrived after the responses were read (otherwise the whole thing is recomputed).
 */
export async function publishReview(table: Table, tx: UnitOfWork, review: Review, now: Date) {
  const responses = await reviews.responses(table, review.reviewId);
  const results = summarise(review.scheme, responses, review.eligibleCount);
  const at = now.toISOString();
  reviews.publish(tx, review.reviewId, results, at, responses.length);
  const leaves = new Map(leavesOf(review.scheme.criteria).map((l) => [l.id, l]));
  for (const criterionId of results.belowThreshold) {
    const leaf = leaves.get(criterionId)!;
    const score = results.criteria.find((c) => c.criterionId === criterionId)!.score!;
    const item: Rectification = {
      rectificationId: newId(),
      reviewId: review.reviewId,
      village: review.village,
      ...(review.projectId ? { projectId: review.projectId } : {}),
      ...(review.stage ? { stage: review.stage } : {}),
      criterionId,
      criterion: leaf.name,
      score,
      threshold: review.scheme.threshold,
      status: 'open',
      openedAt: at,
      history: [{ action: 'opened', by: 'cocreate.evaluation', at }],
    };
    rectifications.put(tx, item, undefined, 'retry');
    tx.emit(
      RectificationOpened,
      {
        rectificationId: item.rectificationId,
        reviewId: item.reviewId,
        village: item.village,
        ...(item.projectId ? { projectId: item.projectId } : {}),
        ...(item.stage ? { stage: item.stage } : {}),
        criterionId,
        criterion: `${leaf.name.zh} / ${leaf.name.en}`.slice(0, 300),
        score,
        threshold: item.threshold,
      },
      { place: item.village },
    );
  }
  tx.emit(
    EvaluationPublished,
    {
      ...reviewOnEvents(review),
      responses: results.responses,
      eligible: results.eligible,
      responseRate: results.responseRate,
      overall: results.overall,
      criteria: results.criteria.map((c) => ({ criterionId: c.criterionId, score: c.score })),
      rectifications: results.belowThreshold.length,
    },
    { place: review.village },
  );
  return results;
}

/* ------------------------------------------------------------------------------------------------------------
 * Use cases of the routes and the deadline job.
 * ------------------------------------------------------------------------------------------------------------ */

/** The review a request names, read once for the route's place check and its handler. */
export const reviewOf = (ctx: RouteContext, reviewId: string) => ctx.once(`review:${reviewId}`, () => reviews.get(ctx.table, reviewId));

/** Who sees live (unpublished) aggregate results: the village's cadres, its supervision committee, officials above. */
const LIVE_VIEWERS = VILLAGE_WATCH;

/** A review as lists show it: its scheme named, its results left out, its response rate. */
export const reviewSummary = (r: StoredReview) => {
  const { scheme, results: _results, ...rest } = r;
  return { ...rest, schemeId: scheme.schemeId, schemeVersion: scheme.version, responseRate: responseRate(r.responses, r.eligibleCount) };
};

export interface OpenReviewByHand {
  village: string;
  kind: ReviewKind;
  title: LocalText;
  schemeId?: string | undefined;
  households?: string[] | undefined;
  closesAt?: string | undefined;
}

/** A review opened by hand: a satisfaction survey of chosen (or all) households, or a quality review. */
export async function openReviewByHand(cmd: OpenReviewByHand, ctx: RouteContext) {
  if ((await ctx.register.villageOf(cmd.village))?.path !== cmd.village) {
    throw ruleAt('not-a-village', '/village', 'village', { zh: '不是村或社区', en: 'not a village or community' });
  }
  if (cmd.households && cmd.kind !== 'satisfaction') {
    throw ruleAt('households-for-satisfaction', '/households', 'kind', { zh: '仅用于满意度评价', en: 'only for satisfaction' });
  }
  const village = cmd.village;
  const households = cmd.kind === 'satisfaction' ? await ctx.register.households(village) : [];
  const ofVillage = new Set(households.filter((h) => h.village === village).map((h) => h.path));
  const strangers = (cmd.households ?? []).map((h, i) => [h, i] as const).filter(([h]) => !ofVillage.has(h));
  if (strangers.length) {
    throw ruleErrors(
      'households-outside-village',
      strangers.map(([, i]) => ({
        pointer: `/households/${i}`,
        rule: 'household',
        message: { zh: '不是本村的住户', en: 'not a household of this village' },
      })),
    );
  }
  const now = ctx.now();
  if (cmd.closesAt && (Date.parse(cmd.closesAt) <= now.getTime() || Date.parse(cmd.closesAt) > now.getTime() + 180 * 86_400_000)) {
    throw ruleAt('bad-deadline', '/closesAt', 'range', { zh: '须在未来 180 天内', en: 'in the future, within 180 days' });
  }
  const scheme = await chosenScheme(ctx.table, cmd.schemeId, village, () => resolveScheme(ctx.table, village, cmd.kind));
  const review = await openReview(ctx.tx, ctx.register, {
    village,
    kind: cmd.kind,
    title: cmd.title,
    scheme,
    households: cmd.kind === 'satisfaction' ? (cmd.households ?? households.map((h) => h.path)) : undefined,
    openedBy: ctx.actor.sub,
    now,
    closesAt: cmd.closesAt ? new Date(cmd.closesAt).toISOString() : undefined,
  });
  return reviewSummary(review);
}

export async function listReviews(
  query: { village: string; projectId?: string | undefined; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
) {
  await listedVillage(ctx.register, query.village);
  const page = await reviews.listByVillage(ctx.table, query.village, query);
  const items = page.items.filter((r) => !query.projectId || r.projectId === query.projectId).map(reviewSummary);
  return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

export async function getReview(reviewId: string, ctx: RouteContext) {
  const r = await reviews.get(ctx.table, reviewId);
  if (!r) throw notFound.review();
  const { results: _results, ...review } = r;
  return { ...review, responseRate: responseRate(r.responses, r.eligibleCount) };
}

/** The household a person answers for: theirs, if the register lists them among its members. */
async function householdOf(register: Register, person: string): Promise<string | undefined> {
  const p = await register.person(person);
  const home = p ? await register.household(p.household) : undefined;
  return home?.members.includes(person) ? home.path : undefined;
}

export interface Respond {
  reviewId: string;
  scores: Record<string, number>;
  comment?: string | undefined;
}

/** An answer: satisfaction once per beneficiary household, quality once per representative/supervisor/expert. */
export async function respond(cmd: Respond, ctx: RouteContext) {
  const review = (await reviewOf(ctx, cmd.reviewId))!;
  const sub = ctx.identity!.sub;
  const [eligible, household] = await Promise.all([
    reviews.eligible(ctx.table, review.reviewId),
    review.kind === 'satisfaction' ? householdOf(ctx.register, sub) : undefined,
  ]);
  const qualityRole = QUALITY_ROLES.find((role) => holds(ctx.identity!, role, review.village));
  const now = ctx.now();
  const may = settled(
    mayRespond(review, now, {
      sub,
      household,
      qualityRole,
      eligibleHouseholds: new Set(expandHouseholds(review.village, eligible.households)),
      eligibleMembers: new Set(eligible.members),
    }),
  );
  const errors = validateScores(review.scheme.criteria, cmd.scores);
  if (errors.length) throw ruleErrors('invalid-scores', errors);
  const record: ResponseRecord = {
    responseId: newId(),
    reviewId: review.reviewId,
    reviewer: sub,
    ...(may.household ? { household: may.household } : {}),
    ...(may.role ? { role: may.role } : {}),
    eligibleMember: may.eligibleMember,
    scores: cmd.scores,
    overall: scoreResponse(review.scheme.criteria, cmd.scores).overall.round(2),
    ...(cmd.comment ? { comment: cmd.comment } : {}),
    submittedAt: now.toISOString(),
  };
  reviews.respond(ctx.tx, record, may.household ?? `person:${sub}`, refuse('already-answered'), refuse('review-closed'));
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
}

/** Results (anonymous aggregates): public once published; while open the public sees the response rate only. */
export async function reviewResults(reviewId: string, ctx: RouteContext) {
  const review = await reviews.get(ctx.table, reviewId);
  if (!review) throw notFound.review();
  if (review.status === 'published') {
    return { ...review.results!, reviewId: review.reviewId, status: review.status, publishedAt: review.publishedAt, live: false };
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
}

/** Individual responses with who gave them, for the supervision committee; every read is logged. */
export async function listResponses(reviewId: string, ctx: RouteContext) {
  const list = await reviews.responses(ctx.table, reviewId);
  ctx.log.info('personal data read: review responses', { reviewId, by: ctx.actor.sub, count: list.length });
  const reviewers = [...new Set(list.map((r) => r.reviewer))];
  const people = await Promise.all(reviewers.map((id) => ctx.register.person(id)));
  const names = new Map(reviewers.map((id, i) => [id, people[i]?.name]));
  return {
    reviewId,
    // The review is named once, above; each item is the response as the route documents it.
    items: list.map(({ reviewId: _review, ...r }) => {
      // The register keeps masked names only, so both name fields carry the same masked name.
      const name = names.get(r.reviewer);
      return { ...r, ...(name ? { reviewerName: name, maskedName: name } : {}) };
    }),
  };
}

/** Closes a review before its deadline and publishes its results. */
export async function closeReview(reviewId: string, ctx: RouteContext) {
  const review = (await reviewOf(ctx, reviewId))!;
  if (review.status !== 'open') throw refuse('review-published');
  const out = await publishReview(ctx.table, ctx.tx, review, ctx.now());
  return { ...out, reviewId: review.reviewId, status: 'published' };
}

/** Reviews whose deadline passed are closed and published (at most this many per run; the rest next time). */
const CLOSE_BATCH = 200;

export async function closeDueReviews(ctx: JobContext) {
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
}

/** What evaluation knows of a project: stages reviewed (or superseded by a later stage) and their reviews. */
export async function projectReviews(projectId: string, ctx: RouteContext) {
  const found = await projects.get(ctx.table, projectId);
  if (!found) throw notFound.project();
  const { updatedAt: _u, ...project } = found.value;
  const ids = await projects.stageReviews(ctx.table, projectId);
  const list = (await Promise.all(ids.map((id) => reviews.get(ctx.table, id)))).filter((r): r is StoredReview => !!r);
  return {
    ...project,
    reviews: list.sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.kind.localeCompare(b.kind)).map(reviewSummary),
  };
}
