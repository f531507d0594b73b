import { type Table, type UnitOfWork, type Versioned, cond, readVersioned, recordOf } from '@cocreate/kernel';
import type { Distribution, ShareRegister } from '../domain/dividends.ts';
import { keys } from './keys.ts';

/** The village cooperative's share register (versioned) and its dividend distributions. */
export const coop = {
  register: (table: Table, village: string): Promise<Versioned<ShareRegister> | undefined> => readVersioned(table, keys.shares(village)),

  writeRegister(tx: UnitOfWork, reg: ShareRegister, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.shares(reg.village), ...reg }, expectedVersion, 'retry');
  },

  /** A distribution is made against the register as read: a concurrent change to it makes it recompute. */
  checkRegister(tx: UnitOfWork, village: string, version: number): void {
    tx.check(keys.shares(village), cond.versionIs(version), 'retry');
  },

  createDistribution(tx: UnitOfWork, d: Distribution): void {
    tx.put(
      { ...keys.distribution(d.village, d.distributedAt, d.distributionId), gsi1pk: `DIV#${d.distributionId}`, gsi1sk: 'DIV', ...d },
      { condition: cond.notExists(), onConflict: 'retry' },
    );
  },

  async distributions(table: Table, village: string): Promise<Distribution[]> {
    const list = await table.queryAll({ pk: `COOP#${village}`, sk: { beginsWith: 'DIV#' }, forward: false });
    return list.map((i) => recordOf<Distribution>(i));
  },
};
