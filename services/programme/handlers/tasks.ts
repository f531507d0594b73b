import * as z from 'zod';
import { once, Id, IsoDate, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { OFFICIALS } from '../domain/levels.ts';
import { AssignTask, ReportOnTask, Task, TaskReport } from '../domain/tasks.ts';
import { assignTask, flaggedTasks, getTask, listTasks, reportOnTask, taskOrThrow } from '../app/tasks.ts';

const Flagged = once(() => Task().extend({ flags: z.array(z.enum(['overdue', 'done-late', 'target-missed'])) }));
const TaskParams = once(() => z.object({ taskId: Id }));

export const assignTaskRoute = defineRoute({
  method: 'POST',
  path: '/programme/tasks',
  operationId: 'assignProgrammeTask',
  summary: 'A task of the level’s programme with 责任领导/责任单位/责任人员, a deadline and any measurable target',
  auth: { roles: OFFICIALS, place: ({ body }) => body.place },
  body: () => AssignTask(),
  response: () => Flagged(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => assignTask(body, ctx),
});

export const flaggedTasksRoute = defineRoute({
  method: 'GET',
  path: '/programme/tasks/flagged',
  operationId: 'listFlaggedTasks',
  summary: 'For the level above: the tasks of the levels below past their deadline and still open or short of target',
  auth: { roles: OFFICIALS, place: ({ query }) => query.area },
  query: () => z.object({ area: PlacePath, ...pageQuery() }),
  response: () => z.object({ area: PlacePath, today: IsoDate, items: z.array(Flagged()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => flaggedTasks(query, ctx),
});

export const listTasksRoute = defineRoute({
  method: 'GET',
  path: '/programme/tasks',
  operationId: 'listProgrammeTasks',
  summary: 'A level’s own tasks, deadline first, with today’s flags',
  auth: { roles: OFFICIALS, place: ({ query }) => query.place },
  query: () => z.object({ place: PlacePath, ...pageQuery() }),
  response: () => z.object({ items: z.array(Flagged()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => listTasks(query, ctx),
});

export const getTaskRoute = defineRoute({
  method: 'GET',
  path: '/programme/tasks/{taskId}',
  operationId: 'getProgrammeTask',
  summary: 'A task with its flags and its status reports, a page at a time',
  auth: { roles: OFFICIALS, place: async ({ params }, ctx) => (await taskOrThrow(ctx, params.taskId)).place },
  params: () => TaskParams(),
  query: () => z.object(pageQuery()),
  response: () => Flagged().extend({ reports: z.array(TaskReport()), cursor: z.string().optional() }),
  handler: ({ params, query }, ctx) => getTask(params.taskId, query, ctx),
});

export const reportOnTaskRoute = defineRoute({
  method: 'POST',
  path: '/programme/tasks/{taskId}/reports',
  operationId: 'reportOnProgrammeTask',
  summary: 'A status report on a task: a note, the value reached, whether it is done, evidence',
  auth: { roles: OFFICIALS, place: async ({ params }, ctx) => (await taskOrThrow(ctx, params.taskId)).place },
  params: () => TaskParams(),
  body: () => ReportOnTask(),
  response: () => z.object({ task: Flagged(), report: TaskReport() }),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => reportOnTask(params.taskId, body, ctx),
});

export const taskRoutes = [assignTaskRoute, flaggedTasksRoute, listTasksRoute, getTaskRoute, reportOnTaskRoute];
