import type { RouteContext } from '@cocreate/kernel';
import { type BoardInput, type Names, boardProject, peopleShown, publicFrom, sourceLabels } from '../domain/board.ts';
import { projectFundsOf } from '../domain/funds.ts';
import { parseAccount } from '../domain/ledger.ts';
import { contributions } from '../repos/contributions.ts';
import { disbursements } from '../repos/disbursements.ts';
import { ledger, sources } from '../repos/ledger.ts';
import { projects } from '../repos/projects.ts';
import { listedVillage } from './common.ts';
import { poolViewOf } from './pools.ts';
import { projectProgress } from './views.ts';

/**
 * The public disclosure board (村务公开栏) of a village: its projects, money by source, contributions and every
 * disbursement, with names masked (张*明) and residents' money credited to households, not people.
 */
export async function villageBoard(village: string, ctx: RouteContext) {
  await listedVillage(ctx, village);
  const place = (await ctx.register.place(village))!;
  const [list, sourceList, accounts, households, places] = await Promise.all([
    projects.listByVillage(ctx.table, village),
    sources.list(ctx.table, village),
    ledger.accounts(ctx.table, village),
    // Money on a village's board comes from its own households: two reads of the village label them all.
    ctx.register.households(village),
    ctx.register.within(village),
  ]);
  const pool = poolViewOf(village, 'village', sourceList, accounts);
  // Each project's money comes from the pool's accounts already read.
  const accountsOf = (projectId: string, kind: 'alloc' | 'spent') =>
    accounts.filter((a) => {
      const parsed = parseAccount(a.account);
      return parsed.kind === kind && parsed.projectId === projectId;
    });
  const inputs: BoardInput[] = await Promise.all(
    list.map(async (project) => {
      const [{ progress, milestones }, totals, byHousehold, ds] = await Promise.all([
        projectProgress(ctx.table, project.projectId),
        contributions.projectTotals(ctx.table, project.projectId),
        contributions.byHousehold(ctx.table, project.projectId),
        disbursements.forProject(ctx.table, project.projectId),
      ]);
      return {
        project,
        milestones,
        progress,
        funds: projectFundsOf(accountsOf(project.projectId, 'alloc'), accountsOf(project.projectId, 'spent')),
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
    village: village,
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
}
