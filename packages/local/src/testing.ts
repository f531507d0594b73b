import type { z } from 'zod';
import type { EventContract } from '@cocreate/contracts';
import type { AnyRoute, Grant, RouteDefinition } from '@cocreate/kernel';
import { type Role } from '@cocreate/places';
import { demoDirectory, type PlaceDirectory } from '@cocreate/places/directory';
import { documentedResponses } from './documented.ts';

declare module 'vitest' {
  /** What the integration tests' global setup provides (`inject('stack')`). */
  export interface ProvidedContext {
    stack: { url: string; dynamodb: string; s3: string; eventbridge: string };
  }
}

/**
 * A small client for tests and scripts that talk to the local stack only over HTTP, the way a real client does:
 * tokens from `/_local/token`, JSON in and out, problems as values.
 */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** What a caller sends a route: its path parameters, query and body as the route's schemas accept them. */
export type RouteCall<Rt> =
  Rt extends RouteDefinition<infer P, infer Q, infer B, any> ? { params?: z.input<P>; query?: z.input<Q>; body?: z.input<B> } : never;

/** A route's body, params or query as a caller sends them: how a test helper that builds them is typed by the route. */
export type RouteBody<Rt> = NonNullable<RouteCall<Rt>['body']>;
export type RouteParams<Rt> = NonNullable<RouteCall<Rt>['params']>;
export type RouteQuery<Rt> = NonNullable<RouteCall<Rt>['query']>;

/**
 * What a route answers: on success its response schema's shape; on a refusal a problem (`code`, `detail`, `errors`
 * — read after checking the status).
 */
export type RouteAnswer<Rt> = (Rt extends RouteDefinition<any, any, any, infer R> ? R : never) & ProblemMembers;

/** The members of an RFC 9457 problem body a test reads (optional: a success has none of them). */
export interface ProblemMembers {
  title?: string;
  detail?: string;
  code?: string;
  reason?: string;
  errors?: { in: string; pointer: string; rule: string; message: string }[];
}

export interface RequestOptions {
  as?: string | Caller;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  lang?: 'zh-CN' | 'en';
}

export interface Caller {
  sub: string;
  roles: Grant[];
}

/** What the served OpenAPI document says of an answer: what does not match it (empty when it is as documented). */
type Conformance = (method: string, path: string, status: number, contentType: string | null, body: unknown) => string[];

/**
 * Whether a client checks every answer against the served OpenAPI document: under vitest by default, so every
 * response any integration test observes is held to what the document promises an integrator
 * (`COCREATE_CHECK_DOCUMENTED=0` turns it off, e.g. to see a test's own failure first).
 */
const CHECK_DOCUMENTED =
  process.env.COCREATE_CHECK_DOCUMENTED !== undefined ? process.env.COCREATE_CHECK_DOCUMENTED !== '0' : !!process.env.VITEST;

/** One conformance checker per stack URL: the document is fetched and compiled once per test file, not per call. */
const conformanceByUrl = new Map<string, Promise<Conformance | undefined>>();

function conformanceOf(url: string): Promise<Conformance | undefined> {
  let found = conformanceByUrl.get(url);
  if (!found) {
    found = (async () => {
      const res = await fetch(`${url}/openapi.json`);
      // A gateway built for a kernel test serves no document: nothing to hold its answers to.
      if (!res.ok) return undefined;
      const document = (await res.json()) as { paths?: Record<string, Record<string, unknown>> };
      const check = documentedResponses(document);
      const templateOf = pathTemplates(Object.keys(document.paths ?? {}));
      return (method, path, status, contentType, body) => {
        const template = templateOf(path);
        // A method the path does not document is the gateway's own 405, with nothing documented to hold it to.
        if (template === undefined || !document.paths?.[template]?.[method.toLowerCase()]) return [];
        return check(method, template, status, contentType, body);
      };
    })();
    conformanceByUrl.set(url, found);
  }
  return found;
}

/**
 * The document's path template a concrete path was called by (`/projects/p-1/stages` → `/projects/{projectId}/stages`),
 * the most literal one when several match; undefined for a path the document does not list (the gateway's own
 * answers: an unknown path, `/_local/…`), which has nothing documented to be held to.
 */
export function pathTemplates(templates: readonly string[]): (path: string) => string | undefined {
  const matchers = templates
    .map((template) => {
      const segments = template.split('/');
      const pattern = segments.map((s) => (/^\{\w+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/');
      return { template, regex: new RegExp(`^${pattern}$`), literal: segments.filter((s) => !s.startsWith('{')).length };
    })
    .sort((a, b) => b.literal - a.literal);
  return (path) => matchers.find((m) => m.regex.test(path.split('?')[0]!))?.template;
}

export class LocalApi {
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly url: string,
    private readonly places: PlaceDirectory = demoDirectory,
    /** Hold every answer to the served OpenAPI document (see `CHECK_DOCUMENTED`). */
    private readonly checkDocumented = CHECK_DOCUMENTED,
  ) {}

  /** A demo person as a caller: each of their roles held over their own village (as the places data says). */
  person(id: string, extra: Grant[] = []): Caller {
    const p = this.places.person(id);
    if (!p) throw new Error(`no person ${id} in the places data`);
    return { sub: id, roles: [...p.roles.map((role) => ({ role, place: p.village })), ...extra] };
  }

  /** Someone holding `role` over `place` (officials, experts, merchants, agencies…). */
  official(sub: string, role: Role, place: string): Caller {
    return { sub, roles: [{ role, place }] };
  }

  async token(caller: Caller): Promise<string> {
    const key = JSON.stringify(caller);
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const res = await fetch(`${this.url}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(caller),
    });
    if (!res.ok) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    this.tokens.set(key, token);
    return token;
  }

  get<T = any>(path: string, opts: RequestOptions = {}) {
    return this.request<T>('GET', path, undefined, opts);
  }

  post<T = any>(path: string, body: unknown, opts: RequestOptions = {}) {
    return this.request<T>('POST', path, body, opts);
  }

  put<T = any>(path: string, body: unknown, opts: RequestOptions = {}) {
    return this.request<T>('PUT', path, body, opts);
  }

  patch<T = any>(path: string, body: unknown, opts: RequestOptions = {}) {
    return this.request<T>('PATCH', path, body, opts);
  }

  delete<T = any>(path: string, opts: RequestOptions = {}) {
    return this.request<T>('DELETE', path, undefined, opts);
  }

  /**
   * Calls a route by its definition (the one the manifest declares): the path is built from its template and
   * `params`, the query from `query`, and params, query, body and answer are typed by the route's own schemas, so a
   * test that sends the wrong shape or reads a field the route does not answer does not compile.
   */
  call<Rt extends AnyRoute>(route: Rt, input: RouteCall<Rt>, opts: RequestOptions = {}): Promise<ApiResponse<RouteAnswer<Rt>>> {
    const params = (input.params ?? {}) as Record<string, string | number>;
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`${route.operationId}: no value for path parameter ${name}`);
      return encodeURIComponent(String(value));
    });
    const query = input.query ? q(input.query as Record<string, string | number | undefined>) : '';
    return this.request<RouteAnswer<Rt>>(route.method, `${path}${query === '?' ? '' : query}`, input.body, opts);
  }

  async request<T>(method: string, path: string, body: unknown, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'accept-language': opts.lang ?? 'en', ...opts.headers };
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    if (opts.as) {
      const caller = typeof opts.as === 'string' ? this.person(opts.as) : opts.as;
      headers.authorization = `Bearer ${await this.token(caller)}`;
    }
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    if (this.checkDocumented) {
      const check = await conformanceOf(this.url);
      const contentType = res.headers.get('content-type');
      const mismatches = check?.(method, path, res.status, contentType, /json/.test(contentType ?? '') ? parsed : text || undefined) ?? [];
      if (mismatches.length) throw new Error(`the answer is not as GET /openapi.json documents it:\n${mismatches.join('\n')}`);
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
}

/** Polls until `check` returns a value that is not undefined/false (events are delivered asynchronously). */
/**
 * Time allowed to a test that sends hundreds of concurrent requests to prove an outcome (no oversell, exact
 * tallies): it judges correctness, not speed — the figures live in `pnpm bench` — and CI shares two cores between
 * DynamoDB Local, the stack and the unit tests running beside it.
 */
export const LOAD_TEST_TIMEOUT = 300_000;

export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} not reached within ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
}

export const q = (params: Record<string, string | number | undefined>): string => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) s.set(k, String(v));
  return `?${s.toString()}`;
};

/**
 * Publishes an event onto the local bus exactly as a producing service's outbox relay would: a valid `{ meta, data }`
 * envelope, validated against its contract first. Tests use it to play an upstream service.
 */
export async function publishEvent<C extends EventContract>(
  eventbridgeEndpoint: string,
  contract: C,
  data: z.input<C['data']>,
  opts: { place: string; id?: string; actor?: string; correlationId?: string; occurredAt?: string },
): Promise<string> {
  const { EventBridgeClient, PutEventsCommand } = await import('@aws-sdk/client-eventbridge');
  const { newId } = await import('@cocreate/kernel');
  const parsed = contract.data.parse(data);
  const id = opts.id ?? newId();
  const occurredAt = opts.occurredAt ?? new Date().toISOString();
  const detail = {
    meta: {
      id,
      type: contract.type,
      version: contract.version,
      source: contract.source,
      occurredAt,
      place: opts.place,
      actor: { sub: opts.actor ?? `test:${contract.service}` },
      correlationId: opts.correlationId ?? `test-${id}`,
      causationId: null,
    },
    data: parsed,
  };
  const client = new EventBridgeClient({
    endpoint: eventbridgeEndpoint,
    region: 'cn-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const out = await client.send(
    new PutEventsCommand({
      // The event's time is when it occurred, as the outbox relay sets it.
      Entries: [
        {
          EventBusName: 'cocreate-local',
          Source: contract.source,
          DetailType: contract.type,
          Detail: JSON.stringify(detail),
          Time: new Date(occurredAt),
        },
      ],
    }),
  );
  if (out.FailedEntryCount) throw new Error(`PutEvents failed: ${JSON.stringify(out.Entries)}`);
  return id;
}

/** Uploads bytes to a presigned PUT URL the way a browser or the mobile app does. */
export async function uploadToPresigned(
  upload: { uploadUrl: string; headers: Record<string, string> },
  bytes: Uint8Array | string,
): Promise<void> {
  const res = await fetch(upload.uploadUrl, { method: 'PUT', headers: upload.headers, body: bytes });
  if (!res.ok) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
}
