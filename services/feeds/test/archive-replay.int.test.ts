import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalApi, eventually } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { verify } from '../domain/signatures.ts';
import { Receiver, advance, clockNow, raiseNeed, registerAgency, runDeliver, stack, subscribe, uniqueText } from './support.ts';

const api = new LocalApi(stack().url);

/**
 * A window older than the feeds' 90-day log comes back from the bus archive (StartReplay to the feeds'
 * archive-replay rule only): same ids, same bodies, still only inside the agency's jurisdiction.
 */
describe('replay of a window older than the log, from the bus archive', () => {
  const receiver = new Receiver();
  const marker = uniqueText('archive');
  let agency: Awaited<ReturnType<typeof registerAgency>>;
  let sub: Awaited<ReturnType<typeof subscribe>>;
  const path = (rest = '') => `/feeds/agencies/${agency.agencyId}/subscriptions/${sub.subscriptionId}${rest}`;

  beforeAll(async () => {
    await receiver.start();
    agency = await registerAgency(api, demo.hongan, 'hongan-archive');
    sub = await subscribe(api, agency, {
      pattern: { detail: { data: { text: [{ prefix: marker }] } } },
      delivery: { mode: 'webhook', url: receiver.url },
    });
  });
  afterAll(() => receiver.stop());

  it('re-sends the old window’s events with their original ids and bodies, and nothing outside the jurisdiction', async () => {
    const start = await clockNow(api);
    const old = [await raiseNeed(demo.majiaqiao, `${marker} one`), await raiseNeed(demo.taohua, `${marker} two`)];
    const foreign = await raiseNeed(demo.fengshu, `${marker} macheng`);
    await eventually(
      async () => {
        await runDeliver(api);
        return old.every((id) => receiver.forEvent(id).length === 1);
      },
      60_000,
      'first deliveries',
    );
    const firstBodies = new Map(old.map((id) => [id, receiver.forEvent(id)[0]!.json]));
    const windowEnd = new Date((await clockNow(api)).getTime() + 1000);

    // A hundred days on, the window is older than the log.
    await advance(api, 'P100D');
    const window = { from: new Date(start.getTime() - 1000).toISOString(), to: windowEnd.toISOString() };
    const res = await api.post(path('/replays'), window, { as: agency.as });
    expect(res.status).toBe(202);
    expect(res.body.replay).toMatchObject({ source: 'archive', status: 'replaying' });
    const replayId = res.body.replay.replayId;

    await eventually(
      async () => {
        await runDeliver(api);
        return old.every((id) => receiver.forEvent(id).length === 2);
      },
      60_000,
      'deliveries replayed from the archive',
    );
    for (const id of old) {
      const replayed = receiver.forEvent(id)[1]!;
      expect(replayed.headers['webhook-id']).toBe(id);
      expect(replayed.json).toEqual(firstBodies.get(id));
      expect(verify(sub.secret!, replayed.headers, replayed.body).ok).toBe(true);
    }
    expect(receiver.forEvent(foreign)).toHaveLength(0);
    const done = await api.get(path(`/replays/${replayId}`), { as: agency.as });
    expect(done.body).toMatchObject({ source: 'archive', status: 'completed', queued: 2 });

    // Replaying the same window again sends the events a third time: each replay is its own request.
    const again = await api.post(path('/replays'), window, { as: agency.as });
    expect(again.status).toBe(202);
    await eventually(
      async () => {
        await runDeliver(api);
        return old.every((id) => receiver.forEvent(id).length === 3);
      },
      60_000,
      'a second archive replay',
    );
  });
});
