import { describe, expect, it } from 'vitest';
import { decideCorrection, decideManualCredit } from '../domain/entries.ts';
import { type AccountState, credit, emptyAccount, invariantViolations, lotId } from '../domain/ledger.ts';
import { decideRules } from '../domain/rules.ts';
import { type CatalogueItem, canManage, decideFulfilment, decideListing, decideRelease, decideReservation } from '../domain/supermarket.ts';

/** The points and supermarket decisions: each refusal by its code, and the state a decision leaves. */
const lot = { lot: lotId('2026-05-01', '2028-05-01'), expiresAt: '2028-04-30T16:00:00.000Z' };
const funded = (points: number): AccountState => credit(emptyAccount(), points, lot).state;
const today = lotId('2026-05-10', '2028-05-10');

describe('earning rules', () => {
  const record = { scope: 'hubei/c', activities: {}, updatedAt: '2026-05-01T00:00:00.000Z', updatedBy: 'p-1' };

  it('a county’s rules by county officials only; a village or community overrides; nothing else', () => {
    expect(decideRules(record, { scopeKind: 'county', countyOfficial: true })).toBe(record);
    expect(decideRules(record, { scopeKind: 'county', countyOfficial: false })).toEqual({ refused: 'county-rules-by-county' });
    expect(decideRules(record, { scopeKind: 'village', countyOfficial: false })).toBe(record);
    expect(decideRules(record, { scopeKind: 'community', countyOfficial: false })).toBe(record);
    expect(decideRules(record, { scopeKind: 'group', countyOfficial: true })).toEqual({ refused: 'scope-not-county-or-village' });
    expect(decideRules(record, { scopeKind: undefined, countyOfficial: true })).toEqual({ refused: 'scope-not-county-or-village' });
  });
});

describe('manual credits and corrections', () => {
  it('never to oneself, never after today; today when no day is given', () => {
    const facts = { actor: 'p-cadre', today: '2026-05-10' };
    expect(decideManualCredit({ person: 'p-cadre' }, facts)).toEqual({ refused: 'own-credit' });
    expect(decideManualCredit({ person: 'p-1', occurredOn: '2026-05-11' }, facts)).toEqual({ refused: 'occurred-in-future' });
    expect(decideManualCredit({ person: 'p-1', occurredOn: '2026-05-09' }, facts)).toEqual({ on: '2026-05-09' });
    expect(decideManualCredit({ person: 'p-1' }, facts)).toEqual({ on: '2026-05-10' });
  });

  it('a correction: never of one’s own points, only of a credit, only once', () => {
    const facts = { actor: 'p-cadre', alreadyReversed: false };
    expect(decideCorrection({ person: 'p-cadre', kind: 'credit' }, facts)).toEqual({ refused: 'own-correction' });
    expect(decideCorrection({ person: 'p-1', kind: 'debit' }, facts)).toEqual({ refused: 'not-reversible' });
    expect(decideCorrection({ person: 'p-1', kind: 'credit' }, { ...facts, alreadyReversed: true })).toEqual({
      refused: 'already-reversed',
    });
    expect(decideCorrection({ person: 'p-1', kind: 'credit' }, facts)).toBe(true);
  });
});

describe('supermarket decisions', () => {
  const listed = decideListing(
    { place: 'hubei/t/v', name: '洗衣粉', price: 10, stock: 2 },
    { itemId: 'i1', merchant: 'm-1', at: '2026-05-01T00:00:00.000Z', placeKind: 'community' },
  ) as CatalogueItem;
  const now = new Date('2026-05-10T00:00:00.000Z');
  const facts = { redemptionId: 'r1', person: 'p-1', village: 'hubei/t/v', now, holdDays: 7 };

  it('items are listed at a village, community or township, and managed by their merchant only', () => {
    expect(listed).toMatchObject({ placeKind: 'village', stock: 2, held: 0, sold: 0, active: true });
    expect(
      decideListing({ place: 'hubei/c', name: 'x', price: 1, stock: 1 }, { itemId: 'i', merchant: 'm', at: '', placeKind: 'county' }),
    ).toEqual({
      refused: 'not-a-catalogue-place',
    });
    expect(canManage(listed, 'm-1')).toBe(true);
    expect(canManage(listed, 'm-2')).toEqual({ refused: 'not-your-item' });
  });

  it('a reservation holds the points for the hold days; refused when withdrawn, out of stock or short of points', () => {
    const out = decideReservation(listed, 2, funded(25), facts);
    if ('refused' in out) throw new Error(out.refused);
    expect(out.redemption).toMatchObject({ points: 20, status: 'reserved', expiresAt: '2026-05-17T00:00:00.000Z', lots: [{ points: 20 }] });
    expect(out.state).toMatchObject({ balance: 5, held: 20 });
    expect(invariantViolations(out.state)).toEqual([]);
    expect(decideReservation({ ...listed, active: false }, 1, funded(25), facts)).toEqual({ refused: 'item-unavailable' });
    expect(decideReservation(listed, 3, funded(100), facts)).toEqual({ refused: 'out-of-stock' });
    expect(decideReservation(listed, 2, funded(19), facts)).toEqual({
      refused: 'insufficient-points',
      detail: { available: 19, needed: 20 },
    });
  });

  it('fulfilment by the item’s merchant spends the held points; a cancellation puts them back', () => {
    const { redemption, state } = decideReservation(listed, 1, funded(10), facts) as Exclude<
      ReturnType<typeof decideReservation>,
      { refused: string }
    >;
    const at = '2026-05-11T00:00:00.000Z';
    expect(decideFulfilment(redemption, 'p-1', state, at)).toEqual({ refused: 'own-order' });
    expect(decideFulfilment(redemption, 'm-2', state, at)).toEqual({ refused: 'not-the-merchant' });
    const done = decideFulfilment(redemption, 'm-1', state, at);
    expect(done).toMatchObject({ done: { status: 'fulfilled', fulfilledBy: 'm-1' }, state: { balance: 0, held: 0 } });
    expect(decideFulfilment({ ...redemption, status: 'fulfilled' }, 'm-1', state, at)).toEqual({ refused: 'not-reserved' });
    // Another change settled the order meanwhile: the account no longer holds its points.
    expect(decideFulfilment(redemption, 'm-1', { ...state, held: 0 }, at)).toEqual({ refused: 'points-not-held' });

    const release = { at, fallback: { lot: today, expiresAt: '2028-05-09T16:00:00.000Z' }, actor: 'p-1' };
    const back = decideRelease(redemption, { sub: 'p-1' }, state, release);
    expect(back).toMatchObject({ reason: 'cancelled-by-resident', done: { status: 'cancelled', cancelledBy: 'p-1' } });
    expect(decideRelease(redemption, { sub: 'm-1' }, state, release)).toMatchObject({ reason: 'cancelled-by-merchant' });
    expect(decideRelease(redemption, { sub: 'p-2' }, state, release)).toEqual({ refused: 'not-your-order' });
    expect(decideRelease(redemption, 'expiry', state, release)).toEqual({ refused: 'not-expired' });
    expect(decideRelease(redemption, 'expiry', state, { ...release, at: '2026-05-17T00:00:00.000Z' })).toMatchObject({ reason: 'expired' });
    expect(decideRelease(redemption, { sub: 'p-1' }, { ...state, held: 0 }, release)).toEqual({ refused: 'points-not-held' });
  });
});
