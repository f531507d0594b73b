import { type Table, type UnitOfWork, type Versioned, readVersioned, recordOf } from '@cocreate/kernel';
import type { Pairs, VillageReview } from '../domain/village-review.ts';
import { keys } from './keys.ts';

export const villageReviews = {
  get: (table: Table, village: string, y: number): Promise<Versioned<VillageReview> | undefined> =>
    readVersioned<VillageReview>(table, keys.villageReview(village, y)),
  put(tx: UnitOfWork, r: VillageReview, expectedVersion: number | undefined): void {
    tx.putVersioned(
      { ...keys.villageReview(r.village, r.year), gsi1pk: keys.villageReviewsOf(r.county, r.year), gsi1sk: r.village, ...r },
      expectedVersion,
      'retry',
    );
  },
  async listByCounty(table: Table, county: string, y: number): Promise<VillageReview[]> {
    return (await table.queryAll({ index: 'gsi1', pk: keys.villageReviewsOf(county, y) })).map((i) => recordOf<VillageReview>(i));
  },
  pairs: (table: Table, township: string, y: number): Promise<Versioned<Pairs> | undefined> =>
    readVersioned<Pairs>(table, keys.pairs(township, y)),
  putPairs(tx: UnitOfWork, p: Pairs, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.pairs(p.township, p.year), ...p }, expectedVersion, 'retry');
  },
};
