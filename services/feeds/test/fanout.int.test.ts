import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalApi, eventually } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { verify } from '../domain/signatures.ts';
import { Receiver, raiseNeed, registerAgency, runDeliver, stack, subscribe, uniqueText } from './support.ts';

const api = new LocalApi(stack().url);

describe('fan-out beyond one transaction', () => {
  const receiver = new Receiver();
  const marker = uniqueText('fanout');
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    await receiver.start();
    // 5 agencies × 18 subscriptions = 90 matching webhook subscriptions: more than the dispatcher writes inline.
    const agencies = await Promise.all(
      Array.from({ length: 5 }, (_, i) => registerAgency(api, i % 2 ? demo.hongan : demo.qiliping, `fan${i}`)),
    );
    for (const agency of agencies) {
      const subs = await Promise.all(
        Array.from({ length: 18 }, () =>
          subscribe(api, agency, {
            pattern: { detail: { data: { text: [{ prefix: marker }] } } },
            delivery: { mode: 'webhook', url: receiver.url },
          }),
        ),
      );
      for (const s of subs) secrets.set(s.subscriptionId, s.secret!);
    }
  }, 120_000);
  afterAll(() => receiver.stop());

  it('delivers one event to all 90 subscriptions, each signed with its own secret', async () => {
    const id = await raiseNeed(demo.majiaqiao, `${marker} for everyone`);
    await eventually(
      async () => {
        await runDeliver(api);
        return receiver.forEvent(id).length >= 90;
      },
      90_000,
      '90 deliveries',
    );
    const got = receiver.forEvent(id);
    expect(got).toHaveLength(90);
    // Each request verifies under exactly one subscription's secret, and every secret is used once.
    const used = got.map((r) => [...secrets].filter(([, secret]) => verify(secret, r.headers, r.body).ok).map(([sub]) => sub));
    expect(used.every((u) => u.length === 1)).toBe(true);
    expect(new Set(used.flat()).size).toBe(90);
  });
});
