import type { Condition, Item, Key, OnConflict, Table, UnitOfWork } from '@cocreate/kernel';

/**
 * A running tally is SHARDS items, each in its own partition. A ballot adds to one shard chosen at random, so
 * concurrent ballots rarely touch the same item (DynamoDB serialises or cancels transactions on a shared item);
 * reading a tally is one BatchGet of SHARDS items, whatever the number of ballots. Each shard counts its
 * increments in `n`; closing a vote freezes every shard on the `n` it read, so a ballot that slips in between makes
 * the close recompute rather than miss it, and a ballot after the close is refused.
 */
export const SHARDS = 16;

export const shards = {
  keys: (base: string): Key[] => Array.from({ length: SHARDS }, (_, k) => ({ pk: `${base}#${String(k).padStart(2, '0')}`, sk: 'TALLY' })),

  /** Creates the shards of a new counter (all zero). */
  open(tx: UnitOfWork, base: string, zero: Record<string, number>): void {
    for (const key of shards.keys(base))
      tx.put({ ...key, ...zero, n: 0 }, { condition: { expression: 'attribute_not_exists(pk)' }, onConflict: 'retry' });
  },

  /** Adds deltas to one random shard; refused with `closed` once the counter is frozen (or never opened). */
  add(tx: UnitOfWork, base: string, deltas: Record<string, number>, closed: OnConflict): void {
    const all = shards.keys(base);
    const key = all[Math.floor(Math.random() * all.length)]!;
    tx.update(
      key,
      { add: { ...deltas, n: 1 } },
      {
        condition: { expression: 'attribute_exists(pk) AND attribute_not_exists(#closed)', names: { '#closed': 'closedAt' } },
        onConflict: closed,
      },
    );
  },

  async read(table: Table, base: string): Promise<Item[]> {
    return table.getMany(shards.keys(base));
  },

  /**
   * Freezes the counter on exactly what was read: each shard must still hold the `n` read (else the whole unit is
   * recomputed), and no shard takes another increment afterwards.
   */
  freeze(tx: UnitOfWork, read: readonly Item[], at: string): void {
    for (const item of read) {
      const n = (item.n as number | undefined) ?? 0;
      const condition: Condition = {
        expression: '#n = :n AND attribute_not_exists(#closed)',
        names: { '#n': 'n', '#closed': 'closedAt' },
        values: { ':n': n },
      };
      tx.update({ pk: item.pk, sk: item.sk }, { set: { closedAt: at } }, { condition, onConflict: 'retry' });
    }
  },
};
