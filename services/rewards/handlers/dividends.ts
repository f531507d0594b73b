import * as z from 'zod';
import { once, Fen, Id, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { STEWARDS } from '../app/common.ts';
import { distribute, dividendsOf, putShares, sharesHistory, sharesOf } from '../app/dividends.ts';
import { Reason, settingChangeOf } from '../domain/settings.ts';
import { DividendLine, Holding } from '../domain/dividends.ts';

/**
 * Dividends (股金、分红) of the village cooperative company: a share register of member households, and
 * distributions that split a distributable profit among them by shares, exactly to the fen.
 */
const KEEPERS = ['cadre', 'treasurer'] as const;

const Register = once(() =>
  z.object({
    village: PlacePath,
    holdings: z.array(Holding()),
    updatedAt: z.string(),
    updatedBy: z.string(),
  }),
);

export const putSharesRoute = defineRoute({
  method: 'PUT',
  path: '/rewards/cooperative-shares',
  operationId: 'putCooperativeShares',
  summary: 'Replace the cooperative company’s share register (股金): member households and their shares',
  auth: { roles: [...KEEPERS], place: ({ body }) => body.village },
  body: () => z.object({ village: PlacePath, holdings: z.array(Holding()).min(1).max(2000), reason: Reason() }),
  response: () => Register(),
  handler: ({ body }, ctx) => putShares(body, ctx),
});

export const getSharesHistory = defineRoute({
  method: 'GET',
  path: '/rewards/cooperative-shares/history',
  operationId: 'getCooperativeSharesHistory',
  summary: 'Every change of the share register, newest first: the holdings before and after, who, when, why',
  auth: { roles: ['resident', ...KEEPERS, ...STEWARDS], place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, ...pageQuery() }),
  response: () => z.object({ items: z.array(settingChangeOf(z.object({ holdings: z.array(Holding()) }))), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => sharesHistory(query, ctx),
});

export const getShares = defineRoute({
  method: 'GET',
  path: '/rewards/cooperative-shares',
  operationId: 'getCooperativeShares',
  summary: 'The cooperative company’s share register (village affairs are public to its residents)',
  auth: { roles: ['resident', ...KEEPERS, ...STEWARDS], place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath }),
  response: () => Register(),
  handler: ({ query }, ctx) => sharesOf(query.village, ctx),
});

const DistributionView = once(() =>
  z.object({
    distributionId: Id,
    village: PlacePath,
    title: z.string(),
    amount: Fen,
    totalShares: z.number().int(),
    registerVersion: z.number().int(),
    lines: z.array(DividendLine()),
    distributedAt: z.string(),
    distributedBy: z.string(),
    decisionRef: z.string().optional(),
  }),
);

export const distributeRoute = defineRoute({
  method: 'POST',
  path: '/rewards/dividends',
  operationId: 'distributeDividend',
  summary: 'Split the cooperative’s distributable profit among member households by shares (分红), exactly to the fen',
  auth: { roles: [...KEEPERS], place: ({ body }) => body.village },
  body: () =>
    z.object({
      village: PlacePath,
      title: z.string().trim().min(1).max(200),
      amount: Fen.positive().describe('Distributable profit in fen'),
      /** The deliberation decision that approved the distribution, if any. */
      decisionRef: Id.optional(),
    }),
  response: () => DistributionView(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => distribute(body, ctx),
});

export const listDividends = defineRoute({
  method: 'GET',
  path: '/rewards/dividends',
  operationId: 'listDividends',
  summary: 'A village’s dividend distributions, newest first; `household` narrows each to that household’s line',
  auth: { roles: ['resident', ...KEEPERS, ...STEWARDS], place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, household: PlacePath.optional() }),
  response: () => z.object({ items: z.array(DistributionView()), householdTotal: Fen.optional() }),
  handler: ({ query }, ctx) => dividendsOf(query, ctx),
});

export const dividendRoutes = [putSharesRoute, getShares, getSharesHistory, distributeRoute, listDividends];
