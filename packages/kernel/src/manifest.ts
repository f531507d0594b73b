import type { z } from 'zod';
import { type EventContract, type ServiceName, sourceOf } from '@cocreate/contracts';
import type { Role } from '@cocreate/places';
import type { RouteContext } from './context.ts';
import { resourceNames } from './names.ts';
import { registerCopySubscription } from './register-copy.ts';
import type { AnySubscription, JobDefinition } from './subscription.ts';
import { JOB_REQUESTED, type HttpMethod, type RegisterCopyScope, type StartableJobs, type TableSpec } from './types.ts';

export * from './subscription.ts';
export * from './types.ts';

/**
 * A service declares itself once, here: its table, routes, the events it publishes, what it subscribes to and its
 * scheduled jobs. The CDK app and the embedded local stack both build the service from this object alone.
 */
export interface ServiceManifest {
  name: ServiceName;
  title: { zh: string; en: string };
  table: TableSpec;
  routes: readonly AnyRoute[];
  subscriptions: readonly AnySubscription[];
  jobs: readonly JobDefinition[];
  /** Every event type this service may emit; emitting anything else is a programming error. */
  publishes: readonly EventContract[];
  /** Whether the service reads/writes the evidence bucket (presigned uploads, existence checks). */
  evidence: boolean;
  /** Whether the service starts replays from the bus's archive (the feeds, for windows older than their log). */
  archiveReplays?: boolean;
  /**
   * What of the register (村情台账) the service keeps in its own table, fed by the registry's events: the place tree
   * only, or everything it may be shown (masked people, households, properties, memberships). `ctx.register` reads
   * that copy; the kernel adds the subscription that keeps it.
   */
  keepsRegister?: RegisterCopyScope;
  /**
   * Whether the service encrypts fields of its records itself (the registry's ID numbers): the stack creates a KMS
   * key for it alone, grants its functions GenerateDataKey and Decrypt on it and names it in `runtimeEnv.fieldKmsKey`.
   */
  fieldEncryption?: boolean;
}

/**
 * Who may call a route. `public`: anyone (no token). `authenticated`: any valid token. Otherwise the caller must
 * hold one of `roles` over a subtree containing the place `place` resolves to; the kernel checks it before the
 * handler runs. A resolver returning `undefined` means the target does not exist (404).
 */
export type RouteAuth<I> =
  | { public: true }
  | { authenticated: true }
  | {
      roles: readonly Role[];
      place: (input: I, ctx: RouteContext) => string | undefined | Promise<string | undefined>;
    };

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

const REPLY = Symbol('reply');

/** A handler result with its own status or headers (a bare return value gets the route's `status`). */
export interface Reply<R = unknown> {
  readonly [REPLY]: true;
  status: number;
  headers: Record<string, string>;
  body: R;
}

export function reply<R>(body: R, opts: { status?: number; headers?: Record<string, string> } = {}): Reply<R> {
  return { [REPLY]: true, status: opts.status ?? 200, headers: opts.headers ?? {}, body };
}

export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && REPLY in value;
}

export interface RouteDefinition<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R = unknown,
> {
  method: HttpMethod;
  /** API Gateway style path with `{param}` segments, starting with `/<service>/`. */
  path: string;
  operationId: string;
  summary: string;
  auth: RouteAuth<RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>>;
  params?: P;
  query?: Q;
  body?: B;
  /** Schema of the success body, for the OpenAPI document. */
  response?: z.ZodType<R>;
  /** Success status when the handler returns a bare body (default 200; 201 is usual for creates). */
  status?: number;
  /**
   * Other success statuses the handler answers through `reply`, each with what it means (an existing record returned
   * again: 200), for the OpenAPI document; the body follows `response` as well.
   */
  alsoAnswers?: Readonly<Record<number, string>>;
  /** Whether clients may send an `Idempotency-Key` header to retry this write safely. */
  idempotent?: boolean;
  handler: (input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>, ctx: RouteContext) => Promise<R | Reply<R>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<any, any, any, any>;

/** A route's schema, or a function that builds it (see `defineRoute`). */
type Built<S> = S | (() => S);

const ROUTE_SCHEMAS = ['params', 'query', 'body', 'response'] as const;

/**
 * A route's `params`, `query`, `body` and `response` may each be given as a function that builds the schema: it is
 * then built the first time it is read — when the route is first served, or described (OpenAPI) — and kept. Every
 * function of a service loads all its handler modules (the manifest imports them), so schemas built when the
 * module loads were paid at each cold start by events and job functions that never serve a route, and by an HTTP
 * function for every route but the one asked (issue 17).
 */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R>(
  route: Omit<RouteDefinition<P, Q, B, R>, (typeof ROUTE_SCHEMAS)[number]> & {
    params?: Built<P>;
    query?: Built<Q>;
    body?: Built<B>;
    response?: Built<z.ZodType<R>>;
  },
): RouteDefinition<P, Q, B, R> {
  const defined = { ...route };
  for (const key of ROUTE_SCHEMAS) {
    const build = route[key];
    if (typeof build !== 'function') continue;
    let schema: z.ZodType | undefined;
    Object.defineProperty(defined, key, { enumerable: true, get: () => (schema ??= build()) });
  }
  return defined as RouteDefinition<P, Q, B, R>;
}

/** The `routeKey` API Gateway puts on each request, and the key the HTTP handler dispatches on. */
export const routeKeyOf = (r: Pick<AnyRoute, 'method' | 'path'>): string => `${r.method} ${r.path}`;

export function defineService(declared: ServiceManifest): ServiceManifest {
  const m: ServiceManifest = declared.keepsRegister
    ? { ...declared, subscriptions: [...declared.subscriptions, registerCopySubscription(declared.keepsRegister)] }
    : declared;
  const keys = new Set<string>();
  for (const r of m.routes) {
    const key = routeKeyOf(r);
    if (keys.has(key)) throw new Error(`${m.name}: route ${key} declared twice`);
    if (!r.path.startsWith(`/${m.name}/`) && r.path !== `/${m.name}`) {
      throw new Error(`${m.name}: route ${key} must live under /${m.name}/`);
    }
    keys.add(key);
  }
  const subs = new Set<string>();
  for (const s of m.subscriptions) {
    if (subs.has(s.name)) throw new Error(`${m.name}: subscription ${s.name} declared twice`);
    if (!/^[A-Za-z0-9-]{1,40}$/.test(s.name)) throw new Error(`${m.name}: subscription name ${s.name} is not a rule-safe name`);
    subs.add(s.name);
  }
  for (const j of m.jobs) {
    if (!/^[A-Za-z0-9-]{1,40}$/.test(j.name)) throw new Error(`${m.name}: job name ${j.name} is not a rule-safe name`);
  }
  return m;
}

export { resourceNames, runtimeEnv } from './names.ts';

/** The jobs of a service that units of work may start on request, for its units' origin. */
export function startableJobs(m: Pick<ServiceManifest, 'name' | 'jobs'>): StartableJobs {
  return { source: sourceOf(m.name), jobs: m.jobs.filter((j) => j.startsOnRequest).map((j) => j.name) };
}

/** The pattern of a job's request rule: that service's job requests naming that job. */
export function jobRequestPattern(service: ServiceName, job: string): Record<string, unknown> {
  return { source: [sourceOf(service)], 'detail-type': [JOB_REQUESTED], detail: { job: [job] } };
}

/**
 * What a job's request rule hands the job's function: the job's name and the correlation id of the unit of work that
 * asked for it (the job request's `detail.correlationId`), so the run logs and publishes under the request's id. An
 * EventBridge input transformer, the same text in the CDK stack and the local stack.
 */
export function jobRequestInput(job: string): { InputPathsMap: Record<string, string>; InputTemplate: string } {
  return {
    InputPathsMap: { correlationId: '$.detail.correlationId' },
    InputTemplate: `{"job":${JSON.stringify(job)},"correlationId":<correlationId>}`,
  };
}

/** The ARN of a subscription's rule, from the bus ARN (same partition, region and account). */
export function ruleArnOf(busArn: string, service: string, subscription: string): string {
  const m = /^(arn:[^:]+:events:[^:]*:[^:]*):event-bus\/(.+)$/.exec(busArn);
  if (!m) throw new Error(`not an event bus ARN: ${busArn}`);
  return `${m[1]}:rule/${m[2]}/${resourceNames.rule(service, subscription)}`;
}
