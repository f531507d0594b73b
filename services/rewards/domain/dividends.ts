import * as z from 'zod';
import { once, Fen, PlacePath } from '@cocreate/contracts';
import { type Refused, refused } from '@cocreate/contracts';
import { byString, largestRemainder } from './apportion.ts';

/**
 * Dividends (股金、分红) of the village cooperative company (乡村合作公司): the distributable profit is split among
 * member households in proportion to their shares, exactly to the fen by largest remainder. Equal remainders go to
 * the household with more shares, then to the household whose place path sorts first.
 */
export const Holding = once(() => z.object({ household: PlacePath, shares: z.number().int().positive().max(1_000_000_000) }));
export type Holding = z.infer<ReturnType<typeof Holding>>;

export const DividendLine = once(() => z.object({ household: PlacePath, shares: z.number().int().positive(), amount: Fen.nonnegative() }));
export type DividendLine = z.infer<ReturnType<typeof DividendLine>>;

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

/** The cooperative's share register (股东名册). */
export interface ShareRegister {
  village: string;
  holdings: Holding[];
  updatedAt: string;
  updatedBy: string;
}

/** One distribution (分红) with a line per member household. */
export interface Distribution {
  distributionId: string;
  village: string;
  title: string;
  amount: number;
  totalShares: number;
  registerVersion: number;
  lines: DividendLine[];
  distributedAt: string;
  distributedBy: string;
  decisionRef?: string;
}

/** A holding the register cannot take: a household listed twice, or one that is not the village's. */
export interface HoldingFault {
  index: number;
  rule: 'unique' | 'household-of-village';
}

/** Every holding that breaks the register's rules (distinct households of the village), by position. */
export function holdingFaults(holdings: readonly Holding[], householdsOfVillage: ReadonlySet<string>): HoldingFault[] {
  return holdings.flatMap((h, i): HoldingFault[] => {
    const dup = holdings.findIndex((o) => o.household === h.household) !== i;
    if (dup) return [{ index: i, rule: 'unique' }];
    return householdsOfVillage.has(h.household) ? [] : [{ index: i, rule: 'household-of-village' }];
  });
}

/** A distribution of `amount` over the register as read (at `registerVersion`), or why there can be none. */
export function decideDistribution(
  register: ShareRegister | undefined,
  registerVersion: number,
  d: Pick<Distribution, 'distributionId' | 'village' | 'title' | 'amount' | 'distributedAt' | 'distributedBy' | 'decisionRef'>,
): Distribution | Refused<'no-share-register'> {
  if (!register || !register.holdings.length) return refused('no-share-register');
  return {
    distributionId: d.distributionId,
    village: d.village,
    title: d.title,
    amount: d.amount,
    totalShares: register.holdings.reduce((s, h) => s + h.shares, 0),
    registerVersion,
    lines: splitDividend(d.amount, register.holdings),
    distributedAt: d.distributedAt,
    distributedBy: d.distributedBy,
    ...(d.decisionRef ? { decisionRef: d.decisionRef } : {}),
  };
}
