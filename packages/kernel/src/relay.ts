import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent, DynamoDBRecord } from 'aws-lambda';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ServiceRuntime } from './runtime.ts';
import { outboxDetail } from './store/outbox-detail.ts';

/** EventBridge accepts at most 10 entries and 256 KB per PutEvents call. */
export const PUT_EVENTS_MAX_ENTRIES = 10;
const PUT_EVENTS_MAX_BYTES = 256 * 1024;

export interface RelayOptions {
  /** Attempts per entry within one invocation before the batch is handed back to the stream for a retry. */
  attempts?: number;
  baseDelayMs?: number;
}

/** All the relay uses of a runtime: it never reads the table or runs the service's code. */
export type RelayRuntime = Pick<ServiceRuntime, 'eventBridge' | 'busName' | 'logger' | 'metrics'>;

interface Pending {
  sequence: string;
  entry: PutEventsRequestEntry;
  size: number;
  /** From the event's `meta`, for the log line that ties the published event to the request that caused it. */
  logged: { eventId?: string; eventType: string; correlationId?: string };
}

/**
 * The outbox relay: reads the table's stream and publishes each committed outbox row to the bus. Only INSERTs of
 * `OUTBOX#` rows count, so nothing is published for a change that did not commit. Entries that fail are retried
 * with backoff; if some still fail, the relay reports the first failed record to the stream (Lambda's
 * ReportBatchItemFailures), which redelivers from there — so no event is lost, and consumers de-duplicate the
 * ones that were already published.
 */
export function createOutboxRelay(rt: RelayRuntime, options: RelayOptions = {}) {
  const attempts = options.attempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 100;

  const handle = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    rt.metrics.addMetric('StreamRecords', MetricUnit.Count, event.Records.length);
    const pending = event.Records.flatMap((r) => toEntry(r, rt.busName));
    let published = 0;
    for (const chunk of chunks(pending)) {
      let remaining = chunk;
      for (let attempt = 0; remaining.length && attempt < attempts; attempt++) {
        if (attempt) await sleep(Math.random() * baseDelayMs * 2 ** attempt);
        try {
          const out = await rt.eventBridge.send(new PutEventsCommand({ Entries: remaining.map((p) => p.entry) }));
          const results = out.Entries ?? [];
          const failed = remaining.filter((_, i) => !results[i]?.EventId || results[i]?.ErrorCode);
          published += remaining.length - failed.length;
          // One line per published event with the request's correlation id: searching the logs for one id finds the
          // request, every event it caused (here) and every consumer that applied them.
          for (const p of remaining) if (!failed.includes(p)) rt.logger.info('event relayed', p.logged);
          if (failed.length) {
            rt.logger.warn('PutEvents entries failed; retrying them', {
              failed: failed.length,
              codes: [...new Set(results.map((r) => r.ErrorCode).filter(Boolean))],
            });
          }
          remaining = failed;
        } catch (err) {
          rt.logger.warn('PutEvents call failed; retrying', { error: (err as Error).message });
        }
      }
      if (remaining.length) {
        // Hand everything from the first unpublished record back to the stream.
        const first = remaining.map((p) => p.sequence).sort(compareSequence)[0]!;
        rt.metrics.addMetric('RelayDeferred', MetricUnit.Count, remaining.length);
        rt.metrics.addMetric('EventsRelayed', MetricUnit.Count, published);
        return { batchItemFailures: [{ itemIdentifier: first }] };
      }
    }
    rt.metrics.addMetric('EventsRelayed', MetricUnit.Count, published);
    return { batchItemFailures: [] };
  };

  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse, Error, Context>()
    .use(injectLambdaContext(rt.logger, { resetKeys: true }))
    .use(logMetrics(rt.metrics))
    .handler(handle);
}

function toEntry(record: DynamoDBRecord, busName: string): Pending[] {
  if (record.eventName !== 'INSERT') return [];
  const image = record.dynamodb?.NewImage;
  if (!image || !image.pk?.S?.startsWith('OUTBOX#')) return [];
  const row = unmarshall(image as Record<string, AttributeValue>) as {
    source: string;
    detailType: string;
    detail?: string;
    detailGz?: string;
    createdAt: string;
  };
  const detail = outboxDetail(row);
  const entry: PutEventsRequestEntry = {
    EventBusName: busName,
    Source: row.source,
    DetailType: row.detailType,
    Detail: detail,
    Time: new Date(row.createdAt),
  };
  const size = Buffer.byteLength(row.source) + Buffer.byteLength(row.detailType) + Buffer.byteLength(detail) + 14;
  return [{ sequence: record.dynamodb?.SequenceNumber ?? '0', entry, size, logged: loggedOf(row.detailType, detail) }];
}

/** The ids an outbox row's detail carries: an event's `meta`, or a job request's `correlationId`. */
function loggedOf(eventType: string, detail: string): Pending['logged'] {
  try {
    const d = JSON.parse(detail) as { meta?: { id?: string; correlationId?: string }; correlationId?: string };
    const eventId = d.meta?.id;
    const correlationId = d.meta?.correlationId ?? d.correlationId;
    return { eventType, ...(eventId ? { eventId } : {}), ...(correlationId ? { correlationId } : {}) };
  } catch {
    return { eventType };
  }
}

/** Groups entries in stream order into PutEvents calls of ≤ 10 entries and ≤ 256 KB. */
function* chunks(pending: Pending[]): Generator<Pending[]> {
  let current: Pending[] = [];
  let bytes = 0;
  for (const p of pending) {
    if (current.length === PUT_EVENTS_MAX_ENTRIES || (current.length && bytes + p.size > PUT_EVENTS_MAX_BYTES)) {
      yield current;
      current = [];
      bytes = 0;
    }
    current.push(p);
    bytes += p.size;
  }
  if (current.length) yield current;
}

/** Stream sequence numbers are decimal strings of varying length. */
function compareSequence(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
