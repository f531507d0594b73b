import { deliberationEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';
import { listNeeds, raiseNeed } from './handlers/needs.ts';

/** 决策共谋 — needs, three-party discussion, chained votes, owner consent, public notice. */
export const manifest = defineService({
  name: 'deliberation',
  title: { zh: '决策共谋', en: 'Deliberation' },
  table: {
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  routes: [raiseNeed, listNeeds],
  subscriptions: [],
  jobs: [],
  publishes: deliberationEvents,
  evidence: true,
});
