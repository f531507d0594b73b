import { z } from 'zod';
import { Id } from '@cocreate/contracts';
import { type RouteContext, defineRoute, newId, problems } from '@cocreate/kernel';
import { AgencyId } from '../domain/agencies.ts';
import { rootsFor } from '../domain/log.ts';
import { Replay, RequestReplay, checkWindow } from '../domain/replays.ts';
import type { Subscription } from '../domain/subscriptions.ts';
import { eventLog, replays } from '../store.ts';
import { agencyPlace, subscriptionFor, webhookOnly } from './access.ts';

const SubParams = z.object({ agencyId: AgencyId, subscriptionId: Id });

/** Records a replay for the delivery job to walk (in the request's unit of work). */
export async function newReplay(ctx: RouteContext, sub: Subscription, from: Date, to: Date): Promise<Replay> {
  const replay: Replay = {
    replayId: newId(),
    subscriptionId: sub.subscriptionId,
    agencyId: sub.agencyId,
    from: from.toISOString(),
    to: to.toISOString(),
    status: 'pending',
    requestedBy: ctx.actor.sub,
    requestedAt: ctx.now().toISOString(),
    // Roots known now; a root first written later holds only events newer than this request, outside the window.
    roots: rootsFor(sub.jurisdiction, await eventLog.roots(ctx.table)),
    rootIndex: 0,
    scanned: 0,
    queued: 0,
    version: 1,
  };
  return replays.save(ctx.tx, replay, undefined, 'retry');
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
    const window = checkWindow(body.from, body.to, ctx.now());
    if (!window.ok) throw problems.rule(window.code, window.detail);
    return { replay: await newReplay(ctx, sub, window.from, window.to) };
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
    return replay;
  },
});
