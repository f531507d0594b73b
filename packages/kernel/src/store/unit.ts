import { monotonicFactory } from 'ulid';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { EventContract, EventMeta, Envelope } from '@cocreate/contracts';
import type { Problem } from '../problem.ts';
import { type Compiled, type Condition, type UpdateChanges, compileUpdate, cond, merge } from './expressions.ts';
import type { Item, Key } from './table.ts';
import { JOB_REQUESTED, type StartableJobs } from '../types.ts';
import { storedDetail } from './outbox-detail.ts';

/** What a failed condition on one write means: a 409 to the caller, or "recompute and try again". */
export type OnConflict = Problem | 'retry';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface Write {
  item: TransactItem;
  onConflict?: OnConflict;
  /** Marks the processed-event record: its condition failing means "already done", not an error. */
  duplicateMarker?: boolean;
}

export interface EventOrigin {
  actor: EventMeta['actor'];
  correlationId: string;
  causationId: string | null;
  now: () => Date;
  /** Events this service may publish (its manifest's `publishes`). */
  publishes: readonly EventContract[];
  /** Jobs this unit may start on request (`startJob`): the manifest's `startsOnRequest` jobs. */
  startable?: StartableJobs;
}

/** How long outbox rows stay after relaying (the stream has already carried them). */
const OUTBOX_TTL_SECONDS = 7 * 24 * 3600;
/** DynamoDB's TransactWriteItems limit. */
export const MAX_TRANSACTION_ITEMS = 100;
/** EventBridge entry limit is 256 KB; keep headroom for the envelope the relay adds. */
const MAX_DETAIL_BYTES = 240 * 1024;
/**
 * ulid's own source of randomness asks the platform for one byte at a time (16 calls for each new millisecond);
 * this one takes the same bytes from a pool filled 4 KB at a time by the same cryptographic generator.
 */
const pool = new Uint8Array(4096);
let drawn = pool.length;
const randomFraction = (): number => {
  if (drawn === pool.length) {
    crypto.getRandomValues(pool);
    drawn = 0;
  }
  return pool[drawn++]! / 256;
};
const nextId = monotonicFactory(randomFraction);

/** A fresh ULID: sortable by creation time, unique across processes. */
export function newId(): string {
  return nextId();
}

/**
 * Everything one request or one delivered event changes, committed as one TransactWriteItems: state items, the
 * outbox rows of the events it causes, and (added by the kernel) its idempotency or processed-event record. Nothing
 * is written unless all of it is.
 */
export class UnitOfWork {
  private readonly writes: Write[] = [];
  private readonly events: Envelope[] = [];
  private readonly started = new Set<string>();

  constructor(
    private readonly tableName: string,
    private readonly origin: EventOrigin,
  ) {}

  put(item: Item, opts: { condition?: Condition; onConflict?: OnConflict } = {}): this {
    const c = opts.condition;
    const m = merge(c);
    this.push({
      item: {
        Put: {
          TableName: this.tableName,
          Item: item,
          ...(c ? { ConditionExpression: c.expression } : {}),
          ...(m.names ? { ExpressionAttributeNames: m.names } : {}),
          ...(m.values ? { ExpressionAttributeValues: m.values } : {}),
        },
      },
      ...(opts.onConflict ? { onConflict: opts.onConflict } : {}),
    });
    return this;
  }

  /** Creates an item that must not exist yet. */
  create(item: Item, onConflict: OnConflict): this {
    return this.put(item, { condition: cond.notExists(), onConflict });
  }

  /**
   * Writes a versioned item: `expectedVersion` is the version read (undefined for a new item); the stored item gets
   * version + 1. A concurrent writer makes the condition fail.
   */
  putVersioned(item: Item, expectedVersion: number | undefined, onConflict: OnConflict): this {
    const version = (expectedVersion ?? 0) + 1;
    return this.put(
      { ...item, version },
      { condition: expectedVersion === undefined ? cond.notExists() : cond.versionIs(expectedVersion), onConflict },
    );
  }

  update(key: Key, changes: UpdateChanges, opts: { condition?: Condition; onConflict?: OnConflict } = {}): this {
    const u: Compiled = compileUpdate(changes);
    const m = merge(u, opts.condition);
    this.push({
      item: {
        Update: {
          TableName: this.tableName,
          Key: { pk: key.pk, sk: key.sk },
          UpdateExpression: u.expression,
          ...(opts.condition ? { ConditionExpression: opts.condition.expression } : {}),
          ...(m.names ? { ExpressionAttributeNames: m.names } : {}),
          ...(m.values ? { ExpressionAttributeValues: m.values } : {}),
        },
      },
      ...(opts.onConflict ? { onConflict: opts.onConflict } : {}),
    });
    return this;
  }

  delete(key: Key, opts: { condition?: Condition; onConflict?: OnConflict } = {}): this {
    const m = merge(opts.condition);
    this.push({
      item: {
        Delete: {
          TableName: this.tableName,
          Key: { pk: key.pk, sk: key.sk },
          ...(opts.condition ? { ConditionExpression: opts.condition.expression } : {}),
          ...(m.names ? { ExpressionAttributeNames: m.names } : {}),
          ...(m.values ? { ExpressionAttributeValues: m.values } : {}),
        },
      },
      ...(opts.onConflict ? { onConflict: opts.onConflict } : {}),
    });
    return this;
  }

  /** Asserts a condition on an item the change does not otherwise touch (e.g. "the proposal is still open"). */
  check(key: Key, condition: Condition, onConflict: OnConflict): this {
    const m = merge(condition);
    this.push({
      item: {
        ConditionCheck: {
          TableName: this.tableName,
          Key: { pk: key.pk, sk: key.sk },
          ConditionExpression: condition.expression,
          ...(m.names ? { ExpressionAttributeNames: m.names } : {}),
          ...(m.values ? { ExpressionAttributeValues: m.values } : {}),
        },
      },
      onConflict,
    });
    return this;
  }

  /**
   * Records an event to publish when (and only if) this unit commits: validated against its contract now, written
   * to the outbox in the same transaction, relayed to the bus from the table's stream.
   */
  emit<C extends EventContract>(contract: C, data: EventDataInput<C>, opts: { place: string; id?: string }): Envelope {
    if (!this.origin.publishes.includes(contract)) {
      throw new Error(`${contract.type}@v${contract.version} is not in this service's manifest.publishes`);
    }
    const parsed = contract.data.safeParse(data);
    if (!parsed.success) throw new Error(`${contract.type} data does not match its contract: ${parsed.error.message}`);
    const meta: EventMeta = {
      id: opts.id ?? newId(),
      type: contract.type,
      version: contract.version,
      source: contract.source,
      occurredAt: this.origin.now().toISOString(),
      place: opts.place,
      actor: this.origin.actor,
      correlationId: this.origin.correlationId,
      causationId: this.origin.causationId,
    };
    const envelope: Envelope = { meta, data: parsed.data };
    const detail = JSON.stringify(envelope);
    const detailBytes = Buffer.byteLength(detail);
    if (detailBytes > MAX_DETAIL_BYTES) {
      throw new Error(`${contract.type} detail is ${detailBytes} bytes: put large payloads in S3`);
    }
    this.events.push(envelope);
    this.push({
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            pk: `OUTBOX#${meta.id}`,
            sk: 'OUTBOX',
            source: contract.source,
            detailType: contract.type,
            ...storedDetail(detail, detailBytes),
            createdAt: meta.occurredAt,
            ttl: Math.floor(this.origin.now().getTime() / 1000) + OUTBOX_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    });
    return envelope;
  }

  /**
   * Starts one of this service's jobs as soon as this unit commits, besides its schedule: a job request on the
   * outbox, relayed like an event, runs the job through its request rule. Once per job per unit; nothing if the
   * unit does not commit.
   */
  startJob(job: string): this {
    const startable = this.origin.startable;
    if (!startable?.jobs.includes(job)) throw new Error(`job ${job} is not declared with startsOnRequest in this service's manifest`);
    if (this.started.has(job)) return this;
    this.started.add(job);
    const id = newId();
    const requestedAt = this.origin.now().toISOString();
    this.push({
      item: {
        Put: {
          TableName: this.tableName,
          Item: {
            pk: `OUTBOX#${id}`,
            sk: 'OUTBOX',
            source: startable.source,
            detailType: JOB_REQUESTED,
            detail: JSON.stringify({ job, requestedAt, correlationId: this.origin.correlationId }),
            createdAt: requestedAt,
            ttl: Math.floor(this.origin.now().getTime() / 1000) + OUTBOX_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    });
    return this;
  }

  /** Kernel use: the processed-event marker of an idempotent consumer. */
  markProcessed(key: Key, attributes: Record<string, unknown>): this {
    this.push({
      item: {
        Put: {
          TableName: this.tableName,
          Item: { ...attributes, pk: key.pk, sk: key.sk },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      duplicateMarker: true,
    });
    return this;
  }

  /** Kernel use: a raw write (the idempotency record). */
  raw(write: Write): this {
    this.push(write);
    return this;
  }

  get size(): number {
    return this.writes.length;
  }

  get isEmpty(): boolean {
    return this.writes.length === 0;
  }

  pending(): readonly Write[] {
    return this.writes;
  }

  emitted(): readonly Envelope[] {
    return this.events;
  }

  private push(w: Write): void {
    if (this.writes.length >= MAX_TRANSACTION_ITEMS) {
      throw new Error(`a unit of work holds at most ${MAX_TRANSACTION_ITEMS} writes (DynamoDB transaction limit)`);
    }
    this.writes.push(w);
  }
}

// Input type of a contract's data (before defaults/transforms).
type EventDataInput<C extends EventContract> = z.input<C['data']>;
