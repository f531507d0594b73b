import { rewardsEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';

/** 成果共享 — points ledger, points supermarket, awards in lieu of subsidies, dividends. */
export const manifest = defineService({
  name: 'rewards',
  title: { zh: '成果共享', en: 'Rewards' },
  table: {
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  routes: [],
  subscriptions: [],
  jobs: [],
  publishes: rewardsEvents,
  evidence: false,
});
