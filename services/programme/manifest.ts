import { programmeEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';
import { evidenceUploadRoute } from './handlers/evidence.ts';
import { batchRoutes } from './handlers/batches.ts';
import { planRoutes } from './handlers/plans.ts';
import { reportRoutes } from './handlers/reports.ts';
import { programmeSubscriptions } from './handlers/subscriptions.ts';
import { supportRoutes } from './handlers/support.ts';
import { taskRoutes } from './handlers/tasks.ts';

/**
 * 统筹推进 — the campaign programme the township, county and city run: implementation plans filed upward, tasks with
 * their responsible leaders, pilot batches and coverage computed from the other services' events, helper teams and
 * supervision, roll-ups and the periodic reports upward.
 */
export const manifest = defineService({
  name: 'programme',
  title: { zh: '统筹推进', en: 'Campaign programme' },
  table: {
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
      { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    ],
  },
  routes: [evidenceUploadRoute, ...planRoutes, ...taskRoutes, ...batchRoutes, ...reportRoutes, ...supportRoutes],
  subscriptions: programmeSubscriptions,
  jobs: [],
  publishes: programmeEvents,
  evidence: true,
  // Levels, their children and villages are places: the programme keeps the tree and nothing about people.
  keepsRegister: 'places',
});
