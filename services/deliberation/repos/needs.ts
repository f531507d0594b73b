import {
  type Condition,
  type Item,
  type OnConflict,
  type Table,
  type UnitOfWork,
  pageOf,
  readRecord,
  readVersioned,
} from '@cocreate/kernel';
import type { Need } from '../domain/needs.ts';
import { keys } from './keys.ts';
import { shards } from './shards.ts';

/**
 * A need's supporters are a sharded counter (many residents second a popular need at once; one counter item would
 * serialise them): NEED_SHARDS items, created by their first increment. The need item's own `supporters` is the
 * count it was stored with (zero for a need raised since; needs seconded before the counter kept their count there),
 * and the total is that plus the shards.
 */
export const NEED_SHARDS = 8;
const counter = { count: NEED_SHARDS, lazy: true } as const;

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

  /** Creates a need; its supporters are counted on the shards (the item keeps 0). */
  create(tx: UnitOfWork, need: Need): void {
    tx.put({ ...needItem({ ...need, supporters: 0 }), version: 1 });
  },

  /**
   * Writes a changed need if nobody changed it since it was read. `storedSupporters` is the count the item was read
   * with: the shards hold the rest, and the item never takes the shards' total.
   */
  save(tx: UnitOfWork, need: Need, expectedVersion: number, storedSupporters: number, onConflict: OnConflict = 'retry'): void {
    tx.put(
      { ...needItem({ ...need, supporters: storedSupporters }), version: expectedVersion + 1 },
      { condition: versionCondition(expectedVersion), onConflict },
    );
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

  /** Adds to the supporters' count on one shard; `closed` once the count was frozen (the need was merged or rejected). */
  countSupporters(tx: UnitOfWork, needId: string, n: number, closed: OnConflict): void {
    shards.add(tx, keys.needSupporters(needId), { supporters: n }, closed, counter);
  },

  /** The supporters' shards as stored now (sum them with `supportersOf`; freeze them with `freezeSupporters`). */
  supporterShards: (table: Table, needId: string) => shards.read(table, keys.needSupporters(needId), NEED_SHARDS),

  /** The total of a need read with its shards. */
  supportersOf: (need: Pick<Need, 'supporters'>, read: readonly Item[]) => need.supporters + shards.sum(read, 'supporters'),

  /** Closes the count on what was read: a second arriving meanwhile makes the unit recompute, one after is refused. */
  freezeSupporters(tx: UnitOfWork, needId: string, read: readonly Item[], at: string): void {
    shards.freeze(tx, read, at, { base: keys.needSupporters(needId), count: NEED_SHARDS });
  },

  /** Needs as read, each with its supporters' total (one parallel BatchGet of every need's shards). */
  async withSupporters<T extends Need>(table: Table, list: readonly T[]): Promise<T[]> {
    if (!list.length) return [];
    const read = await shards.readMany(
      table,
      list.map((n) => keys.needSupporters(n.needId)),
      NEED_SHARDS,
    );
    return list.map((n) => ({ ...n, supporters: needs.supportersOf(n, read.get(keys.needSupporters(n.needId)) ?? []) }));
  },
};
