import { describe, expect, it } from 'vitest';
import { parentOf } from '@cocreate/places';
import { demo } from '@cocreate/places/seed';
import { demoDirectory } from '@cocreate/places/directory';
import { LOAD_TEST_TIMEOUT } from '@cocreate/local/testing';
import { advance, allEntries, api, audited, onBus, statement, ulid } from './support.ts';
import {
  cancelRoute,
  changeItemRoute,
  fulfilRoute,
  getCatalogue,
  getItem,
  getRedemption,
  itemHistoryRoute,
  listItemRoute,
  listMyRedemptions,
  listShopOrders,
  reserveRoute,
  restockItemRoute,
} from '../handlers/supermarket.ts';
import { creditPointsRoute, putEarningRules } from '../handlers/points.ts';

/**
 * The points supermarket through the gateway: catalogue by merchants, reserve → fulfil / cancel / expire with
 * every points movement in the ledger, the role rules (a resident cannot fulfil their own order), and 300
 * concurrent redemptions against small stock and small balances.
 */
const T = demo.taohua;
const township = parentOf(T)!;
const merchant = api.official('m-taohua-shop', 'merchant', T);
const otherMerchant = api.official('m-taohua-other', 'merchant', T);
const townMerchant = api.official('m-chengguan', 'merchant', township);
const cadre = 'p-taohua-01';

async function fund(village: string, people: string[], points: number, cadres: [string, string]) {
  // One volunteering credit worth `points` each (a village override); nobody credits themselves.
  const set = await api.call(
    putEarningRules,
    { body: { scope: village, activities: { volunteering: { points, cap: null } }, holdDays: 2, reason: '测试兑换' } },
    { as: cadres[0] },
  );
  if (set.status !== 200) throw new Error(JSON.stringify(set.body));
  for (const person of people) {
    const by = person === cadres[0] ? cadres[1] : cadres[0];
    const res = await api.call(creditPointsRoute, { body: { person, reference: `fund-${ulid()}`, note: '志愿服务' } }, { as: by });
    if (res.status !== 201) throw new Error(`funding ${person}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

async function listItem(as: typeof merchant, body: Record<string, unknown>) {
  const res = await api.call(listItemRoute, { body: { place: T, name: '洗衣液', price: 12, stock: 5, ...body } }, { as });
  if (res.status !== 201) throw new Error(`listing: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { itemId: string; price: number; stock: number };
}

const item = async (itemId: string, as = merchant) => (await api.call(getItem, { params: { itemId } }, { as })).body;

describe('catalogue', () => {
  it('merchants list items at a village or township; nobody else, nowhere else', async () => {
    expect((await api.call(listItemRoute, { body: { place: T, name: '肥皂', price: 5, stock: 3 } }, { as: 'p-taohua-07' })).status).toBe(
      403,
    );
    expect(
      (
        await api.call(
          listItemRoute,
          { body: { place: T, name: '肥皂', price: 5, stock: 3 } },
          { as: api.official('m-x', 'merchant', demo.changsheng) },
        )
      ).status,
    ).toBe(403);
    const county = await api.call(
      listItemRoute,
      { body: { place: demo.hongan, name: '肥皂', price: 5, stock: 3 } },
      { as: api.official('m-county', 'merchant', demo.hongan) },
    );
    expect(county.status).toBe(422);
    expect(county.body.code).toBe('not-a-catalogue-place');
    const bad = await api.call(listItemRoute, { body: { place: T, name: '', price: 0, stock: -1 } }, { as: merchant });
    expect(bad.status).toBe(422);
    expect(bad.body.errors!.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/name', '/price', '/stock']);
    const own = await listItem(merchant, { name: `毛巾-${ulid()}` });
    const town = await api.call(
      listItemRoute,
      { body: { place: township, name: `大米-${ulid()}`, price: 20, stock: 10 } },
      { as: townMerchant },
    );
    expect(town.status).toBe(201);
    expect(town.body.placeKind).toBe('township');
    const cat = await api.call(getCatalogue, { query: { village: T } }, { as: 'p-taohua-07' });
    expect(cat.status).toBe(200);
    const ids = cat.body.items.map((i: { itemId: string }) => i.itemId);
    expect(ids).toEqual(expect.arrayContaining([own.itemId, town.body.itemId]));
    expect((await api.call(getCatalogue, { query: { village: T } }, { as: 'p-changsheng-07' })).status).toBe(403);
  });

  it('only the offering merchant changes or restocks an item; a withdrawn item cannot be reserved', async () => {
    const it1 = await listItem(merchant, { name: `香皂-${ulid()}` });
    expect(
      (await api.call(changeItemRoute, { params: { itemId: it1.itemId }, body: { price: 3, reason: '降价' } }, { as: otherMerchant }))
        .status,
    ).toBe(403);
    expect(
      (await api.call(restockItemRoute, { params: { itemId: it1.itemId }, body: { quantity: 5 } }, { as: otherMerchant })).status,
    ).toBe(403);
    expect((await api.call(changeItemRoute, { params: { itemId: it1.itemId }, body: { reason: '无改动' } }, { as: merchant })).status).toBe(
      422,
    );
    expect((await api.call(restockItemRoute, { params: { itemId: it1.itemId }, body: { quantity: 5 } }, { as: merchant })).status).toBe(
      200,
    );
    expect((await item(it1.itemId)).stock).toBe(10);
    // raw: invalid input on purpose
    expect((await api.patch(`/rewards/catalogue-items/${it1.itemId}`, { price: 3 }, { as: merchant })).status).toBe(422); // no reason
    const repriced = await api.call(
      changeItemRoute,
      { params: { itemId: it1.itemId }, body: { price: 3, reason: '进货价下调' } },
      { as: merchant },
    );
    expect(repriced.body.price).toBe(3);
    expect(
      (await api.call(changeItemRoute, { params: { itemId: it1.itemId }, body: { active: false, reason: '暂停供应' } }, { as: merchant }))
        .status,
    ).toBe(200);
    // The item's history: each change with the offer before and after, who, when and why, newest first.
    const history = await api.call(itemHistoryRoute, { params: { itemId: it1.itemId } }, { as: 'p-taohua-07' });
    expect(history.body.items.map((c) => [c.before!.price, c.after.price, c.after.active, c.reason])).toEqual([
      [3, 3, false, '暂停供应'],
      [it1.price, 3, true, '进货价下调'],
    ]);
    await onBus<{ itemId: string }>('CatalogueItemChanged', (d) => d.itemId === it1.itemId, 2);
    const res = await api.call(reserveRoute, { body: { itemId: it1.itemId } }, { as: 'p-taohua-07' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('item-unavailable');
    expect(
      (await api.call(getCatalogue, { query: { village: T } }, { as: 'p-taohua-07' })).body.items.some(
        (i: { itemId: string }) => i.itemId === it1.itemId,
      ),
    ).toBe(false);
  });
});

describe('redemption', () => {
  const resident = 'p-taohua-07-1';
  const neighbour = 'p-taohua-10-1';

  it('reserve holds points and stock; the merchant fulfils; every movement is in the ledger', async () => {
    await fund(T, [resident, neighbour], 30, [cadre, 'p-taohua-02']);
    const before = await statement(resident);
    const soap = await listItem(merchant, { name: `洗衣液-${ulid()}`, price: 12, stock: 5 });
    const key = ulid();
    const r = await api.call(reserveRoute, { body: { itemId: soap.itemId, quantity: 2 } }, { as: resident, idempotencyKey: key });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'reserved', points: 24, quantity: 2, person: resident, village: T, merchant: 'm-taohua-shop' });
    const replay = await api.call(reserveRoute, { body: { itemId: soap.itemId, quantity: 2 } }, { as: resident, idempotencyKey: key });
    expect(replay.body.redemptionId).toBe(r.body.redemptionId);
    expect(await statement(resident)).toMatchObject({ balance: before.balance - 24, held: before.held + 24 });
    expect(await item(soap.itemId)).toMatchObject({ stock: 3, held: 2, sold: 0 });

    expect((await api.call(fulfilRoute, { params: { redemptionId: r.body.redemptionId }, body: {} }, { as: otherMerchant })).status).toBe(
      403,
    );
    expect((await api.call(fulfilRoute, { params: { redemptionId: r.body.redemptionId }, body: {} }, { as: resident })).status).toBe(403);
    const done = await api.call(fulfilRoute, { params: { redemptionId: r.body.redemptionId }, body: {} }, { as: merchant });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'fulfilled', fulfilledBy: 'm-taohua-shop' });
    expect(await statement(resident)).toMatchObject({ balance: before.balance - 24, held: before.held });
    expect(await item(soap.itemId)).toMatchObject({ stock: 3, held: 0, sold: 2 });
    const again = await api.call(fulfilRoute, { params: { redemptionId: r.body.redemptionId }, body: {} }, { as: merchant });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('not-reserved');
    expect((await api.call(cancelRoute, { params: { redemptionId: r.body.redemptionId }, body: {} }, { as: resident })).status).toBe(409);
    const kinds = (await audited(resident)).filter((e) => e.redemptionId === r.body.redemptionId).map((e) => e.kind);
    expect(kinds).toEqual(['hold', 'spend']);
    await onBus('RedemptionFulfilled', (d: { redemptionId: string }) => d.redemptionId === r.body.redemptionId, 1);
    const mine = await api.call(listMyRedemptions, { query: { person: resident } }, { as: resident });
    expect(mine.body.items.map((x: { redemptionId: string }) => x.redemptionId)).toContain(r.body.redemptionId);
    expect((await api.call(listMyRedemptions, { query: { person: resident } }, { as: neighbour })).status).toBe(403);
    const shop = await api.call(listShopOrders, { query: { place: T, status: 'fulfilled' } }, { as: merchant });
    expect(shop.body.items.map((x: { redemptionId: string }) => x.redemptionId)).toContain(r.body.redemptionId);
    const others = await api.call(listShopOrders, { query: { place: T } }, { as: otherMerchant });
    expect(others.body.items.some((x: { redemptionId: string }) => x.redemptionId === r.body.redemptionId)).toBe(false);
  });

  it('a resident who is also a merchant cannot fulfil their own order', async () => {
    const dual = api.person('p-taohua-08', [{ role: 'merchant', place: T }]);
    await fund(T, ['p-taohua-08'], 30, [cadre, 'p-taohua-02']);
    const own = await listItem(dual, { name: `自家茶叶-${ulid()}`, price: 10, stock: 2 });
    const r = await api.call(reserveRoute, { body: { itemId: own.itemId } }, { as: dual });
    expect(r.status).toBe(201);
    const refused = await api.call(fulfilRoute, { params: { redemptionId: r.body.redemptionId }, body: {} }, { as: dual });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/own order/);
    expect((await api.call(getRedemption, { params: { redemptionId: r.body.redemptionId } }, { as: dual })).body.status).toBe('reserved');
  });

  it('cancellation by the resident or the merchant releases points and stock; others cannot cancel', async () => {
    const before = await statement(neighbour);
    const soap = await listItem(merchant, { name: `牙膏-${ulid()}`, price: 7, stock: 3 });
    const a = await api.call(reserveRoute, { body: { itemId: soap.itemId } }, { as: neighbour });
    const b = await api.call(reserveRoute, { body: { itemId: soap.itemId } }, { as: neighbour });
    expect(await item(soap.itemId)).toMatchObject({ stock: 1, held: 2 });
    expect((await api.call(cancelRoute, { params: { redemptionId: a.body.redemptionId }, body: {} }, { as: resident })).status).toBe(403);
    expect((await api.call(cancelRoute, { params: { redemptionId: a.body.redemptionId }, body: {} }, { as: otherMerchant })).status).toBe(
      403,
    );
    const byResident = await api.call(cancelRoute, { params: { redemptionId: a.body.redemptionId }, body: {} }, { as: neighbour });
    expect(byResident.body).toMatchObject({ status: 'cancelled', cancelReason: 'cancelled-by-resident' });
    const byMerchant = await api.call(cancelRoute, { params: { redemptionId: b.body.redemptionId }, body: {} }, { as: merchant });
    expect(byMerchant.body).toMatchObject({ status: 'cancelled', cancelReason: 'cancelled-by-merchant' });
    expect(await item(soap.itemId)).toMatchObject({ stock: 3, held: 0, sold: 0 });
    expect(await statement(neighbour)).toMatchObject({ balance: before.balance, held: before.held });
    const lines = (await audited(neighbour)).filter((e) => e.redemptionId === a.body.redemptionId);
    expect(lines.map((e) => e.kind)).toEqual(['hold', 'release']);
    expect(lines[1]!.lots).toEqual(lines[0]!.lots);
  });

  it('refuses overdrafts, overselling and bad input with problems, never a 500', async () => {
    const rice = await listItem(merchant, { name: `大米-${ulid()}`, price: 1000, stock: 1 });
    const broke = await api.call(reserveRoute, { body: { itemId: rice.itemId } }, { as: neighbour });
    expect(broke.status).toBe(409);
    expect(broke.body).toMatchObject({ code: 'insufficient-points', needed: 1000 });
    const one = await listItem(merchant, { name: `鸡蛋-${ulid()}`, price: 1, stock: 1 });
    expect((await api.call(reserveRoute, { body: { itemId: one.itemId, quantity: 2 } }, { as: neighbour })).body.code).toBe('out-of-stock');
    const bad = await api.call(reserveRoute, { body: { itemId: 'nope', quantity: 0 } }, { as: neighbour });
    expect(bad.status).toBe(422);
    expect(bad.body.errors!.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/itemId', '/quantity']);
    expect((await api.call(reserveRoute, { body: { itemId: ulid() } }, { as: neighbour })).status).toBe(404);
    expect((await api.call(reserveRoute, { body: { itemId: one.itemId } }, { as: merchant })).status).toBe(403);
  });

  it('fulfilments racing cancellations on one order: one wins, every other answers 409 with the reason, never a 5xx', async () => {
    await fund(T, [resident], 40, [cadre, 'p-taohua-02']);
    const before = await statement(resident);
    const n = 2;
    const soap = await listItem(merchant, { name: `香皂-${ulid()}`, price: 1, stock: n });
    const orders: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await api.call(reserveRoute, { body: { itemId: soap.itemId } }, { as: resident });
      expect(r.status).toBe(201);
      orders.push(r.body.redemptionId);
    }
    // A hundred fulfilments and a hundred cancellations of each order at once: many read the order before the
    // winner commits and its account after.
    const races = await Promise.all(
      orders.map((id) =>
        Promise.all(
          Array.from({ length: 200 }, (_, i) =>
            i % 2
              ? api
                  .call(fulfilRoute, { params: { redemptionId: id }, body: {} }, { as: merchant })
                  .then((res) => ({ ...res, kind: 'fulfil' }))
              : api
                  .call(cancelRoute, { params: { redemptionId: id }, body: {} }, { as: resident })
                  .then((res) => ({ ...res, kind: 'cancel' })),
          ),
        ),
      ),
    );
    let fulfilled = 0;
    for (const answers of races) {
      const wins = answers.filter((a) => a.status === 200);
      expect(wins, JSON.stringify(answers.map((a) => [a.status, a.body.code]))).toHaveLength(1);
      for (const lost of answers.filter((a) => a.status !== 200)) expect(lost.body).toMatchObject({ status: 409, code: 'not-reserved' });
      if (wins[0]!.kind === 'fulfil') fulfilled += 1;
    }
    // Whoever won, the books agree: held points all settled, spent ones gone, released ones back.
    expect(await statement(resident)).toMatchObject({ balance: before.balance - fulfilled, held: before.held });
    expect(await item(soap.itemId)).toMatchObject({ stock: n - fulfilled, held: 0, sold: fulfilled });
  });

  it('a township item is redeemed by residents of its villages, not by others', async () => {
    const town = await api.call(
      listItemRoute,
      { body: { place: township, name: `菜籽油-${ulid()}`, price: 3, stock: 5 } },
      { as: townMerchant },
    );
    const r = await api.call(reserveRoute, { body: { itemId: town.body.itemId } }, { as: neighbour });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ place: township, village: T });
    expect((await api.call(reserveRoute, { body: { itemId: town.body.itemId } }, { as: 'p-changsheng-07' })).status).toBe(403);
    expect((await api.call(fulfilRoute, { params: { redemptionId: r.body.redemptionId }, body: {} }, { as: townMerchant })).status).toBe(
      200,
    );
  });

  it('a reservation not collected in time expires: points and stock come back', async () => {
    const before = await statement(neighbour);
    const soap = await listItem(merchant, { name: `酱油-${ulid()}`, price: 4, stock: 2 });
    const r = await api.call(reserveRoute, { body: { itemId: soap.itemId } }, { as: neighbour });
    expect(r.status).toBe(201);
    await advance('P3D'); // taohua holds reservations 2 days; moving the clock runs the jobs
    const after = await api.call(getRedemption, { params: { redemptionId: r.body.redemptionId } }, { as: neighbour });
    expect(after.body).toMatchObject({ status: 'cancelled', cancelReason: 'expired' });
    expect(await item(soap.itemId)).toMatchObject({ stock: 2, held: 0 });
    expect(await statement(neighbour)).toMatchObject({ balance: before.balance, held: before.held });
    expect((await api.call(fulfilRoute, { params: { redemptionId: r.body.redemptionId }, body: {} }, { as: merchant })).status).toBe(409);
    const cancelled = await onBus<{ redemptionId: string; reason: string }>(
      'RedemptionCancelled',
      (d) => d.redemptionId === r.body.redemptionId,
      1,
    );
    expect(cancelled.map((e) => e.data.reason)).toEqual(['expired']);
    await api.post('/_local/jobs/rewards/expire-reservations', {});
    expect((await allEntries(neighbour)).filter((e) => e.redemptionId === r.body.redemptionId).map((e) => e.kind)).toEqual([
      'hold',
      'release',
    ]);
  });
});

describe('300 concurrent redemptions against small stock and small balances', () => {
  it(
    'never oversells, never overdraws, and every ledger adds up',
    async () => {
      const S = demo.shifeng;
      const residents = demoDirectory
        .people(S)
        .filter((p) => p.roles.includes('resident'))
        .map((p) => p.id);
      expect(residents).toHaveLength(24);
      const shop = api.official('m-shifeng', 'merchant', S);
      for (const p of residents) expect((await statement(p)).balance).toBe(0);
      await fund(S, residents, 25, ['p-shifeng-01', 'p-shifeng-02']);
      const groupX = residents.slice(0, 12); // small stock: 10 units at 5 points (each could afford 5)
      const groupY = residents.slice(12); // small balances: 25 points, price 10 (each can afford 2)
      const small = (await api.call(listItemRoute, { body: { place: S, name: '限量毛巾', price: 5, stock: 10 } }, { as: shop })).body;
      const large = (await api.call(listItemRoute, { body: { place: S, name: '食盐', price: 10, stock: 1000 } }, { as: shop })).body;

      const requests = [
        ...Array.from({ length: 150 }, (_, i) => ({ person: groupX[i % 12]!, itemId: small.itemId as string })),
        ...Array.from({ length: 150 }, (_, i) => ({ person: groupY[i % 12]!, itemId: large.itemId as string })),
      ];
      for (let i = requests.length - 1; i > 0; i--) {
        const j = (i * 7919) % (i + 1);
        [requests[i], requests[j]] = [requests[j]!, requests[i]!];
      }
      const results = await Promise.all(
        requests.map((r) => api.call(reserveRoute, { body: { itemId: r.itemId } }, { as: r.person }).then((res) => ({ ...r, res }))),
      );
      expect(results.filter((r) => r.res.status >= 500)).toEqual([]);
      const won = results.filter((r) => r.res.status === 201);
      const lost = results.filter((r) => r.res.status !== 201);
      expect(lost.every((r) => r.res.status === 409 && ['out-of-stock', 'insufficient-points'].includes(r.res.body.code!))).toBe(true);

      const wonSmall = won.filter((r) => r.itemId === small.itemId);
      const wonLarge = won.filter((r) => r.itemId === large.itemId);
      expect(wonSmall).toHaveLength(10);
      expect(wonLarge).toHaveLength(24);
      expect(await item(small.itemId, shop)).toMatchObject({ stock: 0, held: 10, sold: 0 });
      expect(await item(large.itemId, shop)).toMatchObject({ stock: 976, held: 24, sold: 0 });

      for (const p of residents) {
        const list = await audited(p);
        const s = await statement(p);
        const price = groupX.includes(p) ? 5 : 10;
        const mine = won.filter((r) => r.person === p).length;
        expect(s.balance).toBeGreaterThanOrEqual(0);
        expect(s).toMatchObject({ held: price * mine, balance: 25 - price * mine, debt: 0 });
        expect(list.filter((e) => e.kind === 'hold')).toHaveLength(mine);
        if (groupY.includes(p)) expect(mine).toBe(2);
      }
      const ids = new Set(won.map((r) => r.res.body.redemptionId));
      expect(ids.size).toBe(34);
      await onBus<{ redemptionId: string }>('RedemptionReserved', (d) => ids.has(d.redemptionId), 34);
    },
    LOAD_TEST_TIMEOUT,
  );
});
