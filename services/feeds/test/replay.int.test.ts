import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalApi, eventually } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { verify } from '../domain/signatures.ts';
import { Receiver, advance, clockNow, raiseNeed, registerAgency, runDeliver, stack, subscribe, uniqueText } from './support.ts';

const api = new LocalApi(stack().url);

describe('replay of a time window to a subscription', () => {
  const receiver = new Receiver();
  const marker = uniqueText('replay');
  let agency: Awaited<ReturnType<typeof registerAgency>>;
  let sub: Awaited<ReturnType<typeof subscribe>>;
  const path = (rest = '') => `/feeds/agencies/${agency.agencyId}/subscriptions/${sub.subscriptionId}${rest}`;

  beforeAll(async () => {
    await receiver.start();
    agency = await registerAgency(api, demo.hongan, 'hongan-housing');
    sub = await subscribe(api, agency, {
      pattern: { detail: { data: { text: [{ prefix: marker }] } } },
      delivery: { mode: 'webhook', url: receiver.url },
    });
  });
  afterAll(() => receiver.stop());

  it('re-sends the window’s events with their original ids, and nothing outside the window', async () => {
    const start = await clockNow(api);
    const inWindow = [
      await raiseNeed(demo.majiaqiao, `${marker} one`),
      await raiseNeed(demo.changsheng, `${marker} two`),
      await raiseNeed(demo.xingfu, `${marker} three`),
    ];
    // Something in another county matching the pattern: outside the jurisdiction, never sent, not even on replay.
    const foreign = await raiseNeed(demo.fengshu, `${marker} macheng`);
    await eventually(
      async () => {
        await runDeliver(api);
        return inWindow.every((id) => receiver.forEvent(id).length === 1);
      },
      60_000,
      'first deliveries',
    );
    const windowEnd = new Date((await clockNow(api)).getTime() + 1000);
    await advance(api, 'PT10M');
    const later = await raiseNeed(demo.majiaqiao, `${marker} later`);
    await eventually(
      async () => {
        await runDeliver(api);
        return receiver.forEvent(later).length === 1;
      },
      60_000,
      'later delivery',
    );
    const firstBodies = new Map(inWindow.map((id) => [id, receiver.forEvent(id)[0]!.json]));

    const res = await api.post(
      path('/replays'),
      { from: new Date(start.getTime() - 1000).toISOString(), to: windowEnd.toISOString() },
      { as: agency.as },
    );
    expect(res.status).toBe(202);
    expect(res.body.replay).toMatchObject({ status: 'pending', roots: [demo.hongan] });
    const replayId = res.body.replay.replayId;

    await eventually(
      async () => {
        await runDeliver(api);
        return inWindow.every((id) => receiver.forEvent(id).length === 2);
      },
      60_000,
      'replayed deliveries',
    );
    for (const id of inWindow) {
      const [original, replayed] = receiver.forEvent(id);
      expect(replayed!.headers['webhook-id']).toBe(id);
      expect(replayed!.json).toEqual(firstBodies.get(id));
      expect(verify(sub.secret!, replayed!.headers, replayed!.body).ok).toBe(true);
      expect(original!.json.id).toBe(id);
    }
    expect(receiver.forEvent(later)).toHaveLength(1);
    expect(receiver.forEvent(foreign)).toHaveLength(0);
    const done = await api.get(path(`/replays/${replayId}`), { as: agency.as });
    expect(done.body).toMatchObject({ status: 'completed', queued: 3 });
    // The replayed deliveries are listed beside the first ones, marked with the replay.
    const listed = (await api.get(path('/deliveries?limit=20'), { as: agency.as })).body.items;
    expect(
      listed
        .filter((d: any) => d.replayId === replayId)
        .map((d: any) => d.eventId)
        .sort(),
    ).toEqual([...inWindow].sort());
  });

  it('refuses windows that are empty, in the future, too long or to a pull subscription', async () => {
    const now = await clockNow(api);
    const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();
    const post = (from: string, to: string, p = path('/replays')) => api.post(p, { from, to }, { as: agency.as });
    expect((await post(iso(-1000), iso(-2000))).body.code).toBe('window-order');
    expect((await post(iso(-1000), iso(3_600_000))).body.code).toBe('window-in-future');
    expect((await post(iso(-40 * 86_400_000), iso(-1000))).body.code).toBe('window-too-long');
    expect((await post('yesterday', iso(-1000))).status).toBe(422);
    const pull = await subscribe(api, agency, { delivery: { mode: 'pull' } });
    const toPull = await post(iso(-1000), iso(-500), `/feeds/agencies/${agency.agencyId}/subscriptions/${pull.subscriptionId}/replays`);
    expect(toPull.body.code).toBe('not-a-webhook-subscription');
    // Someone else's agency cannot replay into this subscription.
    const other = await registerAgency(api, demo.hongan, 'hongan-audit');
    expect((await api.post(path('/replays'), { from: iso(-2000), to: iso(-1000) }, { as: other.as })).status).toBe(404);
  });
});
