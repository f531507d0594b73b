import type { Body, BodyKind, Household, Person, Place, PlaceData } from './model.ts';
import { isWithin } from './model.ts';
import { demoSeed } from './seed.ts';

/**
 * Read access to the places data: the tree, the people, households and bodies. Services ask it who is eligible
 * (voters, owners, beneficiaries); the data itself is deployment configuration, the same in both runtimes.
 */
export class PlaceDirectory {
  private readonly placesByPath = new Map<string, Place>();
  private readonly peopleById = new Map<string, Person>();
  private readonly householdsByPath = new Map<string, Household>();

  constructor(readonly data: PlaceData) {
    for (const p of data.places) this.placesByPath.set(p.path, p);
    for (const p of data.people) this.peopleById.set(p.id, p);
    for (const h of data.households) this.householdsByPath.set(h.path, h);
  }

  place(path: string): Place | undefined {
    return this.placesByPath.get(path);
  }

  children(path: string): Place[] {
    const depth = path.split('/').length + 1;
    return this.data.places.filter((p) => isWithin(p.path, path) && p.path.split('/').length === depth);
  }

  /** All places of a kind inside a subtree. */
  within(scope: string, kind?: Place['kind']): Place[] {
    return this.data.places.filter((p) => isWithin(p.path, scope) && (!kind || p.kind === kind));
  }

  /** The village or community a path lies in (itself when it is one). */
  villageOf(path: string): Place | undefined {
    const parts = path.split('/');
    for (let i = parts.length; i > 0; i--) {
      const p = this.placesByPath.get(parts.slice(0, i).join('/'));
      if (p && (p.kind === 'village' || p.kind === 'community')) return p;
    }
    return undefined;
  }

  person(id: string): Person | undefined {
    return this.peopleById.get(id);
  }

  people(scope: string): Person[] {
    return this.data.people.filter((p) => isWithin(p.household, scope) || isWithin(p.village, scope));
  }

  household(path: string): Household | undefined {
    return this.householdsByPath.get(path);
  }

  households(scope: string): Household[] {
    return this.data.households.filter((h) => isWithin(h.path, scope));
  }

  body(village: string, kind: BodyKind): Body | undefined {
    return this.data.bodies.find((b) => b.village === village && b.kind === kind);
  }

  bodies(village: string): Body[] {
    return this.data.bodies.filter((b) => b.village === village);
  }

  isMember(village: string, kind: BodyKind, person: string): boolean {
    return this.body(village, kind)?.members.includes(person) ?? false;
  }

  /** Owners with their exclusive floor areas in a compound or community (业主, 专有部分面积). */
  owners(scope: string): { person: string; household: string; area: number }[] {
    return this.households(scope).flatMap((h) => h.owners.map((o) => ({ ...o, household: h.path })));
  }
}

export const demoDirectory = new PlaceDirectory(demoSeed);
