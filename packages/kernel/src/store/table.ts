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

interface Reader {
  resolve(item: Item | undefined): void;
  reject(err: unknown): void;
}

/** A key as one string, to gather the reads of the same item. */
const keyId = (k: Key) => `${k.pk}\u0000${k.sk}`;

/** One key waiting to be read, and everyone waiting for it. */
interface Waiting {
  key: Key;
  readers: Reader[];
}

/** Read access to a service's own table. Writes go through a UnitOfWork so state and events commit together. */
export class Table {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly name: string,
    readonly spec: TableSpec,
  ) {}

  /** Point reads waiting for the end of this turn of the event loop, by consistency. */
  private readonly waiting = new Map<boolean, Map<string, Waiting>>();

  /**
   * One item. Point reads asked for in the same turn of the event loop — a handler's `Promise.all` of the things it
   * decides on, or several requests at once — go to DynamoDB together as one BatchGetItem (of at most 100 keys):
   * DynamoDB Local serves four keys in one call about three times as fast as in four, and in Lambda it is one round
   * trip and one SDK call instead of several. A read alone is sent as GetItem.
   */
  get<T extends Item = Item>(key: Key, opts: { consistent?: boolean } = {}): Promise<T | undefined> {
    const consistent = opts.consistent ?? true;
    let batch = this.waiting.get(consistent);
    if (!batch) {
      const started = new Map<string, Waiting>();
      batch = started;
      this.waiting.set(consistent, started);
      setImmediate(() => this.send(started, consistent));
    }
    const id = keyId(key);
    const entry: Waiting = batch.get(id) ?? { key: { pk: key.pk, sk: key.sk }, readers: [] };
    batch.set(id, entry);
    const read = new Promise<T | undefined>((resolve, reject) => entry.readers.push({ resolve: resolve as Reader['resolve'], reject }));
    // A full batch goes now; the next read starts another.
    if (batch.size >= 100) this.send(batch, consistent);
    return read;
  }

  /** Sends a batch once: when its turn ends, or as soon as it is full. */
  private send(batch: Map<string, Waiting>, consistent: boolean): void {
    if (this.waiting.get(consistent) !== batch) return;
    this.waiting.delete(consistent);
    void this.readTogether(batch, consistent);
  }

  private async readTogether(batch: Map<string, Waiting>, consistent: boolean): Promise<void> {
    const entries = [...batch.values()];
    const settle = (e: Waiting, item: Item | undefined) => e.readers.forEach((r) => r.resolve(item));
    const fail = (e: Waiting, err: unknown) => e.readers.forEach((r) => r.reject(err));
    const alone = async (e: Waiting) => {
      try {
        const out = await this.doc.send(new GetCommand({ TableName: this.name, Key: e.key, ConsistentRead: consistent }));
        settle(e, out.Item as Item | undefined);
      } catch (err) {
        fail(e, err);
      }
    };
    if (entries.length === 1) return alone(entries[0]!);
    try {
      const items = await this.batchGet(
        entries.map((e) => e.key),
        consistent,
      );
      const found = new Map(items.map((i) => [keyId(i as Key), i]));
      for (const [id, e] of batch) settle(e, found.get(id));
    } catch (err) {
      // A key DynamoDB refuses (too long, say) fails only the reads that asked for it, not the others read with it.
      if ((err as { name?: string }).name === 'ValidationException') await Promise.all(entries.map(alone));
      else for (const e of entries) fail(e, err);
    }
  }

  /**
   * The items of any number of keys (those that exist), read with whatever else is asked for in the same turn: the
   * keys join the turn's batches of 100, which go to DynamoDB at once, not one after another.
   */
  async getMany<T extends Item = Item>(keys: readonly Key[], consistent = true): Promise<T[]> {
    const items = await Promise.all(keys.map((k) => this.get<T>(k, { consistent })));
    return items.filter((i): i is Awaited<T> => i !== undefined) as T[];
  }

  /** One BatchGetItem of at most 100 distinct keys, its unprocessed keys asked for again. */
  private async batchGet(keys: readonly Key[], consistent: boolean): Promise<Item[]> {
    const out: Item[] = [];
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
      [this.name]: { Keys: keys.map((k) => ({ pk: k.pk, sk: k.sk })), ConsistentRead: consistent },
    };
    for (let attempt = 0; request && Object.keys(request).length; attempt++) {
      if (attempt > 8) throw new Error('BatchGet kept returning unprocessed keys');
      if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      const res = await this.doc.send(new BatchGetCommand({ RequestItems: request }));
      out.push(...((res.Responses?.[this.name] ?? []) as Item[]));
      request = res.UnprocessedKeys as typeof request;
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
