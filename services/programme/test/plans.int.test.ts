import { describe, expect, it } from 'vitest';
import { eventually, q } from '@cocreate/local/testing';
import { api, at, callers, planContent, today } from './support.ts';
import { evidenceUploadRoute } from '../handlers/evidence.ts';
import {
  filePlanRoute,
  getPlanVersionRoute,
  listFiledRoute,
  overdueFilingsRoute,
  reviewPlanRoute,
  setDeadlineRoute,
  writePlanRoute,
} from '../handlers/plans.ts';

const events = async (type: string) => (await api.get(`/_local/bus/events${q({ type })}`)).body.events as { detail: any }[];

describe('implementation plans filed upward (实施方案备案)', () => {
  it('a county files its plan with the city, which returns it once and then acknowledges the revised version', async () => {
    const { year } = await today();
    const written = await api.call(
      writePlanRoute,
      { body: { place: at.county, year, ...planContent('完成2个试点村') } },
      { as: callers.county },
    );
    expect(written.status).toBe(200);
    expect(written.body).toMatchObject({ status: 'draft', version: 1, filedWith: at.city, level: 'county', content: { version: 1 } });

    const filed = await api.call(filePlanRoute, { body: { place: at.county, year } }, { as: callers.county });
    expect(filed).toMatchObject({ status: 200, body: { status: 'filed', version: 1 } });
    // Under review, the county cannot change it.
    const meanwhile = await api.call(writePlanRoute, { body: { place: at.county, year, ...planContent('改') } }, { as: callers.county });
    expect(meanwhile).toMatchObject({ status: 409, body: { code: 'plan-under-review' } });

    const listed = await api.call(listFiledRoute, { query: { with: at.city, year } }, { as: callers.city });
    expect(listed.body.items.map((p: any) => [p.place, p.status])).toEqual([[at.county, 'filed']]);

    // Not the county's to review, nor another county's.
    const self = await api.call(
      reviewPlanRoute,
      { body: { place: at.county, year, version: 1, outcome: 'acknowledged' } },
      { as: callers.county },
    );
    expect(self.status).toBe(403);

    const returned = await api.call(
      reviewPlanRoute,
      { body: { place: at.county, year, version: 1, outcome: 'returned', comments: '责任分工未落实到具体人员' } },
      { as: callers.city },
    );
    expect(returned).toMatchObject({ status: 200, body: { status: 'returned', version: 1 } });
    // raw: invalid input on purpose
    const noComments = await api.post(
      '/programme/plans/review',
      { place: at.county, year, version: 1, outcome: 'returned' },
      { as: callers.city },
    );
    expect(noComments.status).toBe(422);

    const revised = await api.call(
      writePlanRoute,
      { body: { place: at.county, year, ...planContent('完成2个试点村，覆盖30%') } },
      { as: callers.county },
    );
    expect(revised.body).toMatchObject({ status: 'draft', version: 2, content: { goals: ['完成2个试点村，覆盖30%'] } });
    await api.call(filePlanRoute, { body: { place: at.county, year } }, { as: callers.county });
    const stale = await api.call(
      reviewPlanRoute,
      { body: { place: at.county, year, version: 1, outcome: 'acknowledged' } },
      { as: callers.city },
    );
    expect(stale).toMatchObject({ status: 409, body: { code: 'stale-plan-version' } });
    const acked = await api.call(
      reviewPlanRoute,
      { body: { place: at.county, year, version: 2, outcome: 'acknowledged' } },
      { as: callers.city },
    );
    expect(acked).toMatchObject({ status: 200, body: { status: 'acknowledged', version: 2 } });
    expect(acked.body.history.map((h: any) => `${h.action}@${h.version}`)).toEqual([
      'drafted@1',
      'filed@1',
      'returned@1',
      'revised@2',
      'filed@2',
      'acknowledged@2',
    ]);
    const again = await api.call(filePlanRoute, { body: { place: at.county, year } }, { as: callers.county });
    expect(again).toMatchObject({ status: 409, body: { code: 'plan-acknowledged' } });

    // Both versions are kept as they were written.
    const v1 = await api.call(getPlanVersionRoute, { params: { version: '1' }, query: { place: at.county, year } }, { as: callers.city });
    expect(v1.body.goals).toEqual(['完成2个试点村']);

    const published = await eventually(async () => {
      const types = ['PlanDrafted', 'PlanFiled', 'PlanReturned', 'PlanAcknowledged'];
      const all = (await Promise.all(types.map(events))).map((list) => list.filter((e) => e.detail.data.place === at.county).length);
      return all.every((n, i) => n >= [2, 2, 1, 1][i]!) ? all : undefined;
    });
    expect(published).toEqual([2, 2, 1, 1]);
  });

  it('the city lists as overdue the counties that did not file by its deadline, or filed late', async () => {
    const { year, day } = await today();
    // A deadline already past today (the stack's clock is real time), and one in the wrong year.
    const wrongYear = await api.call(setDeadlineRoute, { body: { place: at.city, year, due: `${year + 1}-05-20` } }, { as: callers.city });
    expect(wrongYear).toMatchObject({ status: 422, body: { code: 'deadline-outside-year' } });
    const byCounty = await api.call(setDeadlineRoute, { body: { place: at.city, year, due: `${year}-01-01` } }, { as: callers.county });
    expect(byCounty.status).toBe(403);
    const due = day > `${year}-01-01` ? `${year}-01-01` : day;
    expect((await api.call(setDeadlineRoute, { body: { place: at.city, year, due } }, { as: callers.city })).status).toBe(200);

    // 红安县 filed today (the first test), 麻城市 not at all.
    const overdue = await api.call(overdueFilingsRoute, { query: { with: at.city, year } }, { as: callers.city });
    expect(overdue.status).toBe(200);
    if (day > due) {
      expect(overdue.body.items.map((i: any) => [i.place, i.status, i.late])).toEqual([
        [at.county, 'acknowledged', true],
        [at.otherCounty, 'none', false],
      ]);
    }
    await api.call(writePlanRoute, { body: { place: at.otherCounty, year, ...planContent('目标') } }, { as: callers.otherCounty });
    const filed = await api.call(filePlanRoute, { body: { place: at.otherCounty, year } }, { as: callers.otherCounty });
    expect(filed).toMatchObject({ status: 200, body: { late: day > due } });
    const after = await api.call(overdueFilingsRoute, { query: { with: at.city, year } }, { as: callers.city });
    if (day > due)
      expect(after.body.items.map((i: any) => [i.place, i.late])).toEqual([
        [at.county, true],
        [at.otherCounty, true],
      ]);
    // A county official cannot read the city's list.
    expect((await api.call(overdueFilingsRoute, { query: { with: at.city, year } }, { as: callers.county })).status).toBe(403);
  });

  it('each level writes its own plan only; a village runs no programme; bad input is a 4xx', async () => {
    const { year } = await today();
    const forTownship = await api.call(writePlanRoute, { body: { place: at.township, year, ...planContent('x') } }, { as: callers.county });
    expect(forTownship).toMatchObject({ status: 403, body: { reason: 'role-not-of-level' } });
    const village = await api.call(
      writePlanRoute,
      { body: { place: at.village, year, ...planContent('x') } },
      { as: api.official('t', 'township-official', at.township) },
    );
    expect(village).toMatchObject({ status: 422, body: { code: 'not-a-programme-level' } });
    const unknownItem = await api.call(
      writePlanRoute,
      { body: { place: at.township, year, ...planContent('x'), schedule: [{ item: '7', by: `${year}-06-01`, what: '无' }] } },
      { as: callers.township },
    );
    expect(unknownItem).toMatchObject({ status: 422, body: { code: 'unknown-responsibility' } });
    // raw: invalid input on purpose
    const bad = await api.post('/programme/plans', { place: at.township, year: 'soon', goals: [] }, { as: callers.township });
    expect(bad.status).toBe(422);
    const notFiled = await api.call(filePlanRoute, { body: { place: at.otherTownship, year } }, { as: callers.otherTownship });
    expect(notFiled.status).toBe(404);
    // A township's plan goes to its county, who reviews it; the city does not.
    await api.call(writePlanRoute, { body: { place: at.township, year, ...planContent('镇级目标') } }, { as: callers.township });
    await api.call(filePlanRoute, { body: { place: at.township, year } }, { as: callers.township });
    const notFiledYet = await api.call(
      reviewPlanRoute,
      { body: { place: at.township, year, version: 1, outcome: 'acknowledged' } },
      { as: callers.city },
    );
    expect(notFiledYet).toMatchObject({ status: 403, body: { reason: 'role-not-of-level' } });
    const byCounty = await api.call(
      reviewPlanRoute,
      { body: { place: at.township, year, version: 1, outcome: 'acknowledged' } },
      { as: callers.county },
    );
    expect(byCounty.body.status).toBe('acknowledged');
    const twice = await api.call(
      reviewPlanRoute,
      { body: { place: at.township, year, version: 1, outcome: 'acknowledged' } },
      { as: callers.county },
    );
    expect(twice).toMatchObject({ status: 409, body: { code: 'plan-not-filed' } });
  });

  it('keeps plan documents only when they were uploaded under the level', async () => {
    const { year } = await today();
    const upload = await api.call(
      evidenceUploadRoute,
      {
        body: {
          place: at.otherTownship,
          filename: '实施方案.pdf',
          contentType: 'application/pdf',
          size: Buffer.byteLength('%PDF-1.4 plan'),
        },
      },
      { as: callers.otherTownship },
    );
    expect(upload.status).toBe(201);
    const missing = await api.call(
      writePlanRoute,
      { body: { place: at.otherTownship, year, ...planContent('x'), documents: [{ key: upload.body.key }] } },
      { as: callers.otherTownship },
    );
    expect(missing).toMatchObject({ status: 422, body: { code: 'evidence-missing' } });
    await fetch(upload.body.uploadUrl, { method: 'PUT', headers: upload.body.headers, body: '%PDF-1.4 plan' });
    const kept = await api.call(
      writePlanRoute,
      { body: { place: at.otherTownship, year, ...planContent('x'), documents: [{ key: upload.body.key }] } },
      { as: callers.otherTownship },
    );
    expect(kept.body.content.documents).toEqual([{ key: upload.body.key, contentType: 'application/pdf' }]);
  });
});
