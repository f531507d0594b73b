import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalApi, eventually } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { RETRY_WINDOW_MS, retryCeilingMs } from '../domain/backoff.ts';
import { verify } from '../domain/signatures.ts';
import { Receiver, advance, raiseNeed, registerAgency, runDeliver, stack, subscribe, uniqueText } from './support.ts';

const api = new LocalApi(stack().url);

/** Only this file's events: each subscription matches its own marker in the need's text. */
const only = (marker: string) => ({ detail: { data: { text: [{ prefix: marker }] } } });

describe('retries with backoff, dead letters, redrive, and pausing a failing endpoint', () => {
  const failing = new Receiver();
  const flaky = new Receiver();
  const gone = new Receiver();
  const m1 = uniqueText('retry');
  const m2 = uniqueText('pause');
  const m3 = uniqueText('gone');
  let agency: Awaited<ReturnType<typeof registerAgency>>;
  let sub1: Awaited<ReturnType<typeof subscribe>>;
  let sub2: Awaited<ReturnType<typeof subscribe>>;
  let sub3: Awaited<ReturnType<typeof subscribe>>;
  let id1 = '';
  const ids2: string[] = [];
  const path = (sub: { subscriptionId: string }, rest = '') =>
    `/feeds/agencies/${agency.agencyId}/subscriptions/${sub.subscriptionId}${rest}`;
  const deliveryOf = async (sub: { subscriptionId: string }, eventId: string) =>
    (await api.get(path(sub, '/deliveries?limit=100'), { as: agency.as })).body.items.find((d: any) => d.eventId === eventId);

  beforeAll(async () => {
    await Promise.all([failing.start(), flaky.start(), gone.start()]);
    failing.status = 500;
    flaky.status = 503;
    gone.status = 410;
    agency = await registerAgency(api, demo.qiliping, 'qiliping-office');
    sub1 = await subscribe(api, agency, { pattern: only(m1), delivery: { mode: 'webhook', url: failing.url } });
    sub2 = await subscribe(api, agency, { pattern: only(m2), delivery: { mode: 'webhook', url: flaky.url } });
    sub3 = await subscribe(api, agency, { pattern: only(m3), delivery: { mode: 'webhook', url: gone.url } });
  });
  afterAll(async () => {
    await Promise.all([failing.stop(), flaky.stop(), gone.stop()]);
  });

  it('an endpoint answering 410 Gone dead-letters the delivery and pauses the subscription at once', async () => {
    const id = await raiseNeed(demo.majiaqiao, `${m3} a`);
    await eventually(
      async () => {
        await runDeliver(api);
        return gone.forEvent(id).length === 1;
      },
      30_000,
      'one attempt',
    );
    const sub = (await api.get(path(sub3), { as: agency.as })).body;
    expect(sub.status).toBe('paused');
    expect(sub.pause).toMatchObject({
      reason: 'endpoint-gone',
      lastError: 'HTTP 410',
      detail: { zh: expect.stringContaining('410'), en: expect.stringContaining('410 Gone') },
    });
    expect(await deliveryOf(sub3, id)).toMatchObject({ status: 'dead', deadReason: 'endpoint-gone', attempts: 1 });
    // The event is relayed from the outbox asynchronously.
    await eventually(
      async () => {
        const paused = await api.get('/_local/bus/events?type=SubscriptionPaused');
        return paused.body.events.some(
          (e: any) => e.detail.data.subscriptionId === sub3.subscriptionId && e.detail.data.reason === 'endpoint-gone',
        );
      },
      20_000,
      'SubscriptionPaused on the bus',
    );
  });

  it('retries a failing endpoint with growing jittered waits for 24 h, then dead-letters; three dead letters in a row pause', async () => {
    id1 = await raiseNeed(demo.majiaqiao, `${m1} the only one`);
    for (let i = 0; i < 3; i++) ids2.push(await raiseNeed(demo.changsheng, `${m2} #${i}`));
    await eventually(
      async () => {
        await runDeliver(api);
        return failing.forEvent(id1).length >= 1 && ids2.every((id) => flaky.forEvent(id).length >= 1);
      },
      30_000,
      'first attempts',
    );
    // A run of the job may hold the delivery's lease at this very moment (next attempt moved 3 min ahead while it
    // sends); read again once that attempt is recorded.
    const recorded = async () => {
      let d = await deliveryOf(sub1, id1);
      for (
        let i = 0;
        i < 20 && d.status === 'pending' && Date.parse(d.nextAttemptAt) - Date.parse(d.lastAttemptAt) > retryCeilingMs(d.attempts);
        i++
      ) {
        await new Promise((r) => setTimeout(r, 250));
        d = await deliveryOf(sub1, id1);
      }
      return d;
    };
    const first = await recorded();
    // The first retry waits 0–60 s (full jitter), so the runs above may already have made it: every attempt the
    // receiver got is counted, and the next wait is within the ceiling of the retries made.
    expect(first).toMatchObject({ status: 'pending', lastError: 'HTTP 500' });
    expect(first.attempts).toBeGreaterThanOrEqual(1);
    expect(first.attempts).toBe(failing.forEvent(id1).length);
    expect(Date.parse(first.nextAttemptAt) - Date.parse(first.lastAttemptAt)).toBeLessThanOrEqual(retryCeilingMs(first.attempts));

    // March the clock in one-hour steps; each step runs the delivery job.
    let previousAttempts = first.attempts;
    let d = first;
    for (let step = 0; step < 40 && d.status !== 'dead'; step++) {
      await advance(api, 'PT1H');
      d = await recorded();
      expect(d.attempts).toBeGreaterThanOrEqual(previousAttempts);
      if (d.status === 'pending') {
        // The next wait is within the ceiling of this retry, and never past 24 h after the first attempt.
        expect(Date.parse(d.nextAttemptAt) - Date.parse(d.lastAttemptAt)).toBeLessThanOrEqual(retryCeilingMs(d.attempts));
        expect(Date.parse(d.nextAttemptAt)).toBeLessThanOrEqual(Date.parse(d.firstAttemptAt) + RETRY_WINDOW_MS);
        expect(Date.parse(d.lastAttemptAt) - Date.parse(d.firstAttemptAt)).toBeLessThan(RETRY_WINDOW_MS);
      }
      previousAttempts = d.attempts;
    }
    expect(d).toMatchObject({ status: 'dead', deadReason: 'retries-exhausted', lastError: 'HTTP 500' });
    // The last attempt was scheduled for the 24-hour mark: made at the first job run from then on (a clock step here).
    const span = Date.parse(d.lastAttemptAt) - Date.parse(d.firstAttemptAt);
    expect(span).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(span).toBeLessThan(RETRY_WINDOW_MS + 61 * 60_000);
    expect(d.attempts).toBeGreaterThan(8);
    // Every attempt reached the receiver with the same webhook-id, a later timestamp, and a valid signature.
    const attempts = failing.forEvent(id1);
    expect(attempts).toHaveLength(d.attempts);
    const stamps = attempts.map((r) => Number(r.headers['webhook-timestamp']));
    expect(stamps).toEqual([...stamps].sort((x, y) => x - y));
    expect(attempts.every((r) => verify(sub1.secret!, r.headers, r.body).ok)).toBe(true);

    // It is in the subscription's dead-letter list; one dead letter does not pause the subscription.
    const dead = await api.get(path(sub1, '/dead-letters'), { as: agency.as });
    expect(dead.body.items.map((x: any) => x.eventId)).toEqual([id1]);
    const s1 = (await api.get(path(sub1), { as: agency.as })).body;
    expect(s1).toMatchObject({ status: 'active', consecutiveDeadLetters: 1 });

    // The flaky endpoint's three deliveries all died: three dead letters in a row paused it, and the agency is told why.
    const s2 = (await api.get(path(sub2), { as: agency.as })).body;
    expect(s2.status).toBe('paused');
    expect(s2.pause).toMatchObject({ reason: 'consecutive-dead-letters', lastError: 'HTTP 503' });
    expect(s2.pause.detail.en).toMatch(/3 deliveries in a row/);
    expect(s2.pause.detail.zh).toMatch(/连续 3 次/);
    const pausedEvents = await eventually(
      async () => {
        const events = await api.get('/_local/bus/events?type=SubscriptionPaused');
        const mine = events.body.events.filter((e: any) => e.detail.data.subscriptionId === sub2.subscriptionId);
        return mine.length ? mine : undefined;
      },
      20_000,
      'SubscriptionPaused on the bus',
    );
    expect(pausedEvents).toHaveLength(1);
    expect(pausedEvents[0].detail.data).toMatchObject({
      reason: 'consecutive-dead-letters',
      consecutiveDeadLetters: 3,
      jurisdiction: demo.qiliping,
    });
  });

  it('redrives a dead letter with its original id once the endpoint is fixed; redriving what is not dead does nothing', async () => {
    failing.status = 204;
    const before = failing.forEvent(id1).length;
    const res = await api.post(path(sub1, '/dead-letters/redrive'), { deliveryIds: [id1, 'no-such-delivery'] }, { as: agency.as });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ redriven: [id1], notDead: ['no-such-delivery'] });
    await eventually(
      async () => {
        await runDeliver(api);
        return failing.forEvent(id1).length === before + 1;
      },
      30_000,
      'redriven delivery',
    );
    const last = failing.forEvent(id1).at(-1)!;
    expect(last.headers['webhook-id']).toBe(id1);
    expect(last.json.id).toBe(id1);
    expect(await deliveryOf(sub1, id1)).toMatchObject({ status: 'delivered', redrives: 1 });
    expect((await api.get(path(sub1, '/dead-letters'), { as: agency.as })).body.items).toEqual([]);
    // A second redrive finds nothing dead.
    const again = await api.post(path(sub1, '/dead-letters/redrive'), { deliveryIds: [id1] }, { as: agency.as });
    expect(again.body).toEqual({ redriven: [], notDead: [id1] });
    // A success resets the run of dead letters.
    expect((await api.get(path(sub1), { as: agency.as })).body.consecutiveDeadLetters).toBe(0);
  });

  it('sends nothing while paused; resuming replays the paused window and redrive brings back the dead letters', async () => {
    const missed = await raiseNeed(demo.changsheng, `${m2} while paused`);
    await runDeliver(api);
    await advance(api, 'PT1M');
    expect(flaky.forEvent(missed)).toEqual([]);
    expect(await deliveryOf(sub2, missed)).toBeUndefined();
    // Redrive is refused while paused: resume first.
    expect((await api.post(path(sub2, '/dead-letters/redrive'), {}, { as: agency.as })).body.code).toBe('subscription-paused');

    flaky.status = 200;
    const resumed = await api.post(path(sub2, '/resume'), { replayMissed: true }, { as: agency.as });
    expect(resumed.status).toBe(200);
    expect(resumed.body.subscription).toMatchObject({ status: 'active', consecutiveDeadLetters: 0 });
    expect(resumed.body.subscription.pause).toBeUndefined();
    expect(resumed.body.replayId).toEqual(expect.any(String));
    expect((await api.post(path(sub2, '/resume'), {}, { as: agency.as })).body.code).toBe('not-paused');

    await eventually(
      async () => {
        await runDeliver(api);
        return flaky.forEvent(missed).length === 1;
      },
      30_000,
      'the missed event, replayed',
    );
    expect(flaky.forEvent(missed)[0]!.json.id).toBe(missed);

    const redriven = await api.post(path(sub2, '/dead-letters/redrive'), {}, { as: agency.as });
    expect([...redriven.body.redriven].sort()).toEqual([...ids2].sort());
    await eventually(
      async () => {
        await runDeliver(api);
        return ids2.every((id) => flaky.forEvent(id).some((r) => r.status === 200));
      },
      30_000,
      'redriven dead letters',
    );
    await eventually(
      async () => {
        const resumedEvents = await api.get('/_local/bus/events?type=SubscriptionResumed');
        return resumedEvents.body.events.some((e: any) => e.detail.data.subscriptionId === sub2.subscriptionId);
      },
      20_000,
      'SubscriptionResumed on the bus',
    );
  });
});
