import { evaluationEvents } from '@cocreate/contracts';
import { defineService } from '@cocreate/kernel';
import { assessmentRoutes, assessmentRunner } from './handlers/assessments.ts';
import { competitionRoutes } from './handlers/competitions.ts';
import { onVillageClassified, participationSubscriptions } from './handlers/participation-events.ts';
import { projectSubscriptions } from './handlers/project-events.ts';
import { rectificationRoutes } from './handlers/rectifications.ts';
import { closeDueReviews, reviewRoutes } from './handlers/reviews.ts';
import { schemeRoutes } from './handlers/schemes.ts';
import { villageReviewRoutes } from './handlers/village-reviews.ts';

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
  routes: [...schemeRoutes, ...reviewRoutes, ...rectificationRoutes, ...competitionRoutes, ...villageReviewRoutes, ...assessmentRoutes],
  subscriptions: [...projectSubscriptions, onVillageClassified, ...participationSubscriptions],
  jobs: [closeDueReviews, assessmentRunner],
  publishes: evaluationEvents,
  evidence: true,
  keepsRegister: 'everything',
});
