import { type Table, type UnitOfWork, cond, readRecord, recordOf } from '@cocreate/kernel';
import { type ContributionRecord, type Totals, type WagesPayable, emptyTotals } from '../domain/contributions.ts';
import { keys } from './keys.ts';

/** The counters stored on an item (absent ones are zero). */
function totalsOf(item: Record<string, unknown> | undefined): Totals {
  const t = emptyTotals();
  if (!item) return t;
  for (const k of Object.keys(t) as (keyof Totals)[]) if (typeof item[k] === 'number') t[k] = item[k];
  return t;
}

export const contributions = {
  /** Records a contribution and moves the three sets of running counters in the same transaction. */
  record(tx: UnitOfWork, c: ContributionRecord): void {
    tx.create(
      {
        ...keys.contribution(c.projectId, c.contributedOn, c.contributionId),
        gsi1pk: keys.householdContributions(c.household),
        gsi1sk: `${c.contributedOn}#${c.contributionId}`,
        ...c,
      },
      'retry',
    );
    const add: Record<string, number> = {
      count: 1,
      value: c.value,
      [c.kind]: c.value,
      [`${c.kind}Count`]: 1,
      hours: c.hours ?? 0,
      landArea: c.area ?? 0,
      inKindValue: c.paid ? 0 : c.kind === 'money' ? 0 : c.value,
      wagesValue: c.paid ? c.value : 0,
    };
    tx.update(keys.projectTotals(c.projectId), { add, setIfMissing: { projectId: c.projectId } });
    tx.update(keys.projectHousehold(c.projectId, c.household), { add, setIfMissing: { projectId: c.projectId, household: c.household } });
    tx.update(keys.householdTotals(c.household), { add, setIfMissing: { household: c.household, village: c.village } });
  },

  async projectTotals(table: Table, projectId: string): Promise<Totals> {
    return totalsOf(await table.get(keys.projectTotals(projectId)));
  },

  async householdTotals(table: Table, household: string): Promise<Totals> {
    return totalsOf(await table.get(keys.householdTotals(household)));
  },

  /** Each household's counters on a project. */
  async byHousehold(table: Table, projectId: string): Promise<{ household: string; totals: Totals }[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'HOUSEHOLD#' } });
    return items.map((i) => ({ household: i.household as string, totals: totalsOf(i) }));
  },

  async forProject(table: Table, projectId: string): Promise<ContributionRecord[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'CONTRIB#' } });
    return items.map((i) => recordOf<ContributionRecord>(i));
  },

  async forHousehold(table: Table, household: string): Promise<ContributionRecord[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.householdContributions(household) });
    return items.map((i) => recordOf<ContributionRecord>(i));
  },
};

/** Wages payable to residents on paid (cooperative-built) projects. */
export const wages = {
  accrue(tx: UnitOfWork, projectId: string, person: string, amount: number): void {
    tx.update(keys.wages(projectId, person), { add: { accrued: amount, due: amount, paid: 0 }, setIfMissing: { projectId, person } });
  },

  /** A wage disbursement request takes from what is due, never more (checked in the same transaction). */
  request(tx: UnitOfWork, projectId: string, person: string, amount: number): void {
    tx.update(keys.wages(projectId, person), { add: { due: -amount } }, { condition: cond.atLeast('due', amount), onConflict: 'retry' });
  },

  /** A rejected wage request is due again. */
  restore(tx: UnitOfWork, projectId: string, person: string, amount: number): void {
    tx.update(keys.wages(projectId, person), { add: { due: amount } }, { condition: cond.exists(), onConflict: 'retry' });
  },

  markPaid(tx: UnitOfWork, projectId: string, person: string, amount: number): void {
    tx.update(keys.wages(projectId, person), { add: { paid: amount } }, { condition: cond.exists(), onConflict: 'retry' });
  },

  get(table: Table, projectId: string, person: string): Promise<WagesPayable | undefined> {
    return readRecord<WagesPayable>(table, keys.wages(projectId, person));
  },

  async forProject(table: Table, projectId: string): Promise<WagesPayable[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'WAGES#' } });
    return items.map((i) => recordOf<WagesPayable>(i));
  },
};
