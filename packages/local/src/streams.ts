import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { type TableInput, namedTables } from './clients.ts';

type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

interface ShardState {
  iterator?: string;
  /** Sequence number to resume at after a reported failure. */
  retryFrom?: string;
  /** Last sequence number handed over successfully: where to pick up if an iterator goes stale. */
  after?: string;
  closed: boolean;
}

/**
 * Plays the part of Lambda's DynamoDB stream event source mapping for the local stack: reads every shard of a
 * table's stream in order, hands batches to the relay, and when the relay reports a failed record re-reads from
 * that record — the same contract as ReportBatchItemFailures in AWS.
 *
 * A quiet stream is read every `pollMs` (250 ms, as often as Lambda polls a shard), and at once when `wake` says its
 * table was written: the stack wakes a table's pump after each write of its own clients (`wakeOnWrites`), so an
 * event leaves right after its commit while eight quiet tables cost 32 reads a second instead of 160 (at 50 ms,
 * a fifth of a core of DynamoDB Local and the SDK through every test file). Writes from outside the stack's clients
 * (another process on the same DynamoDB Local) are read at the next poll.
 */
export class StreamPump {
  private readonly shards = new Map<string, ShardState>();
  private running = false;
  private loop?: Promise<void>;
  private inFlight = 0;
  private lastDiscovery = 0;
  /** A write since the current pass began: read again before sleeping. */
  private woken = false;
  private endSleep: (() => void) | undefined;

  constructor(
    private readonly client: DynamoDBStreamsClient,
    private readonly streamArn: string,
    private readonly handler: StreamHandler,
    private readonly opts: { batchSize?: number; pollMs?: number; retryDelayMs?: number; onError?: (e: Error) => void } = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.endSleep?.();
    await this.loop;
  }

  /** The table this pump reads the stream of (from its ARN: `…:table/<name>/stream/<label>`). */
  get table(): string {
    return this.streamArn.split(':table/')[1]?.split('/stream/')[0] ?? '';
  }

  /** The table was written: read its stream now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.endSleep?.();
  }

  /** True when a poll found nothing pending in any shard and no batch is being handled. */
  get busy(): boolean {
    return this.inFlight > 0;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let delivered = 0;
      this.woken = false;
      try {
        if (Date.now() - this.lastDiscovery > 1000 || this.shards.size === 0) await this.discover();
        for (const [shardId, state] of this.shards) {
          if (!this.running) break;
          if (!state.closed) delivered += await this.pollShard(shardId, state);
        }
      } catch (err) {
        if (this.running) this.opts.onError?.(err as Error);
      }
      if (!delivered && !this.woken && this.running) await this.sleepUntilWoken(this.opts.pollMs ?? 250);
    }
  }

  private sleepUntilWoken(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.endSleep = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.endSleep = done;
    });
  }

  private async discover(): Promise<void> {
    this.lastDiscovery = Date.now();
    let exclusiveStart: string | undefined;
    do {
      const out = await this.client.send(
        new DescribeStreamCommand({ StreamArn: this.streamArn, ...(exclusiveStart ? { ExclusiveStartShardId: exclusiveStart } : {}) }),
      );
      for (const shard of out.StreamDescription?.Shards ?? []) {
        if (shard.ShardId && !this.shards.has(shard.ShardId)) this.shards.set(shard.ShardId, { closed: false });
      }
      exclusiveStart = out.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStart);
  }

  private async pollShard(shardId: string, state: ShardState): Promise<number> {
    if (!state.iterator) {
      const out = await this.client.send(
        new GetShardIteratorCommand({
          StreamArn: this.streamArn,
          ShardId: shardId,
          ...(state.retryFrom
            ? { ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: state.retryFrom }
            : state.after
              ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: state.after }
              : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      );
      state.iterator = out.ShardIterator;
      state.retryFrom = undefined;
      if (!state.iterator) {
        state.closed = true;
        return 0;
      }
    }
    let out;
    try {
      // Read as much as one call may (1,000 records) and hand it over in the mapping's batches: on a busy DynamoDB
      // Local each call costs far more than its records, and a long import's stream would outrun a reader of 100.
      out = await this.client.send(new GetRecordsCommand({ ShardIterator: state.iterator, Limit: 1000 }));
    } catch (err) {
      // DynamoDB Local invalidates open iterators when another table is created; start a fresh one where we were.
      if ((err as Error).name === 'TrimmedDataAccessException' || (err as Error).name === 'ExpiredIteratorException') {
        state.iterator = undefined;
        return 0;
      }
      throw err;
    }
    const records = out.Records ?? [];
    if (!records.length) {
      state.iterator = out.NextShardIterator;
      if (!state.iterator) state.closed = true;
      return 0;
    }
    const size = this.opts.batchSize ?? 100;
    for (let i = 0; i < records.length; i += size) {
      if (!(await this.handOver(state, records.slice(i, i + size)))) return i;
    }
    state.iterator = out.NextShardIterator;
    if (!state.iterator) state.closed = true;
    return records.length;
  }

  /** One batch to the handler; false (and the shard set to re-read from the failure) when it did not all succeed. */
  private async handOver(state: ShardState, batch: _Record[]): Promise<boolean> {
    this.inFlight++;
    try {
      const result = await this.handler({ Records: batch.map((r) => toLambdaRecord(r, this.streamArn)) });
      const failure = result && result.batchItemFailures[0]?.itemIdentifier;
      if (failure) {
        // Re-read from the failed record on the next pass, after a pause: what a stream mapping does.
        state.iterator = undefined;
        state.retryFrom = failure;
        await sleep(this.opts.retryDelayMs ?? 200);
        return false;
      }
      state.after = batch.at(-1)?.dynamodb?.SequenceNumber ?? state.after;
      return true;
    } catch (err) {
      // A thrown handler error retries the whole batch, as Lambda does.
      state.retryFrom = batch[0]?.dynamodb?.SequenceNumber;
      state.iterator = undefined;
      this.opts.onError?.(err as Error);
      await sleep(this.opts.retryDelayMs ?? 200);
      return false;
    } finally {
      this.inFlight--;
    }
  }
}

function toLambdaRecord(r: _Record, streamArn: string): DynamoDBStreamEvent['Records'][number] {
  return {
    eventID: r.eventID,
    eventName: r.eventName as 'INSERT' | 'MODIFY' | 'REMOVE',
    eventVersion: r.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: r.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: r.dynamodb as NonNullable<DynamoDBStreamEvent['Records'][number]['dynamodb']>,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Calls `wrote(table)` after each write `client` sends (every table of a transaction or batch; `undefined` for a
 * PartiQL statement or a table's creation, whose tables are not read here): how the local stack wakes the pumps.
 * A client that only reads, or a write that failed, wakes nothing.
 */
export function wakeOnWrites(client: { middlewareStack: DynamoDBClientStack }, wrote: (table: string | undefined) => void): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      for (const table of writtenTables(context.commandName ?? '', args.input as TableInput)) wrote(table);
      return out;
    },
    { step: 'initialize', name: 'cocreateWakeStreamPumps' },
  );
}

type DynamoDBClientStack = DynamoDBClient['middlewareStack'];

/** The tables a command writes, by its name (the document client's commands are named like the client's). */
export function writtenTables(command: string, input: TableInput): (string | undefined)[] {
  const name = command.replace(/Command$/, '');
  if (/^(Put|Update|Delete)(Item)?$/.test(name) || name === 'BatchWrite' || name === 'BatchWriteItem') return namedTables(input);
  // A transaction's condition checks read their tables; its puts, updates and deletes write theirs.
  if (name === 'TransactWrite' || name === 'TransactWriteItems')
    return namedTables({ TransactItems: (input.TransactItems ?? []).map(({ ConditionCheck: _, ...writes }) => writes) });
  if (/^(ExecuteStatement|BatchExecuteStatement|ExecuteTransaction|CreateTable|UpdateTable|RestoreTable\w*|ImportTable)$/.test(name))
    return [undefined];
  return [];
}
