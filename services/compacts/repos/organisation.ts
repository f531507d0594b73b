import { type OnConflict, type Table, type UnitOfWork, auditTrailOf, cond, readRecord, readVersioned, recordOf } from '@cocreate/kernel';
import type { Duty, OrgUnit, SettingName } from '../domain/duties.ts';
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
  /** The unit of a level at a place with its version (what a change's `before` and its condition are read from). */
  get: (table: Table, place: string, level: string) => readVersioned<OrgUnit>(table, keys.orgUnit(place, level)),

  /** Sets a unit (the latest setting of a level at a place is the unit), conditional on the version it was read at. */
  save(tx: UnitOfWork, unit: OrgUnit, township: string, expectedVersion: number | undefined): void {
    tx.putVersioned(
      { ...keys.orgUnit(unit.place, unit.level), gsi1pk: keys.orgUnder(township), gsi1sk: `${unit.place}#${unit.level}`, ...unit },
      expectedVersion,
      'retry',
    );
  },

  /** Every unit under a township (its committee, its villages' branches, cells and central households). */
  async listUnder(table: Table, township: string): Promise<OrgUnit[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.orgUnder(township) });
    return items.map((i) => recordOf<OrgUnit>(i));
  },
};

/** Every audited change of an org unit or a duty, newest first per setting and scope (and level). */
export const audit = auditTrailOf<SettingName>(keys.audit);
