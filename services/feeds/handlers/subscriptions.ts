import * as z from 'zod';
import { once, Id, IsoDateTime } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import { agencyPlace } from '../app/access.ts';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  resumeSubscription,
  rotateSecret,
  updateSubscription,
} from '../app/subscriptions.ts';
import { AgencyId } from '../domain/agencies.ts';
import { CreateSubscription, RotateSecret, SubscriptionView, UpdateSubscription } from '../domain/subscriptions.ts';

const SubParams = once(() => z.object({ agencyId: AgencyId(), subscriptionId: Id }));

const Created = once(() =>
  z.object({
    subscription: SubscriptionView(),
    /** The signing secret, shown this once (webhook subscriptions). */
    secret: z.string().optional(),
  }),
);

export const createSubscriptionRoute = defineRoute({
  method: 'POST',
  path: '/feeds/agencies/{agencyId}/subscriptions',
  operationId: 'createSubscription',
  summary: 'Subscribe to events in the agency’s jurisdiction: a pattern and a delivery mode (webhook or pull)',
  auth: { roles: ['agency'], place: agencyPlace },
  params: () => z.object({ agencyId: AgencyId() }),
  body: () => CreateSubscription(),
  response: () => Created(),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => createSubscription(params.agencyId, body, ctx),
});

export const listSubscriptionsRoute = defineRoute({
  method: 'GET',
  path: '/feeds/agencies/{agencyId}/subscriptions',
  operationId: 'listSubscriptions',
  summary: 'An agency’s subscriptions, with their status and, when paused, why',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: () => z.object({ agencyId: AgencyId() }),
  response: () => z.object({ items: z.array(SubscriptionView()) }),
  handler: ({ params }, ctx) => listSubscriptions(params.agencyId, ctx),
});

export const getSubscriptionRoute = defineRoute({
  method: 'GET',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}',
  operationId: 'getSubscription',
  summary: 'One subscription: pattern, delivery, status (and the pause reason), delivery health',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: () => SubParams(),
  response: () => SubscriptionView(),
  handler: ({ params }, ctx) => getSubscription(params.agencyId, params.subscriptionId, ctx),
});

export const updateSubscriptionRoute = defineRoute({
  method: 'PATCH',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}',
  operationId: 'updateSubscription',
  summary: 'Change a subscription’s name, pattern or webhook URL (optimistic on its version)',
  auth: { roles: ['agency'], place: agencyPlace },
  params: () => SubParams(),
  body: () => UpdateSubscription(),
  response: () => SubscriptionView(),
  handler: ({ params, body }, ctx) => updateSubscription(params.agencyId, params.subscriptionId, body, ctx),
});

export const deleteSubscriptionRoute = defineRoute({
  method: 'DELETE',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}',
  operationId: 'deleteSubscription',
  summary: 'Unsubscribe; pending deliveries are dropped, dead letters stay listed until they expire',
  auth: { roles: ['agency'], place: agencyPlace },
  params: () => SubParams(),
  status: 204,
  handler: ({ params }, ctx) => deleteSubscription(params.agencyId, params.subscriptionId, ctx),
});

const Rotated = once(() =>
  z.object({
    secret: z.string().describe('The new signing secret, shown this once'),
    secretId: z.string(),
    /** Until when the previous secret(s) still sign beside the new one. */
    overlapUntil: IsoDateTime,
    subscription: SubscriptionView(),
  }),
);

export const rotateSecretRoute = defineRoute({
  method: 'POST',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/secret-rotations',
  operationId: 'rotateSubscriptionSecret',
  summary: 'Issue a new signing secret; the old one keeps signing beside it for the overlap (two signatures)',
  auth: { roles: ['agency'], place: agencyPlace },
  params: () => SubParams(),
  body: () => RotateSecret(),
  response: () => Rotated(),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => rotateSecret(params.agencyId, params.subscriptionId, body, ctx),
});

export const resumeSubscriptionRoute = defineRoute({
  method: 'POST',
  path: '/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/resume',
  operationId: 'resumeSubscription',
  summary: 'Resume a paused subscription, optionally replaying what happened while it was paused',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: () => SubParams(),
  body: () => z.object({ replayMissed: z.boolean().default(false) }),
  response: () => z.object({ subscription: SubscriptionView(), replayId: Id.optional() }),
  handler: ({ params, body }, ctx) => resumeSubscription(params.agencyId, params.subscriptionId, body, ctx),
});
