import { AssessmentCompleted, ParticipationAssessed, VillageTierChanged } from '@cocreate/contracts';
import { type JobContext, type RouteContext, newId } from '@cocreate/kernel';
import { yearOf } from '@cocreate/places';
import { AssessmentRun, type VillageInputs, assessVillage, progressPct, queueRun } from '../domain/assessment.ts';
import { COMPONENTS, KPI_TARGETS, METRIC_VERSION, participation } from '../domain/participation.ts';
import { reasonLine } from '../domain/tiers.ts';
import { type VillageRead, readVillages, results, runs, tiers } from '../repos/assessments.ts';
import { counters } from '../repos/participation.ts';
import { listedVillage, notFound, villagesWithin } from './common.ts';
import { refuse, ruleAt } from './refusals.ts';

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

export const runView = (r: AssessmentRun) => ({ ...AssessmentRun().parse(r), progressPct: progressPct(r) });

export interface StartAssessment {
  county: string;
  year: number;
  promoteMarginPct?: number | undefined;
  demoteMarginPct?: number | undefined;
}

/** Starts the year-end participation assessment of every village in a county (a batch job; its progress is polled). */
export async function startAssessment(cmd: StartAssessment, ctx: RouteContext) {
  const [county, villages] = await Promise.all([ctx.register.place(cmd.county), villagesWithin(ctx.register, cmd.county)]);
  if (county?.kind !== 'county') {
    throw ruleAt('not-a-county', '/county', 'county', { zh: '地点数据中没有这个县', en: 'not a county in the places data' });
  }
  const now = ctx.now().toISOString();
  if (cmd.year > yearOf(now)) throw ruleAt('future-year', '/year', 'range', { zh: '今年或更早', en: 'this year or earlier' });
  const running = await runs.guard(ctx.table, cmd.county, cmd.year);
  if (running) throw refuse('assessment-running', { runId: running });
  const run = queueRun(cmd, { runId: newId(), villages: villages.length, startedBy: ctx.actor.sub, now });
  runs.create(ctx.tx, run, refuse('assessment-running'));
  return runView(run);
}

export async function getAssessment(runId: string, ctx: RouteContext) {
  const run = await runs.get(ctx.table, runId);
  if (!run) throw notFound.run();
  return runView(run);
}

export const listAssessments = async (query: { county: string; limit: number }, ctx: RouteContext) => ({
  items: (await runs.listByCounty(ctx.table, query.county, query.limit)).map(runView),
});

/** The year's results of a county: score, every component, KPIs, tier decision and reason (张榜公布). */
export const listResults = async (query: { county: string; year: number; village?: string | undefined }, ctx: RouteContext) => ({
  items: (await results.listByCounty(ctx.table, query.county, query.year))
    .filter((r) => !query.village || r.village === query.village)
    .map(({ inputs: _i, ...r }) => r),
});

/** A village's running counters for a year and the figures they give now (before the assessment). */
export async function participationNow(query: { village: string; year: number }, ctx: RouteContext) {
  await listedVillage(ctx.register, query.village);
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
}

export const listTiers = async (county: string, ctx: RouteContext) => ({
  items: (await tiers.listByCounty(ctx.table, county)).map(({ village, tier, effectiveAt, source, basis }) => ({
    village,
    tier,
    effectiveAt,
    source,
    basis,
  })),
});

/* ------------------------------------------------------------------------------------------------------------
 * The batch job.
 * ------------------------------------------------------------------------------------------------------------ */

function inputsFrom(run: AssessmentRun, village: string, read: VillageRead, households: number): VillageInputs {
  return {
    village,
    county: run.county,
    year: run.year,
    households,
    counts: read.counts,
    previous: read.previous,
    existing: read.existing?.value,
    tier: read.tier ? { tier: read.tier.value.tier, effectiveAt: read.tier.value.effectiveAt } : undefined,
    margins: run.margins,
  };
}

type Outcome = 'changed' | 'unchanged' | 'tier-changed';

/** Assesses one village in its own transaction; on a lost race it re-reads that village and recomputes. */
async function assessOne(
  ctx: JobContext,
  run: AssessmentRun,
  village: string,
  prefetched: VillageRead,
  households: number,
): Promise<Outcome> {
  let attempt = 0;
  let outcome: Outcome = 'unchanged';
  await ctx.unit(async (tx) => {
    const read = attempt++ === 0 ? prefetched : (await readVillages(ctx.table, [village], run.year)).get(village)!;
    const now = ctx.now().toISOString();
    const result = assessVillage(inputsFrom(run, village, read, households), { runId: run.runId, now, newId });
    if (result.kind === 'unchanged') {
      outcome = 'unchanged';
      return;
    }
    const r = result.result;
    results.put(tx, r, read.existing?.version);
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
      const current = read.tier?.value;
      tiers.put(
        tx,
        { village, county: run.county, ...result.tierWrite, source: 'assessment', basis: String(run.year) },
        read.tier?.version,
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

/** Processes one run from where it stopped; returns whether it finished. A run another worker holds is left alone. */
async function process(ctx: JobContext, runId: string, deadline: number): Promise<boolean> {
  const now = ctx.now();
  const leased = await ctx.tryUnit(async (tx) =>
    runs.lease(tx, runId, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), now.toISOString()),
  );
  if (leased === 'lost') return false;
  const run = (await runs.get(ctx.table, runId))!;
  const villages = await villagesWithin(ctx.register, run.county);
  let done = run.done;
  const totals = { changed: run.changed, unchanged: run.unchanged, tierChanges: run.tierChanges };
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
    totals.changed += delta.changed;
    totals.unchanged += delta.unchanged;
    totals.tierChanges += delta.tierChanges;
    ctx.progress(done, villages.length, `${run.county} ${run.year}`);
  }
  // The run's totals are what it read plus what this worker added (it held the lease throughout): no read-back.
  const finished = await ctx.tryUnit(async (tx) => {
    runs.finish(tx, run, ctx.now().toISOString());
    tx.emit(AssessmentCompleted, { runId, county: run.county, year: run.year, villages: run.total, ...totals }, { place: run.county });
  });
  return finished === 'committed';
}

/** Works through queued county assessments in batches, recording progress; resumes where it stopped. */
export async function runAssessments(ctx: JobContext) {
  const deadline = Date.now() + BUDGET_MS;
  const active = await runs.active(ctx.table);
  let finished = 0;
  for (const runId of active) {
    if (Date.now() > deadline) break;
    if (await process(ctx, runId, deadline)) finished += 1;
  }
  return { active: active.length, finished };
}
