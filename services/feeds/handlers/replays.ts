import { z } from 'zod';
import { Id, registry } from '@cocreate/contracts';
import { DescribeReplayCommand, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { type RouteContext, defineRoute, defineSubscription, newId, problems } from '@cocreate/kernel';
import { AgencyId } from '../domain/agencies.ts';
import { rootsFor } from '../domain/log.ts';
import { Replay, RequestReplay, archiveReplayName, checkWindow, parseArchiveReplayName } from '../domain/replays.ts';
import { receives } from '../domain/matching.ts';
import type { Subscription } from '../domain/subscriptions.ts';
import { deliveries, eventLog, replays, subscriptions } from '../store.ts';
import { newArchiveDelivery } from './dispatch.ts';
import { agencyPlace, subscriptionFor, webhookOnly } from './access.ts';

const SubParams = z.object({ agencyId: AgencyId, subscriptionId: Id });

/** Records a replay for the delivery job to walk (in the request's unit of work). */
export async function newReplay(ctx: RouteContext, sub: Subscription, from: Date, to: Date): Promise<Replay> {
  // Roots known now; a root first written later holds only events newer than this request, outside the window.
  const roots = rootsFor(sub.jurisdiction, await eventLog.roots(ctx.table));
  return replays.save(ctx.tx, replayRequest(ctx, sub, from, to, { source: 'log', status: 'pending', roots }), undefined, 'retry');
}

/** A replay as requested: the window, who asked, and where it comes from (the log walks roots; the archive none). */
function replayRequest(
  ctx: RouteContext,
  sub: Subscription,
  from: Date,
  to: Date,
  how: Pick<Replay, 'source' | 'status' | 'roots'>,
): Replay {
  return {
    replayId: newId(),
    subscriptionId: sub.subscriptionId,
    agencyId: sub.agencyId,
    from: from.toISOString(),
    to: to.toISOString(),
    ...how,
    requestedBy: ctx.actor.sub,
    requestedAt: ctx.now().toISOString(),
    rootIndex: 0,
    scanned: 0,
    queued: 0,
    version: 1,
  };
}

export const requestReplay = defineRoute({
  method: 'POST',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/replays',
  operationId: 'requestReplay',
  summary: 'Replay a time window of events (by occurrence time) to a webhook subscription, with the original ids',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: SubParams,
  body: RequestReplay,
  response: z.object({ replay: Replay }),
  status: 202,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const { subscription: sub } = await subscriptionFor(params.agencyId, params.subscriptionId, ctx);
    webhookOnly(sub);
    if (sub.status === 'paused') {
      throw problems.conflict('subscription-paused', {
        zh: '订阅已暂停，请先恢复订阅（可选择同时重放暂停期间的事件）。',
        en: 'The subscription is paused; resume it first (optionally replaying the paused window).',
      });
    }
    const archive = ctx.platform.archiveArn !== undefined && ctx.platform.busArn !== undefined;
    const window = checkWindow(body.from, body.to, ctx.now(), { archive });
    if (!window.ok) throw problems.rule(window.code, window.detail);
    if (window.source === 'log') return { replay: await newReplay(ctx, sub, window.from, window.to) };
    return { replay: await startArchiveReplay(ctx, sub, window.from, window.to) };
  },
});

/**
 * A window older than the log: recorded first (so the events the archive sends back find their request), then
 * EventBridge replays the archive to the feeds' `archive-replay` rule alone. A replay that cannot start is recorded
 * as failed with the reason, and the agency gets a 503 to retry.
 */
async function startArchiveReplay(ctx: RouteContext, sub: Subscription, from: Date, to: Date): Promise<Replay> {
  const replay = replayRequest(ctx, sub, from, to, { source: 'archive', status: 'replaying', roots: [] });
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

/** The subscription that receives what archive replays send back: nothing else reaches its rule. */
export const ARCHIVE_REPLAY = 'archive-replay';

export const archiveReplayDeliveries = defineSubscription({
  name: ARCHIVE_REPLAY,
  summary: 'Events an archive replay sends back for an agency’s replay request: queued with their original ids',
  events: registry.all(),
  // Only replayed events carry `replay-name`: live events never match this rule.
  pattern: { source: [{ prefix: 'cocreate.' }], 'replay-name': [{ prefix: 'feeds-' }] },
  replays: 'apply-again',
  handler: async (event, ctx) => {
    const ids = parseArchiveReplayName(event.replayName);
    if (!ids) return;
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
  },
});

export const getReplay = defineRoute({
  method: 'GET',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/replays/{replayId}',
  operationId: 'getReplay',
  summary: 'A replay’s progress: events scanned and deliveries queued; completed when the window was walked',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: SubParams.extend({ replayId: Id }),
  response: Replay,
  handler: async ({ params }, ctx) => {
    await subscriptionFor(params.agencyId, params.subscriptionId, ctx);
    const replay = await replays.get(ctx.table, params.subscriptionId, params.replayId);
    if (!replay) throw problems.notFound({ zh: '重放', en: 'The replay' });
    if (replay.source === 'archive' && replay.status === 'replaying') {
      // EventBridge knows when it has sent the whole window back.
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
  },
});
