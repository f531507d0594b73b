import { describe, expect, it } from 'vitest';
import type { MembershipRecord, PropertyRecord } from '../domain/model.ts';
import { decideEndMembership, decideStartMembership, membersOn } from '../domain/memberships.ts';
import { decideRecordOwner, decideSale, ownersOn } from '../domain/properties.ts';

const village = 'hubei/huanggang/hongan/chengguan/xingfu';
const flat = `${village}/c1/h03`;
const ids = ['01JD7Z8Q9W3V4X5Y6Z7A8B9C0A', '01JD7Z8Q9W3V4X5Y6Z7A8B9C0B', '01JD7Z8Q9W3V4X5Y6Z7A8B9C0C'] as const;

describe('ownership over time (业主, 专有部分面积)', () => {
  const owned = decideRecordOwner(undefined, village, { property: flat, person: 'p-seller', area: 88.4, from: '2020-01-01' });
  const property = (owned as { state: PropertyRecord }).state;

  it('records an owner’s share from a day (OwnershipChanged, revision 1); an overlapping share of the same owner is refused', () => {
    expect(property).toEqual({ path: flat, village, owners: [{ person: 'p-seller', area: 88.4, from: '2020-01-01' }], revision: 1 });
    expect(decideRecordOwner(property, village, { property: flat, person: 'p-seller', area: 10, from: '2024-01-01' })).toEqual({
      refused: 'owner-term-overlaps',
    });
  });

  it('a sale mid-year ends the seller’s term and starts the buyer’s the same day; the event carries the whole history', () => {
    const d = decideSale(property, { property: flat, seller: 'p-seller', buyer: 'p-buyer', on: '2027-03-01' });
    expect(d).toMatchObject({ changes: [{ type: 'OwnershipChanged' }] });
    const sold = (d as { state: PropertyRecord }).state;
    expect(sold.owners).toEqual([
      { person: 'p-seller', area: 88.4, from: '2020-01-01', until: '2027-03-01' },
      { person: 'p-buyer', area: 88.4, from: '2027-03-01' },
    ]);
    expect(sold.revision).toBe(2);
    expect(ownersOn(sold, '2027-02-28').map((o) => o.person)).toEqual(['p-seller']);
    expect(ownersOn(sold, '2027-03-01').map((o) => o.person)).toEqual(['p-buyer']);
  });

  it('refuses a seller who does not own it that day, a sale on the first day, a buyer who already owns it', () => {
    expect(decideSale(property, { property: flat, seller: 'p-other', buyer: 'p-buyer', on: '2027-03-01' })).toEqual({
      refused: 'seller-not-owner',
    });
    expect(decideSale(undefined, { property: flat, seller: 'p-seller', buyer: 'p-buyer', on: '2027-03-01' })).toEqual({
      refused: 'seller-not-owner',
    });
    expect(decideSale(property, { property: flat, seller: 'p-seller', buyer: 'p-buyer', on: '2020-01-01' })).toEqual({
      refused: 'sale-on-first-day',
    });
    const joint = { ...property, owners: [...property.owners, { person: 'p-buyer', area: 20, from: '2021-01-01' }] };
    expect(decideSale(joint, { property: flat, seller: 'p-seller', buyer: 'p-buyer', on: '2027-03-01' })).toEqual({
      refused: 'buyer-already-owner',
    });
  });
});

describe('memberships with terms: members on a day has one answer', () => {
  const start = (person: string, from: string, id: string, seat: MembershipRecord[] = []) =>
    (decideStartMembership({ village, body: 'supervision-committee', person, from }, id, seat) as { state: MembershipRecord }).state;

  it('an election mid-year: the old committee sits before the day, the new one from it', () => {
    const old = start('p-old', '2024-01-01', ids[0]);
    const ended = decideEndMembership(old, { until: '2027-03-01', reason: 'term-ended' }) as {
      state: MembershipRecord;
      changes: unknown[];
    };
    expect(ended.changes).toEqual([{ type: 'MembershipEnded', state: { ...ended.state, reason: 'term-ended' } }]);
    const kept = start('p-kept', '2024-01-01', ids[1]);
    const elected = start('p-new', '2027-03-01', ids[2]);
    const roster = [ended.state, kept, elected];
    expect(membersOn(roster, '2027-02-28').map((m) => m.person)).toEqual(['p-old', 'p-kept']);
    expect(membersOn(roster, '2027-03-01').map((m) => m.person)).toEqual(['p-kept', 'p-new']);
    expect(membersOn(roster, '2023-12-31')).toEqual([]);
  });

  it('refuses an overlapping term of the same person on the same body; a term after the last one ended is fine', () => {
    const first = start('p-1', '2024-01-01', ids[0]);
    expect(decideStartMembership({ village, body: 'supervision-committee', person: 'p-1', from: '2025-01-01' }, ids[1], [first])).toEqual({
      refused: 'overlapping-term',
      detail: { membershipId: ids[0] },
    });
    const ended = { ...first, until: '2027-01-01' };
    expect(
      decideStartMembership({ village, body: 'supervision-committee', person: 'p-1', from: '2026-06-01' }, ids[1], [ended]),
    ).toMatchObject({ refused: 'overlapping-term' });
    expect(
      decideStartMembership({ village, body: 'supervision-committee', person: 'p-1', from: '2027-01-01' }, ids[1], [ended]),
    ).toHaveProperty('state.from', '2027-01-01');
  });

  it('refuses ending twice, an end not after the start, and a stale revision', () => {
    const m = start('p-1', '2024-01-01', ids[0]);
    expect(decideEndMembership({ ...m, until: '2025-01-01' }, { until: '2026-01-01', reason: 'resigned' })).toEqual({
      refused: 'membership-ended',
    });
    expect(decideEndMembership(m, { until: '2024-01-01', reason: 'resigned' })).toEqual({ refused: 'until-not-after-from' });
    expect(decideEndMembership(m, { until: '2026-01-01', reason: 'recalled', expectedRevision: 2 })).toMatchObject({
      refused: 'stale-revision',
    });
  });
});
