import { type DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * The world right after the demo province was imported: every table's items (the registry's records and every
 * service's copy), less the outbox rows — those were relayed already, and restoring them would publish the import
 * again. The import runs once through the registry's HTTP API; every reset writes what it left into the new tables
 * before their streams are turned on (`ensureTable`'s items).
 */
export type Snapshot = Map<string, Record<string, AttributeValue>[]>;

export async function takeSnapshot(dynamodb: DynamoDBClient, tables: readonly string[]): Promise<Snapshot> {
  const snapshot: Snapshot = new Map();
  for (const table of tables) {
    const items: Record<string, AttributeValue>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await dynamodb.send(
        new ScanCommand({ TableName: table, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }),
      );
      items.push(...(out.Items ?? []).filter((i) => !i.pk?.S?.startsWith('OUTBOX#')));
      start = out.LastEvaluatedKey;
    } while (start);
    snapshot.set(table, items);
  }
  return snapshot;
}
