import { describe, expect, it } from 'vitest';
import { budget, everyShard, forEachLimit, shardOf, sweepDue } from '../src/sweeps.ts';

describe('sweeps', () => {
  it('shard keys stably and evenly', () => {
    expect(shardOf('proposal-1', 8)).toBe(shardOf('proposal-1', 8));
    const counts = new Array<number>(8).fill(0);
    for (let i = 0; i < 8000; i++) counts[shardOf(`id-${i}`, 8)]!++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
    expect(everyShard(3)).toEqual([0, 1, 2]);
  });

  it('keep at most `limit` items in flight and start none once told to stop', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    const started = await forEachLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      done.push(n);
      inFlight--;
    });
    expect([started, most, done.sort()]).toEqual([7, 3, [1, 2, 3, 4, 5, 6, 7]]);
    // A failure stops new starts, lets the items in flight finish, then is thrown.
    const finished: number[] = [];
    const failing = forEachLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      await new Promise((r) => setTimeout(r, n === 1 ? 1 : 10));
      if (n === 1) throw new Error('one failed');
      finished.push(n);
    });
    await expect(failing).rejects.toThrow('one failed');
    expect(finished).toEqual([2]);
    let allowed = 2;
    expect(
      await forEachLimit(
        [1, 2, 3, 4],
        1,
        async () => void allowed--,
        () => allowed > 0,
      ),
    ).toBe(2);
  });

  it('stop within the run’s budget and before the function’s timeout', () => {
    let remaining = 60_000;
    const go = budget({ budgetMs: 50_000, marginMs: 12_000, remainingMs: () => remaining });
    expect(go()).toBe(true);
    remaining = 11_999;
    expect(go()).toBe(false);
    expect(budget({ budgetMs: 0, marginMs: 0, remainingMs: () => 1e9 })()).toBe(false);
  });

  it('sweep every shard page by page until nothing new is due, trying each item once per run', async () => {
    // Shard 0 holds 'w1'…'w3', which stay due (waiting), ahead of 'a' on a later page; shard 1 holds 'c'.
    const due = new Map([
      [0, ['w1', 'w2', 'w3', 'a', 'b']],
      [1, ['c']],
    ]);
    const tried: string[] = [];
    const page = async (shard: number, cursor?: string) => {
      const all = due.get(shard) ?? [];
      const from = Number(cursor ?? 0);
      return { items: all.slice(from, from + 2), ...(from + 2 < all.length ? { cursor: String(from + 2) } : {}) };
    };
    const out = await sweepDue({
      shards: 2,
      due: page,
      key: (x) => x,
      each: async (x) => {
        tried.push(x);
        // 'b' keeps failing and stays due; the waiting ones stay due; the rest leave the index.
        if (x === 'b') throw new Error('b failed');
        if (x.startsWith('w')) return;
        for (const [shard, items] of due)
          due.set(
            shard,
            items.filter((y) => y !== x),
          );
      },
      concurrency: 2,
      go: () => true,
    }).catch((e: Error) => e);
    expect(out).toBeInstanceOf(Error);
    const safe = await sweepDue({
      shards: 2,
      due: page,
      key: (x) => x,
      each: async (x) => {
        tried.push(x);
        if (!x.startsWith('w') && x !== 'b')
          for (const [shard, items] of due)
            due.set(
              shard,
              items.filter((y) => y !== x),
            );
      },
      concurrency: 2,
      go: () => true,
    });
    expect(safe.exhausted).toBe(true);
    expect(due.get(0)).toEqual(['w1', 'w2', 'w3', 'b']);
    expect(due.get(1)).toEqual([]);
    expect(
      (
        await sweepDue({
          shards: 2,
          due: async () => ({ items: ['x'] }),
          key: (x) => x,
          each: async () => {},
          concurrency: 1,
          go: () => false,
        })
      ).exhausted,
    ).toBe(false);
  });
});
