import * as z from 'zod';
import { once, says } from '@cocreate/contracts';

/**
 * Exact shares for quorums, passing rules and owner consent. Every threshold is a fraction of integers and every
 * comparison is done by cross-multiplying in BigInt, so "at least 2/3 of 3 owners" or "3/4 of the area" holds or
 * fails exactly at the boundary — no floating point anywhere.
 */
export const Threshold = once(() =>
  z
    .object({
      /** `at-least` is ≥ (以上, 不少于); `more-than` is > (过半数, 超过). */
      op: z.enum(['at-least', 'more-than']),
      num: z.number().int().min(0).max(1000),
      den: z.number().int().min(1).max(1000),
    })
    .refine((t) => t.num <= t.den, {
      ...says({ zh: '比例不能超过 1（num ≤ den）', en: 'a share cannot exceed 1 (num ≤ den)' }),
      path: ['num'],
    })
    .refine((t) => t.op === 'more-than' || t.num > 0, {
      ...says({ zh: '“至少 0”恒成立：请使用 num > 0', en: '"at least 0" always holds: use num > 0' }),
      path: ['num'],
    }),
);
export type Threshold = z.infer<ReturnType<typeof Threshold>>;

export const atLeast = (num: number, den: number): Threshold => ({ op: 'at-least', num, den });
export const moreThan = (num: number, den: number): Threshold => ({ op: 'more-than', num, den });

/** One condition checked: the part reached, of what whole, the smallest part that would hold, and the margin. */
export interface ShareCheck {
  part: number;
  whole: number;
  required: Threshold;
  held: boolean;
  /** Smallest integer part that meets the threshold for this whole. */
  needed: number;
  /** part − needed: ≥ 0 held with that much to spare; < 0 short by that much. */
  margin: number;
}

/**
 * Whether `part` of `whole` meets the threshold. A whole of zero never meets anything: "3/4 of the participating
 * area" when nobody took part is not consent, and a vote where nobody voted is not a decision.
 */
export function meets(part: number, whole: number, t: Threshold): boolean {
  assertCount(part, 'part');
  assertCount(whole, 'whole');
  if (whole === 0) return false;
  const lhs = BigInt(part) * BigInt(t.den);
  const rhs = BigInt(t.num) * BigInt(whole);
  return t.op === 'at-least' ? lhs >= rhs : lhs > rhs;
}

/** The smallest integer part of `whole` that meets the threshold (ceil for ≥, floor + 1 for >). */
export function needed(whole: number, t: Threshold): number {
  assertCount(whole, 'whole');
  const product = BigInt(t.num) * BigInt(whole);
  const den = BigInt(t.den);
  const floor = product / den;
  if (t.op === 'more-than') return Number(floor + 1n);
  return Number(product % den === 0n ? floor : floor + 1n);
}

export function check(part: number, whole: number, t: Threshold): ShareCheck {
  const need = needed(whole, t);
  return { part, whole, required: t, held: meets(part, whole, t), needed: need, margin: part - need };
}

/** Reduces a fraction (for display: 8/12 → 2/3). */
export function reduce(num: number, den: number): { num: number; den: number } {
  let a = Math.abs(num);
  let b = Math.abs(den);
  while (b) [a, b] = [b, a % b];
  const g = a || 1;
  return { num: num / g, den: den / g };
}

/** Human text of a threshold, e.g. "≥ 2/3" / "> 1/2". */
export function describe(t: Threshold): string {
  return `${t.op === 'at-least' ? '≥' : '>'} ${t.num}/${t.den}`;
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${what} must be a non-negative safe integer, got ${n}`);
}
