import { EarningRulesChanged, type PointsActivity } from '@cocreate/contracts';
import { type RouteContext, newId, problems, reply } from '@cocreate/kernel';
import { chinaDay, maskName, periodBounds } from '@cocreate/places';
import { type LedgerEntry, decideCorrection, decideManualCredit } from '../domain/entries.ts';
import { ranksOf, scoreOf } from '../domain/leaderboard.ts';
import { type RulesOverride, type RulesRecord, decideRules, effectiveRules } from '../domain/rules.ts';
import { accounts, boards, entries } from '../repos/accounts.ts';
import { auditEntry } from '../domain/settings.ts';
import { audit } from '../repos/audit.ts';
import { rules } from '../repos/rules.ts';
import { sources } from '../repos/sources.ts';
import { STEWARDS, holdsAny, listedVillage, namesOf, personOnce, refuse, refuseFields, settled } from './common.ts';
import { type PostingContext, creditActivity, reverseCredit } from './posting.ts';
import { countyOf } from '@cocreate/places';

/** Points: earning rules, manual credits and corrections, statements, household views, leaderboards, source facts. */

/** The posting context of a request: its table, register, unit of work and the caller as actor. */
export const posting = (ctx: RouteContext): PostingContext => ({
  table: ctx.table,
  register: ctx.register,
  tx: ctx.tx,
  now: ctx.now,
  actor: ctx.actor.sub,
});

/** The account as read in this attempt (the place check and the use case share one read). */
const accountOnce = (ctx: RouteContext, person: string) => ctx.once(`account:${person}`, () => accounts.get(ctx.table, person));

/** The village a person lives in: the register's, else their account's (people who moved away keep their ledger). */
export const villageOfPerson = async (person: string, ctx: RouteContext): Promise<string | undefined> =>
  (await personOnce(ctx, person))?.village ?? (await accountOnce(ctx, person))?.value.village;

/** The register's village of a person (the place check of a credit). */
export const registeredVillage = async (person: string, ctx: RouteContext): Promise<string | undefined> =>
  (await personOnce(ctx, person))?.village;

// ---------------------------------------------------------------------------------------------------------------
// Earning rules
// ---------------------------------------------------------------------------------------------------------------

/** The audited value of a rule set: what the change is about, without who and when. */
const rulesValue = (r: RulesOverride) => ({
  activities: r.activities,
  ...(r.expiryDays !== undefined ? { expiryDays: r.expiryDays } : {}),
  ...(r.holdDays !== undefined ? { holdDays: r.holdDays } : {}),
});

/**
 * Sets a county's rules or a village's overrides (the whole set replaces the last), with the reason: the change is
 * kept in the rules' history with the set before and after, and published (EarningRulesChanged).
 */
export async function setEarningRules(cmd: RulesOverride & { scope: string; reason: string }, ctx: RouteContext): Promise<RulesRecord> {
  const [place, stored] = await Promise.all([ctx.register.place(cmd.scope), rules.get(ctx.table, cmd.scope)]);
  const { reason, ...override } = cmd;
  const record = settled(
    decideRules(
      { ...override, updatedAt: ctx.now().toISOString(), updatedBy: ctx.actor.sub, reason },
      { scopeKind: place?.kind, countyOfficial: holdsAny(ctx.identity, ['county-official'], cmd.scope) },
    ),
  );
  rules.put(ctx.tx, record, stored?.version);
  const entry = auditEntry({
    changeId: newId(),
    setting: 'earning-rules',
    scope: cmd.scope,
    before: stored ? rulesValue(stored.value) : undefined,
    after: rulesValue(record),
    by: ctx.actor.sub,
    now: ctx.now(),
    reason,
  });
  audit.record(ctx.tx, entry);
  ctx.tx.emit(
    EarningRulesChanged,
    {
      changeId: entry.changeId,
      scope: cmd.scope,
      ...(entry.before ? { before: entry.before } : {}),
      after: entry.after,
      changedBy: entry.changedBy,
      changedAt: entry.changedAt,
      reason,
    },
    { place: cmd.scope },
  );
  return record;
}

export async function earningRulesIn(village: string, ctx: RouteContext) {
  await listedVillage(ctx, village);
  const county = await countyOf(ctx.register, village);
  const [c, v] = await Promise.all([county ? rules.get(ctx.table, county) : undefined, rules.get(ctx.table, village)]);
  return { village, ...(county ? { county } : {}), ...effectiveRules(c?.value, v?.value) };
}

/** Every change of a county's rules or a village's overrides, newest first: before, after, who, when, why. */
export const earningRulesHistory = (query: { scope: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) =>
  audit.history<ReturnType<typeof rulesValue>>(ctx.table, 'earning-rules', query.scope, query);

// ---------------------------------------------------------------------------------------------------------------
// Manual credits (volunteering) and corrections
// ---------------------------------------------------------------------------------------------------------------

export async function creditPoints(
  cmd: {
    person: string;
    activity: Extract<PointsActivity, 'volunteering'>;
    reference: string;
    occurredOn?: string | undefined;
    note: string;
  },
  ctx: RouteContext,
) {
  const decided = decideManualCredit(cmd, { actor: ctx.actor.sub, today: chinaDay(ctx.now()) });
  if ('refused' in decided && decided.refused === 'occurred-in-future') {
    throw refuseFields('occurred-in-future', [
      {
        in: 'body',
        pointer: '/occurredOn',
        rule: 'not-future',
        message: { zh: '不能晚于今天（北京时间）', en: 'must not be after today (China time)' },
      },
    ]);
  }
  const { on } = settled(decided);
  const village = (await registeredVillage(cmd.person, ctx))!;
  const out = await creditActivity(posting(ctx), {
    person: cmd.person,
    village,
    activity: cmd.activity,
    units: 1,
    source: `manual:${cmd.activity}:${cmd.reference}:${cmd.person}`,
    occurredAt: `${on}T12:00:00+08:00`,
    note: cmd.note,
  });
  if (out.outcome === 'duplicate') throw refuse('already-credited', { entryId: out.previous.entryId });
  if (out.outcome === 'credited')
    return { outcome: 'credited' as const, requested: out.entry.requested ?? out.entry.points, entry: out.entry };
  return reply({ outcome: out.outcome, requested: out.requested }, { status: 200 });
}

/** The entry as read in this attempt (the place check and the use case share one read). */
const entryOnce = (ctx: RouteContext, entryId: string) => ctx.once(`entry:${entryId}`, () => entries.byId(ctx.table, entryId));

/** The village of a ledger entry (the place check of a correction). */
export const entryVillage = async (entryId: string, ctx: RouteContext): Promise<string | undefined> =>
  (await entryOnce(ctx, entryId))?.village;

/** Corrects a wrong credit with a reversing entry (冲正). */
export async function correctCredit(cmd: { entryId: string; reason: string }, ctx: RouteContext): Promise<LedgerEntry> {
  const original = (await entryOnce(ctx, cmd.entryId))!;
  const reversed = original.kind === 'credit' && !!(await sources.get(ctx.table, `reversal:${original.entryId}`));
  settled(decideCorrection(original, { actor: ctx.actor.sub, alreadyReversed: reversed }));
  return reverseCredit(posting(ctx), original, cmd.reason);
}

// ---------------------------------------------------------------------------------------------------------------
// Statements, household view, leaderboards, source facts
// ---------------------------------------------------------------------------------------------------------------

const figuresAfter = (e: LedgerEntry | undefined) =>
  e ? { balance: e.balanceAfter, held: e.heldAfter, debt: e.debtAfter } : { balance: 0, held: 0, debt: 0 };

/** A resident's statement (积分明细): balances, lots and a page of entries, optionally for a month or year. */
export async function statementOf(
  person: string,
  query: { period?: string | undefined; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
) {
  const account = (await accountOnce(ctx, person))?.value;
  const village = account?.village ?? (await personOnce(ctx, person))!.village;
  if (person !== ctx.actor.sub && !holdsAny(ctx.identity, STEWARDS, village)) throw refuse('not-your-statement');
  const bounds = query.period ? periodBounds(query.period) : undefined;
  const page = await entries.page(ctx.table, person, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(bounds ?? {}),
  });
  const household = account?.household ?? (await personOnce(ctx, person))?.household;
  const base = {
    person,
    village,
    ...(household ? { household } : {}),
    balance: account?.balance ?? 0,
    held: account?.held ?? 0,
    debt: account?.debt ?? 0,
    lots: account?.lots ?? [],
    entries: page.items,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
  if (!bounds) return base;
  const [opening, closing] = await Promise.all([
    entries.lastBefore(ctx.table, person, bounds.from),
    entries.lastBefore(ctx.table, person, bounds.to),
  ]);
  return { ...base, period: query.period, opening: figuresAfter(opening), closing: figuresAfter(closing) };
}

/** A household's points: each member's figures and the total (members and the village's stewards). */
export async function householdPoints(household: string, ctx: RouteContext) {
  const [hh, me] = await Promise.all([ctx.register.household(household), personOnce(ctx, ctx.actor.sub)]);
  if (!hh) throw problems.notFound({ zh: '该户', en: 'The household' });
  if (me?.household !== hh.path && !holdsAny(ctx.identity, STEWARDS, hh.village)) throw refuse('not-your-household');
  const [memberAccounts, names] = await Promise.all([accounts.getMany(ctx.table, hh.members), namesOf(ctx.register, hh.members)]);
  const found = new Map(memberAccounts.map((a) => [a.person, a]));
  const members = hh.members.map((p) => {
    const a = found.get(p);
    return { person: p, name: names.get(p) ?? maskName(p), balance: a?.balance ?? 0, held: a?.held ?? 0, debt: a?.debt ?? 0 };
  });
  const total = members.reduce((t, m) => ({ balance: t.balance + m.balance, held: t.held + m.held, debt: t.debt + m.debt }), {
    balance: 0,
    held: 0,
    debt: 0,
  });
  return { household: hh.path, head: hh.head, members, total };
}

/**
 * A village's leaderboard (积分榜) for a month or a year, by resident or by household: the top `limit` standings read
 * from the ranking index (never every row of the village). Rows carry their opaque `key` and a masked name (a
 * household's is its head's) — never a person id or a household path.
 */
export async function leaderboard(
  query: { village: string; period: string; by: 'person' | 'household'; limit: number },
  ctx: RouteContext,
) {
  await listedVillage(ctx, query.village);
  const top = await boards.top(ctx.table, query.village, query.period, query.by, query.limit);
  const whose = await Promise.all(
    top.map(async (r) => (r.by === 'household' ? (await ctx.register.household(r.subject))?.head : r.subject)),
  );
  const names = await namesOf(
    ctx.register,
    whose.flatMap((p) => p ?? []),
  );
  const rows = ranksOf(
    top.map((r, i) => ({ key: r.ref, name: names.get(whose[i] ?? '') ?? '*', score: scoreOf(r), earned: r.earned, deducted: r.deducted })),
  );
  return { village: query.village, period: query.period, by: query.by, rows };
}

/** The source record as read in this attempt (the place check and the use case share one read). */
const sourceOnce = (ctx: RouteContext, source: string) => ctx.once(`source:${source}`, () => sources.get(ctx.table, source));

/** The village of the person a source fact concerns (the place check of reading it). */
export async function sourceVillage(source: string, ctx: RouteContext): Promise<string | undefined> {
  const person = (await sourceOnce(ctx, source))?.person;
  return person ? villageOfPerson(person, ctx) : undefined;
}

/** What became of a source fact (credited, capped, skipped, deducted, overturned…). */
export async function sourceFact(source: string, ctx: RouteContext) {
  const { entryKey: _k, ...record } = (await sourceOnce(ctx, source))!;
  return record;
}
