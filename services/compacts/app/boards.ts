import { RedBlackListPublished } from '@cocreate/contracts';
import { type Reply, type RouteContext, reply } from '@cocreate/kernel';
import { maskName } from '@cocreate/places';
import { type Board, type Period, type PublicBoard, computeRedBlackLists, publicBoard, publishableDays } from '../domain/boards.ts';
import { boards } from '../repos/boards.ts';
import { inspections } from '../repos/inspections.ts';
import { upkeeps } from '../repos/spaces.ts';
import { violations } from '../repos/violations.ts';
import { listedVillage, namesOf, notFound, requireVillage, today } from './common.ts';
import { settled } from './refusals.ts';

/** 红黑榜: publishing a village's red and black lists for a period, and the public board. */

/** Computes and publishes a village's lists for an ended period; publishing it again returns the first (200). */
export async function publishBoard(body: { village: string; period: Period }, ctx: RouteContext): Promise<Board | Reply<Board>> {
  const existing = await boards.get(ctx.table, body.village, body.period);
  if (existing) return reply(existing, { status: 200 });
  await requireVillage(ctx, body.village);
  const { from, to } = settled(publishableDays(body.period, today(ctx)), '/period');
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
  const entry = (t: { household: string; person: string; score: number }) => ({ household: t.household, person: t.person, score: t.score });
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
}

/** A published board with households, people and every count. */
export async function getBoardInFull(village: string, period: Period, ctx: RouteContext): Promise<Board> {
  await listedVillage(ctx, village);
  const board = await boards.get(ctx.table, village, period);
  if (!board) throw notFound.board();
  return board;
}

/** The public board of a village (names masked), newest period first; one period when asked. */
export async function getPublicBoards(
  query: { village: string; period?: Period | undefined },
  ctx: RouteContext,
): Promise<{ items: PublicBoard[] }> {
  await listedVillage(ctx, query.village);
  const village = (await ctx.register.place(query.village))!;
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
}
