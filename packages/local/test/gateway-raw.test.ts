import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalGateway } from '../src/gateway.ts';
import { stubService } from './stub-service.ts';

/**
 * Requests no well-behaved client sends, written byte for byte on a socket: whatever arrives, the gateway answers
 * problem+json and stays up (when it went down, DynamoDB Local, the S3 server and the bus went with it).
 */
const manifest = stubService();

const gateway = new LocalGateway();
let port = 0;
let base = '';

beforeAll(async () => {
  gateway.mount(manifest, async (event) => ({
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ routeKey: event.routeKey, pathParameters: event.pathParameters ?? {}, bodyBytes: event.body?.length ?? 0 }),
  }));
  base = await gateway.listen(0);
  port = Number(new URL(base).port);
});
afterAll(() => gateway.close());

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The body at the start of `rest` (content-length or chunked) and the bytes it took, or undefined if incomplete. */
function bodyOf(rest: Buffer, headers: Record<string, string>): { body: Buffer; used: number } | undefined {
  if (headers['transfer-encoding'] !== 'chunked') {
    const length = Number(headers['content-length'] ?? 0);
    return rest.length < length ? undefined : { body: rest.subarray(0, length), used: length };
  }
  const chunks: Buffer[] = [];
  let at = 0;
  for (;;) {
    const line = rest.indexOf('\r\n', at);
    if (line < 0) return undefined;
    const size = parseInt(rest.subarray(at, line).toString('latin1'), 16);
    if (rest.length < line + 2 + size + 2) return undefined;
    if (size === 0) return { body: Buffer.concat(chunks), used: line + 4 };
    chunks.push(rest.subarray(line + 2, line + 2 + size));
    at = line + 2 + size + 2;
  }
}

/**
 * Writes `parts` on one connection and reads back the responses in order (each framed by its content-length) until
 * `count` have come or the gateway closes the connection.
 */
function exchange(parts: (string | Buffer)[], count: number): Promise<{ responses: RawResponse[]; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const responses: RawResponse[] = [];
    let buffer = Buffer.alloc(0);
    let closed = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`only ${responses.length} of ${count} responses in time`));
    }, 20_000);
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ responses, closed });
    };
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const [statusLine, ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
        const headers = Object.fromEntries(
          lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
        );
        const framed = bodyOf(buffer.subarray(end + 4), headers);
        if (!framed) return;
        responses.push({ status: Number(statusLine!.split(' ')[1]), headers, body: framed.body.toString('utf8') });
        buffer = buffer.subarray(end + 4 + framed.used);
        if (responses.length === count) return finish();
      }
    });
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('error', () => undefined);
    // In 64 KiB pieces, waiting for the socket to drain, as a client streaming a file does: the gateway answers a
    // 413 while the body is still arriving.
    const pieces = parts.flatMap((part) => {
      const bytes = Buffer.from(part);
      return Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) => bytes.subarray(i * 65_536, (i + 1) * 65_536));
    });
    const write = () => {
      while (pieces.length) if (!socket.write(pieces.shift()!)) return void socket.once('drain', write);
    };
    write();
  });
}

const get = (target: string, extra = '') => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: en\r\n${extra}\r\n`;
const json = (r: RawResponse) => JSON.parse(r.body) as Record<string, unknown>;

async function stillUp() {
  const res = await fetch(`${base}/deliberation/needs`);
  expect(res.status).toBe(200);
}

describe('the local gateway, sent raw requests', () => {
  it('answers GET // with a 404 problem and stays up', async () => {
    const { responses } = await exchange([get('//')], 1);
    expect(responses[0]!.status).toBe(404);
    expect(responses[0]!.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(json(responses[0]!)).toMatchObject({ status: 404, code: 'not-found' });
    await stillUp();
  });

  it('takes //host/path as a path, not as another host', async () => {
    const { responses } = await exchange([get('//127.0.0.1/deliberation/needs')], 1);
    expect([responses[0]!.status, json(responses[0]!).instance]).toEqual([404, '//127.0.0.1/deliberation/needs']);
  });

  it('answers a request target that is no URL with a 400 problem', async () => {
    const { responses } = await exchange([get('http://[::1/x')], 1);
    expect(responses[0]!.status).toBe(400);
    expect(json(responses[0]!)).toMatchObject({ status: 400, code: 'bad-request' });
    await stillUp();
  });

  it.each(['%', '%ZZ', '%E0%A4%A', 'a%2', '%C0%AF'])(
    'answers a malformed escape in a path parameter (%s) with a 400 problem naming it',
    async (value) => {
      const { responses } = await exchange(
        [`DELETE /deliberation/needs/${value} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: en\r\n\r\n`],
        1,
      );
      expect(responses[0]!.status).toBe(400);
      expect(responses[0]!.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(json(responses[0]!)).toMatchObject({
        status: 400,
        code: 'bad-request',
        errors: [{ in: 'path', pointer: '/needId', rule: 'percent-encoding' }],
      });
    },
  );

  it('still decodes well-formed escapes', async () => {
    const { responses } = await exchange([`DELETE /deliberation/needs/%E9%9C%80%2F1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`], 1);
    expect(json(responses[0]!)).toMatchObject({ pathParameters: { needId: '需/1' } });
  });

  it('answers headers over 16 KB with a 431 problem body, and stays up', async () => {
    const { responses } = await exchange([get('/deliberation/needs', `X-Padding: ${'a'.repeat(17 * 1024)}\r\n`)], 1);
    expect(responses[0]!.status).toBe(431);
    expect(responses[0]!.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(json(responses[0]!)).toMatchObject({ status: 431, code: 'header-fields-too-large' });
    await stillUp();
  });

  it('answers a malformed request line with a 400 problem body', async () => {
    const { responses } = await exchange(['GET\r\n\r\n'], 1);
    expect([responses[0]!.status, json(responses[0]!).code]).toEqual([400, 'bad-request']);
    await stillUp();
  });

  it.each([
    [
      'declared too long',
      (body: Buffer) => [
        `POST /deliberation/needs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
        body,
      ],
    ],
    [
      'found too long while chunked',
      (body: Buffer) => [
        'POST /deliberation/needs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
        `${body.length.toString(16)}\r\n`,
        body,
        '\r\n0\r\n\r\n',
      ],
    ],
  ])('after a 413 (%s), serves the next requests on the same keep-alive connection', async (_, framing) => {
    // Well past the limit: the 413 goes out with megabytes of the body still to come.
    const tooBig = Buffer.alloc(12 * 1024 * 1024, 0x20);
    const small = '{"a":1}';
    const { responses, closed } = await exchange(
      [
        ...framing(tooBig),
        get('/deliberation/needs'),
        `POST /deliberation/needs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${small.length}\r\n\r\n${small}`,
      ],
      3,
    );
    expect(responses.map((r) => r.status)).toEqual([413, 200, 200]);
    expect(json(responses[0]!)).toMatchObject({ status: 413, code: 'payload-too-large' });
    expect(json(responses[2]!)).toMatchObject({ routeKey: 'POST /deliberation/needs', bodyBytes: small.length });
    expect(closed).toBe(false);
    await stillUp();
  });
});
