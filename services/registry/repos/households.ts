import { type OnConflict, type Table, type UnitOfWork, readRecord, recordOf } from '@cocreate/kernel';
import type { HouseholdRecord } from '../domain/model.ts';
import { keys, writeAtRevision } from './keys.ts';

export const households = {
  async get(table: Table, path: string): Promise<HouseholdRecord | undefined> {
    return readRecord<HouseholdRecord>(table, keys.household(path));
  },

  async ofVillage(table: Table, village: string): Promise<HouseholdRecord[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: `HOUSEHOLDS#${village}` });
    return items.map((i) => recordOf<HouseholdRecord>(i));
  },

  write(tx: UnitOfWork, h: HouseholdRecord, exists: OnConflict): void {
    writeAtRevision(tx, { ...keys.household(h.path), gsi1pk: `HOUSEHOLDS#${h.village}`, gsi1sk: h.path, ...h }, h.revision, exists);
  },
};
