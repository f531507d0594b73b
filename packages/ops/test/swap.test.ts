import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { servingDrift } from '../src/drift.ts';
import { loadSwapView, planSwap, reportSwap, restoreTable, restorePointOf, type SwapView } from '../src/restore.ts';

/**
 * `pnpm ops restore --swap`: the swap is the deployment's config (`restoredTables`) deployed with `cdk deploy`
 * (infra/test/restored-table.test.ts holds the template to it); the command reads where the swap stands and names the
 * next step. The plan is a pure function, tested here on views. Reading the view needs DynamoDB's continuous backups
 * (DynamoDB Local does not implement them) and Lambda's function configurations and event source mappings (the local
 * stack runs no Lambda service), so `loadSwapView` is tested against stub clients that answer as the AWS SDK does.
 */
const own = 'cocreate-feeds';
const restored = 'cocreate-feeds-at-202612010559';
const ownStream = `arn:aws-cn:dynamodb:cn-north-1:123456789012:table/${own}/stream/2026-11-01T00:00:00.000`;
const newStream = `arn:aws-cn:dynamodb:cn-north-1:123456789012:table/${restored}/stream/2026-12-03T05:12:30.123`;
const fns = ['feeds-http', 'feeds-events', 'feeds-job-deliver'];

const ready = {
  name: restored,
  status: 'ACTIVE',
  streamArn: newStream,
  streamViewType: 'NEW_AND_OLD_IMAGES',
  pitr: true,
  ttlAttribute: 'ttl',
  deletionProtection: true,
};

function view(over: Partial<SwapView> = {}): SwapView {
  return {
    deployment: 'hubei-cn',
    service: 'feeds',
    own: { name: own, streamArn: ownStream },
    restored: ready,
    functions: fns.map((name) => ({ name, table: own })),
    relay: { name: 'feeds-relay', mappings: [{ uuid: 'm-own', eventSourceArn: ownStream, state: 'Enabled' }] },
    subscribes: true,
    at: new Date('2026-12-01T05:59:00Z'),
    ...over,
  };
}

const statuses = (v: SwapView) => planSwap(v).map((s) => s.status);

describe('pnpm ops restore --swap: the plan', () => {
  it('before the config names the restored table, the next step is the config entry, with the stream to paste', () => {
    const steps = planSwap(view());
    expect(steps.map((s) => s.status)).toEqual(['done', 'next', 'blocked', 'blocked', 'blocked']);
    expect(steps[1]!.detail).toContain(`restoredTables: { feeds: { table: '${restored}', streamArn: '${newStream}' } },`);
  });

  it('refuses to go on with a restored table a restore did not ready, and names what is missing', () => {
    const steps = planSwap(view({ restored: { ...ready, pitr: false, ttlAttribute: undefined, deletionProtection: false } }));
    expect(steps[0]).toMatchObject({ status: 'blocked' });
    expect(steps[0]!.detail).toContain('point-in-time recovery off');
    expect(steps[0]!.detail).toContain('TTL not on ttl');
    expect(steps[0]!.detail).toContain('deletion protection off');
    expect(steps[1]!.status).toBe('blocked');
  });

  it('once configured, the next step is the deploy, naming each function still on the old table and the relay not yet moved', () => {
    const configured = { table: restored, streamArn: newStream, previousStream: 'draining' as const };
    const steps = planSwap(
      view({
        configured,
        functions: [
          { name: 'feeds-http', table: restored },
          { name: 'feeds-events', table: own },
        ],
      }),
    );
    expect(steps.map((s) => s.status)).toEqual(['done', 'done', 'next', 'blocked', 'blocked']);
    expect(steps[2]!.detail).toContain('cocreate-hubei-cn-feeds');
    expect(steps[2]!.detail).toContain(`feeds-events → ${own}`);
    expect(steps[2]!.detail).toContain(`feeds-relay has no mapping on ${newStream}`);
  });

  it('after the deploy: replay the window since the restore point, and keep the old stream draining before retiring it', () => {
    const configured = { table: restored, streamArn: newStream, previousStream: 'draining' as const };
    const deployed = view({
      configured,
      functions: fns.map((name) => ({ name, table: restored })),
      relay: {
        name: 'feeds-relay',
        mappings: [
          { uuid: 'm-own', eventSourceArn: ownStream, state: 'Enabled' },
          { uuid: 'm-new', eventSourceArn: newStream, state: 'Enabled' },
        ],
      },
    });
    const steps = planSwap(deployed);
    expect(steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'manual', 'waiting']);
    // Five minutes before the restore point: markers make the overlap harmless.
    expect(steps[3]!.detail).toContain('pnpm ops replay --deployment hubei-cn --service feeds --from 2026-12-01T05:54:00.000Z');
    expect(steps[4]!.detail).toContain("previousStream: 'retired'");
    expect(reportSwap(steps)).toBe(false);

    const retiring = { ...deployed, configured: { ...configured, previousStream: 'retired' as const } };
    expect(statuses(retiring)).toEqual(['done', 'done', 'done', 'manual', 'next']);
    const retired = {
      ...retiring,
      relay: { name: 'feeds-relay', mappings: [{ ...deployed.relay!.mappings[0]!, state: 'Disabled' }, deployed.relay!.mappings[1]!] },
    };
    expect(statuses(retired)).toEqual(['done', 'done', 'done', 'manual', 'done']);
    const lines: string[] = [];
    expect(reportSwap(planSwap(retired), { progress: (l) => lines.push(l) })).toBe(true);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^\[done\] 1\. cocreate-feeds-at-202612010559 is ready/);
  });

  it('a service that consumes nothing has no replay step, and one that publishes nothing no relay steps', () => {
    const configured = { table: restored, streamArn: newStream, previousStream: 'draining' as const };
    const steps = planSwap(view({ configured, subscribes: false, relay: undefined, functions: [{ name: 'x-http', table: restored }] }));
    expect(steps.map((s) => s.step.slice(0, 2))).toEqual(['1.', '2.', '3.']);
    expect(steps.every((s) => s.status === 'done')).toBe(true);
  });

  it('reads the restore point from the default restored name', () => {
    expect(restorePointOf(restored)).toEqual(new Date('2026-12-01T05:59:00Z'));
    expect(restorePointOf('cocreate-feeds-copy')).toBeUndefined();
  });
});

/** A stub client: answers each command by its class name, as the SDK's `send` would, and records what was sent. */
function stub(answers: Record<string, (input: any) => unknown>) {
  const sent: { command: string; input: any }[] = [];
  return {
    sent,
    client: {
      send: async (command: { constructor: { name: string }; input: unknown }) => {
        const name = command.constructor.name;
        sent.push({ command: name, input: command.input });
        const answer = answers[name];
        if (!answer) throw new Error(`unexpected ${name}`);
        return answer(command.input);
      },
    },
  };
}

describe('pnpm ops restore --swap: reading the deployment (stubbed AWS SDK clients)', () => {
  it('builds the view from DescribeTable, continuous backups, TTL, function configurations and the relay’s mappings, sending only reads', async () => {
    const dynamodb = stub({
      DescribeTableCommand: ({ TableName }) =>
        TableName === own
          ? { Table: { TableName: own, TableStatus: 'ACTIVE', LatestStreamArn: ownStream, StreamSpecification: { StreamEnabled: true } } }
          : {
              Table: {
                TableName: restored,
                TableStatus: 'ACTIVE',
                TableArn: `arn:aws-cn:dynamodb:cn-north-1:123456789012:table/${restored}`,
                LatestStreamArn: newStream,
                StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
                DeletionProtectionEnabled: true,
              },
            },
      DescribeContinuousBackupsCommand: () => ({
        ContinuousBackupsDescription: { PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' } },
      }),
      DescribeTimeToLiveCommand: () => ({ TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'ttl' } }),
    });
    const lambda = stub({
      GetFunctionConfigurationCommand: ({ FunctionName }) => {
        if (FunctionName === 'feeds-job-deliver')
          throw Object.assign(new Error('Function not found'), { name: 'ResourceNotFoundException' });
        return { Environment: { Variables: { COCREATE_TABLE: own } } };
      },
      ListEventSourceMappingsCommand: ({ Marker }) =>
        Marker
          ? { EventSourceMappings: [{ UUID: 'm-new', EventSourceArn: newStream, State: 'Creating' }] }
          : {
              EventSourceMappings: [{ UUID: 'm-own', EventSourceArn: ownStream, State: 'Enabled', StartingPosition: 'TRIM_HORIZON' }],
              NextMarker: 'p2',
            },
    });
    const v = await loadSwapView(
      { dynamodb: dynamodb.client as unknown as DynamoDBClient, lambda: lambda.client as unknown as LambdaClient },
      {
        deployment: 'hubei-cn',
        service: 'feeds',
        ownTable: own,
        restoredTable: restored,
        configured: { table: restored, streamArn: newStream, previousStream: 'draining' },
        functions: fns,
        relay: 'feeds-relay',
        subscribes: true,
      },
    );
    expect(v.restored).toEqual({ ...ready, arn: `arn:aws-cn:dynamodb:cn-north-1:123456789012:table/${restored}` });
    expect(v.own).toEqual({ name: own, streamArn: ownStream });
    expect(v.functions).toEqual([{ name: 'feeds-http', table: own }, { name: 'feeds-events', table: own }, { name: 'feeds-job-deliver' }]);
    expect(v.relay!.mappings.map((m) => [m.uuid, m.state])).toEqual([
      ['m-own', 'Enabled'],
      ['m-new', 'Creating'],
    ]);
    expect(v.at).toEqual(new Date('2026-12-01T05:59:00Z'));
    // The deploy has not happened: the plan says deploy, naming the function not deployed and the mapping still creating.
    const deploy = planSwap(v)[2]!;
    expect(deploy.status).toBe('next');
    expect(deploy.detail).toContain('feeds-job-deliver → not deployed');
    expect(deploy.detail).toContain('a Creating mapping');
    // Reads only: nothing was updated, created or deleted.
    const commands = [...dynamodb.sent, ...lambda.sent].map((s) => s.command);
    expect(commands.every((c) => /^(Describe|Get|List)/.test(c))).toBe(true);
  });
});

describe('pnpm ops drift: which table each service uses', () => {
  it('names a function pointed at another table than the config says, and a relay not reading that table’s stream', () => {
    const drift = servingDrift([
      {
        stackName: 'cocreate-hubei-cn-feeds',
        expected: { table: restored, streamArn: newStream },
        functions: [
          { name: 'feeds-http', table: restored },
          { name: 'feeds-events', table: own },
        ],
        relay: { name: 'feeds-relay', enabledStreams: [ownStream] },
      },
      {
        stackName: 'cocreate-hubei-cn-rewards',
        expected: { table: 'cocreate-rewards', streamArn: 'arn:rewards-stream' },
        functions: [{ name: 'rewards-http', table: 'cocreate-rewards' }],
        relay: { name: 'rewards-relay', enabledStreams: ['arn:rewards-stream'] },
      },
    ]);
    expect(drift).toEqual([
      { stackName: 'cocreate-hubei-cn-feeds', parameter: 'feeds-events COCREATE_TABLE', deployed: own, current: restored, issue: 'table' },
      {
        stackName: 'cocreate-hubei-cn-feeds',
        parameter: 'feeds-relay stream',
        deployed: ownStream,
        current: newStream,
        issue: 'relay-stream',
      },
    ]);
  });
});

describe('pnpm ops restore: readying the restored table (stubbed DynamoDB client: DynamoDB Local keeps no PITR)', () => {
  const source = 'cocreate-feeds';
  const at = new Date('2026-12-01T05:59:00Z');
  const pitrOn = () => ({
    ContinuousBackupsDescription: {
      PointInTimeRecoveryDescription: {
        PointInTimeRecoveryStatus: 'ENABLED',
        EarliestRestorableDateTime: new Date('2026-11-01T00:00:00Z'),
        LatestRestorableDateTime: new Date('2026-12-03T00:00:00Z'),
      },
    },
  });

  it('restores, then turns on the stream, PITR (asking again while backups are not available yet), TTL and deletion protection, one update at a time', async () => {
    const statuses = ['CREATING', 'ACTIVE', 'UPDATING', 'ACTIVE', 'ACTIVE'];
    let pitrAttempts = 0;
    const dynamodb = stub({
      DescribeContinuousBackupsCommand: pitrOn,
      RestoreTableToPointInTimeCommand: () => ({}),
      DescribeTableCommand: () => ({ Table: { TableStatus: statuses.shift() ?? 'ACTIVE' } }),
      UpdateTableCommand: () => ({}),
      UpdateContinuousBackupsCommand: () => {
        if (++pitrAttempts === 1) throw Object.assign(new Error('not yet'), { name: 'ContinuousBackupsUnavailableException' });
        return {};
      },
      UpdateTimeToLiveCommand: () => ({}),
    });
    const lines: string[] = [];
    const { target } = await restoreTable(dynamodb.client as unknown as DynamoDBClient, {
      table: source,
      at,
      pollMs: 1,
      progress: (l) => lines.push(l),
    });
    expect(target).toBe(restored);
    const writes = dynamodb.sent.filter((s) => !s.command.startsWith('Describe'));
    expect(writes.map((s) => [s.command, s.input])).toEqual([
      ['RestoreTableToPointInTimeCommand', { SourceTableName: source, TargetTableName: restored, RestoreDateTime: at }],
      ['UpdateTableCommand', { TableName: restored, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }],
      ['UpdateContinuousBackupsCommand', { TableName: restored, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }],
      ['UpdateContinuousBackupsCommand', { TableName: restored, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }],
      ['UpdateTimeToLiveCommand', { TableName: restored, TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' } }],
      ['UpdateTableCommand', { TableName: restored, DeletionProtectionEnabled: true }],
    ]);
    expect(lines.at(-1)).toContain(`next: pnpm ops restore --swap --table ${restored}`);
  });

  it('in a dry run reads the recovery window, lists each step and changes nothing', async () => {
    const dynamodb = stub({ DescribeContinuousBackupsCommand: pitrOn });
    const lines: string[] = [];
    await restoreTable(dynamodb.client as unknown as DynamoDBClient, { table: source, at, dryRun: true, progress: (l) => lines.push(l) });
    expect(dynamodb.sent.map((s) => s.command)).toEqual(['DescribeContinuousBackupsCommand']);
    expect(lines.filter((l) => l.includes('would:'))).toHaveLength(5);
    expect(lines.at(-1)).toBe('dry run: nothing restored');
  });

  it('refuses a point outside the restorable window before asking for anything', async () => {
    const dynamodb = stub({ DescribeContinuousBackupsCommand: pitrOn });
    await expect(
      restoreTable(dynamodb.client as unknown as DynamoDBClient, { table: source, at: new Date('2026-10-01T00:00:00Z') }),
    ).rejects.toThrow(/outside cocreate-feeds's restorable window/);
    expect(dynamodb.sent).toHaveLength(1);
  });
});
