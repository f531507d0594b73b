import { compactsEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';
import { boardRoutes } from './handlers/boards.ts';
import { compactRoutes } from './handlers/compacts.ts';
import { inspectionRoutes } from './handlers/inspections.ts';
import { flagOverdueRectifications } from './handlers/jobs.ts';
import { organisationRoutes } from './handlers/organisation.ts';
import { spaceRoutes } from './handlers/spaces.ts';
import { onDecisionFinal, onFacilitiesHandedOver } from './handlers/subscriptions.ts';
import { violationRoutes } from './handlers/violations.ts';

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
  routes: [
    // compacts (村规民约, 管护公约)
    ...compactRoutes,
    // 一约四会, 门前三包, four-level organisation
    ...organisationRoutes,
    // spaces and adoption (认领)
    ...spaceRoutes,
    // inspections, violations, appeals, rectification
    ...inspectionRoutes,
    ...violationRoutes,
    // 红黑榜
    ...boardRoutes,
  ],
  subscriptions: [onDecisionFinal, onFacilitiesHandedOver],
  jobs: [flagOverdueRectifications],
  publishes: compactsEvents,
  evidence: true,
  keepsRegister: 'everything',
});
