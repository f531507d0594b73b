import { type Item, type OnConflict, type Table, type UnitOfWork, pageOf, recordOf } from '@cocreate/kernel';
import type { ConsentElectorate, ConsentPoll, ConsentResponse } from '../domain/consent.ts';
import { dueShardOf, keys } from './keys.ts';
import { shards } from './shards.ts';

/** The eligible owners (person → area in dm²) fixed on the poll item when it opens; a poll's views leave them out. */
type OwnerAreas = ConsentElectorate['ownerAreas'];

function pollItem(p: ConsentPoll, ownerAreas: OwnerAreas): Item {
  return {
    ...keys.poll(p.pollId),
    gsi1pk: keys.villagePolls(p.village),
    gsi1sk: `${p.openedAt}#${p.pollId}`,
    ...(p.status === 'open' && p.closesAt ? { gsi2pk: keys.duePolls(dueShardOf(p.pollId)), gsi2sk: `${p.closesAt}#${p.pollId}` } : {}),
    ...p,
    ownerAreas,
  };
}

const withoutOwners = { drop: ['ownerAreas'] } as const;
const pollOf = (item: Item): ConsentPoll => recordOf<ConsentPoll>(item, withoutOwners);

export const polls = {
  async getVersioned(table: Table, id: string): Promise<{ value: ConsentPoll; version: number; ownerAreas: OwnerAreas } | undefined> {
    const item = await table.get(keys.poll(id));
    if (!item) return undefined;
    return { value: pollOf(item), version: item.version as number, ownerAreas: item.ownerAreas as OwnerAreas };
  },

  save(
    tx: UnitOfWork,
    p: ConsentPoll,
    ownerAreas: OwnerAreas,
    expectedVersion: number | undefined,
    onConflict: OnConflict = 'retry',
  ): void {
    tx.putVersioned(pollItem(p, ownerAreas), expectedVersion, onConflict);
  },

  open(tx: UnitOfWork, p: ConsentPoll, ownerAreas: OwnerAreas): void {
    polls.save(tx, p, ownerAreas, undefined);
    shards.open(tx, keys.pollTally(p.pollId), {
      agreeOwners: 0,
      agreeArea: 0,
      disagreeOwners: 0,
      disagreeArea: 0,
      abstainOwners: 0,
      abstainArea: 0,
    });
  },

  /** The running counts' shards (sum them with the domain's `sumConsentCounts`). */
  tally: (table: Table, pollId: string) => shards.read(table, keys.pollTally(pollId)),

  /** Freezes the counts on exactly what was read (see `shards.freeze`). */
  freezeTally: (tx: UnitOfWork, read: readonly Item[], at: string) => shards.freeze(tx, read, at),

  async response(table: Table, id: string, person: string): Promise<ConsentResponse | undefined> {
    const item = await table.get(keys.pollResponse(id, person));
    return item ? recordOf<ConsentResponse>(item) : undefined;
  },

  /** The owner's response, created only if they have none (`duplicate`), and the running counts (`closed` once frozen). */
  respond(
    tx: UnitOfWork,
    pollId: string,
    r: ConsentResponse,
    deltas: Record<string, number>,
    duplicate: OnConflict,
    closed: OnConflict,
  ): void {
    tx.create({ ...keys.pollResponse(pollId, r.owner), ...r }, duplicate);
    shards.add(tx, keys.pollTally(pollId), deltas, closed);
  },

  listByVillage: (table: Table, village: string, opts: { limit: number; cursor?: string | undefined }) =>
    pageOf<ConsentPoll>(
      table,
      { index: 'gsi1', pk: keys.villagePolls(village), limit: opts.limit, forward: false, ...(opts.cursor ? { cursor: opts.cursor } : {}) },
      withoutOwners,
    ),

  /** Open polls of one shard whose closing time passed by `now` (earliest first), a page at a time. */
  async due(table: Table, shard: number, now: string, limit: number, cursor?: string): Promise<{ ids: string[]; cursor?: string }> {
    const res = await table.query({
      index: 'gsi2',
      pk: keys.duePolls(shard),
      sk: { lte: `${now}~` },
      limit,
      ...(cursor ? { cursor } : {}),
    });
    return { ids: res.items.map((i) => i.pollId as string), ...(res.cursor ? { cursor: res.cursor } : {}) };
  },
};
