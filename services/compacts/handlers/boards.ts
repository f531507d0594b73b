import { z } from 'zod';
import { PlacePath, RedBlackListPublished } from '@cocreate/contracts';
import { defineRoute, problems, reply } from '@cocreate/kernel';
import { maskName } from '@cocreate/places';
import { Board, PublicBoard, computeRedBlackLists, periodEnded, publicBoard } from '../domain/boards.ts';
import { Period, periodRange } from '../domain/dates.ts';
import { boards, inspections, upkeeps, violations } from '../store.ts';
import { namesOf, notFound, today, villageAt } from './common.ts';

/** 红黑榜: publishing a village's red and black lists for a period, and the public board. */

export const publishBoard = defineRoute({
  method: 'POST',
  path: '/compacts/boards',
  operationId: 'publishBoard',
  summary: 'Compute and publish a village’s red/black lists for an ended period (publishing it again returns the first)',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: z.object({ village: PlacePath, period: Period }).strict(),
  response: Board,
  status: 201,
  alsoAnswers: { 200: 'Published before: the first publication, unchanged' },
  handler: async ({ body }, ctx) => {
    const existing = await boards.get(ctx.table, body.village, body.period);
    if (existing) return reply(existing, { status: 200 });
    if (!(await villageAt(ctx, body.village))) {
      throw problems.rule('not-a-village', { zh: '红黑榜按村或社区发布。', en: 'Boards are published per village or community.' });
    }
    const { from, to } = periodRange(body.period);
    if (!periodEnded(to, today(ctx))) {
      throw problems.rule(
        'period-not-ended',
        { zh: '该期尚未结束，不能发布红黑榜。', en: 'The period has not ended yet; its board cannot be published.' },
        { to },
        [{ in: 'body', pointer: '/period', rule: 'ended', message: { zh: `截止于 ${to}`, en: `ends on ${to}` } }],
      );
    }
    const [inspected, violated, upkept, households] = await Promise.all([
      inspections.listByVillage(ctx.table, body.village, from, to),
      violations.listByVillage(ctx.table, body.village, from, to),
      upkeeps.listByVillage(ctx.table, body.village, from, to),
      ctx.register.households(body.village),
    ]);
    const lists = computeRedBlackLists({
      from,
      to,
      households: households.map((h) => ({ path: h.path, head: h.head })),
      inspections: inspected.filter((i) => i.status === 'recorded'),
      violations: violated,
      upkeep: upkept,
    });
    const board: Board = {
      village: body.village,
      period: body.period,
      from,
      to,
      rule: lists.rule,
      red: lists.red,
      black: lists.black,
      publishedAt: ctx.now().toISOString(),
      publishedBy: ctx.actor.sub,
    };
    // Published twice at once: the second recomputes, finds the first and returns it (one board, one event).
    boards.create(ctx.tx, board, 'retry');
    const entry = (t: { household: string; person: string; score: number }) => ({
      household: t.household,
      person: t.person,
      score: t.score,
    });
    ctx.tx.emit(
      RedBlackListPublished,
      {
        village: board.village,
        period: board.period,
        from,
        to,
        rule: board.rule,
        red: board.red.map(entry),
        black: board.black.map(entry),
      },
      { place: board.village },
    );
    return board;
  },
});

export const getBoardInFull = defineRoute({
  method: 'GET',
  path: '/compacts/boards/full',
  operationId: 'getBoardInFull',
  summary: 'A published board with households, people and every count (for cadres and supervisors)',
  auth: { roles: ['cadre', 'supervisor', 'township-official', 'county-official'], place: ({ query }) => query.village },
  query: z.object({ village: PlacePath, period: Period }),
  response: Board,
  handler: async ({ query }, ctx) => {
    const board = await boards.get(ctx.table, query.village, query.period);
    if (!board) throw notFound.board();
    return board;
  },
});

export const getPublicBoards = defineRoute({
  method: 'GET',
  path: '/compacts/boards',
  operationId: 'getPublicBoards',
  summary: 'The public red/black board of a village (names masked), newest period first; one period with `period`',
  auth: { public: true },
  query: z.object({ village: PlacePath, period: Period.optional() }),
  response: z.object({ items: z.array(PublicBoard) }),
  handler: async ({ query }, ctx) => {
    const village = await ctx.register.place(query.village);
    if (!village) return { items: [] };
    const list = query.period
      ? [await boards.get(ctx.table, query.village, query.period)].filter((b): b is Board => !!b)
      : (await boards.listByVillage(ctx.table, query.village)).reverse();
    if (query.period && !list.length) throw notFound.board();
    const groupOf = (household: string) => household.slice(0, household.lastIndexOf('/'));
    const tallies = list.flatMap((b) => [...b.red, ...b.black]);
    const groupPaths = [...new Set(tallies.map((t) => groupOf(t.household)))];
    const [names, groups] = await Promise.all([
      namesOf(
        ctx,
        tallies.map((t) => t.person),
      ),
      Promise.all(groupPaths.map((g) => ctx.register.place(g))),
    ]);
    const groupNames = new Map(groupPaths.map((g, i) => [g, groups[i]?.name.zh ?? '']));
    const describe = (household: string, person: string) => ({
      name: names.get(person) ?? '*',
      group: groupNames.get(groupOf(household)) ?? '',
    });
    return { items: list.map((b) => publicBoard(b, village.name.zh, describe, maskName)) };
  },
});
