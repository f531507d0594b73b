import { z } from 'zod';
import {
  AssessmentCompleted,
  Id,
  ParticipationAssessed,
  PlacePath,
  VillageClass,
  VillageKpis,
  VillageTierChanged,
  says,
} from '@cocreate/contracts';
import { type JobContext, defineJob, defineRoute, newId, problems } from '@cocreate/kernel';
import { AssessmentResult, AssessmentRun, type VillageInputs, assessVillage, progressPct } from '../domain/assessment.ts';
import { COMPONENTS, KPI_TARGETS, METRIC_VERSION, participation, yearOf } from '../domain/participation.ts';
import { DEFAULT_MARGINS, reasonLine } from '../domain/tiers.ts';
import { type VillageRead, counters, leaseTaken, readVillages, results, runs, storedVersion, strip, tiers } from '../store.ts';
import { Year, notFound, villagesWithin } from './common.ts';

/** Villages read and assessed per batch: 4 items each, one BatchGet of 100 keys. */
const BATCH = 25;
/** Villages committed in parallel within a batch. */
const PARALLEL = 5;
/**
 * Stop taking new batches after this long; the run resumes on the next invocation (the schedule fires every minute).
 * Kept under the shortest job timeout the runtimes give (30 s in the local stack; 5 minutes in AWS) because the
 * kernel does not tell a job how much time it has left.
 */
const BUDGET_MS = 20_000;
/** Longer than any invocation can live (AWS job timeout: 5 minutes), so a live worker never loses its run. */
const LEASE_MS = 6 * 60_000;

const Percent = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-9, says({ zh: '最多两位小数', en: 'at most two decimals' }));

const RunView = AssessmentRun.extend({ progressPct: z.number() });
const runView = (r: AssessmentRun) => ({ ...AssessmentRun.parse(r), progressPct: progressPct(r) });

export const startAssessment = defineRoute({
  method: 'POST',
  path: '/evaluation/assessments',
  operationId: 'startAssessment',
  summary: 'Start the year-end participation assessment of every village in a county (a batch job; poll its progress)',
  auth: { roles: ['county-official'], place: ({ body }) => body.county },
  body: z.object({
    county: PlacePath,
    year: Year,
    promoteMarginPct: Percent(1000).optional().describe('Promotion needs a rise of MORE than this percent (default 20)'),
    demoteMarginPct: Percent(100).optional().describe('Demotion needs a fall of MORE than this percent (default 20)'),
  }),
  response: RunView,
  status: 202,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const [county, villages] = await Promise.all([ctx.register.place(body.county), villagesWithin(ctx.register, body.county)]);
    if (county?.kind !== 'county') {
      throw problems.rule('not-a-county', { zh: '须为县（市、区）。', en: 'Must be a county.' }, {}, [
        { in: 'body', pointer: '/county', rule: 'county', message: { zh: '地点数据中没有这个县', en: 'not a county in the places data' } },
      ]);
    }
    if (body.year > yearOf(ctx.now().toISOString())) {
      throw problems.rule('future-year', { zh: '不能考核尚未到来的年份。', en: 'A year cannot be assessed before it starts.' }, {}, [
        { in: 'body', pointer: '/year', rule: 'range', message: { zh: '今年或更早', en: 'this year or earlier' } },
      ]);
    }
    const running = await runs.guard(ctx.table, body.county, body.year);
    const conflict = problems.conflict(
      'assessment-running',
      { zh: '该县本年度的考核正在进行中。', en: 'This county’s assessment for the year is already running.' },
      running ? { runId: running } : {},
    );
    if (running) throw conflict;
    const now = ctx.now().toISOString();
    const run: AssessmentRun = {
      runId: newId(),
      county: body.county,
      year: body.year,
      margins: {
        promoteBp: body.promoteMarginPct === undefined ? DEFAULT_MARGINS.promoteBp : Math.round(body.promoteMarginPct * 100),
        demoteBp: body.demoteMarginPct === undefined ? DEFAULT_MARGINS.demoteBp : Math.round(body.demoteMarginPct * 100),
      },
      status: 'queued',
      total: villages.length,
      done: 0,
      changed: 0,
      unchanged: 0,
      tierChanges: 0,
      startedBy: ctx.actor.sub,
      createdAt: now,
      elapsedMs: 0,
    };
    runs.create(ctx.tx, run, conflict);
    return runView(run);
  },
});

export const getAssessment = defineRoute({
  method: 'GET',
  path: '/evaluation/assessments/{runId}',
  operationId: 'getAssessment',
  summary: 'An assessment run and its progress',
  auth: { public: true },
  params: z.object({ runId: Id }),
  response: RunView,
  handler: async ({ params }, ctx) => {
    const run = await runs.get(ctx.table, params.runId);
    if (!run) throw notFound.run();
    return runView(run);
  },
});

export const listAssessments = defineRoute({
  method: 'GET',
  path: '/evaluation/assessments',
  operationId: 'listAssessments',
  summary: 'A county’s assessment runs, newest first',
  auth: { public: true },
  query: z.object({ county: PlacePath, limit: z.coerce.number().int().min(1).max(100).default(20) }),
  response: z.object({ items: z.array(RunView) }),
  handler: async ({ query }, ctx) => ({ items: (await runs.listByCounty(ctx.table, query.county, query.limit)).map(runView) }),
});

export const listResults = defineRoute({
  method: 'GET',
  path: '/evaluation/assessment-results',
  operationId: 'listAssessmentResults',
  summary: 'The year’s assessment results of a county: score, every component, KPIs, tier decision and reason (张榜公布)',
  auth: { public: true },
  query: z.object({ county: PlacePath, year: Year, village: PlacePath.optional() }),
  response: z.object({ items: z.array(AssessmentResult.omit({ inputs: true })) }),
  handler: async ({ query }, ctx) => ({
    items: (await results.listByCounty(ctx.table, query.county, query.year))
      .filter((r) => !query.village || r.village === query.village)
      .map(({ inputs: _i, ...r }) => r),
  }),
});

export const getParticipation = defineRoute({
  method: 'GET',
  path: '/evaluation/participation',
  operationId: 'getParticipation',
  summary: 'A village’s running participation counters for a year and the figures they give now (before the assessment)',
  auth: { roles: ['cadre', 'supervisor', 'township-official', 'county-official'], place: ({ query }) => query.village },
  query: z.object({ village: PlacePath, year: Year }),
  response: z.object({
    village: z.string(),
    year: z.number(),
    metricVersion: z.number(),
    households: z.number(),
    weightedCount: z.number(),
    score: z.number(),
    components: z.record(z.string(), z.object({ count: z.number(), perHousehold: z.number(), weight: z.number(), kpi: z.string() })),
    kpis: VillageKpis,
    kpiTargets: z.record(z.string(), z.number()),
  }),
  handler: async ({ query }, ctx) => {
    const [counts, households] = await Promise.all([
      counters.get(ctx.table, query.village, query.year),
      ctx.register.households(query.village),
    ]);
    const figures = participation(counts, households.length);
    return {
      village: query.village,
      year: query.year,
      metricVersion: METRIC_VERSION,
      households: figures.households,
      weightedCount: figures.weightedCount,
      score: figures.score,
      components: Object.fromEntries(
        Object.entries(figures.components).map(([c, v]) => [
          c,
          { ...v, weight: COMPONENTS[c as keyof typeof COMPONENTS].weight, kpi: COMPONENTS[c as keyof typeof COMPONENTS].kpi },
        ]),
      ),
      kpis: figures.kpis,
      kpiTargets: KPI_TARGETS,
    };
  },
});

export const listTiers = defineRoute({
  method: 'GET',
  path: '/evaluation/tiers',
  operationId: 'listVillageTiers',
  summary: 'Current tier of each classified village in a county (pilot 试点村 / remediation 整治村)',
  auth: { public: true },
  query: z.object({ county: PlacePath }),
  response: z.object({
    items: z.array(z.object({ village: z.string(), tier: VillageClass, effectiveAt: z.string(), source: z.string(), basis: z.string() })),
  }),
  handler: async ({ query }, ctx) => ({
    items: (await tiers.listByCounty(ctx.table, query.county)).map(({ village, tier, effectiveAt, source, basis }) => ({
      village,
      tier,
      effectiveAt,
      source,
      basis,
    })),
  }),
});

/* ------------------------------------------------------------------------------------------------------------
 * The batch job.
 * ------------------------------------------------------------------------------------------------------------ */

type Run = AssessmentRun;

function inputsFrom(run: Run, village: string, read: VillageRead, households: number): VillageInputs {
  const previous = read.previous ? strip<AssessmentResult>(read.previous) : undefined;
  const tier = read.tier ? strip<{ tier: VillageClass; effectiveAt: string }>(read.tier) : undefined;
  return {
    village,
    county: run.county,
    year: run.year,
    households,
    counts: counters.fromItem(read.counters),
    previous,
    existing: read.existing ? strip<AssessmentResult>(read.existing) : undefined,
    tier: tier ? { tier: tier.tier, effectiveAt: tier.effectiveAt } : undefined,
    margins: run.margins,
  };
}

/** Assesses one village in its own transaction; on a lost race it re-reads that village and recomputes. */
async function assessOne(
  ctx: JobContext,
  run: Run,
  village: string,
  prefetched: VillageRead,
  households: number,
): Promise<'changed' | 'unchanged' | 'tier-changed'> {
  let attempt = 0;
  let outcome: 'changed' | 'unchanged' | 'tier-changed' = 'unchanged';
  await ctx.unit(async (tx) => {
    const read = attempt++ === 0 ? prefetched : (await readVillages(ctx.table, [village], run.year)).get(village)!;
    const now = ctx.now().toISOString();
    const result = assessVillage(inputsFrom(run, village, read, households), { runId: run.runId, now, newId });
    if (result.kind === 'unchanged') {
      outcome = 'unchanged';
      return;
    }
    const r = result.result;
    results.put(tx, r, storedVersion(read.existing));
    tx.emit(
      ParticipationAssessed,
      {
        assessmentId: r.assessmentId,
        village,
        year: r.year,
        households: r.households,
        score: r.score,
        components: r.components,
        kpis: r.kpis,
      },
      { place: village },
    );
    outcome = 'changed';
    if (result.tierWrite) {
      const current = read.tier ? strip<{ tier: VillageClass }>(read.tier) : undefined;
      tiers.put(
        tx,
        { village, county: run.county, ...result.tierWrite, source: 'assessment', basis: String(run.year) },
        storedVersion(read.tier),
      );
      if (current && current.tier !== result.tierWrite.tier) {
        tx.emit(
          VillageTierChanged,
          {
            village,
            year: run.year,
            from: current.tier,
            to: result.tierWrite.tier,
            reason: reasonLine(result.decision.reason),
            previousScore: r.decision.previousScore ?? 0,
            score: r.score,
            decidedAt: now,
          },
          { place: village },
        );
        outcome = 'tier-changed';
      }
    }
  });
  return outcome;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Processes one run from where it stopped; returns whether it finished. */
async function process(ctx: JobContext, runId: string, deadline: number): Promise<boolean> {
  const now = ctx.now();
  try {
    await ctx.unit(async (tx) =>
      runs.lease(tx, runId, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), now.toISOString()),
    );
  } catch (err) {
    if (err === leaseTaken) return false;
    throw err;
  }
  const run = (await runs.get(ctx.table, runId))!;
  const villages = await villagesWithin(ctx.register, run.county);
  let done = run.done;
  // Villages are assessed in a fixed order, and each result is keyed by village + year: resuming from `done` (or
  // redoing a batch whose progress was not recorded) never counts anything twice.
  while (done < villages.length) {
    if (Date.now() > deadline) {
      // Out of time: hand the run back so the next invocation need not wait for the lease to expire.
      await ctx.unit(async (tx) => runs.release(tx, runId));
      return false;
    }
    const started = Date.now();
    const batch = villages.slice(done, done + BATCH);
    // One households() read per village, the batch's all at once: a whole county's households are too many to read
    // in one answer, and the batch is what this invocation assesses.
    const [reads, households] = await Promise.all([
      readVillages(ctx.table, batch, run.year),
      Promise.all(batch.map((v) => ctx.register.households(v))),
    ]);
    const householdCount = new Map(batch.map((v, i) => [v, households[i]!.length]));
    const outcomes = await mapLimit(batch, PARALLEL, (v) => assessOne(ctx, run, v, reads.get(v)!, householdCount.get(v)!));
    const delta = {
      done: batch.length,
      changed: outcomes.filter((o) => o !== 'unchanged').length,
      unchanged: outcomes.filter((o) => o === 'unchanged').length,
      tierChanges: outcomes.filter((o) => o === 'tier-changed').length,
      elapsedMs: Date.now() - started,
    };
    await ctx.unit(async (tx) => runs.progress(tx, runId, delta));
    done += batch.length;
    ctx.progress(done, villages.length, `${run.county} ${run.year}`);
  }
  const finished = (await runs.get(ctx.table, runId))!;
  await ctx.unit(async (tx) => {
    runs.finish(tx, finished, ctx.now().toISOString());
    tx.emit(
      AssessmentCompleted,
      {
        runId,
        county: finished.county,
        year: finished.year,
        villages: finished.total,
        changed: finished.changed,
        unchanged: finished.unchanged,
        tierChanges: finished.tierChanges,
      },
      { place: finished.county },
    );
  });
  return true;
}

export const assessmentRunner = defineJob({
  name: 'assessment-runner',
  summary: 'Work through queued county assessments in batches, recording progress; resumes where it stopped',
  schedule: 'rate(1 minute)',
  handler: async (ctx) => {
    const deadline = Date.now() + BUDGET_MS;
    const active = await runs.active(ctx.table);
    let finished = 0;
    for (const runId of active) {
      if (Date.now() > deadline) break;
      if (await process(ctx, runId, deadline)) finished += 1;
    }
    return { active: active.length, finished };
  },
});

export const assessmentRoutes = [startAssessment, getAssessment, listAssessments, listResults, getParticipation, listTiers];
