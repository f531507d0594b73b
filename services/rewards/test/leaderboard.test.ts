import { describe, expect, it } from 'vitest';
import { type BoardRecord, nextStanding, rank, rankKey, ranksOf, scoreOf } from '../domain/leaderboard.ts';

describe('standings kept in rank order', () => {
  it('the rank key sorts highest score first, negative scores last, ties by key — the order `rank` gives', () => {
    const rows = [
      { person: 'b', earned: 10, deducted: 0 },
      { person: 'a', earned: 10, deducted: 0 },
      { person: 'c', earned: 1_000_000, deducted: 0 },
      { person: 'd', earned: 0, deducted: 7 },
      { person: 'e', earned: 3, deducted: 3 },
      { person: 'f', earned: 9, deducted: 0 },
    ];
    const byIndex = [...rows].sort((x, y) => {
      const [kx, ky] = [rankKey(x.earned - x.deducted, x.person), rankKey(y.earned - y.deducted, y.person)];
      return kx < ky ? -1 : kx > ky ? 1 : 0;
    });
    expect(byIndex.map((r) => r.person)).toEqual(rank(rows, 'person').map((r) => r.key));
  });

  it('ranks a page read from the top: ties share a rank and the next skips (1, 2, 2, 4)', () => {
    expect(ranksOf([{ score: 9 }, { score: 5 }, { score: 5 }, { score: 1 }, { score: 1 }, { score: 0 }]).map((r) => r.rank)).toEqual([
      1, 2, 2, 4, 4, 6,
    ]);
    expect(ranksOf([])).toEqual([]);
  });

  it('a standing accumulates earned and deducted; a new row gets its opaque ref once', () => {
    const row = { village: 'v', period: '2026-05', by: 'person' as const, subject: 'p-1' };
    let refs = 0;
    const ref = () => `r${++refs}`;
    const first = nextStanding(undefined, row, { earned: 5, deducted: 0 }, ref);
    const second: BoardRecord = nextStanding(first, row, { earned: 0, deducted: 8 }, ref);
    expect(second).toEqual({ ...row, ref: 'r1', earned: 5, deducted: 8 });
    expect(scoreOf(second)).toBe(-3);
    expect(refs).toBe(1);
  });
});
