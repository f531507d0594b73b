import { describe, expect, it } from 'vitest';
import { api, at, callers, today } from './support.ts';
import { assignTaskRoute, flaggedTasksRoute, getTaskRoute, listTasksRoute, reportOnTaskRoute } from '../handlers/tasks.ts';

const task = (due: string, year: number, extra: Record<string, unknown> = {}) => ({
  place: at.township,
  year,
  title: '完成马家桥村共同缔造项目',
  leader: '张镇长',
  unit: '七里坪镇建设办',
  person: '李干事',
  due,
  ...extra,
});

describe('tasks with responsibility (责任领导/责任单位/责任人员)', () => {
  it('a township’s task goes overdue and appears on the county’s list; once done it leaves it', async () => {
    const { day, year } = await today();
    const assigned = await api.call(assignTaskRoute, { body: task(day, year) }, { as: callers.township });
    expect(assigned).toMatchObject({ status: 201, body: { status: 'open', watchedBy: at.county, flags: [] } });
    const targeted = await api.call(
      assignTaskRoute,
      { body: task(day, year, { title: '建成2个示范村', target: { measure: '示范村建成', unit: '个', value: 2 } }) },
      { as: callers.township },
    );
    const id = assigned.body.taskId as string;
    const targetedId = targeted.body.taskId as string;

    const before = await api.call(flaggedTasksRoute, { query: { area: at.county } }, { as: callers.county });
    expect(before.body.items).toEqual([]);

    await api.post('/_local/clock', { advance: 'P1D' });
    const after = await api.call(flaggedTasksRoute, { query: { area: at.county } }, { as: callers.county });
    expect(after.status).toBe(200);
    const byId = new Map(after.body.items.map((t: any) => [t.taskId, t.flags]));
    expect(byId.get(id)).toEqual(['overdue']);
    expect(byId.get(targetedId)).toEqual(['overdue', 'target-missed']);
    // The city watches the counties, not the townships; the township cannot read its county's list.
    expect((await api.call(flaggedTasksRoute, { query: { area: at.city } }, { as: callers.city })).body.items).toEqual([]);
    expect((await api.call(flaggedTasksRoute, { query: { area: at.county } }, { as: callers.township })).status).toBe(403);

    // Paged: one at a time.
    const first = await api.call(flaggedTasksRoute, { query: { area: at.county, limit: 1 } }, { as: callers.county });
    expect(first.body.items).toHaveLength(1);
    const second = await api.call(
      flaggedTasksRoute,
      { query: { area: at.county, limit: 1, cursor: first.body.cursor } },
      {
        as: callers.county,
      },
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]!.taskId).not.toBe(first.body.items[0]!.taskId);

    const done = await api.call(
      reportOnTaskRoute,
      { params: { taskId: id }, body: { note: '已完成', done: true } },
      { as: callers.township },
    );
    expect(done).toMatchObject({ status: 201, body: { task: { status: 'done', flags: ['done-late'] }, report: { reportNo: 1 } } });
    const shortOfTarget = await api.call(
      reportOnTaskRoute,
      { params: { taskId: targetedId }, body: { note: '建成1个', achieved: 1, done: true } },
      { as: callers.township },
    );
    expect(shortOfTarget.body.task.flags).toEqual(['done-late', 'target-missed']);
    const now = await api.call(flaggedTasksRoute, { query: { area: at.county } }, { as: callers.county });
    expect(now.body.items.map((t: any) => [t.taskId, t.flags])).toEqual([[targetedId, ['done-late', 'target-missed']]]);

    const late = await api.call(reportOnTaskRoute, { params: { taskId: id }, body: { note: '补充' } }, { as: callers.township });
    expect(late).toMatchObject({ status: 409, body: { code: 'task-done' } });
    const read = await api.call(getTaskRoute, { params: { taskId: id } }, { as: callers.county });
    expect(read.body.reports.map((r: any) => r.note)).toEqual(['已完成']);
  });

  it('keeps reports honest: a value only against a target, deadlines within the year, the level’s own officials only', async () => {
    const { day, year } = await today();
    const outside = await api.call(assignTaskRoute, { body: task(`${year + 1}-01-10`, year) }, { as: callers.township });
    expect(outside).toMatchObject({ status: 422, body: { code: 'due-outside-year' } });
    const byCounty = await api.call(assignTaskRoute, { body: task(day, year) }, { as: callers.county });
    expect(byCounty).toMatchObject({ status: 403, body: { reason: 'role-not-of-level' } });
    const plain = await api.call(assignTaskRoute, { body: task(day, year) }, { as: callers.township });
    const value = await api.call(
      reportOnTaskRoute,
      { params: { taskId: plain.body.taskId }, body: { note: '进展', achieved: 3 } },
      { as: callers.township },
    );
    expect(value).toMatchObject({ status: 422, body: { code: 'achieved-without-target' } });
    const other = await api.call(
      reportOnTaskRoute,
      { params: { taskId: plain.body.taskId }, body: { note: '进展' } },
      { as: callers.otherTownship },
    );
    expect(other.status).toBe(403);
    const missing = await api.call(getTaskRoute, { params: { taskId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D' } }, { as: callers.county });
    expect(missing.status).toBe(404);
    // raw: invalid input on purpose
    const bad = await api.post('/programme/tasks', { place: at.township, year, title: '', due: 'soon' }, { as: callers.township });
    expect(bad.status).toBe(422);
    const own = await api.call(listTasksRoute, { query: { place: at.township } }, { as: callers.township });
    expect(own.body.items.map((t: any) => t.taskId)).toContain(plain.body.taskId);
  });
});
