import * as z from 'zod';
import { once, IsoDate, PersonId, PlacePath, type PersonState, type RegisterChange, says } from '@cocreate/contracts';
import { maskName } from '@cocreate/places';
import { idNumberFacts, votingAgeFrom } from './id-numbers.ts';
import { isCalendarDate } from './import/id-number.ts';
import type { HouseholdRecord, MembershipRecord, PersonRecord, PlaceRecord } from './model.ts';
import { Name, PlaceId } from './places.ts';
import { type Refused, isRefused, refused } from './refusals.ts';

const Phone = once(() =>
  z
    .string()
    .trim()
    .regex(/^\+?[0-9 -]{5,20}$/, says({ zh: '数字、空格、“-”或开头的“+”', en: 'digits, spaces, "-" or a leading "+"' })),
);
const FullName = once(() => z.string().trim().min(1).max(60));
const IdNumberInput = once(() => z.string().trim().min(1).max(30).describe('身份证号, 18 characters (GB 11643-1999)'));

/** A person as a clerk enters them. The registry mints the id unless an existing roster's id is kept. */
export const NewPerson = once(() =>
  z.object({
    personId: PersonId.optional(),
    fullName: FullName(),
    phone: Phone().optional(),
    idNumber: IdNumberInput().optional(),
    sex: z.enum(['male', 'female']).optional(),
    bornOn: IsoDate.optional(),
    /** 常住: lives in the village, not only registered there. */
    resident: z.boolean().default(true),
    /** 党员 */
    partyMember: z.boolean().default(false),
  }),
);
export type NewPerson = z.infer<ReturnType<typeof NewPerson>>;

/** A household registered with its head and members (户). */
export const RegisterHousehold = once(() =>
  z.object({
    parent: PlacePath,
    id: PlaceId(),
    /** The household's name on rosters; by default its id (户 names would otherwise carry the head's full name). */
    name: Name().optional(),
    head: NewPerson(),
    members: z.array(NewPerson()).max(30).default([]),
  }),
);
export type RegisterHousehold = z.infer<ReturnType<typeof RegisterHousehold>>;

export const AddPerson = once(() => NewPerson().extend({ household: PlacePath }));
export type AddPerson = z.infer<ReturnType<typeof AddPerson>>;

export const ChangePerson = once(() =>
  z
    .object({
      fullName: FullName().optional(),
      phone: Phone().nullable().optional(),
      idNumber: IdNumberInput().optional(),
      sex: z.enum(['male', 'female']).optional(),
      bornOn: IsoDate.optional(),
      resident: z.boolean().optional(),
      partyMember: z.boolean().optional(),
      expectedRevision: z.number().int().positive().optional(),
    })
    .refine((c) => Object.keys(c).some((k) => k !== 'expectedRevision'), says({ zh: '至少修改一个字段', en: 'change at least one field' })),
);
export type ChangePerson = z.infer<ReturnType<typeof ChangePerson>>;

export const MovePerson = once(() => z.object({ to: PlacePath, on: IsoDate }));
export type MovePerson = z.infer<ReturnType<typeof MovePerson>>;

export const PersonLeaves = once(() => z.object({ on: IsoDate, reason: z.enum(['died', 'moved-away']) }));
export type PersonLeaves = z.infer<ReturnType<typeof PersonLeaves>>;

export const ChangeHead = once(() =>
  z.object({ household: PlacePath, head: PersonId, expectedRevision: z.number().int().positive().optional() }),
);
export type ChangeHead = z.infer<ReturnType<typeof ChangeHead>>;

/** The private facts a person's entry settles, before the ID number is encrypted. */
export interface PersonFacts {
  fullName: string;
  phone?: string;
  /** Normalised ID number, in clear only until the use case encrypts it. */
  idNumber?: string;
  bornOn?: string;
  sex?: 'male' | 'female';
  resident: boolean;
  partyMember: boolean;
}

/**
 * Settles what a person's entry says: an ID number must pass its check character and carry a real date of birth;
 * a date of birth or sex given beside it must agree with it (and are taken from it when not given).
 */
export function settleFacts(input: Omit<NewPerson, 'personId'>, today: string): PersonFacts | Refused {
  let { bornOn, sex } = input;
  let idNumber: string | undefined;
  if (bornOn !== undefined && (!isCalendarDate(bornOn) || bornOn > today)) return refused('birth-date-in-future');
  if (input.idNumber !== undefined) {
    const id = idNumberFacts(input.idNumber, today);
    if (isRefused(id)) return id;
    if (bornOn !== undefined && bornOn !== id.bornOn) return refused('birth-date-mismatch', { idBornOn: id.bornOn });
    if (sex !== undefined && sex !== id.sex) return refused('sex-mismatch');
    idNumber = id.normalised;
    bornOn = id.bornOn;
    sex = id.sex;
  }
  return {
    fullName: input.fullName,
    ...(input.phone ? { phone: input.phone } : {}),
    ...(idNumber ? { idNumber } : {}),
    ...(bornOn ? { bornOn } : {}),
    ...(sex ? { sex } : {}),
    resident: input.resident,
    partyMember: input.partyMember,
  };
}

/** A person's record from settled facts; the ID number leaves as `idNumber` for the use case to encrypt. */
export function personRecord(
  personId: string,
  facts: PersonFacts,
  household: HouseholdRecord,
  revision: number,
  keep: Pick<PersonRecord, 'left'> = {},
): PersonRecord {
  return {
    person: personId,
    maskedName: maskName(facts.fullName),
    household: household.path,
    village: household.village,
    partyMember: facts.partyMember,
    resident: facts.resident,
    ...(facts.bornOn ? { votingAgeFrom: votingAgeFrom(facts.bornOn), bornOn: facts.bornOn } : {}),
    ...(keep.left ? { left: keep.left } : {}),
    revision,
    fullName: facts.fullName,
    ...(facts.phone ? { phone: facts.phone } : {}),
    ...(facts.sex ? { sex: facts.sex } : {}),
  };
}

type Decision<S> = { state: S; changes: RegisterChange[] } | Refused;

/**
 * A new household (户): its `household` place (already decided) and its record, with the head and the other
 * members given in the same entry.
 */
export function decideRegisterHousehold(
  place: PlaceRecord,
  village: string,
  people: { personId: string; facts: PersonFacts }[],
): Decision<{ household: HouseholdRecord; people: PersonRecord[] }> {
  const household: HouseholdRecord = {
    path: place.path,
    village,
    head: people[0]!.personId,
    members: people.map((p) => p.personId),
    revision: 1,
  };
  const records = people.map((p) => personRecord(p.personId, p.facts, household, 1));
  return {
    state: { household, people: records },
    changes: [
      ...records.map((state): RegisterChange => ({ type: 'PersonRegistered', state: publicPerson(state) })),
      { type: 'HouseholdChanged', state: household },
    ],
  };
}

/** A birth or a move in: a new person joins an existing, open household. */
export function decideAddPerson(
  household: HouseholdRecord,
  householdPlace: PlaceRecord,
  personId: string,
  facts: PersonFacts,
): Decision<{ household: HouseholdRecord; person: PersonRecord }> {
  if (householdPlace.retired) return refused('household-retired');
  const next: HouseholdRecord = { ...household, members: [...household.members, personId], revision: household.revision + 1 };
  const person = personRecord(personId, facts, next, 1);
  return {
    state: { household: next, person },
    changes: [
      { type: 'PersonRegistered', state: publicPerson(person) },
      { type: 'HouseholdChanged', state: next },
    ],
  };
}

/** A correction or a change of circumstances (party membership, residence, name, phone, ID number). */
export function decideChangePerson(
  person: PersonRecord,
  patch: ChangePerson,
  today: string,
): Decision<{ person: PersonRecord; facts: PersonFacts; idChanged: boolean }> {
  if (patch.expectedRevision !== undefined && patch.expectedRevision !== person.revision) {
    return refused('stale-revision', { currentRevision: person.revision });
  }
  if (person.left) return refused('person-left');
  // A new ID number brings its own date of birth and sex; one not given stays as it is, checked against the patch.
  const facts = settleFacts(
    {
      fullName: patch.fullName ?? person.fullName,
      ...(patch.phone === null ? {} : { phone: patch.phone ?? person.phone }),
      ...(patch.idNumber !== undefined ? { idNumber: patch.idNumber } : {}),
      ...(patch.idNumber === undefined
        ? { bornOn: patch.bornOn ?? person.bornOn, sex: patch.sex ?? person.sex }
        : { bornOn: patch.bornOn, sex: patch.sex }),
      resident: patch.resident ?? person.resident,
      partyMember: patch.partyMember ?? person.partyMember,
    },
    today,
  );
  if (isRefused(facts)) return facts;
  if (person.idHash && patch.idNumber === undefined && (patch.bornOn !== undefined || patch.sex !== undefined)) {
    // The stored ID number already settles both; a change to either alone would contradict it.
    if (patch.bornOn !== undefined && patch.bornOn !== person.bornOn) return refused('birth-date-mismatch', { idBornOn: person.bornOn });
    if (patch.sex !== undefined && patch.sex !== person.sex) return refused('sex-mismatch');
  }
  const household = { path: person.household, village: person.village } as HouseholdRecord;
  const next: PersonRecord = {
    ...personRecord(person.person, facts, household, person.revision + 1),
    ...(person.idCipher && patch.idNumber === undefined
      ? { idCipher: person.idCipher, idHash: person.idHash, idMasked: person.idMasked }
      : {}),
  };
  return {
    state: { person: next, facts, idChanged: patch.idNumber !== undefined },
    changes: [{ type: 'PersonChanged', state: publicPerson(next) }],
  };
}

/** 户主变更: the new head is one of the household's members. */
export function decideChangeHead(household: HouseholdRecord, cmd: ChangeHead): Decision<HouseholdRecord> {
  if (cmd.expectedRevision !== undefined && cmd.expectedRevision !== household.revision) {
    return refused('stale-revision', { currentRevision: household.revision });
  }
  if (!household.members.includes(cmd.head)) return refused('head-not-a-member');
  const state = { ...household, head: cmd.head, revision: household.revision + 1 };
  return { state, changes: [{ type: 'HouseholdChanged', state }] };
}

/** What becomes of the household a person leaves: a smaller household, or — when they were its last member — closed. */
export type Departure = { kind: 'smaller'; household: HouseholdRecord } | { kind: 'closed'; place: PlaceRecord };

function depart(person: PersonRecord, household: HouseholdRecord, place: PlaceRecord, on: string): Departure | Refused {
  const members = household.members.filter((m) => m !== person.person);
  if (members.length === 0) {
    return { kind: 'closed', place: { ...place, retired: { on }, revision: place.revision + 1 } };
  }
  if (household.head === person.person) return refused('head-must-change-first');
  return { kind: 'smaller', household: { ...household, members, revision: household.revision + 1 } };
}

const departureChange = (d: Departure): RegisterChange =>
  d.kind === 'smaller' ? { type: 'HouseholdChanged', state: d.household } : { type: 'PlaceRetired', state: d.place };

/**
 * Memberships a person gives up from a day (`on`): every term still open then ends that day with reason 'left'. A
 * term that had not begun by then is closed on its first day, so it never holds.
 */
export function endMembershipsOn(memberships: readonly MembershipRecord[], on: string): MembershipRecord[] {
  return memberships
    .filter((m) => m.until === undefined || m.until > on)
    .map((m) => ({ ...m, until: m.from > on ? m.from : on, revision: m.revision + 1 }));
}

const endedChanges = (ended: MembershipRecord[]): RegisterChange[] =>
  ended.map((state) => ({ type: 'MembershipEnded', state: { ...state, reason: 'left' } }));

export interface MoveOutcome {
  person: PersonRecord;
  from: Departure;
  to: HouseholdRecord;
  ended: MembershipRecord[];
}

/**
 * A person moves to another household (a marriage, a split, a move within or between villages). The household
 * they leave shrinks (or closes when they were its last member; a head with others behind them changes the head
 * first), the one they join grows. Moving to another village ends their seats on the old village's bodies that day.
 */
export function decideMove(
  person: PersonRecord,
  from: { household: HouseholdRecord; place: PlaceRecord },
  to: { household: HouseholdRecord; place: PlaceRecord },
  memberships: readonly MembershipRecord[],
  cmd: MovePerson,
): Decision<MoveOutcome> {
  if (person.left) return refused('person-left');
  if (to.household.path === person.household) return refused('same-household');
  if (to.place.retired) return refused('household-retired');
  const departure = depart(person, from.household, from.place, cmd.on);
  if ('refused' in departure) return departure;
  const joined: HouseholdRecord = {
    ...to.household,
    members: [...to.household.members, person.person],
    revision: to.household.revision + 1,
  };
  const moved: PersonRecord = { ...person, household: joined.path, village: joined.village, revision: person.revision + 1 };
  const ended =
    joined.village === person.village
      ? []
      : endMembershipsOn(
          memberships.filter((m) => m.village === person.village),
          cmd.on,
        );
  return {
    state: { person: moved, from: departure, to: joined, ended },
    changes: [
      { type: 'PersonMoved', state: { ...publicPerson(moved), fromHousehold: person.household } },
      departureChange(departure),
      { type: 'HouseholdChanged', state: joined },
      ...endedChanges(ended),
    ],
  };
}

export interface LeaveOutcome {
  person: PersonRecord;
  from: Departure;
  ended: MembershipRecord[];
}

/**
 * A person dies or moves away (PersonLeft): they stay on record (past votes and points) but leave their household
 * and every body that day.
 */
export function decideLeave(
  person: PersonRecord,
  from: { household: HouseholdRecord; place: PlaceRecord },
  memberships: readonly MembershipRecord[],
  cmd: PersonLeaves,
): Decision<LeaveOutcome> {
  if (person.left) return refused('person-left');
  if (person.bornOn && cmd.on < person.bornOn) return refused('date-before-registration');
  const departure = depart(person, from.household, from.place, cmd.on);
  if ('refused' in departure) return departure;
  const left: PersonRecord = { ...person, left: { on: cmd.on, reason: cmd.reason }, revision: person.revision + 1 };
  const ended = endMembershipsOn(memberships, cmd.on);
  return {
    state: { person: left, from: departure, ended },
    changes: [{ type: 'PersonLeft', state: publicPerson(left) }, departureChange(departure), ...endedChanges(ended)],
  };
}

/** The part of a person's record other services may see (what PersonRegistered and its siblings carry). */
/** What other services may know of a person (the state its events carry): masked, no ID number or phone. */
export function publicPerson(p: PersonRecord): PersonState {
  return {
    person: p.person,
    maskedName: p.maskedName,
    household: p.household,
    village: p.village,
    partyMember: p.partyMember,
    resident: p.resident,
    ...(p.votingAgeFrom ? { votingAgeFrom: p.votingAgeFrom } : {}),
    ...(p.left ? { left: p.left } : {}),
    revision: p.revision,
  };
}
