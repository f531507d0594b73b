import { type OnConflict, type Table, type UnitOfWork, cond, readRecord, recordOf } from '@cocreate/kernel';
import type { Duty, OrgUnit } from '../domain/duties.ts';
import { keys, revisionIs } from './keys.ts';

export const duties = {
  get(table: Table, household: string): Promise<Duty | undefined> {
    return readRecord<Duty>(table, keys.duty(household));
  },

  /** Assigns (or re-assigns) a household's duties; `expectedRevision` undefined for the first assignment. */
  save(tx: UnitOfWork, duty: Duty, expectedRevision: number | undefined, onConflict: OnConflict): void {
    tx.put(
      { ...keys.duty(duty.household), gsi1pk: keys.villageDuties(duty.village), gsi1sk: duty.household, ...duty },
      { condition: expectedRevision === undefined ? cond.notExists() : revisionIs(expectedRevision), onConflict },
    );
  },

  async listByVillage(table: Table, village: string): Promise<Duty[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageDuties(village) });
    return items.map((i) => recordOf<Duty>(i));
  },
};

export const organisation = {
  /** Sets a unit (an upsert: the latest setting of a level at a place is the unit). */
  put(tx: UnitOfWork, unit: OrgUnit, township: string): void {
    tx.put({ ...keys.orgUnit(unit.place, unit.level), gsi1pk: keys.orgUnder(township), gsi1sk: `${unit.place}#${unit.level}`, ...unit });
  },

  /** Every unit under a township (its committee, its villages' branches, cells and central households). */
  async listUnder(table: Table, township: string): Promise<OrgUnit[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.orgUnder(township) });
    return items.map((i) => recordOf<OrgUnit>(i));
  },
};
