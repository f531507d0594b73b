import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  PLACE_LEVEL,
  type HouseholdState,
  type MembershipState,
  type PersonState,
  type PlaceState,
  type PropertyState,
  type RegisterChange,
  RegisterImported,
  registerChangeEvents,
} from '@cocreate/contracts';
import {
  type Place,
  type PlaceKind,
  type Register,
  type RegisteredHousehold,
  type RegisteredPerson,
  holdsOn,
  isWithin,
  parentOf,
  villageAmong,
} from '@cocreate/places';
import type { SubscriptionDefinition } from './subscription.ts';
import type { RegisterCopyScope } from './types.ts';
import type { Condition } from './store/expressions.ts';
import type { Item, Table } from './store/table.ts';
import { MAX_TRANSACTION_ITEMS } from './store/unit.ts';

/**
 * A service's own copy of the register (村情台账), kept from the registry's events in the service's table: the one
 * mechanism every service uses, so no service reads the registry's table or calls it on a request path.
 *
 * Each registry event carries the whole new state of one thing with its revision; the copy keeps the highest
 * revision of each thing, so events may arrive late, twice or out of order. Items:
 *
 * | item       | pk                             | sk             |
 * |------------|--------------------------------|----------------|
 * | place      | `REG#KIDS#<parent path>`       | path           |
 * | person     | `REG#PERSON#<id>`              | `P`            |
 * | household  | `REG#HH#<village>`             | path           |
 * | property   | `REG#PROP#<village>`           | path           |
 * | membership | `REG#BODY#<village>#<kind>`    | membership id  |
 */

/** What a service keeps: the place tree only (a service that only checks places), or everything it may be shown. */
export type { RegisterCopyScope };

const ROOT = '-';

const keyOf = {
  place: (path: string) => ({ pk: `REG#KIDS#${parentOf(path) ?? ROOT}`, sk: path }),
  person: (id: string) => ({ pk: `REG#PERSON#${id}`, sk: 'P' }),
  household: (village: string, path: string) => ({ pk: `REG#HH#${village}`, sk: path }),
  property: (village: string, path: string) => ({ pk: `REG#PROP#${village}`, sk: path }),
  body: (village: string, kind: string) => `REG#BODY#${village}#${kind}`,
};

type Copied = { item: Item; revision: number };

/** The item a change becomes in the copy, or nothing when the copy does not keep that kind of thing. */
export function copiedItem(change: RegisterChange, scope: RegisterCopyScope): Copied | undefined {
  switch (change.type) {
    case 'PlaceRegistered':
    case 'PlaceRenamed':
    case 'PlaceRetired': {
      const s: PlaceState = change.state;
      return {
        item: { ...keyOf.place(s.path), kind: s.kind, name: s.name, ...(s.retired ? { retired: s.retired } : {}), rev: s.revision },
        revision: s.revision,
      };
    }
    default:
      if (scope === 'places') return undefined;
  }
  switch (change.type) {
    case 'PersonRegistered':
    case 'PersonChanged':
    case 'PersonMoved':
    case 'PersonLeft': {
      const s: PersonState = change.state;
      return {
        item: {
          ...keyOf.person(s.person),
          name: s.maskedName,
          household: s.household,
          village: s.village,
          partyMember: s.partyMember,
          resident: s.resident,
          ...(s.votingAgeFrom ? { votingAgeFrom: s.votingAgeFrom } : {}),
          ...(s.left ? { left: s.left } : {}),
          rev: s.revision,
        },
        revision: s.revision,
      };
    }
    case 'HouseholdChanged': {
      const s: HouseholdState = change.state;
      return { item: { ...keyOf.household(s.village, s.path), head: s.head, members: s.members, rev: s.revision }, revision: s.revision };
    }
    case 'OwnershipChanged': {
      const s: PropertyState = change.state;
      return { item: { ...keyOf.property(s.village, s.path), owners: s.owners, rev: s.revision }, revision: s.revision };
    }
    case 'MembershipStarted':
    case 'MembershipEnded': {
      const s: MembershipState = change.state;
      return {
        item: {
          pk: keyOf.body(s.village, s.body),
          sk: s.membershipId,
          person: s.person,
          from: s.from,
          ...(s.until ? { until: s.until } : {}),
          rev: s.revision,
        },
        revision: s.revision,
      };
    }
  }
}

const NEWER = 'attribute_not_exists(rev) OR rev < :rev';
const newer = (revision: number): Condition => ({ expression: NEWER, values: { ':rev': revision } });

/** Keeps the highest revision of one thing: an older or equal revision arriving late changes nothing. */
async function keep(table: Table, { item, revision }: Copied): Promise<void> {
  try {
    await table.doc.send(
      new PutCommand({
        TableName: table.name,
        Item: item,
        ConditionExpression: NEWER,
        ExpressionAttributeValues: { ':rev': revision },
      }),
    );
  } catch (err) {
    if ((err as { name?: string }).name !== 'ConditionalCheckFailedException') throw err;
  }
}

/** DynamoDB's limit on one transaction. */
const PER_TRANSACTION = MAX_TRANSACTION_ITEMS;

/** The copy's items for some changes, each thing once at its highest revision (a transaction refuses one item twice). */
function latestCopies(changes: readonly RegisterChange[], scope: RegisterCopyScope): Copied[] {
  const latest = new Map<string, Copied>();
  for (const change of changes) {
    const c = copiedItem(change, scope);
    if (c === undefined) continue;
    const key = `${c.item.pk}|${c.item.sk}`;
    if ((latest.get(key)?.revision ?? 0) < c.revision) latest.set(key, c);
  }
  return [...latest.values()];
}

/**
 * Applies changes to the copy. Safe to repeat: a redelivered event finds every revision already kept. Changes go in
 * as one conditional transaction per 100 (an import part is one round trip, not a hundred); when some thing in it
 * already holds a newer revision the transaction is cancelled and that chunk is kept thing by thing.
 */
export async function applyToCopy(table: Table, changes: readonly RegisterChange[], scope: RegisterCopyScope): Promise<void> {
  const unique = latestCopies(changes, scope);
  for (let i = 0; i < unique.length; i += PER_TRANSACTION) {
    const chunk = unique.slice(i, i + PER_TRANSACTION);
    try {
      await table.doc.send(
        new TransactWriteCommand({
          TransactItems: chunk.map(({ item, revision }) => ({
            Put: { TableName: table.name, Item: item, ConditionExpression: NEWER, ExpressionAttributeValues: { ':rev': revision } },
          })),
        }),
      );
    } catch (err) {
      if ((err as { name?: string }).name !== 'TransactionCanceledException') throw err;
      for (const c of chunk) await keep(table, c);
    }
  }
}

/** The subscription the kernel adds to every service that keeps a copy of the register. */
export function registerCopySubscription(scope: RegisterCopyScope): SubscriptionDefinition {
  return {
    name: 'register-copy',
    summary: 'Keeps this service’s copy of the register (places, households, people, properties, memberships) from the registry’s events.',
    events: [...registerChangeEvents, RegisterImported],
    // Every write below is conditional on the revision, so a repeated part changes nothing: no read of the marker
    // first (one read per part saved on every copy), a duplicate is told by the marker's condition at commit.
    duplicateCheck: 'on-commit',
    handler: async (event, ctx) => {
      const changes: RegisterChange[] =
        event.contract === RegisterImported
          ? (event.data as { changes: RegisterChange[] }).changes
          : [{ type: event.contract.type, state: event.data } as RegisterChange];
      const copies = latestCopies(changes, scope);
      // First try: the whole part in the unit that commits the processed-event marker — one transaction, each thing
      // on the condition that the copy holds no newer (or equal) revision of it. If a thing is already there at its
      // revision or newer (a late, repeated or half-applied part), that condition cancels the unit and asks for a
      // retry, and the retry keeps the part thing by thing before its marker, as below.
      if (ctx.attempt === 0 && copies.length > 0 && ctx.tx.size + copies.length <= MAX_TRANSACTION_ITEMS) {
        for (const { item, revision } of copies) ctx.tx.put(item, { condition: newer(revision), onConflict: 'retry' });
        return;
      }
      // Written before the processed-event marker commits: a failure part-way is retried whole, and what was
      // already kept is kept again at the same revision (a no-op).
      await applyToCopy(ctx.table, changes, scope);
    },
  };
}

interface PlaceItem extends Item {
  kind: PlaceKind;
  name: Place['name'];
  retired?: Place['retired'];
}
interface PersonItem extends Item {
  name: string;
  household: string;
  village: string;
  partyMember: boolean;
}
interface HouseholdItem extends Item {
  head: string;
  members: string[];
}
interface PropertyItem extends Item {
  owners: { person: string; area: number; from: string; until?: string }[];
}
interface MembershipItem extends Item {
  person: string;
  from: string;
  until?: string;
}

const placeOf = (i: PlaceItem): Place => ({ path: i.sk, kind: i.kind, name: i.name, ...(i.retired ? { retired: i.retired } : {}) });

/**
 * The register as a service reads it: from its copy, remembering what it read for the life of this object (one
 * request, one delivery, one job run), so the place check and the handler never read the same thing twice.
 * `today` answers "on which day" when a question does not say.
 */
export function registerFromCopy(table: Table, today: () => string): Register {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    let p = memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = read();
      memo.set(key, p);
      // A failed read is not remembered: the next question asks again.
      p.catch(() => memo.delete(key));
    }
    return p;
  };

  const places = async (paths: string[]): Promise<(Place | undefined)[]> => {
    const missing = paths.filter((p) => !memo.has(`place:${p}`));
    if (missing.length) {
      const batch = table.getMany<PlaceItem>(missing.map(keyOf.place)).then((items) => new Map(items.map((i) => [i.sk, placeOf(i)])));
      for (const p of missing) once(`place:${p}`, () => batch.then((found) => found.get(p)));
    }
    return Promise.all(paths.map((p) => once(`place:${p}`, async () => undefined as Place | undefined)));
  };
  const place = async (path: string) => (await places([path]))[0];
  const children = (path: string) =>
    once(`kids:${path}`, async () => (await table.queryAll<PlaceItem>({ pk: `REG#KIDS#${path}` })).map(placeOf).filter((p) => !p.retired));
  const villageOf = (path: string) => once(`village-of:${path}`, () => villageAmong(path, places));

  const within = async (scope: string, kind?: PlaceKind): Promise<Place[]> => {
    const root = await place(scope);
    if (!root || root.retired) return [];
    const out: Place[] = [];
    let level: Place[] = [root];
    while (level.length) {
      for (const p of level) if (!kind || p.kind === kind) out.push(p);
      const deeper = level.filter((p) => p.kind !== 'household' && (!kind || PLACE_LEVEL[p.kind] < PLACE_LEVEL[kind]));
      level = (await Promise.all(deeper.map((p) => children(p.path)))).flat();
    }
    return out;
  };

  const person = (id: string) =>
    once(`person:${id}`, async (): Promise<RegisteredPerson | undefined> => {
      const i = await table.get<PersonItem>(keyOf.person(id));
      return i && { id, name: i.name, household: i.household, village: i.village, partyMember: i.partyMember };
    });

  /** The villages a scope covers: its own village when it lies in one, else every village and community below it. */
  const villagesOf = async (scope: string): Promise<string[]> => {
    const v = await villageOf(scope);
    if (v) return [v.path];
    const below = await within(scope);
    return below.filter((p) => p.kind === 'village' || p.kind === 'community').map((p) => p.path);
  };

  const villageHouseholds = (village: string) =>
    once(`households:${village}`, async () =>
      (await table.queryAll<HouseholdItem>({ pk: `REG#HH#${village}` }, 100_000)).map((i): RegisteredHousehold => ({
        path: i.sk,
        village,
        head: i.head,
        members: i.members,
        owners: [],
      })),
    );
  const villageProperties = (village: string) =>
    once(`properties:${village}`, async () => table.queryAll<PropertyItem>({ pk: `REG#PROP#${village}` }, 100_000));

  const ownersOn = (props: PropertyItem[], day: string) =>
    props.flatMap((p) => p.owners.filter((o) => holdsOn(o, day)).map((o) => ({ person: o.person, household: p.sk, area: o.area })));

  const households = async (scope: string): Promise<RegisteredHousehold[]> => {
    const villages = await villagesOf(scope);
    const day = today();
    const perVillage = await Promise.all(
      villages.map(async (v) => {
        const [hh, props] = await Promise.all([villageHouseholds(v), villageProperties(v)]);
        const owners = new Map<string, { person: string; area: number }[]>();
        for (const o of ownersOn(props, day))
          owners.set(o.household, [...(owners.get(o.household) ?? []), { person: o.person, area: o.area }]);
        return hh.filter((h) => isWithin(h.path, scope)).map((h) => ({ ...h, owners: owners.get(h.path) ?? [] }));
      }),
    );
    return perVillage.flat();
  };

  const members = (village: string, kind: string) =>
    once(`body:${village}#${kind}`, () => table.queryAll<MembershipItem>({ pk: keyOf.body(village, kind) }));

  return {
    place,
    children,
    within,
    villageOf,
    person,
    // One household is two item reads, not its whole village: villages hold thousands of households.
    household: (path) =>
      once(`household:${path}`, async (): Promise<RegisteredHousehold | undefined> => {
        const v = await villageOf(path);
        if (!v) return undefined;
        const [h, p] = await Promise.all([
          table.get<HouseholdItem>(keyOf.household(v.path, path)),
          table.get<PropertyItem>(keyOf.property(v.path, path)),
        ]);
        if (!h) return undefined;
        const owners = p ? ownersOn([p], today()).map(({ person, area }) => ({ person, area })) : [];
        return { path, village: v.path, head: h.head, members: h.members, owners };
      }),
    households,
    body: async (village, kind, on) => {
      const day = on ?? today();
      const terms = (await members(village, kind)).filter((m) => holdsOn(m, day));
      if (!terms.length) return undefined;
      return { kind, village, members: [...new Set(terms.map((m) => m.person))].sort() };
    },
    isMember: async (village, kind, who, on) => {
      const day = on ?? today();
      return (await members(village, kind)).some((m) => m.person === who && holdsOn(m, day));
    },
    owners: async (scope, on) => {
      const day = on ?? today();
      const villages = await villagesOf(scope);
      const props = (await Promise.all(villages.map(villageProperties))).flat();
      return ownersOn(props, day).filter((o) => isWithin(o.household, scope));
    },
  };
}
