import { type OnConflict, type Table, type UnitOfWork, cond, readRecord, recordOf } from '@cocreate/kernel';
import type { Inspection } from '../domain/inspections.ts';
import { dateRange, keys } from './keys.ts';

const inspectionItem = (i: Inspection) => ({
  ...keys.inspection(i.inspectionId),
  gsi1pk: keys.villageInspections(i.village),
  gsi1sk: `${i.conductedOn ?? i.scheduledFor}#${i.inspectionId}`,
  ...i,
});

export const inspections = {
  get(table: Table, inspectionId: string): Promise<Inspection | undefined> {
    return readRecord<Inspection>(table, keys.inspection(inspectionId));
  },

  create(tx: UnitOfWork, i: Inspection): void {
    tx.create(inspectionItem(i), 'retry');
  },

  /** Records the results of a scheduled inspection; only once. */
  recordResults(tx: UnitOfWork, i: Inspection, onConflict: OnConflict): void {
    tx.put(inspectionItem(i), { condition: cond.equals('status', 'scheduled'), onConflict });
  },

  async listByVillage(table: Table, village: string, from: string, to: string): Promise<Inspection[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageInspections(village), sk: dateRange(from, to) }, 100_000);
    return items.map((i) => recordOf<Inspection>(i));
  },
};
