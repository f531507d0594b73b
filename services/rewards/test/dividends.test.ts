import { describe, expect, it } from 'vitest';
import { splitDividend } from '../domain/dividends.ts';

const v = 'hubei/huanggang/hongan/qiliping/majiaqiao';

describe('dividend split (分红)', () => {
  it('splits by shares and sums exactly to the fen (largest remainder)', () => {
    const lines = splitDividend(100_000, [
      { household: `${v}/g1/h01`, shares: 2 },
      { household: `${v}/g1/h02`, shares: 1 },
    ]);
    expect(lines).toEqual([
      { household: `${v}/g1/h01`, shares: 2, amount: 66_667 },
      { household: `${v}/g1/h02`, shares: 1, amount: 33_333 },
    ]);
  });

  it('equal remainders: more shares first, then household path order', () => {
    // 7 fen over shares 1,1,1 → 2.33 each, one fen left → the household whose path sorts first.
    expect(
      splitDividend(7, [
        { household: `${v}/g1/h03`, shares: 1 },
        { household: `${v}/g1/h02`, shares: 1 },
        { household: `${v}/g1/h01`, shares: 1 },
      ]).map((l) => l.amount),
    ).toEqual([3, 2, 2]);
    // 5 fen over shares [1,1,2] → 1.25, 1.25, 2.5:
    // floors 1,1,2 (4), one fen left; remainders .25,.25,.5 → the 2-share household.
    expect(
      splitDividend(5, [
        { household: `${v}/g1/h01`, shares: 1 },
        { household: `${v}/g1/h02`, shares: 1 },
        { household: `${v}/g1/h03`, shares: 2 },
      ]).map((l) => l.amount),
    ).toEqual([1, 1, 3]);
    // 3 fen over [2, 2, 1, 1] (sum 6) → 1, 1, .5, .5: two households tie at .5 → path order.
    expect(
      splitDividend(3, [
        { household: `${v}/g1/h04`, shares: 1 },
        { household: `${v}/g1/h03`, shares: 1 },
        { household: `${v}/g1/h01`, shares: 2 },
        { household: `${v}/g1/h02`, shares: 2 },
      ]).map((l) => [l.household.slice(-3), l.amount]),
    ).toEqual([
      ['h01', 1],
      ['h02', 1],
      ['h03', 1],
      ['h04', 0],
    ]);
  });

  it('always sums exactly, over many random registers', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 500; i++) {
      const n = 1 + Math.floor(rnd() * 60);
      const amount = 1 + Math.floor(rnd() * 10 ** (1 + Math.floor(rnd() * 11)));
      const holdings = Array.from({ length: n }, (_, k) => ({ household: `${v}/g1/h${k}`, shares: 1 + Math.floor(rnd() * 1000) }));
      const lines = splitDividend(amount, holdings);
      expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(amount);
      const total = holdings.reduce((s, h) => s + h.shares, 0);
      for (const l of lines) expect(Math.abs(l.amount - (amount * l.shares) / total)).toBeLessThan(1);
    }
  });

  it('refuses nonsense', () => {
    expect(() => splitDividend(0, [{ household: `${v}/g1/h01`, shares: 1 }])).toThrow();
    expect(() => splitDividend(10.5, [{ household: `${v}/g1/h01`, shares: 1 }])).toThrow();
    expect(() => splitDividend(10, [])).toThrow();
    expect(() =>
      splitDividend(10, [
        { household: `${v}/g1/h01`, shares: 1 },
        { household: `${v}/g1/h01`, shares: 2 },
      ]),
    ).toThrow(/twice/);
  });
});
