import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type AnyRoute, type ServiceManifest, localeFrom, problems, Problem, routeKeyOf } from '@cocreate/kernel';
import { lambdaContext } from './lambda-context.ts';

type HttpFn = (event: APIGatewayProxyEventV2, context: ReturnType<typeof lambdaContext>) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway's HTTP API payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

interface MountedRoute {
  route: AnyRoute;
  service: string;
  pattern: RegExp;
  params: string[];
  specificity: number;
}

/** Extra endpoints of the local stack itself (health, OpenAPI, tokens, clock…): path → handler. */
export type LocalEndpoint = (req: { method: string; url: URL; body: unknown }) => Promise<{ status: number; body: unknown }>;

/**
 * The local HTTP gateway: matches a request to a manifest route the way API Gateway does (most specific path
 * first), turns it into an HTTP API payload-v2 event and invokes the service's HTTP handler — the very code that
 * runs in Lambda.
 */
export class LocalGateway {
  private readonly routes: MountedRoute[] = [];
  private readonly handlers = new Map<string, HttpFn>();
  private readonly local = new Map<string, LocalEndpoint>();
  private server?: Server;
  url = '';

  /** How long a request may run before it is cut off, as API Gateway and Lambda would (ms). */
  constructor(private readonly timeoutMs = 29_000) {}

  mount(manifest: ServiceManifest, handler: HttpFn): void {
    this.handlers.set(manifest.name, handler);
    for (const route of manifest.routes) {
      const params: string[] = [];
      const segments = route.path.split('/').filter(Boolean);
      const regex = segments
        .map((s) => {
          const m = /^\{([A-Za-z0-9_]+)(\+)?\}$/.exec(s);
          if (!m) return escape(s);
          params.push(m[1]!);
          return m[2] ? '(.+)' : '([^/]+)';
        })
        .join('/');
      this.routes.push({
        route,
        service: manifest.name,
        pattern: new RegExp(`^/${regex}/?$`),
        params,
        specificity: segments.filter((s) => !s.startsWith('{')).length * 100 - params.length,
      });
    }
    this.routes.sort((a, b) => b.specificity - a.specificity);
  }

  endpoint(method: string, path: string, handler: LocalEndpoint): void {
    this.local.set(`${method} ${path}`, handler);
  }

  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => resolve());
    });
    const addr = this.server.address();
    this.url = `http://${host}:${typeof addr === 'object' && addr ? addr.port : port}`;
    return this.url;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections?.();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const locale = localeFrom(req.headers['accept-language']);
    try {
      if (method === 'OPTIONS') return send(res, 204, '', corsHeaders());
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY_BYTES) {
          throw new Problem(413, 'payload-too-large', { zh: '请求体过大', en: 'Payload too large' }, {
            zh: '请求体不能超过 10 MB。',
            en: 'The request body may not exceed 10 MB.',
          });
        }
        chunks.push(chunk as Buffer);
      }
      const raw = Buffer.concat(chunks);

      const local = this.local.get(`${method} ${url.pathname}`);
      if (local) {
        let body: unknown;
        if (raw.length) {
          try {
            body = JSON.parse(raw.toString('utf8'));
          } catch {
            throw problems.badRequest({ zh: '请求体不是合法的 JSON。', en: 'The request body is not valid JSON.' });
          }
        }
        const out = await local({ method, url, body });
        return send(res, out.status, JSON.stringify(out.body, null, 2), { 'content-type': 'application/json; charset=utf-8' });
      }

      const match = this.match(method, url.pathname);
      if (!match) {
        const allowed = this.methodsAt(url.pathname);
        if (!allowed.length) throw problems.notFound({ zh: `接口 ${method} ${url.pathname} `, en: `Route ${method} ${url.pathname}` });
        // The path exists: saying 404 would send a caller looking for a typo in the path instead of the method.
        const allow = [...allowed, 'OPTIONS'].join(', ');
        const p = new Problem(405, 'method-not-allowed', { zh: '不支持该方法', en: 'Method not allowed' }, {
          zh: `${url.pathname} 不支持 ${method}，支持：${allow}。`,
          en: `${url.pathname} does not take ${method}; it takes ${allow}.`,
        });
        return send(res, 405, JSON.stringify(p.render(locale, url.pathname)), {
          'content-type': 'application/problem+json; charset=utf-8',
          allow,
        });
      }
      const handler = this.handlers.get(match.mounted.service)!;
      const event = toEvent(req, url, method, raw, match.mounted.route, match.pathParameters);
      const result = await handler(event, lambdaContext(`${match.mounted.service}-http`, this.timeoutMs));
      const body = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? '');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
      send(res, result.statusCode ?? 200, body, headers);
    } catch (err) {
      // A function that ran out of time (Middy ends it just before the Lambda timeout) is a 504, as API Gateway says.
      const timedOut = (err as Error)?.name === 'TimeoutError';
      const p =
        err instanceof Problem
          ? err
          : timedOut
            ? new Problem(504, 'timeout', { zh: '处理超时', en: 'Gateway timeout' }, {
                zh: '服务未能在时限内完成处理，请稍后重试。',
                en: 'The service did not finish in time; try again shortly.',
              })
            : problems.internal();
      if (!(err instanceof Problem) && !timedOut) console.error('[gateway]', err);
      send(res, p.status, JSON.stringify(p.render(locale, url.pathname)), {
        'content-type': 'application/problem+json; charset=utf-8',
      });
    } finally {
      if (process.env.COCREATE_ACCESS_LOG) {
        // Routes live under their service's name; everything else is the local stack's own.
        const first = url.pathname.split('/')[1] ?? '';
        console.log(`${method} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms ${this.handlers.has(first) ? first : 'local'}`);
      }
    }
  }

  /** Every method some route or local endpoint takes at this path, in a stable order. */
  private methodsAt(path: string): string[] {
    const methods = new Set<string>();
    for (const mounted of this.routes) if (mounted.pattern.test(path)) methods.add(mounted.route.method);
    for (const key of this.local.keys()) {
      const [method, localPath] = key.split(' ');
      if (localPath === path) methods.add(method!);
    }
    return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => methods.has(m));
  }

  private match(method: string, path: string) {
    for (const mounted of this.routes) {
      if (mounted.route.method !== method) continue;
      const m = mounted.pattern.exec(path);
      if (!m) continue;
      const pathParameters: Record<string, string> = {};
      mounted.params.forEach((name, i) => (pathParameters[name] = decodeURIComponent(m[i + 1]!)));
      return { mounted, pathParameters };
    }
    return undefined;
  }
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  method: string,
  raw: Buffer,
  route: AnyRoute,
  pathParameters: Record<string, string>,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined && k !== 'cookie') headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  }
  // HTTP API joins repeated query keys with commas.
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const textual = /json|text|xml|x-www-form-urlencoded/i.test(headers['content-type'] ?? 'application/json');
  const now = new Date();
  const requestId = randomUUID();
  const cookies = req.headers.cookie?.split(';').map((c) => c.trim());
  return {
    version: '2.0',
    routeKey: routeKeyOf(route),
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: routeKeyOf(route),
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(raw.length
      ? { body: textual ? raw.toString('utf8') : raw.toString('base64'), isBase64Encoded: !textual }
      : { isBase64Encoded: false }),
  };
}

function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
    'access-control-allow-headers': 'authorization,content-type,idempotency-key,accept-language,x-correlation-id',
  };
}

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  res.writeHead(status, { ...corsHeaders(), ...headers });
  res.end(body);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
