import { type Table, type UnitOfWork, readRecord, recordOf } from '@cocreate/kernel';
import type { CountySettings, StoredRate } from '../domain/contributions.ts';
import { keys } from './keys.ts';

/** A rate keeps its version: the API shows it and a replacement is conditional on it. */
const RATE = { keep: ['version'] } as const;

export const rates = {
  async list(table: Table, county: string): Promise<StoredRate[]> {
    const items = await table.queryAll({ pk: keys.countyPk(county), sk: { beginsWith: 'WAGE#' } });
    return items.map((i) => recordOf<StoredRate>(i, RATE));
  },

  /** The rate in force on a date: the latest effective on or before it (one read). */
  async on(table: Table, county: string, date: string): Promise<StoredRate | undefined> {
    const page = await table.query({ pk: keys.countyPk(county), sk: { between: ['WAGE#', `WAGE#${date}`] }, forward: false, limit: 1 });
    const item = page.items[0];
    return item ? recordOf<StoredRate>(item, RATE) : undefined;
  },

  get(table: Table, county: string, effectiveFrom: string): Promise<StoredRate | undefined> {
    return readRecord<StoredRate>(table, keys.wageRate(county, effectiveFrom), RATE);
  },

  put(tx: UnitOfWork, r: Omit<StoredRate, 'version'>, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.wageRate(r.county, r.effectiveFrom), ...r }, expectedVersion, 'retry');
  },
};

export const settings = {
  get(table: Table, county: string): Promise<CountySettings | undefined> {
    return readRecord<CountySettings>(table, keys.countySettings(county));
  },

  put(tx: UnitOfWork, s: CountySettings): void {
    tx.put({ ...keys.countySettings(s.county), ...s });
  },
};
