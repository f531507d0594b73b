import { type OnConflict, type Table, type UnitOfWork, pageOf, readRecord } from '@cocreate/kernel';
import { stillWatched, type Task, type TaskReport } from '../domain/tasks.ts';
import { keys, writeAtRevision } from './keys.ts';

const page = (limit: number, cursor?: string) => ({ limit, ...(cursor ? { cursor } : {}) });

export const tasks = {
  get: (table: Table, id: string) => readRecord<Task>(table, keys.task(id)),

  /** The tasks the level above watches, deadline first, due before `day` (exclusive). */
  watched: (table: Table, above: string, beforeDay: string, limit: number, cursor?: string) =>
    pageOf<Task>(table, { index: 'gsi1', pk: keys.watch(above), sk: { lt: beforeDay }, ...page(limit, cursor) }),

  /** Every task of the levels below `above` due within [from, to] (days), for a period's report. */
  dueWithin: (table: Table, above: string, from: string, to: string) =>
    table.queryAll({ index: 'gsi2', pk: keys.tasksOf(above), sk: { between: [from, `${to}#~`] } }),

  /** A level's own tasks, deadline first. */
  of: (table: Table, place: string, limit: number, cursor?: string) =>
    pageOf<Task>(table, { index: 'gsi3', pk: keys.tasks(place), ...page(limit, cursor) }),

  reports: (table: Table, id: string, limit: number, cursor?: string) =>
    pageOf<TaskReport>(table, { pk: keys.task(id).pk, sk: { beginsWith: 'REPORT#' }, ...page(limit, cursor) }),

  /** The task at its revision; on the watch list of the level above while it still needs watching. */
  write(tx: UnitOfWork, task: Task, exists: OnConflict): void {
    const dueKey = `${task.due}#${task.taskId}`;
    writeAtRevision(
      tx,
      {
        ...keys.task(task.taskId),
        ...(stillWatched(task) ? { gsi1pk: keys.watch(task.watchedBy), gsi1sk: dueKey } : {}),
        gsi2pk: keys.tasksOf(task.watchedBy),
        gsi2sk: dueKey,
        gsi3pk: keys.tasks(task.place),
        gsi3sk: dueKey,
        ...task,
      },
      task.revision,
      exists,
    );
  },

  addReport(tx: UnitOfWork, report: TaskReport): void {
    tx.create({ ...keys.taskReport(report.taskId, report.reportNo), ...report }, 'retry');
  },
};
