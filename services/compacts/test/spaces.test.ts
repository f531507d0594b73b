import { describe, expect, it } from 'vitest';
import { refused } from '@cocreate/contracts';
import {
  AdoptSpace,
  type Adoption,
  RegisterSpace,
  type Space,
  actsFor,
  adopt,
  checkUpkeep,
  hasFreeSlot,
  holderKey,
  release,
  resolveAdopter,
} from '../domain/spaces.ts';

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
    expect(AdoptSpace().safeParse({ as: 'group' }).success).toBe(false);
    expect(AdoptSpace().safeParse({ as: 'group', group: 'x'.repeat(101) }).success).toBe(false);
    expect(AdoptSpace().safeParse({ as: 'tenant' }).success).toBe(false);
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
    expect(RegisterSpace().parse(base).capacity).toBe(1);
    expect(RegisterSpace().safeParse({ ...base, capacity: 0 }).success).toBe(false);
    expect(RegisterSpace().safeParse({ ...base, capacity: 21 }).success).toBe(false);
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

describe('adopting, releasing and logging upkeep', () => {
  const space: Space = {
    spaceId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0S',
    village,
    kind: 'green-plot',
    name: '村口绿地',
    place: village,
    capacity: 1,
    activeAdopters: 0,
    source: 'registered',
    registeredAt: '2026-10-01T00:00:00Z',
    registeredBy: 'p-majiaqiao-01',
  };
  const who = { adopter: { kind: 'household' as const, id: h03 }, person: 'p-majiaqiao-03', household: h03 };
  const on = { today: '2026-10-12', at: '2026-10-12T02:00:00Z' };
  const adoption = adopt(space, who, '01JD7Z8Q9W3V4X5Y6Z7A8B9C0A', on) as Adoption;

  it('adopts while a slot is free, refuses when every slot is taken', () => {
    expect(adoption).toMatchObject({ status: 'active', adoptedOn: '2026-10-12', household: h03, spaceKind: 'green-plot' });
    expect(adopt({ ...space, activeAdopters: 1 }, who, 'x', on)).toEqual(refused('space-full'));
  });

  it('the adopter’s household or a cadre releases, once', () => {
    const neighbour = { sub: 'p-majiaqiao-04', household: `${village}/g1/h04`, isCadre: false };
    expect(release(adoption, neighbour, '2026-10-13', undefined)).toEqual(refused('not-adopter-or-cadre'));
    const released = release(adoption, { ...neighbour, isCadre: true }, '2026-10-13', '外出') as Adoption;
    expect(released).toMatchObject({ status: 'released', releasedOn: '2026-10-13', releasedBy: 'p-majiaqiao-04', releaseReason: '外出' });
    expect(release(released, { sub: 'p-majiaqiao-03', household: h03, isCadre: false }, '2026-10-14', undefined)).toEqual(
      refused('already-released'),
    );
  });

  it('only the adopter’s side logs upkeep, and only while the adoption is active', () => {
    expect(checkUpkeep(adoption, { sub: 'p-majiaqiao-03-1', household: h03 })).toBe('ok');
    expect(checkUpkeep(adoption, { sub: 'p-majiaqiao-04', household: `${village}/g1/h04` })).toEqual(refused('not-the-adopter'));
    expect(checkUpkeep({ ...adoption, status: 'released' }, { sub: 'p-majiaqiao-03', household: h03 })).toEqual(
      refused('adoption-released'),
    );
  });
});
