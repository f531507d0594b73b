import { describe, expect, inject, it } from 'vitest';
import { localClients } from '@cocreate/local/clients';
import { ensureTable } from '@cocreate/local/dynamo';
import { fixtureManifest } from '../../local/test/fixture.ts';
import { restoreTable } from '../src/restore.ts';

/**
 * Point-in-time restore needs DynamoDB's continuous backups, which DynamoDB Local does not keep: what can be tested
 * here is that the command checks the table's recovery window first and says so, before it asks for anything.
 */
describe('pnpm ops restore against the local stack', () => {
  it('refuses, naming why, where there is no point-in-time recovery (DynamoDB Local keeps none)', async () => {
    const { dynamodb } = localClients({ dynamodb: inject('stack').dynamodb, s3: '', eventbridge: '' });
    const table = `restore-${process.pid}-${Date.now()}`;
    await ensureTable(dynamodb, fixtureManifest, table);
    const lines: string[] = [];
    await expect(restoreTable(dynamodb, { table, at: new Date(Date.now() - 60_000), progress: (l) => lines.push(l) })).rejects.toThrow(
      /no point-in-time recovery \(DynamoDB Local\?\): restore works in AWS only/,
    );
    expect(lines).toEqual([]);
  });
});
