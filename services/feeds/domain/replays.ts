import { z } from 'zod';
import { Id, IsoDateTime } from '@cocreate/contracts';
import { LOG_RETENTION_DAYS } from './log.ts';

/**
 * Replays (重放): an agency asks for the events of a time window (by when they occurred) to be sent again to one of
 * its webhook subscriptions — after an outage, or to rebuild its own copy. A window inside the feeds' log (the last
 * {@link LOG_RETENTION_DAYS} days) is walked from the log by the delivery job; an older one is replayed from the
 * bus's archive (EventBridge StartReplay, to the feeds' `archive-replay` rule only), and each event it sends back is
 * queued for the subscription as it arrives. Either way replayed deliveries carry the original event ids
 * (`webhook-id`, CloudEvents `id`), so receivers de-duplicate them like any retry.
 */

export const RequestReplay = z.object({ from: IsoDateTime, to: IsoDateTime });

export const MAX_REPLAY_WINDOW_DAYS = 31;

export type WindowCheck =
  | { ok: true; from: Date; to: Date; source: ReplaySource }
  | { ok: false; code: 'window-order' | 'window-in-future' | 'window-too-long' | 'window-beyond-log'; detail: { zh: string; en: string } };

/** Where a replay's events come from: the feeds' own log, or the bus archive for windows older than the log. */
export const ReplaySource = z.enum(['log', 'archive']);
export type ReplaySource = z.infer<typeof ReplaySource>;

export function checkWindow(fromText: string, toText: string, now: Date, opts: { archive: boolean } = { archive: false }): WindowCheck {
  const from = new Date(fromText);
  const to = new Date(toText);
  if (!(from.getTime() < to.getTime())) {
    return { ok: false, code: 'window-order', detail: { zh: '起始时间须早于结束时间。', en: '`from` must be before `to`.' } };
  }
  if (to.getTime() > now.getTime()) {
    return { ok: false, code: 'window-in-future', detail: { zh: '结束时间不能晚于当前时间。', en: '`to` may not be in the future.' } };
  }
  if (to.getTime() - from.getTime() > MAX_REPLAY_WINDOW_DAYS * 86_400_000) {
    return {
      ok: false,
      code: 'window-too-long',
      detail: { zh: `一次重放最多 ${MAX_REPLAY_WINDOW_DAYS} 天。`, en: `A replay covers at most ${MAX_REPLAY_WINDOW_DAYS} days.` },
    };
  }
  if (from.getTime() < now.getTime() - LOG_RETENTION_DAYS * 86_400_000) {
    if (opts.archive) return { ok: true, from, to, source: 'archive' };
    return {
      ok: false,
      code: 'window-beyond-log',
      detail: {
        zh: `事件日志只保留 ${LOG_RETENTION_DAYS} 天；更早的时间窗口请联系运维从事件总线归档中重放。`,
        en: `The event log keeps ${LOG_RETENTION_DAYS} days; for an older window ask operations to replay it from the bus archive.`,
      },
    };
  }
  return { ok: true, from, to, source: 'log' };
}

/** pending: the job walks the log; replaying: the archive is sending events back; failed: it could not start. */
export const ReplayStatus = z.enum(['pending', 'replaying', 'completed', 'failed']);

/** The EventBridge replay name of an archive replay (≤ 64 characters of [.-_A-Za-z0-9]), and back. */
export const archiveReplayName = (subscriptionId: string, replayId: string): string => `feeds-${subscriptionId}-${replayId}`;

export function parseArchiveReplayName(name: string | undefined): { subscriptionId: string; replayId: string } | undefined {
  const m = /^feeds-([0-9A-HJKMNP-TV-Z]{26})-([0-9A-HJKMNP-TV-Z]{26})$/.exec(name ?? '');
  return m ? { subscriptionId: m[1]!, replayId: m[2]! } : undefined;
}

export const Replay = z.object({
  replayId: Id,
  subscriptionId: Id,
  agencyId: z.string(),
  from: IsoDateTime,
  to: IsoDateTime,
  status: ReplayStatus,
  source: ReplaySource.default('log'),
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
});
export type Replay = z.infer<typeof Replay>;

/** Sort key of the log's time index: normalised so offsets and precision never break the string order. */
export const timeKey = (occurredAt: string, eventId: string): string => `${new Date(occurredAt).toISOString()}#${eventId}`;
