import { type Table, type UnitOfWork, type Versioned, cond, pageOf, readRecord, readVersioned, recordOf } from '@cocreate/kernel';
import type { Batch, Membership, VillageState } from '../domain/coverage.ts';
import { keys } from './keys.ts';

export const batches = {
  get: (table: Table, id: string) => readRecord<Batch>(table, keys.batch(id)),

  /** The batches a level declared, by year then id. */
  of: (table: Table, place: string, limit: number, cursor?: string, year?: number) =>
    pageOf<Batch>(table, {
      index: 'gsi1',
      pk: keys.batches(place),
      ...(year !== undefined ? { sk: { beginsWith: `${year}#` } } : {}),
      limit,
      ...(cursor ? { cursor } : {}),
    }),

  /** A new batch with each village's membership, in one transaction (a batch names at most MAX_BATCH_VILLAGES). */
  create(tx: UnitOfWork, batch: Batch, memberships: readonly Membership[]): void {
    tx.create(
      { ...keys.batch(batch.batchId), gsi1pk: keys.batches(batch.place), gsi1sk: `${batch.year}#${batch.batchId}`, ...batch },
      'retry',
    );
    for (const m of memberships) tx.create({ ...keys.membership(m.village, m.batchId), ...m }, 'retry');
  },

  /**
   * A membership counted: once (its condition), with the batch's running count moved from the count read — a village
   * of the same batch counted at the same moment makes one of the two recompute.
   */
  cover(tx: UnitOfWork, m: Membership, coveredWas: number): void {
    tx.update(
      keys.membership(m.village, m.batchId),
      { set: { covered: true } },
      { condition: cond.equals('covered', false), onConflict: 'retry' },
    );
    tx.update(
      keys.batch(m.batchId),
      { set: { covered: coveredWas + 1 } },
      { condition: cond.equals('covered', coveredWas), onConflict: 'retry' },
    );
  },
};

export const villages = {
  get: (table: Table, path: string): Promise<Versioned<VillageState> | undefined> => readVersioned<VillageState>(table, keys.village(path)),

  async many(table: Table, paths: readonly string[]): Promise<Map<string, VillageState>> {
    const items = await table.getMany(paths.map(keys.village));
    return new Map(items.map((i) => [i.village as string, recordOf<VillageState>(i)]));
  },

  /** The batches a village is in (a handful: one per level and year at most, as batches are declared). */
  async memberships(table: Table, path: string): Promise<Membership[]> {
    const items = await table.queryAll({ pk: keys.village(path).pk, sk: { beginsWith: 'BATCH#' } }, 500);
    return items.map((i) => recordOf<Membership>(i));
  },

  /** The village's state at the version read: a concurrent event for the same village makes this one recompute. */
  write(tx: UnitOfWork, state: VillageState, version: number | undefined): void {
    tx.putVersioned({ ...keys.village(state.village), ...state }, version, 'retry');
  },
};
