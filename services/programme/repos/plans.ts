import { type OnConflict, type Table, type UnitOfWork, pageOf, readRecord, recordOf } from '@cocreate/kernel';
import type { Plan, PlanVersion } from '../domain/plans.ts';
import { keys, writeAtRevision } from './keys.ts';

/** A plan's `version` is its own (the version filed), not the storage's optimistic version: records keep it. */
const KEEP = { keep: ['version'] } as const;

export interface Deadline {
  place: string;
  year: number;
  due: string;
}

export const plans = {
  get: (table: Table, place: string, year: number) => readRecord<Plan>(table, keys.plan(place, year), KEEP),

  /** The heads of several places' plans of a year, by place. */
  async heads(table: Table, places: readonly string[], year: number): Promise<Map<string, Plan>> {
    const items = await table.getMany(places.map((p) => keys.plan(p, year)));
    return new Map(items.map((i) => [i.place as string, recordOf<Plan>(i, KEEP)]));
  },

  version: (table: Table, place: string, year: number, version: number) =>
    readRecord<PlanVersion>(table, keys.planVersion(place, year, version), KEEP),

  versions: (table: Table, place: string, year: number, cursor?: string) =>
    pageOf<PlanVersion>(table, { pk: keys.plan(place, year).pk, sk: { beginsWith: 'V#' }, limit: 20, ...(cursor ? { cursor } : {}) }, KEEP),

  /** The plans filed with a level for a year, a page at a time (by place). */
  filedWith: (table: Table, above: string, year: number, limit: number, cursor?: string) =>
    pageOf<Plan>(table, { index: 'gsi1', pk: keys.filedWith(above, year), limit, ...(cursor ? { cursor } : {}) }, KEEP),

  /** The head at its revision; once filed, it is listed with the level above. */
  write(tx: UnitOfWork, plan: Plan, exists: OnConflict): void {
    const listed = plan.firstFiledAt !== undefined ? { gsi1pk: keys.filedWith(plan.filedWith, plan.year), gsi1sk: plan.place } : {};
    writeAtRevision(tx, { ...keys.plan(plan.place, plan.year), ...listed, ...plan }, plan.revision, exists);
  },

  /** A version's content: a new version is created once; a draft's is rewritten with its head. */
  writeVersion(tx: UnitOfWork, version: PlanVersion, isNew: boolean): void {
    const item = { ...keys.planVersion(version.place, version.year, version.version), ...version };
    if (isNew) tx.create(item, 'retry');
    else tx.put(item);
  },

  deadline: (table: Table, place: string, year: number) => readRecord<Deadline>(table, keys.deadline(place, year)),

  putDeadline(tx: UnitOfWork, d: Deadline): void {
    tx.put({ ...keys.deadline(d.place, d.year), ...d });
  },
};
