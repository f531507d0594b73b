import { feedsEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';
import { addAgencyMembers, getAgency, listAgencies, myAgency, registerAgency } from './handlers/agencies.ts';
import { deliverJob } from './handlers/deliver-job.ts';
import { listDeadLetters, listDeliveries, redriveDeadLetters } from './handlers/deliveries.ts';
import { dispatchSubscriptions } from './handlers/dispatch.ts';
import { asyncApi, eventSchema, pullEvents } from './handlers/feed.ts';
import { archiveReplayDeliveries, getReplay, requestReplay } from './handlers/replays.ts';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  resumeSubscription,
  rotateSecret,
  updateSubscription,
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
    registerAgency,
    listAgencies,
    getAgency,
    addAgencyMembers,
    myAgency,
    createSubscription,
    listSubscriptions,
    getSubscription,
    updateSubscription,
    deleteSubscription,
    rotateSecret,
    resumeSubscription,
    listDeliveries,
    listDeadLetters,
    redriveDeadLetters,
    requestReplay,
    getReplay,
    pullEvents,
    eventSchema,
    asyncApi,
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
