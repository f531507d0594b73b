import { evaluationEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';

/** 效果共评 — schemes, staged reviews, surveys, competitions, participation assessment, village tiers. */
export const manifest = defineService({
  name: 'evaluation',
  title: { zh: '效果共评', en: 'Evaluation' },
  table: {
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  routes: [],
  subscriptions: [],
  jobs: [],
  publishes: evaluationEvents,
  evidence: true,
});
