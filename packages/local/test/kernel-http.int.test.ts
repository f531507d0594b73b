import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpHandler } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { LocalGateway } from '../src/gateway.ts';
import { LocalApi } from '../src/testing.ts';
import { fixtureManifest, fixtureRuntime, type Fixture } from './fixture.ts';

/** The HTTP kernel end to end: a real gateway, real DynamoDB Local, a fixture service. */
let fx: Fixture;
let gateway: LocalGateway;
let api: LocalApi;
let cadre: string;
let otherCounty: string;

beforeAll(async () => {
  fx = await fixtureRuntime();
  gateway = new LocalGateway();
  gateway.mount(fixtureManifest, createHttpHandler(fx.rt, { strictResponses: true }));
  api = new LocalApi(await gateway.listen(0));
  cadre = await fx.token('p-majiaqiao-01', [{ role: 'cadre', place: demo.majiaqiao }]);
  otherCounty = await fx.token('p-fengshu-01', [{ role: 'cadre', place: demo.fengshu }]);
});

afterAll(() => gateway.close());

const auth = (t: string) => ({ authorization: `Bearer ${t}` });
const count = async (id: string) => (await fx.rt.table.get({ pk: `ACCOUNT#${id}`, sk: 'ACCOUNT' }))?.balance;

describe('validation → problem+json', () => {
  it('names each bad body field and the rule it broke (422)', async () => {
    const res = await api.post('/rewards/fixture/accounts', { id: 'a', place: 'Not/A Path', balance: -1 }, { headers: auth(cadre) });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('validation-failed');
    expect(res.body.errors.map((e: { pointer: string; rule: string }) => `${e.pointer} ${e.rule}`).sort()).toEqual([
      '/balance too_small',
      '/place invalid_format',
    ]);
  });

  it('refuses malformed JSON and a non-JSON body with 400/415, in Chinese when asked', async () => {
    const bad = await api.request<any>('POST', '/rewards/fixture/accounts', '{"id":', { headers: auth(cadre), lang: 'zh-CN' });
    expect(bad.status).toBe(400);
    expect(bad.body.title).toBe('请求无效');
    const text = await api.request('POST', '/rewards/fixture/accounts', 'id=a', {
      headers: { ...auth(cadre), 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
  });

  it('refuses a request without a valid token with 401', async () => {
    expect((await api.post('/rewards/fixture/accounts', { id: 'a', place: demo.majiaqiao, balance: 1 })).status).toBe(401);
    expect(
      (
        await api.post(
          '/rewards/fixture/accounts',
          { id: 'a', place: demo.majiaqiao, balance: 1 },
          { headers: { authorization: 'Bearer x.y.z' } },
        )
      ).status,
    ).toBe(401);
  });
});

describe('place check', () => {
  it('refuses a cadre of another county with 403 and writes nothing', async () => {
    const res = await api.post(
      '/rewards/fixture/accounts',
      { id: 'p1', place: demo.majiaqiao, balance: 5 },
      { headers: auth(otherCounty) },
    );
    expect(res.status).toBe(403);
    expect(res.body.requiredRoles).toEqual(['cadre']);
    expect(await count('p1')).toBeUndefined();
  });

  it('answers 404 when the target does not exist, 403 when it lies elsewhere', async () => {
    expect((await api.get('/rewards/fixture/accounts/nope', { headers: auth(cadre) })).status).toBe(404);
    await api.post('/rewards/fixture/accounts', { id: 'p2', place: demo.majiaqiao, balance: 5 }, { headers: auth(cadre) });
    expect((await api.get('/rewards/fixture/accounts/p2', { headers: auth(cadre) })).body.balance).toBe(5);
    expect((await api.get('/rewards/fixture/accounts/p2', { headers: auth(otherCounty) })).status).toBe(403);
  });
});

describe('atomic writes', () => {
  it('answers 409 with the reason and leaves nothing half-done when one condition fails', async () => {
    await api.post('/rewards/fixture/accounts', { id: 't1', place: demo.majiaqiao, balance: 100 }, { headers: auth(cadre) });
    const res = await api.post('/rewards/fixture/transfers', { from: 't1', to: 'missing', amount: 30 }, { headers: auth(cadre) });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('no-such-account');
    expect(await count('t1')).toBe(100);
  });

  it('never overdraws under concurrent transfers', async () => {
    await api.post('/rewards/fixture/accounts', { id: 'c-from', place: demo.majiaqiao, balance: 50 }, { headers: auth(cadre) });
    await api.post('/rewards/fixture/accounts', { id: 'c-to', place: demo.majiaqiao, balance: 0 }, { headers: auth(cadre) });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.post('/rewards/fixture/transfers', { from: 'c-from', to: 'c-to', amount: 10 }, { headers: auth(cadre) }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'insufficient')).toBe(true);
    expect(results.filter((r) => r.status === 409)).toHaveLength(15);
    expect(await count('c-from')).toBe(0);
    expect(await count('c-to')).toBe(50);
  });

  it('writes the state and its outbox row in one transaction', async () => {
    await api.post('/rewards/fixture/accounts', { id: 'o1', place: demo.majiaqiao, balance: 1 }, { headers: auth(cadre) });
    const dup = await api.post('/rewards/fixture/accounts', { id: 'o1', place: demo.majiaqiao, balance: 1 }, { headers: auth(cadre) });
    expect(dup.status).toBe(409);
    const scan = await fx.rt.table.doc.send(
      new (await import('@aws-sdk/lib-dynamodb')).ScanCommand({
        TableName: fx.rt.table.name,
        FilterExpression: 'begins_with(pk, :o)',
        ExpressionAttributeValues: { ':o': 'OUTBOX#' },
      }),
    );
    const texts = (scan.Items ?? []).map((i) => JSON.parse(i.detail as string).data.text);
    expect(texts.filter((t) => t === 'o1')).toHaveLength(1);
  });
});

describe('idempotency keys', () => {
  it('replays the first answer for a retried request and changes nothing twice', async () => {
    const body = { id: 'i1', place: demo.majiaqiao, balance: 7 };
    const first = await api.post('/rewards/fixture/accounts', body, { headers: auth(cadre), idempotencyKey: 'key-1' });
    const again = await api.post('/rewards/fixture/accounts', body, { headers: auth(cadre), idempotencyKey: 'key-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('refuses the same key for a different request (422)', async () => {
    await api.post(
      '/rewards/fixture/accounts',
      { id: 'i2', place: demo.majiaqiao, balance: 1 },
      { headers: auth(cadre), idempotencyKey: 'key-2' },
    );
    const other = await api.post(
      '/rewards/fixture/accounts',
      { id: 'i3', place: demo.majiaqiao, balance: 1 },
      { headers: auth(cadre), idempotencyKey: 'key-2' },
    );
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency-key-reused');
    expect(await count('i3')).toBeUndefined();
  });

  it('under concurrent retries of one request, applies it once', async () => {
    const body = { id: 'i4', place: demo.majiaqiao, balance: 3 };
    const all = await Promise.all(
      Array.from({ length: 8 }, () => api.post('/rewards/fixture/accounts', body, { headers: auth(cadre), idempotencyKey: 'key-4' })),
    );
    expect(all.every((r) => r.status === 201)).toBe(true);
    expect(await count('i4')).toBe(3);
  });
});

describe('a store outage', () => {
  it('answers 503 with Retry-After (not 500) for writes and reads while the store cannot be reached', async () => {
    const down = await fixtureRuntime('fixture-bus', undefined, { storeDown: true });
    const outage = new LocalGateway();
    outage.mount(fixtureManifest, createHttpHandler(down.rt));
    try {
      const during = new LocalApi(await outage.listen(0));
      const token = await down.token('p-majiaqiao-01', [{ role: 'cadre', place: demo.majiaqiao }]);
      const write = await during.post(
        '/rewards/fixture/accounts',
        { id: 'down', place: demo.majiaqiao, balance: 1 },
        { headers: auth(token) },
      );
      expect(write.status).toBe(503);
      expect(write.headers.get('retry-after')).toBe('5');
      expect(write.body).toMatchObject({ status: 503, code: 'store-unavailable' });
      const read = await during.get('/rewards/fixture/accounts/down', { headers: auth(token) });
      expect(read.status).toBe(503);
      expect(read.headers.get('retry-after')).toBe('5');
    } finally {
      await outage.close();
    }
  });
});
