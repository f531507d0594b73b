import { BatchWriteItemCommand, type DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * The world right after the demo province was imported: every table's items (the registry's records and every
 * service's copy), less the outbox rows — those were relayed already, and restoring them would publish the import
 * again. The import runs once through the registry's HTTP API; every reset restores what it left, in seconds.
 */
export type Snapshot = Map<string, Record<string, AttributeValue>[]>;

export async function takeSnapshot(dynamodb: DynamoDBClient, tables: readonly string[]): Promise<Snapshot> {
  const snapshot: Snapshot = new Map();
  for (const table of tables) {
    const items: Record<string, AttributeValue>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const out = await dynamodb.send(new ScanCommand({ TableName: table, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }));
      items.push(...(out.Items ?? []).filter((i) => !i.pk?.S?.startsWith('OUTBOX#')));
      start = out.LastEvaluatedKey;
    } while (start);
    snapshot.set(table, items);
  }
  return snapshot;
}

const PER_BATCH = 25;
const BATCHES_IN_FLIGHT = 8;

export async function restoreSnapshot(dynamodb: DynamoDBClient, snapshot: Snapshot): Promise<void> {
  const batches: { table: string; items: Record<string, AttributeValue>[] }[] = [];
  for (const [table, items] of snapshot) {
    for (let i = 0; i < items.length; i += PER_BATCH) batches.push({ table, items: items.slice(i, i + PER_BATCH) });
  }
  const write = async ({ table, items }: (typeof batches)[number]) => {
    let request: Record<string, { PutRequest: { Item: Record<string, AttributeValue> } }[]> | undefined = {
      [table]: items.map((Item) => ({ PutRequest: { Item } })),
    };
    for (let attempt = 0; request && Object.keys(request).length; attempt++) {
      if (attempt > 10) throw new Error(`restoring ${table}: BatchWriteItem kept returning unprocessed items`);
      if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      const out = await dynamodb.send(new BatchWriteItemCommand({ RequestItems: request }));
      request = out.UnprocessedItems as typeof request;
    }
  };
  for (let i = 0; i < batches.length; i += BATCHES_IN_FLIGHT) await Promise.all(batches.slice(i, i + BATCHES_IN_FLIGHT).map(write));
}
