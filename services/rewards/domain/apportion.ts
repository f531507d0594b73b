/**
 * Largest-remainder apportionment (最大余额法), exact to the unit: splits an integer `total` in proportion to integer
 * weights so the parts sum to `total` exactly. Each part gets the floor of its exact share; the units left over go
 * one each to the parts with the largest remainders; equal remainders are ordered by `tieBreak` (documented by each
 * caller). BigInt throughout, so budget × weight never loses precision.
 */
export interface Claim<K> {
  key: K;
  weight: bigint;
}

export function largestRemainder<K>(total: bigint, claims: Claim<K>[], tieBreak: (a: K, b: K) => number): Map<K, bigint> {
  if (total < 0n) throw new Error('cannot apportion a negative total');
  const sum = claims.reduce((s, c) => s + c.weight, 0n);
  if (claims.some((c) => c.weight < 0n)) throw new Error('weights must not be negative');
  const out = new Map<K, bigint>();
  if (sum === 0n) {
    if (total !== 0n) throw new Error('nothing to apportion a positive total to');
    for (const c of claims) out.set(c.key, 0n);
    return out;
  }
  const parts = claims.map((c) => ({ key: c.key, floor: (total * c.weight) / sum, rem: (total * c.weight) % sum }));
  let left = total - parts.reduce((s, p) => s + p.floor, 0n);
  const order = [...parts].sort((a, b) => (a.rem === b.rem ? tieBreak(a.key, b.key) : a.rem > b.rem ? -1 : 1));
  for (const p of order) {
    out.set(p.key, p.floor + (left > 0n ? 1n : 0n));
    if (left > 0n) left -= 1n;
  }
  return out;
}

/** Plain string order (code-unit order, the same on every machine). */
export const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
