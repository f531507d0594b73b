import type { Table, UnitOfWork } from '@cocreate/kernel';
import type { Counters } from '../domain/rollups.ts';
import { keys } from './keys.ts';

export interface Bucket {
  month: string;
  counters: Counters;
}

const NOT_COUNTERS = new Set(['pk', 'sk', 'area', 'month']);

export const rollups = {
  /** Adds to a month's counters of an area (atomic ADD: concurrent events never lose a count). */
  add(tx: UnitOfWork, area: string, month: string, counters: Counters): void {
    const add = Object.fromEntries(Object.entries(counters).filter(([, v]) => v !== undefined && v !== 0)) as Record<string, number>;
    if (!Object.keys(add).length) return;
    tx.update(keys.rollup(area, month), { set: { area, month }, add });
  },

  /** Every month bucket of an area up to a month (inclusive): at most one item per month of the campaign. */
  async upTo(table: Table, area: string, month: string): Promise<Bucket[]> {
    const items = await table.queryAll({ pk: keys.rollup(area, month).pk, sk: { lte: `M#${month}` } }, 1200);
    return items.map((i) => ({
      month: i.month as string,
      counters: Object.fromEntries(Object.entries(i).filter(([k]) => !NOT_COUNTERS.has(k))) as Counters,
    }));
  },
};
