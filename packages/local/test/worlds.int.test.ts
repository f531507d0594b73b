import { CreateTableCommand, GetItemCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { LOCAL_REGION, localDynamoClient } from '../src/clients.ts';
import { STREAM_HEAD_KEY, ensureTable, fillTable } from '../src/dynamo.ts';
import { DynamoWorlds } from '../src/worlds.ts';
import { fixtureManifest } from './fixture.ts';

/**
 * The integration tests' fresh worlds (`spareWorlds`): a reset switches the one endpoint to a new DynamoDB Local made
 * ready in the background, holding exactly what `fill` put there — nothing of what the last file wrote — and a client
 * that kept its connections open goes on working across the switch.
 */
describe('DynamoWorlds', () => {
  it('switches the same endpoint to a fresh world made by fill, and clients keep working across it', async () => {
    const worlds = await DynamoWorlds.start({ startupMs: 120_000 });
    const client = localDynamoClient(worlds.endpoint);
    const table = async (c: ReturnType<typeof localDynamoClient>) =>
      c.send(
        new CreateTableCommand({
          TableName: 'things',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        }),
      );
    const put = (c: ReturnType<typeof localDynamoClient>, pk: string) =>
      c.send(new PutItemCommand({ TableName: 'things', Item: { pk: { S: pk } } }));
    const keys = async () => ((await client.send(new ScanCommand({ TableName: 'things' }))).Items ?? []).map((i) => i.pk!.S).sort();
    let fills = 0;
    try {
      await table(client);
      await put(client, 'left-by-the-last-file');
      worlds.prepare(async (endpoint) => {
        fills++;
        const c = localDynamoClient(endpoint);
        try {
          await table(c);
          await put(c, 'template');
        } finally {
          c.destroy();
        }
      });

      await worlds.next();
      const endpoint = worlds.endpoint;
      expect(await keys()).toEqual(['template']);
      await put(client, 'written-in-world-2');
      expect(await keys()).toEqual(['template', 'written-in-world-2']);

      await worlds.next();
      expect(worlds.endpoint).toBe(endpoint);
      expect(await keys()).toEqual(['template']);
      const got = await client.send(new GetItemCommand({ TableName: 'things', Key: { pk: { S: 'written-in-world-2' } } }));
      expect(got.Item).toBeUndefined();
      // Filled once: every world starts on a copy of the first one's files.
      expect(fills).toBe(1);
    } finally {
      client.destroy();
      await worlds.stop();
    }
  }, 300_000);

  it('a world started on those files streams what is written in it, once ensureTable has turned its stream on', async () => {
    // DynamoDB Local started again on a filled world's files numbers stream records from 1 again: a stream opened
    // before the files were copied would start above them, and a reader at its end would never see a new write.
    const worlds = await DynamoWorlds.start({ startupMs: 120_000 });
    const client = localDynamoClient(worlds.endpoint);
    const streams = new DynamoDBStreamsClient({
      endpoint: worlds.endpoint,
      region: LOCAL_REGION,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    const items = Array.from({ length: 60 }, (_, i) => ({ pk: { S: `seeded-${i}` }, sk: { S: 'A' } }));
    try {
      worlds.prepare(async (endpoint) => {
        const c = localDynamoClient(endpoint);
        try {
          await fillTable(c, fixtureManifest, 'filled', items);
        } finally {
          c.destroy();
        }
      });
      await worlds.next();
      const arn = await ensureTable(client, fixtureManifest, 'filled');
      const [shard] = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription?.Shards ?? [];
      const start = await streams.send(
        new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard!.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      // A relay's first poll: the seeded items are not news (only the head mark ensureTable begins each shard with).
      const first = await streams.send(new GetRecordsCommand({ ShardIterator: start.ShardIterator! }));
      expect((first.Records ?? []).map((r) => [r.eventName, r.dynamodb?.Keys?.pk?.S])).toEqual([
        ['INSERT', STREAM_HEAD_KEY.pk.S],
        ['REMOVE', STREAM_HEAD_KEY.pk.S],
      ]);
      await client.send(new PutItemCommand({ TableName: 'filled', Item: { pk: { S: 'written-in-the-world' }, sk: { S: 'A' } } }));
      const next = await streams.send(new GetRecordsCommand({ ShardIterator: first.NextShardIterator! }));
      expect((next.Records ?? []).map((r) => r.dynamodb?.Keys?.pk?.S)).toEqual(['written-in-the-world']);
      expect((await client.send(new ScanCommand({ TableName: 'filled' }))).Items).toHaveLength(61);
    } finally {
      client.destroy();
      streams.destroy();
      await worlds.stop();
    }
  }, 300_000);
});
