import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalApi, eventually } from '@cocreate/local/testing';
import { isWithin } from '@cocreate/places';
import { demo } from '@cocreate/places/seed';
import { verify } from '../domain/signatures.ts';
import { Receiver, advance, clockNow, raiseNeed, registerAgency, runDeliver, stack, subscribe, uniqueText } from './support.ts';
import { eventSchemaRoute } from '../handlers/feed.ts';
import { getSubscriptionRoute, rotateSecretRoute } from '../handlers/subscriptions.ts';
import { listDeliveriesRoute } from '../handlers/deliveries.ts';

const api = new LocalApi(stack().url);

describe('webhook delivery: jurisdiction, CloudEvents, Standard Webhooks signatures', () => {
  const hongan = new Receiver();
  const macheng = new Receiver();
  let a: Awaited<ReturnType<typeof registerAgency>>;
  let b: Awaited<ReturnType<typeof registerAgency>>;
  let subA: Awaited<ReturnType<typeof subscribe>>;
  let subB: Awaited<ReturnType<typeof subscribe>>;

  beforeAll(async () => {
    await Promise.all([hongan.start(), macheng.start()]);
    a = await registerAgency(api, demo.hongan, 'hongan-housing');
    b = await registerAgency(api, demo.macheng, 'macheng-audit');
    // Both catch-all: the pattern alone would take every event of the province.
    subA = await subscribe(api, a, { delivery: { mode: 'webhook', url: hongan.url } });
    subB = await subscribe(api, b, { pattern: { source: [{ prefix: '' }] }, delivery: { mode: 'webhook', url: macheng.url } });
  });
  afterAll(async () => {
    await Promise.all([hongan.stop(), macheng.stop()]);
  });

  it('a county-A agency with a catch-all pattern receives nothing from county B (and B nothing from A)', async () => {
    const inA = uniqueText('红安 need');
    const inB = uniqueText('麻城 need');
    const [idA, idB] = await Promise.all([raiseNeed(demo.majiaqiao, inA), raiseNeed(demo.fengshu, inB)]);
    await eventually(
      async () => {
        await runDeliver(api);
        return hongan.forEvent(idA).length > 0 && macheng.forEvent(idB).length > 0;
      },
      30_000,
      'both deliveries',
    );
    // Give any wrong delivery the chance to arrive before asserting it did not.
    await runDeliver(api);
    expect(hongan.forEvent(idB)).toEqual([]);
    expect(macheng.forEvent(idA)).toEqual([]);
    // Whatever else reached them (other tests' events), every event is inside the agency's own county.
    expect(hongan.requests.every((r) => isWithin(r.json.subject, demo.hongan))).toBe(true);
    expect(macheng.requests.every((r) => isWithin(r.json.subject, demo.macheng))).toBe(true);
    expect(hongan.requests.some((r) => r.json.data.text === inB)).toBe(false);
  });

  it('sends a CloudEvents 1.0 structured event whose dataschema is served here, signed per Standard Webhooks', async () => {
    const text = uniqueText('路灯坏了');
    const id = await raiseNeed(demo.changsheng, text, { category: 'lighting' });
    const [req] = await eventually(
      async () => {
        await runDeliver(api);
        const got = hongan.forEvent(id);
        return got.length ? got : undefined;
      },
      30_000,
      'delivery',
    );
    expect(req!.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(req!.json).toEqual({
      specversion: '1.0',
      id,
      source: 'cocreate.deliberation',
      type: 'NeedRaised',
      subject: `${demo.changsheng}/g1`,
      time: expect.any(String),
      datacontenttype: 'application/json',
      dataschema: `${stack().url}/feeds/schemas/deliberation.NeedRaised.v1.data.json`,
      data: expect.objectContaining({ text, category: 'lighting', village: demo.changsheng }),
    });
    expect(req!.headers['webhook-id']).toBe(id);
    expect(req!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(verify(subA.secret!, req!.headers, req!.body)).toEqual({ ok: true });
    // The timestamp is the attempt's time on the wall clock (what the receiver compares it with).
    expect(verify(subA.secret!, req!.headers, req!.body, { now: new Date(), toleranceSeconds: 120 })).toEqual({ ok: true });
    // Another subscription's secret does not verify it.
    expect(verify(subB.secret!, req!.headers, req!.body).ok).toBe(false);

    const schema = await api.get(new URL(req!.json.dataschema).pathname);
    expect(schema.status).toBe(200);
    expect(schema.body.$id).toBe(req!.json.dataschema);
    expect(Object.keys(schema.body.properties)).toEqual(expect.arrayContaining(['needId', 'village', 'text', 'category']));
    // raw: the answer is a JSON Schema document, which the route declares opaque
    const detail = await api.get('/feeds/schemas/deliberation.NeedRaised.v1.json');
    expect(Object.keys(detail.body.properties)).toEqual(['meta', 'data']);
    expect((await api.call(eventSchemaRoute, { params: { file: 'deliberation.NoSuchThing.v1.json' } })).status).toBe(404);
    expect((await api.call(eventSchemaRoute, { params: { file: '../etc.json' } })).status).toBe(400);
  });

  it('rotates the secret with an overlap: both secrets verify during it, only the new one after', async () => {
    const rotated = await api.call(
      rotateSecretRoute,
      { params: { agencyId: a.agencyId, subscriptionId: subA.subscriptionId }, body: { overlapSeconds: 3600 } },
      { as: a.as },
    );
    expect(rotated.status).toBe(201);
    const newSecret: string = rotated.body.secret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(subA.secret);
    expect(rotated.body.subscription.secrets).toHaveLength(2);
    expect(JSON.stringify(rotated.body.subscription)).not.toContain(newSecret);

    const during = await raiseNeed(demo.majiaqiao, uniqueText('during overlap'));
    const [d] = await eventually(
      async () => {
        await runDeliver(api);
        const got = hongan.forEvent(during);
        return got.length ? got : undefined;
      },
      30_000,
      'delivery during overlap',
    );
    expect(d!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(verify(subA.secret!, d!.headers, d!.body).ok).toBe(true);
    expect(verify(newSecret, d!.headers, d!.body).ok).toBe(true);

    await advance(api, 'PT2H');
    const after = await raiseNeed(demo.majiaqiao, uniqueText('after overlap'));
    const [x] = await eventually(
      async () => {
        await runDeliver(api);
        const got = hongan.forEvent(after);
        return got.length ? got : undefined;
      },
      30_000,
      'delivery after overlap',
    );
    expect(x!.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(verify(newSecret, x!.headers, x!.body).ok).toBe(true);
    expect(verify(subA.secret!, x!.headers, x!.body).ok).toBe(false);
    const view = await api.call(
      getSubscriptionRoute,
      { params: { agencyId: a.agencyId, subscriptionId: subA.subscriptionId } },
      { as: a.as },
    );
    expect(view.body.secrets).toHaveLength(2); // the retired one stays listed (expired) until the next rotation
    expect(Date.parse(view.body.secrets[1]!.expiresAt!)).toBeLessThan((await clockNow(api)).getTime());
  });

  it('records deliveries the agency can list, with their attempts', async () => {
    const res = await api.call(
      listDeliveriesRoute,
      { params: { agencyId: a.agencyId, subscriptionId: subA.subscriptionId }, query: { limit: 5 } },
      { as: a.as },
    );
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    const delivered = res.body.items.find((i: any) => i.status === 'delivered');
    expect(delivered).toMatchObject({ attempts: 1, history: [expect.objectContaining({ ok: true, status: 204 })] });
    // Another agency's user cannot see them, nor learn the subscription exists.
    const other = await api.call(
      listDeliveriesRoute,
      { params: { agencyId: a.agencyId, subscriptionId: subA.subscriptionId } },
      { as: b.as },
    );
    expect(other.status).toBe(403);
  });

  it('stamps each attempt with the wall clock, so the official verifier accepts it after the stack clock moved days ahead', async () => {
    await advance(api, 'P3D');
    const id = await raiseNeed(demo.fengshu, uniqueText('时钟前移'));
    const [req] = await eventually(
      async () => {
        await runDeliver(api);
        const got = macheng.forEvent(id);
        return got.length ? got : undefined;
      },
      30_000,
      'delivery after the clock moved',
    );
    expect((await clockNow(api)).getTime() - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
    // The Standard Webhooks package checks the signature and that the timestamp is within five minutes of now.
    const verified = new Webhook(subB.secret!).verify(req!.body, req!.headers as Record<string, string>) as { id: string };
    expect(verified.id).toBe(id);
  });
});
