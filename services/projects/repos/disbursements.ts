import { type Table, type UnitOfWork, cond, readRecord, recordOf } from '@cocreate/kernel';
import type { Disbursement } from '../domain/disbursements.ts';
import { keys } from './keys.ts';

export const disbursements = {
  create(tx: UnitOfWork, d: Disbursement): void {
    tx.create({ ...keys.disbursement(d.projectId, d.disbursementId), ...d }, 'retry');
  },

  get(table: Table, projectId: string, id: string): Promise<Disbursement | undefined> {
    return readRecord<Disbursement>(table, keys.disbursement(projectId, id));
  },

  /** Moves the status on only from the one it was read in: a concurrent approval makes this unit recompute. */
  advance(
    tx: UnitOfWork,
    d: Pick<Disbursement, 'projectId' | 'disbursementId'>,
    from: Disbursement['status'],
    set: Partial<Disbursement>,
  ): void {
    tx.update(keys.disbursement(d.projectId, d.disbursementId), { set }, { condition: cond.equals('status', from), onConflict: 'retry' });
  },

  async forProject(table: Table, projectId: string): Promise<Disbursement[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'DISB#' } });
    return items.map((i) => recordOf<Disbursement>(i));
  },
};
