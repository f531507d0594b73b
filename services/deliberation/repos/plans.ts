import { type OnConflict, type Table, type UnitOfWork, pageOf, readRecord, readVersioned, recordOf } from '@cocreate/kernel';
import type { Discussion, Plan, PlanVersion } from '../domain/plans.ts';
import { keys } from './keys.ts';

// A version item's own `version` attribute is the plan version number (version items are immutable, never written
// optimistically), so the record keeps it rather than dropping it like an optimistic-concurrency version.
const versionNumber = { keep: ['version'] } as const;

export const plans = {
  getVersioned: (table: Table, planId: string) => readVersioned<Plan>(table, keys.plan(planId)),

  version: (table: Table, planId: string, version: number) =>
    readRecord<PlanVersion>(table, keys.planVersion(planId, version), versionNumber),

  async versions(table: Table, planId: string): Promise<PlanVersion[]> {
    const items = await table.queryAll({ pk: keys.plan(planId).pk, sk: { beginsWith: 'V#' } });
    return items.map((i) => recordOf<PlanVersion>(i, versionNumber));
  },

  /** The head moves to the new version only if it is still at the version the change was based on. */
  saveHead(tx: UnitOfWork, plan: Plan, expectedVersion: number | undefined, stale: OnConflict): void {
    tx.putVersioned(
      { ...keys.plan(plan.planId), gsi1pk: keys.villagePlans(plan.village), gsi1sk: `${plan.createdAt}#${plan.planId}`, ...plan },
      expectedVersion,
      stale,
    );
  },

  addVersion(tx: UnitOfWork, v: PlanVersion, stale: OnConflict): void {
    tx.create({ ...keys.planVersion(v.planId, v.version), ...v }, stale);
  },

  listByVillage: (table: Table, village: string, opts: { limit: number; cursor?: string | undefined }) =>
    pageOf<Plan>(table, {
      index: 'gsi1',
      pk: keys.villagePlans(village),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),
};

export const discussions = {
  get: (table: Table, id: string) => readRecord<Discussion>(table, keys.discussion(id)),

  create(tx: UnitOfWork, d: Discussion): void {
    tx.create(
      { ...keys.discussion(d.sessionId), gsi1pk: keys.planDiscussions(d.planId), gsi1sk: `${d.heldAt}#${d.sessionId}`, ...d },
      'retry',
    );
  },

  async listByPlan(table: Table, planId: string): Promise<Discussion[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.planDiscussions(planId) });
    return items.map((i) => recordOf<Discussion>(i));
  },
};
