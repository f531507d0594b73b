import { describe, expect, inject, it } from 'vitest';
import { LocalApi } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { PATH_TO_CONSTRUCTION, addDays, addMilestone, moveAll, openProject, receive, today } from '../../services/projects/test/helpers.ts';
import { allocateFunds } from '../../services/projects/handlers/pools.ts';
import { bodyMembersRoute, endMembershipRoute, startMembershipRoute } from '../../services/registry/handlers/memberships.ts';
import { getPoll, openPoll as openPollRoute, respondToPoll } from '../../services/deliberation/handlers/consent.ts';
import { recordSaleRoute } from '../../services/registry/handlers/properties.ts';
import { requestDisbursement } from '../../services/projects/handlers/disbursements.ts';

/**
 * The register (村情台账) drives what the services decide, from the day it says and never backwards: an election
 * recorded through the registry changes who may countersign from its date; a flat sold while a consent poll is open
 * leaves that poll's electorate as it opened. Everything through the HTTP API and the bus, as in AWS.
 */
const api = new LocalApi(inject('stack').url);
const V = demo.majiaqiao;
const secretary = 'p-majiaqiao-01';
const treasurer = 'p-majiaqiao-02';
const outgoing = 'p-majiaqiao-10'; // on the supervision committee since the demo's first term
const elected = 'p-majiaqiao-07'; // elected to it mid-year
const township = api.official('t-qiliping-register', 'township-official', demo.qiliping);

/** Every copy of the register has what the registry published. */
const settle = () => api.get('/_local/bus/idle');

async function disbursementAwaitingCountersignature(): Promise<string> {
  const { projectId } = await openProject({ budget: 10_000_000 });
  await moveAll(projectId, PATH_TO_CONSTRUCTION);
  const milestone = await addMilestone(projectId, { title: '材料进场', weight: 10 });
  const source = await receive(V, 100_000, { restriction: { projects: [projectId] }, source: 'worthies-donation', from: '马家桥村乡贤' });
  expect(
    (
      await api.call(
        allocateFunds,
        { params: { projectId }, body: { amount: 100_000, sources: [{ sourceId: source.sourceId, amount: 100_000 }] } },
        { as: secretary },
      )
    ).status,
  ).toBe(201);
  const d = await api.call(
    requestDisbursement,
    {
      params: { projectId },
      body: {
        milestoneId: milestone.milestoneId,
        amount: 10_000,
        purpose: 'materials',
        payee: { kind: 'organisation', name: '七里坪建材店' },
        description: '水泥 1 吨',
      },
    },
    { as: treasurer },
  );
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  const url = `/projects/projects/${projectId}/disbursements/${d.body.disbursementId}`;
  expect((await api.post(`${url}/approve`, {}, { as: secretary })).status).toBe(200);
  return `${url}/countersign`;
}

describe('a committee election recorded mid-year (换届选举)', () => {
  it('changes who may countersign a disbursement from the day it takes effect, not before', async () => {
    const day = await today();
    const from = addDays(day, 1);
    const seated = await api.call(bodyMembersRoute, { query: { village: V, body: 'supervision-committee' } }, { as: township });
    expect(seated.status).toBe(200);
    const seat = seated.body.members.find((m: { person: string }) => m.person === outgoing);
    expect(seat, 'the outgoing member sits today').toBeDefined();

    // The election's result, recorded today for tomorrow: one seat ends, another begins.
    const ended = await api.call(
      endMembershipRoute,
      { params: { membershipId: seat!.membershipId }, body: { until: from, reason: 'term-ended' } },
      { as: township },
    );
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const started = await api.call(
      startMembershipRoute,
      { body: { village: V, body: 'supervision-committee', person: elected, title: '委员', from } },
      { as: township },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    await settle();

    // Both hold a supervisor's grant: what decides is the register, asked of the day of the act.
    const outgoingCaller = api.person(outgoing);
    const electedCaller = api.person(elected, [{ role: 'supervisor', place: V }]);
    const before = await disbursementAwaitingCountersignature();
    expect((await api.post(before, {}, { as: electedCaller })).status, 'not yet on the committee').toBe(403);
    const signedBefore = await api.post(before, {}, { as: outgoingCaller });
    expect(signedBefore.status, JSON.stringify(signedBefore.body)).toBe(200);
    expect(signedBefore.body).toMatchObject({ status: 'disbursed', countersignedBy: outgoing });

    const after = await disbursementAwaitingCountersignature();
    expect((await api.post('/_local/clock', { advance: 'P1D' })).status).toBe(200);
    expect((await api.post(after, {}, { as: outgoingCaller })).status, 'the term has ended').toBe(403);
    const signedAfter = await api.post(after, {}, { as: electedCaller });
    expect(signedAfter.status, JSON.stringify(signedAfter.body)).toBe(200);
    expect(signedAfter.body).toMatchObject({ status: 'disbursed', countersignedBy: elected });
  });
});

describe('a flat sold while an owners’ consent poll is open', () => {
  const v = demo.xingfu;
  const cadre = 'p-xingfu-01';
  const flat = `${v}/c1/h03`;
  const seller = 'p-xingfu-03'; // 88.4 m²
  const buyer = 'p-xingfu-04-1'; // owned nothing until the sale
  const openPoll = async () => {
    const r = await api.call(
      openPollRoute,
      { body: { title: '加装电梯意愿征询', scope: v, matter: 'renovation', propertyFee: { collected: 600_000, due: 1_000_000 } } },
      { as: cadre },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { pollId: string; eligible: { owners: number; areaDm2: number } };
  };
  const respond = (pollId: string, as: string) =>
    api.call(respondToPoll, { params: { pollId }, body: { choice: 'agree' } }, { as: api.person(as, [{ role: 'owner', place: v }]) });

  it('leaves that poll’s electorate as it opened; the next poll counts the buyer', async () => {
    const open = await openPoll();
    expect(open.eligible).toEqual({ owners: 12, areaDm2: 115_550 });

    const sale = await api.call(recordSaleRoute, { body: { property: flat, seller, buyer, on: await today() } }, { as: cadre });
    expect(sale.status, JSON.stringify(sale.body)).toBe(201);
    await settle();

    // The open poll: the seller still answers for the 88.4 m² they owned when it opened; the buyer was no owner then.
    expect((await respond(open.pollId, buyer)).status).toBe(403);
    expect((await respond(open.pollId, seller)).status).toBe(201);
    const standing = await api.call(getPoll, { params: { pollId: open.pollId } }, { as: cadre });
    expect(standing.body.standing.owners).toMatchObject({ eligible: 12, agree: 1 });
    expect(standing.body.eligible).toEqual({ owners: 12, areaDm2: 115_550 });

    // A poll opened after the sale counts the owners of that day.
    const next = await openPoll();
    expect(next.eligible).toEqual({ owners: 12, areaDm2: 115_550 });
    expect((await respond(next.pollId, seller)).status).toBe(403);
    expect((await respond(next.pollId, buyer)).status).toBe(201);
  });
});
