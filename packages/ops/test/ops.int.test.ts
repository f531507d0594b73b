import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateArchiveCommand,
  CreateEventBusCommand,
  type EventBridgeClient,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { NeedRaised } from '@cocreate/contracts';
import { createEventHandler, patternOf, subscriptionInputTemplate } from '@cocreate/kernel';
import { LocalEventBus } from '@cocreate/local/bus/index';
import { localClients } from '@cocreate/local/clients';
import { functionArn, lambdaContext } from '@cocreate/local/lambda-context';
import { demo } from '@cocreate/places/seed';
import { fixtureManifest, fixtureRuntime, type Fixture } from '../../local/test/fixture.ts';
import { localDeadLetters, redrive } from '../src/redrive.ts';
import { replayWindow } from '../src/replay.ts';

/**
 * `pnpm ops` against the local stack's bus (the EventBridge protocol, its archive and its dead-letter store) and
 * DynamoDB Local, with the kernel's real idempotent consumer behind the rules: a dead letter is redriven once, and a
 * window replayed into one service applies what it missed the first time and changes nothing the second.
 */
const BUS = 'cocreate-opstest';
let bus: LocalEventBus;
let eventBridge: EventBridgeClient;
let endpoint: string;
let fx: Fixture;
let failing = false;
let otherServiceDeliveries = 0;
const lines: string[] = [];
const progress = (line: string) => void lines.push(line);

const sub = fixtureManifest.subscriptions[0]!;
const applied = async (text: string) => ((await fx.rt.table.get({ pk: `COUNT#${text}`, sk: 'COUNT' }))?.applied as number | undefined) ?? 0;

/** A NeedRaised event whose text picks which rules see it (`dl-…` the redrive rule, `rp-…` the replay rules). */
const publish = (text: string, n: number) =>
  eventBridge.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: BUS,
          Source: 'cocreate.deliberation',
          DetailType: 'NeedRaised',
          Detail: JSON.stringify({
            meta: {
              id: `01JOPS${String(n).padStart(4, '0')}${text
                .replace(/[^A-Z0-9]/gi, '')
                .toUpperCase()
                .padEnd(16, '0')
                .slice(0, 16)}`,
              type: 'NeedRaised',
              version: 1,
              source: 'cocreate.deliberation',
              occurredAt: new Date().toISOString(),
              place: demo.majiaqiao,
              actor: { sub: 'p-majiaqiao-07' },
              correlationId: `ops-${text}`,
              causationId: null,
            },
            data: { ...NeedRaised.example, text },
          }),
        },
      ],
    }),
  );

async function rule(name: string, textPrefix: string, targetArn: string, retries: number) {
  const pattern = { ...patternOf(sub), detail: { data: { text: [{ prefix: textPrefix }] } } };
  await eventBridge.send(new PutRuleCommand({ Name: name, EventBusName: BUS, EventPattern: JSON.stringify(pattern) }));
  await eventBridge.send(
    new PutTargetsCommand({
      Rule: name,
      EventBusName: BUS,
      Targets: [
        {
          Id: 'events',
          Arn: targetArn,
          InputTransformer: { InputTemplate: subscriptionInputTemplate(sub.name), InputPathsMap: {} },
          RetryPolicy: { MaximumRetryAttempts: retries, MaximumEventAgeInSeconds: 60 },
          DeadLetterConfig: { Arn: `arn:aws:sqs:cn-north-1:000000000000:${name}-dlq` },
        },
      ],
    }),
  );
}

const until = async (check: () => Promise<boolean>, what: string) => {
  for (const end = Date.now() + 20_000; Date.now() < end;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not within 20 s`);
};

beforeAll(async () => {
  bus = new LocalEventBus({ retry: { baseDelayMs: 5 } });
  ({ endpoint } = await bus.start(0));
  eventBridge = localClients({ dynamodb: '', s3: '', eventbridge: endpoint }).eventBridge;
  const { EventBusArn } = await eventBridge.send(new CreateEventBusCommand({ Name: BUS }));
  await eventBridge.send(new CreateArchiveCommand({ ArchiveName: `${BUS}-all`, EventSourceArn: EventBusArn }));
  fx = await fixtureRuntime(BUS, endpoint);
  const consume = createEventHandler(fx.rt);
  bus.registerTarget(functionArn('rewards-events'), async (input) => {
    if (failing) throw new Error('rewards-events is down');
    return consume(input, lambdaContext('rewards-events'));
  });
  bus.registerTarget(functionArn('other-events'), async () => void otherServiceDeliveries++);
}, 60_000);

afterAll(async () => {
  await bus?.stop();
});

describe('pnpm ops redrive', () => {
  it('shows the dead letter on a dry run, then delivers it once to the target it failed on', async () => {
    await rule('rewards-count-needs', 'dl-', functionArn('rewards-events'), 0);
    failing = true;
    await publish('dl-1', 1);
    const store = localDeadLetters(endpoint);
    await until(async () => (await store.list()).length === 1, 'the event dead-lettered');

    const dry = await redrive(store, { dryRun: true, progress });
    expect(dry).toMatchObject({ redriven: 0, found: [{ queue: 'rewards-count-needs-dlq', eventType: 'NeedRaised' }] });
    expect(lines).toContain('dry run: nothing redriven');
    expect(await applied('dl-1')).toBe(0);

    failing = false;
    const done = await redrive(store, { queue: 'rewards-count-needs-dlq', progress });
    expect(done.redriven).toBe(1);
    expect(await applied('dl-1')).toBe(1);
    expect(await store.list()).toEqual([]);
    expect((await redrive(store, { progress })).found).toEqual([]);
    expect(await applied('dl-1')).toBe(1);
  });
});

describe('pnpm ops replay', () => {
  it('replays a window into one service: what it missed is applied once, a second replay changes nothing', async () => {
    // Another service's rule sees the events when they happen; ours does not exist yet (a consumer added later, or
    // a window it lost), so only the archive has them for it.
    await rule('other-listener', 'rp-', functionArn('other-events'), 0);
    const from = new Date(Date.now() - 1000);
    for (let i = 0; i < 3; i++) await publish(`rp-${i}`, 10 + i);
    await until(async () => otherServiceDeliveries === 3, 'the other service got the events');
    const to = new Date(Date.now() + 1000);
    await rule('rewards-count-replayed', 'rp-', functionArn('rewards-events'), 0);
    expect(await applied('rp-0')).toBe(0);

    const request = { bus: BUS, archive: `${BUS}-all`, rules: ['rewards-count-replayed'], from, to, pollMs: 50, progress };
    const dry = await replayWindow(eventBridge, { ...request, name: 'ops-dry', dryRun: true });
    expect(dry.state).toBe('DRY_RUN');
    expect(await applied('rp-0')).toBe(0);

    const first = await replayWindow(eventBridge, { ...request, name: 'ops-first' });
    expect(first.state).toBe('COMPLETED');
    await until(async () => (await applied('rp-2')) === 1, 'the replayed events applied');
    const after = await Promise.all([0, 1, 2].map((i) => applied(`rp-${i}`)));
    expect(after).toEqual([1, 1, 1]);

    const second = await replayWindow(eventBridge, { ...request, name: 'ops-second' });
    expect(second.state).toBe('COMPLETED');
    await new Promise((r) => setTimeout(r, 500));
    expect(await Promise.all([0, 1, 2].map((i) => applied(`rp-${i}`)))).toEqual(after);
    // Only the one service's rules were replayed into.
    expect(otherServiceDeliveries).toBe(3);
    expect(lines.some((l) => l.startsWith('replay ops-first:') && l.includes('into rewards-count-replayed'))).toBe(true);
  });
});
