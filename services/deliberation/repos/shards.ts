import type { Condition, Item, Key, OnConflict, Table, UnitOfWork } from '@cocreate/kernel';

/**
 * A running counter is `count` items (SHARDS unless said), each in its own partition. An increment adds to one
 * shard chosen at random, so concurrent increments rarely touch the same item (DynamoDB serialises or cancels
 * transactions on a shared item); reading a counter is one BatchGet of its shards, whatever the number of
 * increments. Each shard counts its increments in `n`; closing a counter freezes every shard on the `n` it read, so an
 * increment that slips in between makes the close recompute rather than miss it, and one after the close is refused.
 *
 * A vote's tally and a poll's counts are opened with their vote (zeroed shards, and an increment before the opening
 * is refused). A need's supporters and a candidate item's supports are counted lazily: a shard is created by its first increment, and a freeze
 * creates the shards nobody has touched yet already closed — so a need or an item costs no writes until someone backs it.
 */
export const SHARDS = 16;

export interface CounterShape {
  /** How many shards (SHARDS by default). */
  count?: number;
  /** Shards are created by their first increment rather than opened beforehand. */
  lazy?: boolean;
}

export const shards = {
  keys: (base: string, count = SHARDS): Key[] =>
    Array.from({ length: count }, (_, k) => ({ pk: `${base}#${String(k).padStart(2, '0')}`, sk: 'TALLY' })),

  /** Creates the shards of a new counter (all zero). */
  open(tx: UnitOfWork, base: string, zero: Record<string, number>, count = SHARDS): void {
    for (const key of shards.keys(base, count))
      tx.put({ ...key, ...zero, n: 0 }, { condition: { expression: 'attribute_not_exists(pk)' }, onConflict: 'retry' });
  },

  /**
   * Adds deltas to one random shard; refused with `closed` once the counter is frozen (or, unless lazy, never opened).
   * `set` writes fields on that shard alongside (e.g. when it was last counted: read back with `latest`).
   */
  add(
    tx: UnitOfWork,
    base: string,
    deltas: Record<string, number>,
    closed: OnConflict,
    shape: CounterShape = {},
    set?: Record<string, string>,
  ): void {
    const all = shards.keys(base, shape.count);
    const key = all[Math.floor(Math.random() * all.length)]!;
    tx.update(
      key,
      { add: { ...deltas, n: 1 }, ...(set ? { set } : {}) },
      {
        condition: {
          expression: shape.lazy ? 'attribute_not_exists(#closed)' : 'attribute_exists(pk) AND attribute_not_exists(#closed)',
          names: { '#closed': 'closedAt' },
        },
        onConflict: closed,
      },
    );
  },

  async read(table: Table, base: string, count = SHARDS): Promise<Item[]> {
    return table.getMany(shards.keys(base, count));
  },

  /**
   * The shards of many counters at once, by base: `getMany` sends them as BatchGets of at most 100 keys, in
   * parallel, so a page of records costs the same few round trips at 10 or 10,000 records.
   */
  async readMany(table: Table, bases: readonly string[], count = SHARDS): Promise<Map<string, Item[]>> {
    const items = await table.getMany(bases.flatMap((b) => shards.keys(b, count)));
    const out = new Map<string, Item[]>(bases.map((b) => [b, []]));
    for (const item of items) out.get((item.pk as string).replace(/#\d+$/, ''))?.push(item);
    return out;
  },

  /** The greatest value of a string field `set` on the shards (ISO times compare as strings), if any shard has one. */
  latest(read: readonly Item[], field: string): string | undefined {
    return read.reduce<string | undefined>(
      (m, i) => (typeof i[field] === 'string' && (!m || i[field] > m) ? (i[field] as string) : m),
      undefined,
    );
  },

  /** The sum of one field over a counter's shards. */
  sum(read: readonly Item[], field: string): number {
    return read.reduce((s, i) => s + (typeof i[field] === 'number' ? (i[field] as number) : 0), 0);
  },

  /**
   * Freezes the counter on exactly what was read: each shard must still hold the `n` read (else the whole unit is
   * recomputed), and no shard takes another increment afterwards. For a lazy counter, `base` names it: the shards
   * not read (never incremented) are created closed, and one created meanwhile makes the unit recompute.
   */
  freeze(tx: UnitOfWork, read: readonly Item[], at: string, lazy?: { base: string; count?: number }): void {
    for (const item of read) {
      const n = (item.n as number | undefined) ?? 0;
      const condition: Condition = {
        expression: '#n = :n AND attribute_not_exists(#closed)',
        names: { '#n': 'n', '#closed': 'closedAt' },
        values: { ':n': n },
      };
      tx.update({ pk: item.pk, sk: item.sk }, { set: { closedAt: at } }, { condition, onConflict: 'retry' });
    }
    if (!lazy) return;
    const seen = new Set(read.map((i) => i.pk as string));
    for (const key of shards.keys(lazy.base, lazy.count)) {
      if (!seen.has(key.pk))
        tx.put({ ...key, n: 0, closedAt: at }, { condition: { expression: 'attribute_not_exists(pk)' }, onConflict: 'retry' });
    }
  },
};
