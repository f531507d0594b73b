import { VILLAGE_WATCH } from '@cocreate/places';
import * as z from 'zod';
import { PlacePath } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import { getBoardInFull, getPublicBoards, publishBoard } from '../app/boards.ts';
import { Board, Period, PublicBoard } from '../domain/boards.ts';

/** 红黑榜: publishing a village's red and black lists for a period, and the public board. */

export const publishBoardRoute = defineRoute({
  method: 'POST',
  path: '/compacts/boards',
  operationId: 'publishBoard',
  summary: 'Compute and publish a village’s red/black lists for an ended period (publishing it again returns the first)',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: () => z.object({ village: PlacePath, period: Period() }).strict(),
  response: () => Board(),
  status: 201,
  alsoAnswers: { 200: 'Published before: the first publication, unchanged' },
  handler: ({ body }, ctx) => publishBoard(body, ctx),
});

export const getBoardInFullRoute = defineRoute({
  method: 'GET',
  path: '/compacts/boards/full',
  operationId: 'getBoardInFull',
  summary: 'A published board with households, people and every count (for cadres and supervisors)',
  auth: { roles: VILLAGE_WATCH, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, period: Period() }),
  response: () => Board(),
  handler: ({ query }, ctx) => getBoardInFull(query.village, query.period, ctx),
});

export const getPublicBoardsRoute = defineRoute({
  method: 'GET',
  path: '/compacts/boards',
  operationId: 'getPublicBoards',
  summary: 'The public red/black board of a village (names masked), newest period first; one period with `period`',
  auth: { public: true },
  query: () => z.object({ village: PlacePath, period: Period().optional() }),
  response: () => z.object({ items: z.array(PublicBoard()) }),
  handler: ({ query }, ctx) => getPublicBoards(query, ctx),
});

export const boardRoutes = [publishBoardRoute, getPublicBoardsRoute, getBoardInFullRoute];
