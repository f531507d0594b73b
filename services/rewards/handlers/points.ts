import * as z from 'zod';
import { once, Id, IsoDate, PersonId, PlacePath, PointsActivity, says } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { STEWARDS } from '../app/common.ts';
import {
  correctCredit,
  creditPoints,
  earningRulesHistory,
  earningRulesIn,
  entryVillage,
  householdPoints,
  leaderboard,
  registeredVillage,
  setEarningRules,
  sourceFact,
  sourceVillage,
  statementOf,
  villageOfPerson,
} from '../app/points.ts';
import { LedgerEntry } from '../domain/entries.ts';
import { Lot } from '../domain/ledger.ts';
import { ActivityRule, RulesOverride } from '../domain/rules.ts';
import { Reason, settingChangeOf } from '../domain/settings.ts';

/** A month `2026-05` or a year `2026` (China time). */
const Period = once(() =>
  z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, says({ zh: '月份 YYYY-MM 或年份 YYYY', en: 'a month YYYY-MM or a year YYYY' }))
    // The campaign's years: a year like 0576 would match the pattern and break the China-calendar arithmetic.
    .refine(
      (p) => Number(p.slice(0, 4)) >= 2000 && Number(p.slice(0, 4)) <= 2100,
      says({ zh: '年份须在 2000–2100 之间', en: 'a year from 2000 to 2100' }),
    ),
);

const READERS = ['resident', ...STEWARDS] as const;

// ---------------------------------------------------------------------------------------------------------------
// Earning rules
// ---------------------------------------------------------------------------------------------------------------

const RulesBody = once(() =>
  RulesOverride().extend({
    scope: PlacePath.describe('A county (its rules) or a village/community (its overrides)'),
    reason: Reason(),
  }),
);

const StoredRules = once(() =>
  RulesOverride().extend({
    scope: PlacePath,
    updatedAt: z.string(),
    updatedBy: z.string(),
    reason: z.string().optional(),
  }),
);

export const putEarningRules = defineRoute({
  method: 'PUT',
  path: '/rewards/earning-rules',
  operationId: 'putEarningRules',
  summary: 'Set a county’s earning rules or a village’s overrides (积分规则) with the reason (audited); activities not set fall back',
  auth: { roles: ['county-official', 'township-official', 'cadre'], place: ({ body }) => body.scope },
  body: () => RulesBody(),
  response: () => StoredRules(),
  handler: ({ body }, ctx) => setEarningRules(body, ctx),
});

export const getEarningRules = defineRoute({
  method: 'GET',
  path: '/rewards/earning-rules',
  operationId: 'getEarningRules',
  summary: 'The earning rules in force in a village: defaults, then county rules, then the village’s overrides',
  auth: { roles: [...READERS, 'merchant'], place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath }),
  response: () =>
    z.object({
      village: PlacePath,
      county: PlacePath.optional(),
      activities: z.record(PointsActivity(), ActivityRule()),
      origin: z.record(PointsActivity(), z.enum(['default', 'county', 'village'])),
      expiryDays: z.number().int(),
      holdDays: z.number().int(),
    }),
  handler: ({ query }, ctx) => earningRulesIn(query.village, ctx),
});

export const getEarningRulesHistory = defineRoute({
  method: 'GET',
  path: '/rewards/earning-rules/history',
  operationId: 'getEarningRulesHistory',
  summary: 'Every change of a county’s earning rules or a village’s overrides, newest first: before, after, who, when, why',
  auth: { roles: [...READERS, 'merchant'], place: ({ query }) => query.scope },
  query: () => z.object({ scope: PlacePath, ...pageQuery() }),
  response: () =>
    z.object({
      items: z.array(settingChangeOf(RulesOverride().pick({ activities: true, expiryDays: true, holdDays: true }))),
      cursor: z.string().optional(),
    }),
  handler: ({ query }, ctx) => earningRulesHistory(query, ctx),
});

// ---------------------------------------------------------------------------------------------------------------
// Manual credits (volunteering) and corrections
// ---------------------------------------------------------------------------------------------------------------

const ManualCredit = once(() =>
  z.object({
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
  }),
);

const CreditResponse = once(() =>
  z.object({
    outcome: z.enum(['credited', 'capped', 'no-points']),
    requested: z.number().int().nonnegative(),
    entry: LedgerEntry().optional(),
  }),
);

export const creditPointsRoute = defineRoute({
  method: 'POST',
  path: '/rewards/credits',
  operationId: 'creditPoints',
  summary: 'Credit points for volunteering attendance (志愿服务签到) — cadres and grid workers, never to themselves',
  auth: { roles: ['cadre', 'grid-worker'], place: ({ body }, ctx) => registeredVillage(body.person, ctx) },
  body: () => ManualCredit(),
  response: () => CreditResponse(),
  status: 201,
  alsoAnswers: { 200: 'Nothing credited (capped, or the activity earns no points): the outcome and the points asked for' },
  idempotent: true,
  handler: ({ body }, ctx) => creditPoints(body, ctx),
});

export const reversePoints = defineRoute({
  method: 'POST',
  path: '/rewards/reversals',
  operationId: 'reversePoints',
  summary: 'Correct a wrong credit with a reversing entry (冲正); deductions are reversed only by an overturned violation',
  auth: { roles: ['cadre'], place: ({ body }, ctx) => entryVillage(body.entryId, ctx) },
  body: () => z.object({ entryId: Id, reason: z.string().trim().min(1).max(500) }),
  response: () => LedgerEntry(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => correctCredit(body, ctx),
});

// ---------------------------------------------------------------------------------------------------------------
// Statements, household view, leaderboards
// ---------------------------------------------------------------------------------------------------------------

const Figures = once(() => z.object({ balance: z.number().int(), held: z.number().int(), debt: z.number().int() }));

const Statement = once(() =>
  z.object({
    person: PersonId,
    village: PlacePath,
    household: PlacePath.optional(),
    ...Figures().shape,
    /** Upcoming expiries, oldest lot first. */
    lots: z.array(Lot()),
    period: z.string().optional(),
    opening: Figures().optional(),
    closing: Figures().optional(),
    entries: z.array(LedgerEntry()),
    cursor: z.string().optional(),
  }),
);

export const getStatement = defineRoute({
  method: 'GET',
  path: '/rewards/accounts/{person}/statement',
  operationId: 'getPointsStatement',
  summary: 'A resident’s points statement (积分明细): balances, lots and entries, optionally for a month or year',
  auth: { roles: [...READERS], place: ({ params }, ctx) => villageOfPerson(params.person, ctx) },
  params: () => z.object({ person: PersonId }),
  query: () => z.object({ period: Period().optional(), ...pageQuery() }),
  response: () => Statement(),
  handler: ({ params, query }, ctx) => statementOf(params.person, query, ctx),
});

export const getHouseholdPoints = defineRoute({
  method: 'GET',
  path: '/rewards/household-points',
  operationId: 'getHouseholdPoints',
  summary: 'A household’s points: each member’s balance and the household total (members and village stewards)',
  auth: { roles: [...READERS], place: ({ query }) => query.household },
  query: () => z.object({ household: PlacePath }),
  response: () =>
    z.object({
      household: PlacePath,
      head: PersonId,
      members: z.array(z.object({ person: PersonId, name: z.string(), ...Figures().shape })),
      total: Figures(),
    }),
  handler: ({ query }, ctx) => householdPoints(query.household, ctx),
});

export const getLeaderboard = defineRoute({
  method: 'GET',
  path: '/rewards/leaderboard',
  operationId: 'getLeaderboard',
  summary: 'A village’s points leaderboard (积分榜) for a month or a year, by resident or by household: the top, names masked, opaque ids',
  auth: { roles: [...READERS], place: ({ query }) => query.village },
  query: () =>
    z.object({
      village: PlacePath,
      period: Period(),
      by: z.enum(['person', 'household']).default('person'),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
  response: () =>
    z.object({
      village: PlacePath,
      period: z.string(),
      by: z.enum(['person', 'household']),
      rows: z.array(
        z.object({
          rank: z.number().int().positive(),
          /** The standing's opaque id (never a person id or a household path). */
          key: z.string(),
          /** Masked (张*明); by household, the head's. */
          name: z.string(),
          score: z.number().int(),
          earned: z.number().int(),
          deducted: z.number().int(),
        }),
      ),
    }),
  handler: ({ query }, ctx) => leaderboard(query, ctx),
});

export const getSourceFact = defineRoute({
  method: 'GET',
  path: '/rewards/source-facts',
  operationId: 'getSourceFact',
  summary: 'What became of a source fact (credited, capped, skipped, deducted, overturned…): “why no points for this?”',
  auth: { roles: [...STEWARDS], place: ({ query }, ctx) => sourceVillage(query.source, ctx) },
  query: () => z.object({ source: z.string().min(1).max(300) }),
  response: () =>
    z
      .object({
        source: z.string(),
        outcome: z.string(),
        person: z.string().optional(),
        entryId: z.string().optional(),
        points: z.number().optional(),
        at: z.string(),
      })
      .loose(),
  handler: ({ query }, ctx) => sourceFact(query.source, ctx),
});

export const pointsRoutes = [
  putEarningRules,
  getEarningRules,
  getEarningRulesHistory,
  creditPointsRoute,
  reversePoints,
  getStatement,
  getHouseholdPoints,
  getLeaderboard,
  getSourceFact,
];
