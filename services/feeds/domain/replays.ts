import * as z from 'zod';
import { once, Id, IsoDateTime } from '@cocreate/contracts';
import { LOG_RETENTION_DAYS, MAX_REPLAY_WINDOW_DAYS } from './limits.ts';
import { type Refused, refused } from './refusals.ts';

/**
 * Replays (重放): an agency asks for the events of a time window (by when they occurred) to be sent again to one of
 * its webhook subscriptions — after an outage, or to rebuild its own copy. A window inside the feeds' log (the last
 * {@link LOG_RETENTION_DAYS} days) is walked from the log by the delivery job; an older one is replayed from the
 * bus's archive (EventBridge StartReplay, to the feeds' `archive-replay` rule only), and each event it sends back is
 * queued for the subscription as it arrives. Either way replayed deliveries carry the original event ids
 * (`webhook-id`, CloudEvents `id`), so receivers de-duplicate them like any retry.
 */

export const RequestReplay = once(() => z.object({ from: IsoDateTime, to: IsoDateTime }));

export { MAX_REPLAY_WINDOW_DAYS } from './limits.ts';

export type WindowRefusal = 'window-order' | 'window-in-future' | 'window-too-long' | 'window-beyond-log';
export type WindowCheck = { from: Date; to: Date; source: ReplaySource } | Refused<WindowRefusal>;

/** Where a replay's events come from: the feeds' own log, or the bus archive for windows older than the log. */
export const ReplaySource = once(() => z.enum(['log', 'archive']));
export type ReplaySource = z.infer<ReturnType<typeof ReplaySource>>;

/** A replay's window, from the log or (when there is one) the bus archive, or why it is refused. */
export function checkWindow(fromText: string, toText: string, now: Date, opts: { archive: boolean } = { archive: false }): WindowCheck {
  const from = new Date(fromText);
  const to = new Date(toText);
  if (!(from.getTime() < to.getTime())) return refused('window-order');
  if (to.getTime() > now.getTime()) return refused('window-in-future');
  if (to.getTime() - from.getTime() > MAX_REPLAY_WINDOW_DAYS * 86_400_000) return refused('window-too-long');
  if (from.getTime() < now.getTime() - LOG_RETENTION_DAYS * 86_400_000) {
    return opts.archive ? { from, to, source: 'archive' } : refused('window-beyond-log');
  }
  return { from, to, source: 'log' };
}

/** pending: the job walks the log; replaying: the archive is sending events back; failed: it could not start. */
export const ReplayStatus = once(() => z.enum(['pending', 'replaying', 'completed', 'failed']));

/** The EventBridge replay name of an archive replay (≤ 64 characters of [.-_A-Za-z0-9]), and back. */
export const archiveReplayName = (subscriptionId: string, replayId: string): string => `feeds-${subscriptionId}-${replayId}`;

export function parseArchiveReplayName(name: string | undefined): { subscriptionId: string; replayId: string } | undefined {
  const m = /^feeds-([0-9A-HJKMNP-TV-Z]{26})-([0-9A-HJKMNP-TV-Z]{26})$/.exec(name ?? '');
  return m ? { subscriptionId: m[1]!, replayId: m[2]! } : undefined;
}

export const Replay = once(() =>
  z.object({
    replayId: Id,
    subscriptionId: Id,
    agencyId: z.string(),
    from: IsoDateTime,
    to: IsoDateTime,
    status: ReplayStatus(),
    source: ReplaySource().default('log'),
    /** Why an archive replay could not start. */
    failure: z.string().optional(),
    requestedBy: z.string(),
    requestedAt: IsoDateTime,
    /** Log roots to walk, and where the walk is (root index, page cursor within it). */
    roots: z.array(z.string()),
    rootIndex: z.number().int().nonnegative(),
    pageCursor: z.string().optional(),
    scanned: z.number().int().nonnegative(),
    queued: z.number().int().nonnegative(),
    completedAt: IsoDateTime.optional(),
    version: z.number().int().positive(),
  }),
);
export type Replay = z.infer<ReturnType<typeof Replay>>;

/** Sort key of the log's time index: normalised so offsets and precision never break the string order. */
export const timeKey = (occurredAt: string, eventId: string): string => `${new Date(occurredAt).toISOString()}#${eventId}`;

/** A replay as requested: the window, who asked, and where it comes from (the log walks roots; the archive none). */
export function replayRequest(
  sub: { subscriptionId: string; agencyId: string },
  window: { from: Date; to: Date },
  how: Pick<Replay, 'source' | 'status' | 'roots'>,
  request: { replayId: string; requestedBy: string; requestedAt: Date },
): Replay {
  return {
    replayId: request.replayId,
    subscriptionId: sub.subscriptionId,
    agencyId: sub.agencyId,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    ...how,
    requestedBy: request.requestedBy,
    requestedAt: request.requestedAt.toISOString(),
    rootIndex: 0,
    scanned: 0,
    queued: 0,
    version: 1,
  };
}
