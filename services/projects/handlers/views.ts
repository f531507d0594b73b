import { z } from 'zod';
import { Fen } from '@cocreate/contracts';
import type { Table } from '@cocreate/kernel';
import { type Progress, progressOf } from '../domain/milestones.ts';
import { ChangeRecord, Milestone, Project } from '../domain/project.ts';
import { type Totals, changes, contributions, emptyTotals, ledger, milestones } from '../store.ts';

/** Response shapes shared by several routes (checked against every response locally, published in OpenAPI). */
export const ProgressView = z.object({
  completedWeight: z.number().int(),
  totalWeight: z.number().int(),
  percent: z.number(),
});

export const TotalsView = z.object(
  Object.fromEntries(Object.keys(emptyTotals()).map((k) => [k, z.number()])) as Record<keyof Totals, z.ZodNumber>,
);

export const FundsView = z.object({
  /** Allocated and free to request. */
  available: Fen,
  /** Held by requests awaiting approval and countersignature. */
  held: Fen,
  spent: Fen,
  /** available + held + spent. */
  allocated: Fen,
  bySource: z.array(z.object({ sourceId: z.string(), available: Fen, held: Fen, spent: Fen })),
});
export type FundsView = z.infer<typeof FundsView>;

export const ProjectView = Project.extend({
  progress: ProgressView,
  milestones: z.array(Milestone),
  funds: FundsView,
  contributions: TotalsView,
  changes: z.array(ChangeRecord),
});
export type ProjectView = z.infer<typeof ProjectView>;

/** A project's money by source, from its accounts in its village's pool (the running balances). */
export async function projectFunds(table: Table, project: Pick<Project, 'projectId' | 'village'>): Promise<FundsView> {
  const [alloc, spent] = await Promise.all([
    ledger.projectAccounts(table, project.village, 'alloc', project.projectId),
    ledger.projectAccounts(table, project.village, 'spent', project.projectId),
  ]);
  const bySource = new Map<string, { sourceId: string; available: number; held: number; spent: number }>();
  const row = (sourceId: string) => {
    let r = bySource.get(sourceId);
    if (!r) bySource.set(sourceId, (r = { sourceId, available: 0, held: 0, spent: 0 }));
    return r;
  };
  for (const a of alloc) {
    row(a.sourceId).available += a.available ?? 0;
    row(a.sourceId).held += a.held ?? 0;
  }
  for (const a of spent) row(a.sourceId).spent += a.balance;
  const rows = [...bySource.values()].sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1));
  const sum = (k: 'available' | 'held' | 'spent') => rows.reduce((s, r) => s + r[k], 0);
  return {
    available: sum('available'),
    held: sum('held'),
    spent: sum('spent'),
    allocated: sum('available') + sum('held') + sum('spent'),
    bySource: rows,
  };
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
