import * as z from 'zod';
import { once, type Refused, refused } from '@cocreate/contracts';

/**
 * The points account of one resident (爱心积分账户) and the pure operations on it. Every operation returns the new
 * state and what moved, which becomes one append-only ledger entry with running balances; nothing is ever edited.
 *
 * State:
 *  - `lots`: points available to spend, grouped by the China-time day they were credited (FIFO: oldest first) and
 *    the day they expire. `balance` is always the sum of the lots.
 *  - `held`: points reserved by open supermarket reservations (taken out of lots, not yet spent).
 *  - `debt`: what deductions could not take from the balance. A balance never goes negative: a deduction larger
 *    than the balance takes what there is and records the rest as debt, and every later credit clears debt first.
 *    Hence `debt > 0` implies `balance = 0`.
 */
export const Lot = once(() =>
  z.object({
    /** `<creditedOn>~<expiresOn>` — sorts oldest first. */
    lot: z.string(),
    expiresAt: z.string(),
    remaining: z.number().int().positive(),
  }),
);
export type Lot = z.infer<ReturnType<typeof Lot>>;

export interface AccountState {
  balance: number;
  held: number;
  debt: number;
  lots: Lot[];
}

export const emptyAccount = (): AccountState => ({ balance: 0, held: 0, debt: 0, lots: [] });

/** A points account as stored: its state, whose it is, and how far its ledger has got. */
export interface AccountRecord extends AccountState {
  person: string;
  village: string;
  household?: string;
  /** Entries written so far (the last entry's seq). */
  seq: number;
  /** Time of the last entry: the next is never earlier, so entry keys sort in seq order. */
  lastAt?: string;
}

/** Points moved into or out of one lot (positive amounts; the entry kind says which way). */
export const LotMove = once(() => z.object({ lot: z.string(), expiresAt: z.string(), points: z.number().int().positive() }));
export type LotMove = z.infer<ReturnType<typeof LotMove>>;

/** A new lot for points credited on `creditedOn` (China date) that expire at `expiresAt`. */
export interface LotSpec {
  lot: string;
  expiresAt: string;
}

export const lotId = (creditedOn: string, expiresOn: string): string => `${creditedOn}~${expiresOn}`;

/** A programming fault (a non-positive amount): never a caller's refusal, so it is thrown. */
export class LedgerError extends Error {
  constructor(readonly code: 'not-positive') {
    super(code);
  }
}

function positive(points: number): void {
  if (!Number.isInteger(points) || points <= 0) throw new LedgerError('not-positive');
}

function sortLots(lots: Lot[]): Lot[] {
  return [...lots].sort((a, b) => (a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0));
}

/** Adds points to a lot (creating it if absent). */
function fill(lots: Lot[], into: LotSpec, points: number): Lot[] {
  const i = lots.findIndex((l) => l.lot === into.lot);
  if (i < 0) return sortLots([...lots, { lot: into.lot, expiresAt: into.expiresAt, remaining: points }]);
  const out = [...lots];
  out[i] = { ...out[i]!, remaining: out[i]!.remaining + points };
  return out;
}

/** Takes `points` from the lots, `prefer` first (the lot a reversed credit went into), then oldest first. */
function take(lots: Lot[], points: number, prefer?: string): { lots: Lot[]; taken: LotMove[] } {
  const order = [...lots].sort((a, b) => {
    if (a.lot === prefer) return -1;
    if (b.lot === prefer) return 1;
    return a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0;
  });
  let left = points;
  const taken: LotMove[] = [];
  const remaining = new Map(lots.map((l) => [l.lot, l.remaining]));
  for (const l of order) {
    if (left === 0) break;
    const n = Math.min(l.remaining, left);
    taken.push({ lot: l.lot, expiresAt: l.expiresAt, points: n });
    remaining.set(l.lot, l.remaining - n);
    left -= n;
  }
  return { lots: lots.map((l) => ({ ...l, remaining: remaining.get(l.lot)! })).filter((l) => l.remaining > 0), taken };
}

export interface CreditResult {
  state: AccountState;
  debtCleared: number;
  placed: LotMove[];
}

/**
 * Credits points: debt first, then into `restore` lots (up to each one's amount, for reversals and releases that put
 * points back where they came from), then into the new lot `into`.
 */
export function credit(state: AccountState, points: number, into: LotSpec, restore: LotMove[] = []): CreditResult {
  positive(points);
  const debtCleared = Math.min(state.debt, points);
  let left = points - debtCleared;
  let lots = state.lots;
  const placed: LotMove[] = [];
  for (const r of restore) {
    if (left === 0) break;
    const n = Math.min(r.points, left);
    if (n <= 0) continue;
    lots = fill(lots, r, n);
    placed.push({ lot: r.lot, expiresAt: r.expiresAt, points: n });
    left -= n;
  }
  if (left > 0) {
    lots = fill(lots, into, left);
    placed.push({ lot: into.lot, expiresAt: into.expiresAt, points: left });
  }
  return {
    state: { ...state, debt: state.debt - debtCleared, balance: state.balance + points - debtCleared, lots },
    debtCleared,
    placed,
  };
}

export interface DebitResult {
  state: AccountState;
  fromBalance: number;
  toDebt: number;
  taken: LotMove[];
}

/** Deducts points: what the balance holds (oldest lots first, `prefer` lot before them), the rest becomes debt. */
export function debit(state: AccountState, points: number, prefer?: string): DebitResult {
  positive(points);
  const fromBalance = Math.min(state.balance, points);
  const toDebt = points - fromBalance;
  const { lots, taken } = fromBalance > 0 ? take(state.lots, fromBalance, prefer) : { lots: state.lots, taken: [] };
  return { state: { ...state, balance: state.balance - fromBalance, debt: state.debt + toDebt, lots }, fromBalance, toDebt, taken };
}

/** Holds points for a reservation; refuses rather than overdraw (a reservation never creates debt). */
export function hold(state: AccountState, points: number): { state: AccountState; taken: LotMove[] } | Refused<'insufficient-points'> {
  positive(points);
  if (state.balance < points) return refused('insufficient-points', { available: state.balance, needed: points });
  const { lots, taken } = take(state.lots, points);
  return { state: { ...state, balance: state.balance - points, held: state.held + points, lots }, taken };
}

/**
 * Releases held points back into the lots they came from (clearing any debt that arose meanwhile first); refused when
 * the account no longer holds them (another change settled the order meanwhile).
 */
export function release(
  state: AccountState,
  points: number,
  taken: LotMove[],
  fallback: LotSpec,
): CreditResult | Refused<'points-not-held'> {
  positive(points);
  if (state.held < points) return refused('points-not-held');
  return credit({ ...state, held: state.held - points }, points, fallback, taken);
}

/** Spends held points (the merchant handed the item over); refused when the account no longer holds them. */
export function spend(state: AccountState, points: number): AccountState | Refused<'points-not-held'> {
  positive(points);
  if (state.held < points) return refused('points-not-held');
  return { ...state, held: state.held - points };
}

/** Expires every lot whose expiry has come (`expiresAt <= now`), oldest first. Nothing expires twice: lots go. */
export function expire(state: AccountState, now: string): { state: AccountState; expired: LotMove[] } {
  const expired = sortLots(state.lots)
    .filter((l) => l.expiresAt <= now)
    .map((l) => ({ lot: l.lot, expiresAt: l.expiresAt, points: l.remaining }));
  if (!expired.length) return { state, expired };
  const total = expired.reduce((s, l) => s + l.points, 0);
  const gone = new Set(expired.map((l) => l.lot));
  return { state: { ...state, balance: state.balance - total, lots: state.lots.filter((l) => !gone.has(l.lot)) }, expired };
}

/** The earliest expiry among the lots (what the expiry job indexes the account by), if any. */
export function nextExpiry(state: AccountState): string | undefined {
  return state.lots.reduce<string | undefined>((m, l) => (m === undefined || l.expiresAt < m ? l.expiresAt : m), undefined);
}

/** The account's invariants; tests assert them after every operation. */
export function invariantViolations(state: AccountState): string[] {
  const out: string[] = [];
  const sum = state.lots.reduce((s, l) => s + l.remaining, 0);
  if (sum !== state.balance) out.push(`balance ${state.balance} ≠ lots ${sum}`);
  if (state.balance < 0) out.push('negative balance');
  if (state.held < 0) out.push('negative held');
  if (state.debt < 0) out.push('negative debt');
  if (state.debt > 0 && state.balance > 0) out.push('debt with a positive balance');
  if (state.lots.some((l) => l.remaining <= 0)) out.push('empty lot kept');
  return out;
}
