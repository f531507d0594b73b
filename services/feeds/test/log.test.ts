import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import {
  LOG_BLOCK,
  LOG_SHARDS,
  type LogEntryRef,
  decodeCursor,
  encodeCursor,
  logRoot,
  logShardOf,
  mergePage,
  rootsFor,
  seqKey,
  seqRanges,
} from '../domain/log.ts';

describe('log roots', () => {
  it('is the county of a place, or the place itself above county level', () => {
    expect(logRoot(demo.majiaqiao)).toBe(demo.hongan);
    expect(logRoot(`${demo.majiaqiao}/g1/h01`)).toBe(demo.hongan);
    expect(logRoot(demo.hongan)).toBe(demo.hongan);
    expect(logRoot(demo.city)).toBe(demo.city);
    expect(logRoot(demo.province)).toBe(demo.province);
  });

  it('reads, for a jurisdiction, the roots inside it and the one containing it — never a neighbour', () => {
    const known = [demo.province, demo.city, demo.hongan, demo.macheng, 'hubei/wuhan/jiangan', 'hubei/huanggang/honganx'];
    expect(rootsFor(demo.province, known)).toEqual([...known].sort());
    expect(rootsFor(demo.city, known)).toEqual([demo.city, demo.hongan, 'hubei/huanggang/honganx', demo.macheng].sort());
    expect(rootsFor(demo.hongan, known)).toEqual([demo.hongan]);
    expect(rootsFor(demo.majiaqiao, known)).toEqual([demo.hongan]);
    expect(rootsFor(demo.fengshu, known)).toEqual([demo.macheng]);
    expect(rootsFor(demo.majiaqiao, [demo.macheng])).toEqual([]);
  });

  it('orders seqs as strings the way it orders them as numbers', () => {
    expect(seqKey(9) < seqKey(10)).toBe(true);
    expect(seqKey(999_999_999_999)).toHaveLength(12);
  });
});

describe('a county log spread over shards', () => {
  it('keeps blocks of consecutive seqs in one shard and rotates through every shard', () => {
    expect(logShardOf(1)).toBe(0);
    expect(logShardOf(LOG_BLOCK)).toBe(0);
    expect(logShardOf(LOG_BLOCK + 1)).toBe(1);
    expect(logShardOf(LOG_BLOCK * LOG_SHARDS)).toBe(LOG_SHARDS - 1);
    expect(logShardOf(LOG_BLOCK * LOG_SHARDS + 1)).toBe(0);
    // A burst of a few thousand events writes to every shard about as often as to any other.
    const perShard = new Array<number>(LOG_SHARDS).fill(0);
    for (let seq = 1; seq <= LOG_BLOCK * LOG_SHARDS * 3; seq++) perShard[logShardOf(seq)]!++;
    expect(new Set(perShard)).toEqual(new Set([LOG_BLOCK * 3]));
  });

  it('reads the seqs after a position up to the counter as one range per block, each on its shard, none missed or read twice', () => {
    expect(seqRanges(5, 5)).toEqual([]);
    expect(seqRanges(0, 3)).toEqual([{ shard: 0, from: 1, to: 3 }]);
    expect(seqRanges(95, 230)).toEqual([
      { shard: 0, from: 96, to: 100 },
      { shard: 1, from: 101, to: 200 },
      { shard: 2, from: 201, to: 230 },
    ]);
    for (const [after, upto] of [
      [0, 1],
      [37, 1234],
      [799, 801],
      [1000, 2600],
    ] as const) {
      const seqs = seqRanges(after, upto).flatMap((r) => {
        expect(r.from).toBeLessThanOrEqual(r.to);
        const block = Array.from({ length: r.to - r.from + 1 }, (_, i) => r.from + i);
        for (const seq of block) expect(logShardOf(seq)).toBe(r.shard);
        return block;
      });
      expect(seqs).toEqual(Array.from({ length: upto - after }, (_, i) => after + 1 + i));
    }
  });
});

describe('pull cursors', () => {
  it('round-trips a position, whatever the key order', () => {
    const p = { [demo.macheng]: 7, [demo.hongan]: 12 };
    const c = encodeCursor(p);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c)).toEqual(p);
    expect(encodeCursor({ [demo.hongan]: 12, [demo.macheng]: 7 })).toBe(c);
    expect(decodeCursor(encodeCursor({}))).toEqual({});
  });

  it('refuses anything it did not issue', () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const bad of [
      'not a cursor',
      b64([1]),
      b64({ v: 2, p: {} }),
      b64({ v: 1, p: [] }),
      b64({ v: 1, p: { [demo.hongan]: -1 } }),
      b64({ v: 1, p: { [demo.hongan]: 1.5 } }),
      b64({ v: 1, p: { [demo.hongan]: '3' } }),
      b64({ v: 1, p: { [demo.majiaqiao]: 3 } }), // deeper than a root
      b64({ v: 1, p: { 'Hubei/../x': 3 } }),
      'A'.repeat(20_000),
    ]) {
      expect(decodeCursor(bad), bad.slice(0, 40)).toBeUndefined();
    }
  });
});

interface E extends LogEntryRef {
  id: string;
  match: boolean;
}

const entry = (root: string, seq: number, at: number, match = true): E => ({
  root,
  seq,
  committedAt: new Date(Date.UTC(2026, 2, 1, 0, 0, at)).toISOString(),
  id: `${root.split('/').at(-1)}-${seq}`,
  match,
});

describe('one page of the feed', () => {
  const A = demo.hongan;
  const B = demo.macheng;

  it('interleaves roots by commit time, keeps seq order within a root, cuts at the limit', () => {
    const batches = [
      { root: A, entries: [entry(A, 1, 1), entry(A, 2, 4), entry(A, 3, 5)], more: false },
      { root: B, entries: [entry(B, 1, 2), entry(B, 2, 3)], more: false },
    ];
    const page = mergePage(batches, {}, (e) => e.match, 3);
    expect(page.items.map((e) => e.id)).toEqual(['hongan-1', 'macheng-1', 'macheng-2']);
    expect(page.position).toEqual({ [A]: 1, [B]: 2 });
    expect(page.more).toBe(true);
    const rest = mergePage([{ root: A, entries: [entry(A, 2, 4), entry(A, 3, 5)], more: false }], page.position, (e) => e.match, 3);
    expect(rest.items.map((e) => e.id)).toEqual(['hongan-2', 'hongan-3']);
    expect(rest.position).toEqual({ [A]: 3, [B]: 2 });
    expect(rest.more).toBe(false);
  });

  it('walks over entries that do not match, so the next page does not read them again', () => {
    const page = mergePage(
      [{ root: A, entries: [entry(A, 5, 1, false), entry(A, 6, 2, false), entry(A, 7, 3)], more: false }],
      { [A]: 4 },
      (e) => e.match,
      10,
    );
    expect(page.items.map((e) => e.id)).toEqual(['hongan-7']);
    expect(page.position).toEqual({ [A]: 7 });
    const none = mergePage([{ root: A, entries: [entry(A, 8, 1, false)], more: false }], { [A]: 7 }, (e) => e.match, 10);
    expect(none).toEqual({ items: [], position: { [A]: 8 }, more: false });
  });

  it('stops at the last fetched entry of a root that has more, since what follows it is not known yet', () => {
    const batches = [
      { root: A, entries: [entry(A, 1, 1), entry(A, 2, 2)], more: true },
      { root: B, entries: [entry(B, 1, 3), entry(B, 2, 4)], more: false },
    ];
    const page = mergePage(batches, {}, (e) => e.match, 10);
    expect(page.items.map((e) => e.id)).toEqual(['hongan-1', 'hongan-2']);
    expect(page.position).toEqual({ [A]: 2 });
    expect(page.more).toBe(true);
  });

  it('keeps seq order within a root even if writer clocks disagree about commit times', () => {
    const page = mergePage([{ root: A, entries: [entry(A, 1, 9), entry(A, 2, 3)], more: false }], {}, (e) => e.match, 10);
    expect(page.items.map((e) => e.seq)).toEqual([1, 2]);
    expect(page.position).toEqual({ [A]: 2 });
  });

  it('simulation: appends keep arriving in several roots while a reader pages; it reads every entry exactly once', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const roots = [A, B, demo.province];
    const log = new Map<string, E[]>(roots.map((r) => [r, []]));
    let clock = 0;
    const append = () => {
      const root = roots[Math.floor(random() * roots.length)]!;
      const list = log.get(root)!;
      list.push(entry(root, list.length + 1, clock++, random() < 0.7));
    };
    let position = {};
    const read: string[] = [];
    for (let step = 0; step < 400; step++) {
      for (let i = Math.floor(random() * 4); i > 0; i--) append();
      const scan = 1 + Math.floor(random() * 5);
      // A reader sees a prefix of each root (what had committed when it queried), up to `scan` after its position.
      const batches = roots.map((root) => {
        const from = (position as Record<string, number>)[root] ?? 0;
        const all = log.get(root)!.filter((e) => e.seq > from);
        return { root, entries: all.slice(0, scan), more: all.length > scan };
      });
      const page = mergePage(batches, position, (e) => e.match, 1 + Math.floor(random() * 6));
      read.push(...page.items.map((e) => e.id));
      position = page.position;
    }
    // Drain.
    for (let more = true; more;) {
      const batches = roots.map((root) => ({
        root,
        entries: log.get(root)!.filter((e) => e.seq > ((position as Record<string, number>)[root] ?? 0)),
        more: false,
      }));
      const page = mergePage(batches, position, (e) => e.match, 1000);
      read.push(...page.items.map((e) => e.id));
      position = page.position;
      more = page.more;
    }
    const expected = [...log.values()]
      .flat()
      .filter((e) => e.match)
      .map((e) => e.id);
    expect(new Set(read).size).toBe(read.length);
    expect([...read].sort()).toEqual([...expected].sort());
    for (const root of roots) {
      const name = root.split('/').at(-1)!;
      const inRoot = read.filter((id) => id.startsWith(`${name}-`)).map((id) => Number(id.split('-').at(-1)));
      expect(inRoot).toEqual([...inRoot].sort((x, y) => x - y));
    }
  });
});
