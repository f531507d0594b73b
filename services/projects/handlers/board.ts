import * as z from 'zod';
import { Fen, PlacePath } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import { villageBoard as boardOf } from '../app/board.ts';
import { BoardProject } from '../domain/board.ts';

/**
 * The public disclosure board (村务公开栏). Public — no token needed — because 公开 means anyone may read it, as
 * anyone may read the paper board by the village committee's door; it shows only what a paper notice shows, with
 * names masked (张*明) and residents' money credited to households, not people.
 */
export const villageBoard = defineRoute({
  method: 'GET',
  path: '/projects/board',
  operationId: 'villageBoard',
  summary: 'A village’s public disclosure board: projects, money by source, contributions and every disbursement',
  auth: { public: true },
  query: z.object({ village: PlacePath }),
  response: z.object({
    village: PlacePath,
    name: z.string(),
    generatedAt: z.string(),
    pool: z.object({
      received: Fen,
      unallocated: Fen,
      allocated: Fen,
      held: Fen,
      spent: Fen,
      balance: Fen,
      sources: z.array(
        z.object({
          label: z.string(),
          from: z.string(),
          amount: Fen,
          unallocated: Fen,
          allocated: Fen,
          held: Fen,
          spent: Fen,
          receivedOn: z.string(),
        }),
      ),
    }),
    projects: z.array(BoardProject),
  }),
  handler: ({ query }, ctx) => boardOf(query.village, ctx),
});
