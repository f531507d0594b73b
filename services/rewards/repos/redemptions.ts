import { type Item, type Table, type UnitOfWork, type Versioned, pageOf, readVersioned } from '@cocreate/kernel';
import type { Redemption } from '../domain/supermarket.ts';
import { keys, shardOf } from './keys.ts';

type PageOpts = { limit: number; cursor?: string | undefined };

/** Supermarket orders: versioned, indexed by person, by shop and (while reserved) by expiry. */
export const redemptions = {
  get: (table: Table, id: string): Promise<Versioned<Redemption> | undefined> => readVersioned(table, keys.redemption(id)),

  /** Writes a redemption in its new state; reserved ones are indexed for the expiry job. */
  write(tx: UnitOfWork, r: Redemption, expectedVersion: number | undefined): void {
    const item: Item = {
      ...keys.redemption(r.redemptionId),
      gsi1pk: `ORDERS#${r.person}`,
      gsi1sk: `${r.reservedAt}#${r.redemptionId}`,
      gsi3pk: `SHOP#${r.place}`,
      gsi3sk: `${r.reservedAt}#${r.redemptionId}`,
      ...r,
    };
    if (r.status === 'reserved') {
      item.gsi2pk = `HOLDS#${shardOf(r.redemptionId)}`;
      item.gsi2sk = `${r.expiresAt}#${r.redemptionId}`;
    }
    tx.putVersioned(item, expectedVersion, 'retry');
  },

  ofPerson: (table: Table, person: string, opts: PageOpts) =>
    pageOf<Redemption>(table, {
      index: 'gsi1',
      pk: `ORDERS#${person}`,
      forward: false,
      limit: opts.limit,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),

  ofShop: (table: Table, place: string, opts: PageOpts) =>
    pageOf<Redemption>(table, {
      index: 'gsi3',
      pk: `SHOP#${place}`,
      forward: false,
      limit: opts.limit,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),

  async dueForExpiry(table: Table, shard: number, now: string): Promise<string[]> {
    const list = await table.queryAll({ index: 'gsi2', pk: `HOLDS#${shard}`, sk: { lt: `${now}$` } });
    return list.map((i) => i.redemptionId as string);
  },
};
