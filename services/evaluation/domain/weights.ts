/**
 * Weights are stored as integer basis points (1 = 0.0001) so sibling weights are summed exactly: 0.1 + 0.2 + 0.7 is
 * 1000 + 2000 + 7000 = 10000, never 0.9999999999999999. Input may be a JSON number or a decimal string with at most
 * four decimal places; anything finer, negative, zero or above 1 is refused.
 */
export const WHOLE = 10_000;

const DECIMAL = /^(\d+)(?:\.(\d{1,4}))?$/;

/** Basis points of a weight, or undefined when it is not a decimal in (0, 1] with at most 4 places. */
export function toBasisPoints(weight: number | string): number | undefined {
  let text: string;
  if (typeof weight === 'number') {
    if (!Number.isFinite(weight)) return undefined;
    // Number → shortest round-trip decimal (0.1 → "0.1"); exponent forms are too fine or too large anyway.
    text = String(weight);
  } else {
    text = weight.trim();
  }
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const bp = Number(m[1]) * WHOLE + Number((m[2] ?? '').padEnd(4, '0'));
  return bp > 0 && bp <= WHOLE ? bp : undefined;
}

/** A weight for display: basis points back to a decimal number (exact for 4 places). */
export const fromBasisPoints = (bp: number): number => bp / WHOLE;
