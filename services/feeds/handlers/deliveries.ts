import * as z from 'zod';
import { once, Id } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { agencyPlace } from '../app/access.ts';
import { MAX_REDRIVE, listDeadLetters, listDeliveries, redriveDeadLetters } from '../app/deliveries.ts';
import { AgencyId } from '../domain/agencies.ts';
import { Delivery } from '../domain/deliveries.ts';

const SubParams = once(() => z.object({ agencyId: AgencyId(), subscriptionId: Id }));
const Paging = once(() => z.object(pageQuery({ max: 100, fallback: 50 })));
const DeliveryPage = once(() => z.object({ items: z.array(Delivery()), cursor: z.string().optional() }));

export const listDeliveriesRoute = defineRoute({
  method: 'GET',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/deliveries',
  operationId: 'listDeliveries',
  summary: 'Recent deliveries of a webhook subscription, newest first, with each one’s attempts',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: () => SubParams(),
  query: () => Paging(),
  response: () => DeliveryPage(),
  handler: ({ params, query }, ctx) => listDeliveries(params.agencyId, params.subscriptionId, query, ctx),
});

export const listDeadLettersRoute = defineRoute({
  method: 'GET',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/dead-letters',
  operationId: 'listDeadLetters',
  summary: 'The subscription’s dead letters (死信): deliveries that failed for 24 h, oldest first, with the reason',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: () => SubParams(),
  query: () => Paging(),
  response: () => DeliveryPage(),
  handler: ({ params, query }, ctx) => listDeadLetters(params.agencyId, params.subscriptionId, query, ctx),
});

export const redriveDeadLettersRoute = defineRoute({
  method: 'POST',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/dead-letters/redrive',
  operationId: 'redriveDeadLetters',
  summary: 'Send dead letters again (those named, or the oldest 50): each gets a fresh 24-hour retry window',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: () => SubParams(),
  body: () => z.object({ deliveryIds: z.array(z.string().min(1).max(128)).min(1).max(MAX_REDRIVE).optional() }),
  response: () => z.object({ redriven: z.array(z.string()), notDead: z.array(z.string()) }),
  idempotent: true,
  handler: ({ params, body }, ctx) => redriveDeadLetters(params.agencyId, params.subscriptionId, body, ctx),
});
