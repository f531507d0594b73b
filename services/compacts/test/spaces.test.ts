import { describe, expect, it } from 'vitest';
import { AdoptSpace, RegisterSpace, actsFor, hasFreeSlot, holderKey, resolveAdopter } from '../domain/spaces.ts';

const village = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const h03 = `${village}/g1/h03`;

describe('who adopts', () => {
  const caller = { sub: 'p-majiaqiao-03', household: h03, isPartyMember: true };

  it('a household adopts through any member; the member is the person', () => {
    expect(resolveAdopter({ as: 'household' }, caller)).toEqual({
      adopter: { kind: 'household', id: h03 },
      person: 'p-majiaqiao-03',
      household: h03,
    });
  });

  it('only a party member adopts as a party member', () => {
    expect(resolveAdopter({ as: 'party-member' }, caller)).toMatchObject({ adopter: { kind: 'party-member', id: 'p-majiaqiao-03' } });
    expect(resolveAdopter({ as: 'party-member' }, { ...caller, isPartyMember: false })).toEqual({ refused: 'not-a-party-member' });
  });

  it('a group adopts under its name, with the caller as its contact', () => {
    expect(resolveAdopter({ as: 'group', group: '二组党小组' }, caller)).toMatchObject({
      adopter: { kind: 'group', id: '二组党小组' },
      person: 'p-majiaqiao-03',
    });
  });

  it('someone who does not live in the village cannot adopt', () => {
    expect(resolveAdopter({ as: 'household' }, { ...caller, household: undefined })).toEqual({ refused: 'not-a-resident' });
  });

  it('a group name is required and bounded', () => {
    expect(AdoptSpace.safeParse({ as: 'group' }).success).toBe(false);
    expect(AdoptSpace.safeParse({ as: 'group', group: 'x'.repeat(101) }).success).toBe(false);
    expect(AdoptSpace.safeParse({ as: 'tenant' }).success).toBe(false);
  });
});

describe('slots and acting for an adoption', () => {
  it('a slot is free strictly below capacity', () => {
    expect(hasFreeSlot({ capacity: 1, activeAdopters: 0 })).toBe(true);
    expect(hasFreeSlot({ capacity: 1, activeAdopters: 1 })).toBe(false);
    expect(hasFreeSlot({ capacity: 3, activeAdopters: 2 })).toBe(true);
  });

  it('capacity is at least 1 (default 1) and at most 20', () => {
    const base = { village, kind: 'green-plot', name: '村口绿地', place: village };
    expect(RegisterSpace.parse(base).capacity).toBe(1);
    expect(RegisterSpace.safeParse({ ...base, capacity: 0 }).success).toBe(false);
    expect(RegisterSpace.safeParse({ ...base, capacity: 21 }).success).toBe(false);
  });

  it('each adopter has one holder key per space', () => {
    expect(holderKey({ kind: 'household', id: h03 })).toBe(`household#${h03}`);
    expect(holderKey({ kind: 'group', id: '二组' })).not.toBe(holderKey({ kind: 'household', id: '二组' }));
  });

  it('the adopter or (for a household adoption) anyone of the household acts for it', () => {
    const household = { person: 'p-majiaqiao-03', adopter: { kind: 'household' as const, id: h03 } };
    expect(actsFor(household, { sub: 'p-majiaqiao-03', household: h03 })).toBe(true);
    expect(actsFor(household, { sub: 'p-majiaqiao-03-1', household: h03 })).toBe(true);
    expect(actsFor(household, { sub: 'p-majiaqiao-04', household: `${village}/g1/h04` })).toBe(false);
    const party = { person: 'p-majiaqiao-03', adopter: { kind: 'party-member' as const, id: 'p-majiaqiao-03' } };
    expect(actsFor(party, { sub: 'p-majiaqiao-03-1', household: h03 })).toBe(false);
  });
});
