import { request } from 'node:http';
import { SignJWT, generateKeyPair } from 'jose';
import { resourceNames } from '@cocreate/kernel';
import { type Snapshot, localClients, takeSnapshot } from '@cocreate/local';
import { Role } from '@cocreate/places';
import { demo } from '@cocreate/places/seed';
import type { Input, RouteCase } from './routes.ts';
import { urlOf } from './routes.ts';

/**
 * fetch, reopening once a kept-alive connection the server closed while it sat idle (Node's server drops idle
 * connections after 5 s; a client may pick one up just then): a server that is down fails the second time too.
 */
export function fetchOnce(url: string, init?: RequestInit): Promise<Response> {
  return fetch(url, init).catch((err: { cause?: { code?: string } }) => {
    if (err.cause?.code === 'UND_ERR_SOCKET') return fetch(url, init);
    throw err;
  });
}

export interface Grant {
  role: Role;
  place: string;
}

/** Tokens from the stack's local issuer (cached per grant set), and the two it must refuse. */
export class Tokens {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(readonly url: string) {}

  get(sub: string, roles: readonly Grant[], ttl?: number): Promise<string> {
    const key = JSON.stringify([sub, roles, ttl]);
    let token = this.cache.get(key);
    if (!token) {
      token = fetchOnce(`${this.url}/_local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub, roles, ...(ttl ? { ttl } : {}) }),
      }).then(async (res) => {
        if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { token: string }).token;
      });
      this.cache.set(key, token);
    }
    return token;
  }

  /**
   * A token the stack's verifier must refuse although it is well-formed and looks right: same issuer, audience and
   * key id as the stack's own key, every role over the province, signed by another key.
   */
  async signedByAnotherKey(): Promise<string> {
    const jwks = (await (await fetchOnce(`${this.url}/_local/jwks.json`)).json()) as { keys: { kid: string }[] };
    const { privateKey } = await generateKeyPair('ES256');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ roles: everyRole(demo.province) })
      .setProtectedHeader({ alg: 'ES256', kid: jwks.keys[0]!.kid })
      .setSubject('forger')
      .setIssuer(`${this.url}/_local`)
      .setAudience('cocreate-local')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(privateKey);
  }
}

export const everyRole = (place: string): Grant[] => Role.options.map((role) => ({ role, place }));

export interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
}

/**
 * Sends a generated input to a route, as a browser or an integrator would — each on a connection of its own
 * (node:http without keep-alive), so an answer that ends its connection cannot cost the next request its socket and
 * a connection the gateway drops is this request's failure.
 */
export function send(url: string, c: RouteCase, input: Input, token: string | undefined, rawBody?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (token) headers.authorization = `Bearer ${token}`;
  const canHaveBody = c.route.method !== 'GET';
  const hasBody = canHaveBody && (rawBody !== undefined || (c.route.body && input.body !== undefined));
  const payload = hasBody ? Buffer.from(rawBody ?? JSON.stringify(input.body)) : undefined;
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(payload.length);
  }
  return new Promise((resolve, reject) => {
    const req = request(`${url}${urlOf(c.route, input)}`, { method: c.route.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          /* keep the text */
        }
        resolve({ status: res.statusCode ?? 0, contentType: (res.headers['content-type'] as string | undefined) ?? null, body });
      });
    });
    req.on('error', (err) => reject(new Error(`${c.key}: the connection failed (${err.message})`)));
    req.end(payload);
  });
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!, i);
      }
    }),
  );
  return out;
}

/**
 * A service's table as JSON per key (outbox rows aside: the relay's queue, written only with the state they
 * announce): two reads are equal exactly when nothing was written in between.
 */
export async function tableState(
  endpoints: { dynamodb: string; s3: string; eventbridge: string },
  service: string,
): Promise<Map<string, string>> {
  const clients = localClients(endpoints);
  const snapshot: Snapshot = await takeSnapshot(clients.dynamodb, [resourceNames.table(service)]);
  const out = new Map<string, string>();
  for (const item of snapshot.values().next().value ?? []) out.set(`${item.pk?.S}|${item.sk?.S}`, JSON.stringify(item));
  return out;
}

/** The keys written between two reads of a table: added, removed or changed. */
export function writesBetween(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** Whether an answer is an RFC 9457 problem whose `status` is the HTTP status (issue 16 item 6). */
export function isProblem(a: Answer): boolean {
  const b = a.body as { type?: unknown; title?: unknown; status?: unknown } | undefined;
  return (
    /^application\/problem\+json/.test(a.contentType ?? '') &&
    typeof b === 'object' &&
    b !== null &&
    typeof b.type === 'string' &&
    typeof b.title === 'string' &&
    b.status === a.status
  );
}
