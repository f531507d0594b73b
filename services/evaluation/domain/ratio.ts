/**
 * Exact rational numbers over BigInt. Weighted scores, means and the tier margins are compared exactly, so that a
 * score of exactly 60 is not "below 60" because of a binary rounding error, and the same inputs always give the same
 * figures. Numbers only become floats at the very end, rounded for display.
 */
export class Ratio {
  private constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}

  static readonly ZERO = new Ratio(0n, 1n);

  static of(n: bigint | number, d: bigint | number = 1n): Ratio {
    const nn = BigInt(n);
    let dd = BigInt(d);
    if (dd === 0n) throw new RangeError('ratio with a zero denominator');
    let num = nn;
    if (dd < 0n) {
      num = -num;
      dd = -dd;
    }
    const g = gcd(num < 0n ? -num : num, dd);
    return g > 1n ? new Ratio(num / g, dd / g) : new Ratio(num, dd);
  }

  add(o: Ratio): Ratio {
    return Ratio.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  sub(o: Ratio): Ratio {
    return Ratio.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }

  mul(o: Ratio): Ratio {
    return Ratio.of(this.n * o.n, this.d * o.d);
  }

  div(o: Ratio): Ratio {
    if (o.n === 0n) throw new RangeError('division by zero');
    return Ratio.of(this.n * o.d, this.d * o.n);
  }

  /** -1, 0 or 1. */
  cmp(o: Ratio): number {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  lt(o: Ratio): boolean {
    return this.cmp(o) < 0;
  }

  isZero(): boolean {
    return this.n === 0n;
  }

  min(o: Ratio): Ratio {
    return this.cmp(o) <= 0 ? this : o;
  }

  /** Rounded half away from zero to `decimals` places, as a number (for display and events). */
  round(decimals = 2): number {
    const scale = 10n ** BigInt(decimals);
    const scaled = this.n * scale;
    let q = scaled / this.d;
    const r = scaled % this.d;
    const twice = (r < 0n ? -r : r) * 2n;
    if (twice >= this.d) q += scaled < 0n ? -1n : 1n;
    return Number(q) / Number(scale);
  }

  static sum(list: readonly Ratio[]): Ratio {
    return list.reduce((acc, r) => acc.add(r), Ratio.ZERO);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
