import { compactsEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';

/** 建设共管 — compacts, duties, adoption of spaces, inspections, violations, red/black lists. */
export const manifest = defineService({
  name: 'compacts',
  title: { zh: '建设共管', en: 'Governance compacts' },
  table: {
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  routes: [],
  subscriptions: [],
  jobs: [],
  publishes: compactsEvents,
  evidence: true,
});
