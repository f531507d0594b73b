import { type OnConflict, type Page, type Table, type UnitOfWork, cond, pageOf, readRecord, recordOf } from '@cocreate/kernel';
import type { Delivery } from '../domain/deliveries.ts';
import { DUE_SHARDS, KEEP_VERSION, dueShardOf, keys, ttlAfterDays } from './keys.ts';

export { DUE_SHARDS } from './keys.ts';

/** How long finished deliveries stay listed: delivered ones a week, dead letters two weeks. */
const DELIVERED_TTL_DAYS = 7;
const DEAD_TTL_DAYS = 14;

export const deliveries = {
  async get(table: Table, subscriptionId: string, deliveryId: string): Promise<Delivery | undefined> {
    return readRecord<Delivery>(table, keys.delivery(subscriptionId, deliveryId), KEEP_VERSION);
  },

  async getMany(table: Table, subscriptionId: string, deliveryIds: readonly string[]): Promise<Delivery[]> {
    const items = await table.getMany([...new Set(deliveryIds)].map((id) => keys.delivery(subscriptionId, id)));
    return items.map((i) => recordOf<Delivery>(i, KEEP_VERSION));
  },

  /**
   * Writes a delivery in its current state, with the index entries that state needs: pending ones are in the due
   * index, dead ones in the subscription's dead-letter index, delivered ones in neither (and expire). Optimistic on
   * `expectedVersion` (undefined: it must not exist yet).
   */
  save(tx: UnitOfWork, d: Delivery, expectedVersion: number | undefined, now: Date, onConflict: OnConflict): Delivery {
    const saved: Delivery = { ...d, version: (expectedVersion ?? 0) + 1 };
    const index =
      saved.status === 'pending'
        ? {
            gsi1pk: keys.due(dueShardOf(saved.deliveryId)),
            gsi1sk: `${saved.nextAttemptAt ?? now.toISOString()}#${saved.subscriptionId}#${saved.deliveryId}`,
          }
        : saved.status === 'dead'
          ? {
              gsi2pk: keys.dead(saved.subscriptionId),
              gsi2sk: `${saved.deadAt}#${saved.deliveryId}`,
              ttl: ttlAfterDays(now, DEAD_TTL_DAYS),
            }
          : { ttl: ttlAfterDays(now, DELIVERED_TTL_DAYS) };
    tx.put(
      { ...keys.delivery(saved.subscriptionId, saved.deliveryId), ...index, ...saved },
      { condition: expectedVersion === undefined ? cond.notExists() : cond.versionIs(expectedVersion), onConflict },
    );
    return saved;
  },

  /** Drops a delivery (its subscription is gone), if it is still the version read. */
  remove(tx: UnitOfWork, d: Delivery, onConflict: OnConflict): void {
    tx.delete(keys.delivery(d.subscriptionId, d.deliveryId), { condition: cond.versionIs(d.version), onConflict });
  },

  /**
   * Pending deliveries due at `now`, earliest first across every shard, at most `limit` (the index may lag: callers
   * re-read each one). Each shard is read up to `limit`, so the merged first `limit` are the earliest of them all.
   */
  async due(table: Table, now: Date, limit: number): Promise<{ subscriptionId: string; deliveryId: string }[]> {
    const sk = { lte: `${now.toISOString()}#\uffff` };
    const pages = await Promise.all(
      Array.from({ length: DUE_SHARDS }, (_, shard) => table.query({ index: 'gsi1', pk: keys.due(shard), sk, limit })),
    );
    return pages
      .flatMap((p) => p.items)
      .sort((a, b) => String(a.gsi1sk).localeCompare(String(b.gsi1sk)))
      .slice(0, limit)
      .map((i) => ({ subscriptionId: i.subscriptionId as string, deliveryId: i.deliveryId as string }));
  },

  /** A subscription's deliveries, newest first. */
  async list(table: Table, subscriptionId: string, opts: { limit: number; cursor?: string | undefined }): Promise<Page<Delivery>> {
    return pageOf<Delivery>(
      table,
      { pk: `DLV#${subscriptionId}`, limit: opts.limit, forward: false, ...(opts.cursor ? { cursor: opts.cursor } : {}) },
      KEEP_VERSION,
    );
  },

  /** A subscription's dead letters, oldest first. */
  async dead(table: Table, subscriptionId: string, opts: { limit: number; cursor?: string | undefined }): Promise<Page<Delivery>> {
    return pageOf<Delivery>(
      table,
      { index: 'gsi2', pk: keys.dead(subscriptionId), limit: opts.limit, ...(opts.cursor ? { cursor: opts.cursor } : {}) },
      KEEP_VERSION,
    );
  },
};
