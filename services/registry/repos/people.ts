import { type OnConflict, type Page, type Table, type UnitOfWork, cond, pageOf, readRecord, recordOf } from '@cocreate/kernel';
import type { PersonRecord } from '../domain/model.ts';
import { keys, writeAtRevision } from './keys.ts';

export const people = {
  async get(table: Table, id: string): Promise<PersonRecord | undefined> {
    return readRecord<PersonRecord>(table, keys.person(id));
  },

  async getMany(table: Table, ids: readonly string[]): Promise<Map<string, PersonRecord>> {
    const items = await table.getMany([...new Set(ids)].map(keys.person));
    return new Map(items.map((i) => [i.person as string, recordOf<PersonRecord>(i)]));
  },

  /** A page of a village's people (an urban community holds tens of thousands), or of one household's. */
  async ofVillage(
    table: Table,
    village: string,
    opts: { household?: string; limit: number; cursor?: string },
  ): Promise<Page<PersonRecord>> {
    return pageOf<PersonRecord>(table, {
      index: 'gsi1',
      pk: `PEOPLE#${village}`,
      limit: opts.limit,
      ...(opts.household ? { sk: { beginsWith: `${opts.household}#` } } : {}),
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
  },

  write(tx: UnitOfWork, p: PersonRecord, exists: OnConflict): void {
    writeAtRevision(
      tx,
      { ...keys.person(p.person), gsi1pk: `PEOPLE#${p.village}`, gsi1sk: `${p.household}#${p.person}`, ...p },
      p.revision,
      exists,
    );
  },
};

export const idHashes = {
  async owner(table: Table, hash: string): Promise<string | undefined> {
    return (await table.get(keys.idHash(hash)))?.person as string | undefined;
  },

  /** Claims an ID number for a person. A claim lost to a concurrent one is recomputed (and then refused by name). */
  claim(tx: UnitOfWork, hash: string, person: string): void {
    tx.create({ ...keys.idHash(hash), person }, 'retry');
  },

  release(tx: UnitOfWork, hash: string, person: string): void {
    tx.delete(keys.idHash(hash), { condition: cond.equals('person', person), onConflict: 'retry' });
  },
};
