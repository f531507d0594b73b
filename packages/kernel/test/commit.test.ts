import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { Problem, UnitOfWork, commit, problems, withRetries } from '../src/index.ts';

// How a commit reads DynamoDB's answers. The races themselves are exercised on DynamoDB Local by the services'
// concurrency tests; here each answer is produced on demand, including DynamoDB Local's lock timeout, which only
// appears under a load no test can summon at will.

const origin = { actor: { sub: 'p-1' }, correlationId: 'c-1', causationId: null, now: () => new Date(0), publishes: [] };

function failingWith(err: Error): DynamoDBDocumentClient {
  return { send: async () => Promise.reject(err) } as unknown as DynamoDBDocumentClient;
}

function error(name: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { name, ...extra });
}

const outOfStock = problems.conflict('out-of-stock', { zh: '库存不足', en: 'Out of stock' });

function unit() {
  const tx = new UnitOfWork('t', origin);
  tx.update({ pk: 'ITEM#1', sk: 'ITEM' }, { add: { stock: -1 } }, { onConflict: outOfStock });
  tx.putVersioned({ pk: 'ACCOUNT#1', sk: 'ACCOUNT' }, 3, 'retry');
  return tx;
}

const canceled = (...codes: string[]) =>
  error('TransactionCanceledException', 'Transaction cancelled', { CancellationReasons: codes.map((Code) => ({ Code })) });

describe('commit', () => {
  it('commits when DynamoDB accepts the transaction', async () => {
    const doc = { send: async () => ({}) } as unknown as DynamoDBDocumentClient;
    await expect(commit(doc, unit())).resolves.toBe('committed');
  });

  it('turns a failed condition into the Problem declared for that write', async () => {
    await expect(commit(failingWith(canceled('ConditionalCheckFailed', 'None')), unit())).rejects.toBe(outOfStock);
  });

  it('recomputes when a versioned write lost its race, before judging other conditions', async () => {
    await expect(commit(failingWith(canceled('ConditionalCheckFailed', 'ConditionalCheckFailed')), unit())).resolves.toBe('retry');
  });

  it('recomputes on a transaction conflict or throttling', async () => {
    await expect(commit(failingWith(canceled('None', 'TransactionConflict')), unit())).resolves.toBe('retry');
    await expect(commit(failingWith(error('TransactionConflictException', 'conflict')), unit())).resolves.toBe('retry');
  });

  it('recomputes when DynamoDB Local gives up waiting for an item lock (nothing was applied)', async () => {
    const lock = error(
      'InternalServerError',
      'This action timed out because it too long waiting for a lock. This request will succeed in actual DynamoDB API',
      { $fault: 'server' },
    );
    await expect(commit(failingWith(lock), unit())).resolves.toBe('retry');
  });

  it('lets any other server error through as a fault', async () => {
    const other = error('InternalServerError', 'Internal server error');
    await expect(commit(failingWith(other), unit())).rejects.toBe(other);
  });
});

describe('withRetries', () => {
  it('runs the attempt again until it commits', async () => {
    const outcomes = ['retry', 'retry', 'committed'] as const;
    let tries = 0;
    const r = await withRetries(async (i) => ({ outcome: outcomes[(tries = i + 1) - 1]!, value: i }), {
      attempts: 5,
      baseDelayMs: 1,
      maxDelayMs: 1,
    });
    expect(r).toEqual({ outcome: 'committed', value: 2 });
    expect(tries).toBe(3);
  });

  it('gives up with 503 after the policy’s attempts', async () => {
    const err = await withRetries(async () => ({ outcome: 'retry' as const, value: 0 }), {
      attempts: 3,
      baseDelayMs: 1,
      maxDelayMs: 1,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Problem);
    expect((err as Problem).status).toBe(503);
  });
});
