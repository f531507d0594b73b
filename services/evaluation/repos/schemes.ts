import {
  type OnConflict,
  type Table,
  type UnitOfWork,
  type Versioned,
  pageOf,
  readRecord,
  readVersioned,
  recordOf,
} from '@cocreate/kernel';
import type { Binding, SchemeHead, SchemeVersion } from '../domain/scheme.ts';
import { keys } from './keys.ts';

export const schemes = {
  head: (table: Table, id: string): Promise<Versioned<SchemeHead> | undefined> => readVersioned<SchemeHead>(table, keys.schemeHead(id)),
  /** A version item keeps its `version` (the scheme's version number, not an optimistic-concurrency counter). */
  version: (table: Table, id: string, v: number): Promise<SchemeVersion | undefined> =>
    readRecord<SchemeVersion>(table, keys.schemeVersion(id, v), { keep: ['version'] }),
  /** Saves a new version; the head's version guards against two editors saving at once. */
  save(tx: UnitOfWork, s: SchemeVersion, expectedHeadVersion: number | undefined, onConflict: OnConflict): void {
    tx.create({ ...keys.schemeVersion(s.schemeId, s.version), ...s }, onConflict);
    const head: SchemeHead = {
      schemeId: s.schemeId,
      place: s.place,
      title: s.title,
      latest: s.version,
      savedAt: s.savedAt,
      template: s.template,
    };
    tx.putVersioned(
      { ...keys.schemeHead(s.schemeId), gsi1pk: keys.schemesAt(s.place), gsi1sk: `${s.savedAt}#${s.schemeId}`, ...head },
      expectedHeadVersion,
      onConflict,
    );
  },
  listAt: (table: Table, place: string, opts: { limit: number; cursor?: string | undefined }) =>
    pageOf<SchemeHead>(table, {
      index: 'gsi1',
      pk: keys.schemesAt(place),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),
};

export const bindings = {
  put(tx: UnitOfWork, b: Binding): void {
    tx.put({ ...keys.binding(b.place, b.purpose, b.stage), ...b });
  },
  /** The bindings for a purpose (stage-specific and any-stage) at each of the given places. */
  async forPlaces(table: Table, places: readonly string[], purpose: string, stage: string | undefined): Promise<Binding[]> {
    const ks = places.flatMap((p) => [keys.binding(p, purpose, undefined), ...(stage ? [keys.binding(p, purpose, stage)] : [])]);
    return (await table.getMany(ks)).map((i) => recordOf<Binding>(i));
  },
  async at(table: Table, place: string): Promise<Binding[]> {
    return (await table.queryAll({ pk: `BINDING#${place}` })).map((i) => recordOf<Binding>(i));
  },
};
