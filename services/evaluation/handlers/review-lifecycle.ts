import { EvaluationPublished, RectificationOpened, ReviewOpened, type ReviewStage } from '@cocreate/contracts';
import { type Table, type UnitOfWork, newId } from '@cocreate/kernel';
import type { Register } from '@cocreate/places';
import type { Rectification } from '../domain/rectification.ts';
import { type Review, type ReviewKind, REVIEW_WINDOW_DAYS, compactHouseholds, summarise } from '../domain/review.ts';
import { type LocalText, type SchemeSnapshot, leavesOf } from '../domain/scheme.ts';
import { rectifications, reviews } from '../store.ts';
import { chinaDay } from './common.ts';

/**
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
  reviewId?: string | undefined;
}

export async function openReview(tx: UnitOfWork, register: Register, o: OpenReview): Promise<Review> {
  const households = o.kind === 'satisfaction' ? compactHouseholds(o.village, o.households ?? []) : [];
  const members = o.kind === 'quality' ? await qualityMembers(register, o.village, chinaDay(o.now)) : [];
  const review: Review = {
    reviewId: o.reviewId ?? newId(),
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
      reviewId: review.reviewId,
      village: review.village,
      purpose: review.kind,
      ...(review.projectId ? { projectId: review.projectId } : {}),
      ...(review.stage ? { stage: review.stage } : {}),
      schemeId: review.scheme.schemeId,
      schemeVersion: review.scheme.version,
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
      reviewId: review.reviewId,
      village: review.village,
      purpose: review.kind,
      ...(review.projectId ? { projectId: review.projectId } : {}),
      ...(review.stage ? { stage: review.stage } : {}),
      schemeId: review.scheme.schemeId,
      schemeVersion: review.scheme.version,
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
