import { describe, expect, it } from 'vitest';
import { decideDistribution, holdingFaults, splitDividend } from '../domain/dividends.ts';

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

describe('share register and distribution decisions', () => {
  const h = (n: number) => `${v}/g1/h0${n}`;
  const by = {
    distributionId: 'd1',
    village: v,
    title: '分红',
    amount: 1_000,
    distributedAt: '2026-06-01T00:00:00.000Z',
    distributedBy: 'p-1',
  };

  it('names each holding that is listed twice or not a household of the village', () => {
    const ofVillage = new Set([h(1), h(2)]);
    expect(
      holdingFaults(
        [
          { household: h(1), shares: 1 },
          { household: h(2), shares: 2 },
        ],
        ofVillage,
      ),
    ).toEqual([]);
    expect(
      holdingFaults(
        [
          { household: h(1), shares: 1 },
          { household: h(3), shares: 1 },
          { household: h(1), shares: 2 },
        ],
        ofVillage,
      ),
    ).toEqual([
      { index: 1, rule: 'household-of-village' },
      { index: 2, rule: 'unique' },
    ]);
  });

  it('distributes over the register as read, and refuses without one', () => {
    const register = {
      village: v,
      holdings: [
        { household: h(1), shares: 3 },
        { household: h(2), shares: 1 },
      ],
      updatedAt: '',
      updatedBy: '',
    };
    const d = decideDistribution(register, 4, by);
    expect(d).toMatchObject({ totalShares: 4, registerVersion: 4, lines: [{ amount: 750 }, { amount: 250 }] });
    expect(decideDistribution(undefined, 0, by)).toEqual({ refused: 'no-share-register' });
    expect(decideDistribution({ ...register, holdings: [] }, 2, by)).toEqual({ refused: 'no-share-register' });
  });
});
