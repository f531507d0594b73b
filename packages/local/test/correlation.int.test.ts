import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  CreateEventBusCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  type EventBridgeClient,
} from '@aws-sdk/client-eventbridge';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { NeedRaised } from '@cocreate/contracts';
import {
  JOB_REQUESTED,
  createEventHandler,
  createHttpHandler,
  createJobHandler,
  createOutboxRelay,
  defineJob,
  jobRequestInput,
  jobRequestPattern,
  patternOf,
  subscriptionInputTemplate,
} from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { LocalEventBus } from '../src/bus/index.ts';
import { localClients } from '../src/clients.ts';
import { LocalGateway } from '../src/gateway.ts';
import { functionArn, lambdaContext } from '../src/lambda-context.ts';
import { StreamPump } from '../src/streams.ts';
import { LocalApi, eventually } from '../src/testing.ts';
import { fixtureManifest, fixtureRuntime, type Fixture } from './fixture.ts';

/**
 * One correlation id from the HTTP request through every event it causes: the request's `x-correlation-id` is in
 * the HTTP function's log line, in the outbox row's `meta` (so in the event on the bus), in the relay's line for that
 * event and in the consumer's line when it applies it. The handlers are the ones the local stack and Lambda run, and
 * the lines are read as CloudWatch receives them: one JSON object per line from Powertools' logger.
 */
const BUS = 'correlation-test';
let bus: LocalEventBus;
let fx: Fixture;
let pump: StreamPump;
let gateway: LocalGateway;
let api: LocalApi;
let eventBridge: EventBridgeClient;
let tidy: ReturnType<typeof defineJob>;
const lines: Record<string, unknown>[] = [];

type Logger = Fixture['rt']['logger'];

/** A logger like the runtime's (Powertools), at INFO, its output (what Lambda writes to stdout) kept for the test. */
function capturingLogger(like: Logger, into: Record<string, unknown>[] = lines): Logger {
  const logger = new (like.constructor as new (o: { serviceName: string; logLevel: string }) => Logger)({
    serviceName: 'rewards',
    logLevel: 'INFO',
  });
  const keep = (line: string) => void into.push(JSON.parse(line) as Record<string, unknown>);
  (logger as unknown as { console: Record<string, (line: string) => void> }).console = {
    debug: keep,
    info: keep,
    warn: keep,
    error: keep,
    log: keep,
    trace: keep,
  };
  return logger;
}

beforeAll(async () => {
  bus = new LocalEventBus({ retry: { baseDelayMs: 10 } });
  const { endpoint } = await bus.start(0);
  eventBridge = localClients({ dynamodb: '', s3: '', eventbridge: endpoint }).eventBridge;
  await eventBridge.send(new CreateEventBusCommand({ Name: BUS }));
  fx = await fixtureRuntime(BUS, endpoint);
  fx.rt.logger = capturingLogger(fx.rt.logger);

  // The consumer behind a rule, as the service stack declares it (the local stack wires it the same way).
  const consume = createEventHandler(fx.rt);
  const arn = functionArn('rewards-events-correlation');
  bus.registerTarget(arn, (input) => consume(input, lambdaContext('rewards-events')));
  const sub = fixtureManifest.subscriptions[0]!;
  await eventBridge.send(new PutRuleCommand({ Name: 'count-needs', EventBusName: BUS, EventPattern: JSON.stringify(patternOf(sub)) }));
  await eventBridge.send(
    new PutTargetsCommand({
      Rule: 'count-needs',
      EventBusName: BUS,
      Targets: [{ Id: 'events', Arn: arn, InputTransformer: { InputTemplate: subscriptionInputTemplate(sub.name), InputPathsMap: {} } }],
    }),
  );

  // A job that starts on request behind its request rule, as the service stack declares it: the rule's input
  // transformer (`jobRequestInput`) hands the job the requesting unit's correlation id. The job publishes an event.
  tidy = defineJob({
    name: 'tidy',
    summary: 'publishes one event per run',
    schedule: 'rate(1 day)',
    startsOnRequest: true,
    handler: async (ctx) => {
      await ctx.unit(async (tx) => {
        tx.emit(
          NeedRaised,
          { ...NeedRaised.example, needId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0E', village: demo.majiaqiao, place: demo.majiaqiao, text: 'tidied' },
          { place: demo.majiaqiao },
        );
      });
      return { tidied: 1 };
    },
  });
  const runJob = createJobHandler({ ...fx.rt, manifest: { ...fixtureManifest, jobs: [tidy] } });
  const jobArn = functionArn('rewards-job-tidy');
  bus.registerTarget(jobArn, (input) => runJob(input, lambdaContext('rewards-job-tidy')));
  await eventBridge.send(
    new PutRuleCommand({
      Name: 'rewards-start-tidy',
      EventBusName: BUS,
      EventPattern: JSON.stringify(jobRequestPattern('rewards', 'tidy')),
    }),
  );
  await eventBridge.send(
    new PutTargetsCommand({
      Rule: 'rewards-start-tidy',
      EventBusName: BUS,
      Targets: [{ Id: 'job', Arn: jobArn, InputTransformer: jobRequestInput('tidy') }],
    }),
  );

  const relay = createOutboxRelay(fx.rt);
  const clients = localClients({ dynamodb: inject('stack').dynamodb, s3: '', eventbridge: '' });
  const described = await clients.dynamodb.send(new DescribeTableCommand({ TableName: fx.rt.table.name }));
  pump = new StreamPump(clients.streams, described.Table!.LatestStreamArn!, (e) => relay(e, lambdaContext('rewards-relay')), {
    retryDelayMs: 20,
  });
  pump.start();

  gateway = new LocalGateway();
  gateway.mount(fixtureManifest, createHttpHandler(fx.rt));
  api = new LocalApi(await gateway.listen(0));
});

afterAll(async () => {
  await pump?.stop();
  await gateway?.close();
  await bus?.stop();
});

describe('structured logs', () => {
  it('carry the request’s correlation id through the outbox, the relay and the consumer', async () => {
    const correlationId = 'complaint-2026-12-03-0042';
    const token = await fx.token('p-majiaqiao-01', [{ role: 'cadre', place: demo.majiaqiao }]);
    const res = await api.post(
      '/rewards/fixture/accounts',
      { id: 'traced', place: demo.majiaqiao, balance: 1 },
      { headers: { authorization: `Bearer ${token}`, 'x-correlation-id': correlationId } },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('x-correlation-id')).toBe(correlationId);

    await eventually(async () => lines.some((l) => l.message === 'event applied'), 30_000, 'the consumer applied the event');

    const request = lines.find((l) => l.message === 'request answered');
    expect(request).toMatchObject({
      level: 'INFO',
      service: 'rewards',
      correlationId,
      routeKey: 'POST /rewards/fixture/accounts',
      status: 201,
      function_name: expect.any(String),
      timestamp: expect.any(String),
    });

    const relayed = lines.find((l) => l.message === 'event relayed');
    expect(relayed).toMatchObject({ level: 'INFO', correlationId, eventType: 'NeedRaised', eventId: expect.any(String) });

    const applied = lines.find((l) => l.message === 'event applied');
    expect(applied).toMatchObject({
      level: 'INFO',
      service: 'rewards',
      correlationId,
      eventId: relayed!.eventId,
      eventType: 'NeedRaised',
      subscription: 'count-needs',
    });
    // The event on the bus carries the same id in its envelope, for any consumer outside the suite (agencies' feeds).
    const onBus = bus.events().map((e) => (e.detail as { meta: { id: string; correlationId: string } }).meta);
    expect(onBus).toContainEqual(expect.objectContaining({ id: relayed!.eventId, correlationId }));
    // Each invocation starts with its own keys: the consumer's line names no HTTP route.
    expect(applied).not.toHaveProperty('routeKey');
  });

  it('carry the requesting unit’s correlation id into a job it started, and into the events the job publishes', async () => {
    const correlationId = 'complaint-2026-12-03-0043';
    // The job request as the relay publishes a unit's `tx.startJob('tidy')` (kernel UnitOfWork.startJob).
    await eventBridge.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: BUS,
            Source: 'cocreate.rewards',
            DetailType: JOB_REQUESTED,
            Detail: JSON.stringify({ job: 'tidy', requestedAt: new Date().toISOString(), correlationId }),
          },
        ],
      }),
    );
    const finished = await eventually(
      async () => lines.find((l) => l.message === 'job finished' && l.job === 'tidy'),
      30_000,
      'the job ran',
    );
    expect(finished).toMatchObject({ level: 'INFO', service: 'rewards', correlationId, job: 'tidy', trigger: 'request', tidied: 1 });
    // What the job published went through the outbox and the relay under the same id.
    await eventually(
      async () => bus.events().some((e) => (e.detail as { data?: { text?: string } }).data?.text === 'tidied'),
      30_000,
      'the job’s event was relayed',
    );
    const published = bus.events().find((e) => (e.detail as { data?: { text?: string } }).data?.text === 'tidied')!;
    expect((published.detail as { meta: { correlationId: string } }).meta.correlationId).toBe(correlationId);
    // The relay logs its line once PutEvents has answered, so just after the event is on the bus.
    await eventually(
      async () => lines.some((l) => l.message === 'event relayed' && l.correlationId === correlationId && l.eventType === 'NeedRaised'),
      10_000,
      'the relay’s line for the job’s event',
    );
  });

  it('gives a scheduled run of a job a trail of its own, and tells the job it was not requested', async () => {
    // The schedule rule's input is the job's name only. The run logs to a logger of its own: the test's shared one
    // also serves the requested runs, relays and consumers running around it, whose invocations reset its keys.
    const own: Record<string, unknown>[] = [];
    const runScheduled = createJobHandler({
      ...fx.rt,
      logger: capturingLogger(fx.rt.logger, own),
      manifest: { ...fixtureManifest, jobs: [tidy] },
    });
    const result = await runScheduled({ job: 'tidy' }, lambdaContext('rewards-job-tidy'));
    expect(result).toEqual({ tidied: 1 });
    const finished = own.find((l) => l.message === 'job finished');
    expect(finished).toMatchObject({ level: 'INFO', service: 'rewards', job: 'tidy', trigger: 'schedule' });
    expect(finished!.correlationId).toMatch(/^job-tidy-/);
  });

  it('gives a request without an id its own, answered in the header and logged', async () => {
    const res = await api.get('/rewards/fixture/accounts/nobody');
    const id = res.headers.get('x-correlation-id');
    expect(id).toBeTruthy();
    expect(lines.filter((l) => l.correlationId === id).length).toBeGreaterThanOrEqual(1);
  });
});
