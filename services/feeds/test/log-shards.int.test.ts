import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { resourceNames } from '@cocreate/kernel';
import { LOAD_TEST_TIMEOUT, LocalApi } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { LOG_BLOCK, LOG_SHARDS, logShardOf, seqKey } from '../domain/log.ts';
import { raiseNeed, registerAgency, stack, subscribe, uniqueText } from './support.ts';
import { pullEventsRoute } from '../handlers/feed.ts';

const api = new LocalApi(stack().url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const doc = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: stack().dynamodb, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
);
const TableName = resourceNames.table('feeds');

/** Reads the pull feed from the start with pages of `limit` until `count` events have come. */
async function readAll(as: ReturnType<LocalApi['official']>, limit: number, count: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  const until = Date.now() + 120_000;
  while (ids.length < count) {
    if (Date.now() > until) throw new Error(`read ${ids.length} of ${count}`);
    const res = await api.call(pullEventsRoute, { query: { after, limit } }, { as });
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((i: { id: string }) => i.id));
    after = res.body.next;
    if (res.body.items.length === 0) await sleep(50);
  }
  return ids;
}

describe("a county's log over several partitions", () => {
  it(
    'keeps one gapless sequence per county across shards: a burst past a block reads back in one order, each event once',
    async () => {
      const marker = uniqueText('shards');
      const county = await registerAgency(api, demo.hongan, 'hongan-stats');
      await subscribe(api, county, { pattern: { detail: { data: { text: [{ prefix: marker }] } } }, delivery: { mode: 'pull' } });

      // More than a block of one county at once, 25 publishers: the log's second shard is written too.
      const total = LOG_BLOCK + 30;
      const published: string[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: 25 }, async () => {
          while (next < total) {
            const k = next++;
            published.push(await raiseNeed(k % 2 ? demo.majiaqiao : demo.xingfu, `${marker} ${k}`));
          }
        }),
      );

      const small = await readAll(county.as, 9, total);
      expect(new Set(small).size).toBe(total);
      expect([...small].sort()).toEqual([...published].sort());
      // Another reader with other pages reads the county in the same order.
      expect(await readAll(county.as, 60, total)).toEqual(small);

      // In the table: one counter for the county, entries 1..N with no hole, spread over the block's shards.
      const counter = await doc.send(new GetCommand({ TableName, Key: { pk: `ROOT#${demo.hongan}`, sk: 'SEQ' }, ConsistentRead: true }));
      const last = counter.Item!.seq as number;
      expect(last).toBeGreaterThanOrEqual(total);
      const seqs: number[] = [];
      const shardsUsed: number[] = [];
      for (let shard = 0; shard < LOG_SHARDS; shard++) {
        let ExclusiveStartKey: Record<string, unknown> | undefined;
        let found = 0;
        do {
          const page = await doc.send(
            new QueryCommand({
              TableName,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': `LOG#${demo.hongan}#${shard}` },
              ConsistentRead: true,
              ExclusiveStartKey,
            }),
          );
          for (const item of page.Items ?? []) seqs.push(item.seq as number);
          found += page.Items?.length ?? 0;
          ExclusiveStartKey = page.LastEvaluatedKey;
        } while (ExclusiveStartKey);
        if (found) shardsUsed.push(shard);
      }
      expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
      expect(shardsUsed.length).toBeGreaterThanOrEqual(2);
      // Nothing is left staged, on any stage shard.
      for (let shard = 0; shard < LOG_SHARDS; shard++) {
        const staged = await doc.send(
          new QueryCommand({
            TableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `STAGE#${demo.hongan}#${shard}` },
            ConsistentRead: true,
          }),
        );
        expect(staged.Items ?? []).toEqual([]);
      }

      // The TTL removes the oldest entries (here: by hand, every seq up to the (LOG_BLOCK + 1)th event's, so past the
      // first block whatever else the county's log held before): a reader from the start goes on from the next entry
      // retained, in the same order.
      const expired = LOG_BLOCK + 1;
      const pointer = await doc.send(
        new GetCommand({ TableName, Key: { pk: `EVT#${small[expired - 1]}`, sk: 'EVT' }, ConsistentRead: true }),
      );
      const expiredUpTo = pointer.Item!.seq as number;
      expect(expiredUpTo).toBeGreaterThan(LOG_BLOCK);
      for (let seq = 1; seq <= expiredUpTo; seq++) {
        await doc.send(new DeleteCommand({ TableName, Key: { pk: `LOG#${demo.hongan}#${logShardOf(seq)}`, sk: seqKey(seq) } }));
      }
      expect(await readAll(county.as, 9, total - expired)).toEqual(small.slice(expired));
    },
    LOAD_TEST_TIMEOUT,
  );
});
