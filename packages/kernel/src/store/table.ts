import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TableSpec } from '../types.ts';
import { problems } from '../problem.ts';

export interface Key {
  pk: string;
  sk: string;
}

export type Item = Key & Record<string, unknown>;

export type SortKeyCondition =
  | { eq: string }
  | { beginsWith: string }
  | { between: [string, string] }
  | { gte: string }
  | { lte: string }
  | { gt: string }
  | { lt: string };

export interface QueryOptions {
  /** GSI name from the manifest; its partition/sort attributes come from the table spec. */
  index?: string;
  pk: string;
  sk?: SortKeyCondition;
  limit?: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
  /** Newest first when false (default true: ascending sort key). */
  forward?: boolean;
  consistent?: boolean;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export function documentClient(client = new DynamoDBClient({})): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Read access to a service's own table. Writes go through a UnitOfWork so state and events commit together. */
export class Table {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly name: string,
    readonly spec: TableSpec,
  ) {}

  async get<T extends Item = Item>(key: Key, opts: { consistent?: boolean } = {}): Promise<T | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.name, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: opts.consistent ?? true }),
    );
    return out.Item as T | undefined;
  }

  /** Up to 100 keys per call to DynamoDB; this pages through any number and retries unprocessed keys. */
  async getMany<T extends Item = Item>(keys: Key[]): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
        [this.name]: { Keys: keys.slice(i, i + 100).map((k) => ({ pk: k.pk, sk: k.sk })), ConsistentRead: true },
      };
      for (let attempt = 0; request && Object.keys(request).length; attempt++) {
        if (attempt > 8) throw new Error('BatchGet kept returning unprocessed keys');
        if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
        const res = await this.doc.send(new BatchGetCommand({ RequestItems: request }));
        out.push(...((res.Responses?.[this.name] ?? []) as T[]));
        request = res.UnprocessedKeys as typeof request;
      }
    }
    return out;
  }

  async query<T extends Item = Item>(opts: QueryOptions): Promise<Page<T>> {
    const { pkAttr, skAttr } = this.keyAttributes(opts.index);
    const names: Record<string, string> = { '#pk': pkAttr };
    const values: Record<string, unknown> = { ':pk': opts.pk };
    let expression = '#pk = :pk';
    if (opts.sk) {
      if (!skAttr) throw new Error(`index ${opts.index} has no sort key`);
      names['#sk'] = skAttr;
      const [op, operand] = sortKeyClause(opts.sk);
      if (Array.isArray(operand)) {
        expression += ` AND #sk BETWEEN :sk1 AND :sk2`;
        values[':sk1'] = operand[0];
        values[':sk2'] = operand[1];
      } else {
        expression += op === 'begins_with' ? ' AND begins_with(#sk, :sk)' : ` AND #sk ${op} :sk`;
        values[':sk'] = operand;
      }
    }
    const input: QueryCommandInput = {
      TableName: this.name,
      KeyConditionExpression: expression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: opts.forward ?? true,
      ...(opts.index ? { IndexName: opts.index } : { ConsistentRead: opts.consistent ?? true }),
      ...(opts.limit ? { Limit: opts.limit } : {}),
      ...(opts.cursor ? { ExclusiveStartKey: decodeCursor(opts.cursor, { pkAttr, skAttr, pk: opts.pk, sk: opts.sk }) } : {}),
    };
    const out = await this.doc.send(new QueryCommand(input));
    return {
      items: (out.Items ?? []) as T[],
      ...(out.LastEvaluatedKey ? { cursor: encodeCursor(out.LastEvaluatedKey) } : {}),
    };
  }

  /** Every item of a query, following pages. For bounded collections (a proposal's bodies, a village's needs). */
  async queryAll<T extends Item = Item>(opts: Omit<QueryOptions, 'cursor' | 'limit'>, max = 10_000): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page: Page<T> = await this.query<T>({ ...opts, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.cursor;
      // A 422 the caller can act on (page, narrow the range), never a 500 that a growing village runs into one day.
      if (items.length > max) throw problems.tooMany(max);
    } while (cursor);
    return items;
  }

  private keyAttributes(index?: string): { pkAttr: string; skAttr?: string } {
    if (!index) return { pkAttr: 'pk', skAttr: 'sk' };
    const spec = this.spec.indexes.find((i) => i.name === index);
    if (!spec) throw new Error(`table ${this.name} has no index ${index}`);
    return { pkAttr: spec.partitionKey, ...(spec.sortKey ? { skAttr: spec.sortKey } : {}) };
  }
}

function sortKeyClause(sk: SortKeyCondition): [string, string | [string, string]] {
  if ('eq' in sk) return ['=', sk.eq];
  if ('beginsWith' in sk) return ['begins_with', sk.beginsWith];
  if ('between' in sk) return ['BETWEEN', sk.between];
  if ('gte' in sk) return ['>=', sk.gte];
  if ('lte' in sk) return ['<=', sk.lte];
  if ('gt' in sk) return ['>', sk.gt];
  return ['<', sk.lt];
}

/** Whether a sort-key value meets the query's condition (strings compared as DynamoDB compares ASCII keys). */
function withinSortKey(value: unknown, sk: SortKeyCondition): boolean {
  if (typeof value !== 'string') return false;
  if ('eq' in sk) return value === sk.eq;
  if ('beginsWith' in sk) return value.startsWith(sk.beginsWith);
  if ('between' in sk) return value >= sk.between[0] && value <= sk.between[1];
  if ('gte' in sk) return value >= sk.gte;
  if ('lte' in sk) return value <= sk.lte;
  if ('gt' in sk) return value > sk.gt;
  return value < sk.lt;
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * A cursor only continues the query it came from: one naming another partition is refused, not followed — and so is
 * one made up to look like it (a key without the sort key, with other attributes, or past the query's sort-key
 * condition), which DynamoDB would answer with a validation error, a 500 here. A cursor is the key of the last item
 * read: the table's key (`pk`, `sk`) and, on an index, the index's key too.
 */
function decodeCursor(
  cursor: string,
  query: { pkAttr: string; skAttr?: string | undefined; pk: string; sk?: SortKeyCondition | undefined },
): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    const key = parsed as Record<string, unknown>;
    const attributes = new Set(['pk', 'sk', query.pkAttr, ...(query.skAttr ? [query.skAttr] : [])]);
    const names = Object.keys(key);
    // Partition keys and the table's sort key are strings; only an index's own sort key may be a number.
    const typed = (n: string) =>
      typeof key[n] === 'string' || (typeof key[n] === 'number' && n === query.skAttr && !['pk', 'sk'].includes(n));
    if (key[query.pkAttr] !== query.pk || names.length !== attributes.size || names.some((n) => !attributes.has(n) || !typed(n))) {
      throw new Error('cursor of another query');
    }
    if (query.sk && query.skAttr && !withinSortKey(key[query.skAttr], query.sk)) throw new Error('cursor outside the query');
    return key;
  } catch {
    throw problems.badRequest({ zh: '分页游标无效。', en: 'The page cursor is not valid.' }, [
      { in: 'query', pointer: '/cursor', rule: 'cursor', message: 'not a cursor this API issued' },
    ]);
  }
}
