import { type OnConflict, type Table, type UnitOfWork, cond, pageOf, readRecord, recordOf } from '@cocreate/kernel';
import type { ResponseRecord, Review, ReviewResults } from '../domain/review.ts';
import { keys } from './keys.ts';

/** Who may answer a review: households (compacted) for satisfaction, member ids for quality. */
export interface Eligible {
  households: string[];
  members: string[];
}

/** A review as stored: once published, with its results. */
export type StoredReview = Review & { results?: ReviewResults };

export const reviews = {
  get: (table: Table, rid: string) => readRecord<StoredReview>(table, keys.review(rid)),
  async eligible(table: Table, rid: string): Promise<Eligible> {
    const item = await table.get(keys.reviewEligible(rid));
    return { households: (item?.households as string[]) ?? [], members: (item?.members as string[]) ?? [] };
  },
  create(tx: UnitOfWork, r: Review, eligible: Eligible): void {
    tx.create(
      {
        ...keys.review(r.reviewId),
        gsi1pk: keys.reviewsOf(r.village),
        gsi1sk: `${r.openedAt}#${r.reviewId}`,
        gsi2pk: keys.openReviews,
        gsi2sk: `${r.closesAt}#${r.reviewId}`,
        ...r,
      },
      'retry',
    );
    tx.create({ ...keys.reviewEligible(r.reviewId), ...eligible }, 'retry');
  },
  /** A response, its one-per-household/person guard, and the review's counter (only while the review is open). */
  respond(tx: UnitOfWork, r: ResponseRecord, guard: string, onDuplicate: OnConflict, onClosed: OnConflict): void {
    tx.create({ ...keys.responder(r.reviewId, guard), responseId: r.responseId }, onDuplicate);
    tx.create({ ...keys.response(r.reviewId, r.responseId), ...r }, 'retry');
    tx.update(keys.review(r.reviewId), { add: { responses: 1 } }, { condition: cond.equals('status', 'open'), onConflict: onClosed });
  },
  async responses(table: Table, rid: string): Promise<ResponseRecord[]> {
    const items = await table.queryAll({ pk: keys.review(rid).pk, sk: { beginsWith: 'RESP#' } });
    return items.map((i) => recordOf<ResponseRecord>(i));
  },
  /** Publishes: only from open, and only if no response slipped in since they were read. */
  publish(tx: UnitOfWork, rid: string, results: ReviewResults, publishedAt: string, responsesRead: number): void {
    tx.update(
      keys.review(rid),
      { set: { status: 'published', results, publishedAt }, remove: ['gsi2pk', 'gsi2sk'] },
      { condition: cond.and(cond.equals('status', 'open'), cond.equals('responses', responsesRead)), onConflict: 'retry' },
    );
  },
  listByVillage: (table: Table, village: string, opts: { limit: number; cursor?: string | undefined }) =>
    pageOf<StoredReview>(table, {
      index: 'gsi1',
      pk: keys.reviewsOf(village),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),
  async dueBy(table: Table, nowIso: string, limit: number): Promise<string[]> {
    const page = await table.query({ index: 'gsi2', pk: keys.openReviews, sk: { lte: `${nowIso}#~` }, limit });
    return page.items.map((i) => i.reviewId as string);
  },
};
