import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { inject } from 'vitest';
import * as z from 'zod';
import { NeedRaised, PlacePath } from '@cocreate/contracts';
import {
  cond,
  createRuntime,
  defineRoute,
  defineService,
  defineSubscription,
  problems,
  type Grant,
  type ServiceManifest,
  type ServiceRuntime,
} from '@cocreate/kernel';
import { localClients } from '../src/clients.ts';
import { freePort } from '../src/ports.ts';
import { ensureTable } from '../src/dynamo.ts';

/**
 * A small fixture service for testing the kernel on the real local DynamoDB: accounts with balances, transfers that
 * must not half-happen, a consumer that counts deliveries. Named `rewards` only because names are an enum.
 */
export const Account = z.object({ id: z.string(), place: PlacePath, balance: z.number().int().nonnegative() });

const accountKey = (id: string) => ({ pk: `ACCOUNT#${id}`, sk: 'ACCOUNT' });

export const fixtureManifest = defineService({
  name: 'rewards',
  title: { zh: '测试', en: 'Fixture' },
  table: { indexes: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }] },
  routes: [
    defineRoute({
      method: 'POST',
      path: '/rewards/fixture/accounts',
      operationId: 'openAccount',
      summary: 'open',
      auth: { roles: ['cadre'], place: ({ body }) => body.place },
      body: Account,
      response: Account,
      status: 201,
      idempotent: true,
      handler: async ({ body }, ctx) => {
        ctx.tx.create(
          { ...accountKey(body.id), ...body },
          problems.conflict('account-exists', { zh: '账户已存在', en: 'The account exists' }),
        );
        ctx.tx.emit(
          NeedRaised,
          { ...NeedRaised.example, needId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D', village: body.place, place: body.place, text: body.id },
          { place: body.place },
        );
        return body;
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/rewards/fixture/accounts/{id}',
      operationId: 'getAccount',
      summary: 'get',
      auth: {
        roles: ['cadre', 'resident'],
        place: async ({ params }, ctx) => (await ctx.table.get(accountKey(params.id)))?.place as string | undefined,
      },
      params: z.object({ id: z.string() }),
      response: Account,
      handler: async ({ params }, ctx) => Account.parse(await ctx.table.get(accountKey(params.id))),
    }),
    defineRoute({
      method: 'POST',
      path: '/rewards/fixture/transfers',
      operationId: 'transfer',
      summary: 'transfer',
      auth: {
        roles: ['cadre'],
        place: async ({ body }, ctx) => (await ctx.table.get(accountKey(body.from)))?.place as string | undefined,
      },
      body: z.object({ from: z.string(), to: z.string(), amount: z.number().int().positive() }),
      handler: async ({ body }, ctx) => {
        ctx.tx.update(
          accountKey(body.from),
          { add: { balance: -body.amount } },
          {
            condition: cond.and(cond.exists(), cond.atLeast('balance', body.amount)),
            onConflict: problems.conflict('insufficient', { zh: '余额不足', en: 'Insufficient balance' }),
          },
        );
        ctx.tx.update(
          accountKey(body.to),
          { add: { balance: body.amount } },
          {
            condition: cond.exists(),
            onConflict: problems.conflict('no-such-account', { zh: '收款账户不存在', en: 'No such payee account' }),
          },
        );
        return { ok: true };
      },
    }),
  ],
  subscriptions: [
    defineSubscription({
      name: 'count-needs',
      summary: 'counts deliveries',
      events: [NeedRaised],
      handler: async (event, ctx) => {
        ctx.tx.update({ pk: `COUNT#${event.data.text}`, sk: 'COUNT' }, { add: { applied: 1 } });
      },
    }),
  ],
  jobs: [],
  publishes: [NeedRaised],
  evidence: false,
});

export interface Fixture {
  rt: ServiceRuntime;
  token: (sub: string, roles: Grant[]) => Promise<string>;
}

let n = 0;

/** A fresh table on the shared DynamoDB Local and a runtime over it, with its own signing key. */
export async function fixtureRuntime(
  busName = 'fixture-bus',
  eventbridge?: string,
  opts: { storeDown?: boolean; manifest?: ServiceManifest } = {},
): Promise<Fixture> {
  const manifest = opts.manifest ?? fixtureManifest;
  const stack = inject('stack');
  const clients = localClients({ dynamodb: stack.dynamodb, s3: stack.s3, eventbridge: eventbridge ?? stack.eventbridge });
  const tableName = `fixture-${process.pid}-${Date.now()}-${n++}`;
  await ensureTable(clients.dynamodb, manifest, tableName);
  // An outage: the runtime's store answers nothing (a port where nothing listens).
  if (opts.storeDown)
    clients.dynamodb = localClients({
      dynamodb: `http://127.0.0.1:${await freePort()}`,
      s3: stack.s3,
      eventbridge: stack.eventbridge,
    }).dynamodb;
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fixture', alg: 'ES256' };
  const rt = createRuntime({
    manifest,
    tableName,
    busName,
    bucket: 'unused',
    verifier: { issuer: 'fixture', jwks: { keys: [jwk] } },
    dynamodb: clients.dynamodb,
    eventBridge: clients.eventBridge,
    s3: clients.s3,
    logLevel: 'CRITICAL',
  });
  return {
    rt,
    token: (sub, roles) =>
      new SignJWT({ roles })
        .setProtectedHeader({ alg: 'ES256', kid: 'fixture' })
        .setSubject(sub)
        .setIssuer('fixture')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey),
  };
}

/** An event as the bus hands it to an event function (EventBridge's envelope around ours), for the consumer's tests. */
export function busEvent(
  event: { id: string; type: string; source: string; place: string; sub: string; correlationId?: string },
  data: unknown,
) {
  return {
    version: '0',
    id: `eb-${event.id}`,
    'detail-type': event.type,
    source: event.source,
    account: '000000000000',
    time: '2026-11-28T10:00:00Z',
    region: 'cn-north-1',
    resources: [],
    detail: {
      meta: {
        id: event.id,
        type: event.type,
        version: 1,
        source: event.source,
        occurredAt: '2026-11-28T10:00:00.000Z',
        place: event.place,
        actor: { sub: event.sub },
        correlationId: event.correlationId ?? `corr-${event.id}`,
        causationId: null,
      },
      data,
    },
  };
}
