import * as z from 'zod';
import { once, EvidenceRef, Id, IsoDate, PlacePath, TaskTarget } from '@cocreate/contracts';
import { type Refused, refused } from './refusals.ts';

/**
 * Tasks of a level's programme, each with 责任领导/责任单位/责任人员, a deadline and, where it has one, a measurable
 * target; the people responsible report on them with evidence. The level above sees the ones that went wrong: open
 * past their deadline (overdue) or finished short of their target (target missed) — judged on China calendar days at
 * the moment of reading, so nothing waits for a job to notice a deadline passing.
 */

const Text = (max: number) => z.string().trim().min(1).max(max);

export const AssignTask = once(() =>
  z.object({
    place: PlacePath,
    year: z.number().int().min(2000).max(2100),
    title: Text(200),
    leader: Text(100),
    unit: Text(200),
    person: Text(100),
    due: IsoDate,
    target: TaskTarget().optional(),
  }),
);
export type AssignTask = z.infer<ReturnType<typeof AssignTask>>;

export const ReportOnTask = once(() =>
  z.object({
    note: Text(2000),
    /** The measured value reached so far (cumulative), for a task with a target. */
    achieved: z.number().nonnegative().optional(),
    done: z.boolean().default(false),
    evidence: z.array(EvidenceRef).max(20).default([]),
  }),
);
export type ReportOnTask = z.infer<ReturnType<typeof ReportOnTask>>;

export const Task = once(() =>
  AssignTask().extend({
    taskId: Id,
    /** The level above, which watches this task. */
    watchedBy: PlacePath,
    status: z.enum(['open', 'done']),
    achieved: z.number().nonnegative().optional(),
    doneOn: IsoDate.optional(),
    reports: z.number().int().nonnegative(),
    lastReportOn: IsoDate.optional(),
    revision: z.number().int().positive(),
  }),
);
export type Task = z.infer<ReturnType<typeof Task>>;

export const TaskReport = once(() =>
  z.object({
    taskId: Id,
    reportNo: z.number().int().positive(),
    note: z.string(),
    achieved: z.number().nonnegative().optional(),
    done: z.boolean(),
    evidence: z.array(EvidenceRef),
    reportedOn: IsoDate,
    by: z.string(),
  }),
);
export type TaskReport = z.infer<ReturnType<typeof TaskReport>>;

export function decideAssign(cmd: AssignTask): true | Refused<'due-outside-year'> {
  return Number(cmd.due.slice(0, 4)) === cmd.year ? true : refused('due-outside-year');
}

/** A report: the latest value reached and whether it is done; a done task takes no more reports. */
export function decideReport(task: Task, cmd: ReportOnTask, today: string, by: string): { task: Task; report: TaskReport } | Refused {
  if (task.status === 'done') return refused('task-done');
  if (cmd.achieved !== undefined && !task.target) return refused('achieved-without-target');
  const reportNo = task.reports + 1;
  const achieved = cmd.achieved ?? task.achieved;
  const next: Task = {
    ...task,
    ...(achieved !== undefined ? { achieved } : {}),
    status: cmd.done ? 'done' : 'open',
    ...(cmd.done ? { doneOn: today } : {}),
    reports: reportNo,
    lastReportOn: today,
    revision: task.revision + 1,
  };
  const report: TaskReport = {
    taskId: task.taskId,
    reportNo,
    note: cmd.note,
    ...(cmd.achieved !== undefined ? { achieved: cmd.achieved } : {}),
    done: cmd.done,
    evidence: cmd.evidence,
    reportedOn: today,
    by,
  };
  return { task: next, report };
}

export type TaskFlag = 'overdue' | 'done-late' | 'target-missed';

/**
 * What the level above is shown about a task on a day: overdue while it is open after its deadline; done late when it
 * was finished after it; target missed when its deadline passed with less reached than the target.
 */
export function flagsOf(task: Pick<Task, 'status' | 'due' | 'doneOn' | 'target' | 'achieved'>, today: string): TaskFlag[] {
  const flags: TaskFlag[] = [];
  if (task.status === 'open' && today > task.due) flags.push('overdue');
  if (task.status === 'done' && task.doneOn !== undefined && task.doneOn > task.due) flags.push('done-late');
  if (task.target && today > task.due && (task.achieved ?? 0) < task.target.value) flags.push('target-missed');
  return flags;
}

/**
 * Whether the level above still watches a task: while it is open, and after it is done short of its target. A task
 * finished (late or not) with its target reached leaves the watch list; the reports still count it as done late.
 */
export function stillWatched(task: Pick<Task, 'status' | 'target' | 'achieved'>): boolean {
  if (task.status === 'open') return true;
  return task.target !== undefined && (task.achieved ?? 0) < task.target.value;
}
