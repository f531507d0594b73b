import { type Table, type UnitOfWork, type Versioned, readVersioned } from '@cocreate/kernel';
import type { ProjectRecord } from '../domain/project-reviews.ts';
import { keys } from './keys.ts';

export const projects = {
  get: (table: Table, pid: string): Promise<Versioned<ProjectRecord> | undefined> => readVersioned<ProjectRecord>(table, keys.project(pid)),
  put(tx: UnitOfWork, p: ProjectRecord, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.project(p.projectId), ...p }, expectedVersion, 'retry');
  },
  /** A stage's review of a kind opens once. */
  guardStage(tx: UnitOfWork, pid: string, stage: string, kind: string, reviewId: string): void {
    tx.create({ ...keys.projectStage(pid, stage, kind), reviewId }, 'retry');
  },
  async stageReviews(table: Table, pid: string): Promise<string[]> {
    const items = await table.queryAll({ pk: keys.project(pid).pk, sk: { beginsWith: 'STAGE#' } });
    return items.map((i) => i.reviewId as string);
  },
};
