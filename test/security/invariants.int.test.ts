import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { newId } from '@cocreate/kernel';
import { LocalApi } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { inGroups } from './judging.ts';
import { creditPointsRoute, getStatement, putEarningRules } from '../../services/rewards/handlers/points.ts';
import { getItem, getRedemption, listItemRoute, reserveRoute, restockItemRoute } from '../../services/rewards/handlers/supermarket.ts';

/**
 * Property-based invariants with random interleavings (issue 16): fast-check draws a sequence of operations and how
 * they are grouped, each group is sent at once (real concurrent requests through the gateway), and afterwards what
 * the books say must add up — whatever the order the services saw the requests in.
 *
 * Points and stock (the points supermarket, 积分超市): credits, reservations, fulfilments, cancellations and
 * restocks of two items by six residents, interleaved. Then, for every item, no negative stock and
 * stock + held + sold = listed + restocked, with held and sold exactly the reserved and fulfilled orders; for every
 * resident, no negative balance, balance and held moved exactly by what the answers said happened (credits in,
 * reserved and fulfilled orders out).
 */
const stack = inject('stack');
const api = new LocalApi(stack.url);
const V = demo.taohua;
const cadres = ['p-taohua-01', 'p-taohua-02'] as const;
const residents = ['p-taohua-07', 'p-taohua-08', 'p-taohua-09', 'p-taohua-10', 'p-taohua-11', 'p-taohua-12'];
const merchant = api.official('m-taohua-invariants', 'merchant', V);
const POINTS_PER_CREDIT = 10;
const RUNS = Number(process.env.COCREATE_INVARIANT_RUNS ?? 4);
const SEED =
  process.env.COCREATE_INVARIANT_SEED === 'random' ? Date.now() % 2_147_483_647 : Number(process.env.COCREATE_INVARIANT_SEED ?? 16);

type Op =
  | { kind: 'credit'; person: number }
  | { kind: 'reserve'; person: number; item: number; quantity: number }
  | { kind: 'fulfil'; order: number }
  | { kind: 'cancel'; order: number; byMerchant: boolean }
  | { kind: 'restock'; item: number; quantity: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('credit' as const), person: fc.nat(residents.length - 1) }),
  fc.record({
    kind: fc.constant('reserve' as const),
    person: fc.nat(residents.length - 1),
    item: fc.nat(1),
    quantity: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({ kind: fc.constant('fulfil' as const), order: fc.nat(30) }),
  fc.record({ kind: fc.constant('cancel' as const), order: fc.nat(30), byMerchant: fc.boolean() }),
  fc.record({ kind: fc.constant('restock' as const), item: fc.nat(1), quantity: fc.integer({ min: 1, max: 3 }) }),
);

interface Order {
  id: string;
  person: string;
  item: number;
  points: number;
  quantity: number;
}

async function statement(person: string) {
  const res = await api.call(getStatement, { params: { person }, query: { limit: 1 } }, { as: person });
  if (res.status !== 200) throw new Error(`statement ${person}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { balance: number; held: number };
}

describe('invariants under random interleavings', () => {
  it('points and stock: no overdraft, no oversell, and the books add up', { timeout: 600_000 }, async () => {
    const rule = await api.call(
      putEarningRules,
      { body: { scope: V, activities: { volunteering: { points: POINTS_PER_CREDIT, cap: null } }, holdDays: 2, reason: '不变量测试' } },
      { as: cadres[0] },
    );
    expect(rule.status).toBe(200);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 8, maxLength: 28 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 28 }),
        async (ops, groups) => {
          runs++;
          const items = await Promise.all(
            [3, 7].map(async (price, i) => {
              const res = await api.call(
                listItemRoute,
                { body: { place: V, name: `洗衣液-${i}-${newId()}`, price, stock: 3 } },
                { as: merchant },
              );
              expect(res.status).toBe(201);
              return { id: res.body.itemId as string, price, listed: 3, restocked: 0 };
            }),
          );
          const before = new Map(await Promise.all(residents.map(async (p) => [p, await statement(p)] as const)));
          const credited = new Map<string, number>();
          const orders: Order[] = [];
          const run = async (o: Op, known: readonly Order[]): Promise<void> => {
            switch (o.kind) {
              case 'credit': {
                const person = residents[o.person]!;
                const res = await api.call(
                  creditPointsRoute,
                  { body: { person, reference: `inv-${newId()}`, note: '志愿服务' } },
                  { as: cadres[o.person % 2] },
                );
                expect(res.status, JSON.stringify(res.body)).toBe(201);
                credited.set(person, (credited.get(person) ?? 0) + 1);
                return;
              }
              case 'reserve': {
                const person = residents[o.person]!;
                const item = items[o.item]!;
                const res = await api.call(reserveRoute, { body: { itemId: item.id, quantity: o.quantity } }, { as: person });
                expect([201, 409], JSON.stringify(res.body)).toContain(res.status);
                if (res.status === 201)
                  orders.push({ id: res.body.redemptionId, person, item: o.item, points: res.body.points, quantity: o.quantity });
                else expect(['insufficient-points', 'out-of-stock']).toContain(res.body.code);
                return;
              }
              case 'fulfil':
              case 'cancel': {
                const order = known[o.order % Math.max(known.length, 1)];
                if (!order) return;
                const by = o.kind === 'fulfil' || o.byMerchant ? merchant : order.person;
                const res = await api.post(
                  `/rewards/redemptions/${order.id}/${o.kind === 'fulfil' ? 'fulfilment' : 'cancellation'}`,
                  {},
                  { as: by },
                );
                // Racing the other way, the loser is told why (409), never a 5xx.
                expect([200, 409], JSON.stringify(res.body)).toContain(res.status);
                return;
              }
              case 'restock': {
                const item = items[o.item]!;
                const res = await api.call(
                  restockItemRoute,
                  { params: { itemId: item.id }, body: { quantity: o.quantity } },
                  { as: merchant },
                );
                expect(res.status, JSON.stringify(res.body)).toBe(200);
                item.restocked += o.quantity;
                return;
              }
            }
          };
          // Each group at once; a fulfilment or cancellation picks among the orders placed before its group.
          for (const group of inGroups(ops, groups)) {
            const known = [...orders];
            await Promise.all(group.map((o) => run(o, known)));
          }

          const states = await Promise.all(
            orders.map(async (o) => ({
              ...o,
              status: (await api.call(getRedemption, { params: { redemptionId: o.id } }, { as: o.person })).body.status as string,
            })),
          );
          for (const [i, item] of items.entries()) {
            const now = (await api.call(getItem, { params: { itemId: item.id } }, { as: merchant })).body;
            const mine = states.filter((s) => s.item === i);
            const qty = (status: string) => mine.filter((s) => s.status === status).reduce((a, s) => a + s.quantity, 0);
            expect(now.stock).toBeGreaterThanOrEqual(0);
            expect({ held: now.held, sold: now.sold }).toEqual({ held: qty('reserved'), sold: qty('fulfilled') });
            expect(now.stock + now.held + now.sold).toBe(item.listed + item.restocked);
          }
          for (const person of residents) {
            const was = before.get(person)!;
            const now = await statement(person);
            const mine = states.filter((s) => s.person === person);
            const points = (...status: string[]) => mine.filter((s) => status.includes(s.status)).reduce((a, s) => a + s.points, 0);
            expect(now.balance).toBeGreaterThanOrEqual(0);
            expect(now.held).toBe(was.held + points('reserved'));
            expect(now.balance).toBe(was.balance + POINTS_PER_CREDIT * (credited.get(person) ?? 0) - points('reserved', 'fulfilled'));
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(runs).toBe(RUNS);
  });
});
