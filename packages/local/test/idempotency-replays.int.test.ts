import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as z from 'zod';
import { PlacePath } from '@cocreate/contracts';
import { createHttpHandler, createRuntime, defineRoute, defineService, problems, type ServiceRuntime } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { localClients } from '../src/clients.ts';
import { ensureTable } from '../src/dynamo.ts';
import { LocalGateway } from '../src/gateway.ts';
import { LocalApi } from '../src/testing.ts';

/**
 * A request retried with its Idempotency-Key gets the first answer, however things changed since — also now that the
 * first try of a keyed request reads no record before it works (the record is created with the write, on condition).
 * A replay whose handler would now refuse, or whose handler commits a unit of its own, must still change nothing and
 * answer what the first request was answered.
 */
const key = (id: string) => ({ pk: `LOCK#${id}`, sk: 'LOCK' });

const manifest = defineService({
  name: 'rewards',
  title: { zh: '测试', en: 'Fixture' },
  table: { indexes: [] },
  routes: [
    defineRoute({
      method: 'POST',
      path: '/rewards/fixture/locks',
      operationId: 'lock',
      summary: 'lock once; a second lock is refused',
      auth: { roles: ['cadre'], place: ({ body }) => body.place },
      body: z.object({ id: z.string(), place: PlacePath }),
      response: z.object({ id: z.string(), lockedAt: z.string() }),
      status: 201,
      idempotent: true,
      handler: async ({ body }, ctx) => {
        // Read first and refuse from what was read: a replay of a lock that succeeded would be refused here.
        if (await ctx.table.get(key(body.id))) throw problems.conflict('locked', { zh: '已锁定', en: 'Already locked' });
        const lockedAt = ctx.now().toISOString();
        ctx.tx.create({ ...key(body.id), lockedAt }, problems.conflict('locked', { zh: '已锁定', en: 'Already locked' }));
        return { id: body.id, lockedAt };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/rewards/fixture/tallies',
      operationId: 'tally',
      summary: 'adds one in a unit of its own, then answers',
      auth: { roles: ['cadre'], place: ({ body }) => body.place },
      body: z.object({ id: z.string(), place: PlacePath }),
      response: z.object({ id: z.string() }),
      status: 201,
      idempotent: true,
      handler: async ({ body }, ctx) => {
        await ctx.unit(async (tx) => void tx.update({ pk: `TALLY#${body.id}`, sk: 'TALLY' }, { add: { n: 1 } }));
        return { id: body.id };
      },
    }),
  ],
  subscriptions: [],
  jobs: [],
  publishes: [],
  evidence: false,
});

let rt: ServiceRuntime;
let gateway: LocalGateway;
let api: LocalApi;
let cadre: string;

beforeAll(async () => {
  const stack = inject('stack');
  const clients = localClients({ dynamodb: stack.dynamodb, s3: stack.s3, eventbridge: stack.eventbridge });
  const tableName = `replays-${process.pid}-${Date.now()}`;
  await ensureTable(clients.dynamodb, manifest, tableName);
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'replays', alg: 'ES256' };
  rt = createRuntime({
    manifest,
    tableName,
    busName: 'fixture-bus',
    bucket: 'unused',
    verifier: { issuer: 'replays', jwks: { keys: [jwk] } },
    dynamodb: clients.dynamodb,
    eventBridge: clients.eventBridge,
    s3: clients.s3,
    logLevel: 'CRITICAL',
  });
  gateway = new LocalGateway();
  gateway.mount(manifest, createHttpHandler(rt, { strictResponses: true }));
  api = new LocalApi(await gateway.listen(0));
  cadre = await new SignJWT({ roles: [{ role: 'cadre', place: demo.majiaqiao }] })
    .setProtectedHeader({ alg: 'ES256', kid: 'replays' })
    .setSubject('p-majiaqiao-01')
    .setIssuer('replays')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
});

afterAll(() => gateway.close());

const auth = () => ({ authorization: `Bearer ${cadre}` });

describe('a replayed request', () => {
  it('gets the first answer where its handler would now refuse, and writes nothing', async () => {
    const body = { id: 'l1', place: demo.majiaqiao };
    const first = await api.post('/rewards/fixture/locks', body, { headers: auth(), idempotencyKey: 'lock-1' });
    expect(first.status).toBe(201);
    const again = await api.post('/rewards/fixture/locks', body, { headers: auth(), idempotencyKey: 'lock-1' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    // Without the key the same request is what it is: refused.
    const fresh = await api.post('/rewards/fixture/locks', body, { headers: auth(), idempotencyKey: 'lock-2' });
    expect(fresh.status).toBe(409);
    expect(fresh.body.code).toBe('locked');
  });

  it('is refused (422) under a key used for another request, also where its handler would refuse', async () => {
    await api.post('/rewards/fixture/locks', { id: 'l2', place: demo.majiaqiao }, { headers: auth(), idempotencyKey: 'lock-3' });
    await api.post('/rewards/fixture/locks', { id: 'l3', place: demo.majiaqiao }, { headers: auth(), idempotencyKey: 'lock-4' });
    // l3 is locked, so the handler refuses; the key belongs to the l2 request: that is what the caller is told.
    const other = await api.post(
      '/rewards/fixture/locks',
      { id: 'l3', place: demo.majiaqiao },
      { headers: auth(), idempotencyKey: 'lock-3' },
    );
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency-key-reused');
    // And where the handler would succeed, nothing is written under the reused key.
    const fresh = await api.post(
      '/rewards/fixture/locks',
      { id: 'l5', place: demo.majiaqiao },
      { headers: auth(), idempotencyKey: 'lock-3' },
    );
    expect(fresh.status).toBe(422);
    expect(await rt.table.get({ pk: 'LOCK#l5', sk: 'LOCK' })).toBeUndefined();
  });

  it('does not commit its own separate unit twice', async () => {
    const body = { id: 't1', place: demo.majiaqiao };
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(await api.post('/rewards/fixture/tallies', body, { headers: auth(), idempotencyKey: 'tally-1' }));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers.slice(1).every((a) => a.headers.get('idempotent-replayed') === 'true')).toBe(true);
    expect((await rt.table.get({ pk: 'TALLY#t1', sk: 'TALLY' }))?.n).toBe(1);
  });

  it('answers every concurrent retry with the one answer', async () => {
    const body = { id: 'l6', place: demo.majiaqiao };
    const all = await Promise.all(
      Array.from({ length: 6 }, () => api.post('/rewards/fixture/locks', body, { headers: auth(), idempotencyKey: 'lock-6' })),
    );
    expect(all.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(all.map((a) => a.body.lockedAt)).size).toBe(1);
  });
});
