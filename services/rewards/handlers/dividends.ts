import { z } from 'zod';
import { DividendDistributed, Fen, Id, PlacePath } from '@cocreate/contracts';
import { defineRoute, newId, problems } from '@cocreate/kernel';
import { DividendLine, Holding, splitDividend } from '../domain/dividends.ts';
import { type Distribution, coop } from '../store.ts';
import { STEWARDS } from './common.ts';

/**
 * Dividends (股金、分红) of the village cooperative company: a share register of member households, and
 * distributions that split a distributable profit among them by shares, exactly to the fen.
 */
const KEEPERS = ['cadre', 'treasurer'] as const;

const Register = z.object({
  village: PlacePath,
  holdings: z.array(Holding),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const putShares = defineRoute({
  method: 'PUT',
  path: '/rewards/cooperative-shares',
  operationId: 'putCooperativeShares',
  summary: 'Replace the cooperative company’s share register (股金): member households and their shares',
  auth: { roles: [...KEEPERS], place: ({ body }) => body.village },
  body: z.object({ village: PlacePath, holdings: z.array(Holding).min(1).max(2000) }),
  response: Register,
  handler: async ({ body }, ctx) => {
    const ofVillage = new Set((await ctx.register.households(body.village)).filter((h) => h.village === body.village).map((h) => h.path));
    const errors = body.holdings.flatMap((h, i) => {
      const dup = body.holdings.findIndex((o) => o.household === h.household) !== i;
      return ofVillage.has(h.household) && !dup
        ? []
        : [
            {
              in: 'body' as const,
              pointer: `/holdings/${i}/household`,
              rule: dup ? 'unique' : 'household-of-village',
              message: dup
                ? { zh: '重复列出', en: 'listed twice' }
                : { zh: `不是 ${body.village} 的住户`, en: `not a household of ${body.village}` },
            },
          ];
    });
    if (errors.length) {
      throw problems.rule(
        'bad-holdings',
        { zh: '股东须为本村的户，且不重复。', en: 'Members must be distinct households of this village.' },
        {},
        errors,
      );
    }
    const current = await coop.register(ctx.table, body.village);
    const reg = { village: body.village, holdings: body.holdings, updatedAt: ctx.now().toISOString(), updatedBy: ctx.actor.sub };
    coop.writeRegister(ctx.tx, reg, current?.version);
    return reg;
  },
});

export const getShares = defineRoute({
  method: 'GET',
  path: '/rewards/cooperative-shares',
  operationId: 'getCooperativeShares',
  summary: 'The cooperative company’s share register (village affairs are public to its residents)',
  auth: { roles: ['resident', ...KEEPERS, ...STEWARDS], place: ({ query }) => query.village },
  query: z.object({ village: PlacePath }),
  response: Register,
  handler: async ({ query }, ctx) => {
    const reg = await coop.register(ctx.table, query.village);
    if (!reg) throw problems.notFound({ zh: '该村的股东名册', en: 'The village’s share register' });
    const { version: _v, ...rest } = reg;
    return rest;
  },
});

const DistributionView = z.object({
  distributionId: Id,
  village: PlacePath,
  title: z.string(),
  amount: Fen,
  totalShares: z.number().int(),
  registerVersion: z.number().int(),
  lines: z.array(DividendLine),
  distributedAt: z.string(),
  distributedBy: z.string(),
  decisionRef: z.string().optional(),
});

export const distribute = defineRoute({
  method: 'POST',
  path: '/rewards/dividends',
  operationId: 'distributeDividend',
  summary: 'Split the cooperative’s distributable profit among member households by shares (分红), exactly to the fen',
  auth: { roles: [...KEEPERS], place: ({ body }) => body.village },
  body: z.object({
    village: PlacePath,
    title: z.string().trim().min(1).max(200),
    amount: Fen.positive().describe('Distributable profit in fen'),
    /** The deliberation decision that approved the distribution, if any. */
    decisionRef: Id.optional(),
  }),
  response: DistributionView,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const reg = await coop.register(ctx.table, body.village);
    if (!reg || !reg.holdings.length) {
      throw problems.conflict('no-share-register', {
        zh: '请先登记合作社股东名册。',
        en: 'Record the cooperative’s share register first.',
      });
    }
    const lines = splitDividend(body.amount, reg.holdings);
    const d: Distribution = {
      distributionId: newId(),
      village: body.village,
      title: body.title,
      amount: body.amount,
      totalShares: reg.holdings.reduce((s, h) => s + h.shares, 0),
      registerVersion: reg.version,
      lines,
      distributedAt: ctx.now().toISOString(),
      distributedBy: ctx.actor.sub,
      ...(body.decisionRef ? { decisionRef: body.decisionRef } : {}),
    };
    coop.checkRegister(ctx.tx, body.village, reg.version);
    coop.createDistribution(ctx.tx, d);
    ctx.tx.emit(
      DividendDistributed,
      {
        distributionId: d.distributionId,
        village: d.village,
        title: d.title,
        amount: d.amount,
        totalShares: d.totalShares,
        allocations: lines,
      },
      { place: d.village },
    );
    return d;
  },
});

export const listDividends = defineRoute({
  method: 'GET',
  path: '/rewards/dividends',
  operationId: 'listDividends',
  summary: 'A village’s dividend distributions, newest first; `household` narrows each to that household’s line',
  auth: { roles: ['resident', ...KEEPERS, ...STEWARDS], place: ({ query }) => query.village },
  query: z.object({ village: PlacePath, household: PlacePath.optional() }),
  response: z.object({ items: z.array(DistributionView), householdTotal: Fen.optional() }),
  handler: async ({ query }, ctx) => {
    if (query.household && (await ctx.register.household(query.household))?.village !== query.village) {
      throw problems.rule('household-elsewhere', { zh: '该户不属于此村。', en: 'That household is not in this village.' });
    }
    const list = await coop.distributions(ctx.table, query.village);
    if (!query.household) return { items: list };
    const items = list.map((d) => ({ ...d, lines: d.lines.filter((l) => l.household === query.household) }));
    return { items, householdTotal: items.reduce((s, d) => s + d.lines.reduce((t, l) => t + l.amount, 0), 0) };
  },
});

export const dividendRoutes = [putShares, getShares, distribute, listDividends];
