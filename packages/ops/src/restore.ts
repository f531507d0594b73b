import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  RestoreTableToPointInTimeCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { GetFunctionConfigurationCommand, UpdateFunctionConfigurationCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { type RunOptions, quiet, sleep } from './progress.ts';

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
 * and readies it to be swapped in: PITR on, and the stream the outbox relay reads (a restore carries neither).
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
  if (r.dryRun) {
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
  await dynamodb.send(
    new UpdateContinuousBackupsCommand({ TableName: target, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
  );
  progress(`  ${target}: stream and point-in-time recovery on`);
  return { target };
}

/**
 * Swaps a restored table in: points the service's functions at it (`COCREATE_TABLE`). DynamoDB cannot rename a
 * table, so the swap is by configuration. The functions' roles are granted the service's own table only (infra
 * `grantOwnTable`), so before swapping, the restored table must be granted to them — not automated yet; the deploy
 * guide says how. The relay reads the old table's stream until its event source mapping is moved too.
 */
export async function pointFunctionsAt(
  lambda: LambdaClient,
  functions: readonly string[],
  table: string,
  o: RunOptions = {},
): Promise<string[]> {
  const progress = o.progress ?? quiet;
  const changed: string[] = [];
  for (const name of functions) {
    const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    const vars = config.Environment?.Variables ?? {};
    if (vars.COCREATE_TABLE === table) {
      progress(`  ${name}: already on ${table}`);
      continue;
    }
    progress(`  ${name}: ${vars.COCREATE_TABLE} → ${table}${o.dryRun ? ' (dry run)' : ''}`);
    if (!o.dryRun) {
      await lambda.send(
        new UpdateFunctionConfigurationCommand({ FunctionName: name, Environment: { Variables: { ...vars, COCREATE_TABLE: table } } }),
      );
      changed.push(name);
    }
  }
  return changed;
}
