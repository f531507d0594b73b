import { z } from 'zod';
import { Id, PersonId, PlacePath, RedemptionCancelled, RedemptionFulfilled, RedemptionReserved } from '@cocreate/contracts';
import { type RouteContext, defineRoute, newId, problems } from '@cocreate/kernel';
import { isWithin, parentOf } from '@cocreate/places';
import { LedgerError, hold, release, spend } from '../domain/ledger.ts';
import {
  type CancelReason,
  CatalogueItem,
  ItemChanges,
  NewItem,
  Redemption,
  type Refusal,
  Reserve,
  canCancel,
  canFulfil,
  catalogueLevel,
  reservable,
} from '../domain/supermarket.ts';
import { items, redemptions } from '../store.ts';
import { Page, STEWARDS, holdsAny, personOnce, posting } from './common.ts';
import { type PostingContext, append, loadAccount, rulesFor, todaysLot } from './posting.ts';

/** 积分超市: catalogue, reservations, fulfilment and release. Every change of points is a ledger entry. */

const refused = (code: Refusal): never => {
  switch (code) {
    case 'item-unavailable':
      throw problems.conflict(code, { zh: '该商品已下架。', en: 'This item is not offered any more.' });
    case 'out-of-stock':
      throw problems.conflict(code, { zh: '库存不足，该商品已被兑完。', en: 'Not enough stock left for this item.' });
    case 'not-reserved':
      throw problems.conflict(code, { zh: '该兑换单已完成或已取消。', en: 'This order was already fulfilled or cancelled.' });
    case 'own-order':
      throw problems.forbidden({ zh: '不能核销自己的兑换单。', en: 'You cannot fulfil your own order.' });
    case 'not-the-merchant':
      throw problems.forbidden({ zh: '只有上架该商品的商户可以核销。', en: 'Only the merchant offering the item can fulfil it.' });
    case 'not-your-order':
      throw problems.forbidden({ zh: '只能取消自己的兑换单或本店的兑换单。', en: 'You can only cancel your own orders or your shop’s.' });
    case 'not-expired':
      throw problems.conflict(code, { zh: '兑换单尚未过期。', en: 'The order has not expired yet.' });
  }
};

// ---------------------------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------------------------

const ownItem = async (itemId: string, ctx: RouteContext): Promise<CatalogueItem> => {
  const item = (await items.get(ctx.table, itemId))!;
  if (item.merchant !== ctx.actor.sub) {
    throw problems.forbidden({ zh: '只能管理本店上架的商品。', en: 'You can only manage your own items.' });
  }
  return item;
};

export const listItem = defineRoute({
  method: 'POST',
  path: '/rewards/catalogue-items',
  operationId: 'listCatalogueItem',
  summary: 'A merchant offers an item in a village’s or township’s points supermarket, with a price in points and stock',
  auth: { roles: ['merchant'], place: ({ body }) => body.place },
  body: NewItem,
  response: CatalogueItem,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const level = catalogueLevel((await ctx.register.place(body.place))?.kind);
    if (!level) {
      throw problems.rule(
        'not-a-catalogue-place',
        {
          zh: '积分超市按村/社区或乡镇设置。',
          en: 'A points supermarket belongs to a village, community or township.',
        },
        {},
        [
          {
            in: 'body',
            pointer: '/place',
            rule: 'catalogue-place',
            message: { zh: '须为村、社区或乡镇', en: 'a village, community or township' },
          },
        ],
      );
    }
    const at = ctx.now().toISOString();
    const item: CatalogueItem = {
      itemId: newId(),
      place: body.place,
      placeKind: level,
      merchant: ctx.actor.sub,
      name: body.name,
      ...(body.description ? { description: body.description } : {}),
      price: body.price,
      stock: body.stock,
      held: 0,
      sold: 0,
      active: true,
      createdAt: at,
      updatedAt: at,
    };
    items.create(ctx.tx, item);
    return item;
  },
});

const itemPlace = async ({ params }: { params: { itemId: string } }, ctx: RouteContext) =>
  (await items.get(ctx.table, params.itemId))?.place;

export const changeItem = defineRoute({
  method: 'PATCH',
  path: '/rewards/catalogue-items/{itemId}',
  operationId: 'changeCatalogueItem',
  summary: 'The offering merchant renames, reprices, withdraws or re-offers an item (open reservations keep their price)',
  auth: { roles: ['merchant'], place: itemPlace },
  params: z.object({ itemId: Id }),
  body: ItemChanges,
  response: CatalogueItem,
  handler: async ({ params, body }, ctx) => {
    const item = await ownItem(params.itemId, ctx);
    const set = { ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)), updatedAt: ctx.now().toISOString() };
    items.change(ctx.tx, params.itemId, set);
    return { ...item, ...set };
  },
});

export const restockItem = defineRoute({
  method: 'POST',
  path: '/rewards/catalogue-items/{itemId}/restock',
  operationId: 'restockCatalogueItem',
  summary: 'The offering merchant adds stock to an item',
  auth: { roles: ['merchant'], place: itemPlace },
  params: z.object({ itemId: Id }),
  body: z.object({ quantity: z.number().int().min(1).max(100_000) }),
  response: z.object({ itemId: Id, added: z.number().int() }),
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    await ownItem(params.itemId, ctx);
    items.restock(ctx.tx, params.itemId, body.quantity, ctx.now().toISOString());
    return { itemId: params.itemId, added: body.quantity };
  },
});

export const getCatalogue = defineRoute({
  method: 'GET',
  path: '/rewards/catalogue',
  operationId: 'getCatalogue',
  summary: 'What residents of a village can redeem: its own supermarket and its township’s',
  auth: { roles: ['resident', 'merchant', ...STEWARDS], place: ({ query }) => query.village },
  query: z.object({ village: PlacePath }),
  response: z.object({ village: PlacePath, items: z.array(CatalogueItem) }),
  handler: async ({ query }, ctx) => {
    const township = parentOf(query.village);
    const lists = await Promise.all([items.listByPlace(ctx.table, query.village), township ? items.listByPlace(ctx.table, township) : []]);
    const visible = lists.flat().filter((i) => i.active || i.merchant === ctx.actor.sub);
    return { village: query.village, items: visible };
  },
});

export const getItem = defineRoute({
  method: 'GET',
  path: '/rewards/catalogue-items/{itemId}',
  operationId: 'getCatalogueItem',
  summary: 'One catalogue item with its stock counters (on the shelf, held by reservations, sold)',
  auth: { roles: ['resident', 'merchant', ...STEWARDS], place: itemPlace },
  params: z.object({ itemId: Id }),
  response: CatalogueItem,
  handler: async ({ params }, ctx) => (await items.get(ctx.table, params.itemId))!,
});

// ---------------------------------------------------------------------------------------------------------------
// Redemptions
// ---------------------------------------------------------------------------------------------------------------

/** The item as read in this attempt: the place check and the handler share one read. */
const itemOnce = (ctx: RouteContext, itemId: string) => ctx.once(`item:${itemId}`, () => items.get(ctx.table, itemId));

export const reserve = defineRoute({
  method: 'POST',
  path: '/rewards/redemptions',
  operationId: 'reserveRedemption',
  summary: 'A resident reserves an item: its points and stock are held in one transaction (no oversell, no overdraft)',
  auth: {
    roles: ['resident'],
    // A township item is redeemed by residents of its villages: check the caller's grant over their own village.
    place: async ({ body }, ctx) => {
      const item = await itemOnce(ctx, body.itemId);
      if (!item) return undefined;
      const home = ctx.identity ? (await personOnce(ctx, ctx.identity.sub))?.village : undefined;
      return home && isWithin(home, item.place) ? home : item.place;
    },
  },
  body: Reserve,
  response: Redemption,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const me = await personOnce(ctx, ctx.actor.sub);
    if (!me) throw problems.forbidden({ zh: '只有登记在册的居民可以兑换。', en: 'Only registered residents can redeem points.' });
    const item = (await itemOnce(ctx, body.itemId))!;
    const refusal = reservable(item, body.quantity);
    if (refusal) refused(refusal);
    const points = item.price * body.quantity;
    const p = posting(ctx);
    const [loaded, r] = await Promise.all([
      loadAccount(p, { person: me.id, village: me.village, household: me.household }),
      rulesFor(p, me.village),
    ]);
    let held;
    try {
      held = hold(loaded.state, points);
    } catch (err) {
      if (err instanceof LedgerError) {
        throw problems.conflict(
          'insufficient-points',
          {
            zh: `可用积分 ${loaded.state.balance}，需要 ${points}。`,
            en: `Available points ${loaded.state.balance}, needed ${points}.`,
          },
          { available: loaded.state.balance, needed: points },
        );
      }
      throw err;
    }
    const now = ctx.now();
    const redemption: Redemption = {
      redemptionId: newId(),
      itemId: item.itemId,
      itemName: item.name,
      place: item.place,
      village: loaded.holder.village,
      person: me.id,
      ...(loaded.holder.household ? { household: loaded.holder.household } : {}),
      merchant: item.merchant,
      quantity: body.quantity,
      unitPrice: item.price,
      points,
      status: 'reserved',
      reservedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + r.holdDays * 86_400_000).toISOString(),
      lots: held.taken,
    };
    append(p, loaded, held.state, { kind: 'hold', points, lots: held.taken, redemptionId: redemption.redemptionId, actor: ctx.actor.sub });
    items.holdStock(ctx.tx, item.itemId, body.quantity);
    redemptions.write(ctx.tx, redemption, undefined);
    ctx.tx.emit(RedemptionReserved, eventData(redemption, { expiresAt: redemption.expiresAt }), { place: redemption.village });
    return redemption;
  },
});

function eventData<E extends object>(r: Redemption, extra: E) {
  return {
    redemptionId: r.redemptionId,
    itemId: r.itemId,
    place: r.place,
    village: r.village,
    person: r.person,
    quantity: r.quantity,
    points: r.points,
    ...extra,
  };
}

const redemptionAt =
  (pick: 'place' | 'mine') =>
  async ({ params }: { params: { redemptionId: string } }, ctx: RouteContext) => {
    const r = await redemptions.get(ctx.table, params.redemptionId);
    if (!r) return undefined;
    // The resident acts on their order within their own village; the merchant within the item's place.
    return pick === 'mine' && r.person === ctx.identity?.sub ? r.village : r.place;
  };

export const fulfil = defineRoute({
  method: 'POST',
  path: '/rewards/redemptions/{redemptionId}/fulfilment',
  operationId: 'fulfilRedemption',
  summary: 'The offering merchant hands the item over: held points are spent, held stock is sold; never one’s own order',
  auth: { roles: ['merchant'], place: redemptionAt('place') },
  params: z.object({ redemptionId: Id }),
  response: Redemption,
  idempotent: true,
  handler: async ({ params }, ctx) => {
    const r = (await redemptions.get(ctx.table, params.redemptionId))!;
    const refusal = canFulfil(r, ctx.actor.sub);
    if (refusal) refused(refusal);
    const p = posting(ctx);
    const loaded = await loadAccount(p, { person: r.person, village: r.village });
    const after = await settledMeanwhile(ctx, r.redemptionId, () => spend(loaded.state, r.points));
    append(p, loaded, after, { kind: 'spend', points: r.points, lots: [], redemptionId: r.redemptionId, actor: ctx.actor.sub });
    items.sellStock(ctx.tx, r.itemId, r.quantity);
    const { version, ...rest } = r;
    const done: Redemption = { ...rest, status: 'fulfilled', fulfilledAt: ctx.now().toISOString(), fulfilledBy: ctx.actor.sub };
    redemptions.write(ctx.tx, done, version);
    ctx.tx.emit(RedemptionFulfilled, eventData(done, { merchant: ctx.actor.sub }), { place: done.village });
    return done;
  },
});

/**
 * Runs a step on the points an order holds. The order was read before the account: when a fulfilment and a
 * cancellation race, the one that loses can find the account already without those points (the winner committed in
 * between), which the ledger refuses. The order, read again, then says who won — answered as the 409 it is, with
 * the reason, rather than as a ledger fault.
 */
async function settledMeanwhile<T>(ctx: RouteContext, redemptionId: string, step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (!(err instanceof LedgerError)) throw err;
    const now = await redemptions.get(ctx.table, redemptionId);
    if (now?.status !== 'reserved') return refused('not-reserved');
    throw problems.conflict('points-not-held', {
      zh: '该兑换单占用的积分已不在账户中，请刷新后重试。',
      en: 'The points this order holds are no longer held on the account; reload and try again.',
    });
  }
}

/** Cancels or expires a reservation: points back into their lots, stock back on the shelf, one ledger entry. */
export async function releaseRedemption(
  p: PostingContext,
  r: Redemption & { version: number },
  reason: CancelReason,
  by: string,
): Promise<Redemption> {
  const loaded = await loadAccount(p, { person: r.person, village: r.village });
  const rules = await rulesFor(p, loaded.holder.village);
  const result = release(loaded.state, r.points, r.lots, todaysLot(p.now(), rules));
  append(p, loaded, result.state, {
    kind: 'release',
    points: r.points,
    lots: result.placed,
    redemptionId: r.redemptionId,
    reason,
    actor: by,
  });
  items.releaseStock(p.tx, r.itemId, r.quantity);
  const { version, ...rest } = r;
  const done: Redemption = { ...rest, status: 'cancelled', cancelledAt: p.now().toISOString(), cancelledBy: by, cancelReason: reason };
  redemptions.write(p.tx, done, version);
  p.tx.emit(RedemptionCancelled, eventData(done, { reason }), { place: done.village });
  return done;
}

export const cancel = defineRoute({
  method: 'POST',
  path: '/rewards/redemptions/{redemptionId}/cancellation',
  operationId: 'cancelRedemption',
  summary: 'The resident (own order) or the offering merchant cancels a reservation: points and stock are released',
  auth: { roles: ['resident', 'merchant'], place: redemptionAt('mine') },
  params: z.object({ redemptionId: Id }),
  response: Redemption,
  idempotent: true,
  handler: async ({ params }, ctx) => {
    const r = (await redemptions.get(ctx.table, params.redemptionId))!;
    const verdict = canCancel(r, { sub: ctx.actor.sub }, ctx.now().toISOString());
    if ('refused' in verdict) return refused(verdict.refused);
    return settledMeanwhile(ctx, r.redemptionId, () => releaseRedemption(posting(ctx), r, verdict.reason, ctx.actor.sub));
  },
});

export const getRedemption = defineRoute({
  method: 'GET',
  path: '/rewards/redemptions/{redemptionId}',
  operationId: 'getRedemption',
  summary: 'One order: the resident who placed it, the merchant of the item, or the village’s stewards',
  auth: { roles: ['resident', 'merchant', ...STEWARDS], place: redemptionAt('mine') },
  params: z.object({ redemptionId: Id }),
  response: Redemption,
  handler: async ({ params }, ctx) => {
    const { version: _v, ...r } = (await redemptions.get(ctx.table, params.redemptionId))!;
    if (r.person !== ctx.actor.sub && r.merchant !== ctx.actor.sub && !holdsAny(ctx.identity, STEWARDS, r.village)) {
      throw problems.forbidden({ zh: '无权查看该兑换单。', en: 'You may not read this order.' });
    }
    return r;
  },
});

export const listMyRedemptions = defineRoute({
  method: 'GET',
  path: '/rewards/redemptions',
  operationId: 'listRedemptions',
  summary: 'A resident’s orders, newest first (the resident or the village’s stewards)',
  auth: { roles: ['resident', ...STEWARDS], place: async ({ query }, ctx) => (await personOnce(ctx, query.person))?.village },
  query: z.object({ person: PersonId, ...Page }),
  response: z.object({ items: z.array(Redemption), cursor: z.string().optional() }),
  handler: async ({ query }, ctx) => {
    const village = (await personOnce(ctx, query.person))!.village;
    if (query.person !== ctx.actor.sub && !holdsAny(ctx.identity, STEWARDS, village)) {
      throw problems.forbidden({ zh: '只能查看自己的兑换单。', en: 'You may only list your own orders.' });
    }
    return redemptions.ofPerson(ctx.table, query.person, query);
  },
});

export const listShopOrders = defineRoute({
  method: 'GET',
  path: '/rewards/shop-orders',
  operationId: 'listShopOrders',
  summary: 'Orders at a village’s or township’s supermarket, newest first: a merchant sees their own items’ orders',
  auth: { roles: ['merchant', ...STEWARDS], place: ({ query }) => query.place },
  query: z.object({ place: PlacePath, status: z.enum(['reserved', 'fulfilled', 'cancelled']).optional(), ...Page }),
  response: z.object({ items: z.array(Redemption), cursor: z.string().optional() }),
  handler: async ({ query }, ctx) => {
    const page = await redemptions.ofShop(ctx.table, query.place, query);
    const steward = holdsAny(ctx.identity, STEWARDS, query.place);
    const mine = page.items.filter((r) => (steward || r.merchant === ctx.actor.sub) && (!query.status || r.status === query.status));
    return { items: mine, ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
});

export const supermarketRoutes = [
  listItem,
  changeItem,
  restockItem,
  getCatalogue,
  getItem,
  reserve,
  fulfil,
  cancel,
  getRedemption,
  listMyRedemptions,
  listShopOrders,
];
