import * as z from 'zod';
import { once, Id, IsoDateTime, PersonId, PlacePath, says } from '@cocreate/contracts';
import { type Refused, refused } from '@cocreate/contracts';
import { type AccountState, type CreditResult, type LotSpec, LotMove, hold, release, spend } from './ledger.ts';

/**
 * The points supermarket (积分超市): a catalogue per village or township, items offered by merchants with a
 * price in points and a stock. A redemption reserves (points and stock held) and is then fulfilled by the merchant,
 * or cancelled (by the resident or the merchant) or expires — both release what was held.
 *
 * Stock on an item is three counters that always add up to everything ever stocked: `stock` (on the shelf),
 * `held` (reserved, not handed over) and `sold`.
 */
export const NewItem = once(() =>
  z.object({
    place: PlacePath.describe('The village/community or township whose residents may redeem the item'),
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1000).optional(),
    price: z.number().int().positive().max(1_000_000).describe('Points per unit'),
    stock: z.number().int().min(0).max(1_000_000),
  }),
);
export type NewItem = z.infer<ReturnType<typeof NewItem>>;

export const ItemChanges = once(() =>
  z
    .object({
      name: z.string().trim().min(1).max(100).optional(),
      description: z.string().trim().max(1000).optional(),
      price: z.number().int().positive().max(1_000_000).optional(),
      active: z.boolean().optional(),
      /** Why (a price change, a withdrawn offer): kept in the item's history. */
      reason: z.string().trim().min(1).max(2000),
    })
    .refine(
      ({ reason: _r, ...c }) => Object.values(c).some((v) => v !== undefined),
      says({ zh: '至少修改一项', en: 'give at least one change' }),
    ),
);

export const CatalogueItem = once(() =>
  z.object({
    itemId: Id,
    place: PlacePath,
    placeKind: z.enum(['village', 'township']),
    merchant: z.string(),
    name: z.string(),
    description: z.string().optional(),
    price: z.number().int().positive(),
    stock: z.number().int().nonnegative(),
    held: z.number().int().nonnegative(),
    sold: z.number().int().nonnegative(),
    active: z.boolean(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  }),
);
export type CatalogueItem = z.infer<ReturnType<typeof CatalogueItem>>;

export const RedemptionStatus = once(() => z.enum(['reserved', 'fulfilled', 'cancelled']));
export type RedemptionStatus = z.infer<ReturnType<typeof RedemptionStatus>>;

export const CancelReason = once(() => z.enum(['cancelled-by-resident', 'cancelled-by-merchant', 'expired']));
export type CancelReason = z.infer<ReturnType<typeof CancelReason>>;

export const Redemption = once(() =>
  z.object({
    redemptionId: Id,
    itemId: Id,
    itemName: z.string(),
    place: PlacePath,
    village: PlacePath,
    person: PersonId,
    household: PlacePath.optional(),
    merchant: z.string(),
    quantity: z.number().int().positive(),
    unitPrice: z.number().int().positive(),
    points: z.number().int().positive(),
    status: RedemptionStatus(),
    reservedAt: IsoDateTime,
    expiresAt: IsoDateTime,
    /** The lots the held points came from (a release puts them back there). */
    lots: z.array(LotMove()),
    fulfilledAt: IsoDateTime.optional(),
    fulfilledBy: z.string().optional(),
    cancelledAt: IsoDateTime.optional(),
    cancelledBy: z.string().optional(),
    cancelReason: CancelReason().optional(),
  }),
);
export type Redemption = z.infer<ReturnType<typeof Redemption>>;

export const Reserve = once(() =>
  z.object({
    itemId: Id,
    quantity: z.number().int().min(1).max(20).default(1),
  }),
);

export type Refusal =
  'item-unavailable' | 'out-of-stock' | 'not-reserved' | 'own-order' | 'not-the-merchant' | 'not-your-order' | 'not-expired';

/** Whether an item can be reserved in this quantity now (the stock condition on the write re-checks it). */
export function reservable(item: CatalogueItem, quantity: number): Refusal | undefined {
  if (!item.active) return 'item-unavailable';
  if (item.stock < quantity) return 'out-of-stock';
  return undefined;
}

/** Fulfilment: only an open reservation, only by the item's merchant, never by the person who ordered it. */
export function canFulfil(r: Redemption, by: string): Refusal | undefined {
  if (r.status !== 'reserved') return 'not-reserved';
  if (r.person === by) return 'own-order';
  if (r.merchant !== by) return 'not-the-merchant';
  return undefined;
}

/** Cancellation: the resident their own order, the item's merchant any order of theirs; the expiry job once due. */
export function canCancel(r: Redemption, by: { sub: string } | 'expiry', now: string): { reason: CancelReason } | { refused: Refusal } {
  if (r.status !== 'reserved') return { refused: 'not-reserved' };
  if (by === 'expiry') return r.expiresAt <= now ? { reason: 'expired' } : { refused: 'not-expired' };
  if (by.sub === r.person) return { reason: 'cancelled-by-resident' };
  if (by.sub === r.merchant) return { reason: 'cancelled-by-merchant' };
  return { refused: 'not-your-order' };
}

/** The place kind an item may be offered at. */
export function catalogueLevel(kind: string | undefined): 'village' | 'township' | undefined {
  if (kind === 'village' || kind === 'community') return 'village';
  if (kind === 'township') return 'township';
  return undefined;
}

/** An item offered by a merchant at a village's, community's or township's supermarket. */
export function decideListing(
  cmd: NewItem,
  facts: { itemId: string; merchant: string; at: string; placeKind: string | undefined },
): CatalogueItem | Refused<'not-a-catalogue-place'> {
  const level = catalogueLevel(facts.placeKind);
  if (!level) return refused('not-a-catalogue-place');
  return {
    itemId: facts.itemId,
    place: cmd.place,
    placeKind: level,
    merchant: facts.merchant,
    name: cmd.name,
    ...(cmd.description ? { description: cmd.description } : {}),
    price: cmd.price,
    stock: cmd.stock,
    held: 0,
    sold: 0,
    active: true,
    createdAt: facts.at,
    updatedAt: facts.at,
  };
}

/** Only the merchant who offers an item manages it (changes, restocks). */
export function canManage(item: CatalogueItem, by: string): true | Refused<'not-your-item'> {
  return item.merchant === by ? true : refused('not-your-item');
}

/**
 * A reservation: the item offered and on the shelf, the points held from the resident's oldest lots (never an
 * overdraft). The stock condition on the write re-checks the shelf.
 */
export function decideReservation(
  item: CatalogueItem,
  quantity: number,
  account: AccountState,
  facts: { redemptionId: string; person: string; village: string; household?: string | undefined; now: Date; holdDays: number },
): { redemption: Redemption; state: AccountState } | Refused<'item-unavailable' | 'out-of-stock' | 'insufficient-points'> {
  const refusal = reservable(item, quantity);
  if (refusal) return refused(refusal as 'item-unavailable' | 'out-of-stock');
  const points = item.price * quantity;
  const held = hold(account, points);
  if ('refused' in held) return held;
  const redemption: Redemption = {
    redemptionId: facts.redemptionId,
    itemId: item.itemId,
    itemName: item.name,
    place: item.place,
    village: facts.village,
    person: facts.person,
    ...(facts.household ? { household: facts.household } : {}),
    merchant: item.merchant,
    quantity,
    unitPrice: item.price,
    points,
    status: 'reserved',
    reservedAt: facts.now.toISOString(),
    expiresAt: new Date(facts.now.getTime() + facts.holdDays * 86_400_000).toISOString(),
    lots: held.taken,
  };
  return { redemption, state: held.state };
}

/** The merchant hands the item over: the held points are spent. */
export function decideFulfilment(
  r: Redemption,
  by: string,
  account: AccountState,
  at: string,
): { done: Redemption; state: AccountState } | Refused<Refusal | 'points-not-held'> {
  const refusal = canFulfil(r, by);
  if (refusal) return refused(refusal);
  const state = spend(account, r.points);
  if ('refused' in state) return state;
  return { done: { ...r, status: 'fulfilled', fulfilledAt: at, fulfilledBy: by }, state };
}

/** A cancellation (or expiry): the held points go back into the lots they came from, `fallback` for the rest. */
export function decideRelease(
  r: Redemption,
  by: { sub: string } | 'expiry',
  account: AccountState,
  facts: { at: string; fallback: LotSpec; actor: string },
): { done: Redemption; result: CreditResult; reason: CancelReason } | Refused<Refusal | 'points-not-held'> {
  const verdict = canCancel(r, by, facts.at);
  if ('refused' in verdict) return refused(verdict.refused);
  const result = release(account, r.points, r.lots, facts.fallback);
  if ('refused' in result) return result;
  const done: Redemption = { ...r, status: 'cancelled', cancelledAt: facts.at, cancelledBy: facts.actor, cancelReason: verdict.reason };
  return { done, result, reason: verdict.reason };
}
