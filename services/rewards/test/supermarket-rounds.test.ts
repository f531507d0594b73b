import { describe, expect, it } from 'vitest';
import { rank } from '../domain/leaderboard.ts';
import { canApply, canPublish, eligible, supersedes, type Round } from '../domain/rounds.ts';
import { type CatalogueItem, type Redemption, canCancel, canFulfil, catalogueLevel, reservable } from '../domain/supermarket.ts';
import { isWithin } from '@cocreate/places';

const item: CatalogueItem = {
  itemId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0F',
  place: 'hubei/v',
  placeKind: 'village',
  merchant: 'm-1',
  name: '洗衣粉',
  price: 10,
  stock: 2,
  held: 0,
  sold: 0,
  active: true,
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
};
const order: Redemption = {
  redemptionId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0B',
  itemId: item.itemId,
  itemName: item.name,
  place: 'hubei/v',
  village: 'hubei/v',
  person: 'p-v-01',
  merchant: 'm-1',
  quantity: 1,
  unitPrice: 10,
  points: 10,
  status: 'reserved',
  reservedAt: '2026-05-01T00:00:00.000Z',
  expiresAt: '2026-05-08T00:00:00.000Z',
  lots: [],
};

describe('supermarket rules', () => {
  it('reserves only active items with enough stock', () => {
    expect(reservable(item, 2)).toBeUndefined();
    expect(reservable(item, 3)).toBe('out-of-stock');
    expect(reservable({ ...item, active: false }, 1)).toBe('item-unavailable');
  });

  it('only the offering merchant fulfils, never their own order, only an open reservation', () => {
    expect(canFulfil(order, 'm-1')).toBeUndefined();
    expect(canFulfil(order, 'p-v-01')).toBe('own-order');
    expect(canFulfil({ ...order, person: 'm-1' }, 'm-1')).toBe('own-order');
    expect(canFulfil(order, 'm-2')).toBe('not-the-merchant');
    expect(canFulfil({ ...order, status: 'fulfilled' }, 'm-1')).toBe('not-reserved');
    expect(canFulfil({ ...order, status: 'cancelled' }, 'm-1')).toBe('not-reserved');
  });

  it('cancellation: the resident, the merchant, or expiry once due', () => {
    const now = '2026-05-03T00:00:00.000Z';
    expect(canCancel(order, { sub: 'p-v-01' }, now)).toEqual({ reason: 'cancelled-by-resident' });
    expect(canCancel(order, { sub: 'm-1' }, now)).toEqual({ reason: 'cancelled-by-merchant' });
    expect(canCancel(order, { sub: 'p-v-02' }, now)).toEqual({ refused: 'not-your-order' });
    expect(canCancel(order, 'expiry', now)).toEqual({ refused: 'not-expired' });
    expect(canCancel(order, 'expiry', order.expiresAt)).toEqual({ reason: 'expired' });
    expect(canCancel({ ...order, status: 'fulfilled' }, 'expiry', '2027-01-01T00:00:00.000Z')).toEqual({ refused: 'not-reserved' });
  });

  it('catalogues live at villages, communities and townships', () => {
    expect(catalogueLevel('village')).toBe('village');
    expect(catalogueLevel('community')).toBe('village');
    expect(catalogueLevel('township')).toBe('township');
    expect(catalogueLevel('county')).toBeUndefined();
    expect(catalogueLevel(undefined)).toBeUndefined();
  });
});

describe('award round rules', () => {
  const round = { status: 'open', deadline: '2026-06-01T00:00:00.000Z', scope: 'hubei/c', eligible: undefined } as unknown as Round;

  it('applications strictly before the deadline; publication at or after it, once', () => {
    expect(canApply(round, '2026-05-31T23:59:59.999Z')).toBeUndefined();
    expect(canApply(round, '2026-06-01T00:00:00.000Z')).toBe('round-closed');
    expect(canPublish(round, '2026-05-31T23:59:59.999Z')).toBe('round-still-open');
    expect(canPublish(round, '2026-06-01T00:00:00.000Z')).toBeUndefined();
    expect(canPublish({ ...round, status: 'published' }, '2027-01-01T00:00:00.000Z')).toBe('round-published');
    expect(canApply({ ...round, status: 'published' }, '2026-05-01T00:00:00.000Z')).toBe('round-published');
  });

  it('eligibility: the explicit list, else anything inside the scope', () => {
    expect(eligible(round, 'hubei/c/t/v', isWithin)).toBe(true);
    expect(eligible(round, 'hubei/d/t/v', isWithin)).toBe(false);
    expect(eligible({ ...round, eligible: ['hubei/c/t/v'] }, 'hubei/c/t/w', isWithin)).toBe(false);
    expect(eligible({ ...round, eligible: ['hubei/c/t/v'] }, 'hubei/c/t/v', isWithin)).toBe(true);
  });

  it('the later assessment stands, whatever order they arrive in', () => {
    const a = { assessedAt: '2026-12-01T00:00:00.000Z', assessmentId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0A' };
    const b = { assessedAt: '2026-12-02T00:00:00.000Z', assessmentId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C00' };
    expect(supersedes(b, a)).toBe(true);
    expect(supersedes(a, b)).toBe(false);
    expect(supersedes(a, undefined)).toBe(true);
    expect(supersedes(a, a)).toBe(false);
  });
});

describe('leaderboard', () => {
  it('ranks by earned − deducted, ties share a rank, households add their members', () => {
    const rows = [
      { person: 'p-1', household: 'h1', earned: 10, deducted: 0 },
      { person: 'p-1-1', household: 'h1', earned: 4, deducted: 5 },
      { person: 'p-2', household: 'h2', earned: 12, deducted: 2 },
      { person: 'p-3', household: 'h3', earned: 3, deducted: 0 },
    ];
    expect(rank(rows, 'person').map((r) => [r.key, r.score, r.rank])).toEqual([
      ['p-1', 10, 1],
      ['p-2', 10, 1],
      ['p-3', 3, 3],
      ['p-1-1', -1, 4],
    ]);
    expect(rank(rows, 'household').map((r) => [r.key, r.score, r.rank])).toEqual([
      ['h2', 10, 1],
      ['h1', 9, 2],
      ['h3', 3, 3],
    ]);
  });
});
