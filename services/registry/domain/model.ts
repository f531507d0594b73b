import * as z from 'zod';
import {
  once,
  type HouseholdState,
  IsoDate,
  type MembershipState,
  type PersonState,
  type PlaceState,
  type PropertyState,
} from '@cocreate/contracts';

/**
 * What the registry (村情台账) holds. The public part of each record is exactly the state its events carry
 * (`@cocreate/contracts`, events/registry.ts); the registry alone keeps the rest: full names, phones, ID numbers
 * (身份证号) — encrypted at field level, with a keyed hash to find duplicates — and dates of birth.
 */

export type PlaceRecord = PlaceState;
export type HouseholdRecord = HouseholdState;
export type PropertyRecord = PropertyState;
export type MembershipRecord = MembershipState;

/** What only the registry knows about a person. Never on an event, never in another service's table. */
export const PersonPrivate = once(() =>
  z.object({
    /** Full name (姓名). */
    fullName: z.string().min(1).max(60),
    phone: z.string().max(20).optional(),
    /** The ID number (身份证号), encrypted (see the field cipher); absent when not known. */
    idCipher: z.string().optional(),
    /** Keyed hash (HMAC) of the normalised ID number: one person per ID number, found without decrypting anything. */
    idHash: z.string().optional(),
    /** The ID number as notices show it (first 6 and last 4 digits), kept so masked views never decrypt anything. */
    idMasked: z.string().optional(),
    bornOn: IsoDate.optional(),
    sex: z.enum(['male', 'female']).optional(),
  }),
);
export type PersonPrivate = z.infer<ReturnType<typeof PersonPrivate>>;

export type PersonRecord = PersonState & PersonPrivate;

/** The part of the register under one place (a village, township or county): what an import is compared with. */
export interface RegisterSlice {
  scope: string;
  places: PlaceRecord[];
  households: HouseholdRecord[];
  people: PersonRecord[];
  properties: PropertyRecord[];
  memberships: MembershipRecord[];
}

/** A person's terms on one body, in the shape the overlap check needs. */
export interface Seat {
  person: string;
  village: string;
  body: string;
  terms: { membershipId: string; from: string; until?: string }[];
  revision: number;
}

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
