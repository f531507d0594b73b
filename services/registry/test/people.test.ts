import { describe, expect, it } from 'vitest';
import type { HouseholdRecord, MembershipRecord, PersonRecord, PlaceRecord } from '../domain/model.ts';
import { votingAgeFrom } from '../domain/id-numbers.ts';
import {
  type PersonFacts,
  decideAddPerson,
  decideChangeHead,
  decideChangePerson,
  decideLeave,
  decideMove,
  decideRegisterHousehold,
  endMembershipsOn,
  personRecord,
  settleFacts,
} from '../domain/people.ts';
import { idNumber } from './ids.ts';

const TODAY = '2027-03-15';
const village = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const other = 'hubei/huanggang/hongan/qiliping/changsheng';
const entry = (over: Record<string, unknown> = {}) => ({ fullName: '张三明', resident: true, partyMember: false, ...over });
const facts = (over: Partial<PersonFacts> = {}): PersonFacts => ({ fullName: '张三明', resident: true, partyMember: false, ...over });
const placeOf = (path: string): PlaceRecord => ({ path, kind: 'household', name: { zh: path, en: path }, revision: 1 });
const householdOf = (path: string, members: string[], v = village): HouseholdRecord => ({
  path,
  village: v,
  head: members[0]!,
  members,
  revision: 1,
});
const h1 = householdOf(`${village}/g1/h01`, ['p-1', 'p-2']);
const h2 = householdOf(`${village}/g1/h02`, ['p-3']);
const hElsewhere = householdOf(`${other}/g1/h01`, ['p-9'], other);
const person = (id: string, h: HouseholdRecord, over: Partial<PersonRecord> = {}): PersonRecord => ({
  ...personRecord(id, facts(), h, 1),
  ...over,
});
const term = (over: Partial<MembershipRecord> = {}): MembershipRecord => ({
  membershipId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0C',
  village,
  body: 'supervision-committee',
  person: 'p-2',
  from: '2026-01-01',
  revision: 1,
  ...over,
});

describe('ID numbers (身份证号, GB 11643-1999) and what they settle', () => {
  it('takes date of birth and sex from a valid number, normalised (spaces, lower-case x)', () => {
    const id = idNumber('1986-05-04', '123');
    const spaced = `${id.slice(0, 6)} ${id.slice(6).toLowerCase()}`;
    expect(settleFacts(entry({ idNumber: spaced }), TODAY)).toEqual(facts({ idNumber: id, bornOn: '1986-05-04', sex: 'male' }));
    expect(settleFacts(entry({ idNumber: idNumber('1990-12-31', '124') }), TODAY)).toMatchObject({ sex: 'female', bornOn: '1990-12-31' });
  });

  it('refuses a wrong check character, a bad format, an old 15-digit number, an impossible or future date of birth', () => {
    const id = idNumber('1986-05-04');
    const wrong = `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}`;
    expect(settleFacts(entry({ idNumber: wrong }), TODAY)).toEqual({ refused: 'id-number-check-digit' });
    expect(settleFacts(entry({ idNumber: '4201021986' }), TODAY)).toEqual({ refused: 'id-number-format' });
    expect(settleFacts(entry({ idNumber: '420102860504123' }), TODAY)).toEqual({ refused: 'id-number-old-15' });
    expect(settleFacts(entry({ idNumber: idNumber('1986-02-30') }), TODAY)).toEqual({ refused: 'id-number-birth-date' });
    expect(settleFacts(entry({ idNumber: idNumber('2030-01-01') }), TODAY)).toEqual({ refused: 'id-number-birth-date' });
    expect(settleFacts(entry({ bornOn: '2030-01-01' }), TODAY)).toEqual({ refused: 'birth-date-in-future' });
  });

  it('refuses a date of birth or a sex that contradicts the number', () => {
    const id = idNumber('1986-05-04', '123');
    expect(settleFacts(entry({ idNumber: id, bornOn: '1986-05-05' }), TODAY)).toEqual({
      refused: 'birth-date-mismatch',
      detail: { idBornOn: '1986-05-04' },
    });
    expect(settleFacts(entry({ idNumber: id, sex: 'female' }), TODAY)).toEqual({ refused: 'sex-mismatch' });
  });

  it('comes of voting age on the 18th birthday; someone born on 29 February on 1 March', () => {
    expect(votingAgeFrom('2009-03-16')).toBe('2027-03-16');
    expect(votingAgeFrom('2008-02-29')).toBe('2026-03-01');
  });
});

describe('households: head and members', () => {
  it('registers a household with its head first, each person registered and the household changed', () => {
    const d = decideRegisterHousehold(placeOf(h1.path), village, [
      { personId: 'p-1', facts: facts() },
      { personId: 'p-2', facts: facts({ fullName: '李四' }) },
    ]);
    expect(d).toMatchObject({
      state: {
        household: { head: 'p-1', members: ['p-1', 'p-2'], village, revision: 1 },
        people: [{ maskedName: '张*明' }, { maskedName: '李*' }],
      },
    });
    expect('changes' in d && d.changes.map((c) => c.type)).toEqual(['PersonRegistered', 'PersonRegistered', 'HouseholdChanged']);
    // What leaves on the events is masked: no full name, phone or ID number.
    expect(JSON.stringify('changes' in d && d.changes)).not.toContain('张三明');
  });

  it('adds a person to an open household; a closed one refuses', () => {
    expect(decideAddPerson(h1, placeOf(h1.path), 'p-new', facts())).toMatchObject({
      state: { household: { members: ['p-1', 'p-2', 'p-new'], revision: 2 } },
    });
    expect(decideAddPerson(h1, { ...placeOf(h1.path), retired: { on: '2027-01-01' } }, 'p-new', facts())).toEqual({
      refused: 'household-retired',
    });
  });

  it('changes the head to a member only', () => {
    expect(decideChangeHead(h1, { household: h1.path, head: 'p-2' })).toMatchObject({
      state: { head: 'p-2', revision: 2 },
      changes: [{ type: 'HouseholdChanged' }],
    });
    expect(decideChangeHead(h1, { household: h1.path, head: 'p-3' })).toEqual({ refused: 'head-not-a-member' });
  });
});

describe('changing a person', () => {
  it('changes party membership with the next revision (PersonChanged), keeping the sealed ID number', () => {
    const p = person('p-1', h1, { idCipher: 'sealed', idHash: 'hash', idMasked: '420102********1234', bornOn: '1986-05-04', sex: 'male' });
    const d = decideChangePerson(p, { partyMember: true }, TODAY);
    expect(d).toMatchObject({
      state: { person: { partyMember: true, revision: 2, idCipher: 'sealed' }, idChanged: false },
      changes: [{ type: 'PersonChanged' }],
    });
    expect(decideChangePerson(p, { bornOn: '1986-05-05' }, TODAY)).toMatchObject({ refused: 'birth-date-mismatch' });
    expect(decideChangePerson(p, { partyMember: true, expectedRevision: 3 }, TODAY)).toMatchObject({ refused: 'stale-revision' });
    expect(decideChangePerson({ ...p, left: { on: '2027-01-01', reason: 'died' } }, { partyMember: true }, TODAY)).toEqual({
      refused: 'person-left',
    });
  });
});

describe('moving and leaving', () => {
  it('moves a member: PersonMoved, HouseholdChanged for both households', () => {
    const d = decideMove(person('p-2', h1), { household: h1, place: placeOf(h1.path) }, { household: h2, place: placeOf(h2.path) }, [], {
      to: h2.path,
      on: '2027-03-01',
    });
    expect(d).toMatchObject({
      state: {
        person: { household: h2.path, revision: 2 },
        from: { kind: 'smaller', household: { members: ['p-1'] } },
        to: { members: ['p-3', 'p-2'] },
        ended: [],
      },
    });
    expect('changes' in d && d.changes.map((c) => c.type)).toEqual(['PersonMoved', 'HouseholdChanged', 'HouseholdChanged']);
  });

  it('refuses moving into the same household, a head with members behind them, someone who left', () => {
    const at = { household: h1, place: placeOf(h1.path) };
    expect(decideMove(person('p-2', h1), at, at, [], { to: h1.path, on: '2027-03-01' })).toEqual({ refused: 'same-household' });
    expect(decideMove(person('p-1', h1), at, { household: h2, place: placeOf(h2.path) }, [], { to: h2.path, on: '2027-03-01' })).toEqual({
      refused: 'head-must-change-first',
    });
    const gone = person('p-2', h1, { left: { on: '2027-01-01', reason: 'moved-away' } });
    expect(decideMove(gone, at, { household: h2, place: placeOf(h2.path) }, [], { to: h2.path, on: '2027-03-01' })).toEqual({
      refused: 'person-left',
    });
  });

  it('closes a household when its last member moves out, and ends the old village’s seats when the village changes', () => {
    const d = decideMove(
      person('p-3', h2),
      { household: h2, place: placeOf(h2.path) },
      { household: hElsewhere, place: placeOf(hElsewhere.path) },
      [term({ person: 'p-3' })],
      {
        to: hElsewhere.path,
        on: '2027-03-01',
      },
    );
    expect(d).toMatchObject({
      state: {
        from: { kind: 'closed', place: { retired: { on: '2027-03-01' } } },
        person: { village: other },
        ended: [{ until: '2027-03-01' }],
      },
    });
    expect('changes' in d && d.changes.map((c) => c.type)).toEqual(['PersonMoved', 'PlaceRetired', 'HouseholdChanged', 'MembershipEnded']);
  });

  it('a person who dies leaves their household and every body that day, with reason "left"', () => {
    const past = term({ membershipId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0A', from: '2020-01-01', until: '2023-01-01' });
    const open = term({ body: 'party-branch' });
    const d = decideLeave(person('p-2', h1), { household: h1, place: placeOf(h1.path) }, [past, open], {
      on: '2027-03-01',
      reason: 'died',
    });
    expect(d).toMatchObject({
      state: {
        person: { left: { on: '2027-03-01', reason: 'died' } },
        from: { household: { members: ['p-1'] } },
        ended: [{ body: 'party-branch', until: '2027-03-01', revision: 2 }],
      },
      changes: [{ type: 'PersonLeft' }, { type: 'HouseholdChanged' }, { type: 'MembershipEnded', state: { reason: 'left' } }],
    });
    expect(
      decideLeave(person('p-2', h1, { bornOn: '1990-01-01' }), { household: h1, place: placeOf(h1.path) }, [], {
        on: '1989-01-01',
        reason: 'died',
      }),
    ).toEqual({
      refused: 'date-before-registration',
    });
  });

  it('closes a term that had not begun on its first day, so it never holds', () => {
    expect(endMembershipsOn([term({ from: '2027-06-01' })], '2027-03-01')).toMatchObject([{ from: '2027-06-01', until: '2027-06-01' }]);
  });
});
