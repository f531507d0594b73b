import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import type { RouteBody } from '@cocreate/local/testing';
import { api, cadreOf, evidence, eventuallyOnBus, head, now } from './helpers.ts';
import { closePollRoute, getPoll, openPoll, respondToPoll } from '../handlers/consent.ts';

/**
 * 幸福社区: owner consent polls. Owners are the 12 household heads with unequal flats: 62.5, 75, 88.4, 96, 102.3, 120,
 * 58.7, 134.2, 90, 110.6, 72.8, 145 m² (1,155.5 m² in all); compound c1 holds the first six (544.2 m²).
 */
const v = demo.xingfu;
const c1 = `${v}/c1`;
const cadre = cadreOf(v);
const fee = { collected: 600_000, due: 1_000_000 };

async function open(body: Omit<RouteBody<typeof openPoll>, 'title'> & { title?: string }) {
  const res = await api.call(openPoll, { body: { title: `意愿征询 ${Math.random().toString(36).slice(2, 7)}`, ...body } }, { as: cadre });
  expect(res.status).toBe(201);
  return res.body;
}

type Response = RouteBody<typeof respondToPoll>;
const respond = (pollId: string, as: string, choice: Response['choice'], extra: Omit<Response, 'choice'> = {}) =>
  api.call(respondToPoll, { params: { pollId }, body: { choice, ...extra } }, { as });
const cond = (result: { conditions: { name: string }[] } | undefined, name: string) => result?.conditions.find((c) => c.name === name);

describe('the seed rule for old-neighbourhood renovation (2/3 of owners, fees ≥ 50%)', () => {
  it('8 of 12 owners is exactly 2/3: it passes with no owner to spare', async () => {
    const poll = await open({ scope: v, matter: 'renovation', propertyFee: fee });
    expect(poll).toMatchObject({ rule: 'seed-renovation', status: 'open', eligible: { owners: 12, areaDm2: 115_550 } });
    for (let n = 1; n <= 8; n++) expect((await respond(poll.pollId, head(v, n), 'agree')).status).toBe(201);
    expect((await respond(poll.pollId, head(v, 9), 'disagree')).status).toBe(201);
    const standing = await api.call(getPoll, { params: { pollId: poll.pollId } }, { as: head(v, 10) });
    expect(standing.body.standing.owners).toEqual({ eligible: 12, participating: 9, agree: 8, disagree: 1, abstain: 0 });
    const closed = await api.call(closePollRoute, { params: { pollId: poll.pollId } }, { as: cadre });
    expect(closed.status).toBe(200);
    expect(closed.body.result!.passed).toBe(true);
    expect(cond(closed.body.result, 'agree-owners')).toMatchObject({
      part: 8,
      whole: 12,
      needed: 8,
      margin: 0,
      held: true,
      share: { num: 2, den: 3 },
    });
    expect(cond(closed.body.result, 'property-fee-collection')).toMatchObject({ held: true, margin: 100_000 });
    // 62.5 + 75 + 88.4 + 96 + 102.3 + 120 + 58.7 + 134.2 m² agreed.
    expect(closed.body.result!.areaDm2).toMatchObject({ eligible: 115_550, agree: 73_710, disagree: 9000 });
    const [ev] = await eventuallyOnBus('ConsentPollClosed', (d) => d.pollId === poll.pollId);
    expect(ev!.detail.data).toMatchObject({ passed: true, rule: 'seed-renovation' });
    expect((await respond(poll.pollId, head(v, 10), 'agree')).body.code).toBe('poll-closed');
  });

  it('7 of 12 fails, short by one owner', async () => {
    const poll = await open({ scope: v, matter: 'renovation', propertyFee: fee });
    await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => respond(poll.pollId, head(v, n), 'agree')));
    const closed = await api.call(closePollRoute, { params: { pollId: poll.pollId } }, { as: cadre });
    expect(closed.body.result!.passed).toBe(false);
    expect(cond(closed.body.result, 'agree-owners')).toMatchObject({ part: 7, needed: 8, margin: -1, held: false });
  });
});

describe('Civil Code art. 278 for a major matter, counted by headcount and by area', () => {
  it('3/4 of the participating area: 42 dm² to spare passes', async () => {
    const poll = await open({ scope: c1, matter: 'maintenance-fund' });
    expect(poll).toMatchObject({ rule: 'civil-code-major', eligible: { owners: 6, areaDm2: 54_420 } });
    for (const n of [2, 3, 4, 5]) await respond(poll.pollId, head(v, n), 'agree');
    await respond(poll.pollId, head(v, 6), 'disagree');
    const closed = await api.call(closePollRoute, { params: { pollId: poll.pollId } }, { as: cadre });
    // Participating 481.7 m² of 544.2 (≥ 2/3), 5 of 6 owners; agreeing 361.7 m² ≥ 3/4 × 481.7 = 361.275 → 36,128 dm² needed.
    expect(cond(closed.body.result, 'participation-area')).toMatchObject({ part: 48_170, whole: 54_420, held: true });
    expect(cond(closed.body.result, 'agree-area')).toMatchObject({ part: 36_170, whole: 48_170, needed: 36_128, margin: 42, held: true });
    expect(cond(closed.body.result, 'agree-owners')).toMatchObject({ part: 4, whole: 5, held: true });
    expect(closed.body.result!.passed).toBe(true);
  });

  it('3/4 of owners but under 3/4 of the area fails on area alone, and says by how much', async () => {
    const poll = await open({ scope: c1, matter: 'common-parts-change' });
    for (const n of [1, 3, 4, 5]) await respond(poll.pollId, head(v, n), 'agree');
    await respond(poll.pollId, head(v, 6), 'disagree');
    const closed = await api.call(closePollRoute, { params: { pollId: poll.pollId } }, { as: cadre });
    expect(cond(closed.body.result, 'agree-owners')).toMatchObject({ part: 4, whole: 5, held: true });
    expect(cond(closed.body.result, 'agree-area')).toMatchObject({
      part: 34_920,
      whole: 46_920,
      needed: 35_190,
      margin: -270,
      held: false,
    });
    expect(closed.body.result!.passed).toBe(false);
  });
});

describe('who responds, and once', () => {
  it('each owner counts once across online and paper; non-owners and outsiders cannot respond', async () => {
    const poll = await open({ scope: v, matter: 'other' });
    expect(poll.rule).toBe('civil-code-ordinary');
    expect((await respond(poll.pollId, head(v, 7), 'agree')).body).toMatchObject({ channel: 'online', areaDm2: 5870 });
    expect((await respond(poll.pollId, head(v, 7), 'disagree')).body).toMatchObject({ code: 'already-responded', owner: head(v, 7) });
    const form = await evidence(v, 'consent-form.jpg', 'image/jpeg');
    expect((await respond(poll.pollId, cadre, 'agree', { owner: head(v, 7), evidence: form })).body.code).toBe('already-responded');
    expect((await respond(poll.pollId, cadre, 'agree', { owner: head(v, 12) })).body.code).toBe('paper-evidence-required');
    const paper = await respond(poll.pollId, cadre, 'disagree', { owner: head(v, 12), evidence: form });
    expect(paper.body).toMatchObject({ channel: 'paper', owner: head(v, 12), recordedBy: cadre, areaDm2: 14_500 });
    expect((await respond(poll.pollId, head(v, 12), 'agree')).body.code).toBe('already-responded');
    // Household members are residents, not owners; people of another community cannot see it.
    expect((await respond(poll.pollId, `${head(v, 7)}-1`, 'agree')).status).toBe(403);
    expect((await respond(poll.pollId, 'p-majiaqiao-07', 'agree')).status).toBe(403);
    // An owner records only their own response; paper forms are for cadres.
    const forOther = await respond(poll.pollId, head(v, 9), 'agree', { owner: head(v, 10), evidence: form });
    expect(forOther.status).toBe(403);
    expect(forOther.body.reason).toBe('not-cadre');
    // Concurrent double responses of one owner: one counts.
    const both = await Promise.all([
      respond(poll.pollId, head(v, 8), 'agree'),
      respond(poll.pollId, head(v, 8), 'disagree'),
      respond(poll.pollId, cadre, 'agree', { owner: head(v, 8), evidence: form }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const standing = await api.call(getPoll, { params: { pollId: poll.pollId } }, { as: cadre });
    expect(standing.body.standing.owners.participating).toBe(3);
    await eventuallyOnBus('ConsentResponded', (d) => d.pollId === poll.pollId && d.owner === head(v, 12) && d.channel === 'paper');
  });

  it('refuses polls outside communities and the renovation rule without fee figures', async () => {
    const village = await api.call(openPoll, { body: { scope: demo.majiaqiao, title: 'x', matter: 'other' } }, { as: 'p-majiaqiao-01' });
    expect(village.body.code).toBe('not-a-community');
    const noFee = await api.call(openPoll, { body: { scope: v, title: 'x', matter: 'renovation' } }, { as: cadre });
    expect(noFee.body).toMatchObject({ code: 'fee-required', errors: [{ pointer: '/propertyFee' }] });
    const past = await api.call(
      openPoll,
      { body: { scope: v, title: 'x', matter: 'other', closesAt: new Date((await now()).getTime() - 60_000).toISOString() } },
      { as: cadre },
    );
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({ code: 'closes-in-past', errors: [{ pointer: '/closesAt' }] });
  });

  it('only owners in the poll’s scope respond: an owner of another compound is refused', async () => {
    const poll = await open({ scope: c1, matter: 'other' });
    const outside = await respond(poll.pollId, head(v, 7), 'agree');
    expect(outside.status).toBe(403);
    expect(outside.body).toMatchObject({ reason: 'not-an-owner', owner: head(v, 7) });
    expect((await respond(poll.pollId, head(v, 1), 'agree')).status).toBe(201);
  });
});

describe('closing time', () => {
  it('the scheduled close ends a poll whose time has come', async () => {
    const closesAt = new Date((await now()).getTime() + 86_400_000).toISOString();
    const poll = await open({ scope: c1, matter: 'other', closesAt });
    await respond(poll.pollId, head(v, 2), 'agree');
    await api.post('/_local/clock', { advance: 'P1DT1H' });
    const after = await api.call(getPoll, { params: { pollId: poll.pollId } }, { as: cadre });
    expect(after.body).toMatchObject({ status: 'closed', result: { passed: false, owners: { participating: 1, agree: 1 } } });
    expect((await respond(poll.pollId, head(v, 3), 'agree')).body.code).toBe('poll-closed');
  });
});
