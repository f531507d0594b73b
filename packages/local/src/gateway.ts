import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type PageRenderer, type Site, pagesOf, serveBoard } from '@cocreate/board';
import { type AnyRoute, LANGUAGE_HEADERS, type ServiceManifest, localeFrom, problems, Problem, routeKeyOf } from '@cocreate/kernel';
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
  /** The public board's files (`/`, `/notice`, `/board/…`), as the board's site function serves them deployed. */
  set site(site: Site | undefined) {
    this.siteAssets = site;
    this.pages = undefined;
  }
  get site(): Site | undefined {
    return this.siteAssets;
  }
  private siteAssets?: Site;
  /** The board's pages rendered here, from the public routes asked of this gateway (made on first use: its URL). */
  private pages?: PageRenderer;
  url = '';

  /**
   * Browser origins allowed to call the API from another origin (CORS), besides the gateway's own: what a
   * deployment's `webOrigins` are to API Gateway. A foreign origin gets no `Access-Control-Allow-Origin`.
   */
  webOrigins: readonly string[] = [];

  /** How long a request may run before it is cut off, as API Gateway and Lambda would (ms). */
  constructor(private readonly timeoutMs = 29_000) {}

  /** The origins whose pages may read answers: the gateway's own (by IP and as localhost) and `webOrigins`. */
  private allowsOrigin(origin: string | undefined): origin is string {
    if (!origin || !this.url) return false;
    const own = new URL(this.url);
    return origin === own.origin || origin === `${own.protocol}//localhost:${own.port}` || this.webOrigins.includes(origin);
  }

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
    this.server = createServer((req, res) => {
      // serve() answers every failure it can; this is for one it cannot (the socket gone mid-answer). A rejection
      // left unhandled would end the process, and with it DynamoDB Local, the S3 server and the bus.
      this.serve(req, res).catch((err: unknown) => {
        console.error('[gateway]', err);
        if (!res.headersSent && res.writable)
          return send(res, 500, JSON.stringify(problems.internal().render(localeFrom(undefined))), {
            ...PROBLEM_JSON,
            ...LANGUAGE_HEADERS['zh-CN'],
          });
        res.destroy();
      });
    });
    this.server.on('clientError', answerClientError);
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
    const url = requestUrl(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const locale = localeFrom(req.headers['accept-language']);
    try {
      if (!url) {
        throw problems.badRequest({ zh: `请求目标 ${req.url} 不是合法的路径。`, en: `The request target ${req.url} is not a valid path.` });
      }
      if (this.siteAssets && (method === 'GET' || method === 'HEAD')) {
        // The board, as its site function serves it deployed: a page rendered with its data, or a built file.
        this.pages ??= pagesOf(this.siteAssets, this.url);
        const answer = await serveBoard(this.siteAssets, this.pages, { method, url, acceptEncoding: req.headers['accept-encoding'] });
        if (answer) {
          req.resume();
          return send(res, answer.status, answer.body, answer.headers);
        }
      }
      // Every API answer (problems included) says whether a page of the caller's origin may read it: only the
      // allowed origins are named, never `*` (the board's files above are read same-origin).
      res.setHeader('vary', 'Origin');
      if (this.allowsOrigin(req.headers.origin)) {
        for (const [k, v] of Object.entries(corsHeaders(req.headers.origin))) res.setHeader(k, v);
      }
      if (method === 'OPTIONS') return send(res, 204, '', {});
      const raw = await readBody(req);

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
        const p = new Problem(
          405,
          'method-not-allowed',
          { zh: '不支持该方法', en: 'Method not allowed' },
          {
            zh: `${url.pathname} 不支持 ${method}，支持：${allow}。`,
            en: `${url.pathname} does not take ${method}; it takes ${allow}.`,
          },
        );
        return send(res, 405, JSON.stringify(p.render(locale, url.pathname)), { ...PROBLEM_JSON, ...LANGUAGE_HEADERS[locale], allow });
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
            ? new Problem(
                504,
                'timeout',
                { zh: '处理超时', en: 'Gateway timeout' },
                {
                  zh: '服务未能在时限内完成处理，请稍后重试。',
                  en: 'The service did not finish in time; try again shortly.',
                },
              )
            : problems.internal();
      if (!(err instanceof Problem) && !timedOut) console.error('[gateway]', err);
      send(res, p.status, JSON.stringify(p.render(locale, url?.pathname)), { ...PROBLEM_JSON, ...LANGUAGE_HEADERS[locale] });
    } finally {
      if (process.env.COCREATE_ACCESS_LOG) {
        // Routes live under their service's name; everything else is the local stack's own.
        const path = url?.pathname ?? req.url ?? '';
        const first = path.split('/')[1] ?? '';
        console.log(`${method} ${path} ${res.statusCode} ${Date.now() - started}ms ${this.handlers.has(first) ? first : 'local'}`);
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
      mounted.params.forEach((name, i) => (pathParameters[name] = decodePathParameter(name, m[i + 1]!)));
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

const PROBLEM_JSON = { 'content-type': 'application/problem+json; charset=utf-8' };

/**
 * The request's URL, or undefined when the target is none. An origin-form target is appended to the gateway's own
 * origin rather than resolved against it: resolving `//` or `//host/x` would read them as another authority (and
 * `//` as an invalid URL), while API Gateway takes them as paths.
 */
function requestUrl(target: string, origin: string): URL | undefined {
  try {
    return new URL(target.startsWith('/') ? `${origin}${target}` : target, origin);
  } catch {
    return undefined;
  }
}

function decodePathParameter(name: string, value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw problems.badRequest(
      { zh: `路径参数 ${name} 含有无效的百分号编码。`, en: `The path parameter ${name} holds a malformed percent escape.` },
      [{ in: 'path', pointer: `/${name}`, rule: 'percent-encoding', message: 'not valid percent-encoded UTF-8' }],
    );
  }
}

const tooLarge = () =>
  new Problem(
    413,
    'payload-too-large',
    { zh: '请求体过大', en: 'Payload too large' },
    {
      zh: '请求体不能超过 10 MB。',
      en: 'The request body may not exceed 10 MB.',
    },
  );

/**
 * The request body, or a 413 once it passes the limit. The rest of an oversized body is still read (and dropped),
 * never the stream destroyed: destroying it would close the connection, losing the requests a keep-alive client
 * sends after it. Node's request timeout bounds how long an endless body is read.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        return reject(tooLarge());
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/**
 * What Node's HTTP parser refuses before there is a request (headers over its 16 KiB limit, a malformed request
 * line) is answered here. Node's default answer has no body; this one is problem+json like every other refusal.
 * The connection is closed after it: the parser cannot tell where the next request would begin.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const p =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? new Problem(
          431,
          'header-fields-too-large',
          { zh: '请求头过大', en: 'Request header fields too large' },
          {
            zh: '请求头合计不能超过 16 KB。',
            en: 'The request headers together may not exceed 16 KB.',
          },
        )
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new Problem(
            408,
            'request-timeout',
            { zh: '请求超时', en: 'Request timeout' },
            {
              zh: '请求未能在时限内发送完毕。',
              en: 'The request was not received in time.',
            },
          )
        : problems.badRequest({ zh: '请求不是合法的 HTTP/1.1 报文。', en: 'The request is not a well-formed HTTP/1.1 message.' });
  const body = JSON.stringify(p.render(localeFrom(undefined)));
  const head = [
    `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status]}`,
    ...Object.entries({ ...PROBLEM_JSON, ...LANGUAGE_HEADERS['zh-CN'] }).map(([k, v]) => `${k}: ${v}`),
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
    'access-control-allow-headers': 'authorization,content-type,idempotency-key,accept-language,x-correlation-id',
  };
}

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  // One Vary naming everything the answer depends on (Origin, set for every answer, and the answer's own).
  const vary = Object.entries(headers).find(([k]) => k.toLowerCase() === 'vary')?.[1];
  const before = res.getHeader('vary');
  const merged = vary && before ? { ...headers, vary: `${String(before)}, ${vary}` } : headers;
  res.writeHead(status, merged);
  res.end(body);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
