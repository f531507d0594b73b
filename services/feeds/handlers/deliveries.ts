import { z } from 'zod';
import { Id } from '@cocreate/contracts';
import { defineRoute, problems } from '@cocreate/kernel';
import { AgencyId } from '../domain/agencies.ts';
import { Delivery, redrive } from '../domain/deliveries.ts';
import { deliveries } from '../store.ts';
import { agencyPlace, subscriptionFor, webhookOnly } from './access.ts';

const SubParams = z.object({ agencyId: AgencyId, subscriptionId: Id });
const Paging = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
});
const DeliveryPage = z.object({ items: z.array(Delivery), cursor: z.string().optional() });

export const listDeliveries = defineRoute({
  method: 'GET',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/deliveries',
  operationId: 'listDeliveries',
  summary: 'Recent deliveries of a webhook subscription, newest first, with each one’s attempts',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: SubParams,
  query: Paging,
  response: DeliveryPage,
  handler: async ({ params, query }, ctx) => {
    await subscriptionFor(params.agencyId, params.subscriptionId, ctx);
    return deliveries.list(ctx.table, params.subscriptionId, query);
  },
});

export const listDeadLetters = defineRoute({
  method: 'GET',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/dead-letters',
  operationId: 'listDeadLetters',
  summary: 'The subscription’s dead letters (死信): deliveries that failed for 24 h, oldest first, with the reason',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: SubParams,
  query: Paging,
  response: DeliveryPage,
  handler: async ({ params, query }, ctx) => {
    await subscriptionFor(params.agencyId, params.subscriptionId, ctx);
    return deliveries.dead(ctx.table, params.subscriptionId, query);
  },
});

/** At most this many dead letters per redrive request (one transaction). */
const MAX_REDRIVE = 50;

export const redriveDeadLetters = defineRoute({
  method: 'POST',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/dead-letters/redrive',
  operationId: 'redriveDeadLetters',
  summary: 'Send dead letters again (those named, or the oldest 50): each gets a fresh 24-hour retry window',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: SubParams,
  body: z.object({ deliveryIds: z.array(z.string().min(1).max(128)).min(1).max(MAX_REDRIVE).optional() }),
  response: z.object({ redriven: z.array(z.string()), notDead: z.array(z.string()) }),
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const { subscription: sub } = await subscriptionFor(params.agencyId, params.subscriptionId, ctx);
    webhookOnly(sub);
    if (sub.status === 'paused') {
      throw problems.conflict('subscription-paused', {
        zh: '订阅已暂停，请先恢复订阅再重投死信。',
        en: 'The subscription is paused; resume it before redriving its dead letters.',
      });
    }
    const chosen = body.deliveryIds
      ? await deliveries.getMany(ctx.table, sub.subscriptionId, body.deliveryIds)
      : (await deliveries.dead(ctx.table, sub.subscriptionId, { limit: MAX_REDRIVE })).items;
    const now = ctx.now();
    const redriven: string[] = [];
    for (const d of chosen) {
      if (d.status !== 'dead') continue;
      // A concurrent redrive of the same letter loses the version race and is recomputed (then finds it pending).
      deliveries.save(ctx.tx, redrive(d, now), d.version, now, 'retry');
      redriven.push(d.deliveryId);
    }
    const notDead = (body.deliveryIds ?? []).filter((id) => !redriven.includes(id));
    return { redriven, notDead };
  },
});
