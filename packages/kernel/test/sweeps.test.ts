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

  it('sweep every shard until nothing new is due, trying each item once per run', async () => {
    const due = new Map([
      [0, ['a', 'b']],
      [1, ['c']],
    ]);
    const tried: string[] = [];
    const out = await sweepDue({
      shards: 2,
      // 'b' keeps failing and stays due: it is tried once, not forever.
      due: async (s) => due.get(s) ?? [],
      key: (x) => x,
      each: async (x) => {
        tried.push(x);
        if (x === 'b') return;
        for (const [shard, items] of due)
          due.set(
            shard,
            items.filter((y) => y !== x),
          );
      },
      concurrency: 2,
      go: () => true,
    });
    expect(out).toEqual({ tried: 3, exhausted: true });
    expect(tried.sort()).toEqual(['a', 'b', 'c']);
    expect(
      (await sweepDue({ shards: 2, due: async () => ['x'], key: (x) => x, each: async () => {}, concurrency: 1, go: () => false }))
        .exhausted,
    ).toBe(false);
  });
});
