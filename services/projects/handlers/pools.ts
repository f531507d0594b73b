import * as z from 'zod';
import { once, Fen, FundSource, Id, IsoDate, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { BOOKKEEPERS, READERS, projectPlace } from '../app/common.ts';
import {
  allocateFunds as allocate,
  checkLedger as audit,
  getPool as poolOf,
  getPoolBalance as balanceOf,
  listPostings as journal,
  recordReceipt as receive,
  reversePosting as reverse,
  transferToVillage as transfer,
} from '../app/pools.ts';
import { FundsView, PoolView } from '../app/views.ts';
import { Restriction, SourceRecord } from '../domain/funds.ts';
import { Posting } from '../domain/ledger.ts';

export const recordReceipt = defineRoute({
  method: 'POST',
  path: '/projects/pools/receipts',
  operationId: 'recordReceipt',
  summary: 'Book money into a village or township pool from a named source, with any purpose restriction',
  auth: { roles: ['treasurer', 'cadre', 'township-official'], place: ({ body }) => body.pool },
  body: () =>
    z.object({
      pool: PlacePath,
      source: FundSource,
      amount: Fen.positive().max(100_000_000_000),
      from: z.string().trim().min(1).max(200),
      restriction: Restriction().optional(),
      receivedOn: IsoDate.optional(),
      note: z.string().trim().max(1000).optional(),
    }),
  response: () => SourceRecord(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => receive(body, ctx),
});

export const transferToVillage = defineRoute({
  method: 'POST',
  path: '/projects/pools/transfers',
  operationId: 'transferToVillagePool',
  summary: 'Pass money from a township pool to one of its villages’ pools; source kind and restriction travel with it',
  auth: { roles: ['township-official'], place: ({ body }) => body.pool },
  body: () => z.object({ pool: PlacePath, toVillage: PlacePath, sourceId: Id, amount: Fen.positive() }),
  response: () => z.object({ transferPostingId: Id, source: SourceRecord() }),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => transfer(body, ctx),
});

export const allocateFunds = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/allocations',
  operationId: 'allocateFunds',
  summary: 'Allocate pool money to a project, from named sources or the eligible ones oldest first, never against a restriction',
  auth: { roles: ['cadre'], place: projectPlace },
  params: () => z.object({ projectId: Id }),
  body: () =>
    z.object({
      amount: Fen.positive(),
      sources: z
        .array(z.object({ sourceId: Id, amount: Fen.positive() }))
        .min(1)
        .max(20)
        .optional(),
    }),
  response: () =>
    z.object({
      postingId: Id,
      amount: Fen,
      sources: z.array(z.object({ sourceId: Id, source: FundSource, amount: Fen })),
      funds: FundsView(),
    }),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => allocate({ ...body, projectId: params.projectId }, ctx),
});

export const reversePosting = defineRoute({
  method: 'POST',
  path: '/projects/pools/postings/{postingId}/reverse',
  operationId: 'reversePosting',
  summary: 'Correct a receipt or an allocation with a reversing posting (the ledger is never edited)',
  auth: { roles: ['treasurer', 'cadre', 'township-official'], place: ({ body }) => body.pool },
  params: () => z.object({ postingId: Id }),
  body: () => z.object({ pool: PlacePath, reason: z.string().trim().min(1).max(1000) }),
  response: () => z.object({ reversalId: Id, reverses: Id, amount: Fen }),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => reverse({ ...body, postingId: params.postingId }, ctx),
});

const PoolQuery = once(() => z.object({ pool: PlacePath }));

export const getPool = defineRoute({
  method: 'GET',
  path: '/projects/pools',
  operationId: 'getPool',
  summary: 'A pool’s money by source: received, unallocated, allocated, held, spent (各记其功)',
  auth: { roles: READERS, place: ({ query }) => query.pool },
  query: () => PoolQuery(),
  response: () => PoolView(),
  handler: ({ query }, ctx) => poolOf(query.pool, ctx),
});

export const getPoolBalance = defineRoute({
  method: 'GET',
  path: '/projects/pools/balance',
  operationId: 'getPoolBalance',
  summary: 'A pool’s balance and totals, kept as running totals with every posting: one read however long its history',
  auth: { roles: READERS, place: ({ query }) => query.pool },
  query: () => PoolQuery(),
  response: () =>
    z.object({
      pool: PlacePath,
      received: Fen,
      unallocated: Fen,
      /** Allocated to projects and not yet spent: what is available to them and what their requests hold. */
      allocated: Fen,
      spent: Fen,
      transferred: Fen,
      /** Money still in the pool: unallocated + allocated. */
      balance: Fen,
      postings: z.number().int(),
    }),
  handler: ({ query }, ctx) => balanceOf(query.pool, ctx),
});

export const listPostings = defineRoute({
  method: 'GET',
  path: '/projects/pools/postings',
  operationId: 'listPostings',
  summary: 'A pool’s journal, newest first',
  auth: { roles: BOOKKEEPERS, place: ({ query }) => query.pool },
  query: () => PoolQuery().extend(pageQuery({ max: 200, fallback: 50 })),
  response: () => z.object({ items: z.array(Posting()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => journal(query, ctx),
});

export const checkLedger = defineRoute({
  method: 'GET',
  path: '/projects/pools/ledger-check',
  operationId: 'checkLedger',
  summary: 'Audit a pool: every posting balances, every running balance equals the sum of its entries, none negative',
  auth: { roles: BOOKKEEPERS, place: ({ query }) => query.pool },
  query: () => PoolQuery(),
  response: () =>
    z.object({
      pool: PlacePath,
      postings: z.number().int(),
      totalDebits: Fen,
      totalCredits: Fen,
      balanced: z.boolean(),
      unbalancedPostings: z.array(z.string()),
      mismatches: z.array(z.object({ account: z.string(), stored: z.number(), fromEntries: z.number() })),
      holdMismatches: z.array(z.string()),
      negative: z.array(z.string()),
      ok: z.boolean(),
    }),
  handler: ({ query }, ctx) => audit(query.pool, ctx),
});
