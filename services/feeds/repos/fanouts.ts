import { type Table, type UnitOfWork, cond, readRecord, recordOf } from '@cocreate/kernel';
import type { Fanout } from '../domain/dispatch.ts';
import { keys } from './keys.ts';

export const fanouts = {
  create(tx: UnitOfWork, f: Fanout): void {
    tx.put(
      { ...keys.fanout(f.eventId), gsi1pk: 'FANOUTS', gsi1sk: `${f.createdAt}#${f.eventId}`, ...f },
      { condition: cond.notExists(), onConflict: 'retry' },
    );
  },

  async pending(table: Table, limit: number): Promise<Fanout[]> {
    const page = await table.query({ index: 'gsi1', pk: 'FANOUTS', limit });
    return page.items.map((i) => recordOf<Fanout>(i));
  },

  async get(table: Table, eventId: string): Promise<Fanout | undefined> {
    return readRecord<Fanout>(table, keys.fanout(eventId));
  },

  /** Records progress; the last step deletes the item. Both conditional on the progress read. */
  advance(tx: UnitOfWork, f: Fanout, done: number): void {
    if (done >= f.subscriptions.length) {
      tx.delete(keys.fanout(f.eventId), { condition: cond.equals('done', f.done), onConflict: 'retry' });
    } else {
      tx.update(keys.fanout(f.eventId), { set: { done } }, { condition: cond.equals('done', f.done), onConflict: 'retry' });
    }
  },
};
