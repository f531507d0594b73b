import { projectsEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';
import { listNeedsSeen, onNeedRaised } from './handlers/needs-seen.ts';

/** 发展共建 — projects, fund pool, contributions, dual-control disbursement. */
export const manifest = defineService({
  name: 'projects',
  title: { zh: '发展共建', en: 'Projects and funds' },
  table: {
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  routes: [listNeedsSeen],
  subscriptions: [onNeedRaised],
  jobs: [],
  publishes: projectsEvents,
  evidence: true,
});
