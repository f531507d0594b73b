import { z } from 'zod';
import { Fen, PlacePath } from '@cocreate/contracts';
import { defineRoute, problems } from '@cocreate/kernel';
import { type BoardInput, BoardProject, type Names, boardProject, peopleShown, publicFrom, sourceLabels } from '../domain/board.ts';
import { contributions, disbursements, projects, sources } from '../store.ts';
import { poolView } from './pools.ts';
import { projectFunds, projectProgress } from './views.ts';

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
  handler: async ({ query }, ctx) => {
    const place = await ctx.register.place(query.village);
    if (!place || (place.kind !== 'village' && place.kind !== 'community'))
      throw problems.notFound({ zh: '该村（社区）', en: 'The village' });
    const [list, pool, sourceList, households, places] = await Promise.all([
      projects.listByVillage(ctx.table, query.village),
      poolView(ctx, query.village, 'village'),
      sources.list(ctx.table, query.village),
      // Money on a village's board comes from its own households: two reads of the village label them all.
      ctx.register.households(query.village),
      ctx.register.within(query.village),
    ]);
    const inputs: BoardInput[] = await Promise.all(
      list.map(async (project) => {
        const [{ progress, milestones }, funds, totals, byHousehold, ds] = await Promise.all([
          projectProgress(ctx.table, project.projectId),
          projectFunds(ctx.table, project),
          contributions.projectTotals(ctx.table, project.projectId),
          contributions.byHousehold(ctx.table, project.projectId),
          disbursements.forProject(ctx.table, project.projectId),
        ]);
        return {
          project,
          milestones,
          progress,
          funds,
          sources: sourceList,
          contributions: { totals, households: byHousehold },
          disbursements: ds,
        };
      }),
    );
    const householdByPath = new Map(households.map((h) => [h.path, h]));
    const placeByPath = new Map(places.map((p) => [p.path, p]));
    const people = await Promise.all(peopleShown(inputs, (path) => householdByPath.get(path)?.head).map((id) => ctx.register.person(id)));
    const nameById = new Map(people.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
    const names: Names = {
      person: (id) => nameById.get(id),
      household: (path) => {
        const h = householdByPath.get(path);
        const hp = placeByPath.get(path);
        if (!h || !hp) return undefined;
        const group = placeByPath.get(path.slice(0, path.lastIndexOf('/')));
        return { label: { zh: `${group?.name.zh ?? ''}${hp.name.zh}`, en: `${group?.name.en ?? ''} ${hp.name.en}`.trim() }, head: h.head };
      },
    };
    const boards = inputs.map((input) => boardProject(input, names, ctx.locale));
    return {
      village: query.village,
      name: ctx.locale === 'en' ? place.name.en : place.name.zh,
      generatedAt: ctx.now().toISOString(),
      pool: {
        received: pool.totals.received,
        unallocated: pool.totals.unallocated,
        allocated: pool.totals.allocated,
        held: pool.totals.held,
        spent: pool.totals.spent,
        balance: pool.totals.balance,
        sources: pool.sources.map((s) => ({
          label: ctx.locale === 'en' ? sourceLabels[s.source].en : sourceLabels[s.source].zh,
          from: publicFrom(names, s, ctx.locale),
          amount: s.amount,
          unallocated: s.unallocated,
          allocated: s.allocated,
          held: s.held,
          spent: s.spent,
          receivedOn: s.receivedOn,
        })),
      },
      projects: boards,
    };
  },
});
