import type { BodyKind, Place, PlaceData, PlaceKind } from './model.ts';
import { ancestorsOf, isWithin } from './model.ts';
import { maskName } from './mask.ts';

/**
 * A person as the campaign services see them (村情台账's public face): an id, a masked name (张*明) and the few
 * attributes their rules need. Phone and ID numbers never leave the registry.
 */
export interface RegisteredPerson {
  id: string;
  /** Masked the way public notices mask names; never the full name. */
  name: string;
  household: string;
  /** The village or community the person belongs to. */
  village: string;
  /** 党员 */
  partyMember: boolean;
}

export interface RegisteredHousehold {
  path: string;
  village: string;
  head: string;
  members: string[];
  /** Owners with exclusive floor area (专有部分面积, m²), for owners' decisions; empty in villages. */
  owners: { person: string; area: number }[];
}

/** A body's members on a given day (memberships have terms: 换届, resignation). */
export interface RegisteredBody {
  kind: BodyKind;
  village: string;
  members: string[];
}

/** Owners of a scope with their areas on a given day. */
export interface OwnerShare {
  person: string;
  household: string;
  area: number;
}

/**
 * Read access to the register of places, households, people and bodies, as a service keeps it. Asynchronous because
 * in a service it is a projection in the service's own table, fed by the registry's events; never a call to the
 * registry on a request path.
 *
 * Every question about bodies and owners is asked of a day (`on`, an ISO date in China time); without one, today.
 * "Who sat on the supervision committee on 2027-03-01" has one answer.
 */
export interface Register {
  place(path: string): Promise<Place | undefined>;
  children(path: string): Promise<Place[]>;
  /** All places of a kind inside a subtree. */
  within(scope: string, kind?: PlaceKind): Promise<Place[]>;
  /** The village or community a path lies in (itself when it is one). */
  villageOf(path: string): Promise<Place | undefined>;
  person(id: string): Promise<RegisteredPerson | undefined>;
  household(path: string): Promise<RegisteredHousehold | undefined>;
  households(scope: string): Promise<RegisteredHousehold[]>;
  body(village: string, kind: BodyKind, on?: string): Promise<RegisteredBody | undefined>;
  isMember(village: string, kind: BodyKind, person: string, on?: string): Promise<boolean>;
  /** Owners with their exclusive floor areas in a compound or community (业主, 专有部分面积). */
  owners(scope: string, on?: string): Promise<OwnerShare[]>;
}

const VILLAGE_KINDS: ReadonlySet<PlaceKind> = new Set(['village', 'community']);

/**
 * What a list asked for by `village` meets (issue 12): a village or community itself (`village: true`), or a wider
 * scope — a township, a county — with its kind and the villages and communities in it (at most 200), so the list can
 * refuse with the parameter to use instead of answering an empty list that reads as "nothing happened". Undefined
 * for a path the register does not know (a 404). Each service turns the scope into its `list-needs-a-village` problem.
 */
export async function villageListScope(
  register: Pick<Register, 'place' | 'within'>,
  path: string,
): Promise<{ village: true } | { village: false; scopeKind: PlaceKind; villages: string[] } | undefined> {
  const place = await register.place(path);
  if (!place) return undefined;
  if (VILLAGE_KINDS.has(place.kind)) return { village: true };
  const inside = [...(await register.within(path, 'village')), ...(await register.within(path, 'community'))];
  return { village: false, scopeKind: place.kind, villages: inside.slice(0, 200).map((v) => v.path) };
}

/**
 * The nearest place of one of `kinds` among a path's ancestors (itself included): the township a village files its
 * decisions with, the county whose rules apply. One lookup per level, all at once.
 */
export async function ancestorOf(register: Pick<Register, 'place'>, path: string, ...kinds: PlaceKind[]): Promise<Place | undefined> {
  const found = await Promise.all(
    ancestorsOf(path)
      .reverse()
      .map((p) => register.place(p)),
  );
  return found.find((p) => p !== undefined && kinds.includes(p.kind));
}

/** The county a place lies in (the level whose rules, rates and earning rules apply), as the register knows it. */
export async function countyOf(register: Pick<Register, 'place'>, path: string): Promise<string | undefined> {
  return (await ancestorOf(register, path, 'county'))?.path;
}

/** The nearest village or community among a path's ancestors (itself included), given a way to look places up. */
export async function villageAmong(path: string, lookup: (paths: string[]) => Promise<(Place | undefined)[]>): Promise<Place | undefined> {
  const found = await lookup(ancestorsOf(path).reverse());
  return found.find((p) => p !== undefined && VILLAGE_KINDS.has(p.kind));
}

/**
 * A register over data held in memory: for pure tests and benchmarks that need a register without a table.
 * Memberships here have no terms (the data says who sits on each body now).
 */
export function registerOf(data: PlaceData): Register {
  const places = new Map(data.places.map((p) => [p.path, p]));
  const people = new Map(data.people.map((p) => [p.id, p]));
  const households = new Map(data.households.map((h) => [h.path, h]));
  const bodies = new Map(data.bodies.map((b) => [`${b.village}|${b.kind}`, b]));
  const personView = (id: string): RegisteredPerson | undefined => {
    const p = people.get(id);
    return (
      p && { id: p.id, name: maskName(p.name), household: p.household, village: p.village, partyMember: p.roles.includes('party-member') }
    );
  };
  const householdView = (h: PlaceData['households'][number]): RegisteredHousehold => ({
    path: h.path,
    village: h.village,
    head: h.head,
    members: [...h.members],
    owners: h.owners.map((o) => ({ ...o })),
  });
  const within = (scope: string, kind?: PlaceKind) => data.places.filter((p) => isWithin(p.path, scope) && (!kind || p.kind === kind));
  return {
    place: async (path) => places.get(path),
    children: async (path) => {
      const depth = path.split('/').length + 1;
      return data.places.filter((p) => isWithin(p.path, path) && p.path.split('/').length === depth);
    },
    within: async (scope, kind) => within(scope, kind),
    villageOf: (path) => villageAmong(path, async (paths) => paths.map((p) => places.get(p))),
    person: async (id) => personView(id),
    household: async (path) => {
      const h = households.get(path);
      return h && householdView(h);
    },
    households: async (scope) => data.households.filter((h) => isWithin(h.path, scope)).map(householdView),
    body: async (village, kind) => {
      const b = bodies.get(`${village}|${kind}`);
      return b && { kind: b.kind, village: b.village, members: [...b.members] };
    },
    isMember: async (village, kind, person) => bodies.get(`${village}|${kind}`)?.members.includes(person) ?? false,
    owners: async (scope) =>
      data.households.filter((h) => isWithin(h.path, scope)).flatMap((h) => h.owners.map((o) => ({ ...o, household: h.path }))),
  };
}
