import { type OnConflict, type Table, type UnitOfWork, type Versioned, pageOf, readVersioned } from '@cocreate/kernel';
import type { Rectification } from '../domain/rectification.ts';
import { keys } from './keys.ts';

export const rectifications = {
  get: (table: Table, id: string): Promise<Versioned<Rectification> | undefined> =>
    readVersioned<Rectification>(table, keys.rectification(id)),
  put(tx: UnitOfWork, r: Rectification, expectedVersion: number | undefined, onConflict: OnConflict): void {
    tx.putVersioned(
      {
        ...keys.rectification(r.rectificationId),
        gsi1pk: keys.rectificationsOf(r.village),
        gsi1sk: `${r.openedAt}#${r.rectificationId}`,
        ...r,
      },
      expectedVersion,
      onConflict,
    );
  },
  listByVillage: (table: Table, village: string, opts: { limit: number; cursor?: string | undefined }) =>
    pageOf<Rectification>(table, {
      index: 'gsi1',
      pk: keys.rectificationsOf(village),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),
};
