import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { NeedRaised, type PlacePath } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { type LocalApi, type RouteBody, publishEvent } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { verify } from '../domain/signatures.ts';
import { registerAgencyRoute } from '../handlers/agencies.ts';
import { createSubscriptionRoute } from '../handlers/subscriptions.ts';

/** What a local receiver got: the raw body (signatures are over the exact bytes) and the headers. */
export interface Received {
  headers: Record<string, string>;
  body: string;
  json: any;
  status: number;
}

/**
 * A webhook receiver in the test process (node:http on port 0), like an agency's endpoint. It answers with the
 * status its `mode` says and records every request.
 */
export class Receiver {
  readonly requests: Received[] = [];
  status = 204;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          json = undefined;
        }
        this.requests.push({ headers: flat(req.headers), body, json, status: this.status });
        res.writeHead(this.status).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/cocreate`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Requests carrying a given event id (`webhook-id`). */
  forEvent(id: string): Received[] {
    return this.requests.filter((r) => r.headers['webhook-id'] === id);
  }

  /** Whether every recorded request verifies under `secret`. */
  allVerify(secret: string): boolean {
    return this.requests.every((r) => verify(secret, r.headers, r.body).ok);
  }
}

function flat(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(',') : v;
  return out;
}

export const stack = () => inject('stack');

/** Runs the delivery job now (again if a scheduled run of it was already in progress). */
export async function runDeliver(api: LocalApi): Promise<Record<string, number>> {
  for (let i = 0; i < 100; i++) {
    const res = await api.post('/_local/jobs/feeds/deliver', undefined);
    if (res.status !== 200) throw new Error(`deliver job: ${res.status} ${JSON.stringify(res.body)}`);
    if (!res.body?.skipped) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the deliver job stayed busy');
}

/** Moves the shared clock forward (which runs every job once) and then makes sure the delivery job ran after it. */
export async function advance(api: LocalApi, duration: string): Promise<string> {
  const res = await api.post('/_local/clock', { advance: duration });
  if (res.status !== 200) throw new Error(`clock: ${res.status}`);
  await runDeliver(api);
  return res.body.now as string;
}

export async function clockNow(api: LocalApi): Promise<Date> {
  return new Date((await api.get('/_local/clock')).body.now);
}

export const opsAdmin = (api: LocalApi, place: string = demo.province) => api.official(`ops-${newId().toLowerCase()}`, 'ops-admin', place);

/** Registers an agency (fresh id) with one member, returns its id and the member as a caller. */
export async function registerAgency(api: LocalApi, jurisdiction: string, label = 'agency') {
  const suffix = newId().slice(-8).toLowerCase();
  const agencyId = `${label}-${suffix}`;
  const member = `agency-user-${suffix}`;
  const res = await api.call(
    registerAgencyRoute,
    {
      body: {
        agencyId,
        name: { zh: `测试机构 ${suffix}`, en: `Test agency ${suffix}` },
        jurisdiction,
        contact: { name: '王科长', email: `ops+${suffix}@example.cn`, phone: '0713-5212345' },
        members: [member],
      },
    },
    { as: opsAdmin(api) },
  );
  if (res.status !== 201) throw new Error(`register agency: ${res.status} ${JSON.stringify(res.body)}`);
  return { agencyId, as: api.official(member, 'agency', jurisdiction) };
}

export async function subscribe(
  api: LocalApi,
  agency: { agencyId: string; as: ReturnType<LocalApi['official']> },
  body: {
    name?: string;
    pattern?: RouteBody<typeof createSubscriptionRoute>['pattern'];
    delivery: RouteBody<typeof createSubscriptionRoute>['delivery'];
  },
): Promise<{ subscriptionId: string; secret?: string; subscription: any }> {
  const res = await api.call(
    createSubscriptionRoute,
    {
      params: { agencyId: agency.agencyId },
      body: { name: body.name ?? 'all events', pattern: body.pattern ?? { source: [{ prefix: 'cocreate.' }] }, delivery: body.delivery },
    },
    { as: agency.as },
  );
  if (res.status !== 201) throw new Error(`subscribe: ${res.status} ${JSON.stringify(res.body)}`);
  return { subscriptionId: res.body.subscription.subscriptionId, secret: res.body.secret, subscription: res.body.subscription };
}

/**
 * Plays the deliberation service: a NeedRaised in a village, occurring now on the stack's clock (which tests move
 * forward, so the real time would be in its past).
 */
export async function raiseNeed(
  village: PlacePath,
  text: string,
  opts: { occurredAt?: string; category?: 'roads' | 'lighting' } = {},
): Promise<string> {
  return publishEvent(
    stack().eventbridge,
    NeedRaised,
    {
      ...NeedRaised.example,
      needId: newId(),
      village,
      place: `${village}/g1`,
      text,
      ...(opts.category ? { category: opts.category } : {}),
    },
    { place: `${village}/g1`, occurredAt: opts.occurredAt ?? (await stackNow()) },
  );
}

async function stackNow(): Promise<string> {
  const res = await fetch(`${stack().url}/_local/clock`);
  return ((await res.json()) as { now: string }).now;
}

export const uniqueText = (label: string) => `${label} ${newId()}`;
