import { describe, expect, it } from 'vitest';
import { writtenTables } from '../src/streams.ts';

/**
 * The local stack wakes a table's stream relay after each write its clients send (`wakeOnWrites`); a write whose
 * table is missed here would leave its events for the next poll, a read counted as a write would wake for nothing.
 */
describe('the tables a DynamoDB command writes', () => {
  it('names the table of a single-item write, by the client’s or the document client’s command', () => {
    for (const command of ['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'PutCommand', 'UpdateCommand', 'DeleteCommand'])
      expect(writtenTables(command, { TableName: 'projects' })).toEqual(['projects']);
  });

  it('names every table of a transaction once, and none of its condition checks alone', () => {
    const input = {
      TransactItems: [
        { Put: { TableName: 'projects' } },
        { Update: { TableName: 'projects' } },
        { Delete: { TableName: 'rewards' } },
        { ConditionCheck: { TableName: 'registry' } },
      ],
    };
    expect(writtenTables('TransactWriteItemsCommand', input)).toEqual(['projects', 'rewards']);
    expect(writtenTables('TransactWriteCommand', input)).toEqual(['projects', 'rewards']);
  });

  it('names every table of a batch write', () => {
    const input = { RequestItems: { projects: [{ PutRequest: {} }], feeds: [{ DeleteRequest: {} }] } };
    expect(writtenTables('BatchWriteItemCommand', input)).toEqual(['projects', 'feeds']);
    expect(writtenTables('BatchWriteCommand', input)).toEqual(['projects', 'feeds']);
  });

  it('wakes every table for a PartiQL statement or a new table, whose tables it does not parse', () => {
    for (const command of ['ExecuteStatementCommand', 'BatchExecuteStatementCommand', 'ExecuteTransactionCommand', 'CreateTableCommand'])
      expect(writtenTables(command, {})).toEqual([undefined]);
  });

  it('wakes nothing for a read', () => {
    for (const command of [
      'GetItemCommand',
      'GetCommand',
      'QueryCommand',
      'ScanCommand',
      'BatchGetItemCommand',
      'TransactGetItemsCommand',
      'DescribeTableCommand',
    ])
      expect(writtenTables(command, { TableName: 'projects', RequestItems: { projects: {} } })).toEqual([]);
  });
});
