import { type Item, type OnConflict, type Table, type UnitOfWork, pageOf, readVersioned } from '@cocreate/kernel';
import type { Candidate } from '../domain/lists.ts';
import { keys } from './keys.ts';
import { shards } from './shards.ts';

/**
 * A candidate item's supports are a sharded counter, like a need's supporters: on a popular item many residents
 * support at once, and one counter item would serialise them. CANDIDATE_SHARDS items, created by their first
 * increment; the item's own `supports` is what it held before supports were sharded (0 for every item since), and
 * the total is that plus the shards. Planning the item freezes the counter, so no support counts after it.
 */
export const CANDIDATE_SHARDS = 8;
const counter = { count: CANDIDATE_SHARDS, lazy: true } as const;

/** A candidate read with its shards: the running total and when the last support was counted. */
const withShards = (c: Candidate, read: readonly Item[]): Candidate => {
  const last = shards.latest(read, 'lastSupportedAt') ?? c.lastSupportedAt;
  return { ...c, supports: c.supports + shards.sum(read, 'supports'), ...(last ? { lastSupportedAt: last } : {}) };
};

export const candidates = {
  /** The item as stored (its `supports` without the shards): what `save` writes back. */
  getVersioned: (table: Table, id: string) => readVersioned<Candidate>(table, keys.candidate(id)),

  /** Saves an item read with `getVersioned` (never one whose `supports` includes the shards). */
  save(tx: UnitOfWork, c: Candidate, expectedVersion: number | undefined, onConflict: OnConflict): void {
    tx.putVersioned(
      { ...keys.candidate(c.candidateId), gsi1pk: keys.villageCandidates(c.village), gsi1sk: `${c.createdAt}#${c.candidateId}`, ...c },
      expectedVersion,
      onConflict,
    );
  },

  /** The supports' shards as stored now (total them with `supportsOf`; freeze them with `freezeSupports`). */
  supportShards: (table: Table, id: string) => shards.read(table, keys.candidateSupports(id), CANDIDATE_SHARDS),

  /** The item with its supports' total, from the item as stored and its shards. */
  supportsOf: withShards,

  /** One more support on one shard; `closed` once the count was frozen (the item went to planning). */
  countSupport(tx: UnitOfWork, candidateId: string, at: string, closed: OnConflict): void {
    shards.add(tx, keys.candidateSupports(candidateId), { supports: 1 }, closed, counter, { lastSupportedAt: at });
  },

  /** Closes the count on exactly the shards read: a support committed since makes the unit recompute. */
  freezeSupports(tx: UnitOfWork, candidateId: string, read: readonly Item[], at: string): void {
    shards.freeze(tx, read, at, { base: keys.candidateSupports(candidateId), count: CANDIDATE_SHARDS });
  },

  /** Items as read, each with its supports' total (one parallel BatchGet of every item's shards). */
  async withSupports(table: Table, list: readonly Candidate[]): Promise<Candidate[]> {
    if (list.length === 0) return [];
    const read = await shards.readMany(
      table,
      list.map((c) => keys.candidateSupports(c.candidateId)),
      CANDIDATE_SHARDS,
    );
    return list.map((c) => withShards(c, read.get(keys.candidateSupports(c.candidateId)) ?? []));
  },

  /** A resident's support record; its existence makes supporting once per person (`duplicate` when it exists). */
  addSupport(tx: UnitOfWork, candidateId: string, person: string, household: string | undefined, at: string, duplicate: OnConflict): void {
    tx.create({ ...keys.candidateSupport(candidateId, person), person, ...(household ? { household } : {}), at }, duplicate);
  },

  async hasSupport(table: Table, candidateId: string, person: string): Promise<boolean> {
    return (await table.get(keys.candidateSupport(candidateId, person))) !== undefined;
  },

  /** A page of the village's items as stored (add their totals with `withSupports`). */
  listByVillage: (table: Table, village: string, opts: { limit: number; cursor?: string | undefined }) =>
    pageOf<Candidate>(table, {
      index: 'gsi1',
      pk: keys.villageCandidates(village),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),
};
