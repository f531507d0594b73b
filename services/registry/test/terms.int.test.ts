import { beforeAll, describe, expect, it } from 'vitest';
import { api, busEvents, callers, eventually, household, registerTree, tree } from './support.ts';
import { bodyMembersRoute, endMembershipRoute, startMembershipRoute } from '../handlers/memberships.ts';
import { getHouseholdRoute } from '../handlers/people.ts';
import { getPropertyRoute, recordOwnerRoute, recordSaleRoute } from '../handlers/properties.ts';

let seller: string;
let buyer: string;
let flat: string;
const cadres = { village: tree.village, body: 'two-committees' } as const;

beforeAll(async () => {
  await registerTree();
  const a = await household(tree.compound, 'h03', callers.communityCadre, [], '陈卖方');
  const b = await household(tree.compound, 'h04', callers.communityCadre, [], '林买方');
  flat = a.path;
  seller = a.head;
  buyer = b.head;
  await household(`${tree.village}/g1`, 'h01', callers.cadre, ['周委员', '吴委员', '郑新委员'], '王书记');
});

describe('owners over time: a sale mid-year', () => {
  it('records an owner’s share, then a sale: the seller owns before the day, the buyer from it', async () => {
    const owned = await api.call(
      recordOwnerRoute,
      { body: { property: flat, person: seller, area: 88.4, from: '2020-01-01' } },
      { as: callers.communityCadre },
    );
    expect(owned).toMatchObject({
      status: 201,
      body: { path: flat, village: tree.community, owners: [{ person: seller, area: 88.4, from: '2020-01-01' }], revision: 1 },
    });
    const sale = await api.call(
      recordSaleRoute,
      { body: { property: flat, seller, buyer, on: '2027-06-15' } },
      { as: callers.communityCadre },
    );
    expect(sale).toMatchObject({ status: 201, body: { revision: 2 } });
    expect(sale.body.owners).toEqual([
      { person: seller, area: 88.4, from: '2020-01-01', until: '2027-06-15' },
      { person: buyer, area: 88.4, from: '2027-06-15' },
    ]);
    const before = await api.call(getPropertyRoute, { query: { path: flat, on: '2027-06-14' } }, { as: callers.communityCadre });
    expect(before.body.ownersOn.map((o: any) => o.person)).toEqual([seller]);
    const after = await api.call(getPropertyRoute, { query: { path: flat, on: '2027-06-15' } }, { as: callers.communityCadre });
    expect(after.body.ownersOn.map((o: any) => o.person)).toEqual([buyer]);
    const events = await eventually('OwnershipChanged', (d) => d.path === flat && d.revision === 2);
    expect(events[0].data.owners).toHaveLength(2);
  });

  it('refuses a seller who no longer owns it, a repeated share, a village household and an unknown buyer', async () => {
    const again = await api.call(
      recordSaleRoute,
      { body: { property: flat, seller, buyer, on: '2027-07-01' } },
      { as: callers.communityCadre },
    );
    expect(again).toMatchObject({ status: 409, body: { code: 'seller-not-owner' } });
    const overlap = await api.call(
      recordOwnerRoute,
      { body: { property: flat, person: buyer, area: 10, from: '2027-08-01' } },
      { as: callers.communityCadre },
    );
    expect(overlap).toMatchObject({ status: 409, body: { code: 'owner-term-overlaps' } });
    const village = await api.call(
      recordOwnerRoute,
      { body: { property: `${tree.village}/g1/h01`, person: seller, area: 120, from: '2020-01-01' } },
      { as: callers.cadre },
    );
    expect(village).toMatchObject({ status: 422, body: { code: 'not-a-flat', errors: [{ pointer: '/property' }] } });
    const nobody = await api.call(
      recordSaleRoute,
      { body: { property: flat, seller: buyer, buyer: 'p-nobody', on: '2028-01-01' } },
      { as: callers.communityCadre },
    );
    expect(nobody).toMatchObject({ status: 422, body: { code: 'person-unknown', errors: [{ pointer: '/buyer' }] } });
    const elsewhere = await api.call(
      recordSaleRoute,
      { body: { property: flat, seller: buyer, buyer: seller, on: '2028-01-01' } },
      { as: callers.cadre },
    );
    expect(elsewhere.status).toBe(403);
  });
});

describe('an election mid-year (换届选举): members of a body on a day', () => {
  it('the old committee sits before the election day, the new one from it; the route has one answer per day', async () => {
    const hh = await api.call(getHouseholdRoute, { query: { path: `${tree.village}/g1/h01` } }, { as: callers.cadre });
    const [secretary, zhou, wu, zheng] = hh.body.members as string[];
    const start = (person: string, from: string, title?: string) =>
      api.call(startMembershipRoute, { body: { ...cadres, person, from, ...(title ? { title } : {}) } }, { as: callers.cadre });
    const s1 = await start(secretary!, '2024-01-01', '书记');
    expect(s1).toMatchObject({ status: 201, body: { ...cadres, person: secretary, title: '书记', from: '2024-01-01', revision: 1 } });
    const s2 = await start(zhou!, '2024-01-01', '委员');
    await start(wu!, '2024-01-01', '委员');
    // The election of 2027-03-01: 周 steps down, 郑 is elected, the others stay.
    const ended = await api.call(
      endMembershipRoute,
      { params: { membershipId: s2.body.membershipId }, body: { until: '2027-03-01', reason: 'term-ended' } },
      { as: callers.cadre },
    );
    expect(ended).toMatchObject({ status: 200, body: { until: '2027-03-01', revision: 2 } });
    expect((await start(zheng!, '2027-03-01', '委员')).status).toBe(201);
    const on = async (day: string) =>
      ((await api.call(bodyMembersRoute, { query: { ...cadres, on: day } }, { as: callers.supervisor })).body.members as any[])
        .map((m) => m.person)
        .sort();
    expect(await on('2027-02-28')).toEqual([secretary, zhou, wu].sort());
    expect(await on('2027-03-01')).toEqual([secretary, wu, zheng].sort());
    expect(await on('2023-12-31')).toEqual([]);
    const roster = await api.call(bodyMembersRoute, { query: { ...cadres, on: '2027-03-01' } }, { as: callers.township });
    expect(roster.body.members.find((m: any) => m.person === secretary)).toMatchObject({ title: '书记', maskedName: '王*记' });
    expect(await eventually('MembershipEnded', (d) => d.membershipId === s2.body.membershipId)).toHaveLength(1);
    expect((await busEvents('MembershipStarted', (d) => d.village === tree.village)).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses an overlapping term on the same body (409), ending twice, an end before the start, a body outside a village', async () => {
    const hh = await api.call(getHouseholdRoute, { query: { path: `${tree.village}/g1/h01` } }, { as: callers.cadre });
    const secretary = hh.body.members[0]!;
    const twice = await api.call(
      startMembershipRoute,
      { body: { ...cadres, person: secretary, from: '2026-01-01' } },
      { as: callers.cadre },
    );
    expect(twice).toMatchObject({ status: 409, body: { code: 'overlapping-term' } });
    const concurrent = await Promise.all(
      ['2030-01-01', '2030-06-01'].map((from) =>
        api.call(
          startMembershipRoute,
          { body: { village: tree.village, body: 'worthies-council', person: secretary, from } },
          { as: callers.cadre },
        ),
      ),
    );
    expect(concurrent.map((r) => r.status).sort()).toEqual([201, 409]);
    const zhouTerm = (await busEvents('MembershipEnded', (d) => d.village === tree.village))[0].data;
    const endAgain = await api.call(
      endMembershipRoute,
      { params: { membershipId: zhouTerm.membershipId }, body: { until: '2027-04-01', reason: 'resigned' } },
      { as: callers.cadre },
    );
    expect(endAgain).toMatchObject({ status: 409, body: { code: 'membership-ended' } });
    const open = (await api.call(bodyMembersRoute, { query: { ...cadres, on: '2027-03-01' } }, { as: callers.cadre })).body.members[0];
    const early = await api.call(
      endMembershipRoute,
      { params: { membershipId: open!.membershipId }, body: { until: open!.from, reason: 'corrected' } },
      { as: callers.cadre },
    );
    expect(early).toMatchObject({ status: 422, body: { code: 'until-not-after-from' } });
    // raw: invalid input on purpose
    const notVillage = await api.post(
      '/registry/memberships',
      { village: `${tree.village}/g1`, body: 'party-branch', person: secretary, from: '2026-01-01' },
      { as: callers.cadre },
    );
    expect(notVillage).toMatchObject({ status: 422, body: { code: 'not-a-village' } });
    const byOther = await api.call(
      endMembershipRoute,
      { params: { membershipId: open!.membershipId }, body: { until: '2028-01-01', reason: 'recalled' } },
      { as: callers.otherCadre },
    );
    expect(byOther.status).toBe(403);
    expect(
      (
        await api.call(
          endMembershipRoute,
          { params: { membershipId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0C' }, body: { until: '2028-01-01', reason: 'recalled' } },
          { as: callers.cadre },
        )
      ).status,
    ).toBe(404);
  });
});
