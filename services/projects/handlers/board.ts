import * as z from 'zod';
import { Fen, Id, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { villageBoard as boardOf } from '../app/board.ts';
import { boardPhotos as photosOf } from '../app/photos.ts';
import { BoardProject } from '../domain/board.ts';
import { BoardPhoto } from '../domain/photos.ts';

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
  query: () => z.object({ village: PlacePath }),
  response: () =>
    z.object({
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
      projects: z.array(BoardProject()),
    }),
  handler: ({ query }, ctx) => boardOf(query.village, ctx),
});

/**
 * 现场照片: a project's site photos for the public board, public like the board itself. Only pictures its milestones
 * were completed with (verified by the service, JPEG, PNG or WebP), each a short-lived presigned GET answered with
 * the verified type; newest milestone first, paged.
 */
export const boardPhotos = defineRoute({
  method: 'GET',
  path: '/projects/board/{projectId}/photos',
  operationId: 'boardProjectPhotos',
  summary: 'A project’s site photos on the public board: milestone, stage, caption and a short-lived URL of each',
  auth: { public: true },
  params: () => z.object({ projectId: Id }),
  query: () => z.object(pageQuery({ max: 50, fallback: 12 })),
  response: () => z.object({ projectId: Id, items: z.array(BoardPhoto()), cursor: z.string().optional() }),
  handler: ({ params, query }, ctx) => photosOf(params.projectId, query, ctx),
});
