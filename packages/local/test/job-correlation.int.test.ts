import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newId } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { LocalApi, eventually } from '../src/testing.ts';

/**
 * A job started by a request keeps the request's correlation id. The chain, on the whole local stack: a resident's
 * HTTP request raises a need (deliberation) → `NeedRaised` → feeds' dispatch queues a webhook delivery and starts
 * the delivery job (`tx.startJob`) → the job request is relayed and its request rule runs the job, handing it the
 * request's correlation id (`jobRequestInput`, the same input transformer the CDK stack declares) → the job sends the
 * webhook, the endpoint answers 410 Gone, and the job pauses the subscription: the `SubscriptionPaused` it publishes
 * carries the correlation id of the resident's request.
 */
const api = new LocalApi(inject('stack').url);
const village = demo.majiaqiao;

/** An agency's endpoint that is gone: 410 to everything, each request kept. */
class GoneEndpoint {
  readonly bodies: string[] = [];
  private server?: Server;
  url = '';
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(410).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/cocreate`;
  }
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

interface BusEvent {
  'detail-type': string;
  detail: { meta?: { correlationId?: string }; data?: Record<string, unknown>; job?: string; correlationId?: string };
}

const busEvents = async (type: string): Promise<BusEvent[]> => {
  const res = await fetch(`${inject('stack').url}/_local/bus/events?type=${encodeURIComponent(type)}`);
  return ((await res.json()) as { events: BusEvent[] }).events;
};

describe('a job started by a request', () => {
  const endpoint = new GoneEndpoint();
  let subscriptionId = '';

  beforeAll(async () => {
    await endpoint.start();
    const suffix = newId().slice(-8).toLowerCase();
    const member = `agency-user-${suffix}`;
    const agencyId = `gone-${suffix}`;
    const registered = await api.post(
      '/feeds/agencies',
      {
        agencyId,
        name: { zh: `测试机构 ${suffix}`, en: `Test agency ${suffix}` },
        jurisdiction: demo.hongan,
        contact: { name: '王科长', email: `ops+${suffix}@example.cn`, phone: '0713-5212345' },
        members: [member],
      },
      { as: api.official(`ops-${suffix}`, 'ops-admin', demo.province) },
    );
    expect(registered.status).toBe(201);
    const subscribed = await api.post(
      `/feeds/agencies/${agencyId}/subscriptions`,
      {
        name: 'needs',
        pattern: { source: ['cocreate.deliberation'], 'detail-type': ['NeedRaised'] },
        delivery: { mode: 'webhook', url: endpoint.url },
      },
      { as: api.official(member, 'agency', demo.hongan) },
    );
    expect(subscribed.status).toBe(201);
    subscriptionId = subscribed.body.subscription.subscriptionId as string;
  });
  afterAll(() => endpoint.stop());

  it('runs under the request’s correlation id: the event the job publishes carries it', async () => {
    const correlationId = `needs-desk-${newId()}`;
    const need = await api.post(
      '/deliberation/needs',
      { place: village, category: 'lighting', channel: 'evening-talk', text: `路灯坏了 ${correlationId}` },
      { as: `p-${village.split('/').at(-1)}-08`, headers: { 'x-correlation-id': correlationId } },
    );
    expect(need.status).toBe(201);
    expect(need.headers.get('x-correlation-id')).toBe(correlationId);

    const paused = await eventually(
      async () => (await busEvents('SubscriptionPaused')).find((e) => e.detail.data?.subscriptionId === subscriptionId),
      30_000,
      'the delivery job paused the subscription whose endpoint is gone',
    );
    expect(endpoint.bodies.some((b) => b.includes(correlationId))).toBe(true);
    expect(paused.detail.meta?.correlationId).toBe(correlationId);
    expect(paused.detail.data).toMatchObject({ reason: 'endpoint-gone' });

    // The trail in between: the need, and the job request the dispatch left, carry the same id.
    const raised = (await busEvents('NeedRaised')).filter((e) => e.detail.meta?.correlationId === correlationId);
    expect(raised).toHaveLength(1);
    const requests = (await busEvents('cocreate.JobRequested')).filter((e) => e.detail.correlationId === correlationId);
    expect(requests.map((e) => e.detail.job)).toContain('deliver');
  });
});
