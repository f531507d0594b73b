import { DescribeReplayCommand, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { type Envelope, registry } from '@cocreate/contracts';
import { type EventContext, type RouteContext, newId, problems } from '@cocreate/kernel';
import { newArchiveDelivery } from '../domain/deliveries.ts';
import { rootsFor } from '../domain/log.ts';
import { receives } from '../domain/matching.ts';
import { type Replay, archiveReplayName, checkWindow, parseArchiveReplayName, replayRequest } from '../domain/replays.ts';
import { type Subscription, notPaused, webhookOnly } from '../domain/subscriptions.ts';
import { deliveries } from '../repos/deliveries.ts';
import { eventLog } from '../repos/log.ts';
import { replays } from '../repos/replays.ts';
import { subscriptions } from '../repos/subscriptions.ts';
import { subscriptionFor } from './access.ts';
import { settled } from './refusals.ts';

/** The subscription that receives what archive replays send back: nothing else reaches its rule. */
export const ARCHIVE_REPLAY = 'archive-replay';

const requestOf = (ctx: RouteContext) => ({ replayId: newId(), requestedBy: ctx.actor.sub, requestedAt: ctx.now() });

/** Records a replay for the delivery job to walk (in the request's unit of work). */
export async function newReplay(ctx: RouteContext, sub: Subscription, from: Date, to: Date): Promise<Replay> {
  // Roots known now; a root first written later holds only events newer than this request, outside the window.
  const roots = rootsFor(sub.jurisdiction, await eventLog.roots(ctx.table));
  const replay = replayRequest(sub, { from, to }, { source: 'log', status: 'pending', roots }, requestOf(ctx));
  ctx.tx.startJob('deliver');
  return replays.save(ctx.tx, replay, undefined, 'retry');
}

export async function requestReplay(
  agencyId: string,
  subscriptionId: string,
  cmd: { from: string; to: string },
  ctx: RouteContext,
): Promise<{ replay: Replay }> {
  const { subscription } = await subscriptionFor(agencyId, subscriptionId, ctx);
  const sub = settled(notPaused(settled(webhookOnly(subscription))));
  const archive = ctx.platform.archiveArn !== undefined && ctx.platform.busArn !== undefined;
  const window = settled(checkWindow(cmd.from, cmd.to, ctx.now(), { archive }));
  if (window.source === 'log') return { replay: await newReplay(ctx, sub, window.from, window.to) };
  return { replay: await startArchiveReplay(ctx, sub, window.from, window.to) };
}

/**
 * A window older than the log: recorded first (so the events the archive sends back find their request), then
 * EventBridge replays the archive to the feeds' `archive-replay` rule alone. A replay that cannot start is recorded
 * as failed with the reason, and the agency gets a 503 to retry.
 */
async function startArchiveReplay(ctx: RouteContext, sub: Subscription, from: Date, to: Date): Promise<Replay> {
  const replay = replayRequest(sub, { from, to }, { source: 'archive', status: 'replaying', roots: [] }, requestOf(ctx));
  await ctx.unit(async (tx) => void replays.save(tx, replay, undefined, 'retry'));
  try {
    await ctx.platform.eventBridge.send(
      new StartReplayCommand({
        ReplayName: archiveReplayName(sub.subscriptionId, replay.replayId),
        Description: `feeds: ${sub.agencyId} ${from.toISOString()}–${to.toISOString()}`,
        EventSourceArn: ctx.platform.archiveArn,
        EventStartTime: from,
        EventEndTime: to,
        Destination: { Arn: ctx.platform.busArn, FilterArns: [ctx.platform.ruleArn(ARCHIVE_REPLAY)!] },
      }),
    );
    return { ...replay, version: 1 };
  } catch (err) {
    const failed = { ...replay, status: 'failed' as const, failure: (err as Error).message, version: 1 };
    await ctx.unit(async (tx) => void replays.save(tx, failed, 1, 'retry'));
    throw problems.unavailable();
  }
}

/** An event an archive replay sent back: queued for the replay's subscription with its original id, if it matches. */
export async function queueArchiveDelivery(event: Envelope & { replayName?: string | undefined }, ctx: EventContext): Promise<void> {
  const ids = parseArchiveReplayName(event.replayName);
  // The archive holds every event; an agency is replayed only what its feed would have carried live.
  if (!ids || !registry.get(event.meta.type, event.meta.version, event.meta.source)?.forAgencies) return;
  const r = await replays.get(ctx.table, ids.subscriptionId, ids.replayId);
  if (!r || r.source !== 'archive') return;
  const sub = await subscriptions.get(ctx.table, r.agencyId, r.subscriptionId);
  if (!sub || sub.delivery.mode !== 'webhook') return;
  // The archive selects by event time; the request's window is by occurrence: the same instant, checked again.
  const at = Date.parse(event.meta.occurredAt);
  if (at < Date.parse(r.from) || at >= Date.parse(r.to)) return;
  if (!receives(sub, event)) return;
  const now = ctx.now();
  deliveries.save(ctx.tx, newArchiveDelivery(sub, event, now, r.replayId), undefined, now, 'retry');
  replays.countQueued(ctx.tx, r);
  ctx.tx.startJob('deliver');
}

/** A replay's progress; an archive replay's state is asked of EventBridge, which knows when it sent the window back. */
export async function getReplay(agencyId: string, subscriptionId: string, replayId: string, ctx: RouteContext): Promise<Replay> {
  await subscriptionFor(agencyId, subscriptionId, ctx);
  const replay = await replays.get(ctx.table, subscriptionId, replayId);
  if (!replay) throw problems.notFound({ zh: '重放', en: 'The replay' });
  if (replay.source === 'archive' && replay.status === 'replaying') {
    const state = await ctx.platform.eventBridge
      .send(new DescribeReplayCommand({ ReplayName: archiveReplayName(replay.subscriptionId, replay.replayId) }))
      .then(
        (r) => r.State,
        () => undefined,
      );
    if (state === 'COMPLETED') return { ...replay, status: 'completed' as const };
    if (state === 'FAILED' || state === 'CANCELLED')
      return { ...replay, status: 'failed' as const, failure: `archive replay ${state.toLowerCase()}` };
  }
  return replay;
}
