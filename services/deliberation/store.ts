import type { Table, UnitOfWork } from '@cocreate/kernel';
import type { Need } from './domain/needs.ts';

/**
 * The deliberation table's layout. Keys are built here and nowhere else.
 *   NEED#<id> / NEED                           a need; gsi1: VILLAGE#<village>#NEEDS / <createdAt>#<id>
 */
export const keys = {
  need: (needId: string) => ({ pk: `NEED#${needId}`, sk: 'NEED' }),
  villageNeeds: (village: string) => `VILLAGE#${village}#NEEDS`,
};

export const needs = {
  async get(table: Table, needId: string): Promise<Need | undefined> {
    const item = await table.get(keys.need(needId));
    return item ? strip<Need>(item) : undefined;
  },

  create(tx: UnitOfWork, need: Need): void {
    tx.put({
      ...keys.need(need.needId),
      gsi1pk: keys.villageNeeds(need.village),
      gsi1sk: `${need.createdAt}#${need.needId}`,
      ...need,
    });
  },

  async listByVillage(table: Table, village: string, opts: { limit: number; cursor?: string }) {
    const page = await table.query({
      index: 'gsi1',
      pk: keys.villageNeeds(village),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { items: page.items.map((i) => strip<Need>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
};

/** Drops the storage keys so records leave the store as domain objects. */
function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, version: _v, ...rest } = item;
  return rest as T;
}
