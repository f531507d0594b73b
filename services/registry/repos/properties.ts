import { type Table, type UnitOfWork, readRecord, recordOf } from '@cocreate/kernel';
import type { PropertyRecord } from '../domain/model.ts';
import { keys, writeAtRevision } from './keys.ts';

export const properties = {
  async get(table: Table, path: string): Promise<PropertyRecord | undefined> {
    return readRecord<PropertyRecord>(table, keys.property(path));
  },

  async ownedBy(table: Table, person: string): Promise<PropertyRecord[]> {
    const pointers = await table.queryAll({ pk: `OWNER#${person}` });
    const items = await table.getMany(pointers.map((p) => keys.property(p.sk)));
    return items.map((i) => recordOf<PropertyRecord>(i));
  },

  write(tx: UnitOfWork, p: PropertyRecord): void {
    writeAtRevision(tx, { ...keys.property(p.path), gsi1pk: `PROPERTIES#${p.village}`, gsi1sk: p.path, ...p }, p.revision, 'retry');
  },

  /** Remembers that a person holds (or held) a share of a property, for their subject-access export. */
  pointOwner(tx: UnitOfWork, person: string, property: string): void {
    tx.put({ ...keys.owner(person, property), person, property });
  },
};
