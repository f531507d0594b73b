import { TaskAssigned, TaskReported } from '@cocreate/contracts';
import { type RouteContext, newId, problems } from '@cocreate/kernel';
import { type AssignTask, type ReportOnTask, type Task, decideAssign, decideReport, flagsOf } from '../domain/tasks.ts';
import { tasks } from '../repos/tasks.ts';
import { authorAt, today, verified } from './common.ts';
import { settled } from './refusals.ts';

const withFlags = (task: Task, day: string) => ({ ...task, flags: flagsOf(task, day) });

/** A task of the level's programme, with who answers for it; the level above watches it from now on. */
export async function assignTask(cmd: AssignTask, ctx: RouteContext) {
  const { above } = await authorAt(ctx, cmd.place);
  settled(decideAssign(cmd), '/due');
  const task: Task = { ...cmd, taskId: newId(), watchedBy: above.path, status: 'open', reports: 0, revision: 1 };
  tasks.write(ctx.tx, task, 'retry');
  ctx.tx.emit(TaskAssigned, { ...cmd, taskId: task.taskId }, { place: cmd.place });
  return withFlags(task, today(ctx));
}

export async function taskOrThrow(ctx: RouteContext, id: string): Promise<Task> {
  const task = await ctx.once(`task:${id}`, () => tasks.get(ctx.table, id));
  if (!task) throw problems.notFound({ zh: '任务', en: 'The task' });
  return task;
}

/** A status report by the level's own officials, with evidence under the level. */
export async function reportOnTask(id: string, cmd: ReportOnTask, ctx: RouteContext) {
  const task = await taskOrThrow(ctx, id);
  await authorAt(ctx, task.place);
  const evidence = await verified(ctx, cmd.evidence, task.place, '/evidence');
  const day = today(ctx);
  const { task: next, report } = settled(decideReport(task, { ...cmd, evidence }, day, ctx.actor.sub), '/achieved');
  tasks.write(ctx.tx, next, 'retry');
  tasks.addReport(ctx.tx, report);
  ctx.tx.emit(
    TaskReported,
    {
      taskId: id,
      place: task.place,
      reportNo: report.reportNo,
      ...(report.achieved !== undefined ? { achieved: report.achieved } : {}),
      done: report.done,
      reportedOn: day,
      evidence,
    },
    { place: task.place },
  );
  return { task: withFlags(next, day), report };
}

export async function getTask(id: string, q: { limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  const task = await taskOrThrow(ctx, id);
  const reports = await tasks.reports(ctx.table, id, q.limit, q.cursor);
  return { ...withFlags(task, today(ctx)), reports: reports.items, ...(reports.cursor ? { cursor: reports.cursor } : {}) };
}

/** A level's own tasks, deadline first, each with its flags today. */
export async function listTasks(q: { place: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  const page = await tasks.of(ctx.table, q.place, q.limit, q.cursor);
  const day = today(ctx);
  return { items: page.items.map((t) => withFlags(t, day)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/**
 * What the level above is shown: the tasks of the levels below it whose deadline has passed and that are still open
 * or short of their target — judged today, from the deadlines, a page at a time.
 */
export async function flaggedTasks(q: { area: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  const day = today(ctx);
  const page = await tasks.watched(ctx.table, q.area, day, q.limit, q.cursor);
  return { area: q.area, today: day, items: page.items.map((t) => withFlags(t, day)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}
