import { type OnConflict, type Table, type UnitOfWork, readRecord, recordOf } from '@cocreate/kernel';
import type { PlaceRecord } from '../domain/model.ts';
import type { PlaceFrame } from '../domain/places.ts';
import { keys, writeAtRevision } from './keys.ts';

export interface StoredPlace {
  place: PlaceRecord;
  frame: PlaceFrame;
}

const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : 'ROOT');

export const places = {
  async get(table: Table, path: string): Promise<StoredPlace | undefined> {
    const stored = await readRecord<PlaceRecord & PlaceFrame>(table, keys.place(path));
    return stored ? splitPlace(stored) : undefined;
  },

  async getMany(table: Table, paths: readonly string[]): Promise<Map<string, StoredPlace>> {
    const items = await table.getMany([...new Set(paths)].map(keys.place));
    return new Map(items.map((i) => [i.path as string, splitPlace(recordOf(i))]));
  },

  async children(table: Table, path: string): Promise<PlaceRecord[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: `CHILDREN#${path}` });
    return items.map((i) => splitPlace(recordOf(i)).place);
  },

  /** Writes a place at its revision: the first one must be new (`exists` otherwise), later ones follow the last. */
  write(tx: UnitOfWork, place: PlaceRecord, frame: PlaceFrame, exists: OnConflict): void {
    writeAtRevision(
      tx,
      { ...keys.place(place.path), gsi1pk: `CHILDREN#${parentOf(place.path)}`, gsi1sk: place.path, ...place, ...frame },
      place.revision,
      exists,
    );
  },
};

/** A stored place is the record and the frame (its village and county) kept beside it for the routes' checks. */
function splitPlace(stored: PlaceRecord & PlaceFrame): StoredPlace {
  const { village, county, ...rest } = stored;
  return { place: rest, frame: { ...(village ? { village } : {}), ...(county ? { county } : {}) } };
}
