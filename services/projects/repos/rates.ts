import { type Table, type UnitOfWork, readRecord, readVersioned, recordOf } from '@cocreate/kernel';
import type { StoredRate } from '../domain/contributions.ts';
import type { CountyRules } from '../domain/settings.ts';
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

/** A county's rules as it set them (absent: the defaults apply), versioned: two officials at once cannot both write. */
export const settings = {
  get(table: Table, county: string) {
    return readVersioned<Partial<CountyRules> & { county: string; setBy?: string; setAt?: string }>(table, keys.countySettings(county));
  },

  put(tx: UnitOfWork, s: CountyRules & { county: string; setBy: string; setAt: string }, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.countySettings(s.county), ...s }, expectedVersion, 'retry');
  },
};
