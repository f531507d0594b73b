import { type OnConflict, type Table, type UnitOfWork, pageOf, readRecord, recordOf } from '@cocreate/kernel';
import type { Resource } from '../domain/lists.ts';
import { keys } from './keys.ts';

/** A resource keeps its version in the record: updates name the version they are based on. */
const withVersion = { keep: ['version'] } as const;

export const resources = {
  get: (table: Table, id: string) => readRecord<Resource>(table, keys.resource(id), withVersion),

  async getMany(table: Table, ids: readonly string[]): Promise<Resource[]> {
    const items = await table.getMany(ids.map((id) => keys.resource(id)));
    return items.map((i) => recordOf<Resource>(i, withVersion));
  },

  save(tx: UnitOfWork, r: Resource, expectedVersion: number | undefined, stale: OnConflict): void {
    const { version: _v, ...rest } = r;
    tx.putVersioned(
      { ...keys.resource(r.resourceId), gsi1pk: keys.villageResources(r.village), gsi1sk: `${r.createdAt}#${r.resourceId}`, ...rest },
      expectedVersion,
      stale,
    );
  },

  listByVillage: (table: Table, village: string, opts: { limit: number; cursor?: string | undefined }) =>
    pageOf<Resource>(
      table,
      {
        index: 'gsi1',
        pk: keys.villageResources(village),
        limit: opts.limit,
        forward: false,
        ...(opts.cursor ? { cursor: opts.cursor } : {}),
      },
      withVersion,
    ),
};
