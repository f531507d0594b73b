import { type OnConflict, type Table, type UnitOfWork, cond, readRecord } from '@cocreate/kernel';
import type { Replay } from '../domain/replays.ts';
import { KEEP_VERSION, keys } from './keys.ts';

export const replays = {
  async get(table: Table, subscriptionId: string, replayId: string): Promise<Replay | undefined> {
    return readRecord<Replay>(table, keys.replay(subscriptionId, replayId), KEEP_VERSION);
  },

  async pending(table: Table, limit: number): Promise<{ subscriptionId: string; replayId: string }[]> {
    const page = await table.query({ index: 'gsi1', pk: 'REPLAYS', limit });
    return page.items.map((i) => ({ subscriptionId: i.subscriptionId as string, replayId: i.replayId as string }));
  },

  /** Counts a delivery an archive replay queued (a counter: many arrive at once). */
  countQueued(tx: UnitOfWork, r: Pick<Replay, 'subscriptionId' | 'replayId'>): void {
    tx.update(keys.replay(r.subscriptionId, r.replayId), { add: { queued: 1, scanned: 1 } });
  },

  /** Writes a replay, in the pending index until it completes; optimistic on `expectedVersion`. */
  save(tx: UnitOfWork, r: Replay, expectedVersion: number | undefined, onConflict: OnConflict): Replay {
    const saved: Replay = { ...r, version: (expectedVersion ?? 0) + 1 };
    tx.put(
      {
        ...keys.replay(saved.subscriptionId, saved.replayId),
        ...(saved.status === 'pending' ? { gsi1pk: 'REPLAYS', gsi1sk: `${saved.requestedAt}#${saved.replayId}` } : {}),
        ...saved,
      },
      { condition: expectedVersion === undefined ? cond.notExists() : cond.versionIs(expectedVersion), onConflict },
    );
    return saved;
  },
};
