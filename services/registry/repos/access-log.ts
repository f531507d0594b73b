import { type Page, type Table, type UnitOfWork, pageOf, recordOf } from '@cocreate/kernel';
import type { AccessEntry } from '../domain/model.ts';
import { keys } from './keys.ts';

export const accessLog = {
  record(tx: UnitOfWork, e: AccessEntry): void {
    tx.create({ ...keys.access(e.county, e.at, e.entryId), gsi1pk: `ACCESSED#${e.person}`, gsi1sk: `${e.at}#${e.entryId}`, ...e }, 'retry');
  },

  /** A county's log, newest first. */
  async ofCounty(table: Table, county: string, opts: { limit: number; cursor?: string; from?: string }): Promise<Page<AccessEntry>> {
    return pageOf<AccessEntry>(table, {
      pk: `ACCESS#${county}`,
      forward: false,
      limit: opts.limit,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
      ...(opts.from ? { sk: { gte: opts.from } } : {}),
    });
  },

  async aboutPerson(table: Table, person: string): Promise<AccessEntry[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: `ACCESSED#${person}` });
    return items.map((i) => recordOf<AccessEntry>(i));
  },
};
