import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Item, type OnConflict, type Page, type Table, type UnitOfWork, cond } from '@cocreate/kernel';
import { BodyKind } from '@cocreate/contracts';
import type { WrappedKeyStore } from './cipher.ts';
import { type ImportRecord, type SliceNeeds, descendsInto } from './domain/imports.ts';
import type { PlaceFrame } from './domain/places.ts';
import type { HouseholdRecord, MembershipRecord, PersonRecord, PlaceRecord, PropertyRecord, RegisterSlice } from './domain/model.ts';

/**
 * The registry's table. Keys are built here and nowhere else.
 *
 *   PLACE#<path> / PLACE                    a place {…, village, county}   gsi1: CHILDREN#<parent> / <path>
 *   HOUSEHOLD#<path> / HOUSEHOLD            a household                    gsi1: HOUSEHOLDS#<village> / <path>
 *   PERSON#<id> / PERSON                    a person, private fields included (ID number encrypted)
 *                                                                          gsi1: PEOPLE#<village> / <household>#<id>
 *   IDHASH#<hmac> / IDHASH                  one person per ID number {person}
 *   PROPERTY#<path> / PROPERTY              a property and its owners over time   gsi1: PROPERTIES#<village> / <path>
 *   OWNER#<person> / <property path>        where a person ever owned a share (their subject-access export)
 *   MEMBERSHIP#<id> / MEMBERSHIP            one term on a body             gsi1: BODY#<village>#<kind> / <from>#<id>
 *   SEAT#<person> / <village>#<kind>        a person's terms on one body {terms, revision}: the overlap check's
 *                                           aggregate, read consistently, and the person's memberships by key
 *   ACCESS#<county> / <at>#<entryId>        a read of unmasked data        gsi1: ACCESSED#<person> / <at>#<entryId>
 *   FIELDKEY / HASH                         the KMS-wrapped hashing key of the deployment (see cipher.ts)
 *   IMPORT#<id> / IMPORT                    a roster import: status, report, plan reference, progress
 *                                           gsi1 (while the job has work in it): IMPORTS#pending / <updatedAt>#<id>
 *   IMPORT#<id> / PLAN                      a small import's plan (sealed private fields); a large one is in S3
 *   IMPORT#<id> / CHUNK#<plan>#<n>          chunk n of a plan applied (written in the chunk's own transaction)
 *   TEMPLATE#<file> / TEMPLATE              where a blank template lies in the evidence bucket
 *
 * Every record carries `revision`; a change is written on the condition that the stored revision is the one it
 * was computed from, so a concurrent change makes it recompute, never overwrite.
 */
export const keys = {
  place: (path: string) => ({ pk: `PLACE#${path}`, sk: 'PLACE' }),
  household: (path: string) => ({ pk: `HOUSEHOLD#${path}`, sk: 'HOUSEHOLD' }),
  person: (id: string) => ({ pk: `PERSON#${id}`, sk: 'PERSON' }),
  idHash: (hash: string) => ({ pk: `IDHASH#${hash}`, sk: 'IDHASH' }),
  property: (path: string) => ({ pk: `PROPERTY#${path}`, sk: 'PROPERTY' }),
  owner: (person: string, property: string) => ({ pk: `OWNER#${person}`, sk: property }),
  membership: (id: string) => ({ pk: `MEMBERSHIP#${id}`, sk: 'MEMBERSHIP' }),
  seat: (person: string, village: string, body: string) => ({ pk: `SEAT#${person}`, sk: `${village}#${body}` }),
  access: (county: string, at: string, entryId: string) => ({ pk: `ACCESS#${county}`, sk: `${at}#${entryId}` }),
  fieldKey: { pk: 'FIELDKEY', sk: 'HASH' },
  import: (id: string) => ({ pk: `IMPORT#${id}`, sk: 'IMPORT' }),
  importPlan: (id: string) => ({ pk: `IMPORT#${id}`, sk: 'PLAN' }),
  importChunk: (id: string, plan: string, chunk: number) => ({ pk: `IMPORT#${id}`, sk: `CHUNK#${plan}#${String(chunk).padStart(6, '0')}` }),
  template: (file: string) => ({ pk: `TEMPLATE#${file}`, sk: 'TEMPLATE' }),
};

const STORAGE = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'version']);

function strip<T>(item: Record<string, unknown>, drop: readonly string[] = []): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE.has(k) && !drop.includes(k))) as T;
}

/** A change to an existing record is conditional on the revision it was computed from; a lost race is recomputed. */
const revisionWas = (revision: number) => ({ condition: cond.equals('revision', revision), onConflict: 'retry' as const });

function write(tx: UnitOfWork, item: Item, revision: number, created: OnConflict): void {
  if (revision === 1) tx.create(item, created);
  else tx.put(item, revisionWas(revision - 1));
}

export interface StoredPlace {
  place: PlaceRecord;
  frame: PlaceFrame;
}

const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : 'ROOT');

export const places = {
  async get(table: Table, path: string): Promise<StoredPlace | undefined> {
    const item = await table.get(keys.place(path));
    return item ? splitPlace(item) : undefined;
  },

  async getMany(table: Table, paths: readonly string[]): Promise<Map<string, StoredPlace>> {
    const items = await table.getMany([...new Set(paths)].map(keys.place));
    return new Map(items.map((i) => [i.path as string, splitPlace(i)]));
  },

  async children(table: Table, path: string): Promise<PlaceRecord[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: `CHILDREN#${path}` });
    return items.map((i) => splitPlace(i).place);
  },

  /** Writes a place at its revision: the first one must be new (`exists` otherwise), later ones follow the last. */
  write(tx: UnitOfWork, place: PlaceRecord, frame: PlaceFrame, exists: OnConflict): void {
    write(
      tx,
      { ...keys.place(place.path), gsi1pk: `CHILDREN#${parentOf(place.path)}`, gsi1sk: place.path, ...place, ...frame },
      place.revision,
      exists,
    );
  },
};

function splitPlace(item: Record<string, unknown>): StoredPlace {
  const { village, county, ...rest } = strip<PlaceRecord & PlaceFrame>(item);
  return { place: rest, frame: { ...(village ? { village } : {}), ...(county ? { county } : {}) } };
}

export const households = {
  async get(table: Table, path: string): Promise<HouseholdRecord | undefined> {
    const item = await table.get(keys.household(path));
    return item ? strip<HouseholdRecord>(item) : undefined;
  },

  async ofVillage(table: Table, village: string): Promise<HouseholdRecord[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: `HOUSEHOLDS#${village}` });
    return items.map((i) => strip<HouseholdRecord>(i));
  },

  write(tx: UnitOfWork, h: HouseholdRecord, exists: OnConflict): void {
    write(tx, { ...keys.household(h.path), gsi1pk: `HOUSEHOLDS#${h.village}`, gsi1sk: h.path, ...h }, h.revision, exists);
  },
};

export const people = {
  async get(table: Table, id: string): Promise<PersonRecord | undefined> {
    const item = await table.get(keys.person(id));
    return item ? strip<PersonRecord>(item) : undefined;
  },

  async getMany(table: Table, ids: readonly string[]): Promise<Map<string, PersonRecord>> {
    const items = await table.getMany([...new Set(ids)].map(keys.person));
    return new Map(items.map((i) => [i.person as string, strip<PersonRecord>(i)]));
  },

  /** A page of a village's people (an urban community holds tens of thousands), or of one household's. */
  async ofVillage(
    table: Table,
    village: string,
    opts: { household?: string; limit: number; cursor?: string },
  ): Promise<Page<PersonRecord>> {
    const page = await table.query({
      index: 'gsi1',
      pk: `PEOPLE#${village}`,
      limit: opts.limit,
      ...(opts.household ? { sk: { beginsWith: `${opts.household}#` } } : {}),
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { items: page.items.map((i) => strip<PersonRecord>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },

  write(tx: UnitOfWork, p: PersonRecord, exists: OnConflict): void {
    write(tx, { ...keys.person(p.person), gsi1pk: `PEOPLE#${p.village}`, gsi1sk: `${p.household}#${p.person}`, ...p }, p.revision, exists);
  },
};

export const idHashes = {
  async owner(table: Table, hash: string): Promise<string | undefined> {
    return (await table.get(keys.idHash(hash)))?.person as string | undefined;
  },

  /** Claims an ID number for a person. A claim lost to a concurrent one is recomputed (and then refused by name). */
  claim(tx: UnitOfWork, hash: string, person: string): void {
    tx.create({ ...keys.idHash(hash), person }, 'retry');
  },

  release(tx: UnitOfWork, hash: string, person: string): void {
    tx.delete(keys.idHash(hash), { condition: cond.equals('person', person), onConflict: 'retry' });
  },
};

export const properties = {
  async get(table: Table, path: string): Promise<PropertyRecord | undefined> {
    const item = await table.get(keys.property(path));
    return item ? strip<PropertyRecord>(item) : undefined;
  },

  async ownedBy(table: Table, person: string): Promise<PropertyRecord[]> {
    const pointers = await table.queryAll({ pk: `OWNER#${person}` });
    const items = await table.getMany(pointers.map((p) => keys.property(p.sk)));
    return items.map((i) => strip<PropertyRecord>(i));
  },

  write(tx: UnitOfWork, p: PropertyRecord): void {
    write(tx, { ...keys.property(p.path), gsi1pk: `PROPERTIES#${p.village}`, gsi1sk: p.path, ...p }, p.revision, 'retry');
  },

  /** Remembers that a person holds (or held) a share of a property, for their subject-access export. */
  pointOwner(tx: UnitOfWork, person: string, property: string): void {
    tx.put({ ...keys.owner(person, property), person, property });
  },
};

/** A person's terms on one body, in the shape the overlap check needs. */
export interface Seat {
  person: string;
  village: string;
  body: string;
  terms: { membershipId: string; from: string; until?: string }[];
  revision: number;
}

export const memberships = {
  async get(table: Table, id: string): Promise<MembershipRecord | undefined> {
    const item = await table.get(keys.membership(id));
    return item ? strip<MembershipRecord>(item) : undefined;
  },

  /** Every term ever held on a village's body (the roster's history; members on a day are filtered from it). */
  async ofBody(table: Table, village: string, body: string): Promise<MembershipRecord[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: `BODY#${village}#${body}` });
    return items.map((i) => strip<MembershipRecord>(i));
  },

  async seat(table: Table, person: string, village: string, body: string): Promise<Seat | undefined> {
    const item = await table.get(keys.seat(person, village, body));
    return item ? strip<Seat>(item) : undefined;
  },

  /** Every term a person holds or held, read by key (consistently): what leaving or moving away ends. */
  async ofPerson(table: Table, person: string): Promise<MembershipRecord[]> {
    const seats = await table.queryAll({ pk: `SEAT#${person}`, consistent: true });
    const ids = seats.flatMap((s) => (s.terms as Seat['terms']).map((t) => t.membershipId));
    const items = await table.getMany(ids.map(keys.membership));
    return items.map((i) => strip<MembershipRecord>(i));
  },

  write(tx: UnitOfWork, m: MembershipRecord): void {
    write(
      tx,
      { ...keys.membership(m.membershipId), gsi1pk: `BODY#${m.village}#${m.body}`, gsi1sk: `${m.from}#${m.membershipId}`, ...m },
      m.revision,
      'retry',
    );
  },

  /** The seat with terms added or changed (all of one person on one body), at the seat's next revision. */
  writeSeat(tx: UnitOfWork, seat: Seat | undefined, changed: readonly MembershipRecord[]): void {
    const m = changed[0]!;
    const ids = new Set(changed.map((c) => c.membershipId));
    const terms = [
      ...(seat?.terms ?? []).filter((t) => !ids.has(t.membershipId)),
      ...changed.map((c) => ({ membershipId: c.membershipId, from: c.from, ...(c.until ? { until: c.until } : {}) })),
    ];
    const next: Seat = { person: m.person, village: m.village, body: m.body, terms, revision: (seat?.revision ?? 0) + 1 };
    write(tx, { ...keys.seat(m.person, m.village, m.body), ...next }, next.revision, 'retry');
  },
};

/** A read of unmasked data (PIPL): who, when, which person, why. */
export interface AccessEntry {
  entryId: string;
  person: string;
  village: string;
  county: string;
  by: string;
  role?: string;
  at: string;
  purpose: string;
  what: 'record' | 'export';
}

export const accessLog = {
  record(tx: UnitOfWork, e: AccessEntry): void {
    tx.create({ ...keys.access(e.county, e.at, e.entryId), gsi1pk: `ACCESSED#${e.person}`, gsi1sk: `${e.at}#${e.entryId}`, ...e }, 'retry');
  },

  /** A county's log, newest first. */
  async ofCounty(table: Table, county: string, opts: { limit: number; cursor?: string; from?: string }) {
    const page = await table.query({
      pk: `ACCESS#${county}`,
      forward: false,
      limit: opts.limit,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
      ...(opts.from ? { sk: { gte: opts.from } } : {}),
    });
    return { items: page.items.map((i) => strip<AccessEntry>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },

  async aboutPerson(table: Table, person: string): Promise<AccessEntry[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: `ACCESSED#${person}` });
    return items.map((i) => strip<AccessEntry>(i));
  },
};

/** The hashing key's wrapped copy, kept in the table: generated by the first container that needs it, then shared. */
export function wrappedHashKeyStore(doc: DynamoDBDocumentClient, tableName: string): WrappedKeyStore {
  const get = async () => {
    const out = await doc.send(new GetCommand({ TableName: tableName, Key: keys.fieldKey, ConsistentRead: true }));
    return out.Item?.wrapped as string | undefined;
  };
  return {
    get,
    async putIfAbsent(wrapped) {
      try {
        await doc.send(
          new PutCommand({ TableName: tableName, Item: { ...keys.fieldKey, wrapped }, ConditionExpression: 'attribute_not_exists(pk)' }),
        );
        return wrapped;
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
        const stored = await get();
        if (!stored) throw err;
        return stored;
      }
    },
  };
}

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
    want ? (await inBatches(villages, (v) => table.queryAll({ index: 'gsi1', pk: pk(v) }, 100_000))).flat().map((i) => strip<T>(i)) : [];
  const [people, households, owned, terms] = await Promise.all([
    perVillage<PersonRecord>(needs.people, (v) => `PEOPLE#${v}`),
    perVillage<HouseholdRecord>(needs.households, (v) => `HOUSEHOLDS#${v}`),
    perVillage<PropertyRecord>(needs.properties, (v) => `PROPERTIES#${v}`),
    needs.memberships
      ? inBatches(
          villages.flatMap((v) => BodyKind.options.map((b) => `BODY#${v}#${b}`)),
          (pk) => table.queryAll({ index: 'gsi1', pk }, 100_000),
        ).then((pages) => pages.flat().map((i) => strip<MembershipRecord>(i)))
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

/** Roster imports and what they keep beside them. */
export const imports = {
  async get(table: Table, id: string): Promise<ImportRecord | undefined> {
    const item = await table.get(keys.import(id));
    // The version stays on the record: the next save is conditional on it.
    return item ? { ...strip<ImportRecord>(item, ['gsi1pk', 'gsi1sk']), version: item.version as number } : undefined;
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
    if (item) found.set(`${kind} ${id}`, strip<Record<string, unknown>>(item));
  }
  return found;
}
