import { registry, type Envelope } from '@cocreate/contracts';
import { type AnySubscription, type EventContext, defineSubscription, patternOf } from '@cocreate/kernel';
import { type Delivery, deliveryIdOf } from '../domain/deliveries.ts';
import { dispatchGroups } from '../domain/dispatch.ts';
import { logRoot } from '../domain/log.ts';
import { prepared, receives } from '../domain/matching.ts';
import type { Subscription } from '../domain/subscriptions.ts';
import { type LogEntry, type StagedEntry, deliveries, fanouts, subscriptions } from '../store.ts';
import { sequence } from './sequencer.ts';

/**
 * Deliveries created inside the dispatch transaction. With the log entry, its counter and the kernel's
 * processed-event record that leaves room under DynamoDB's 100-write limit; further matches are written as one
 * fan-out record that the delivery job expands in chunks.
 */
export const MAX_INLINE_DELIVERIES = 80;

/** A pending delivery of a logged event to one subscription (due at once). */
export function newDelivery(
  sub: Pick<Subscription, 'agencyId' | 'subscriptionId'>,
  entry: Pick<LogEntry, 'eventId' | 'type' | 'version' | 'place' | 'occurredAt' | 'root' | 'seq'>,
  now: Date,
  replayId?: string,
): Delivery {
  return {
    deliveryId: deliveryIdOf(entry.eventId, replayId),
    subscriptionId: sub.subscriptionId,
    agencyId: sub.agencyId,
    eventId: entry.eventId,
    eventType: entry.type,
    eventVersion: entry.version,
    place: entry.place,
    occurredAt: entry.occurredAt,
    log: { root: entry.root, seq: entry.seq },
    ...(replayId ? { replayId } : {}),
    ...freshDelivery(now),
  };
}

/** Where every delivery starts: pending, due now, never tried. */
const freshDelivery = (now: Date) =>
  ({
    status: 'pending',
    attempts: 0,
    createdAt: now.toISOString(),
    nextAttemptAt: now.toISOString(),
    redrives: 0,
    history: [],
    version: 1,
  }) as const satisfies Partial<Delivery>;

/** A delivery of an event an archive replay sent back: not in the log any more, so it carries the envelope. */
export function newArchiveDelivery(
  sub: Pick<Subscription, 'agencyId' | 'subscriptionId'>,
  event: Envelope,
  now: Date,
  replayId: string,
): Delivery {
  return {
    deliveryId: deliveryIdOf(event.meta.id, replayId),
    subscriptionId: sub.subscriptionId,
    agencyId: sub.agencyId,
    eventId: event.meta.id,
    eventType: event.meta.type,
    eventVersion: event.meta.version,
    place: event.meta.place,
    occurredAt: event.meta.occurredAt,
    detail: JSON.stringify({ meta: event.meta, data: event.data }),
    replayId,
    ...freshDelivery(now),
  };
}

/**
 * Appends the event to the feeds' log (its root's next seq, by the sequencer's group commit) and queues a delivery
 * for every active webhook subscription that receives it. No network I/O here: the transaction commits, then the
 * delivery job sends. Events arrive in any order and possibly twice: the log orders them by when they were
 * sequenced here (the order agencies read them in), the sequencer appends an event id once, and the kernel commits
 * the deliveries once per event id.
 */
async function dispatch(event: Envelope, ctx: EventContext): Promise<void> {
  const { meta } = event;
  const now = ctx.now();
  const root = logRoot(meta.place);
  const staged: StagedEntry = {
    root,
    eventId: meta.id,
    type: meta.type,
    version: meta.version,
    source: meta.source,
    place: meta.place,
    occurredAt: meta.occurredAt,
    stagedAt: now.toISOString(),
    detail: JSON.stringify({ meta, data: event.data }),
  };
  const { seq } = await sequence(ctx, staged);
  const entry = { ...staged, seq };

  const shape = prepared(event);
  const candidates = await subscriptions.covering(ctx.table, meta.place);
  const matching = candidates.filter((s) => s.status === 'active' && s.delivery.mode === 'webhook' && receives(s, event, shape));
  for (const sub of matching.slice(0, MAX_INLINE_DELIVERIES)) {
    deliveries.save(ctx.tx, newDelivery(sub, entry, now), undefined, now, 'retry');
  }
  const rest = matching.slice(MAX_INLINE_DELIVERIES);
  if (rest.length) {
    fanouts.create(ctx.tx, {
      eventId: meta.id,
      log: { root, seq: entry.seq },
      subscriptions: rest.map((s) => ({ agencyId: s.agencyId, subscriptionId: s.subscriptionId })),
      done: 0,
      createdAt: now.toISOString(),
    });
  }
  ctx.log.debug('dispatched', { eventId: meta.id, root, seq: entry.seq, deliveries: matching.length });
}

/** The dispatcher's subscriptions: every event contract, split only as far as EventBridge's pattern size needs. */
export const dispatchSubscriptions: AnySubscription[] = dispatchGroups(registry.all(), (events) =>
  JSON.stringify(patternOf({ events })),
).map((group) =>
  defineSubscription({
    name: group.name,
    summary: `Log and fan out to agency subscriptions: ${group.events.length} event version(s)`,
    events: group.events,
    handler: (event, ctx) => dispatch(event, ctx),
  }),
);
