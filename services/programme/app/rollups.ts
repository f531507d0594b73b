import { createHash } from 'node:crypto';
import { type EvidenceUploadRequest, type RouteContext, type ServiceContext } from '@cocreate/kernel';
import { levelOf } from '../domain/levels.ts';
import { type Period, figuresOf, periodOf } from '../domain/rollups.ts';
import { flagsOf, type Task } from '../domain/tasks.ts';
import { batches } from '../repos/coverage.ts';
import { rollups } from '../repos/rollups.ts';
import { tasks } from '../repos/tasks.ts';
import { placeOrThrow, today } from './common.ts';
import { progressOf } from './coverage.ts';
import { settled } from './refusals.ts';
import { XLSX, reportWorkbook } from './workbook.ts';

/**
 * A level's roll-up for a period: the figures its month buckets hold (never the villages' events themselves), its
 * pilot batches' coverage against their targets, and the tasks of the levels below that fell due in the period.
 */
export async function rollupOf(q: { area: string; period: string }, ctx: ServiceContext) {
  const place = await placeOrThrow(ctx, q.area);
  const level = settled(levelOf(place.kind), '/area');
  const period: Period = settled(periodOf(q.period), '/period');
  const years = [...new Set([Number(period.from.slice(0, 4)), Number(period.to.slice(0, 4))])];
  const [buckets, declared, due] = await Promise.all([
    rollups.upTo(ctx.table, q.area, period.months[1]),
    Promise.all(years.map((y) => batches.of(ctx.table, q.area, 100, undefined, y))),
    tasks.dueWithin(ctx.table, q.area, period.from, period.to),
  ]);
  const day = today(ctx);
  const flagged = due.map((t) => flagsOf(t as unknown as Task, day));
  const batchList = declared
    .flatMap((p) => p.items)
    .map(progressOf)
    .map((b) => ({
      batchId: b.batchId,
      name: b.name,
      kind: b.kind,
      year: b.year,
      villages: b.villages.length,
      covered: b.covered,
      target: b.target,
      percent: b.percent,
      targetMet: b.targetMet,
    }));
  return {
    area: q.area,
    name: place.name,
    level,
    period: period.period,
    from: period.from,
    to: period.to,
    figures: figuresOf(buckets, period),
    coverage: {
      batches: batchList,
      covered: batchList.reduce((n, b) => n + b.covered, 0),
      targetsMet: batchList.filter((b) => b.targetMet).length,
    },
    tasks: {
      due: due.length,
      // Late once its deadline passed while open, or finished after it: a count that stays put once the period is over.
      late: flagged.filter((f) => f.includes('overdue') || f.includes('done-late')).length,
      targetMissed: flagged.filter((f) => f.includes('target-missed')).length,
    },
  };
}

export type Rollup = Awaited<ReturnType<typeof rollupOf>>;

/** The periodic report upward as JSON: the roll-up itself, as it stands for the period. */
export const reportJson = (q: { area: string; period: string }, ctx: RouteContext) => rollupOf(q, ctx);

/**
 * The periodic report upward as a workbook: the same roll-up rendered with fixed metadata and order, so the same
 * period gives the same bytes (its sha256 says so); stored under the level and answered with a short-lived link.
 */
export async function reportXlsx(q: { area: string; period: string }, ctx: RouteContext) {
  const rollup = await rollupOf(q, ctx);
  const bytes = await reportWorkbook(rollup);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const filename = `${rollup.name.zh}-${rollup.period}-共同缔造工作报告.xlsx`;
  const key = await putReport(ctx, q.area, rollup.period, bytes);
  return {
    area: q.area,
    period: rollup.period,
    filename,
    contentType: XLSX,
    sha256,
    bytes: bytes.length,
    url: await ctx.evidence.presignDownload(key),
  };
}

async function putReport(ctx: ServiceContext, area: string, period: string, bytes: Uint8Array): Promise<string> {
  // The evidence store's type lists what residents upload; a report is signed the same way with its own type.
  const upload = await ctx.evidence.presignUpload(area, {
    filename: `report-${period}.xlsx`,
    contentType: XLSX as EvidenceUploadRequest['contentType'],
    size: bytes.length,
  });
  const res = await fetch(upload.uploadUrl, { method: 'PUT', headers: upload.headers, body: Buffer.from(bytes) });
  if (!res.ok) throw new Error(`storing the report: ${res.status} ${await res.text()}`);
  return upload.key;
}
