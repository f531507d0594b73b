import * as z from 'zod';
import { once, type Envelope, Id, IsoDateTime, PlacePath } from '@cocreate/contracts';
import type { LogEntry } from './log.ts';
import { nextAttempt } from './backoff.ts';

/**
 * A delivery (投递): one event to one webhook subscription. Created `pending` (due at once) by dispatch, a replay or
 * a redrive; the delivery job attempts it and it ends `delivered`, or `dead` (in the subscription's dead-letter list)
 * after 24 h of retries, an endpoint that is gone, or a subscription that was paused before it could be sent.
 */

export const DeliveryStatus = once(() => z.enum(['pending', 'delivered', 'dead']));
export const DeadReason = once(() => z.enum(['retries-exhausted', 'endpoint-gone', 'subscription-paused']));
export type DeadReason = z.infer<ReturnType<typeof DeadReason>>;

export const Attempt = once(() =>
  z.object({
    at: IsoDateTime,
    ok: z.boolean(),
    status: z.number().int().optional(),
    error: z.string().optional(),
    ms: z.number().int().nonnegative(),
  }),
);
export type Attempt = z.infer<ReturnType<typeof Attempt>>;

export const Delivery = once(() =>
  z.object({
    /** `<eventId>` for the first delivery, `<eventId>.r<replayId>` for a replayed one. */
    deliveryId: z.string(),
    subscriptionId: Id,
    agencyId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    eventVersion: z.number().int().positive(),
    place: PlacePath,
    occurredAt: IsoDateTime,
    /** Where the event is in the feeds' log (the body is built from it at each attempt)… */
    log: z.object({ root: z.string(), seq: z.number().int().positive() }).optional(),
    /** …or, for an event an archive replay sent back (no longer in the log), the envelope itself. */
    detail: z.string().optional(),
    replayId: Id.optional(),
    status: DeliveryStatus(),
    attempts: z.number().int().nonnegative(),
    createdAt: IsoDateTime,
    firstAttemptAt: IsoDateTime.optional(),
    lastAttemptAt: IsoDateTime.optional(),
    nextAttemptAt: IsoDateTime.optional(),
    deliveredAt: IsoDateTime.optional(),
    deadAt: IsoDateTime.optional(),
    deadReason: DeadReason().optional(),
    lastError: z.string().optional(),
    redrives: z.number().int().nonnegative(),
    /** The latest attempts, newest last (at most {@link HISTORY}). */
    history: z.array(Attempt()),
    version: z.number().int().positive(),
  }),
);
export type Delivery = z.infer<ReturnType<typeof Delivery>>;

const HISTORY = 10;

export const deliveryIdOf = (eventId: string, replayId?: string): string => (replayId ? `${eventId}.r${replayId}` : eventId);

/** A pending delivery of a logged event to one subscription (due at once). */
export function newDelivery(
  sub: { agencyId: string; subscriptionId: string },
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
  sub: { agencyId: string; subscriptionId: string },
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

/** The outcome of one HTTP attempt, as the sender saw it. */
export type AttemptOutcome =
  { ok: true; status: number; ms: number } | { ok: false; status?: number; error: string; ms: number; retryAfterMs?: number };

export interface AttemptResult {
  delivery: Delivery;
  effect: 'delivered' | 'retry' | 'dead';
  /** The endpoint answered 410 Gone: the subscription is to be paused. */
  gone: boolean;
}

/** Applies an attempt made at `at` to a pending delivery. Pure: `random` drives the jitter. */
export function applyAttempt(d: Delivery, outcome: AttemptOutcome, at: Date, random: () => number): AttemptResult {
  const attempts = d.attempts + 1;
  const firstAttemptAt = d.firstAttemptAt ?? at.toISOString();
  const attempt: Attempt = {
    at: at.toISOString(),
    ok: outcome.ok,
    ...(outcome.status !== undefined ? { status: outcome.status } : {}),
    ...(!outcome.ok ? { error: outcome.error } : {}),
    ms: Math.max(0, Math.round(outcome.ms)),
  };
  const base: Delivery = {
    ...d,
    attempts,
    firstAttemptAt,
    lastAttemptAt: at.toISOString(),
    history: [...d.history, attempt].slice(-HISTORY),
  };
  if (outcome.ok) {
    const { nextAttemptAt: _n, lastError: _e, ...rest } = base;
    return { delivery: { ...rest, status: 'delivered', deliveredAt: at.toISOString() }, effect: 'delivered', gone: false };
  }
  const gone = outcome.status === 410;
  const decision = gone
    ? ({ dead: true } as const)
    : nextAttempt({
        attempts,
        firstAttemptAt: new Date(firstAttemptAt),
        failedAt: at,
        random,
        ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}),
      });
  if ('dead' in decision) {
    return {
      delivery: kill({ ...base, lastError: outcome.error }, gone ? 'endpoint-gone' : 'retries-exhausted', at),
      effect: 'dead',
      gone,
    };
  }
  return {
    delivery: { ...base, status: 'pending', lastError: outcome.error, nextAttemptAt: decision.retryAt.toISOString() },
    effect: 'retry',
    gone,
  };
}

/** Moves a delivery to the dead-letter list. */
export function kill(d: Delivery, reason: DeadReason, at: Date): Delivery {
  const { nextAttemptAt: _n, ...rest } = d;
  return { ...rest, status: 'dead', deadAt: at.toISOString(), deadReason: reason };
}

/** A redriven dead letter starts over: a fresh 24-hour window, due now. */
export function redrive(d: Delivery, at: Date): Delivery {
  if (d.status !== 'dead') throw new Error(`only dead letters are redriven, ${d.deliveryId} is ${d.status}`);
  const { deadAt: _d, deadReason: _r, firstAttemptAt: _f, ...rest } = d;
  return { ...rest, status: 'pending', attempts: 0, nextAttemptAt: at.toISOString(), redrives: d.redrives + 1 };
}

/** Short, single-line error text for records and headers. */
export function errorText(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timeout';
  const cause = err?.cause?.code ?? err?.cause?.message;
  return `${err?.message ?? String(e)}${cause ? ` (${cause})` : ''}`.replace(/\s+/g, ' ').slice(0, 300);
}
