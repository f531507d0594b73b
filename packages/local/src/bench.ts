import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { copiedItem } from '@cocreate/kernel';
import type { PlaceData } from '@cocreate/places';
import { demoRegisterChanges } from './demo-register.ts';

/**
 * What the `pnpm bench` files share (test/bench/run.ts runs each in a process of its own and prints one table): a
 * row's shape, the load beside it, handing the rows back, and writing fixtures straight into a table.
 */
export interface BenchRow {
  metric: string;
  subject: string;
  value: number;
  unit: string;
  baseline: number;
  /** What the baseline is; '—' for a row without one. */
  baselineOf: string;
  ratio: number;
  goal: string;
  load: string;
}

/** The load averages now (1, 5, 15 minutes): figures on a shared machine are read beside them. */
export const loadNow = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Hands a bench file's rows to `pnpm bench`, which prints them in its table (the runner names the file). */
export function handBack(rows: readonly BenchRow[]): void {
  if (process.env.BENCH_ROWS_FILE) writeFileSync(process.env.BENCH_ROWS_FILE, JSON.stringify(rows));
}

/** Writes items with BatchWriteItem, 25 a call and 8 calls at once, until DynamoDB has taken every one. */
export async function batchWrite(doc: DynamoDBDocumentClient, table: string, items: readonly Record<string, unknown>[]): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < chunks.length) {
        let request: Record<string, unknown[]> | undefined = { [table]: chunks[next++]!.map((Item) => ({ PutRequest: { Item } })) };
        while (request && Object.keys(request).length) {
          const res = await doc.send(new BatchWriteCommand({ RequestItems: request as never }));
          request = res.UnprocessedItems as typeof request;
        }
      }
    }),
  );
}

/**
 * A service's copy of the register, written as the copy's consumer writes it (`copiedItem`, every thing at revision
 * 1 as the local stack's import publishes it) but without the import's events: a bench's synthetic register fills the
 * copy in seconds instead of minutes of RegisterImported parts, each a conditional transaction of 100 items. Start the
 * stack with `emptyRegister` (it then publishes nothing) and write the copy before the first request. Says how many
 * items it wrote.
 */
export async function writeRegisterCopy(doc: DynamoDBDocumentClient, table: string, register: PlaceData): Promise<number> {
  const items = demoRegisterChanges(register).flatMap((c) => copiedItem(c, 'everything')?.item ?? []);
  await batchWrite(doc, table, items);
  return items.length;
}

export const emptyRegister: PlaceData = { places: [], people: [], households: [], bodies: [] };
