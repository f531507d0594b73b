import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@cocreate/kernel';
import type { RouteBody } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { adoptedCompact, api, articles, busEvents, decide, eventsEventually, instant, today, waitAdopted } from './helpers.ts';
import {
  appealViolationRoute,
  closeRectificationRoute,
  getViolationRoute,
  listViolationsRoute,
  recordViolationRoute,
  ruleOnAppealRoute,
} from '../handlers/violations.ts';
import { createInspectionRoute, getInspectionRoute, listInspectionsRoute, recordInspectionResultsRoute } from '../handlers/inspections.ts';
import { draftAmendmentRoute, submitDraftRoute } from '../handlers/compacts.ts';

const V = demo.majiaqiao;
const cadre = 'p-majiaqiao-01';
const inspector = 'p-majiaqiao-09'; // sanitation-rating group: heads 8, 9, 11
const hh = (n: number) => `${V}/g${n <= 6 ? 1 : 2}/h${String(n).padStart(2, '0')}`;
const head = (n: number) => `p-majiaqiao-${String(n).padStart(2, '0')}`;

/**
 * A compact whose version 1 (in force from 20 days ago) deducts 5 points for unsorted rubbish, and whose version 2
 * (in force from 5 days ago) deducts 10, lists publicly, wants rectification within 3 days, and adds lavish banquets.
 */
let compactId: string;
beforeAll(async () => {
  compactId = await adoptedCompact(
    V,
    cadre,
    { articles: articles('viol', { pointsDeduction: 5, rectificationDays: 7 }) },
    await instant(-20),
  );
  await api.call(
    draftAmendmentRoute,
    {
      params: { compactId },
      body: {
        articles: articles('viol', { pointsDeduction: 10, publicListing: true, rectificationDays: 3 }, [
          { code: 'lavish-banquet', handling: { pointsDeduction: 20, referralTo: 'weddings-funerals-council' } },
        ]),
      },
    },
    { as: cadre },
  );
  await api.call(submitDraftRoute, { params: { compactId, version: '2' } }, { as: cadre });
  await decide(V, compactId, 2, await instant(-5));
  await waitAdopted(compactId, 2, cadre);
});

const record = async (
  household: number,
  occurredOn: string,
  extra: Record<string, unknown> = {},
  as: string | ReturnType<typeof api.person> = inspector,
) =>
  api.call(
    recordViolationRoute,
    {
      body: {
        household: hh(household),
        compactId,
        violationType: 'rubbish-not-sorted',
        occurredOn,
        description: `垃圾未分类 ${newId()}`,
        ...extra,
      },
    },
    { as },
  );

type Inspection = RouteBody<typeof createInspectionRoute>;
type Result = Extract<Inspection, { kind: 'unannounced' }>['results'][number];

describe('inspections by the sanitation-rating work group', () => {
  const results: Result[] = [
    { household: hh(7), item: 'sanitation', outcome: 'pass' },
    { household: hh(8), item: 'sanitation', outcome: 'fail', note: '厨余垃圾混投' },
    { household: hh(8), item: 'greenery', outcome: 'pass' },
  ];

  it('a group member records an unannounced rubbish-sorting check with a result per household and duty item', async () => {
    const res = await api.call(
      createInspectionRoute,
      { body: { kind: 'unannounced', village: V, topic: '垃圾分类突击检查', results } },
      { as: inspector },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'unannounced', status: 'recorded', conductedOn: await today(), inspector, results });
    const ev = await eventsEventually('InspectionRecorded', (d) => d.inspectionId === res.body.inspectionId);
    expect(ev[0].detail.data.results).toEqual(
      results.map(({ household, item, outcome }) => ({ household, item, outcome, hasEvidence: false })),
    );
    // Residents see only their own household's results.
    const mine = await api.call(getInspectionRoute, { params: { inspectionId: res.body.inspectionId } }, { as: head(7) });
    expect(mine.body.results).toEqual([results[0]]);
    expect(
      (await api.call(getInspectionRoute, { params: { inspectionId: res.body.inspectionId } }, { as: cadre })).body.results,
    ).toHaveLength(3);
  });

  it('an inspector of another village cannot inspect here; an inspector role without a seat on the group cannot either', async () => {
    const body: Inspection = { kind: 'unannounced', village: V, topic: '检查', results: results.slice(0, 1) };
    expect((await api.call(createInspectionRoute, { body }, { as: 'p-changsheng-09' })).status).toBe(403);
    const notOnGroup = api.person(head(7), [{ role: 'inspector', place: V }]);
    const refused = await api.call(createInspectionRoute, { body }, { as: notOnGroup });
    expect(refused.status).toBe(403);
    expect((await api.call(createInspectionRoute, { body }, { as: head(7) })).status).toBe(403);
  });

  it('refuses results for other villages’ households, duplicates and future dates', async () => {
    const other = await api.call(
      createInspectionRoute,
      {
        body: {
          kind: 'unannounced',
          village: V,
          topic: 'x',
          results: [{ household: `${demo.changsheng}/g1/h01`, item: 'order', outcome: 'pass' }],
        },
      },
      { as: inspector },
    );
    expect(other.status).toBe(422);
    expect(other.body.errors![0]!.pointer).toBe('/results/0/household');
    const dup = await api.call(
      createInspectionRoute,
      { body: { kind: 'unannounced', village: V, topic: 'x', results: [results[0]!, results[0]!] } },
      { as: inspector },
    );
    expect(dup.body.code).toBe('duplicate-result');
    const future = await api.call(
      createInspectionRoute,
      { body: { kind: 'unannounced', village: V, topic: 'x', conductedOn: await today(1), results } },
      { as: inspector },
    );
    expect(future.body.code).toBe('date-in-future');
  });

  it('a scheduled inspection is announced, then its results are recorded once', async () => {
    const s = await api.call(
      createInspectionRoute,
      { body: { kind: 'scheduled', village: V, topic: '月度卫生评比', scheduledFor: await today(2) } },
      { as: 'p-majiaqiao-11' },
    );
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({ status: 'scheduled', results: [] });
    const past = await api.call(
      createInspectionRoute,
      { body: { kind: 'scheduled', village: V, topic: 'x', scheduledFor: await today(-1) } },
      { as: inspector },
    );
    expect(past.body.code).toBe('scheduled-in-past');
    const done = await api.call(
      recordInspectionResultsRoute,
      { params: { inspectionId: s.body.inspectionId }, body: { results } },
      { as: inspector },
    );
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'recorded', conductedOn: await today(), inspector });
    const again = await api.call(
      recordInspectionResultsRoute,
      { params: { inspectionId: s.body.inspectionId }, body: { results } },
      { as: inspector },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already-recorded');
    const listed = await api.call(listInspectionsRoute, { query: { village: V } }, { as: cadre });
    expect(listed.body.items.some((i: { inspectionId: string }) => i.inspectionId === s.body.inspectionId)).toBe(true);
  });
});

describe('violations apply the handling of the article version in force on their date', () => {
  it('the day before the amendment: version 1’s handling; on the day of change: version 2’s', async () => {
    const before = await record(8, await today(-6));
    expect(before.status).toBe(201);
    expect(before.body).toMatchObject({
      compactVersion: 1,
      articleId: 'art-5',
      handling: { pointsDeduction: 5, rectificationDays: 7 },
      person: head(8),
      status: 'recorded',
    });
    expect(before.body.rectification).toEqual({ deadline: await today(7), status: 'open' });
    const onTheDay = await record(8, await today(-5));
    expect(onTheDay.body).toMatchObject({
      compactVersion: 2,
      handling: { pointsDeduction: 10, publicListing: true, rectificationDays: 3 },
    });

    const ev = await eventsEventually(
      'ViolationRecorded',
      (d) => d.violationId === before.body.violationId || d.violationId === onTheDay.body.violationId,
      2,
    );
    const byId = Object.fromEntries(ev.map((e) => [e.detail.data.violationId, e.detail.data]));
    expect(byId[before.body.violationId]).toMatchObject({
      person: head(8),
      household: hh(8),
      compactId,
      compactVersion: 1,
      handling: { pointsDeduction: 5 },
    });
    expect(byId[onTheDay.body.violationId]).toMatchObject({
      compactVersion: 2,
      handling: { pointsDeduction: 10, publicListing: true, rectificationDays: 3 },
    });
  });

  it('a type the version then in force did not define, a day before any version, or a future day is refused', async () => {
    const banquetEarly = await record(7, await today(-6), { violationType: 'lavish-banquet' });
    expect(banquetEarly.status).toBe(422);
    expect(banquetEarly.body.code).toBe('violation-type-not-in-force');
    const banquet = await record(7, await today(-1), { violationType: 'lavish-banquet' });
    expect(banquet.body.handling).toEqual({ pointsDeduction: 20, referralTo: 'weddings-funerals-council' });
    expect(banquet.body.rectification).toBeUndefined();
    expect((await record(7, await today(-21))).body.code).toBe('no-version-in-force');
    expect((await record(7, await today(1))).body.code).toBe('date-in-future');
  });

  it('the deduction falls on a named member of the household, never on someone outside it', async () => {
    const named = await record(8, await today(), { person: 'p-majiaqiao-08-2' });
    expect(named.body.person).toBe('p-majiaqiao-08-2');
    const outsider = await record(8, await today(), { person: head(7) });
    expect(outsider.status).toBe(422);
    expect(outsider.body.code).toBe('person-not-in-household');
    expect(outsider.body.errors![0]!.pointer).toBe('/person');
  });

  it('only the village’s inspectors (on the group) and cadres record; another village’s compact is refused', async () => {
    expect((await record(8, await today(), {}, 'p-changsheng-09')).status).toBe(403);
    expect((await record(8, await today(), {}, head(7))).status).toBe(403);
    // The inspector role alone is not enough: head 7 does not sit on the sanitation-rating group.
    const offGroup = await record(8, await today(), {}, api.person(head(7), [{ role: 'inspector', place: V }]));
    expect(offGroup.status).toBe(403);
    expect(offGroup.body.reason).toBe('not-in-rating-group');
    expect((await record(8, await today(), {}, cadre)).status).toBe(201);
    const foreign = await adoptedCompact(
      demo.changsheng,
      'p-changsheng-01',
      { articles: articles('f', { pointsDeduction: 1 }) },
      await instant(-1),
    );
    const res = await record(8, await today(), { compactId: foreign });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('compact-elsewhere');
  });

  it('residents see only their own household’s violations', async () => {
    const v = await record(8, await today());
    expect((await api.call(getViolationRoute, { params: { violationId: v.body.violationId } }, { as: head(7) })).status).toBe(404);
    expect((await api.call(getViolationRoute, { params: { violationId: v.body.violationId } }, { as: 'p-majiaqiao-08-1' })).status).toBe(
      200,
    );
    const list = await api.call(listViolationsRoute, { query: { village: V } }, { as: head(7) });
    expect(list.body.items.every((x: { household: string }) => x.household === hh(7))).toBe(true);
    const all = await api.call(listViolationsRoute, { query: { village: V } }, { as: 'p-majiaqiao-10' });
    expect(all.body.items.some((x: { violationId: string }) => x.violationId === v.body.violationId)).toBe(true);
  });
});

describe('appeals to the morality review council (道德评议会: heads 6, 8, 10)', () => {
  it('a household appeals once; its own member cannot rule; another member overturns and the consequences are reversed', async () => {
    const v = await record(8, await today(-1));
    const id = v.body.violationId;
    expect(
      (await api.call(appealViolationRoute, { params: { violationId: id }, body: { reason: '不是我家' } }, { as: head(7) })).status,
    ).toBe(403);
    const appealed = await api.call(
      appealViolationRoute,
      { params: { violationId: id }, body: { reason: '当日垃圾已由家属分类，检查记录有误。' } },
      { as: 'p-majiaqiao-08-1' },
    );
    expect(appealed.status).toBe(200);
    expect(appealed.body).toMatchObject({ status: 'appealed', appeal: { by: 'p-majiaqiao-08-1' } });
    const twice = await api.call(appealViolationRoute, { params: { violationId: id }, body: { reason: '再次申诉' } }, { as: head(8) });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already-appealed');
    await eventsEventually('ViolationAppealed', (d) => d.violationId === id);

    // Household 8's head sits on the council: not on their own appeal.
    const own = await api.call(
      ruleOnAppealRoute,
      { params: { violationId: id }, body: { outcome: 'overturn', reason: '自己家' } },
      { as: head(8) },
    );
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('own-household');
    // A council-member role without a seat on this council, and another village's member: refused.
    expect(
      (
        await api.call(
          ruleOnAppealRoute,
          { params: { violationId: id }, body: { outcome: 'overturn', reason: 'x' } },
          { as: api.person(head(3), [{ role: 'council-member', place: V }]) },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await api.call(
          ruleOnAppealRoute,
          { params: { violationId: id }, body: { outcome: 'overturn', reason: 'x' } },
          { as: 'p-changsheng-06' },
        )
      ).status,
    ).toBe(403);

    const reason = '经评议，当日垃圾已分类，撤销处理。';
    const overturned = await api.call(
      ruleOnAppealRoute,
      { params: { violationId: id }, body: { outcome: 'overturn', reason } },
      { as: head(6) },
    );
    expect(overturned.status).toBe(200);
    expect(overturned.body).toMatchObject({ status: 'overturned', ruling: { outcome: 'overturned', by: head(6), reason } });
    expect(overturned.body.rectification!.status).toBe('cancelled');
    const late = await api.call(
      ruleOnAppealRoute,
      { params: { violationId: id }, body: { outcome: 'uphold', reason: 'x' } },
      { as: head(10) },
    );
    expect(late.status).toBe(409);

    // What rewards consumes to reverse the deduction: the right violation and person, exactly once.
    const ev = await eventsEventually('ViolationOverturned', (d) => d.violationId === id);
    expect(ev).toHaveLength(1);
    expect(ev[0].detail.data).toMatchObject({ violationId: id, village: V, household: hh(8), person: head(8), reason });
    expect(ev[0].detail.meta.actor).toEqual({ sub: head(6), role: 'council-member' });
    const close = await api.call(closeRectificationRoute, { params: { violationId: id }, body: { note: '已整改' } }, { as: inspector });
    expect(close.status).toBe(409);
    expect(close.body.code).toBe('overturned');
  });

  it('the council upholds: the handling stands', async () => {
    const v = await record(7, await today());
    await api.call(appealViolationRoute, { params: { violationId: v.body.violationId }, body: { reason: '不服' } }, { as: head(7) });
    const upheld = await api.call(
      ruleOnAppealRoute,
      { params: { violationId: v.body.violationId }, body: { outcome: 'uphold', reason: '照片清楚' } },
      { as: head(10) },
    );
    expect(upheld.body).toMatchObject({ status: 'upheld', handling: { pointsDeduction: 10 } });
    const ev = await eventsEventually('ViolationUpheld', (d) => d.violationId === v.body.violationId);
    expect(ev[0].detail.data).toMatchObject({ person: head(7), household: hh(7), reason: '照片清楚' });
  });

  it('whoever recorded the violation cannot rule on its appeal', async () => {
    const v = await record(7, await today(), {}, head(8)); // head 8 inspects and sits on the council
    await api.call(appealViolationRoute, { params: { violationId: v.body.violationId }, body: { reason: '不服' } }, { as: head(7) });
    const res = await api.call(
      ruleOnAppealRoute,
      { params: { violationId: v.body.violationId }, body: { outcome: 'overturn', reason: 'x' } },
      { as: head(8) },
    );
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('recorded-it');
  });

  it('two council members ruling at once: one ruling stands', async () => {
    const v = await record(9, await today());
    await api.call(appealViolationRoute, { params: { violationId: v.body.violationId }, body: { reason: '不服' } }, { as: head(9) });
    const both = await Promise.all(
      [head(6), head(10)].map((m) =>
        api.call(
          ruleOnAppealRoute,
          { params: { violationId: v.body.violationId }, body: { outcome: 'overturn', reason: `由 ${m}` } },
          { as: m },
        ),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    await eventsEventually('ViolationOverturned', (d) => d.violationId === v.body.violationId);
    await new Promise((r) => setTimeout(r, 500));
    expect(await busEvents('ViolationOverturned', (d) => d.violationId === v.body.violationId)).toHaveLength(1);
  });
});

describe('rectification to closure', () => {
  it('closed on time by an inspector; an open one past its deadline is flagged overdue by the job, then closed late', async () => {
    const onTime = await record(11, await today());
    expect(onTime.body.rectification!.deadline).toBe(await today(3));
    const closed = await api.call(
      closeRectificationRoute,
      { params: { violationId: onTime.body.violationId }, body: { note: '已分类投放' } },
      { as: inspector },
    );
    expect(closed.status).toBe(200);
    expect(closed.body.rectification).toMatchObject({ status: 'closed', closedOn: await today(), late: false, closedBy: inspector });
    expect(
      (
        await api.call(
          closeRectificationRoute,
          { params: { violationId: onTime.body.violationId }, body: { note: 'x' } },
          { as: inspector },
        )
      ).status,
    ).toBe(409);
    // Head 11 inspects, but not their own household's rectification; a resident who does not inspect cannot at all.
    const own = await api.call(
      closeRectificationRoute,
      { params: { violationId: onTime.body.violationId }, body: { note: 'x' } },
      { as: head(11) },
    );
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('own-household');
    expect(
      (await api.call(closeRectificationRoute, { params: { violationId: onTime.body.violationId }, body: { note: 'x' } }, { as: head(12) }))
        .status,
    ).toBe(403);
    const ev = await eventsEventually('RectificationClosed', (d) => d.violationId === onTime.body.violationId);
    expect(ev[0].source).toBe('cocreate.compacts');
    expect(ev[0].detail.data).toMatchObject({ person: head(11), late: false });

    const slow = await record(12, await today());
    const appealed = await record(10, await today());
    await api.call(
      appealViolationRoute,
      { params: { violationId: appealed.body.violationId }, body: { reason: '不服' } },
      { as: head(10) },
    );
    const deadline = slow.body.rectification!.deadline;
    // Four days later (the clock moves for everyone and runs every job once).
    await api.post('/_local/clock', { advance: 'P4D' });
    await api.post('/_local/jobs/compacts/flag-overdue-rectifications', {});
    const flagged = await api.call(getViolationRoute, { params: { violationId: slow.body.violationId } }, { as: cadre });
    expect(flagged.body.rectification).toMatchObject({ status: 'overdue', deadline });
    // Under appeal: not flagged while the council has not ruled.
    expect(
      (await api.call(getViolationRoute, { params: { violationId: appealed.body.violationId } }, { as: cadre })).body.rectification!.status,
    ).toBe('open');
    const overdue = await eventsEventually('RectificationOverdue', (d) => d.violationId === slow.body.violationId);
    expect(overdue[0].detail.data).toMatchObject({ household: hh(12), deadline });
    // Running the job again changes nothing.
    await api.post('/_local/jobs/compacts/flag-overdue-rectifications', {});
    await new Promise((r) => setTimeout(r, 500));
    expect(await busEvents('RectificationOverdue', (d) => d.violationId === slow.body.violationId)).toHaveLength(1);

    const lateClose = await api.call(
      closeRectificationRoute,
      { params: { violationId: slow.body.violationId }, body: { note: '补做' } },
      { as: cadre },
    );
    expect(lateClose.body.rectification).toMatchObject({ status: 'closed', late: true });
  });

  it('a handling without rectification has nothing to close', async () => {
    const banquet = await record(7, await today(), { violationType: 'lavish-banquet' });
    const res = await api.call(
      closeRectificationRoute,
      { params: { violationId: banquet.body.violationId }, body: { note: 'x' } },
      { as: cadre },
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('no-rectification');
  });
});
