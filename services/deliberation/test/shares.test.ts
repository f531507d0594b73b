import { describe, expect, it } from 'vitest';
import { Threshold, atLeast, check, describe as describeThreshold, meets, moreThan, needed, reduce } from '../domain/shares.ts';

describe('exact shares', () => {
  it('2/3 of 3 owners: 2 holds exactly at the boundary, 1 does not', () => {
    expect(meets(2, 3, atLeast(2, 3))).toBe(true);
    expect(meets(1, 3, atLeast(2, 3))).toBe(false);
    expect(check(2, 3, atLeast(2, 3))).toMatchObject({ held: true, needed: 2, margin: 0 });
    expect(check(1, 3, atLeast(2, 3))).toMatchObject({ held: false, needed: 2, margin: -1 });
  });

  it('"at least" includes the boundary, "more than" excludes it', () => {
    expect(meets(6, 12, atLeast(1, 2))).toBe(true);
    expect(meets(6, 12, moreThan(1, 2))).toBe(false);
    expect(meets(7, 12, moreThan(1, 2))).toBe(true);
  });

  it('3/4 of an area in dm²: exactly 3/4 holds, one dm² less does not — no float drift', () => {
    // 3/4 of 115,550 dm² is 86,662.5: the smallest whole area that reaches it is 86,663.
    expect(needed(115_550, atLeast(3, 4))).toBe(86_663);
    expect(meets(86_663, 115_550, atLeast(3, 4))).toBe(true);
    expect(meets(86_662, 115_550, atLeast(3, 4))).toBe(false);
    // A whole divisible by 4: the boundary itself holds.
    expect(meets(75_000, 100_000, atLeast(3, 4))).toBe(true);
    expect(meets(74_999, 100_000, atLeast(3, 4))).toBe(false);
    // Where 0.1 + 0.2 style floats would mislead: 2/3 of 3 × 10^15.
    expect(meets(2_000_000_000_000_000, 3_000_000_000_000_000, atLeast(2, 3))).toBe(true);
    expect(meets(1_999_999_999_999_999, 3_000_000_000_000_000, atLeast(2, 3))).toBe(false);
  });

  it('the smallest part needed: ceil for ≥, floor + 1 for >', () => {
    expect(needed(7, atLeast(2, 3))).toBe(5); // 14/3 = 4.67 → 5
    expect(needed(6, atLeast(2, 3))).toBe(4);
    expect(needed(6, moreThan(1, 2))).toBe(4);
    expect(needed(7, moreThan(1, 2))).toBe(4);
    expect(needed(0, moreThan(1, 2))).toBe(1);
  });

  it('a whole of zero never holds (nobody voted, nobody took part)', () => {
    expect(meets(0, 0, atLeast(3, 4))).toBe(false);
    expect(meets(0, 0, moreThan(0, 1))).toBe(false);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => meets(-1, 3, atLeast(2, 3))).toThrow();
    expect(() => meets(1.5, 3, atLeast(2, 3))).toThrow();
  });

  it('validates thresholds: at most 1, no "at least 0"', () => {
    expect(Threshold().safeParse({ op: 'at-least', num: 4, den: 3 }).success).toBe(false);
    expect(Threshold().safeParse({ op: 'at-least', num: 0, den: 3 }).success).toBe(false);
    expect(Threshold().safeParse({ op: 'more-than', num: 0, den: 1 }).success).toBe(true);
    expect(Threshold().safeParse({ op: 'at-least', num: 2, den: 0 }).success).toBe(false);
  });

  it('reduces and describes fractions', () => {
    expect(reduce(8, 12)).toEqual({ num: 2, den: 3 });
    expect(reduce(0, 5)).toEqual({ num: 0, den: 1 });
    expect(describeThreshold(atLeast(2, 3))).toBe('≥ 2/3');
    expect(describeThreshold(moreThan(1, 2))).toBe('> 1/2');
  });
});
