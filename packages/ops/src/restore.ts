import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  RestoreTableToPointInTimeCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { GetFunctionConfigurationCommand, ListEventSourceMappingsCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { type RunOptions, quiet, sleep } from './progress.ts';

/** The attribute DynamoDB's TTL deletes by (infra `TTL_ATTRIBUTE`): outbox rows, idempotency records, markers. */
export const TTL_ATTRIBUTE = 'ttl';

export interface RestoreRequest extends RunOptions {
  table: string;
  at: Date;
  /** The new table (default `<table>-at-<yyyymmddhhmm>`). */
  target?: string;
  pollMs?: number;
}

export const restoredName = (table: string, at: Date) => `${table}-at-${at.toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;

/**
 * Restores a service's table as it was at `at` into a new table (point-in-time recovery; the original is untouched)
 * and readies it to be swapped in with what a restore does not carry over: the stream the outbox relay reads, PITR,
 * TTL on `ttl` and deletion protection. Its indexes and encryption come with the restore.
 */
export async function restoreTable(dynamodb: DynamoDBClient, r: RestoreRequest): Promise<{ target: string }> {
  const progress = r.progress ?? quiet;
  const target = r.target ?? restoredName(r.table, r.at);
  const backups = await dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: r.table })).catch((e: Error) => {
    // DynamoDB Local implements neither continuous backups nor restores.
    if (e.name === 'UnknownOperationException')
      throw new Error(`this DynamoDB keeps no point-in-time recovery (DynamoDB Local?): restore works in AWS only`);
    throw e;
  });
  const pitr = backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
  if (pitr?.PointInTimeRecoveryStatus !== 'ENABLED') throw new Error(`${r.table} has no point-in-time recovery`);
  const earliest = pitr.EarliestRestorableDateTime;
  const latest = pitr.LatestRestorableDateTime;
  if ((earliest && r.at < earliest) || (latest && r.at > latest)) {
    throw new Error(
      `${r.at.toISOString()} is outside ${r.table}'s restorable window (${earliest?.toISOString()} .. ${latest?.toISOString()})`,
    );
  }
  progress(`restore ${r.table} as of ${r.at.toISOString()} into ${target}`);
  const steps = [
    'restore (waits until ACTIVE)',
    'stream on (NEW_AND_OLD_IMAGES)',
    'point-in-time recovery on',
    `TTL on ${TTL_ATTRIBUTE}`,
    'deletion protection on',
  ];
  if (r.dryRun) {
    for (const step of steps) progress(`  would: ${target}: ${step}`);
    progress('dry run: nothing restored');
    return { target };
  }
  await dynamodb.send(new RestoreTableToPointInTimeCommand({ SourceTableName: r.table, TargetTableName: target, RestoreDateTime: r.at }));
  for (;;) {
    const t = (await dynamodb.send(new DescribeTableCommand({ TableName: target }))).Table;
    progress(`  ${target}: ${t?.TableStatus}`);
    if (t?.TableStatus === 'ACTIVE') break;
    await sleep(r.pollMs ?? 15_000);
  }
  await dynamodb.send(
    new UpdateTableCommand({ TableName: target, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }),
  );
  progress(`  ${target}: stream on (NEW_AND_OLD_IMAGES)`);
  await waitActive(dynamodb, target, r.pollMs ?? 15_000, progress);
  // A table just created may not take continuous backups yet (ContinuousBackupsUnavailableException): ask again.
  for (let attempt = 1; ; attempt++) {
    try {
      await dynamodb.send(
        new UpdateContinuousBackupsCommand({ TableName: target, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      );
      break;
    } catch (e) {
      if ((e as Error).name !== 'ContinuousBackupsUnavailableException' || attempt >= 40) throw e;
      progress(`  ${target}: continuous backups not available yet, asking again`);
      await sleep(r.pollMs ?? 15_000);
    }
  }
  progress(`  ${target}: point-in-time recovery on`);
  await dynamodb.send(
    new UpdateTimeToLiveCommand({ TableName: target, TimeToLiveSpecification: { Enabled: true, AttributeName: TTL_ATTRIBUTE } }),
  );
  progress(`  ${target}: TTL on ${TTL_ATTRIBUTE}`);
  await waitActive(dynamodb, target, r.pollMs ?? 15_000, progress);
  await dynamodb.send(new UpdateTableCommand({ TableName: target, DeletionProtectionEnabled: true }));
  progress(`  ${target}: deletion protection on; next: pnpm ops restore --swap --table ${target}`);
  return { target };
}

/** A table accepts one update at a time: wait until the last one has finished. */
async function waitActive(dynamodb: DynamoDBClient, table: string, pollMs: number, progress: (l: string) => void): Promise<void> {
  for (;;) {
    const status = (await dynamodb.send(new DescribeTableCommand({ TableName: table }))).Table?.TableStatus;
    if (status === 'ACTIVE') return;
    progress(`  ${table}: ${status}`);
    await sleep(pollMs);
  }
}

/**
 * Swapping a restored table in.
 *
 * DynamoDB cannot rename a table, so a swap is by configuration, and it is the deployment's configuration that makes
 * it: `restoredTables` in `infra/config/<id>.ts` names the restored table and its stream, and deploying the service
 * stack points the functions at it (`COCREATE_TABLE`), grants their roles that table and its indexes (and no longer
 * the old one), and gives the outbox relay a mapping on the new stream with the same settings while the old stream's
 * mapping keeps draining. Changing functions, roles or mappings from here instead would be drift: the next deploy of
 * the stack would silently put the service back on the damaged table. So `--swap` reads the deployment and says which
 * step is done and which is next (with the exact text or command); it changes nothing itself.
 */
export interface TableState {
  name: string;
  arn?: string;
  status?: string;
  streamArn?: string;
  streamViewType?: string;
  pitr: boolean;
  ttlAttribute?: string;
  deletionProtection: boolean;
}

export interface SwapConfig {
  table: string;
  streamArn: string;
  previousStream: 'draining' | 'retired';
}

export interface MappingState {
  uuid: string;
  eventSourceArn: string;
  /** Lambda's state: Enabled, Disabled, Creating, Enabling, Disabling, Updating, Deleting. */
  state: string;
  startingPosition?: string;
}

export interface SwapView {
  deployment: string;
  service: string;
  /** The stack's own table (`cocreate-<service>`) and its stream. */
  own: { name: string; streamArn?: string };
  restored: TableState;
  /** What `infra/config/<id>.ts` says (`restoredTables[service]`), if anything. */
  configured?: SwapConfig;
  /** Each domain function and the table it uses (`COCREATE_TABLE`); undefined table: not deployed. */
  functions: { name: string; table?: string }[];
  /** The relay's stream mappings (none for a service that publishes nothing). */
  relay?: { name: string; mappings: MappingState[] };
  /** Whether the service consumes events (then the window since the restore point is replayed into it). */
  subscribes: boolean;
  /** The restore point, when known (from the restored table's name). */
  at?: Date;
}

export type StepStatus = 'done' | 'next' | 'waiting' | 'blocked' | 'manual';

export interface SwapStep {
  step: string;
  status: StepStatus;
  detail: string;
}

/** The restore point a restored table's default name carries (`<table>-at-<yyyymmddhhmm>`, UTC). */
export function restorePointOf(name: string): Date | undefined {
  const m = /-at-(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(name);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00Z`) : undefined;
}

const configSnippet = (service: string, t: TableState) =>
  `restoredTables: { ${service}: { table: '${t.name}', streamArn: '${t.streamArn ?? '<stream ARN>'}' } },`;

/**
 * The swap's steps in order, each done, next, waiting, blocked or manual, from what the deployment looks like now.
 * Pure: the CLI loads the view (`loadSwapView`) and prints the plan; tests hand it views.
 */
export function planSwap(v: SwapView): SwapStep[] {
  const steps: SwapStep[] = [];
  const r = v.restored;
  const missing = [
    r.status !== 'ACTIVE' && `status ${r.status ?? 'unknown'} (not ACTIVE)`,
    (!r.streamArn || r.streamViewType !== 'NEW_AND_OLD_IMAGES') && 'no NEW_AND_OLD_IMAGES stream',
    !r.pitr && 'point-in-time recovery off',
    r.ttlAttribute !== TTL_ATTRIBUTE && `TTL not on ${TTL_ATTRIBUTE}`,
    !r.deletionProtection && 'deletion protection off',
  ].filter((x): x is string => typeof x === 'string');
  const ready = missing.length === 0;
  steps.push({
    step: `1. ${r.name} is ready`,
    status: ready ? 'done' : 'blocked',
    detail: ready
      ? `ACTIVE, stream ${r.streamArn}, PITR, TTL on ${TTL_ATTRIBUTE}, deletion protection`
      : `${missing.join('; ')}: pnpm ops restore readies it (re-run its steps by hand for what failed)`,
  });

  const configured = v.configured?.table === r.name && v.configured.streamArn === r.streamArn;
  steps.push({
    step: `2. infra/config/${v.deployment}.ts names it`,
    status: configured ? 'done' : ready ? 'next' : 'blocked',
    detail: configured
      ? `restoredTables.${v.service} = ${r.name}`
      : v.configured && v.configured.table !== r.name
        ? `it names ${v.configured.table}; replace that entry with: ${configSnippet(v.service, r)}`
        : `add to the config (reviewed and committed like any change): ${configSnippet(v.service, r)}`,
  });

  const deployCommand = `npx cdk diff -c deployment=${v.deployment} cocreate-${v.deployment}-${v.service}, then cdk deploy the same stack`;
  const elsewhere = v.functions.filter((f) => f.table !== r.name);
  const newMapping = v.relay?.mappings.find((m) => m.eventSourceArn === r.streamArn);
  const relayMoved = !v.relay || newMapping?.state === 'Enabled';
  const deployed = elsewhere.length === 0 && relayMoved;
  steps.push({
    step: `3. the ${v.service} stack is deployed with it`,
    status: deployed ? 'done' : configured ? 'next' : 'blocked',
    detail: deployed
      ? `${v.functions.length} function(s) on ${r.name}, granted it; ${v.relay ? `${v.relay.name} reads its stream from TRIM_HORIZON` : 'no relay'}`
      : [
          deployCommand,
          elsewhere.length ? `still elsewhere: ${elsewhere.map((f) => `${f.name} → ${f.table ?? 'not deployed'}`).join(', ')}` : '',
          v.relay && !relayMoved
            ? `${v.relay.name} has ${newMapping ? `a ${newMapping.state} mapping` : 'no mapping'} on ${r.streamArn}`
            : '',
        ]
          .filter(Boolean)
          .join('; '),
  });

  if (v.subscribes) {
    const from = v.at ? new Date(v.at.getTime() - 5 * 60_000).toISOString() : '<restore point − 5 min>';
    steps.push({
      step: `4. events ${v.service} consumed since the restore point are applied again`,
      status: deployed ? 'manual' : 'blocked',
      detail:
        `the restored table holds neither their effects nor their processed-event markers: ` +
        `pnpm ops replay --deployment ${v.deployment} --service ${v.service} --from ${from} --to <now, after step 3> ` +
        `(events applied before the restore point are skipped by their markers)`,
    });
  }

  if (v.relay) {
    const old = v.relay.mappings.find((m) => m.eventSourceArn === v.own.streamArn);
    const retiredInConfig = v.configured?.previousStream === 'retired';
    const retired = retiredInConfig && (old === undefined || old.state === 'Disabled');
    steps.push({
      step: `5. the old stream's mapping is retired`,
      status: retired ? 'done' : !deployed ? 'blocked' : retiredInConfig ? 'next' : 'waiting',
      detail: retired
        ? `${v.own.name}'s stream is no longer read`
        : retiredInConfig
          ? `${deployCommand} (disables the mapping on ${v.own.name}'s stream)`
          : `it stays enabled to publish outbox rows written to ${v.own.name} while the functions switched; ` +
            `at least 15 minutes after step 3 (the longest function timeout is 5), with the relay's IteratorAge alarm OK, ` +
            `set previousStream: 'retired' in the entry and deploy again`,
    });
  }
  return steps;
}

/** Reads what `planSwap` needs from DynamoDB and Lambda (reads only). */
export async function loadSwapView(
  clients: { dynamodb: DynamoDBClient; lambda: LambdaClient },
  input: {
    deployment: string;
    service: string;
    ownTable: string;
    restoredTable: string;
    configured?: SwapConfig;
    functions: readonly string[];
    relay?: string;
    subscribes: boolean;
  },
): Promise<SwapView> {
  const { dynamodb, lambda } = clients;
  const describe = async (name: string) => {
    try {
      return (await dynamodb.send(new DescribeTableCommand({ TableName: name }))).Table;
    } catch (e) {
      if ((e as Error).name === 'ResourceNotFoundException') return undefined;
      throw e;
    }
  };
  const [own, restored] = await Promise.all([describe(input.ownTable), describe(input.restoredTable)]);
  let pitr = false;
  let ttlAttribute: string | undefined;
  if (restored) {
    const backups = await dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: input.restoredTable }));
    pitr = backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === 'ENABLED';
    const ttl = (await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: input.restoredTable }))).TimeToLiveDescription;
    ttlAttribute = ttl?.TimeToLiveStatus === 'ENABLED' || ttl?.TimeToLiveStatus === 'ENABLING' ? ttl.AttributeName : undefined;
  }
  const functions: SwapView['functions'] = [];
  for (const name of input.functions) {
    try {
      const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
      functions.push({
        name,
        ...(config.Environment?.Variables?.COCREATE_TABLE ? { table: config.Environment.Variables.COCREATE_TABLE } : {}),
      });
    } catch (e) {
      if ((e as Error).name !== 'ResourceNotFoundException') throw e;
      functions.push({ name });
    }
  }
  let relay: SwapView['relay'];
  if (input.relay) {
    const mappings: MappingState[] = [];
    let Marker: string | undefined;
    do {
      const page = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: input.relay, Marker }));
      for (const m of page.EventSourceMappings ?? []) {
        mappings.push({
          uuid: m.UUID!,
          eventSourceArn: m.EventSourceArn!,
          state: m.State ?? 'unknown',
          ...(m.StartingPosition ? { startingPosition: m.StartingPosition } : {}),
        });
      }
      Marker = page.NextMarker;
    } while (Marker);
    relay = { name: input.relay, mappings };
  }
  const at = restorePointOf(input.restoredTable);
  return {
    deployment: input.deployment,
    service: input.service,
    own: { name: input.ownTable, ...(own?.LatestStreamArn ? { streamArn: own.LatestStreamArn } : {}) },
    restored: {
      name: input.restoredTable,
      ...(restored?.TableArn ? { arn: restored.TableArn } : {}),
      status: restored?.TableStatus ?? 'not found',
      ...(restored?.LatestStreamArn && restored.StreamSpecification?.StreamEnabled ? { streamArn: restored.LatestStreamArn } : {}),
      ...(restored?.StreamSpecification?.StreamViewType ? { streamViewType: restored.StreamSpecification.StreamViewType } : {}),
      pitr,
      ...(ttlAttribute ? { ttlAttribute } : {}),
      deletionProtection: restored?.DeletionProtectionEnabled === true,
    },
    ...(input.configured ? { configured: input.configured } : {}),
    functions,
    ...(relay ? { relay } : {}),
    subscribes: input.subscribes,
    ...(at ? { at } : {}),
  };
}

/** Prints the plan, one line per step; true when nothing is left but manual steps. */
export function reportSwap(steps: readonly SwapStep[], o: RunOptions = {}): boolean {
  const progress = o.progress ?? quiet;
  for (const s of steps) progress(`[${s.status}] ${s.step}: ${s.detail}`);
  return steps.every((s) => s.status === 'done' || s.status === 'manual');
}
