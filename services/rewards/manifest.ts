import { rewardsEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';
import { activityRoutes } from './handlers/activities.ts';
import { awardRoutes } from './handlers/awards.ts';
import { dividendRoutes } from './handlers/dividends.ts';
import { earningSubscriptions } from './handlers/earning.ts';
import { jobs } from './handlers/jobs.ts';
import { pointsRoutes } from './handlers/points.ts';
import { supermarketRoutes } from './handlers/supermarket.ts';

/** 成果共享 — points ledger, volunteer activities, points supermarket, awards in lieu of subsidies, dividends. */
export const manifest = defineService({
  name: 'rewards',
  title: { zh: '成果共享', en: 'Rewards' },
  table: {
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
      { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    ],
  },
  routes: [...pointsRoutes, ...activityRoutes, ...supermarketRoutes, ...awardRoutes, ...dividendRoutes],
  subscriptions: earningSubscriptions,
  jobs,
  publishes: rewardsEvents,
  evidence: false,
  keepsRegister: 'everything',
});
