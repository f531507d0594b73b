import { CreateTableCommand, GetItemCommand, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { localDynamoClient } from '../src/clients.ts';
import { DynamoWorlds } from '../src/worlds.ts';

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
      // Each world was made once, and the one after the current is already on its way.
      expect(fills).toBeGreaterThanOrEqual(2);
    } finally {
      client.destroy();
      await worlds.stop();
    }
  }, 300_000);
});
