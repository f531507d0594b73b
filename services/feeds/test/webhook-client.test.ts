import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOPBACK_RECEIVERS_ENV, postWebhook, webhookPolicy } from '../app/webhook-client.ts';

/**
 * The delivery-time check: a name is judged on the addresses it resolves to when the attempt is made, and the
 * connection goes to the address judged. A receiver on 127.0.0.1 stands in for whatever a hostile name points at.
 */
let server: Server;
let port = 0;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    req.resume();
    if (req.url === '/moved') return res.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end();
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const resolvingTo =
  (...addresses: string[]) =>
  (_: string, cb: (err: NodeJS.ErrnoException | null, a: { address: string; family: number }[]) => void) =>
    cb(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
const local = { loopbackHttp: true };
const deployed = { loopbackHttp: false };

describe('webhook delivery', () => {
  it('refuses, without connecting, a name that now resolves to the metadata address', async () => {
    hits.length = 0;
    const out = await postWebhook(
      'https://169.254.169.254.nip.io/latest/meta-data',
      '{}',
      {},
      { policy: deployed, resolve: resolvingTo('169.254.169.254') },
    );
    expect(out).toMatchObject({ ok: false, error: expect.stringContaining('resolves to 169.254.169.254, link-local') });
    expect(hits).toEqual([]);
  });

  it('refuses a name with any non-public address among its answers', async () => {
    for (const addresses of [['8.8.8.8', '10.0.0.1'], ['64:ff9b::a9fe:a9fe'], ['fec0::1'], ['::ffff:127.0.0.1']]) {
      const out = await postWebhook(
        'https://hooks.hongan.example.cn/x',
        '{}',
        {},
        { policy: deployed, resolve: resolvingTo(...addresses) },
      );
      expect(out, addresses.join()).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^refused: hooks\.hongan\.example\.cn resolves to/),
      });
    }
  });

  it('refuses a name resolving to loopback in deployed configs, though a receiver listens there', async () => {
    hits.length = 0;
    const out = await postWebhook(
      `https://receiver.example.cn:${port}/hook`,
      '{}',
      {},
      { policy: deployed, resolve: resolvingTo('127.0.0.1') },
    );
    expect(out).toMatchObject({ ok: false, error: expect.stringContaining('loopback') });
    // And plain http, as a URL registered before the rules tightened would be.
    expect(await postWebhook(`http://127.0.0.1:${port}/hook`, '{}', {}, { policy: deployed })).toMatchObject({
      ok: false,
      error: 'refused: use https',
    });
    expect(hits).toEqual([]);
  });

  it('connects to the address the check resolved (the local stack’s loopback receivers)', async () => {
    hits.length = 0;
    const out = await postWebhook(
      `http://localhost:${port}/hook`,
      '{"a":1}',
      { 'content-type': 'application/json' },
      { policy: local, resolve: resolvingTo('127.0.0.1') },
    );
    expect(out).toMatchObject({ ok: true, status: 204 });
    expect(hits).toEqual(['/hook']);
  });

  it('does not follow a redirect', async () => {
    hits.length = 0;
    const out = await postWebhook(`http://127.0.0.1:${port}/moved`, '{}', {}, { policy: local });
    expect(out).toMatchObject({ ok: false, status: 302, error: 'HTTP 302' });
    expect(hits).toEqual(['/moved']);
  });

  it('takes the loopback setting from the local stack’s variable only', () => {
    expect(webhookPolicy({})).toEqual({ loopbackHttp: false });
    expect(webhookPolicy({ [LOOPBACK_RECEIVERS_ENV]: 'true' })).toEqual({ loopbackHttp: false });
    expect(webhookPolicy({ [LOOPBACK_RECEIVERS_ENV]: 'allow' })).toEqual({ loopbackHttp: true });
  });
});
