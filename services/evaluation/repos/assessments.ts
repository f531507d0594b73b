import { type Condition, type Key, type Table, type UnitOfWork, type Versioned, cond, recordOf, versionedOf } from '@cocreate/kernel';
import type { AssessmentResult, AssessmentRun, StoredTier } from '../domain/assessment.ts';
import type { Counts } from '../domain/participation.ts';
import { keys } from './keys.ts';
import { counters } from './participation.ts';

export const tiers = {
  get: async (table: Table, village: string): Promise<Versioned<StoredTier> | undefined> => {
    const item = await table.get(keys.tier(village));
    return item ? versionedOf<StoredTier>(item) : undefined;
  },
  put(tx: UnitOfWork, t: StoredTier, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.tier(t.village), gsi1pk: keys.tiersOf(t.county), gsi1sk: t.village, ...t }, expectedVersion, 'retry');
  },
  async listByCounty(table: Table, county: string): Promise<StoredTier[]> {
    return (await table.queryAll({ index: 'gsi1', pk: keys.tiersOf(county) })).map((i) => recordOf<StoredTier>(i));
  },
};

export const results = {
  put(tx: UnitOfWork, r: AssessmentResult, expectedVersion: number | undefined): void {
    tx.putVersioned(
      { ...keys.result(r.village, r.year), gsi1pk: keys.resultsOf(r.county, r.year), gsi1sk: r.village, ...r },
      expectedVersion,
      'retry',
    );
  },
  async listByCounty(table: Table, county: string, y: number): Promise<AssessmentResult[]> {
    return (await table.queryAll({ index: 'gsi1', pk: keys.resultsOf(county, y) })).map((i) => recordOf<AssessmentResult>(i));
  },
};

/** Everything the assessment needs of one village (read in batches of 25 villages: 4 items each). */
export interface VillageRead {
  counts: Counts;
  existing: Versioned<AssessmentResult> | undefined;
  previous: AssessmentResult | undefined;
  tier: Versioned<StoredTier> | undefined;
}

export async function readVillages(table: Table, villages: readonly string[], y: number): Promise<Map<string, VillageRead>> {
  const ks = villages.flatMap((v) => [keys.counters(v, y), keys.result(v, y), keys.result(v, y - 1), keys.tier(v)]);
  const items = await table.getMany(ks);
  const byKey = new Map(items.map((i) => [`${i.pk}|${i.sk}`, i]));
  const at = (k: Key) => byKey.get(`${k.pk}|${k.sk}`);
  const versioned = <T>(k: Key) => {
    const item = at(k);
    return item ? versionedOf<T>(item) : undefined;
  };
  return new Map(
    villages.map((v) => {
      const previous = at(keys.result(v, y - 1));
      return [
        v,
        {
          counts: counters.fromItem(at(keys.counters(v, y))),
          existing: versioned<AssessmentResult>(keys.result(v, y)),
          previous: previous ? recordOf<AssessmentResult>(previous) : undefined,
          tier: versioned<StoredTier>(keys.tier(v)),
        },
      ];
    }),
  );
}

/** A run as stored: while a worker holds it, with the end of its lease. */
export type StoredRun = AssessmentRun & { leaseUntil?: string };

export const runs = {
  get: async (table: Table, runId: string): Promise<StoredRun | undefined> => {
    const item = await table.get(keys.run(runId));
    return item ? recordOf<StoredRun>(item) : undefined;
  },
  create(tx: UnitOfWork, run: AssessmentRun, onRunning: Parameters<UnitOfWork['create']>[1]): void {
    tx.create({ ...keys.runGuard(run.county, run.year), runId: run.runId }, onRunning);
    tx.putVersioned(
      {
        ...keys.run(run.runId),
        gsi1pk: keys.runsOf(run.county),
        gsi1sk: `${run.createdAt}#${run.runId}`,
        gsi2pk: keys.activeRuns,
        gsi2sk: `${run.createdAt}#${run.runId}`,
        ...run,
      },
      undefined,
      'retry',
    );
  },
  async guard(table: Table, county: string, y: number): Promise<string | undefined> {
    return (await table.get(keys.runGuard(county, y)))?.runId as string | undefined;
  },
  async active(table: Table): Promise<string[]> {
    return (await table.queryAll({ index: 'gsi2', pk: keys.activeRuns })).map((i) => i.runId as string);
  },
  /**
   * Takes the run for this worker until `leaseUntil`. Another worker holding it fails the condition: committed with
   * `ctx.tryUnit`, that is a lost race ('lost'), and the caller leaves the run alone.
   */
  lease(tx: UnitOfWork, runId: string, nowIso: string, leaseUntil: string, startedAt: string): void {
    const free: Condition = {
      expression: 'attribute_exists(pk) AND #st <> :done AND (attribute_not_exists(#lease) OR #lease < :now)',
      names: { '#st': 'status', '#lease': 'leaseUntil' },
      values: { ':done': 'done', ':now': nowIso },
    };
    tx.update(
      keys.run(runId),
      { set: { leaseUntil, status: 'running' }, setIfMissing: { startedAt } },
      { condition: free, onConflict: 'retry' },
    );
  },
  release(tx: UnitOfWork, runId: string): void {
    tx.update(keys.run(runId), { remove: ['leaseUntil'] });
  },
  progress(
    tx: UnitOfWork,
    runId: string,
    delta: { done: number; changed: number; unchanged: number; tierChanges: number; elapsedMs: number },
  ): void {
    tx.update(keys.run(runId), { add: delta });
  },
  /** Finishes a running run (committed with `ctx.tryUnit`: a run another worker finished is a lost race). */
  finish(tx: UnitOfWork, run: Pick<AssessmentRun, 'runId' | 'county' | 'year'>, finishedAt: string): void {
    tx.update(
      keys.run(run.runId),
      { set: { status: 'done', finishedAt }, remove: ['gsi2pk', 'gsi2sk', 'leaseUntil'] },
      { condition: cond.equals('status', 'running'), onConflict: 'retry' },
    );
    tx.delete(keys.runGuard(run.county, run.year));
  },
  async listByCounty(table: Table, county: string, limit: number): Promise<AssessmentRun[]> {
    const page = await table.query({ index: 'gsi1', pk: keys.runsOf(county), limit, forward: false });
    return page.items.map((i) => recordOf<AssessmentRun>(i));
  },
};
