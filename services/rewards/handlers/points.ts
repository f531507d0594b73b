import { z } from 'zod';
import { Id, IsoDate, PersonId, PlacePath, PointsActivity, says } from '@cocreate/contracts';
import { type RouteContext, defineRoute, problems, reply } from '@cocreate/kernel';
import { chinaDay, maskName, periodBounds } from '@cocreate/places';
import { LedgerEntry } from '../domain/entries.ts';
import { Lot } from '../domain/ledger.ts';
import { rank } from '../domain/leaderboard.ts';
import { ActivityRule, RulesOverride, effectiveRules } from '../domain/rules.ts';
import { accounts, boards, entries, rules, sources } from '../store.ts';
import { Page, Period, STEWARDS, holdsAny, namesOf, personOnce, posting } from './common.ts';
import { countyOf, creditActivity, reverseCredit } from './posting.ts';

const READERS = ['resident', ...STEWARDS] as const;

// ---------------------------------------------------------------------------------------------------------------
// Earning rules
// ---------------------------------------------------------------------------------------------------------------

const RulesBody = RulesOverride.extend({ scope: PlacePath.describe('A county (its rules) or a village/community (its overrides)') });

const StoredRules = RulesOverride.extend({ scope: PlacePath, updatedAt: z.string(), updatedBy: z.string() });

export const putEarningRules = defineRoute({
  method: 'PUT',
  path: '/rewards/earning-rules',
  operationId: 'putEarningRules',
  summary: 'Set a county’s earning rules or a village’s overrides (积分规则); activities not set fall back',
  auth: { roles: ['county-official', 'township-official', 'cadre'], place: ({ body }) => body.scope },
  body: RulesBody,
  response: StoredRules,
  handler: async ({ body }, ctx) => {
    const kind = (await ctx.register.place(body.scope))?.kind;
    if (kind === 'county') {
      if (!holdsAny(ctx.identity, ['county-official'], body.scope)) {
        throw problems.forbidden({ zh: '县级积分规则只能由县级部门设置。', en: 'Only county officials set a county’s rules.' });
      }
    } else if (kind !== 'village' && kind !== 'community') {
      throw problems.rule('scope-not-county-or-village', {
        zh: '积分规则只能按县设置，或按村/社区覆盖。',
        en: 'Rules are set for a county, or overridden for a village or community.',
      });
    }
    const record = { ...body, updatedAt: ctx.now().toISOString(), updatedBy: ctx.actor.sub };
    rules.put(ctx.tx, record);
    return record;
  },
});

export const getEarningRules = defineRoute({
  method: 'GET',
  path: '/rewards/earning-rules',
  operationId: 'getEarningRules',
  summary: 'The earning rules in force in a village: defaults, then county rules, then the village’s overrides',
  auth: { roles: [...READERS, 'merchant'], place: ({ query }) => query.village },
  query: z.object({ village: PlacePath }),
  response: z.object({
    village: PlacePath,
    county: PlacePath.optional(),
    activities: z.record(PointsActivity, ActivityRule),
    origin: z.record(PointsActivity, z.enum(['default', 'county', 'village'])),
    expiryDays: z.number().int(),
    holdDays: z.number().int(),
  }),
  handler: async ({ query }, ctx) => {
    const county = await countyOf(ctx.register, query.village);
    const [c, v] = await Promise.all([county ? rules.get(ctx.table, county) : undefined, rules.get(ctx.table, query.village)]);
    return { village: query.village, ...(county ? { county } : {}), ...effectiveRules(c, v) };
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Manual credits (volunteering) and corrections
// ---------------------------------------------------------------------------------------------------------------

const ManualCredit = z.object({
  person: PersonId,
  activity: z.enum(['volunteering']).default('volunteering'),
  /** The activity's own reference (a canteen shift, a clean-up day): one credit per person and reference. */
  reference: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/, says({ zh: '字母、数字和 . _ : -', en: 'letters, digits and . _ : -' })),
  occurredOn: IsoDate.optional(),
  note: z.string().trim().min(1).max(500),
});

const CreditResponse = z.object({
  outcome: z.enum(['credited', 'capped', 'no-points']),
  requested: z.number().int().nonnegative(),
  entry: LedgerEntry.optional(),
});

const personVillage = async (ctx: RouteContext, person: string) => (await personOnce(ctx, person))?.village;

export const creditPoints = defineRoute({
  method: 'POST',
  path: '/rewards/credits',
  operationId: 'creditPoints',
  summary: 'Credit points for volunteering attendance (志愿服务签到) — cadres and grid workers, never to themselves',
  auth: { roles: ['cadre', 'grid-worker'], place: ({ body }, ctx) => personVillage(ctx, body.person) },
  body: ManualCredit,
  response: CreditResponse,
  status: 201,
  alsoAnswers: { 200: 'Nothing credited (capped, or the activity earns no points): the outcome and the points asked for' },
  idempotent: true,
  handler: async ({ body }, ctx) => {
    if (body.person === ctx.actor.sub) {
      throw problems.forbidden({ zh: '不能给自己记积分。', en: 'You cannot credit points to yourself.' });
    }
    const today = chinaDay(ctx.now());
    const on = body.occurredOn ?? today;
    if (on > today) {
      throw problems.rule('occurred-in-future', { zh: '活动日期不能晚于今天。', en: 'The activity date cannot be in the future.' }, {}, [
        {
          in: 'body',
          pointer: '/occurredOn',
          rule: 'not-future',
          message: { zh: '不能晚于今天（北京时间）', en: 'must not be after today (China time)' },
        },
      ]);
    }
    const village = (await personVillage(ctx, body.person))!;
    const out = await creditActivity(posting(ctx), {
      person: body.person,
      village,
      activity: body.activity,
      units: 1,
      source: `manual:${body.activity}:${body.reference}:${body.person}`,
      occurredAt: `${on}T12:00:00+08:00`,
      note: body.note,
    });
    if (out.outcome === 'duplicate') {
      throw problems.conflict(
        'already-credited',
        {
          zh: '该居民已就此活动记过积分。',
          en: 'This person was already credited for this activity.',
        },
        { entryId: out.previous.entryId },
      );
    }
    if (out.outcome === 'credited')
      return { outcome: 'credited' as const, requested: out.entry.requested ?? out.entry.points, entry: out.entry };
    return reply({ outcome: out.outcome, requested: out.requested }, { status: 200 });
  },
});

export const reversePoints = defineRoute({
  method: 'POST',
  path: '/rewards/reversals',
  operationId: 'reversePoints',
  summary: 'Correct a wrong credit with a reversing entry (冲正); deductions are reversed only by an overturned violation',
  auth: {
    roles: ['cadre'],
    place: async ({ body }, ctx) => (await entries.byId(ctx.table, body.entryId))?.village,
  },
  body: z.object({ entryId: Id, reason: z.string().trim().min(1).max(500) }),
  response: LedgerEntry,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const original = (await entries.byId(ctx.table, body.entryId))!;
    if (original.person === ctx.actor.sub) {
      throw problems.forbidden({ zh: '不能更正自己的积分。', en: 'You cannot correct your own points.' });
    }
    if (original.kind !== 'credit') {
      throw problems.rule('not-reversible', {
        zh: '只有积分入账可以冲正；违约扣分须经道德评议会撤销。',
        en: 'Only credits can be corrected; a deduction is reversed when its violation is overturned.',
      });
    }
    if (await sources.get(ctx.table, `reversal:${original.entryId}`)) {
      throw problems.conflict('already-reversed', { zh: '该笔积分已冲正。', en: 'This entry was already reversed.' });
    }
    return reverseCredit(posting(ctx), original, body.reason);
  },
});

// ---------------------------------------------------------------------------------------------------------------
// Statements, household view, leaderboards
// ---------------------------------------------------------------------------------------------------------------

const Figures = z.object({ balance: z.number().int(), held: z.number().int(), debt: z.number().int() });

const Statement = z.object({
  person: PersonId,
  village: PlacePath,
  household: PlacePath.optional(),
  ...Figures.shape,
  /** Upcoming expiries, oldest lot first. */
  lots: z.array(Lot),
  period: z.string().optional(),
  opening: Figures.optional(),
  closing: Figures.optional(),
  entries: z.array(LedgerEntry),
  cursor: z.string().optional(),
});

const figuresAfter = (e: LedgerEntry | undefined) =>
  e ? { balance: e.balanceAfter, held: e.heldAfter, debt: e.debtAfter } : { balance: 0, held: 0, debt: 0 };

export const getStatement = defineRoute({
  method: 'GET',
  path: '/rewards/accounts/{person}/statement',
  operationId: 'getPointsStatement',
  summary: 'A resident’s points statement (积分明细): balances, lots and entries, optionally for a month or year',
  auth: {
    roles: [...READERS],
    place: async ({ params }, ctx) => (await personVillage(ctx, params.person)) ?? (await accounts.get(ctx.table, params.person))?.village,
  },
  params: z.object({ person: PersonId }),
  query: z.object({ period: Period.optional(), ...Page }),
  response: Statement,
  handler: async ({ params, query }, ctx) => {
    const account = await accounts.get(ctx.table, params.person);
    const village = account?.village ?? (await personVillage(ctx, params.person))!;
    if (params.person !== ctx.actor.sub && !holdsAny(ctx.identity, STEWARDS, village)) {
      throw problems.forbidden({ zh: '只能查看自己的积分明细。', en: 'You may only read your own statement.' });
    }
    const bounds = query.period ? periodBounds(query.period) : undefined;
    const page = await entries.page(ctx.table, params.person, {
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(bounds ?? {}),
    });
    const household = account?.household ?? (await personOnce(ctx, params.person))?.household;
    const base = {
      person: params.person,
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
      entries.lastBefore(ctx.table, params.person, bounds.from),
      entries.lastBefore(ctx.table, params.person, bounds.to),
    ]);
    return { ...base, period: query.period, opening: figuresAfter(opening), closing: figuresAfter(closing) };
  },
});

export const getHouseholdPoints = defineRoute({
  method: 'GET',
  path: '/rewards/household-points',
  operationId: 'getHouseholdPoints',
  summary: 'A household’s points: each member’s balance and the household total (members and village stewards)',
  auth: { roles: [...READERS], place: ({ query }) => query.household },
  query: z.object({ household: PlacePath }),
  response: z.object({
    household: PlacePath,
    head: PersonId,
    members: z.array(z.object({ person: PersonId, name: z.string(), ...Figures.shape })),
    total: Figures,
  }),
  handler: async ({ query }, ctx) => {
    const [hh, me] = await Promise.all([ctx.register.household(query.household), personOnce(ctx, ctx.actor.sub)]);
    if (!hh) throw problems.notFound({ zh: '该户', en: 'The household' });
    if (me?.household !== hh.path && !holdsAny(ctx.identity, STEWARDS, hh.village)) {
      throw problems.forbidden({ zh: '只能查看本户的积分。', en: 'You may only read your own household’s points.' });
    }
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
  },
});

export const getLeaderboard = defineRoute({
  method: 'GET',
  path: '/rewards/leaderboard',
  operationId: 'getLeaderboard',
  summary: 'A village’s points leaderboard (积分榜) for a month or a year, by resident or by household; names masked',
  auth: { roles: [...READERS], place: ({ query }) => query.village },
  query: z.object({
    village: PlacePath,
    period: Period,
    by: z.enum(['person', 'household']).default('person'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  }),
  response: z.object({
    village: PlacePath,
    period: z.string(),
    by: z.enum(['person', 'household']),
    rows: z.array(
      z.object({
        rank: z.number().int().positive(),
        key: z.string(),
        name: z.string(),
        score: z.number().int(),
        earned: z.number().int(),
        deducted: z.number().int(),
      }),
    ),
  }),
  handler: async ({ query }, ctx) => {
    const rows = await boards.list(ctx.table, query.village, query.period);
    const ranked = rank(rows, query.by).slice(0, query.limit);
    // By household, the row names its head.
    const heads =
      query.by === 'household' ? new Map((await ctx.register.households(query.village)).map((h) => [h.path, h.head])) : undefined;
    const personOf = (key: string) => (heads ? heads.get(key) : key);
    const names = await namesOf(
      ctx.register,
      ranked.flatMap((r) => personOf(r.key) ?? []),
    );
    const nameOf = (key: string) => names.get(personOf(key) ?? '') ?? '*';
    return { village: query.village, period: query.period, by: query.by, rows: ranked.map((r) => ({ ...r, name: nameOf(r.key) })) };
  },
});

export const getSourceFact = defineRoute({
  method: 'GET',
  path: '/rewards/source-facts',
  operationId: 'getSourceFact',
  summary: 'What became of a source fact (credited, capped, skipped, deducted, overturned…): “why no points for this?”',
  auth: {
    roles: [...STEWARDS],
    place: async ({ query }, ctx) => {
      const person = (await sources.get(ctx.table, query.source))?.person;
      return person ? ((await personVillage(ctx, person)) ?? (await accounts.get(ctx.table, person))?.village) : undefined;
    },
  },
  query: z.object({ source: z.string().min(1).max(300) }),
  response: z
    .object({
      source: z.string(),
      outcome: z.string(),
      person: z.string().optional(),
      entryId: z.string().optional(),
      points: z.number().optional(),
      at: z.string(),
    })
    .loose(),
  handler: async ({ query }, ctx) => {
    const { entryKey: _k, ...record } = (await sources.get(ctx.table, query.source))!;
    return record;
  },
});

export const pointsRoutes = [
  putEarningRules,
  getEarningRules,
  creditPoints,
  reversePoints,
  getStatement,
  getHouseholdPoints,
  getLeaderboard,
  getSourceFact,
];
