import * as z from 'zod';
import { once, Id, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { Batch, DeclareBatch } from '../domain/coverage.ts';
import { OFFICIALS } from '../domain/levels.ts';
import { declareBatch, getBatch, listBatches } from '../app/coverage.ts';

const BatchView = once(() => Batch().extend({ percent: z.number(), targetMet: z.boolean() }));

export const declareBatchRoute = defineRoute({
  method: 'POST',
  path: '/programme/batches',
  operationId: 'declarePilotBatch',
  summary: 'Declare a batch of pilot or demonstration villages (试点村/示范村) for a year with its coverage target',
  auth: { roles: OFFICIALS, place: ({ body }) => body.place },
  body: () => DeclareBatch(),
  response: () => BatchView(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => declareBatch(body, ctx),
});

export const listBatchesRoute = defineRoute({
  method: 'GET',
  path: '/programme/batches',
  operationId: 'listPilotBatches',
  summary: 'The batches a level declared, with their coverage so far (computed from the other services’ events)',
  auth: { roles: OFFICIALS, place: ({ query }) => query.place },
  query: () => z.object({ place: PlacePath, year: z.coerce.number().int().min(2000).max(2100).optional(), ...pageQuery() }),
  response: () => z.object({ items: z.array(BatchView()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => listBatches(query, ctx),
});

export const getBatchRoute = defineRoute({
  method: 'GET',
  path: '/programme/batches/{batchId}',
  operationId: 'getPilotBatch',
  summary: 'A pilot batch and its coverage against its target',
  auth: { roles: OFFICIALS, place: async ({ params }, ctx) => (await getBatch(params.batchId, ctx)).place },
  params: () => z.object({ batchId: Id }),
  response: () => BatchView(),
  handler: ({ params }, ctx) => getBatch(params.batchId, ctx),
});

export const batchRoutes = [declareBatchRoute, listBatchesRoute, getBatchRoute];
