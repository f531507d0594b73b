import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CreateEventBusCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { gunzipSync } from 'node:zlib';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { NeedRaised } from '@cocreate/contracts';
import { GZIP_DETAIL_OVER_BYTES, UnitOfWork, commit, createHttpHandler, createOutboxRelay } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { LocalEventBus } from '../src/bus/index.ts';
import { localClients } from '../src/clients.ts';
import { LocalGateway } from '../src/gateway.ts';
import { lambdaContext } from '../src/lambda-context.ts';
import { StreamPump } from '../src/streams.ts';
import { LocalApi, eventually } from '../src/testing.ts';
import { fixtureManifest, fixtureRuntime, type Fixture } from './fixture.ts';

/**
 * The outbox relay against a real DynamoDB Local stream and a real local bus that fails entries on demand:
 * every committed event arrives, none for a change that did not commit, and PutEvents never carries more than 10.
 */
let bus: LocalEventBus;
let fx: Fixture;
let pump: StreamPump | undefined;
let gateway: LocalGateway;
let api: LocalApi;
let token: string;
const putEventsSizes: number[] = [];

beforeAll(async () => {
  bus = new LocalEventBus({ retry: { baseDelayMs: 10 } });
  const { endpoint } = await bus.start(0);
  await localClients({ dynamodb: '', s3: '', eventbridge: endpoint }).eventBridge.send(new CreateEventBusCommand({ Name: 'relay-test' }));
  fx = await fixtureRuntime('relay-test', endpoint);
  // Count what the relay asks of EventBridge.
  const send = fx.rt.eventBridge.send.bind(fx.rt.eventBridge);
  fx.rt.eventBridge.send = ((cmd: unknown, ...rest: unknown[]) => {
    if (cmd instanceof PutEventsCommand) putEventsSizes.push(cmd.input.Entries?.length ?? 0);
    return (send as (...a: unknown[]) => unknown)(cmd, ...rest);
  }) as typeof fx.rt.eventBridge.send;
  gateway = new LocalGateway();
  gateway.mount(fixtureManifest, createHttpHandler(fx.rt));
  api = new LocalApi(await gateway.listen(0));
  token = await fx.token('p-majiaqiao-01', [{ role: 'cadre', place: demo.majiaqiao }]);
});

afterAll(async () => {
  await pump?.stop();
  await gateway.close();
  await bus.stop();
});

const published = () => bus.events().map((e) => (e.detail as { data: { text: string } }).data.text);

describe('outbox relay', () => {
  it('publishes every committed event, in calls of at most 10, even when the bus fails entries mid-batch', async () => {
    const auth = { authorization: `Bearer ${token}` };
    // 25 commits before the relay runs: one stream batch that must be split.
    const ids = Array.from({ length: 25 }, (_, i) => `relay-${i}`);
    for (const id of ids) {
      const res = await api.post('/rewards/fixture/accounts', { id, place: demo.majiaqiao, balance: 1 }, { headers: auth });
      expect(res.status).toBe(201);
    }
    // A change that does not commit (the account exists) must publish nothing.
    const refused = await api.post('/rewards/fixture/accounts', { id: 'relay-0', place: demo.majiaqiao, balance: 9 }, { headers: auth });
    expect(refused.status).toBe(409);

    // The bus fails the whole first call and 3 entries of its retry: more than the relay's 2 attempts absorb, so it
    // must hand the batch back to the stream, which redelivers from the first unpublished record.
    bus.failNextEntries(13);
    const relay = createOutboxRelay(fx.rt, { attempts: 2, baseDelayMs: 5 });
    let handedBack = 0;
    const clients = localClients({ dynamodb: inject('stack').dynamodb, s3: '', eventbridge: '' });
    const described = await clients.dynamodb.send(new DescribeTableCommand({ TableName: fx.rt.table.name }));
    pump = new StreamPump(
      clients.streams,
      described.Table!.LatestStreamArn!,
      async (e) => {
        const out = await relay(e, lambdaContext('relay'));
        if (out.batchItemFailures.length) handedBack++;
        return out;
      },
      { retryDelayMs: 20 },
    );
    pump.start();

    await eventually(async () => ids.every((id) => published().includes(id)), 30_000, 'every event on the bus');
    expect(handedBack).toBeGreaterThanOrEqual(1);
    expect(Math.max(...putEventsSizes)).toBeLessThanOrEqual(10);
    expect(putEventsSizes.length).toBeGreaterThanOrEqual(3);
    // Each committed event arrived; none for the refused change (relay-0 appears for its one commit only,
    // possibly twice if a handed-back batch re-published it — consumers de-duplicate by meta.id).
    const byText = new Map<string, Set<string>>();
    for (const e of bus.events()) {
      const d = e.detail as { meta: { id: string }; data: { text: string } };
      byText.set(d.data.text, (byText.get(d.data.text) ?? new Set()).add(d.meta.id));
    }
    for (const id of ids) expect(byText.get(id)?.size, id).toBe(1);
    expect([...byText.keys()].sort()).toEqual([...ids].sort());
  });

  it('keeps a large event gzipped on its outbox row and publishes it whole', async () => {
    // 1,998 characters of three UTF-8 bytes each: the detail is ≈ 6.5 KB, over the size kept as it is.
    const text = '共缔造'.repeat(666);
    const needId = '01JD7Z8Q9W3V4X5Y6Z7A8B9C0E';
    const tx = new UnitOfWork(fx.rt.table.name, {
      actor: { sub: 'cocreate.rewards' },
      correlationId: 'relay-large',
      causationId: null,
      now: () => new Date(),
      publishes: fixtureManifest.publishes,
    });
    tx.emit(NeedRaised, { ...NeedRaised.example, needId, village: demo.majiaqiao, place: demo.majiaqiao, text }, { place: demo.majiaqiao });
    expect(await commit(fx.rt.table.doc, tx)).toBe('committed');
    // The pump started above relays it.
    await eventually(async () => published().includes(text), 30_000, 'the large event on the bus');

    const rows = (
      await fx.rt.table.doc.send(
        new ScanCommand({
          TableName: fx.rt.table.name,
          FilterExpression: 'begins_with(pk, :o)',
          ExpressionAttributeValues: { ':o': 'OUTBOX#' },
        }),
      )
    ).Items!;
    const unzipped = (r: Record<string, unknown>) => gunzipSync(Buffer.from(r.detailGz as string, 'base64')).toString('utf8');
    const row = rows.find((r) => r.detailGz && unzipped(r).includes(needId))!;
    const detail = unzipped(row);
    expect(row.detail).toBeUndefined();
    expect(Buffer.byteLength(detail)).toBeGreaterThan(GZIP_DETAIL_OVER_BYTES);
    expect((row.detailGz as string).length).toBeLessThan(Buffer.byteLength(detail) / 3);
    // Small events stay as they were written.
    expect(rows.filter((r) => r.detail !== undefined).length).toBeGreaterThanOrEqual(25);

    const onBus = bus.events().filter((e) => (e.detail as { data: { needId: string } }).data.needId === needId);
    expect(onBus).toHaveLength(1);
    expect(onBus[0]!.detail).toEqual(JSON.parse(detail));
  });
});
