import { z } from 'zod';
import { Fen, PlacePath } from '@cocreate/contracts';
import { byString, largestRemainder } from './apportion.ts';

/**
 * Dividends (股金、分红) of the village cooperative company (乡村合作公司): the distributable profit is split among
 * member households in proportion to their shares, exactly to the fen by largest remainder. Equal remainders go to
 * the household with more shares, then to the household whose place path sorts first.
 */
export const Holding = z.object({ household: PlacePath, shares: z.number().int().positive().max(1_000_000_000) });
export type Holding = z.infer<typeof Holding>;

export const DividendLine = z.object({ household: PlacePath, shares: z.number().int().positive(), amount: Fen.nonnegative() });
export type DividendLine = z.infer<typeof DividendLine>;

export function splitDividend(amount: number, holdings: Holding[]): DividendLine[] {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new Error('the amount must be a positive number of fen');
  if (!holdings.length) throw new Error('no member households');
  const shares = new Map<string, number>();
  for (const h of holdings) {
    if (shares.has(h.household)) throw new Error(`household ${h.household} appears twice`);
    shares.set(h.household, h.shares);
  }
  const split = largestRemainder(
    BigInt(amount),
    holdings.map((h) => ({ key: h.household, weight: BigInt(h.shares) })),
    (a, b) => shares.get(b)! - shares.get(a)! || byString(a, b),
  );
  return [...holdings]
    .sort((a, b) => byString(a.household, b.household))
    .map((h) => ({ household: h.household, shares: h.shares, amount: Number(split.get(h.household)!) }));
}
