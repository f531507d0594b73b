import { createHash } from 'node:crypto';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import { inLanguage } from '@cocreate/contracts';
import type { RouteContext, ServiceContext } from './context.ts';
import { LANGUAGE_HEADERS, type Locale, localeFrom } from './i18n.ts';
import { type Identity, grantFor } from './identity.ts';
import { type AnyRoute, type RouteInput, isReply, routeKeyOf, startableJobs } from './manifest.ts';
import { openApiDocument } from './openapi.ts';
import { Problem, isOutage, problems } from './problem.ts';
import type { ServiceRuntime } from './runtime.ts';
import { serviceContext } from './service-context.ts';
import { commit, withRetries } from './store/commit.ts';
import { type EventOrigin, UnitOfWork } from './store/unit.ts';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
const RETRY_AFTER_SECONDS = 5;
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Every service's HTTP API in AWS also answers `GET /openapi.json`: the OpenAPI document of its own routes, generated
 * from the manifest the function runs, so the contract travels with what is deployed (published and checked for
 * breaking changes in packages/suite/openapi). Locally the gateway serves the whole suite's document instead.
 */
export const OPENAPI_ROUTE_KEY = 'GET /openapi.json';

interface HttpOptions {
  /** Check every success body against the route's response schema (local stack and tests: keeps OpenAPI honest). */
  strictResponses?: boolean;
}

/**
 * The Lambda handler for all of a service's routes (API Gateway HTTP API, payload v2). It dispatches on the
 * routeKey, and for every route does the same things in the same order: authenticate, validate, authorise against
 * the place, run the handler, commit its unit of work (with idempotency record) atomically, render the result or
 * an RFC 9457 problem. No handler repeats any of it.
 */
export function createHttpHandler(rt: ServiceRuntime, options: HttpOptions = {}) {
  const routes = new Map<string, AnyRoute>(rt.manifest.routes.map((r) => [routeKeyOf(r), r]));
  const handle = async (event: HttpEvent, context: Context): Promise<HttpResult> => {
    const headers = lowerCaseHeaders(event.headers);
    const locale = localeFrom(headers['accept-language']);
    const requestedCorrelation = headers['x-correlation-id'];
    const correlationId =
      requestedCorrelation && CORRELATION_ID.test(requestedCorrelation)
        ? requestedCorrelation
        : event.requestContext?.requestId || context.awsRequestId;
    rt.logger.appendKeys({ correlationId, routeKey: event.routeKey });
    rt.metrics.addMetric('Request', MetricUnit.Count, 1);
    const instance = event.rawPath;
    try {
      if (event.routeKey === OPENAPI_ROUTE_KEY) return await servedOpenApi(rt, event, correlationId);
      const route = routes.get(event.routeKey);
      if (!route) throw problems.notFound({ zh: '接口', en: 'The route' });
      const result = await runRoute(rt, route, event, headers, locale, correlationId, options);
      // The start of the trail every event this request causes carries (`meta.correlationId`).
      rt.logger.info('request answered', { correlationId, routeKey: event.routeKey, status: result.statusCode });
      return { ...result, headers: { ...result.headers, 'x-correlation-id': correlationId, ...LANGUAGE_HEADERS[locale] } };
    } catch (err) {
      const problem = err instanceof Problem ? err : undefined;
      if (!problem) {
        rt.logger.error('unhandled error', err as Error);
        rt.metrics.addMetric('Fault', MetricUnit.Count, 1);
      } else if (problem.status >= 500) {
        rt.logger.warn('request failed', { status: problem.status, code: problem.code });
      } else {
        rt.logger.info('request refused', { correlationId, routeKey: event.routeKey, status: problem.status, code: problem.code });
      }
      const p = problem ?? (isOutage(err) ? problems.storeUnavailable() : problems.internal());
      return {
        statusCode: p.status,
        headers: {
          'content-type': 'application/problem+json; charset=utf-8',
          'x-correlation-id': correlationId,
          ...LANGUAGE_HEADERS[locale],
          // A 503 is worth retrying, and says when.
          ...(p.status === 503 ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {}),
        },
        body: JSON.stringify(p.render(locale, instance)),
      };
    }
  };

  return middy<HttpEvent, HttpResult, Error, Context>()
    .use(injectLambdaContext(rt.logger, { resetKeys: true }))
    .use(rt.tracing ? [rt.tracing.middleware()] : [])
    .use(logMetrics(rt.metrics))
    .handler(handle);
}

const openApiBodies = new WeakMap<ServiceRuntime, string>();

/**
 * The service's own OpenAPI document, built on first request and kept. The generator is imported statically: a
 * dynamic import() made esbuild wrap the generator and everything it reaches (the manifest, zod, every event
 * contract) in lazy module initialisers, which kept all of them — every service's contracts included — in every
 * HTTP bundle and ran them at cold start anyway.
 */
async function servedOpenApi(rt: ServiceRuntime, event: HttpEvent, correlationId: string): Promise<HttpResult> {
  let body = openApiBodies.get(rt);
  if (!body) {
    // The API's own domain, as API Gateway reports it (not a header the caller chose).
    const domain = event.requestContext?.domainName;
    body = JSON.stringify(openApiDocument([rt.manifest], domain ? `https://${domain}` : undefined));
    openApiBodies.set(rt, body);
  }
  rt.logger.info('request answered', { correlationId, routeKey: OPENAPI_ROUTE_KEY, status: 200 });
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'x-correlation-id': correlationId,
    },
    body,
  };
}

async function runRoute(
  rt: ServiceRuntime,
  route: AnyRoute,
  event: HttpEvent,
  headers: Record<string, string>,
  locale: Locale,
  correlationId: string,
  options: HttpOptions,
): Promise<HttpResult> {
  // 1. Who is calling. Public routes still read a token if one is sent.
  const auth = route.auth;
  let identity: Identity | undefined;
  if (!('public' in auth) || headers.authorization) identity = await rt.verifier(headers.authorization);

  // 2. What they sent.
  const input: RouteInput<unknown, unknown, unknown> = {
    params: parsePart(route.params, event.pathParameters ?? {}, 'path', locale),
    query: parsePart(route.query, event.queryStringParameters ?? {}, 'query', locale),
    body: route.body ? parsePart(route.body, readJsonBody(event, headers), 'body', locale) : undefined,
  };

  // Separate commits a handler makes (bulk imports) record the caller, like the request's own unit.
  const base = serviceContext(rt, correlationId, event.requestContext?.requestId ?? null, { sub: identity?.sub ?? 'anonymous' });
  const idempotencyKey = route.idempotent ? headers['idempotency-key'] : undefined;
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw problems.badRequest({ zh: 'Idempotency-Key 格式不正确。', en: 'The Idempotency-Key header is malformed.' }, [
      {
        in: 'header',
        pointer: '/idempotency-key',
        rule: 'format',
        message: { zh: '1–255 个可见 ASCII 字符', en: '1–255 visible ASCII characters' },
      },
    ]);
  }

  // 4. A retried request with the same key gets the first answer, whatever happened since.
  const idemKey = idempotencyKey
    ? { pk: `IDEMP#${identity?.sub ?? 'anonymous'}#${route.operationId}#${idempotencyKey}`, sk: 'IDEMP' }
    : undefined;
  const requestHash = idemKey ? hashRequest(input) : '';
  /** The first answer given under this key, if a request with it committed (refused if it was another request). */
  const firstAnswer = async (): Promise<HttpResult | undefined> => {
    const prior = await rt.table.get(idemKey!);
    if (!prior) return undefined;
    if (prior.requestHash !== requestHash) {
      throw problems.rule('idempotency-key-reused', {
        zh: '该 Idempotency-Key 已用于另一个不同的请求。',
        en: 'This Idempotency-Key was already used for a different request.',
      });
    }
    return {
      statusCode: prior.status as number,
      headers: { 'content-type': 'application/json; charset=utf-8', 'idempotent-replayed': 'true' },
      body: prior.body as string,
    };
  };

  const { value } = await withRetries<HttpResult>(
    async (attempt) => {
      /**
       * The first try of a request with a key reads no record before it works: the record is created in the same
       * transaction, on condition that none exists, so a replay's commit fails and the next try reads the first
       * answer (one read less on every keyed write, the common case). Until the key is known to be fresh nothing may
       * leave the unit of work — a separate commit or a call to the bus waits for the check — and a first try that
       * ends in a refusal checks for a first answer before giving it.
       */
      const firstTry = idemKey !== undefined && attempt === 0;
      let checked: Promise<void> | undefined;
      const unlessReplayed = () =>
        (checked ??= firstAnswer().then((prior) => {
          if (prior) throw new Replayed(prior);
        }));
      const origin: EventOrigin = {
        actor: { sub: identity?.sub ?? 'anonymous' },
        correlationId,
        causationId: event.requestContext?.requestId ?? null,
        now: rt.clock,
        publishes: rt.manifest.publishes,
        startable: startableJobs(rt.manifest),
      };
      const tx = new UnitOfWork(rt.table.name, origin);
      const reads = new Map<string, Promise<unknown>>();
      const ctx: RouteContext = {
        ...base,
        ...(firstTry ? heldUntilChecked(base, unlessReplayed) : {}),
        identity,
        actor: { sub: identity?.sub ?? 'anonymous' },
        locale,
        requestId: event.requestContext?.requestId ?? correlationId,
        correlationId,
        attempt,
        tx,
        headers,
        once: <T>(key: string, read: () => Promise<T>) => {
          if (!reads.has(key)) reads.set(key, read());
          return reads.get(key) as Promise<T>;
        },
      };

      // 3. Where they may act: the role must hold over a subtree containing the target place.
      if ('roles' in auth) {
        const place = await auth.place(input as never, ctx);
        if (place === undefined) throw problems.notFound({ zh: '目标', en: 'The target' });
        const grant = grantFor(identity!, auth.roles, place);
        if (!grant) {
          throw problems.forbidden(
            {
              zh: `需要在 ${place} 范围内具有以下角色之一：${auth.roles.join('、')}。`,
              en: `Requires one of the roles ${auth.roles.join(', ')} over ${place}.`,
            },
            { requiredRoles: auth.roles, place },
          );
        }
        // Events record the role the caller acted in.
        ctx.actor = origin.actor = { sub: identity!.sub, role: grant.role };
      }

      // A later try (the first one's commit found the key's record, or lost a race) reads the first answer first.
      if (idemKey && !firstTry) {
        const prior = await firstAnswer();
        if (prior) return { outcome: 'committed' as const, value: prior };
      }

      // 5. The handler, then one atomic commit of everything it changed.
      try {
        return await handleAndCommit(ctx, tx);
      } catch (err) {
        if (err instanceof Replayed) return { outcome: 'committed' as const, value: err.answer };
        if (!firstTry) throw err;
        // Refused on a first try: if the key already has an answer (this is a replay), that answer is given instead.
        const prior = await firstAnswer().catch((e: unknown) => {
          throw e instanceof Problem ? e : err;
        });
        if (prior) return { outcome: 'committed' as const, value: prior };
        throw err;
      }
    },
    undefined,
    () => rt.metrics.addMetric('CommitRetry', MetricUnit.Count, 1),
  );
  return value;

  async function handleAndCommit(ctx: RouteContext, tx: UnitOfWork) {
    const out = await route.handler(input as never, ctx);
    const status = isReply(out) ? out.status : (route.status ?? 200);
    const body = isReply(out) ? out.body : out;
    if (options.strictResponses && route.response) {
      const check = (route.response as z.ZodType).safeParse(body);
      if (!check.success) throw new Error(`${route.operationId} response breaks its schema: ${check.error.message}`);
    }
    const rendered = body === undefined ? '' : JSON.stringify(body);
    if (idemKey) {
      tx.raw({
        item: {
          Put: {
            TableName: rt.table.name,
            Item: {
              ...idemKey,
              requestHash,
              status,
              body: rendered,
              ttl: Math.floor(rt.clock().getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        onConflict: 'retry',
      });
    }
    const outcome = await commit(rt.doc, tx);
    const responseHeaders: Record<string, string> = isReply(out) ? { ...out.headers } : {};
    if (rendered) responseHeaders['content-type'] = 'application/json; charset=utf-8';
    return { outcome, value: { statusCode: status, headers: responseHeaders, body: rendered } };
  }
}

/** A keyed request found to be a replay before it let anything out of its unit of work: its first answer. */
class Replayed {
  constructor(readonly answer: HttpResult) {}
}

/** The ways out of a unit of work (separate commits, calls to the bus), each waiting for `check` first. */
function heldUntilChecked(base: ServiceContext, check: () => Promise<void>): Pick<ServiceContext, 'unit' | 'tryUnit' | 'platform'> {
  const { platform } = base;
  return {
    unit: async (work) => {
      await check();
      return base.unit(work);
    },
    tryUnit: async (work) => {
      await check();
      return base.tryUnit(work);
    },
    platform: {
      busArn: platform.busArn,
      archiveArn: platform.archiveArn,
      ruleArn: (subscription) => platform.ruleArn(subscription),
      get eventBridge() {
        const client = platform.eventBridge;
        return new Proxy(client, {
          get: (target, prop, receiver) =>
            prop === 'send'
              ? async (...args: Parameters<typeof client.send>) => {
                  await check();
                  return (target.send as (...a: unknown[]) => unknown)(...args);
                }
              : Reflect.get(target, prop, receiver),
        });
      },
    },
  };
}

/** zod's own messages in Chinese (its zh-CN locale); English is zod's default. */
const zodChinese = z.locales.zhCN().localeError;

function parsePart(schema: z.ZodType | undefined, raw: unknown, part: 'path' | 'query' | 'body', locale: Locale): unknown {
  if (!schema) return part === 'body' ? undefined : {};
  // Field errors in the caller's language: zod's built-in rules through its locale, the schemas' own through `says`.
  // zod words an issue when its message is first read, so the problem is built inside the language's scope.
  return inLanguage(locale, () => {
    const parsed = schema.safeParse(raw, locale === 'zh-CN' ? { error: zodChinese } : undefined);
    if (!parsed.success) throw problems.invalid(part, parsed.error);
    return parsed.data;
  });
}

function readJsonBody(event: HttpEvent, headers: Record<string, string>): unknown {
  if (!event.body) {
    throw problems.badRequest({ zh: '缺少请求体。', en: 'A JSON request body is required.' }, [
      { in: 'body', pointer: '', rule: 'required', message: { zh: '需要 JSON 请求体', en: 'a JSON body is required' } },
    ]);
  }
  const type = headers['content-type'] ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) throw problems.unsupportedMediaType();
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch (err) {
    throw problems.badRequest({ zh: '请求体不是合法的 JSON。', en: 'The request body is not valid JSON.' }, [
      { in: 'body', pointer: '', rule: 'json', message: (err as Error).message },
    ]);
  }
}

function lowerCaseHeaders(h: HttpEvent['headers'] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) if (v !== undefined) out[k.toLowerCase()] = v;
  return out;
}

function hashRequest(input: RouteInput<unknown, unknown, unknown>): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}
