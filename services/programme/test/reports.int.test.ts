import { describe, expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  DecisionFinal,
  type EventContract,
  EvaluationPublished,
  FundsDisbursed,
  FundsReceived,
  ParticipationAssessed,
  PostingReversed,
  ProjectAccepted,
  VillageTierChanged,
} from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { eventually, publishEvent } from '@cocreate/local/testing';
import { api, at, callers, today } from './support.ts';
import { assignTaskRoute } from '../handlers/tasks.ts';
import { declareBatchRoute } from '../handlers/batches.ts';
import { reportJsonRoute, reportXlsxRoute, rollupRoute } from '../handlers/reports.ts';

/** Another service's event: its contract's own example, moved to our village, at a time in this year. */
function play<C extends EventContract>(contract: C, data: Record<string, unknown>, occurredAt: string, id = newId()) {
  const merged = { ...(contract.example as Record<string, unknown>), ...data };
  return publishEvent(inject('stack').eventbridge, contract, merged as never, { place: at.village, occurredAt, id });
}

describe('roll-ups and the periodic report upward', () => {
  it('rolls the villages’ events up to township, county and city, and reports a period with the same bytes twice', async () => {
    const { year, day } = await today();
    const when = new Date().toISOString();
    const batch = await api.call(
      declareBatchRoute,
      { body: { place: at.county, year, kind: 'pilot', name: '试点村', villages: [at.village], target: { villages: 1 } } },
      { as: callers.county },
    );
    expect(batch.status).toBe(201);
    await api.call(
      assignTaskRoute,
      { body: { place: at.township, year, title: '完成试点', leader: '张', unit: '镇建设办', person: '李', due: day } },
      { as: callers.township },
    );

    const funded = newId();
    await play(DecisionFinal, { kind: 'compact', village: at.village, decidedAt: when, compact: { compactId: newId(), version: 1 } }, when);
    await play(ProjectAccepted, { village: at.village, acceptance: 'final', acceptedAt: when }, when);
    await play(FundsReceived, { pool: at.village, amount: 20_000_000 }, when, funded);
    await play(FundsReceived, { pool: at.village, amount: 20_000_000 }, when, funded); // a redelivery
    // A receipt entered wrongly and reversed counts for nothing; an allocation's reversal is neither raised nor spent.
    const wrong = newId();
    await play(FundsReceived, { pool: at.village, amount: 5_000_000 }, when, wrong);
    const reversal = newId();
    await play(
      PostingReversed,
      { pool: at.village, postingId: wrong, reversalId: reversal, kind: 'receipt', amount: 5_000_000 },
      when,
      reversal,
    );
    await play(
      PostingReversed,
      { pool: at.village, postingId: wrong, reversalId: reversal, kind: 'receipt', amount: 5_000_000 },
      when,
      reversal,
    );
    await play(PostingReversed, { pool: at.village, postingId: newId(), reversalId: newId(), kind: 'allocation', amount: 3_000_000 }, when);
    await play(FundsDisbursed, { pool: at.village, village: at.village, amount: 1_200_000, disbursedAt: when }, when);
    await play(EvaluationPublished, { village: at.village, purpose: 'satisfaction', overall: 80 }, when);
    await play(EvaluationPublished, { village: at.village, purpose: 'satisfaction', overall: 90.5 }, when);
    await play(ParticipationAssessed, { village: at.village, year, score: 7.25 }, when);
    const later = new Date(Date.parse(when) + 1000).toISOString();
    await play(ParticipationAssessed, { village: at.village, year, score: 8 }, later); // the year's assessment run again
    await play(VillageTierChanged, { village: at.village, year, from: 'remediation', to: 'pilot', decidedAt: when }, when);

    // Every delivery done, so the report below is read once the figures stand.
    expect((await api.get('/_local/bus/idle')).status).toBe(200);
    const rollup = await eventually(async () => {
      const r = await api.call(rollupRoute, { query: { area: at.county, period: String(year) } }, { as: callers.county });
      return r.body.figures?.villagesByTier?.pilot === 1 && r.body.figures.participation === 8 && r.body.figures.satisfactionReviews === 2
        ? r.body
        : undefined;
    });
    expect(rollup).toMatchObject({
      area: at.county,
      level: 'county',
      figures: {
        decisions: 1,
        projectsAccepted: 1,
        raised: 20_000_000,
        spent: 1_200_000,
        satisfaction: 85.25,
        participation: 8,
        participationAssessments: 1,
        villagesByTier: { pilot: 1, remediation: 0 },
      },
      coverage: { covered: 1, targetsMet: 1 },
      tasks: { due: 1 },
    });
    // The same events at the township and the city.
    for (const [area, as] of [
      [at.township, callers.township],
      [at.city, callers.city],
    ] as const) {
      const r = await api.call(rollupRoute, { query: { area, period: String(year) } }, { as });
      expect(r.body.figures).toMatchObject({ decisions: 1, raised: 20_000_000, spent: 1_200_000 });
    }
    // Another county saw none of it; a month with no events shows nothing but the tiers held.
    const other = await api.call(rollupRoute, { query: { area: at.otherCounty, period: String(year) } }, { as: callers.otherCounty });
    expect(other.body.figures).toMatchObject({ decisions: 0, raised: 0 });

    const first = await api.call(reportJsonRoute, { query: { area: at.county, period: String(year) } }, { as: callers.county });
    const second = await api.call(reportJsonRoute, { query: { area: at.county, period: String(year) } }, { as: callers.county });
    expect(JSON.stringify(second.body)).toBe(JSON.stringify(first.body));

    const x1 = await api.call(reportXlsxRoute, { query: { area: at.county, period: String(year) } }, { as: callers.county });
    const x2 = await api.call(reportXlsxRoute, { query: { area: at.county, period: String(year) } }, { as: callers.county });
    expect(x1.status).toBe(200);
    const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
    const b1 = await download(x1.body.url);
    const b2 = await download(x2.body.url);
    expect(b1.length).toBe(x1.body.bytes);
    expect(b1.equals(b2)).toBe(true);
    expect(x2.body.sha256).toBe(x1.body.sha256);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(b1 as never);
    const rows = new Map<string, unknown>();
    wb.getWorksheet('汇总 Summary')!.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(rows.get('筹集资金（元） Money raised (yuan)')).toBe(200_000);
    expect(rows.get('群众满意度 Satisfaction (0–100)')).toBe(85.25);
    expect(wb.getWorksheet('试点覆盖 Coverage')!.getRow(2).getCell(5).value).toBe(1);
  });

  it('answers only for a level’s own area and a real period', async () => {
    const { year } = await today();
    const wrong = await api.call(rollupRoute, { query: { area: at.county, period: `${year}-13` } }, { as: callers.county });
    expect(wrong).toMatchObject({ status: 422, body: { code: 'bad-period' } });
    const village = await api.call(rollupRoute, { query: { area: at.village, period: String(year) } }, { as: callers.county });
    expect(village).toMatchObject({ status: 422, body: { code: 'not-a-programme-level' } });
    const notMine = await api.call(reportJsonRoute, { query: { area: at.county, period: String(year) } }, { as: callers.otherCounty });
    expect(notMine.status).toBe(403);
  });
});
