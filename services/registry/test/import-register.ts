import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isWithin } from '@cocreate/places';
import { type PlannedChange, type PlanOptions } from '../domain/import/plan.ts';
import { readRoster, type Roster } from '../domain/import/read.ts';
import {
  type HouseholdRecord,
  type MembershipRecord,
  type PersonRecord,
  type PlaceRecord,
  type PropertyRecord,
  type RegisterSlice,
} from '../domain/model.ts';

/** A register held in memory that applies planned changes the way the registry's store will: the whole new state. */
export class MemoryRegister {
  readonly places = new Map<string, PlaceRecord>();
  readonly people = new Map<string, PersonRecord>();
  readonly households = new Map<string, HouseholdRecord>();
  readonly properties = new Map<string, PropertyRecord>();
  readonly memberships = new Map<string, MembershipRecord>();

  apply(changes: PlannedChange[]): void {
    for (const { change, private: inClear } of changes) {
      switch (change.type) {
        case 'PlaceRegistered':
        case 'PlaceRenamed':
        case 'PlaceRetired':
          this.places.set(change.state.path, change.state);
          break;
        case 'HouseholdChanged':
          this.households.set(change.state.path, change.state);
          break;
        case 'PersonRegistered':
        case 'PersonChanged':
        case 'PersonMoved':
        case 'PersonLeft': {
          const { fromHousehold: _, ...state } = { fromHousehold: undefined, ...change.state };
          const was = this.people.get(state.person);
          const { idNumber, ...kept } = inClear ?? { idNumber: undefined };
          this.people.set(state.person, {
            ...(was && {
              fullName: was.fullName,
              phone: was.phone,
              idHash: was.idHash,
              bornOn: was.bornOn,
              sex: was.sex,
              idCipher: was.idCipher,
            }),
            ...kept,
            ...(idNumber && { idCipher: `test:${idNumber}` }),
            ...state,
          } as PersonRecord);
          break;
        }
        case 'OwnershipChanged':
          this.properties.set(change.state.path, change.state);
          break;
        case 'MembershipStarted':
        case 'MembershipEnded': {
          const { reason: _, ...state } = { reason: undefined, ...change.state };
          this.memberships.set(state.membershipId, state);
          break;
        }
      }
    }
  }

  slice(scope: string): RegisterSlice {
    const within = <T>(m: Map<string, T>, at: (t: T) => string) => [...m.values()].filter((t) => isWithin(at(t), scope));
    return {
      scope,
      places: within(this.places, (p) => p.path),
      households: within(this.households, (h) => h.path),
      people: within(this.people, (p) => p.household),
      properties: within(this.properties, (p) => p.path),
      memberships: within(this.memberships, (m) => m.village),
    };
  }
}

export const hashId = (idNumber: string) => createHash('sha256').update(`test-key:${idNumber}`).digest('hex');

/** Deterministic ids for a plan: `p-new-1…` for people, ULID-shaped for memberships. */
export function planOptions(overrides: Partial<PlanOptions> = {}): PlanOptions {
  let people = 0;
  let ids = 0;
  return {
    today: '2026-12-01',
    hashId,
    newPersonId: () => `p-new-${++people}`,
    newId: () => `01JD7Z8Q9W3V4X5Y6Z${String(++ids).padStart(8, '0')}`,
    ...overrides,
  };
}

export async function readFiles(files: string[]): Promise<Roster> {
  const read = await readRoster(files.map((f) => ({ name: basename(f), bytes: readFileSync(f) })));
  if (!read.ok) throw new Error(JSON.stringify(read.refusal));
  return read.roster;
}

export async function readCsv(name: string, text: string): Promise<Roster> {
  const read = await readRoster([{ name, bytes: new TextEncoder().encode(text) }]);
  if (!read.ok) throw new Error(JSON.stringify(read.refusal));
  return read.roster;
}
