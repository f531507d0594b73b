import { PointsCredited, PointsDebited, PointsReversed, type PointsActivity } from '@cocreate/contracts';
import { type Table, type UnitOfWork, newId } from '@cocreate/kernel';
import { type Register, addDays, chinaDay, countyOf, startOfChinaDay } from '@cocreate/places';
import { type EntryDetails, type LedgerEntry, type SourceRecord, laterOf, movement } from '../domain/entries.ts';
import { boardPeriods, nextStanding } from '../domain/leaderboard.ts';
import { onViolationOverturned, onViolationRecorded, violationSource } from '../domain/violations.ts';
import { type AccountRecord, type AccountState, type LotSpec, credit, debit, emptyAccount, lotId, nextExpiry } from '../domain/ledger.ts';
import { type EffectiveRules, capKeyOf, earn, effectiveRules } from '../domain/rules.ts';
import { accounts, boards, caps, entries, entryKey } from '../repos/accounts.ts';
import { rules } from '../repos/rules.ts';
import { sources } from '../repos/sources.ts';

/**
 * Posting to the points ledger (the use cases every change of points goes through): read the account, apply a pure
 * ledger operation, and record on the unit of work the new account (versioned: a concurrent change to the same person
 * makes the whole change recompute), one entry with the running balances, the leaderboard rows and the event. Shared
 * by the event consumers, the routes and the jobs so every change to points goes through the same few lines.
 */
export interface PostingContext {
  table: Table;
  register: Register;
  tx: UnitOfWork;
  now(): Date;
  /** Who is acting (token subject, or the service for events and jobs). */
  actor: string;
}

export interface Holder {
  person: string;
  village: string;
  household?: string;
}

export interface LoadedAccount {
  record: AccountRecord | undefined;
  /** The version the account was read at (the write is conditional on it). */
  version: number | undefined;
  state: AccountState;
  holder: Holder;
}

/** The account, or an empty one for a person seen for the first time (their household from the register). */
export async function loadAccount(ctx: Pick<PostingContext, 'table' | 'register'>, who: Holder): Promise<LoadedAccount> {
  const stored = await accounts.get(ctx.table, who.person);
  const record = stored?.value;
  const household = record?.household ?? who.household ?? (await ctx.register.person(who.person))?.household;
  const holder: Holder = { person: who.person, village: record?.village ?? who.village, ...(household ? { household } : {}) };
  const state: AccountState = record
    ? { balance: record.balance, held: record.held, debt: record.debt, lots: record.lots }
    : emptyAccount();
  return { record, version: stored?.version, state, holder };
}

/** Records the new state and its ledger entry; returns the entry. */
export function append(ctx: PostingContext, loaded: LoadedAccount, after: AccountState, details: EntryDetails): LedgerEntry {
  const seq = (loaded.record?.seq ?? 0) + 1;
  const at = laterOf(ctx.now().toISOString(), loaded.record?.lastAt);
  const entry: LedgerEntry = {
    entryId: newId(),
    seq,
    at,
    person: loaded.holder.person,
    village: loaded.holder.village,
    ...(loaded.holder.household ? { household: loaded.holder.household } : {}),
    ...movement(loaded.state, after),
    ...details,
  };
  accounts.write(
    ctx.tx,
    {
      person: loaded.holder.person,
      village: loaded.holder.village,
      ...(loaded.holder.household ? { household: loaded.holder.household } : {}),
      balance: after.balance,
      held: after.held,
      debt: after.debt,
      lots: after.lots,
      seq,
      lastAt: at,
    },
    loaded.version,
    nextExpiry(after),
  );
  entries.create(ctx.tx, entry);
  return entry;
}

/**
 * Moves the standings an entry changes (the person's and their household's, for its month and year). A person's rows
 * change only with their versioned account; a household's rows are versioned too, since members post at once.
 */
export async function recordStanding(ctx: PostingContext, entry: LedgerEntry): Promise<void> {
  if (!entry.standing || !entry.periods) return;
  const rows = entry.periods.flatMap((period) => [
    { village: entry.village, period, by: 'person' as const, subject: entry.person },
    ...(entry.household ? [{ village: entry.village, period, by: 'household' as const, subject: entry.household }] : []),
  ]);
  const found = await boards.getMany(ctx.table, rows);
  for (const row of rows) {
    const current = found.get(boards.keyOf(row));
    boards.save(ctx.tx, nextStanding(current?.value, row, entry.standing, newId), current?.version);
  }
}

export async function rulesFor(ctx: Pick<PostingContext, 'table' | 'register'>, village: string): Promise<EffectiveRules> {
  const county = await countyOf(ctx.register, village);
  const found = await rules.getMany(ctx.table, county ? [county, village] : [village]);
  return effectiveRules(county ? found.get(county) : undefined, found.get(village));
}

/** The lot points credited now go into: today's (China time), expiring after the village's configured age. */
export function todaysLot(now: Date, r: Pick<EffectiveRules, 'expiryDays'>): LotSpec {
  const creditedOn = chinaDay(now);
  const expiresOn = addDays(creditedOn, r.expiryDays);
  return { lot: lotId(creditedOn, expiresOn), expiresAt: startOfChinaDay(expiresOn) };
}

export interface CreditRequest extends Holder {
  activity: PointsActivity;
  /** Occurrences (1) or hours for labour. */
  units: number;
  /** The source fact's natural key: the same fact credits at most once, whatever event or request brings it. */
  source: string;
  /** When the activity happened: it decides the cap period and the leaderboard periods. */
  occurredAt: string;
  note?: string;
  eventId?: string;
  /**
   * Points per unit set by the activity itself (a volunteer activity's points per hour), in place of the rule's;
   * the village's cap still applies, and an activity the rules switched off (0 points) still earns nothing.
   */
  pointsPerUnit?: number;
}

export type CreditOutcome =
  | { outcome: 'credited'; entry: LedgerEntry }
  | { outcome: 'duplicate'; previous: SourceRecord }
  | { outcome: 'capped' | 'no-points'; requested: number };

/** Credits an activity once: rules and caps of the person's village, debt cleared first, leaderboard updated. */
export async function creditActivity(ctx: PostingContext, req: CreditRequest): Promise<CreditOutcome> {
  // Independent reads in parallel: every retried attempt under contention is that much shorter.
  const [previous, loaded, r] = await Promise.all([sources.get(ctx.table, req.source), loadAccount(ctx, req), rulesFor(ctx, req.village)]);
  if (previous) return { outcome: 'duplicate', previous };
  const configured = r.activities[req.activity];
  const rule = req.pointsPerUnit !== undefined && configured.points > 0 ? { ...configured, points: req.pointsPerUnit } : configured;
  const cap = capKeyOf(rule, req.activity, req.occurredAt);
  const used = cap ? await caps.used(ctx.table, req.person, cap) : 0;
  const e = earn(rule, req.activity, req.units, req.occurredAt, used);
  const at = ctx.now().toISOString();
  const base = { source: req.source, person: req.person, at, ...(req.eventId ? { eventId: req.eventId } : {}) };
  if (e.points === 0) {
    const outcome = e.requested === 0 ? 'no-points' : 'capped';
    sources.create(ctx.tx, { ...base, outcome, requested: e.requested });
    return { outcome, requested: e.requested };
  }
  const result = credit(loaded.state, e.points, todaysLot(ctx.now(), r));
  const entry = append(ctx, loaded, result.state, {
    kind: 'credit',
    points: e.points,
    lots: result.placed,
    activity: req.activity,
    requested: e.requested,
    ...(e.capKey ? { capKey: e.capKey } : {}),
    source: req.source,
    ...(req.note ? { note: req.note } : {}),
    periods: boardPeriods(req.occurredAt),
    standing: { earned: e.points, deducted: 0 },
    actor: ctx.actor,
  });
  await recordStanding(ctx, entry);
  if (e.capKey) caps.add(ctx.tx, req.person, e.capKey, e.points);
  sources.create(ctx.tx, { ...base, outcome: 'credited', entryId: entry.entryId, entryKey: entryKey(entry), points: e.points });
  ctx.tx.emit(
    PointsCredited,
    {
      entryId: entry.entryId,
      person: entry.person,
      village: entry.village,
      ...(entry.household ? { household: entry.household } : {}),
      activity: req.activity,
      points: e.points,
      requested: e.requested,
      debtCleared: result.debtCleared,
      balanceAfter: entry.balanceAfter,
      source: req.source,
    },
    { place: entry.village },
  );
  return { outcome: 'credited', entry };
}

export interface ViolationFacts extends Holder {
  violationId: string;
  points: number;
  occurredOn: string;
  eventId?: string;
}

/**
 * A violation's deduction (the compact article's handling). Order-tolerant with its overturning: if the overturn
 * arrived first, the source record says so and nothing is deducted.
 */
export async function deductForViolation(
  ctx: PostingContext,
  v: ViolationFacts,
): Promise<'deducted' | 'duplicate' | 'overturned-first' | 'no-deduction'> {
  const source = violationSource(v.violationId);
  const step = onViolationRecorded(await sources.get(ctx.table, source), v.points);
  const at = ctx.now().toISOString();
  if (step === 'duplicate') return step;
  if (step === 'overturned-first') {
    sources.transition(ctx.tx, source, 'overturned', { recordedAt: at, points: v.points });
    return step;
  }
  const base = { source, person: v.person, at, ...(v.eventId ? { eventId: v.eventId } : {}) };
  if (step === 'no-deduction') {
    sources.create(ctx.tx, { ...base, outcome: 'no-deduction', recordedAt: at });
    return step;
  }
  const loaded = await loadAccount(ctx, v);
  const result = debit(loaded.state, v.points);
  const periods = boardPeriods(`${v.occurredOn}T12:00:00+08:00`);
  const entry = append(ctx, loaded, result.state, {
    kind: 'debit',
    points: v.points,
    lots: result.taken,
    reason: 'violation',
    source,
    periods,
    standing: { earned: 0, deducted: v.points },
    actor: ctx.actor,
  });
  await recordStanding(ctx, entry);
  sources.create(ctx.tx, {
    ...base,
    outcome: 'deducted',
    recordedAt: at,
    entryId: entry.entryId,
    entryKey: entryKey(entry),
    points: v.points,
  });
  ctx.tx.emit(
    PointsDebited,
    {
      entryId: entry.entryId,
      person: entry.person,
      village: entry.village,
      ...(entry.household ? { household: entry.household } : {}),
      reason: 'violation',
      points: v.points,
      fromBalance: result.fromBalance,
      toDebt: result.toDebt,
      balanceAfter: entry.balanceAfter,
      debtAfter: entry.debtAfter,
      source,
    },
    { place: entry.village },
  );
  return 'deducted';
}

/**
 * An overturned violation: reverse its deduction with a reversing entry (debt cancelled first, then the points
 * go back into the lots they were taken from, the rest into today's lot). If the violation has not arrived yet,
 * leave a record that it was overturned so its deduction is never made.
 */
export async function reverseViolation(
  ctx: PostingContext,
  v: Holder & { violationId: string; eventId?: string },
): Promise<'reversed' | 'duplicate' | 'overturned-first' | 'nothing-to-reverse'> {
  const source = violationSource(v.violationId);
  const step = onViolationOverturned(await sources.get(ctx.table, source));
  const at = ctx.now().toISOString();
  if (step.step === 'duplicate') return 'duplicate';
  if (step.step === 'overturned-first') {
    sources.create(ctx.tx, {
      source,
      person: v.person,
      at,
      outcome: 'overturned',
      overturnedAt: at,
      ...(v.eventId ? { eventId: v.eventId } : {}),
    });
    return 'overturned-first';
  }
  if (step.step === 'nothing-to-reverse') {
    sources.transition(ctx.tx, source, 'no-deduction', { outcome: 'overturned', overturnedAt: at });
    return 'nothing-to-reverse';
  }
  const deduction = await entries.at(ctx.table, step.entryKey);
  if (!deduction) throw new Error(`deduction entry of ${source} is missing`);
  const loaded = await loadAccount(ctx, { person: deduction.person, village: deduction.village });
  const r = await rulesFor(ctx, loaded.holder.village);
  const result = credit(loaded.state, deduction.points, todaysLot(ctx.now(), r), deduction.lots);
  const entry = append(ctx, loaded, result.state, {
    kind: 'reversal',
    points: deduction.points,
    lots: result.placed,
    reason: 'violation-overturned',
    source,
    reverses: deduction.entryId,
    ...(deduction.periods ? { periods: deduction.periods } : {}),
    standing: { earned: 0, deducted: -deduction.points },
    actor: ctx.actor,
  });
  await recordStanding(ctx, entry);
  sources.transition(ctx.tx, source, 'deducted', { outcome: 'reversed', overturnedAt: at, reversalId: entry.entryId });
  emitReversal(ctx, entry, deduction.entryId, 'violation-overturned');
  return 'reversed';
}

/** A cadre's correction of a wrong credit: a reversing debit (from the credited lot first; any shortfall is debt). */
export async function reverseCredit(ctx: PostingContext, original: LedgerEntry, note: string): Promise<LedgerEntry> {
  const loaded = await loadAccount(ctx, { person: original.person, village: original.village });
  const result = debit(loaded.state, original.points, original.lots[original.lots.length - 1]?.lot);
  const entry = append(ctx, loaded, result.state, {
    kind: 'reversal',
    points: original.points,
    lots: result.taken,
    reason: 'correction',
    note,
    reverses: original.entryId,
    ...(original.source ? { source: original.source } : {}),
    ...(original.periods ? { periods: original.periods } : {}),
    standing: { earned: -original.points, deducted: 0 },
    actor: ctx.actor,
  });
  await recordStanding(ctx, entry);
  // The cap room the wrong credit used is given back.
  if (original.capKey) caps.add(ctx.tx, original.person, original.capKey, -original.points);
  sources.create(ctx.tx, {
    source: `reversal:${original.entryId}`,
    outcome: 'reversed',
    person: original.person,
    at: entry.at,
    entryId: entry.entryId,
  });
  emitReversal(ctx, entry, original.entryId, 'correction');
  return entry;
}

function emitReversal(ctx: PostingContext, entry: LedgerEntry, reverses: string, reason: 'violation-overturned' | 'correction'): void {
  ctx.tx.emit(
    PointsReversed,
    {
      entryId: entry.entryId,
      reverses,
      person: entry.person,
      village: entry.village,
      reason,
      netChange: entry.balanceChange - entry.debtChange,
      balanceAfter: entry.balanceAfter,
      debtAfter: entry.debtAfter,
    },
    { place: entry.village },
  );
}
