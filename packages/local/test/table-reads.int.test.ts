import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { fixtureRuntime } from './fixture.ts';

/**
 * The kernel's point reads on the real DynamoDB Local: reads asked for together go as one BatchGetItem and each
 * caller gets its own item (or nothing), whatever else was read with it.
 */
async function table() {
  const { rt } = await fixtureRuntime();
  const calls: { command: string; keys: number; consistent?: boolean }[] = [];
  rt.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as {
        RequestItems?: Record<string, { Keys: unknown[]; ConsistentRead?: boolean }>;
        ConsistentRead?: boolean;
      };
      const batch = input.RequestItems && Object.values(input.RequestItems)[0];
      calls.push({
        command: context.commandName ?? '?',
        keys: batch?.Keys.length ?? 1,
        consistent: batch ? batch.ConsistentRead : input.ConsistentRead,
      });
      return next(args);
    },
    { step: 'initialize', name: 'countReads' },
  );
  const put = (pk: string, sk: string, value: unknown) =>
    rt.doc.send(new PutCommand({ TableName: rt.table.name, Item: { pk, sk, value } }));
  return { t: rt.table, calls, put };
}

describe('point reads of a table', () => {
  it('asked for together, go as one BatchGetItem; each reader gets its own item, nothing for a missing one', async () => {
    const { t, calls, put } = await table();
    await Promise.all([put('A', '1', 'a'), put('B', '1', 'b'), put('C', '2', 'c')]);
    calls.length = 0;
    const [a, b, missing, c, again] = await Promise.all([
      t.get({ pk: 'A', sk: '1' }),
      t.get({ pk: 'B', sk: '1' }),
      t.get({ pk: 'A', sk: '2' }),
      // Asked for from another chain of awaits in the same turn.
      Promise.resolve().then(() => t.get({ pk: 'C', sk: '2' })),
      t.get({ pk: 'A', sk: '1' }),
    ]);
    expect([a?.value, b?.value, missing, c?.value, again?.value]).toEqual(['a', 'b', undefined, 'c', 'a']);
    // One call, each key once (DynamoDB refuses a batch naming a key twice), read consistently as GetItem was.
    expect(calls).toEqual([{ command: 'BatchGetItemCommand', keys: 4, consistent: true }]);
  });

  it('reads many keys with the single reads of the same turn, and only the items that exist', async () => {
    const { t, calls, put } = await table();
    await Promise.all([put('A', '1', 'a'), put('B', '1', 'b'), put('C', '1', 'c')]);
    calls.length = 0;
    const [many, one] = await Promise.all([
      t.getMany([
        { pk: 'A', sk: '1' },
        { pk: 'B', sk: '1' },
        { pk: 'Z', sk: '1' },
      ]),
      t.get({ pk: 'C', sk: '1' }),
    ]);
    expect(many.map((i) => i.value).sort()).toEqual(['a', 'b']);
    expect(one?.value).toBe('c');
    expect(calls).toEqual([{ command: 'BatchGetItemCommand', keys: 4, consistent: true }]);
  });

  it('sends a read alone as GetItem, and eventually consistent reads apart from consistent ones', async () => {
    const { t, calls, put } = await table();
    await put('A', '1', 'a');
    calls.length = 0;
    expect((await t.get({ pk: 'A', sk: '1' }))?.value).toBe('a');
    expect(calls).toEqual([{ command: 'GetItemCommand', keys: 1, consistent: true }]);
    calls.length = 0;
    const [strong, weak] = await Promise.all([t.get({ pk: 'A', sk: '1' }), t.get({ pk: 'A', sk: '1' }, { consistent: false })]);
    expect([strong?.value, weak?.value]).toEqual(['a', 'a']);
    expect(calls.map((c) => c.consistent).sort()).toEqual([false, true]);
  });

  it('splits more than 100 reads at once into batches of 100, sent without waiting for each other', async () => {
    const { t, calls, put } = await table();
    await Promise.all(Array.from({ length: 30 }, (_, i) => put(`K${i}`, 'x', i)));
    calls.length = 0;
    const got = await Promise.all(Array.from({ length: 250 }, (_, i) => t.get({ pk: `K${i}`, sk: 'x' })));
    expect(got.map((g) => g?.value)).toEqual(Array.from({ length: 250 }, (_, i) => (i < 30 ? i : undefined)));
    expect(calls.map((c) => c.keys)).toEqual([100, 100, 50]);
  });

  it('fails only the read whose key DynamoDB refuses, not the reads batched with it', async () => {
    const { t, put } = await table();
    await put('A', '1', 'a');
    const [good, bad] = await Promise.allSettled([t.get({ pk: 'A', sk: '1' }), t.get({ pk: 'A', sk: 'x'.repeat(2000) })]);
    expect(good).toMatchObject({ status: 'fulfilled', value: { value: 'a' } });
    expect(bad).toMatchObject({ status: 'rejected', reason: { name: 'ValidationException' } });
  });
});
