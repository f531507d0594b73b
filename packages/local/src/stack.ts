import { join } from 'node:path';
import { CreateArchiveCommand, CreateEventBusCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import {
  type ServiceManifest,
  type ServiceRuntime,
  createEventHandler,
  createHttpHandler,
  createJobHandler,
  createOutboxRelay,
  createRuntime,
  jobRequestInput,
  jobRequestPattern,
  openApiDocument,
  patternOf,
  resourceNames,
  subscriptionInputTemplate,
} from '@cocreate/kernel';
import { type PlaceData } from '@cocreate/places';
import { PROVINCE, demoSeed } from '@cocreate/places/seed';
import { RegisterImported } from '@cocreate/contracts';
import { demoRegisterChanges, publishRegisterImport } from './demo-register.ts';
import { type Snapshot, takeSnapshot } from './register-snapshot.ts';
import { type DeliveryFaults, LocalEventBus } from './bus/index.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION, localClients, localDynamoClient, localStreamsClient } from './clients.ts';
import { LocalClock, parseDuration } from './clock.ts';
import { type DynamoLifetime, type DynamoLocal, dropTable, ensureTable, fillTable, startDynamoLocal } from './dynamo.ts';
import { buildSite } from '@cocreate/board';
import { LocalGateway } from './gateway.ts';
import { LOCAL_AUDIENCE, LocalIssuer, TokenRequest } from './identity.ts';
import { functionArn, lambdaContext } from './lambda-context.ts';
import { LocalScheduler } from './scheduler.ts';
import { portFree } from './ports.ts';
import { startS3Local } from './s3.ts';
import { StreamPump, wakeOnWrites } from './streams.ts';
import { DynamoWorlds } from './worlds.ts';

export const LOCAL_BUS = 'cocreate-local';
export const LOCAL_BUCKET = 'cocreate-evidence-local';

export interface LocalStackOptions {
  /** Gateway port (default 3000; 0 picks a free one). */
  port?: number;
  /** Persist DynamoDB, S3 and the signing key here; in memory when absent. */
  dataDir?: string;
  /** The services to run (a composition root passes the suite's list, a test of one service just that one). */
  services: readonly ServiceManifest[];
  /** The register the stack sends the services at start and after each reset (default: the demo province). */
  register?: PlaceData;
  /**
   * How a stack that runs the registry fills it: imports the province's rosters through the registry's HTTP API the
   * way an operator would. Without it (or with `register`), the register is sent as the registry's import events.
   */
  seedRegister?: RegisterSeed;
  /** Powertools log level for the services (default WARN: the console stays readable). */
  logLevel?: string;
  /** Delay before the first retry of a failed delivery (the bus backs off exponentially from here). */
  retryBaseDelayMs?: number;
  /**
   * Delivery faults on the bus: every event delivered twice, in shuffled order (`test/e2e/cycle.int.test.ts` runs the
   * cycle so). Off by default; `bus.setDeliveryFaults` turns them on or off on a running stack.
   */
  deliveryFaults?: DeliveryFaults;
  /**
   * How many deliveries the bus runs at once per event function (default 8), as Lambda bounds a function's
   * concurrency; the rest wait their turn. Unbounded, an import's events started thousands of handlers at once on the
   * one DynamoDB Local.
   */
  deliveryConcurrency?: number;
  /**
   * How long a function may run before it is cut off (default 29 s for HTTP, as API Gateway; 60 s for events,
   * 5 min for jobs, as the CDK stack sets). Tests on a small shared machine give DynamoDB Local more room.
   */
  timeoutScale?: number;
  /** The place the public board's `/` opens (default: the register's first village or community). */
  boardHome?: string;
  /**
   * Prepare each reset's world ahead (the integration tests, which reset before every file): the next DynamoDB Local
   * is started and filled in the background, and a reset switches to it (`DynamoWorlds`). Without it a reset
   * restarts DynamoDB Local and refills the tables while the caller waits. Ignored with `dataDir`.
   */
  spareWorlds?: boolean;
  /**
   * The services whose tables each get a DynamoDB Local of their own (in memory), as tables in AWS share no server:
   * their writes then do not queue behind the others' in the one Java process (which, however many requests wait,
   * was seen to use about one core). A benchmark of one service's throughput with the others busy beside it names
   * that service (the registry's township import). `tableEndpoint` names each table's instance. Not with `dataDir`
   * or `spareWorlds`.
   */
  tablesApart?: readonly string[];
  /** How long the stack's DynamoDB Local serves (default `short`: see `DynamoLifetime`); a benchmark of minutes says `long`. */
  dynamoLifetime?: DynamoLifetime;
  /** Told as each component is up and how long it took (`pnpm dev` prints it). */
  progress?: (step: string, ms: number) => void;
}

/**
 * Fills the registry of a running stack through its HTTP API and says how many `RegisterImported` parts the import
 * published (the stack waits until every part reached the services' copies).
 */
export type RegisterSeed = (target: { baseUrl: string; token: (scope: string) => Promise<string> }) => Promise<number>;

/** The gateway's port is taken: nothing was started. */
export class PortInUse extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is in use; try --port ${port + 1} or PORT=${port + 1}`);
  }
}

export interface LocalStack {
  url: string;
  endpoints: { gateway: string; dynamodb: string; s3: string; eventbridge: string };
  clock: LocalClock;
  bus: LocalEventBus;
  issuer: LocalIssuer;
  runtimes: Map<string, ServiceRuntime>;
  /** The DynamoDB Local endpoint that holds `table` (always `endpoints.dynamodb` unless `tablesApart`). */
  tableEndpoint(table: string): string;
  stop(): Promise<void>;
}

/**
 * Starts the whole suite on this machine: DynamoDB Local, an S3 server, the local EventBridge-protocol bus, one
 * stream pump + outbox relay per table, the scheduler and the HTTP gateway — every service built from its manifest
 * exactly as the CDK app builds it in AWS.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const { services } = opts;
  const stops: (() => Promise<void> | void)[] = [];
  // A component that does not stop within 10 s is left behind with a warning: a stop never hangs the caller
  // (a test run's teardown waited forever on one open connection).
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          console.warn(`[local] a component did not stop within 10 s: ${stop.name || stop.toString().slice(0, 80)}`);
          resolve();
        }, 10_000);
      });
      await Promise.race([Promise.resolve(stop()).catch(() => undefined), late]);
      clearTimeout(timer);
    }
  };
  process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  process.env.POWERTOOLS_DEV ??= 'false';
  process.env.AWS_REGION ??= LOCAL_REGION;
  // Lambda runs Node 22; developers may run 20, which the SDK would remind them of on every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // Webhook receivers of tests and developers listen on this machine over plain http; deployed, the feeds refuse both
  // (services/feeds/handlers/webhook-client.ts, LOOPBACK_RECEIVERS_ENV). Only this stack sets it.
  process.env.COCREATE_FEEDS_LOOPBACK_RECEIVERS ??= 'allow';

  if (opts.tablesApart?.length && (opts.dataDir || opts.spareWorlds))
    throw new Error('tablesApart runs in memory, without dataDir or spareWorlds');
  const port = opts.port ?? Number(process.env.PORT ?? 3000);
  if (port !== 0 && !(await portFree(port))) throw new PortInUse(port);
  const scale = opts.timeoutScale ?? 1;
  const timed = async <T>(step: string, start: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const out = await start();
    opts.progress?.(step, Date.now() - started);
    return out;
  };

  try {
    const [dynamo, apart, s3, bus] = await Promise.all([
      timed('DynamoDB Local', (): Promise<DynamoLocal | DynamoWorlds> =>
        opts.spareWorlds && !opts.dataDir
          ? DynamoWorlds.start({ startupMs: 30_000 * scale })
          : startDynamoLocal({
              startupMs: 30_000 * scale,
              ...(opts.dynamoLifetime ? { lifetime: opts.dynamoLifetime } : {}),
              ...(opts.dataDir ? { dataDir: join(opts.dataDir, 'dynamodb') } : {}),
            }),
      ),
      // The tables kept apart each on an instance of their own; every other one on the instance above.
      (async () => {
        const own = new Map<string, DynamoLocal>();
        // With every table named, the first one keeps the instance above rather than leave it empty.
        const apartOnes = services.filter(
          (m, i) => opts.tablesApart?.includes(m.name) && (i > 0 || services.some((o) => !opts.tablesApart?.includes(o.name))),
        );
        if (!apartOnes.length) return own;
        const started = Date.now();
        await Promise.all(
          apartOnes.map(async (m) => {
            const instance = await startDynamoLocal({
              startupMs: 30_000 * scale,
              ...(opts.dynamoLifetime ? { lifetime: opts.dynamoLifetime } : {}),
            });
            own.set(resourceNames.table(m.name), instance);
          }),
        ).catch(async (err: unknown) => {
          await Promise.all([...own.values()].map((d) => d.stop()));
          throw err;
        });
        opts.progress?.('DynamoDB Local per table', Date.now() - started);
        return own;
      })(),
      timed('S3 server', () => startS3Local({ bucket: LOCAL_BUCKET, ...(opts.dataDir ? { dataDir: join(opts.dataDir, 's3') } : {}) })),
      timed('event bus', async () => {
        const b = new LocalEventBus({
          region: LOCAL_REGION,
          accountId: LOCAL_ACCOUNT,
          retry: { baseDelayMs: opts.retryBaseDelayMs ?? 200 },
          ...(opts.deliveryConcurrency === undefined ? {} : { concurrency: opts.deliveryConcurrency }),
          ...(opts.deliveryFaults ? { faults: opts.deliveryFaults } : {}),
        });
        return { bus: b, ...(await b.start(0)) };
      }),
    ]);
    stops.push(
      () => dynamo.stop(),
      ...[...apart.values()].map((d) => () => d.stop()),
      () => s3.stop(),
      () => bus.bus.stop(),
    );
    const endpoints = { dynamodb: dynamo.endpoint, s3: s3.endpoint, eventbridge: bus.endpoint };
    // Scripts and SDK clients started from here find the emulators the standard way.
    process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoints.dynamodb;
    process.env.AWS_ENDPOINT_URL_S3 = endpoints.s3;
    process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = endpoints.eventbridge;
    // The stack's own DynamoDB clients follow the current world directly; the relay's fixed endpoint is for the rest.
    const tableEndpoint = (table: string) => apart.get(table)?.endpoint;
    const clients = localClients(endpoints, dynamo instanceof DynamoWorlds ? () => dynamo.direct : endpoints.dynamodb, tableEndpoint);
    const { EventBusArn: busArn } = await clients.eventBridge.send(new CreateEventBusCommand({ Name: LOCAL_BUS }));
    // Every event, as the platform stack archives them in AWS: what archive replays are served from.
    const { ArchiveArn: archiveArn } = await clients.eventBridge.send(
      new CreateArchiveCommand({ ArchiveName: `${LOCAL_BUS}-all`, EventSourceArn: busArn }),
    );

    const gateway = new LocalGateway(29_000 * scale);
    // A web client served from another origin (a dev server) is named here, as a deployment names its webOrigins.
    gateway.webOrigins = (process.env.COCREATE_WEB_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    const url = await gateway.listen(port).catch((err: NodeJS.ErrnoException) => {
      // Taken between the check above and now.
      throw err.code === 'EADDRINUSE' ? new PortInUse(port) : err;
    });
    stops.push(() => gateway.close());
    // Until the services and the register are in place (mountLocalEndpoints replaces it), the gateway says so —
    // from the moment it listens, before anything else is awaited.
    gateway.endpoint('GET', '/health', async () => ({
      status: 503,
      body: { status: 'starting', components: { gateway: { status: 'up', url } } },
    }));
    const places = (opts.register ?? demoSeed).places;
    gateway.site = await buildSite({
      home: opts.boardHome ?? places.find((p) => p.kind === 'village' || p.kind === 'community')?.path ?? '',
      signIn: 'local',
    });
    const issuer = await LocalIssuer.create(`${url}/_local`, opts.dataDir ? join(opts.dataDir, 'dev-key.json') : undefined);
    const clock = new LocalClock();
    const servicesStarted = Date.now();
    const runtimes = new Map<string, ServiceRuntime>();
    let pumps: StreamPump[] = [];
    const relays = new Map<string, (streamArn: string) => StreamPump>();
    // Every service writes through this one client: a write wakes its table's relay, as a stream mapping would see it.
    wakeOnWrites(clients.dynamodb, (table) => {
      for (const pump of pumps) if (table === undefined || pump.table === table) pump.wake();
    });
    const jobs: { key: string; schedule: string; run: (input?: unknown) => Promise<unknown> }[] = [];

    for (const manifest of services) {
      const tableName = resourceNames.table(manifest.name);
      const streamArn = await ensureTable(clients.dynamodb, manifest, tableName);
      const rt = createRuntime({
        manifest,
        tableName,
        busName: LOCAL_BUS,
        ...(busArn ? { busArn } : {}),
        ...(archiveArn && manifest.archiveReplays ? { archiveArn } : {}),
        bucket: LOCAL_BUCKET,
        verifier: { issuer: issuer.issuer, audience: LOCAL_AUDIENCE, jwksUrl: `${url}/_local/jwks.json` },
        clock: clock.now,
        // Links the services hand out (CloudEvents' dataschema) point here, whatever Host a caller sends.
        publicBaseUrl: url,
        dynamodb: clients.dynamodb,
        eventBridge: clients.eventBridge,
        s3: clients.s3,
        logLevel: opts.logLevel ?? process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      });
      runtimes.set(manifest.name, rt);
      gateway.mount(manifest, createHttpHandler(rt, { strictResponses: true }));

      if (manifest.subscriptions.length) {
        const events = createEventHandler(rt);
        const arn = functionArn(resourceNames.eventFunction(manifest.name));
        bus.bus.registerTarget(arn, (input) => events(input, lambdaContext(resourceNames.eventFunction(manifest.name), 60_000 * scale)));
        for (const sub of manifest.subscriptions) {
          const rule = resourceNames.rule(manifest.name, sub.name);
          await clients.eventBridge.send(
            new PutRuleCommand({ Name: rule, EventBusName: LOCAL_BUS, EventPattern: JSON.stringify(patternOf(sub)) }),
          );
          await clients.eventBridge.send(
            new PutTargetsCommand({
              Rule: rule,
              EventBusName: LOCAL_BUS,
              Targets: [
                {
                  Id: 'events',
                  Arn: arn,
                  InputTransformer: { InputTemplate: subscriptionInputTemplate(sub.name), InputPathsMap: {} },
                  RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
                  DeadLetterConfig: { Arn: `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${rule}-dlq` },
                },
              ],
            }),
          );
        }
      }

      const relay = createOutboxRelay(rt);
      const ownInstance = apart.get(tableName);
      const streams = ownInstance ? localStreamsClient(ownInstance.endpoint) : clients.streams;
      const pumpFor = (arn: string) =>
        new StreamPump(streams, arn, (e) => relay(e, lambdaContext(resourceNames.relayFunction(manifest.name), 60_000 * scale)), {
          onError: (err) => console.error(`[relay ${manifest.name}]`, err.message),
        });
      relays.set(manifest.name, pumpFor);
      pumps.push(pumpFor(streamArn));

      if (manifest.jobs.length) {
        const runJob = createJobHandler(rt);
        for (const job of manifest.jobs) {
          const key = `${manifest.name}/${job.name}`;
          jobs.push({
            key,
            schedule: job.schedule,
            // A scheduled run gets `{ job }`; a requested one what the request rule's input transformer made of the job
            // request (`jobRequestInput`: the job and the requesting unit's correlation id).
            run: (input) =>
              runJob(input ?? { job: job.name }, lambdaContext(resourceNames.jobFunction(manifest.name, job.name), 300_000 * scale)),
          });
          if (!job.startsOnRequest) continue;
          // The job's request rule, as the CDK stack declares it: a relayed job request runs the job now (or right
          // after the run in progress).
          const arn = functionArn(resourceNames.jobFunction(manifest.name, job.name));
          bus.bus.registerTarget(arn, async (input) => void scheduler.request(key, input));
          const rule = resourceNames.jobRequestRule(manifest.name, job.name);
          await clients.eventBridge.send(
            new PutRuleCommand({
              Name: rule,
              EventBusName: LOCAL_BUS,
              EventPattern: JSON.stringify(jobRequestPattern(manifest.name, job.name)),
            }),
          );
          await clients.eventBridge.send(
            new PutTargetsCommand({
              Rule: rule,
              EventBusName: LOCAL_BUS,
              Targets: [{ Id: 'job', Arn: arn, InputTransformer: jobRequestInput(job.name) }],
            }),
          );
        }
      }
    }
    // Pumps start once every table exists (creating a table disturbs DynamoDB Local's open stream iterators).
    for (const pump of pumps) pump.start();
    opts.progress?.(`${services.length} services: tables, functions, subscriptions, outbox relays`, Date.now() - servicesStarted);
    stops.push(async () => {
      // Read at stop time: a reset replaces the pumps.
      await Promise.all(pumps.map((p) => p.stop()));
    });
    const scheduler = new LocalScheduler(jobs, clock.now, (key, err) => console.error(`[job ${key}]`, err.message));
    scheduler.start();
    stops.push(() => scheduler.stop());

    /**
     * Every service that keeps a copy of the register has it before anyone asks. With the registry in the stack the
     * demo province is imported the way a province's operator imports rosters — through the registry's HTTP API, from
     * the fixture files — once; what that import left in every table is restored on each reset. A stack without the
     * registry (a test of one service) is sent the register as the registry's import events.
     */
    let imported: Snapshot | undefined;
    /** Whether the register is in place: until then the stack answers /health with 503 (starting). */
    let registerLoaded = false;
    const loadRegister = async () => {
      registerLoaded = false;
      await fillRegister();
      registerLoaded = true;
    };
    const fillRegister = async () => {
      if (!services.some((m) => m.keepsRegister)) return;
      const seed = opts.register || !services.some((m) => m.name === 'registry') ? undefined : opts.seedRegister;
      if (!seed) {
        await publishRegisterImport(clients.eventBridge, LOCAL_BUS, PROVINCE, demoRegisterChanges(opts.register ?? demoSeed), clock.now());
        await bus.bus.idle();
        return;
      }
      // After a reset the tables were created holding what the import left.
      if (imported) return;
      const token = async (scope: string) =>
        (await issuer.sign({ sub: 'local-import', roles: [{ role: scope === PROVINCE ? 'ops-admin' : 'cadre', place: scope }] })).token;
      const parts = await seed({ baseUrl: url, token });
      // The copies are complete once every part the import published has been relayed and delivered.
      const published = () => bus.bus.events().filter((e) => e['detail-type'] === RegisterImported.type).length;
      for (const deadline = Date.now() + 120_000; published() < parts;) {
        if (Date.now() > deadline) throw new Error(`the demo import published ${published()} of ${parts} parts`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await bus.bus.idle();
      imported = await takeSnapshot(
        clients.dynamodb,
        services.map((m) => resourceNames.table(m.name)),
      );
    };

    /**
     * A fresh world on the running stack: empty tables, no events or dead letters on the bus, real time. The
     * integration tests reset before each file, so no file depends on what another left behind.
     */
    const reset = async () => {
      // A reset takes seconds; one that takes much longer says where it waited (a test file's hook has two minutes).
      const started = Date.now();
      const laps: string[] = [];
      const lap = (step: string) => laps.push(`${step} at ${Date.now() - started} ms`);
      const slow = setTimeout(
        () => console.warn(`[local] reset still running after 30 s: ${laps.join(', ') || 'stopping jobs and relays'}`),
        30_000,
      );
      try {
        scheduler.stop();
        await scheduler.settled();
        await Promise.all(pumps.map((p) => p.stop()));
        lap('jobs and relays stopped');
        bus.bus.clear();
        await bus.bus.idle();
        lap('deliveries done');
        // In memory, a new DynamoDB Local process: a long test run's dropped tables and their streams do not stay
        // behind in one JVM, slowing every later file (hot-item tests ran 5–8× slower late in the run than alone).
        if (dynamo instanceof DynamoWorlds) await dynamo.next();
        else if (!opts.dataDir) await Promise.all([dynamo.restart(), ...[...apart.values()].map((d) => d.restart())]);
        lap('DynamoDB Local restarted');
        pumps = await Promise.all(
          services.map(async (manifest) => {
            const tableName = resourceNames.table(manifest.name);
            if (opts.dataDir) await dropTable(clients.dynamodb, tableName);
            const items = imported?.get(tableName);
            return relays.get(manifest.name)!(await ensureTable(clients.dynamodb, manifest, tableName, items ? { items } : {}));
          }),
        );
        for (const pump of pumps) pump.start();
        lap('tables restored');
        clock.reset();
        await loadRegister();
        lap('register loaded');
        scheduler.start();
      } finally {
        clearTimeout(slow);
      }
    };

    mountLocalEndpoints(gateway, {
      services,
      issuer,
      clock,
      scheduler,
      bus: bus.bus,
      endpoints: { gateway: url, ...endpoints },
      clients,
      reset,
      registerLoaded: () => registerLoaded,
    });
    await timed(
      services.some((m) => m.name === 'registry') && !opts.register && opts.seedRegister
        ? 'register imported through the registry'
        : 'register sent to the services',
      loadRegister,
    );
    // Every later world: the tables as the start left them (the import's items, outbox rows aside); the reset turns
    // their streams on in the world's own instance (fillTable says why).
    if (dynamo instanceof DynamoWorlds)
      dynamo.prepare(async (endpoint) => {
        const client = localDynamoClient(endpoint);
        try {
          for (const manifest of services) {
            const tableName = resourceNames.table(manifest.name);
            await fillTable(client, manifest, tableName, imported?.get(tableName));
          }
        } finally {
          client.destroy();
        }
      });

    return {
      url,
      endpoints: { gateway: url, ...endpoints },
      clock,
      bus: bus.bus,
      issuer,
      runtimes,
      tableEndpoint: (table) => tableEndpoint(table) ?? endpoints.dynamodb,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

function mountLocalEndpoints(
  gateway: LocalGateway,
  s: {
    services: readonly ServiceManifest[];
    issuer: LocalIssuer;
    clock: LocalClock;
    scheduler: LocalScheduler;
    bus: LocalEventBus;
    endpoints: LocalStack['endpoints'];
    clients: ReturnType<typeof localClients>;
    reset: () => Promise<void>;
    registerLoaded: () => boolean;
  },
): void {
  gateway.endpoint('POST', '/_local/reset', async () => {
    await s.reset();
    return { status: 200, body: { reset: true, now: s.clock.now().toISOString() } };
  });
  gateway.endpoint('GET', '/health', async () => {
    const probe = async (f: () => Promise<unknown>) =>
      f().then(
        () => 'up' as const,
        () => 'down' as const,
      );
    const components = {
      gateway: { status: 'up', url: s.endpoints.gateway },
      dynamodb: { status: await probe(() => fetch(s.endpoints.dynamodb, { method: 'POST' })), url: s.endpoints.dynamodb },
      s3: { status: await probe(() => fetch(`${s.endpoints.s3}/${LOCAL_BUCKET}`)), url: s.endpoints.s3, bucket: LOCAL_BUCKET },
      eventbridge: {
        status: await probe(() => fetch(`${s.endpoints.eventbridge}/_local/dead-letters`)),
        url: s.endpoints.eventbridge,
        bus: LOCAL_BUS,
        deadLetters: s.bus.deadLetters().length,
      },
      services: Object.fromEntries(
        s.services.map((m) => [
          m.name,
          { status: 'up', routes: m.routes.length, subscriptions: m.subscriptions.length, jobs: m.jobs.length },
        ]),
      ),
      clock: { now: s.clock.now().toISOString(), offsetMs: s.clock.offset },
      // The demo province is imported at start (and restored on reset): requests about its places wait for it.
      register: { status: s.registerLoaded() ? 'up' : 'loading' },
    };
    const up = [components.dynamodb, components.s3, components.eventbridge, components.register].every((c) => c.status === 'up');
    const status = up ? 'ok' : components.register.status === 'loading' ? 'starting' : 'degraded';
    return { status: up ? 200 : 503, body: { status, components } };
  });
  gateway.endpoint('GET', '/openapi.json', async () => ({ status: 200, body: openApiDocument(s.services, s.endpoints.gateway) }));
  gateway.endpoint('GET', '/_local/jwks.json', async () => ({ status: 200, body: s.issuer.jwks() }));
  gateway.endpoint('POST', '/_local/token', async ({ body }) => {
    const parsed = TokenRequest.safeParse(body);
    if (!parsed.success) return { status: 422, body: { title: 'invalid token request', errors: parsed.error.issues } };
    return { status: 200, body: await s.issuer.sign(parsed.data) };
  });
  gateway.endpoint('GET', '/_local/clock', async () => ({
    status: 200,
    body: { now: s.clock.now().toISOString(), offsetMs: s.clock.offset },
  }));
  gateway.endpoint('POST', '/_local/clock', async ({ body }) => {
    const b = (body ?? {}) as { advance?: string; to?: string };
    try {
      if (b.advance) s.clock.advance(parseDuration(b.advance));
      else if (b.to) s.clock.set(new Date(b.to));
      else return { status: 422, body: { title: 'give { advance: "P8D" } or { to: "<ISO time>" }' } };
    } catch (err) {
      return { status: 422, body: { title: (err as Error).message } };
    }
    // Time passed: whatever came due is done now, as the schedules would have done it.
    await s.scheduler.runAll().catch(() => undefined);
    return { status: 200, body: { now: s.clock.now().toISOString(), offsetMs: s.clock.offset } };
  });
  for (const m of s.services) {
    for (const job of m.jobs) {
      gateway.endpoint('POST', `/_local/jobs/${m.name}/${job.name}`, async () => ({
        status: 200,
        body: (await s.scheduler.run(`${m.name}/${job.name}`)) ?? {},
      }));
    }
  }
  gateway.endpoint('GET', '/_local/bus/events', async ({ url }) => {
    const type = url.searchParams.get('type');
    const events = s.bus.events().filter((e) => !type || e['detail-type'] === type);
    return { status: 200, body: { count: events.length, events } };
  });
  gateway.endpoint('GET', '/_local/bus/idle', async () => {
    // Resolves once every pending delivery and retry on the bus has finished.
    await s.bus.idle();
    return { status: 200, body: { idle: true } };
  });
  gateway.endpoint('GET', '/_local/idle', async () => {
    // The bus idle and no job running, with how many events the bus has seen and job runs have started: the same
    // counts a moment later mean nothing is under way — no relay bringing an event, no job sweeping in between.
    await s.bus.idle();
    await s.scheduler.settled();
    return { status: 200, body: { idle: true, events: s.bus.events().length, jobRuns: s.scheduler.runs } };
  });
  gateway.endpoint('GET', '/_local/bus/dead-letters', async () => ({ status: 200, body: s.bus.deadLetters() }));
  gateway.endpoint('POST', '/_local/bus/dead-letters/redrive', async ({ body }) => ({
    status: 200,
    body: { redriven: await s.bus.redrive((body as { ids?: string[] } | undefined)?.ids) },
  }));
}
