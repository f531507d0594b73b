import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { resourceNames } from '@cocreate/kernel';
import { NeedRaised } from '@cocreate/contracts';
import { eventually, publishEvent } from '@cocreate/local/testing';
import { V, api, receive, stack, supervisor, treasurer } from './helpers.ts';
import { checkLedger, getPool, getPoolBalance } from '../handlers/pools.ts';
import { listNeedsSeen } from '../handlers/needs-seen.ts';

/**
 * Reads that do not grow with history. A pool's balance does not grow with its history: it is kept as running totals in the same transaction as every
 * posting, so reading it is one item however many receipts came before; and a read that would gather more than a
 * request may hold is a problem the caller can act on, never a 500.
 */
const balance = async (pool: string) => {
  const r = await api.call(getPoolBalance, { query: { pool } }, { as: treasurer });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

describe('a pool’s balance from its running totals', () => {
  it('equals the sum of its receipts and the by-source view, receipt after receipt, and counts its postings', async () => {
    const amounts = Array.from({ length: 40 }, (_, i) => 100 * (i + 1) + i);
    for (let i = 0; i < amounts.length; i += 8) await Promise.all(amounts.slice(i, i + 8).map((a) => receive(V, a)));
    const sum = amounts.reduce((s, a) => s + a, 0);
    const b = await balance(V);
    expect(b).toMatchObject({ pool: V, received: sum, unallocated: sum, allocated: 0, spent: 0, balance: sum, postings: 40 });
    const view = await api.call(getPool, { query: { pool: V } }, { as: treasurer });
    expect(view.body.totals).toMatchObject({ received: b.received, unallocated: b.unallocated, balance: b.balance });
    // A place that keeps no pool is refused as before.
    const group = await api.call(getPoolBalance, { query: { pool: `${V}/g1` } }, { as: treasurer });
    expect(group.body.code).toBe('not-a-pool');
  });

  it('still answers the balance of a pool with more accounts than one read may gather, and refuses that read with a problem', async () => {
    await receive(V, 12_345);
    const before = await balance(V);
    // A long history: 10,001 more source accounts than any request may read at once (Table.queryAll's cap), written
    // straight into the table — booking them one by one over HTTP would take the test's whole budget.
    const doc = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: stack.dynamodb,
        region: 'cn-north-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
    const items = Array.from({ length: 10_001 }, (_, i) => ({
      pk: `POOL#${V}`,
      sk: `ACCT#src:history-${String(i).padStart(5, '0')}`,
      account: `src:history-${i}`,
      pool: V,
      kind: 'src',
      sourceId: `history-${i}`,
      balance: 0,
      debits: 0,
      credits: 0,
    }));
    const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) => items.slice(i * 25, i * 25 + 25));
    for (let i = 0; i < batches.length; i += 16) {
      await Promise.all(
        batches.slice(i, i + 16).map(async (batch) => {
          let pending: any = { [resourceNames.table('projects')]: batch.map((Item) => ({ PutRequest: { Item } })) };
          while (pending && Object.keys(pending).length > 0)
            pending = (await doc.send(new BatchWriteCommand({ RequestItems: pending }))).UnprocessedItems;
        }),
      );
    }
    expect(await balance(V)).toEqual(before);
    const view = await api.call(getPool, { query: { pool: V } }, { as: treasurer });
    expect(view.status).toBe(422);
    expect(view.body).toMatchObject({ code: 'too-many-to-answer', limit: 10_000 });
    const audit = await api.call(checkLedger, { query: { pool: V } }, { as: supervisor });
    expect(audit.status).toBe(422);
  }, 180_000);
});

describe('the needs a village raised, as projects saw them', () => {
  it('come a page at a time, newest first, with the running count of all of them', async () => {
    const ids = [
      '01KBENCH00000000000000000A',
      '01KBENCH00000000000000000B',
      '01KBENCH00000000000000000C',
      '01KBENCH00000000000000000D',
      '01KBENCH00000000000000000E',
    ];
    for (const needId of ids) {
      await publishEvent(stack.eventbridge, NeedRaised, { ...NeedRaised.example, needId, village: V, place: `${V}/g1` }, { place: V });
    }
    const cadre = 'p-majiaqiao-01';
    const first = await eventually(
      async () => {
        const r = await api.call(listNeedsSeen, { query: { village: V, limit: 2 } }, { as: cadre });
        return r.body.count >= ids.length ? r : undefined;
      },
      30_000,
      'projects to see the needs',
    );
    expect(first.status).toBe(200);
    expect(first.body.needs.map((n: { needId: string }) => n.needId)).toEqual(['01KBENCH00000000000000000E', '01KBENCH00000000000000000D']);
    const seen = [...first.body.needs];
    let cursor: string | undefined = first.body.cursor;
    while (cursor) {
      const r = await api.call(listNeedsSeen, { query: { village: V, limit: 2, cursor } }, { as: cadre });
      expect(r.body.needs.length).toBeLessThanOrEqual(2);
      seen.push(...r.body.needs);
      cursor = r.body.cursor;
    }
    expect(seen.filter((n) => ids.includes(n.needId)).map((n) => n.needId)).toEqual([...ids].reverse());
    expect(first.body.count).toBe(seen.length);
    expect((await api.call(listNeedsSeen, { query: { village: V, limit: 500 } }, { as: cadre })).status).toBe(400);
  }, 60_000);
});
