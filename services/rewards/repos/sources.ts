import { type Table, type UnitOfWork, cond, readRecord } from '@cocreate/kernel';
import type { SourceRecord } from '../domain/entries.ts';
import { keys } from './keys.ts';

/** Source facts already applied (once-only crediting and the state of a violation). */
export const sources = {
  get: (table: Table, source: string): Promise<SourceRecord | undefined> => readRecord(table, keys.source(source)),

  /** Records a source as applied; a concurrent twin makes the whole change recompute (and then skip). */
  create(tx: UnitOfWork, record: SourceRecord): void {
    tx.put({ ...keys.source(record.source), ...record }, { condition: cond.notExists(), onConflict: 'retry' });
  },

  /** Moves a source record on from the state the change was computed from. */
  transition(tx: UnitOfWork, source: string, from: string, set: Record<string, unknown>): void {
    tx.update(keys.source(source), { set }, { condition: cond.equals('outcome', from), onConflict: 'retry' });
  },
};
