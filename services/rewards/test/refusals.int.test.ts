import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { api, ulid } from './support.ts';
import {
  cancelRoute,
  changeItemRoute,
  fulfilRoute,
  getRedemption,
  listItemRoute,
  listMyRedemptions,
  reserveRoute,
  restockItemRoute,
} from '../handlers/supermarket.ts';
import { creditPointsRoute, getHouseholdPoints, getStatement, putEarningRules, reversePoints } from '../handlers/points.ts';

/**
 * Refusals the use cases give after the route's own checks passed (the caller holds a role over the place, but the
 * record is not theirs): each answers with the catalogue's code — a 403 `forbidden` names it as `reason`.
 */
const F = demo.fengshu;
const cadre = 'p-fengshu-01';
const otherCadre = 'p-fengshu-02';
const resident = 'p-fengshu-07-1';
const neighbour = 'p-fengshu-10-1';
const merchant = api.official('m-fengshu-shop', 'merchant', F);
const otherMerchant = api.official('m-fengshu-other', 'merchant', F);

const forbidden = (res: { status: number; body: { code?: string; reason?: string } }, reason: string) => {
  expect(res.status).toBe(403);
  expect(res.body).toMatchObject({ code: 'forbidden', reason });
};

describe('refusals of the points ledger', () => {
  it('nobody credits or corrects their own points; only county officials set a county’s rules', async () => {
    const own = await api.call(creditPointsRoute, { body: { person: cadre, reference: `own-${ulid()}`, note: '志愿服务' } }, { as: cadre });
    forbidden(own, 'own-credit');
    const made = await api.call(
      creditPointsRoute,
      { body: { person: cadre, reference: `c-${ulid()}`, note: '志愿服务' } },
      { as: otherCadre },
    );
    expect(made.status).toBe(201);
    forbidden(
      await api.call(reversePoints, { body: { entryId: made.body.entry!.entryId, reason: '更正' } }, { as: cadre }),
      'own-correction',
    );

    const countyCadre = api.official('p-county-cadre', 'cadre', demo.macheng);
    forbidden(
      await api.call(putEarningRules, { body: { scope: demo.macheng, activities: {}, reason: '县里定' } }, { as: countyCadre }),
      'county-rules-by-county',
    );
    const group = await api.call(putEarningRules, { body: { scope: `${F}/g1`, activities: {}, reason: '组里定' } }, { as: cadre });
    expect(group.status).toBe(422);
    expect(group.body.code).toBe('scope-not-county-or-village');
  });

  it('a resident reads only their own statement and their own household’s points', async () => {
    forbidden(await api.call(getStatement, { params: { person: neighbour } }, { as: resident }), 'not-your-statement');
    expect((await api.call(getStatement, { params: { person: resident } }, { as: resident })).status).toBe(200);
    forbidden(await api.call(getHouseholdPoints, { query: { household: `${F}/g2/h10` } }, { as: resident }), 'not-your-household');
  });
});

describe('refusals of the points supermarket', () => {
  it('items are managed by their merchant; only registered residents redeem; orders are read by those they concern', async () => {
    const credited = await api.call(
      creditPointsRoute,
      { body: { person: resident, reference: `fund-${ulid()}`, note: '志愿服务' } },
      { as: cadre },
    );
    expect(credited.status).toBe(201);
    const listed = await api.call(listItemRoute, { body: { place: F, name: `肥皂-${ulid()}`, price: 2, stock: 5 } }, { as: merchant });
    expect(listed.status).toBe(201);
    const itemId = listed.body.itemId;
    forbidden(
      await api.call(changeItemRoute, { params: { itemId }, body: { price: 1, reason: '改价' } }, { as: otherMerchant }),
      'not-your-item',
    );
    forbidden(await api.call(restockItemRoute, { params: { itemId }, body: { quantity: 1 } }, { as: otherMerchant }), 'not-your-item');

    const stranger = api.official('p-not-in-register', 'resident', F);
    forbidden(await api.call(reserveRoute, { body: { itemId } }, { as: stranger }), 'not-registered');

    const order = await api.call(reserveRoute, { body: { itemId } }, { as: resident });
    expect(order.status).toBe(201);
    const id = order.body.redemptionId;
    expect((await api.call(getRedemption, { params: { redemptionId: id } }, { as: resident })).status).toBe(200);
    expect((await api.call(getRedemption, { params: { redemptionId: id } }, { as: merchant })).status).toBe(200);
    forbidden(await api.call(getRedemption, { params: { redemptionId: id } }, { as: neighbour }), 'order-not-visible');
    forbidden(await api.call(listMyRedemptions, { query: { person: resident } }, { as: neighbour }), 'not-your-orders');
    expect((await api.call(listMyRedemptions, { query: { person: resident } }, { as: cadre })).body.items.length).toBeGreaterThan(0);

    forbidden(await api.call(fulfilRoute, { params: { redemptionId: id }, body: {} }, { as: otherMerchant }), 'not-the-merchant');
    forbidden(await api.call(cancelRoute, { params: { redemptionId: id }, body: {} }, { as: neighbour }), 'not-your-order');
    const cancelled = await api.call(cancelRoute, { params: { redemptionId: id }, body: {} }, { as: resident });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'cancelled-by-resident' });
    const again = await api.call(fulfilRoute, { params: { redemptionId: id }, body: {} }, { as: merchant });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('not-reserved');
  });
});
