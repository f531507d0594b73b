import { CatalogueItemChanged, RedemptionCancelled, RedemptionFulfilled, RedemptionReserved, isRefused } from '@cocreate/contracts';
import { type RouteContext, type Versioned, newId } from '@cocreate/kernel';
import { isWithin, parentOf } from '@cocreate/places';
import {
  type CatalogueItem,
  type NewItem,
  type Redemption,
  canManage,
  decideFulfilment,
  decideListing,
  decideRelease,
  decideReservation,
} from '../domain/supermarket.ts';
import { auditEntry } from '../domain/settings.ts';
import { audit } from '../repos/audit.ts';
import { items } from '../repos/items.ts';
import { redemptions } from '../repos/redemptions.ts';
import { STEWARDS, holdsAny, listedVillage, personOnce, refuse, refuseFields, settled } from './common.ts';
import { posting } from './points.ts';
import { type PostingContext, append, loadAccount, rulesFor, todaysLot } from './posting.ts';

/** 积分超市: catalogue, reservations, fulfilment and release. Every change of points is a ledger entry. */

// ---------------------------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------------------------

/** The item as read in this attempt: the place check and the use case share one read. */
const itemOnce = (ctx: RouteContext, itemId: string) => ctx.once(`item:${itemId}`, () => items.get(ctx.table, itemId));

/** The place of an item's supermarket (the place check of its merchant and its readers). */
export const itemPlace = async (itemId: string, ctx: RouteContext): Promise<string | undefined> => (await itemOnce(ctx, itemId))?.place;

export async function listItem(cmd: NewItem, ctx: RouteContext): Promise<CatalogueItem> {
  const kind = (await ctx.register.place(cmd.place))?.kind;
  const item = decideListing(cmd, { itemId: newId(), merchant: ctx.actor.sub, at: ctx.now().toISOString(), placeKind: kind });
  if (isRefused(item)) {
    throw refuseFields(item.refused, [
      {
        in: 'body',
        pointer: '/place',
        rule: 'catalogue-place',
        message: { zh: '须为村、社区或乡镇', en: 'a village, community or township' },
      },
    ]);
  }
  items.create(ctx.tx, item);
  return item;
}

/** The item, if the caller is the merchant offering it. */
async function ownItem(itemId: string, ctx: RouteContext): Promise<CatalogueItem> {
  const item = (await itemOnce(ctx, itemId))!;
  settled(canManage(item, ctx.actor.sub));
  return item;
}

/** The audited part of an item: its offer (what residents see and pay), not its stock counters. */
const offerOf = (i: CatalogueItem) => ({
  name: i.name,
  ...(i.description !== undefined ? { description: i.description } : {}),
  price: i.price,
  active: i.active,
});

/**
 * The offering merchant renames, reprices, withdraws or re-offers an item, with the reason: kept in the item's
 * history with the offer before and after, and published (CatalogueItemChanged). Written on the item as read (a
 * concurrent change makes it recompute, so `before` is always the offer it replaced).
 */
export async function changeItem(
  itemId: string,
  changes: Partial<Pick<CatalogueItem, 'name' | 'description' | 'price' | 'active'>> & { reason: string },
  ctx: RouteContext,
) {
  const item = await ownItem(itemId, ctx);
  const { reason, ...fields } = changes;
  const set = { ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)), updatedAt: ctx.now().toISOString() };
  items.change(ctx.tx, itemId, set, item.updatedAt);
  const next = { ...item, ...set } as CatalogueItem;
  const entry = auditEntry({
    changeId: newId(),
    setting: 'catalogue-item',
    scope: itemId,
    before: offerOf(item),
    after: offerOf(next),
    by: ctx.actor.sub,
    now: ctx.now(),
    reason,
  });
  audit.record(ctx.tx, entry);
  ctx.tx.emit(
    CatalogueItemChanged,
    {
      changeId: entry.changeId,
      itemId,
      place: item.place,
      before: entry.before!,
      after: entry.after,
      changedBy: entry.changedBy,
      changedAt: entry.changedAt,
      reason,
    },
    { place: item.place },
  );
  return next;
}

/** Every change of an item's offer, newest first: before, after, who, when, why. */
export const itemHistory = (itemId: string, query: { limit: number; cursor?: string | undefined }, ctx: RouteContext) =>
  audit.history<ReturnType<typeof offerOf>>(ctx.table, 'catalogue-item', itemId, query);

export async function restockItem(itemId: string, quantity: number, ctx: RouteContext) {
  await ownItem(itemId, ctx);
  items.restock(ctx.tx, itemId, quantity, ctx.now().toISOString());
  return { itemId, added: quantity };
}

/** What residents of a village can redeem: its own supermarket and its township's (inactive items only to their merchant). */
export async function catalogueOf(village: string, ctx: RouteContext) {
  await listedVillage(ctx, village);
  const township = parentOf(village);
  const lists = await Promise.all([items.listByPlace(ctx.table, village), township ? items.listByPlace(ctx.table, township) : []]);
  return { village, items: lists.flat().filter((i) => i.active || i.merchant === ctx.actor.sub) };
}

export const itemOf = async (itemId: string, ctx: RouteContext): Promise<CatalogueItem> => (await itemOnce(ctx, itemId))!;

// ---------------------------------------------------------------------------------------------------------------
// Redemptions
// ---------------------------------------------------------------------------------------------------------------

/**
 * Where a resident reserves: a township item is redeemed by residents of its villages, so the caller's grant is
 * checked over their own village.
 */
export async function reservationPlace(itemId: string, ctx: RouteContext): Promise<string | undefined> {
  const item = await itemOnce(ctx, itemId);
  if (!item) return undefined;
  const home = ctx.identity ? (await personOnce(ctx, ctx.identity.sub))?.village : undefined;
  return home && isWithin(home, item.place) ? home : item.place;
}

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

/** A resident reserves an item: its points and stock are held in one transaction (no oversell, no overdraft). */
export async function reserve(cmd: { itemId: string; quantity: number }, ctx: RouteContext): Promise<Redemption> {
  const me = await personOnce(ctx, ctx.actor.sub);
  if (!me) throw refuse('not-registered');
  const item = (await itemOnce(ctx, cmd.itemId))!;
  const p = posting(ctx);
  const [loaded, r] = await Promise.all([
    loadAccount(p, { person: me.id, village: me.village, household: me.household }),
    rulesFor(p, me.village),
  ]);
  const { redemption, state } = settled(
    decideReservation(item, cmd.quantity, loaded.state, {
      redemptionId: newId(),
      person: me.id,
      village: loaded.holder.village,
      household: loaded.holder.household,
      now: ctx.now(),
      holdDays: r.holdDays,
    }),
  );
  append(p, loaded, state, {
    kind: 'hold',
    points: redemption.points,
    lots: redemption.lots,
    redemptionId: redemption.redemptionId,
    actor: ctx.actor.sub,
  });
  items.holdStock(ctx.tx, item.itemId, cmd.quantity, refuse('out-of-stock'));
  redemptions.write(ctx.tx, redemption, undefined);
  ctx.tx.emit(RedemptionReserved, eventData(redemption, { expiresAt: redemption.expiresAt }), { place: redemption.village });
  return redemption;
}

/** The order as read in this attempt: the place check and the use case share one read. */
const orderOnce = (ctx: RouteContext, id: string) => ctx.once(`order:${id}`, () => redemptions.get(ctx.table, id));

/** Where an order is acted on: the resident within their own village (`mine`), the merchant within the item's place. */
export async function orderPlace(redemptionId: string, pick: 'place' | 'mine', ctx: RouteContext): Promise<string | undefined> {
  const r = (await orderOnce(ctx, redemptionId))?.value;
  if (!r) return undefined;
  return pick === 'mine' && r.person === ctx.identity?.sub ? r.village : r.place;
}

/**
 * Who settled an order the account no longer holds the points of. The order was read before the account: when a
 * fulfilment and a cancellation race, the loser can find the points gone (the winner committed in between). The order,
 * read again, says who won — `not-reserved` when it was settled, else `points-not-held`.
 */
async function settledMeanwhile(table: PostingContext['table'], redemptionId: string): Promise<'not-reserved' | 'points-not-held'> {
  const now = await redemptions.get(table, redemptionId);
  return now?.value.status !== 'reserved' ? 'not-reserved' : 'points-not-held';
}

/** The offering merchant hands the item over: held points are spent, held stock is sold. */
export async function fulfil(redemptionId: string, ctx: RouteContext): Promise<Redemption> {
  const { value: r, version } = (await orderOnce(ctx, redemptionId))!;
  const p = posting(ctx);
  const loaded = await loadAccount(p, { person: r.person, village: r.village });
  const decided = decideFulfilment(r, ctx.actor.sub, loaded.state, ctx.now().toISOString());
  if (isRefused(decided) && decided.refused === 'points-not-held') throw refuse(await settledMeanwhile(ctx.table, r.redemptionId));
  const { done, state } = settled(decided);
  append(p, loaded, state, { kind: 'spend', points: r.points, lots: [], redemptionId: r.redemptionId, actor: ctx.actor.sub });
  items.sellStock(ctx.tx, r.itemId, r.quantity);
  redemptions.write(ctx.tx, done, version);
  ctx.tx.emit(RedemptionFulfilled, eventData(done, { merchant: ctx.actor.sub }), { place: done.village });
  return done;
}

/**
 * Cancels or expires a reservation: points back into their lots, stock back on the shelf, one ledger entry. Returns
 * the cancelled order, or the refusal (`points-not-held` when another change settled it meanwhile).
 */
export async function releaseRedemption(p: PostingContext, stored: Versioned<Redemption>, by: { sub: string } | 'expiry') {
  const r = stored.value;
  const loaded = await loadAccount(p, { person: r.person, village: r.village });
  const rules = await rulesFor(p, loaded.holder.village);
  const decided = decideRelease(r, by, loaded.state, { at: p.now().toISOString(), fallback: todaysLot(p.now(), rules), actor: p.actor });
  if (isRefused(decided)) return decided;
  const { done, result, reason } = decided;
  append(p, loaded, result.state, {
    kind: 'release',
    points: r.points,
    lots: result.placed,
    redemptionId: r.redemptionId,
    reason,
    actor: p.actor,
  });
  items.releaseStock(p.tx, r.itemId, r.quantity);
  redemptions.write(p.tx, done, stored.version);
  p.tx.emit(RedemptionCancelled, eventData(done, { reason }), { place: done.village });
  return done;
}

/** The resident (own order) or the offering merchant cancels a reservation. */
export async function cancel(redemptionId: string, ctx: RouteContext): Promise<Redemption> {
  const stored = (await orderOnce(ctx, redemptionId))!;
  const out = await releaseRedemption(posting(ctx), stored, { sub: ctx.actor.sub });
  if (isRefused(out) && out.refused === 'points-not-held') throw refuse(await settledMeanwhile(ctx.table, redemptionId));
  return settled(out);
}

/** One order: the resident who placed it, the merchant of the item, or the village's stewards. */
export async function orderOf(redemptionId: string, ctx: RouteContext): Promise<Redemption> {
  const r = (await orderOnce(ctx, redemptionId))!.value;
  if (r.person !== ctx.actor.sub && r.merchant !== ctx.actor.sub && !holdsAny(ctx.identity, STEWARDS, r.village)) {
    throw refuse('order-not-visible');
  }
  return r;
}

/** The registered village of the person whose orders are listed (the place check). */
export const personVillage = async (person: string, ctx: RouteContext): Promise<string | undefined> =>
  (await personOnce(ctx, person))?.village;

/** A resident's orders, newest first (the resident or the village's stewards). */
export async function ordersOf(query: { person: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  const village = (await personOnce(ctx, query.person))!.village;
  if (query.person !== ctx.actor.sub && !holdsAny(ctx.identity, STEWARDS, village)) throw refuse('not-your-orders');
  return redemptions.ofPerson(ctx.table, query.person, query);
}

/** Orders at a supermarket, newest first: a merchant sees their own items' orders, stewards all. */
export async function shopOrders(
  query: { place: string; status?: Redemption['status'] | undefined; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
) {
  const page = await redemptions.ofShop(ctx.table, query.place, query);
  const steward = holdsAny(ctx.identity, STEWARDS, query.place);
  const mine = page.items.filter((r) => (steward || r.merchant === ctx.actor.sub) && (!query.status || r.status === query.status));
  return { items: mine, ...(page.cursor ? { cursor: page.cursor } : {}) };
}
