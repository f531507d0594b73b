import * as z from 'zod';
import { defineEvent } from '../registry.ts';
import { Id, IsoDate, PersonId, PlacePath } from '../primitives.ts';
import { BodyKind, PlaceKind } from '../vocabulary.ts';
import { once } from '../once.ts';

/**
 * Events of the registry (村情台账): places, households, people, properties and body memberships. Each carries the
 * whole new state of the one thing that changed with its `revision` (1, 2, 3… per thing), so a service's copy is
 * "keep the highest revision" whatever order the events arrive in, and a replay changes nothing.
 *
 * What leaves the registry is what the other services' rules need: person ids, masked names (张*明), household,
 * village, party membership, the day a person reaches voting age, floor areas and memberships with their terms.
 * Full names, phones and ID numbers (身份证号) never do. The events about households, people, owners and
 * memberships (and the import parts that carry them) go to the services only, never to the agencies' feeds
 * (`forAgencies: false`); the place events are the register's public part.
 */

const Name = once(() => z.object({ zh: z.string().min(1).max(100), en: z.string().min(1).max(200) }));
const Revision = once(() => z.number().int().positive().describe('Revision of this thing in the registry: keep the highest'));

/** A place of the tree as it now stands. Retired places stay (records keep pointing at them). */
export const PlaceState = once(() =>
  z.object({
    path: PlacePath,
    kind: PlaceKind,
    name: Name(),
    /** The day it was retired (撤销), and where it went when it was merged (撤并). */
    retired: z.object({ on: IsoDate, mergedInto: PlacePath.optional() }).optional(),
    revision: Revision(),
  }),
);
export type PlaceState = z.infer<ReturnType<typeof PlaceState>>;

/** A household (户) as it now stands: its head and members. Its place is a `household` place of the same path. */
export const HouseholdState = once(() =>
  z.object({
    path: PlacePath,
    village: PlacePath,
    head: PersonId,
    members: z.array(PersonId).min(1).max(100),
    revision: Revision(),
  }),
);
export type HouseholdState = z.infer<ReturnType<typeof HouseholdState>>;

/** A person as the other services may see them. */
export const PersonState = once(() =>
  z.object({
    person: PersonId,
    /** Masked (张*明): the full name stays in the registry. */
    maskedName: z.string().min(1).max(60),
    household: PlacePath,
    village: PlacePath,
    /** 党员 */
    partyMember: z.boolean(),
    /** 常住: lives in the village (not only registered there). */
    resident: z.boolean(),
    /** The day the person turns 18 (voting age), when the date of birth is known. */
    votingAgeFrom: IsoDate.optional(),
    /** Died or moved away: the person stays on record (past votes and points) but is no longer a member anywhere. */
    left: z.object({ on: IsoDate, reason: z.enum(['died', 'moved-away']) }).optional(),
    revision: Revision(),
  }),
);
export type PersonState = z.infer<ReturnType<typeof PersonState>>;

/** One owner's share of a property over a period (业主, 专有部分面积 m²). `until` is the first day it no longer holds. */
export const OwnershipTerm = once(() =>
  z.object({
    person: PersonId,
    area: z.number().positive().max(100_000),
    from: IsoDate,
    until: IsoDate.optional(),
  }),
);
export type OwnershipTerm = z.infer<ReturnType<typeof OwnershipTerm>>;

/** A property (a flat or house, at a household path) with its owners over time. */
export const PropertyState = once(() =>
  z.object({
    path: PlacePath,
    village: PlacePath,
    owners: z.array(OwnershipTerm()).max(200),
    revision: Revision(),
  }),
);
export type PropertyState = z.infer<ReturnType<typeof PropertyState>>;

/**
 * A seat on a body for a term. `until` is the first day the person no longer sits (the end of a term, a resignation,
 * a recall): a membership holds on every day `d` with `from ≤ d < until`.
 */
export const MembershipState = once(() =>
  z.object({
    membershipId: Id,
    village: PlacePath,
    body: BodyKind,
    person: PersonId,
    /** 书记, 主任, 委员…: free text, for the roster. */
    title: z.string().min(1).max(40).optional(),
    from: IsoDate,
    until: IsoDate.optional(),
    revision: Revision(),
  }),
);
export type MembershipState = z.infer<ReturnType<typeof MembershipState>>;

const ex = {
  village: 'hubei/huanggang/hongan/qiliping/majiaqiao',
  household: 'hubei/huanggang/hongan/qiliping/majiaqiao/g1/h03',
  flat: 'hubei/huanggang/hongan/chengguan/xingfu/c1/h03',
  community: 'hubei/huanggang/hongan/chengguan/xingfu',
  id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0C',
};

const examplePlace = { path: ex.village, kind: 'village', name: { zh: '马家桥村', en: 'Majiaqiao Village' }, revision: 1 } as const;
const examplePerson = {
  person: 'p-majiaqiao-03',
  maskedName: '张*明',
  household: ex.household,
  village: ex.village,
  partyMember: true,
  resident: true,
  votingAgeFrom: '1986-05-04',
  revision: 1,
};
const exampleMembership = {
  membershipId: ex.id,
  village: ex.village,
  body: 'supervision-committee',
  person: 'p-majiaqiao-10',
  title: '主任',
  from: '2026-01-01',
  revision: 1,
} as const;

export const PlaceRegistered = defineEvent({
  type: 'PlaceRegistered',
  service: 'registry',
  summary: 'A place joined the tree (a city, county, township, village or community, group or compound, building or household).',
  data: () => PlaceState(),
  example: examplePlace,
});

export const PlaceRenamed = defineEvent({
  type: 'PlaceRenamed',
  service: 'registry',
  summary: 'A place’s Chinese or English name changed; its path (the id records use) did not.',
  data: () => PlaceState(),
  example: { ...examplePlace, name: { zh: '马家桥社区', en: 'Majiaqiao Community' }, revision: 2 },
});

export const PlaceRetired = defineEvent({
  type: 'PlaceRetired',
  service: 'registry',
  summary: 'A place was retired (撤销), or merged into another (撤并村); it stays on record for what already happened there.',
  data: () => PlaceState(),
  example: { ...examplePlace, retired: { on: '2027-01-01', mergedInto: 'hubei/huanggang/hongan/qiliping/changsheng' }, revision: 3 },
});

export const HouseholdChanged = defineEvent({
  type: 'HouseholdChanged',
  service: 'registry',
  forAgencies: false,
  summary: 'A household was registered, or its head or members changed (a birth, a marriage, a move, a split).',
  data: () => HouseholdState(),
  example: {
    path: ex.household,
    village: ex.village,
    head: 'p-majiaqiao-03',
    members: ['p-majiaqiao-03', 'p-majiaqiao-03-1'],
    revision: 1,
  },
});

export const PersonRegistered = defineEvent({
  type: 'PersonRegistered',
  service: 'registry',
  forAgencies: false,
  summary: 'A person was entered in the register (a birth, a move in, a first import).',
  data: () => PersonState(),
  example: examplePerson,
});

export const PersonChanged = defineEvent({
  type: 'PersonChanged',
  service: 'registry',
  forAgencies: false,
  summary: 'Something about a person that other services use changed (party membership, residence, date of birth, name).',
  data: () => PersonState(),
  example: { ...examplePerson, partyMember: false, revision: 2 },
});

export const PersonMoved = defineEvent({
  type: 'PersonMoved',
  service: 'registry',
  forAgencies: false,
  summary: 'A person moved to another household (in the same village or another one).',
  data: () => PersonState().extend({ fromHousehold: PlacePath }),
  example: { ...examplePerson, household: `${ex.village}/g2/h08`, fromHousehold: ex.household, revision: 3 },
});

export const PersonLeft = defineEvent({
  type: 'PersonLeft',
  service: 'registry',
  forAgencies: false,
  summary: 'A person died or moved away; they stay on record but belong to no household or body from that day.',
  data: () => PersonState(),
  example: { ...examplePerson, left: { on: '2027-02-01', reason: 'moved-away' }, revision: 4 },
});

export const OwnershipChanged = defineEvent({
  type: 'OwnershipChanged',
  service: 'registry',
  forAgencies: false,
  summary: 'A property’s owners or their floor areas changed (a sale, an inheritance, a corrected area), dated.',
  data: () => PropertyState(),
  example: {
    path: ex.flat,
    village: ex.community,
    owners: [
      { person: 'p-xingfu-03', area: 88.4, from: '2020-01-01', until: '2027-03-01' },
      { person: 'p-xingfu-05-1', area: 88.4, from: '2027-03-01' },
    ],
    revision: 2,
  },
});

export const MembershipStarted = defineEvent({
  type: 'MembershipStarted',
  service: 'registry',
  forAgencies: false,
  summary: 'A person took a seat on a body (an election, an appointment) from a day.',
  data: () => MembershipState(),
  example: exampleMembership,
});

export const MembershipEnded = defineEvent({
  type: 'MembershipEnded',
  service: 'registry',
  forAgencies: false,
  summary: 'A person’s seat on a body ended (end of term, resignation, recall) from a day.',
  data: () => MembershipState().extend({ reason: z.enum(['term-ended', 'resigned', 'recalled', 'left', 'corrected']) }),
  example: { ...exampleMembership, until: '2027-03-01', reason: 'term-ended', revision: 2 },
});

/** One change of a register import, in the shape of the single event of the same name. */
export const RegisterChange = once(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('PlaceRegistered'), state: PlaceState() }),
    z.object({ type: z.literal('PlaceRenamed'), state: PlaceState() }),
    z.object({ type: z.literal('PlaceRetired'), state: PlaceState() }),
    z.object({ type: z.literal('HouseholdChanged'), state: HouseholdState() }),
    z.object({ type: z.literal('PersonRegistered'), state: PersonState() }),
    z.object({ type: z.literal('PersonChanged'), state: PersonState() }),
    z.object({ type: z.literal('PersonMoved'), state: PersonState().extend({ fromHousehold: PlacePath }) }),
    z.object({ type: z.literal('PersonLeft'), state: PersonState() }),
    z.object({ type: z.literal('OwnershipChanged'), state: PropertyState() }),
    z.object({ type: z.literal('MembershipStarted'), state: MembershipState() }),
    z.object({
      type: z.literal('MembershipEnded'),
      state: MembershipState().extend({ reason: z.enum(['term-ended', 'resigned', 'recalled', 'left', 'corrected']) }),
    }),
  ]),
);
export type RegisterChange = z.infer<ReturnType<typeof RegisterChange>>;

/** Most changes one import event carries: an import of thousands of rows is a few hundred events, not a million. */
export const REGISTER_CHANGES_PER_EVENT = 100;

/**
 * Part of an applied roster import (导入): the changes it made, in order, in the shapes of the single events. A
 * county's import is many parts; each part is complete in itself (apply every change it holds).
 */
export const RegisterImported = defineEvent({
  type: 'RegisterImported',
  service: 'registry',
  forAgencies: false,
  summary: 'Part of an applied roster import: up to 100 changes, each in the shape of the single event of the same name.',
  data: () =>
    z.object({
      importId: Id,
      /** The place the import was for (a village, township or county). */
      scope: PlacePath,
      part: z.number().int().positive(),
      parts: z.number().int().positive(),
      changes: z.array(RegisterChange()).min(1).max(REGISTER_CHANGES_PER_EVENT),
    }),
  example: {
    importId: ex.id,
    scope: ex.village,
    part: 1,
    parts: 1,
    changes: [
      { type: 'PlaceRegistered', state: examplePlace },
      { type: 'PersonRegistered', state: examplePerson },
      { type: 'MembershipStarted', state: exampleMembership },
    ],
  },
});

/** The events that carry register changes, one change each; a service's copy of the register applies these and the import parts. */
export const registerChangeEvents = [
  PlaceRegistered,
  PlaceRenamed,
  PlaceRetired,
  HouseholdChanged,
  PersonRegistered,
  PersonChanged,
  PersonMoved,
  PersonLeft,
  OwnershipChanged,
  MembershipStarted,
  MembershipEnded,
] as const;

export const registryEvents = [...registerChangeEvents, RegisterImported] as const;
