import * as z from 'zod';
import {
  once,
  HouseholdState,
  Id,
  IsoDate,
  IsoDateTime,
  MembershipState,
  OwnershipTerm,
  PersonId,
  PersonState,
  PlacePath,
  PlaceState,
  PropertyState,
} from '@cocreate/contracts';

/** Response shapes, for the OpenAPI document and the local stack's response checks. */
export const PlaceView = once(() => PlaceState());
export const PlaceWithChildren = once(() => PlaceState().extend({ children: z.array(PlaceState()) }));

/** A place as public pages name it (张榜公布): no revision, no retirement, nothing below a village. */
export const PublicPlace = once(() => PlaceState().pick({ path: true, kind: true, name: true }));
export const PublicPlaces = once(() =>
  z.object({
    place: PublicPlace(),
    /** The places above it, the province first. */
    above: z.array(PublicPlace()),
    /** The administrative places below it down to villages and communities, level by level. */
    below: z.array(PublicPlace()),
    /** False when the listing stopped at its cap (a province's page names its counties before all its villages). */
    complete: z.boolean(),
  }),
);

/** A person as masked views show them: 张*明, 138****1234, 420102********1234. */
export const PersonView = once(() =>
  PersonState().extend({
    maskedPhone: z.string().optional(),
    maskedIdNumber: z.string().optional(),
  }),
);

/** The unmasked record: only with a purpose, and every read is logged. */
export const FullPerson = once(() =>
  PersonView().extend({
    fullName: z.string(),
    phone: z.string().optional(),
    idNumber: z.string().optional(),
    bornOn: IsoDate.optional(),
    sex: z.enum(['male', 'female']).optional(),
  }),
);

export const HouseholdView = once(() => HouseholdState().extend({ people: z.array(PersonView()) }));

export const PropertyView = once(() => PropertyState().extend({ on: IsoDate, ownersOn: z.array(OwnershipTerm()) }));

export const MembershipView = once(() => MembershipState());

export const BodyMembersView = once(() =>
  z.object({
    village: PlacePath,
    body: z.string(),
    on: IsoDate,
    members: z.array(MembershipState().extend({ maskedName: z.string() })),
  }),
);

export const AccessEntryView = once(() =>
  z.object({
    entryId: Id,
    person: PersonId,
    village: PlacePath,
    county: PlacePath,
    by: z.string(),
    role: z.string().optional(),
    at: IsoDateTime,
    purpose: z.string(),
    what: z.enum(['record', 'export']),
  }),
);

export const PersonExport = once(() =>
  z.object({
    exportedAt: IsoDateTime,
    person: FullPerson(),
    household: HouseholdState().nullable(),
    properties: z.array(z.object({ path: PlacePath, village: PlacePath, terms: z.array(OwnershipTerm()) })),
    memberships: z.array(MembershipState()),
    accessLog: z.array(AccessEntryView()),
  }),
);
