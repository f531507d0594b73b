import { BatchWriteItemCommand, GetItemCommand, ListTablesCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient, namedTables } from '../src/clients.ts';

/**
 * A stack that keeps tables apart (`tablesApart`) sends every service's commands through one client: each command
 * must reach the instance that holds its table, or it finds no table there. Two stand-in servers answer like
 * DynamoDB and say who was asked for what.
 */
describe('one DynamoDB client over tables kept on different instances', () => {
  const asked: { server: string; target: string; body: string }[] = [];
  const servers: Server[] = [];
  const endpoints: Record<string, string> = {};

  beforeAll(async () => {
    for (const name of ['main', 'registry']) {
      const server = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          asked.push({ server: name, target: String(req.headers['x-amz-target']), body });
          res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      endpoints[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
  });
  afterAll(() => servers.forEach((s) => s.close()));

  const client = () => localDynamoClient(endpoints.main!, (table) => (table === 'cocreate-registry' ? endpoints.registry : undefined));
  const key = { pk: { S: 'P#1' }, sk: { S: 'A' } };

  it('sends a command on a table kept apart to that table’s instance, and every other command to the main one', async () => {
    const db = client();
    asked.length = 0;
    await db.send(new GetItemCommand({ TableName: 'cocreate-registry', Key: key }));
    await db.send(new GetItemCommand({ TableName: 'cocreate-projects', Key: key }));
    await db.send(new BatchWriteItemCommand({ RequestItems: { 'cocreate-registry': [{ PutRequest: { Item: key } }] } }));
    await db.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'cocreate-registry', Item: key } }] }));
    await db.send(new ListTablesCommand({}));
    expect(asked.map((a) => [a.server, a.target.split('.')[1]])).toEqual([
      ['registry', 'GetItem'],
      ['main', 'GetItem'],
      ['registry', 'BatchWriteItem'],
      ['registry', 'TransactWriteItems'],
      ['main', 'ListTables'],
    ]);
    db.destroy();
  });

  it('names the tables of every command shape', () => {
    expect(namedTables({ TableName: 'a' })).toEqual(['a']);
    expect(namedTables({ RequestItems: { a: [], b: [] } })).toEqual(['a', 'b']);
    expect(
      namedTables({ TransactItems: [{ Put: { TableName: 'a' } }, { ConditionCheck: { TableName: 'b' } }, { Update: { TableName: 'a' } }] }),
    ).toEqual(['a', 'b']);
    expect(namedTables({})).toEqual([]);
  });
});
