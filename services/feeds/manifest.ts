import { feedsEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';
import { addAgencyMembersRoute, getAgencyRoute, listAgenciesRoute, myAgencyRoute, registerAgencyRoute } from './handlers/agencies.ts';
import { deliverJob } from './handlers/deliver-job.ts';
import { listDeadLettersRoute, listDeliveriesRoute, redriveDeadLettersRoute } from './handlers/deliveries.ts';
import { dispatchSubscriptions } from './handlers/dispatch.ts';
import { asyncApiRoute, eventSchemaRoute, pullEventsRoute } from './handlers/feed.ts';
import { archiveReplayDeliveries, getReplayRoute, requestReplayRoute } from './handlers/replays.ts';
import {
  createSubscriptionRoute,
  deleteSubscriptionRoute,
  getSubscriptionRoute,
  listSubscriptionsRoute,
  resumeSubscriptionRoute,
  rotateSecretRoute,
  updateSubscriptionRoute,
} from './handlers/subscriptions.ts';

/** 机构事件订阅 — agencies subscribe to what happens in their jurisdiction: signed webhooks, a pull feed, replays. */
export const manifest = defineService({
  name: 'feeds',
  title: { zh: '机构事件订阅', en: 'Agency event feeds' },
  table: {
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  routes: [
    registerAgencyRoute,
    listAgenciesRoute,
    getAgencyRoute,
    addAgencyMembersRoute,
    myAgencyRoute,
    createSubscriptionRoute,
    listSubscriptionsRoute,
    getSubscriptionRoute,
    updateSubscriptionRoute,
    deleteSubscriptionRoute,
    rotateSecretRoute,
    resumeSubscriptionRoute,
    listDeliveriesRoute,
    listDeadLettersRoute,
    redriveDeadLettersRoute,
    requestReplayRoute,
    getReplayRoute,
    pullEventsRoute,
    eventSchemaRoute,
    asyncApiRoute,
  ],
  subscriptions: [...dispatchSubscriptions, archiveReplayDeliveries],
  jobs: [deliverJob],
  publishes: feedsEvents,
  evidence: false,
  // Jurisdictions are places: the feeds keep the tree and nothing about people.
  keepsRegister: 'places',
  // Windows older than the feeds' log are replayed from the bus archive.
  archiveReplays: true,
});
