import { describe, expect, it } from 'vitest';
import { newId } from '@cocreate/kernel';
import { maskName } from '@cocreate/places';
import { demo } from '@cocreate/places/seed';
import { demoDirectory } from '@cocreate/places/directory';
import { adoptedCompact, api, articles, busEvents, clockNow, eventsEventually, instant, today } from './helpers.ts';
import { adoptSpaceRoute, logUpkeepRoute, registerSpaceRoute } from '../handlers/spaces.ts';
import { appealViolationRoute, recordViolationRoute, ruleOnAppealRoute } from '../handlers/violations.ts';
import { createInspectionRoute } from '../handlers/inspections.ts';
import { getBoardInFullRoute, getPublicBoardsRoute, publishBoardRoute } from '../handlers/boards.ts';

/**
 * The red/black list of 石峰村 (no other compacts test writes there) for the current month, on a small known data
 * set, published after the month ends. The rule itself is tested on a larger known data set in boards.test.ts.
 */
const V = demo.shifeng;
const cadre = 'p-shifeng-01';
const inspector = 'p-shifeng-09';
const hh = (n: number) => `${V}/g${n <= 6 ? 1 : 2}/h${String(n).padStart(2, '0')}`;
const head = (n: number) => `p-shifeng-${String(n).padStart(2, '0')}`;
const masked = (n: number) => maskName(demoDirectory.person(head(n))!.name);

/** Moves the shared clock to 01:00 China time on the first day of next month; returns the month that ended. */
async function toNextMonth(): Promise<string> {
  const now = await clockNow();
  const [y, m] = (await today()).split('-').map(Number) as [number, number];
  const nextMonthStart = Date.UTC(y, m, 1) - 8 * 3600 * 1000; // 00:00 in China on the 1st of next month
  const to = new Date(Math.max(nextMonthStart + 3600 * 1000, now.getTime()));
  const res = await api.post('/_local/clock', { to: to.toISOString() });
  expect(res.status).toBe(200);
  return `${y}-${String(m).padStart(2, '0')}`;
}

describe('红黑榜 of a village for a month', () => {
  it('is computed by the published rule from inspections, violations and upkeep, once per period, and shown masked', async () => {
    const period = (await today()).slice(0, 7);
    const compactId = await adoptedCompact(
      V,
      cadre,
      { articles: articles('board', { pointsDeduction: 5, publicListing: true }) },
      await instant(),
    );

    const inspected = await api.call(
      createInspectionRoute,
      {
        body: {
          kind: 'unannounced',
          village: V,
          topic: '月度卫生检查',
          results: [
            { household: hh(1), item: 'sanitation', outcome: 'pass' },
            { household: hh(1), item: 'order', outcome: 'pass' },
            { household: hh(2), item: 'sanitation', outcome: 'pass' },
            { household: hh(2), item: 'order', outcome: 'pass' },
            { household: hh(3), item: 'sanitation', outcome: 'fail' },
            { household: hh(3), item: 'order', outcome: 'fail' },
            { household: hh(6), item: 'sanitation', outcome: 'pass' },
          ],
        },
      },
      { as: inspector },
    );
    expect(inspected.status).toBe(201);
    const violation = (n: number) =>
      api.call(
        recordViolationRoute,
        {
          body: {
            household: hh(n),
            compactId,
            violationType: 'rubbish-not-sorted',
            occurredOn: inspected.body.conductedOn!,
            description: `垃圾未分类 ${newId()}`,
          },
        },
        { as: inspector },
      );
    expect((await violation(5)).status).toBe(201);
    const h4 = await violation(4);
    await api.call(appealViolationRoute, { params: { violationId: h4.body.violationId }, body: { reason: '记录有误' } }, { as: head(4) });
    expect(
      (
        await api.call(
          ruleOnAppealRoute,
          { params: { violationId: h4.body.violationId }, body: { outcome: 'overturn', reason: '核实有误' } },
          { as: head(10) },
        )
      ).status,
    ).toBe(200);
    const space = await api.call(
      registerSpaceRoute,
      { body: { village: V, kind: 'green-plot', name: '石峰绿地', place: `${V}/g1` } },
      { as: cadre },
    );
    const adoption = await api.call(
      adoptSpaceRoute,
      { params: { spaceId: space.body.spaceId }, body: { as: 'household' } },
      { as: head(2) },
    );
    expect(
      (await api.call(logUpkeepRoute, { params: { adoptionId: adoption.body.adoptionId }, body: { note: '浇水' } }, { as: head(2) }))
        .status,
    ).toBe(201);

    // Not before the month has ended; only cadres of the village publish.
    const early = await api.call(publishBoardRoute, { body: { village: V, period } }, { as: cadre });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('period-not-ended');
    const ended = await toNextMonth();
    expect(ended).toBe(period);
    expect((await api.call(publishBoardRoute, { body: { village: V, period } }, { as: head(7) })).status).toBe(403);
    expect((await api.call(publishBoardRoute, { body: { village: V, period } }, { as: 'p-majiaqiao-01' })).status).toBe(403);
    expect((await api.call(publishBoardRoute, { body: { village: V, period: '2026-13' } }, { as: cadre })).status).toBe(422);

    const published = await api.call(publishBoardRoute, { body: { village: V, period } }, { as: cadre });
    expect(published.status).toBe(201);
    expect(published.body.rule).toBe('red-black-v1');
    // h02: 2 passes + 1 upkeep day = 5; h01: 2 passes = 4; h06: 1 pass = 2, below the bar.
    expect(published.body.red.map((t: any) => [t.household, t.person, t.score])).toEqual([
      [hh(2), head(2), 5],
      [hh(1), head(1), 4],
    ]);
    // h03: two failures = −6; h05: a publicly listed violation = −5; h04's violation was overturned.
    expect(published.body.black.map((t: any) => [t.household, t.score, t.reasons])).toEqual([
      [hh(3), -6, ['repeated-inspection-failures']],
      [hh(5), -5, ['publicly-listed-violation']],
    ]);

    // Publishing the same period again returns the first board and announces nothing new.
    const again = await api.call(publishBoardRoute, { body: { village: V, period } }, { as: cadre });
    expect(again.status).toBe(200);
    expect(again.body.publishedAt).toBe(published.body.publishedAt);
    const ev = await eventsEventually('RedBlackListPublished', (d) => d.village === V && d.period === period);
    await new Promise((r) => setTimeout(r, 500));
    expect(await busEvents('RedBlackListPublished', (d) => d.village === V && d.period === period)).toHaveLength(1);
    expect(ev[0].detail.data.red).toEqual([
      { household: hh(2), person: head(2), score: 5 },
      { household: hh(1), person: head(1), score: 4 },
    ]);

    // The public board: anyone may look, names masked, no ids or household paths.
    const board = await api.call(getPublicBoardsRoute, { query: { village: V, period } });
    expect(board.status).toBe(200);
    const view = board.body.items[0];
    expect(view!.red).toEqual([
      { rank: 1, name: masked(2), group: '1组', score: 5 },
      { rank: 2, name: masked(1), group: '1组', score: 4 },
    ]);
    expect(view!.black.map((e: any) => [e.name, e.reasons])).toEqual([
      [masked(3), ['repeated-inspection-failures']],
      [masked(5), ['publicly-listed-violation']],
    ]);
    const text = JSON.stringify(board.body);
    expect(text).not.toContain('p-shifeng');
    expect(text).not.toContain(demoDirectory.person(head(2))!.name);
    expect((await api.call(getPublicBoardsRoute, { query: { village: V } })).body.items.map((b: any) => b.period)).toContain(period);
    expect((await api.call(getPublicBoardsRoute, { query: { village: V, period: '2020-01' } })).status).toBe(404);

    // Cadres see the full counts.
    const full = await api.call(getBoardInFullRoute, { query: { village: V, period } }, { as: cadre });
    expect(full.body.red[0]).toMatchObject({ passes: 2, upkeepDays: 1, violations: 0 });
    expect((await api.call(getBoardInFullRoute, { query: { village: V, period } }, { as: head(7) })).status).toBe(403);
  });

  it('published three times at once: one board, one announcement', async () => {
    const V2 = `${demo.qiliping}/zhangjiawan`;
    const period = '2026-Q1';
    const all = await Promise.all(
      [1, 2, 3].map(() => api.call(publishBoardRoute, { body: { village: V2, period } }, { as: 'p-zhangjiawan-01' })),
    );
    expect(all.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(all.map((r) => r.body.publishedAt)).size).toBe(1);
    await eventsEventually('RedBlackListPublished', (d) => d.village === V2 && d.period === period);
    await new Promise((r) => setTimeout(r, 500));
    expect(await busEvents('RedBlackListPublished', (d) => d.village === V2 && d.period === period)).toHaveLength(1);
  });
});
