import * as z from 'zod';
import { once, type Refused, refused } from '@cocreate/contracts';
import { Id, IsoDateTime, PersonId, PlacePath, PointsActivity } from '@cocreate/contracts';
import { type AccountState, LotMove } from './ledger.ts';

/**
 * One line of a resident's points ledger: append-only, numbered, with the running balances after it. A correction
 * is a new `reversal` line pointing at the one it reverses; no line is ever changed.
 */
export const EntryKind = once(() =>
  z.enum([
    'credit', // 积分入账
    'debit', // 违约扣分
    'reversal', // 冲正
    'expiry', // 过期
    'hold', // 兑换预留
    'release', // 预留释放（取消/过期）
    'spend', // 兑换完成
  ]),
);
export type EntryKind = z.infer<ReturnType<typeof EntryKind>>;

export const LedgerEntry = once(() =>
  z.object({
    entryId: Id,
    seq: z.number().int().positive(),
    at: IsoDateTime,
    person: PersonId,
    village: PlacePath,
    household: PlacePath.optional(),
    kind: EntryKind(),
    /** Size of the movement (always positive; the changes below say which way). */
    points: z.number().int().positive(),
    balanceChange: z.number().int(),
    heldChange: z.number().int(),
    debtChange: z.number().int(),
    balanceAfter: z.number().int().nonnegative(),
    heldAfter: z.number().int().nonnegative(),
    debtAfter: z.number().int().nonnegative(),
    /** Lots the points went into (credit, reversal of a deduction, release) or came from (others). */
    lots: z.array(LotMove()),
    activity: PointsActivity().optional(),
    /** Points the rule gave before the period cap (credits). */
    requested: z.number().int().positive().optional(),
    capKey: z.string().optional(),
    source: z.string().optional(),
    reason: z.string().optional(),
    note: z.string().optional(),
    reverses: Id.optional(),
    redemptionId: Id.optional(),
    /** Leaderboard periods this line counts in (month, year) and how: earned or deducted points. */
    periods: z.array(z.string()).optional(),
    standing: z.object({ earned: z.number().int(), deducted: z.number().int() }).optional(),
    actor: z.string(),
  }),
);
export type LedgerEntry = z.infer<ReturnType<typeof LedgerEntry>>;

export type EntryDetails = Omit<
  LedgerEntry,
  | 'entryId'
  | 'seq'
  | 'at'
  | 'person'
  | 'village'
  | 'household'
  | 'balanceChange'
  | 'heldChange'
  | 'debtChange'
  | 'balanceAfter'
  | 'heldAfter'
  | 'debtAfter'
>;

/** The running-balance part of an entry: what changed between two states. */
export function movement(before: AccountState, after: AccountState) {
  return {
    balanceChange: after.balance - before.balance,
    heldChange: after.held - before.held,
    debtChange: after.debt - before.debt,
    balanceAfter: after.balance,
    heldAfter: after.held,
    debtAfter: after.debt,
  };
}

/**
 * Replays a person's entries in order and reports every break: a gap in numbering, or a line whose "after"
 * figures are not the previous line's plus its changes. Used by tests and the consistency check of an account.
 */
export function auditEntries(
  entries: Pick<LedgerEntry, 'seq' | 'balanceChange' | 'heldChange' | 'debtChange' | 'balanceAfter' | 'heldAfter' | 'debtAfter'>[],
): string[] {
  const out: string[] = [];
  let prev = { seq: 0, balanceAfter: 0, heldAfter: 0, debtAfter: 0 };
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (e.seq !== prev.seq + 1) out.push(`seq ${e.seq} follows ${prev.seq}`);
    if (prev.balanceAfter + e.balanceChange !== e.balanceAfter) out.push(`seq ${e.seq}: balance does not add up`);
    if (prev.heldAfter + e.heldChange !== e.heldAfter) out.push(`seq ${e.seq}: held does not add up`);
    if (prev.debtAfter + e.debtChange !== e.debtAfter) out.push(`seq ${e.seq}: debt does not add up`);
    if (e.balanceAfter < 0 || e.heldAfter < 0 || e.debtAfter < 0) out.push(`seq ${e.seq}: negative figure`);
    prev = e;
  }
  return out;
}

/** Later of two ISO instants (ledger times never run backwards, whatever clock skew a container has). */
export function laterOf(a: string, b: string | undefined): string {
  return b !== undefined && b > a ? b : a;
}

/** What became of a source fact (an event's natural key): credited, skipped (and why), or a violation's state. */
export interface SourceRecord {
  source: string;
  outcome: string;
  person?: string;
  entryId?: string;
  /** Where the entry it made is stored (a reversal reads it back). */
  entryKey?: { pk: string; sk: string };
  points?: number;
  at: string;
  eventId?: string;
  [more: string]: unknown;
}

/**
 * A cadre's manual credit (volunteering): never to themselves, never for a day after today (China time). Returns the
 * day it counts on (today when none is given).
 */
export function decideManualCredit(
  cmd: { person: string; occurredOn?: string | undefined },
  facts: { actor: string; today: string },
): { on: string } | Refused<'own-credit' | 'occurred-in-future'> {
  if (cmd.person === facts.actor) return refused('own-credit');
  const on = cmd.occurredOn ?? facts.today;
  if (on > facts.today) return refused('occurred-in-future');
  return { on };
}

/** A cadre's correction of a credit: never of their own points, only a credit, only once. */
export function decideCorrection(
  original: Pick<LedgerEntry, 'person' | 'kind'>,
  facts: { actor: string; alreadyReversed: boolean },
): true | Refused<'own-correction' | 'not-reversible' | 'already-reversed'> {
  if (original.person === facts.actor) return refused('own-correction');
  if (original.kind !== 'credit') return refused('not-reversible');
  if (facts.alreadyReversed) return refused('already-reversed');
  return true;
}
