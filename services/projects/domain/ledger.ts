import * as z from 'zod';
import { once, Fen, Id, PlacePath } from '@cocreate/contracts';
import { documentedAs } from './documented.ts';

/**
 * The fund pool (共建资金池) as a double-entry ledger. Every posting balances (debits = credits); an account's balance
 * is the sum of its entries in its normal direction; history is append-only — a correction is a reversing posting.
 *
 * Accounts (per pool; `S` a source of money, `P` a project):
 *   src:S          debit-normal   pool money from S not yet allocated
 *   alloc:P:S      debit-normal   S's money allocated to P and not yet paid out
 *   spent:P:S      debit-normal   S's money paid out for P — every spend names its sources (各记其功)
 *   xfer:V:S       debit-normal   (township pools) S's money passed on to village V's pool
 *   fund:S         credit-normal  what S brought into the pool
 * No account may ever go below zero: every line that lowers an account carries the guard "balance ≥ amount",
 * applied as a conditional update in the posting's own transaction.
 *
 * A disbursement request holds money (预留) before it is approved: an encumbrance, which is a memo on the allocation
 * account rather than a posting — `alloc:P:S` keeps `available + held = balance`, a request moves money from
 * available to held (guarded "available ≥ amount"), a rejection moves it back, and the countersigned disbursement
 * posts Dr spent / Cr alloc taking it out of held. The ledger records only money that moved.
 */
export type AccountKind = 'src' | 'fund' | 'alloc' | 'spent' | 'xfer';
export type Side = 'debit' | 'credit';

const NORMAL: Readonly<Record<AccountKind, Side>> = {
  src: 'debit',
  alloc: 'debit',
  spent: 'debit',
  xfer: 'debit',
  fund: 'credit',
};

/** Most sources one posting may name: keeps a posting (one account update per line) inside one transaction. */
export const MAX_SOURCES_PER_POSTING = 20;

export const account = {
  source: (sourceId: string) => `src:${sourceId}`,
  fund: (sourceId: string) => `fund:${sourceId}`,
  allocation: (projectId: string, sourceId: string) => `alloc:${projectId}:${sourceId}`,
  spent: (projectId: string, sourceId: string) => `spent:${projectId}:${sourceId}`,
  transferred: (village: string, sourceId: string) => `xfer:${village}:${sourceId}`,
};

export interface ParsedAccount {
  kind: AccountKind;
  sourceId: string;
  projectId?: string;
  village?: string;
}

export function parseAccount(name: string): ParsedAccount {
  const [kind, ...rest] = name.split(':');
  switch (kind) {
    case 'src':
    case 'fund':
      return { kind, sourceId: rest[0]! };
    case 'alloc':
    case 'spent':
      return { kind, projectId: rest[0]!, sourceId: rest[1]! };
    case 'xfer':
      return { kind, village: rest[0]!, sourceId: rest[1]! };
    default:
      throw new Error(`not an account: ${name}`);
  }
}

export function normalSide(name: string): Side {
  return NORMAL[parseAccount(name).kind];
}

export interface Line {
  account: string;
  side: Side;
  amount: number;
}

/** A source paying part of an amount. */
export interface Draw {
  sourceId: string;
  amount: number;
}

export type PostingKind = 'receipt' | 'allocation' | 'disbursement' | 'transfer-out' | 'reversal';

/** Why a set of lines is not a valid posting; empty when it is. */
export function postingErrors(lines: readonly Line[]): string[] {
  const errors: string[] = [];
  if (lines.length < 2) errors.push('a posting has at least two lines');
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount) || l.amount <= 0) errors.push(`${l.account}: amount must be a positive integer of fen`);
  }
  const debits = lines.filter((l) => l.side === 'debit').reduce((s, l) => s + l.amount, 0);
  const credits = lines.filter((l) => l.side === 'credit').reduce((s, l) => s + l.amount, 0);
  if (debits !== credits) errors.push(`debits ${debits} ≠ credits ${credits}`);
  const seen = new Set<string>();
  for (const l of lines) {
    if (seen.has(l.account)) errors.push(`${l.account} appears twice in one posting`);
    seen.add(l.account);
  }
  return errors;
}

export function assertBalanced(lines: readonly Line[]): void {
  const errors = postingErrors(lines);
  if (errors.length) throw new Error(`unbalanced posting: ${errors.join('; ')}`);
}

/** The change a line makes to its account's balance (in the account's normal direction). */
export function effectOf(line: Line): number {
  return line.side === normalSide(line.account) ? line.amount : -line.amount;
}

/** Sum of a posting's amount (its debits). */
export function amountOf(lines: readonly Line[]): number {
  return lines.filter((l) => l.side === 'debit').reduce((s, l) => s + l.amount, 0);
}

const pair = (debit: string, credit: string, amount: number): Line[] => [
  { account: debit, side: 'debit', amount },
  { account: credit, side: 'credit', amount },
];

/** Money in: Dr src:S, Cr fund:S. */
export function receiptLines(sourceId: string, amount: number): Line[] {
  return checked(pair(account.source(sourceId), account.fund(sourceId), amount));
}

/** Earmark for a project: Dr alloc:P:S, Cr src:S per source. */
export function allocationLines(projectId: string, draws: readonly Draw[]): Line[] {
  return checked(draws.flatMap((d) => pair(account.allocation(projectId, d.sourceId), account.source(d.sourceId), d.amount)));
}

/** Approved and countersigned: Dr spent:P:S, Cr alloc:P:S (out of the money the request held). */
export function spendLines(projectId: string, draws: readonly Draw[]): Line[] {
  return checked(draws.flatMap((d) => pair(account.spent(projectId, d.sourceId), account.allocation(projectId, d.sourceId), d.amount)));
}

/** A township pool passes money on: Dr xfer:V:S, Cr src:S (the village pool books a receipt of its own). */
export function transferOutLines(village: string, sourceId: string, amount: number): Line[] {
  return checked(pair(account.transferred(village, sourceId), account.source(sourceId), amount));
}

/** The correction of a posting: the same lines, sides swapped. */
export function reversalLines(lines: readonly Line[]): Line[] {
  return checked(lines.map((l) => ({ ...l, side: l.side === 'debit' ? 'credit' : 'debit' })));
}

function checked(lines: Line[]): Line[] {
  assertBalanced(lines);
  return lines;
}

/**
 * Takes `amount` from the sources in order (first received, first used — ULIDs sort by time), as few as needed.
 * Returns the draws, or how much is missing.
 */
export function pickDraws(
  available: readonly { sourceId: string; balance: number }[],
  amount: number,
): { draws: Draw[] } | { shortfall: number; available: number } {
  const draws: Draw[] = [];
  let remaining = amount;
  for (const a of [...available].sort((x, y) => (x.sourceId < y.sourceId ? -1 : x.sourceId > y.sourceId ? 1 : 0))) {
    if (remaining === 0) break;
    if (a.balance <= 0) continue;
    const take = Math.min(a.balance, remaining);
    draws.push({ sourceId: a.sourceId, amount: take });
    remaining -= take;
  }
  if (remaining > 0) {
    const total = available.reduce((s, a) => s + Math.max(0, a.balance), 0);
    return { shortfall: remaining, available: total };
  }
  return { draws };
}

export interface StoredAccount {
  account: string;
  balance: number;
  debits: number;
  credits: number;
  /** Allocation accounts: free to request, and held by requests awaiting approval (available + held = balance). */
  available?: number;
  held?: number;
}

export interface TrialBalance {
  postings: number;
  totalDebits: number;
  totalCredits: number;
  /** Every posting balances and so does the whole ledger. */
  balanced: boolean;
  unbalancedPostings: string[];
  /** Accounts whose stored running balance differs from the sum of their entries. */
  mismatches: { account: string; stored: number; fromEntries: number }[];
  /** Allocation accounts whose available + held is not their balance. */
  holdMismatches: string[];
  negative: string[];
  ok: boolean;
}

/**
 * Recomputes every account from the postings and compares with the running balances: the audit after any storm.
 */
export function trialBalance(
  postings: readonly { postingId: string; lines: readonly Line[] }[],
  accounts: readonly StoredAccount[],
): TrialBalance {
  let totalDebits = 0;
  let totalCredits = 0;
  const unbalancedPostings: string[] = [];
  const fromEntries = new Map<string, number>();
  for (const p of postings) {
    if (postingErrors(p.lines).length) unbalancedPostings.push(p.postingId);
    for (const l of p.lines) {
      if (l.side === 'debit') totalDebits += l.amount;
      else totalCredits += l.amount;
      fromEntries.set(l.account, (fromEntries.get(l.account) ?? 0) + effectOf(l));
    }
  }
  const mismatches: TrialBalance['mismatches'] = [];
  const names = new Set([...fromEntries.keys(), ...accounts.map((a) => a.account)]);
  const stored = new Map(accounts.map((a) => [a.account, a]));
  for (const name of names) {
    const s = stored.get(name)?.balance ?? 0;
    const e = fromEntries.get(name) ?? 0;
    if (s !== e) mismatches.push({ account: name, stored: s, fromEntries: e });
  }
  const negative = accounts.filter((a) => a.balance < 0 || (a.available ?? 0) < 0 || (a.held ?? 0) < 0).map((a) => a.account);
  const holdMismatches = accounts
    .filter((a) => parseAccount(a.account).kind === 'alloc' && (a.available ?? 0) + (a.held ?? 0) !== a.balance)
    .map((a) => a.account);
  const balanced = totalDebits === totalCredits && unbalancedPostings.length === 0;
  return {
    postings: postings.length,
    totalDebits,
    totalCredits,
    balanced,
    unbalancedPostings,
    mismatches,
    holdMismatches,
    negative,
    ok: balanced && mismatches.length === 0 && holdMismatches.length === 0 && negative.length === 0,
  };
}

/** An immutable, balanced posting of a pool's journal. */
export const Posting = once(() =>
  z.object({
    postingId: Id,
    pool: PlacePath,
    kind: documentedAs<PostingKind>(),
    lines: z.array(z.object({ account: z.string(), side: z.enum(['debit', 'credit']), amount: Fen })),
    amount: Fen,
    memo: z.string(),
    at: z.string(),
    by: z.string(),
    projectId: z.string().optional(),
    disbursementId: z.string().optional(),
    sourceId: z.string().optional(),
    reverses: z.string().optional(),
  }),
);
export type Posting = z.infer<ReturnType<typeof Posting>>;

/** A posting ready to book: its lines balance (checked) and its amount is their debits. */
export function postingOf(p: Omit<Posting, 'amount'>): Posting {
  assertBalanced(p.lines);
  return { ...p, amount: amountOf(p.lines) };
}
