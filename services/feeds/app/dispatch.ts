import type { Envelope } from '@cocreate/contracts';
import type { EventContext } from '@cocreate/kernel';
import { newDelivery } from '../domain/deliveries.ts';
import { stagedEntryOf } from '../domain/log.ts';
import { prepared, receives } from '../domain/matching.ts';
import { deliveries } from '../repos/deliveries.ts';
import { fanouts } from '../repos/fanouts.ts';
import { subscriptions } from '../repos/subscriptions.ts';
import { sequence } from './sequencer.ts';

/**
 * Deliveries created inside the dispatch transaction. With the log entry, its counter and the kernel's
 * processed-event record that leaves room under DynamoDB's 100-write limit; further matches are written as one
 * fan-out record that the delivery job expands in chunks.
 */
export const MAX_INLINE_DELIVERIES = 80;

/**
 * Appends the event to the feeds' log (its root's next seq, by the sequencer's group commit) and queues a delivery
 * for every active webhook subscription that receives it. No network I/O here: the transaction commits, then the
 * delivery job sends. Events arrive in any order and possibly twice: the log orders them by when they were
 * sequenced here (the order agencies read them in), the sequencer appends an event id once, and the kernel commits
 * the deliveries once per event id.
 */
export async function dispatch(event: Envelope, ctx: EventContext): Promise<void> {
  const { meta } = event;
  const now = ctx.now();
  const staged = stagedEntryOf(event, now);
  const { seq } = await sequence(ctx, staged);
  const entry = { ...staged, seq };

  const shape = prepared(event);
  const candidates = await subscriptions.covering(ctx.table, meta.place);
  const matching = candidates.filter((s) => s.status === 'active' && s.delivery.mode === 'webhook' && receives(s, event, shape));
  for (const sub of matching.slice(0, MAX_INLINE_DELIVERIES)) {
    deliveries.save(ctx.tx, newDelivery(sub, entry, now), undefined, now, 'retry');
  }
  // Someone is waiting for these: the delivery job runs as soon as this commits, not at its next tick.
  if (matching.length) ctx.tx.startJob('deliver');
  const rest = matching.slice(MAX_INLINE_DELIVERIES);
  if (rest.length) {
    fanouts.create(ctx.tx, {
      eventId: meta.id,
      log: { root: staged.root, seq },
      subscriptions: rest.map((s) => ({ agencyId: s.agencyId, subscriptionId: s.subscriptionId })),
      done: 0,
      createdAt: now.toISOString(),
    });
  }
  ctx.log.debug('dispatched', { eventId: meta.id, root: staged.root, seq, deliveries: matching.length });
}
