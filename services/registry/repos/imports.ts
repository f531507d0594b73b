import { type OnConflict, type Table, type UnitOfWork, cond, readRecord, recordOf } from '@cocreate/kernel';
import { BodyKind } from '@cocreate/contracts';
import { type ImportRecord, type SliceNeeds, descendsInto } from '../domain/imports.ts';
import type { HouseholdRecord, MembershipRecord, PersonRecord, PlaceRecord, PropertyRecord, RegisterSlice } from '../domain/model.ts';
import { keys } from './keys.ts';
import { places } from './places.ts';

/** Roster imports and what they keep beside them. */
export const imports = {
  async get(table: Table, id: string): Promise<ImportRecord | undefined> {
    // The version stays on the record: the next save is conditional on it.
    return readRecord<ImportRecord>(table, keys.import(id), { keep: ['version'] });
  },

  /** Writes the record at its next version; the job finds it by `IMPORTS#pending` while it has work in it. */
  save(tx: UnitOfWork, r: ImportRecord, onConflict: OnConflict = 'retry'): ImportRecord {
    const { version, ...rest } = r;
    const pending = r.status === 'applying' || (r.status === 'failed' && r.failure?.retryable);
    tx.putVersioned(
      { ...keys.import(r.importId), ...rest, ...(pending ? { gsi1pk: 'IMPORTS#pending', gsi1sk: `${r.updatedAt}#${r.importId}` } : {}) },
      version,
      onConflict,
    );
    return { ...r, version: (version ?? 0) + 1 };
  },

  /** Imports the job has work in (applying, or failed and to be tried again), oldest first. */
  async pending(table: Table): Promise<string[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: 'IMPORTS#pending' });
    return items.map((i) => i.importId as string);
  },

  async plan(table: Table, id: string): Promise<string | undefined> {
    return (await table.get(keys.importPlan(id)))?.plan as string | undefined;
  },

  putPlan(tx: UnitOfWork, id: string, plan: string): void {
    tx.put({ ...keys.importPlan(id), plan });
  },

  /** The chunks already applied, by number. */
  async chunksDone(table: Table, id: string, plan: string): Promise<Map<number, number>> {
    const prefix = `CHUNK#${plan}#`;
    const items = await table.queryAll({ pk: `IMPORT#${id}`, sk: { beginsWith: prefix } });
    return new Map(items.map((i) => [Number((i.sk as string).slice(prefix.length)), i.changes as number]));
  },

  /** Advances the progress of an import being applied, in the chunk's own transaction. */
  advance(tx: UnitOfWork, id: string, changes: number, at: string): void {
    tx.update(
      keys.import(id),
      { add: { 'progress.done': changes, 'progress.partsDone': 1, version: 1 }, set: { updatedAt: at } },
      { condition: cond.equals('status', 'applying'), onConflict: 'retry' },
    );
  },

  /** Marks a chunk applied in the chunk's own transaction: a second commit of the same chunk is a duplicate. */
  markChunk(tx: UnitOfWork, id: string, plan: string, chunk: number, changes: number): void {
    tx.markProcessed(keys.importChunk(id, plan, chunk), { changes });
  },

  async template(table: Table, file: string): Promise<string | undefined> {
    return (await table.get(keys.template(file)))?.key as string | undefined;
  },

  putTemplate(tx: UnitOfWork, file: string, key: string): void {
    tx.put({ ...keys.template(file), key });
  },
};

/** The register under a place, as far as an import needs it (see `SliceNeeds`): places level by level, then per village. */
export async function registerSlice(table: Table, scope: PlaceRecord | string, needs: SliceNeeds): Promise<RegisterSlice> {
  // A province not registered yet holds nothing.
  if (typeof scope === 'string') return { scope, places: [], households: [], people: [], properties: [], memberships: [] };
  const found: PlaceRecord[] = [scope];
  for (let level = [scope]; level.length;) {
    const parents = level.filter((p) => descendsInto(p.kind, needs.deepestKind));
    const children = await inBatches(parents, (p) => places.children(table, p.path));
    level = children.flat();
    found.push(...level);
  }
  const villages = found.filter((p) => p.kind === 'village' || p.kind === 'community').map((p) => p.path);
  const perVillage = async <T>(want: boolean, pk: (v: string) => string): Promise<T[]> =>
    want ? (await inBatches(villages, (v) => table.queryAll({ index: 'gsi1', pk: pk(v) }, 100_000))).flat().map((i) => recordOf<T>(i)) : [];
  const [people, households, owned, terms] = await Promise.all([
    perVillage<PersonRecord>(needs.people, (v) => `PEOPLE#${v}`),
    perVillage<HouseholdRecord>(needs.households, (v) => `HOUSEHOLDS#${v}`),
    perVillage<PropertyRecord>(needs.properties, (v) => `PROPERTIES#${v}`),
    needs.memberships
      ? inBatches(
          villages.flatMap((v) => BodyKind.options.map((b) => `BODY#${v}#${b}`)),
          (pk) => table.queryAll({ index: 'gsi1', pk }, 100_000),
        ).then((pages) => pages.flat().map((i) => recordOf<MembershipRecord>(i)))
      : Promise.resolve([]),
  ]);
  return { scope: scope.path, places: found, households, people, properties: owned, memberships: terms };
}

/** Runs reads a few at a time (a county is hundreds of villages; DynamoDB is happier with a steady stream). */
async function inBatches<T, R>(items: readonly T[], read: (item: T) => Promise<R>, width = 16): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await read(items[i]!);
      }
    }),
  );
  return out;
}

/** The stored items behind a chunk's changes, read consistently in one round (by the change's thing key). */
export async function thingsOf(
  table: Table,
  wanted: {
    places: string[];
    households: string[];
    people: string[];
    properties: string[];
    memberships: string[];
    idHashes: string[];
    seats: [string, string, string][];
  },
) {
  const list = [
    ...wanted.places.map((p) => ['place', p, keys.place(p)] as const),
    ...wanted.households.map((p) => ['household', p, keys.household(p)] as const),
    ...wanted.people.map((p) => ['person', p, keys.person(p)] as const),
    ...wanted.properties.map((p) => ['property', p, keys.property(p)] as const),
    ...wanted.memberships.map((m) => ['membership', m, keys.membership(m)] as const),
    ...wanted.idHashes.map((h) => ['idhash', h, keys.idHash(h)] as const),
    ...wanted.seats.map(([person, village, body]) => ['seat', `${person}|${village}|${body}`, keys.seat(person, village, body)] as const),
  ];
  const items = await table.getMany(list.map(([, , key]) => key));
  const byKey = new Map(items.map((i) => [`${i.pk}|${i.sk}`, i]));
  const found = new Map<string, Record<string, unknown>>();
  for (const [kind, id, key] of list) {
    const item = byKey.get(`${key.pk}|${key.sk}`);
    if (item) found.set(`${kind} ${id}`, recordOf<Record<string, unknown>>(item));
  }
  return found;
}
