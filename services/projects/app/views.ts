import * as z from 'zod';
import { once, Fen, PlacePath } from '@cocreate/contracts';
import type { Table } from '@cocreate/kernel';
import { type Totals, emptyTotals } from '../domain/contributions.ts';
import { type ProjectFunds, SourceRecord, projectFundsOf } from '../domain/funds.ts';
import { type Progress, progressOf } from '../domain/milestones.ts';
import { ChangeRecord, Milestone, Project } from '../domain/project.ts';
import { contributions } from '../repos/contributions.ts';
import { ledger } from '../repos/ledger.ts';
import { changes, milestones } from '../repos/projects.ts';

/** Response shapes shared by several routes (checked against every response locally, published in OpenAPI). */
export const ProgressView = once(() =>
  z.object({
    completedWeight: z.number().int(),
    totalWeight: z.number().int(),
    percent: z.number(),
  }),
);

export const TotalsView = once(() =>
  z.object(Object.fromEntries(Object.keys(emptyTotals()).map((k) => [k, z.number()])) as Record<keyof Totals, z.ZodNumber>),
);

export const FundsView = once(
  () =>
    z.object({
      /** Allocated and free to request. */
      available: Fen,
      /** Held by requests awaiting approval and countersignature. */
      held: Fen,
      spent: Fen,
      /** available + held + spent. */
      allocated: Fen,
      bySource: z.array(z.object({ sourceId: z.string(), available: Fen, held: Fen, spent: Fen })),
    }) satisfies z.ZodType<ProjectFunds>,
);
export type FundsView = z.infer<ReturnType<typeof FundsView>>;

export const ProjectView = once(() =>
  Project().extend({
    progress: ProgressView(),
    milestones: z.array(Milestone()),
    funds: FundsView(),
    contributions: TotalsView(),
    changes: z.array(ChangeRecord()),
  }),
);
export type ProjectView = z.infer<ReturnType<typeof ProjectView>>;

export const PoolView = once(() =>
  z.object({
    pool: PlacePath,
    kind: z.enum(['village', 'township']),
    totals: z.object({
      received: Fen,
      unallocated: Fen,
      allocated: Fen,
      held: Fen,
      spent: Fen,
      transferred: Fen,
      /** Money still in the pool: unallocated + allocated + held. */
      balance: Fen,
    }),
    sources: z.array(SourceRecord().extend({ unallocated: Fen, allocated: Fen, held: Fen, spent: Fen, transferred: Fen, reversed: Fen })),
  }),
);
export type PoolView = z.infer<ReturnType<typeof PoolView>>;

/** A project's money by source, from its accounts in its village's pool (the running balances). */
export async function projectFunds(table: Table, project: Pick<Project, 'projectId' | 'village'>): Promise<ProjectFunds> {
  const [alloc, spent] = await Promise.all([
    ledger.projectAccounts(table, project.village, 'alloc', project.projectId),
    ledger.projectAccounts(table, project.village, 'spent', project.projectId),
  ]);
  return projectFundsOf(alloc, spent);
}

export async function projectProgress(table: Table, projectId: string): Promise<{ progress: Progress; milestones: Milestone[] }> {
  const list = await milestones.list(table, projectId);
  return { progress: progressOf(list.map((m) => ({ weight: m.weight, completed: m.status === 'completed' }))), milestones: list };
}

export async function projectView(table: Table, project: Project): Promise<ProjectView> {
  const [{ progress, milestones: ms }, f, totals, changeList] = await Promise.all([
    projectProgress(table, project.projectId),
    projectFunds(table, project),
    contributions.projectTotals(table, project.projectId),
    changes.list(table, project.projectId),
  ]);
  return { ...project, progress, milestones: ms, funds: f, contributions: totals, changes: changeList };
}
