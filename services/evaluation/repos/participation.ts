import type { Item, Table, UnitOfWork } from '@cocreate/kernel';
import { type Component, type Counts, type Fact, COMPONENT_NAMES, zeroCounts } from '../domain/participation.ts';
import { keys } from './keys.ts';

const attr = (c: Component) => `n_${c}`;

/** The participation counters: one item per village and year, and a record of each fact counted. */
export const counters = {
  /** O(1) per event: one conditional fact record and one ADD on the village-year counter item. */
  count(tx: UnitOfWork, f: Fact, at: string): void {
    tx.create({ ...keys.fact(f.village, f.component, f.key), count: f.count, year: f.year, at }, 'retry');
    tx.update(keys.counters(f.village, f.year), {
      add: { [attr(f.component)]: f.count },
      set: { village: f.village, year: f.year, updatedAt: at },
    });
  },
  factSeen: async (table: Table, village: string, component: Component, key: string) =>
    !!(await table.get(keys.fact(village, component, key))),
  fromItem(item: Item | undefined): Counts {
    const counts = zeroCounts();
    for (const c of COMPONENT_NAMES) counts[c] = (item?.[attr(c)] as number | undefined) ?? 0;
    return counts;
  },
  async get(table: Table, village: string, y: number): Promise<Counts> {
    return counters.fromItem(await table.get(keys.counters(village, y)));
  },
};
