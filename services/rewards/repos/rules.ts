import { type Table, type UnitOfWork, type Versioned, readVersioned, recordOf } from '@cocreate/kernel';
import type { RulesRecord } from '../domain/rules.ts';
import { keys } from './keys.ts';

/** Earning rules of a county and overrides of a village (versioned: each change is audited against what it replaced). */
export const rules = {
  get: (table: Table, scope: string): Promise<Versioned<RulesRecord> | undefined> => readVersioned(table, keys.rules(scope)),

  async getMany(table: Table, scopes: string[]): Promise<Map<string, RulesRecord>> {
    const items = await table.getMany(scopes.map((s) => keys.rules(s)));
    return new Map(items.map((i) => [i.scope as string, recordOf<RulesRecord>(i)]));
  },

  put(tx: UnitOfWork, record: RulesRecord, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.rules(record.scope), ...record }, expectedVersion, 'retry');
  },
};
