import * as z from 'zod';
import { Id, PersonId, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { STEWARDS } from '../app/common.ts';
import {
  cancel,
  catalogueOf,
  changeItem,
  fulfil,
  itemHistory,
  itemOf,
  itemPlace,
  listItem,
  orderOf,
  orderPlace,
  ordersOf,
  personVillage,
  reservationPlace,
  reserve,
  restockItem,
  shopOrders,
} from '../app/supermarket.ts';
import { settingChangeOf } from '../domain/settings.ts';
import { CatalogueItem, ItemChanges, NewItem, Redemption, Reserve } from '../domain/supermarket.ts';

/** 积分超市: catalogue, reservations, fulfilment and release. Every change of points is a ledger entry. */

const ofItem = ({ params }: { params: { itemId: string } }, ctx: Parameters<typeof itemPlace>[1]) => itemPlace(params.itemId, ctx);

const ofOrder =
  (pick: 'place' | 'mine') =>
  ({ params }: { params: { redemptionId: string } }, ctx: Parameters<typeof orderPlace>[2]) =>
    orderPlace(params.redemptionId, pick, ctx);

export const listItemRoute = defineRoute({
  method: 'POST',
  path: '/rewards/catalogue-items',
  operationId: 'listCatalogueItem',
  summary: 'A merchant offers an item in a village’s or township’s points supermarket, with a price in points and stock',
  auth: { roles: ['merchant'], place: ({ body }) => body.place },
  body: () => NewItem(),
  response: () => CatalogueItem(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => listItem(body, ctx),
});

export const changeItemRoute = defineRoute({
  method: 'PATCH',
  path: '/rewards/catalogue-items/{itemId}',
  operationId: 'changeCatalogueItem',
  summary:
    'The offering merchant renames, reprices, withdraws or re-offers an item with the reason (audited; open reservations keep their price)',
  auth: { roles: ['merchant'], place: ofItem },
  params: () => z.object({ itemId: Id }),
  body: () => ItemChanges(),
  response: () => CatalogueItem(),
  handler: ({ params, body }, ctx) => changeItem(params.itemId, body, ctx),
});

export const itemHistoryRoute = defineRoute({
  method: 'GET',
  path: '/rewards/catalogue-items/{itemId}/history',
  operationId: 'getCatalogueItemHistory',
  summary: 'Every change of an item’s offer (price, name, withdrawn or offered), newest first: before, after, who, when, why',
  auth: { roles: ['resident', 'merchant', ...STEWARDS], place: ofItem },
  params: () => z.object({ itemId: Id }),
  query: () => z.object(pageQuery()),
  response: () =>
    z.object({
      items: z.array(settingChangeOf(CatalogueItem().pick({ name: true, description: true, price: true, active: true }))),
      cursor: z.string().optional(),
    }),
  handler: ({ params, query }, ctx) => itemHistory(params.itemId, query, ctx),
});

export const restockItemRoute = defineRoute({
  method: 'POST',
  path: '/rewards/catalogue-items/{itemId}/restock',
  operationId: 'restockCatalogueItem',
  summary: 'The offering merchant adds stock to an item',
  auth: { roles: ['merchant'], place: ofItem },
  params: () => z.object({ itemId: Id }),
  body: () => z.object({ quantity: z.number().int().min(1).max(100_000) }),
  response: () => z.object({ itemId: Id, added: z.number().int() }),
  idempotent: true,
  handler: ({ params, body }, ctx) => restockItem(params.itemId, body.quantity, ctx),
});

export const getCatalogue = defineRoute({
  method: 'GET',
  path: '/rewards/catalogue',
  operationId: 'getCatalogue',
  summary: 'What residents of a village can redeem: its own supermarket and its township’s',
  auth: { roles: ['resident', 'merchant', ...STEWARDS], place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath }),
  response: () => z.object({ village: PlacePath, items: z.array(CatalogueItem()) }),
  handler: ({ query }, ctx) => catalogueOf(query.village, ctx),
});

export const getItem = defineRoute({
  method: 'GET',
  path: '/rewards/catalogue-items/{itemId}',
  operationId: 'getCatalogueItem',
  summary: 'One catalogue item with its stock counters (on the shelf, held by reservations, sold)',
  auth: { roles: ['resident', 'merchant', ...STEWARDS], place: ofItem },
  params: () => z.object({ itemId: Id }),
  response: () => CatalogueItem(),
  handler: ({ params }, ctx) => itemOf(params.itemId, ctx),
});

// ---------------------------------------------------------------------------------------------------------------
// Redemptions
// ---------------------------------------------------------------------------------------------------------------

export const reserveRoute = defineRoute({
  method: 'POST',
  path: '/rewards/redemptions',
  operationId: 'reserveRedemption',
  summary: 'A resident reserves an item: its points and stock are held in one transaction (no oversell, no overdraft)',
  // A township item is redeemed by residents of its villages: the caller's grant is checked over their own village.
  auth: { roles: ['resident'], place: ({ body }, ctx) => reservationPlace(body.itemId, ctx) },
  body: () => Reserve(),
  response: () => Redemption(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => reserve(body, ctx),
});

export const fulfilRoute = defineRoute({
  method: 'POST',
  path: '/rewards/redemptions/{redemptionId}/fulfilment',
  operationId: 'fulfilRedemption',
  summary: 'The offering merchant hands the item over: held points are spent, held stock is sold; never one’s own order',
  auth: { roles: ['merchant'], place: ofOrder('place') },
  params: () => z.object({ redemptionId: Id }),
  response: () => Redemption(),
  idempotent: true,
  handler: ({ params }, ctx) => fulfil(params.redemptionId, ctx),
});

export const cancelRoute = defineRoute({
  method: 'POST',
  path: '/rewards/redemptions/{redemptionId}/cancellation',
  operationId: 'cancelRedemption',
  summary: 'The resident (own order) or the offering merchant cancels a reservation: points and stock are released',
  auth: { roles: ['resident', 'merchant'], place: ofOrder('mine') },
  params: () => z.object({ redemptionId: Id }),
  response: () => Redemption(),
  idempotent: true,
  handler: ({ params }, ctx) => cancel(params.redemptionId, ctx),
});

export const getRedemption = defineRoute({
  method: 'GET',
  path: '/rewards/redemptions/{redemptionId}',
  operationId: 'getRedemption',
  summary: 'One order: the resident who placed it, the merchant of the item, or the village’s stewards',
  auth: { roles: ['resident', 'merchant', ...STEWARDS], place: ofOrder('mine') },
  params: () => z.object({ redemptionId: Id }),
  response: () => Redemption(),
  handler: ({ params }, ctx) => orderOf(params.redemptionId, ctx),
});

export const listMyRedemptions = defineRoute({
  method: 'GET',
  path: '/rewards/redemptions',
  operationId: 'listRedemptions',
  summary: 'A resident’s orders, newest first (the resident or the village’s stewards)',
  auth: { roles: ['resident', ...STEWARDS], place: ({ query }, ctx) => personVillage(query.person, ctx) },
  query: () => z.object({ person: PersonId, ...pageQuery() }),
  response: () => z.object({ items: z.array(Redemption()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => ordersOf(query, ctx),
});

export const listShopOrders = defineRoute({
  method: 'GET',
  path: '/rewards/shop-orders',
  operationId: 'listShopOrders',
  summary: 'Orders at a village’s or township’s supermarket, newest first: a merchant sees their own items’ orders',
  auth: { roles: ['merchant', ...STEWARDS], place: ({ query }) => query.place },
  query: () => z.object({ place: PlacePath, status: z.enum(['reserved', 'fulfilled', 'cancelled']).optional(), ...pageQuery() }),
  response: () => z.object({ items: z.array(Redemption()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => shopOrders(query, ctx),
});

export const supermarketRoutes = [
  listItemRoute,
  changeItemRoute,
  itemHistoryRoute,
  restockItemRoute,
  getCatalogue,
  getItem,
  reserveRoute,
  fulfilRoute,
  cancelRoute,
  getRedemption,
  listMyRedemptions,
  listShopOrders,
];
