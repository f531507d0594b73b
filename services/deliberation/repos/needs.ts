import { type Condition, type OnConflict, type Table, type UnitOfWork, pageOf, readRecord, readVersioned } from '@cocreate/kernel';
import type { Need } from '../domain/needs.ts';
import { keys } from './keys.ts';

const needItem = (need: Need) => ({
  ...keys.need(need.needId),
  gsi1pk: keys.villageNeeds(need.village),
  gsi1sk: `${need.createdAt}#${need.needId}`,
  ...need,
});

/** Condition of an optimistic write: the stored version is the one read (items written before versions count as 0). */
function versionCondition(expected: number): Condition {
  return expected === 0
    ? { expression: 'attribute_exists(pk) AND attribute_not_exists(#v)', names: { '#v': 'version' } }
    : { expression: '#v = :v', names: { '#v': 'version' }, values: { ':v': expected } };
}

export const needs = {
  get: (table: Table, needId: string) => readRecord<Need>(table, keys.need(needId)),

  getVersioned: (table: Table, needId: string) => readVersioned<Need>(table, keys.need(needId)),

  create(tx: UnitOfWork, need: Need): void {
    tx.put({ ...needItem(need), version: 1 });
  },

  /** Writes a changed need if nobody changed it since it was read. */
  save(tx: UnitOfWork, need: Need, expectedVersion: number, onConflict: OnConflict = 'retry'): void {
    tx.put({ ...needItem(need), version: expectedVersion + 1 }, { condition: versionCondition(expectedVersion), onConflict });
  },

  listByVillage: (table: Table, village: string, opts: { limit: number; cursor?: string | undefined }) =>
    pageOf<Need>(table, {
      index: 'gsi1',
      pk: keys.villageNeeds(village),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),

  async supporters(table: Table, needId: string): Promise<string[]> {
    const items = await table.queryAll({ pk: keys.need(needId).pk, sk: { beginsWith: 'SUPPORTER#' } });
    return items.map((i) => i.person as string);
  },

  /** A supporter record; its existence makes seconding once per person (`duplicate` when it exists). */
  addSupporter(tx: UnitOfWork, needId: string, person: string, at: string, via: string | undefined, duplicate: OnConflict): void {
    tx.create({ ...keys.needSupporter(needId, person), person, at, ...(via ? { via } : {}) }, duplicate);
  },
};
