/**
 * Turns an event into the flat list of leaf fields that patterns are matched against, as event-ruler does:
 * nested keys are joined with '.', arrays are "crushed out" (each element becomes a value of the parent field),
 * and only strings, numbers, booleans and null are values — objects and empty arrays contribute nothing.
 */
import type { Leaf } from './rule.ts';

/**
 * Which element of which array a value sits in, outermost first. Two values can only satisfy one pattern together
 * if they agree on every array they share ("array-consistent" matching, Ruler's rulesForJSONEvent).
 */
export type Membership = ReadonlyMap<number, number>;

export interface FlatField {
  readonly value: Leaf;
  readonly membership: Membership;
}

/** The event's leaf values, grouped by dot-joined path. */
export type FlatEvent = ReadonlyMap<string, readonly FlatField[]>;

const NO_MEMBERSHIP: Membership = new Map();

export function flattenEvent(event: Record<string, unknown>): FlatEvent {
  const fields = new Map<string, FlatField[]>();
  let nextArrayId = 0;

  const visit = (value: unknown, path: string, membership: Membership): void => {
    if (Array.isArray(value)) {
      const arrayId = nextArrayId++;
      value.forEach((element, index) => visit(element, path, new Map(membership).set(arrayId, index)));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        visit(child, path === '' ? key : `${path}.${key}`, membership);
      }
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) {
      let list = fields.get(path);
      if (list === undefined) fields.set(path, (list = []));
      list.push({ value, membership });
    }
  };

  visit(event, '', NO_MEMBERSHIP);
  return fields;
}

/** Whether a value in `candidate` can be combined with values already chosen under `chosen`. */
export function consistent(chosen: Membership, candidate: Membership): boolean {
  for (const [arrayId, index] of candidate) {
    const other = chosen.get(arrayId);
    if (other !== undefined && other !== index) return false;
  }
  return true;
}

/** The membership after also choosing `candidate`, or undefined if it adds no constraint. */
export function extend(chosen: Membership, candidate: Membership): Membership | undefined {
  let merged: Map<number, number> | undefined;
  for (const [arrayId, index] of candidate) {
    if (chosen.has(arrayId)) continue;
    merged ??= new Map(chosen);
    merged.set(arrayId, index);
  }
  return merged;
}

/** Whether any value sits inside an array (then matching must keep array elements consistent). */
export function hasArrayValues(event: FlatEvent): boolean {
  for (const fields of event.values()) for (const f of fields) if (f.membership.size) return true;
  return false;
}
