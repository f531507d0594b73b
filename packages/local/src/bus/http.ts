/**
 * The bus's HTTP face: EventBridge's AWS JSON 1.1 protocol (`POST /` with `X-Amz-Target: AWSEvents.<Operation>`,
 * errors as HTTP 400 with `{"__type", "message"}`), so an unmodified @aws-sdk/client-eventbridge works against it,
 * plus the local-only dead-letter endpoints. Request signatures are not checked.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AwsError } from './errors.ts';
import type { Logger } from './delivery.ts';
import type { DeadLetter } from './model.ts';
import type { Input, Operation } from './operations.ts';

const AMZ_JSON = 'application/x-amz-json-1.1';
const TARGET_PREFIX = 'AWSEvents.';

export interface BusHttpApi {
  operations: Readonly<Record<string, Operation>>;
  deadLetters(): DeadLetter[];
  redrive(ids?: readonly string[]): Promise<number>;
  log: Logger;
}

export function createBusServer(api: BusHttpApi): Server {
  return createServer((req, res) => {
    handle(api, req, res).catch((e: unknown) => {
      api.log('event bus: request failed', { error: e instanceof Error ? e.message : String(e) });
      if (!res.headersSent) send(res, 500, { __type: 'InternalException', message: 'Internal Service Failure' }, AMZ_JSON);
    });
  });
}

async function handle(api: BusHttpApi, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const body = await readBody(req);

  if (req.method === 'GET' && path === '/_local/dead-letters') {
    send(res, 200, api.deadLetters());
    return;
  }
  if (req.method === 'POST' && path === '/_local/dead-letters/redrive') {
    const ids = parseJson(body) as { ids?: unknown } | undefined;
    const chosen = Array.isArray(ids?.ids) ? ids.ids.filter((id): id is string => typeof id === 'string') : undefined;
    send(res, 200, { redriven: await api.redrive(chosen) });
    return;
  }
  if (req.method !== 'POST' || path !== '/') {
    send(res, 404, { message: `No route for ${req.method ?? ''} ${path}` });
    return;
  }

  const target = req.headers['x-amz-target'];
  const operationName = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  const operation = api.operations[operationName];
  try {
    if (operation === undefined) throw new AwsError('UnknownOperationException', `Unknown operation ${String(target)}`);
    const input = body.length === 0 ? {} : parseJson(body);
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new AwsError('SerializationException', 'Request body is not a JSON object.');
    }
    send(res, 200, await operation(input as Input), AMZ_JSON);
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    res.setHeader('x-amzn-errortype', e.type);
    send(res, e.status, { __type: e.type, message: e.message }, AMZ_JSON);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parsed JSON, or undefined when the text is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(text);
}
