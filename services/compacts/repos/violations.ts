import { type OnConflict, type Table, type UnitOfWork, readRecord, recordOf } from '@cocreate/kernel';
import type { Violation } from '../domain/violations.ts';
import { dateRange, keys, revisionIs } from './keys.ts';

const violationItem = (v: Violation) => ({
  ...keys.violation(v.violationId),
  gsi1pk: keys.villageViolations(v.village),
  gsi1sk: `${v.occurredOn}#${v.violationId}`,
  // Sparse index of rectifications still to be checked for lateness.
  ...(v.rectification?.status === 'open'
    ? { gsi2pk: keys.openRectifications, gsi2sk: `${v.rectification.deadline}#${v.violationId}` }
    : {}),
  ...v,
});

export const violations = {
  get(table: Table, violationId: string): Promise<Violation | undefined> {
    return readRecord<Violation>(table, keys.violation(violationId));
  },

  create(tx: UnitOfWork, v: Violation): void {
    tx.create(violationItem(v), 'retry');
  },

  /** Saves a changed violation: its revision moves on from `v.revision`. */
  save(tx: UnitOfWork, v: Violation, onConflict: OnConflict): Violation {
    const next = { ...v, revision: v.revision + 1 };
    tx.put(violationItem(next), { condition: revisionIs(v.revision), onConflict });
    return next;
  },

  async listByVillage(table: Table, village: string, from: string, to: string): Promise<Violation[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageViolations(village), sk: dateRange(from, to) }, 100_000);
    return items.map((i) => recordOf<Violation>(i));
  },

  /** Open rectifications whose deadline is before `today` (a page at a time, oldest deadline first). */
  async openPastDeadline(table: Table, today: string, limit: number, cursor?: string) {
    const page = await table.query({
      index: 'gsi2',
      pk: keys.openRectifications,
      sk: { lt: `${today}#` },
      limit,
      ...(cursor ? { cursor } : {}),
    });
    return { ids: page.items.map((i) => i.violationId as string), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
};
