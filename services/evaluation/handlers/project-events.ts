import { ProjectAccepted, ProjectOpened, ProjectStageChanged } from '@cocreate/contracts';
import { defineSubscription } from '@cocreate/kernel';
import { onProjectEvent, projectEventFacts } from '../app/project-reviews.ts';

export const onProjectOpened = defineSubscription({
  name: 'project-opened',
  summary: 'A project opened: open its before-stage reviews (事前预评, the plan)',
  events: [ProjectOpened],
  handler: ({ data }, ctx) => onProjectEvent(projectEventFacts.opened(data), ctx),
});

export const onProjectStageChanged = defineSubscription({
  name: 'project-stage-changed',
  summary: 'A project entered construction: open its during-stage reviews (事中评价, build quality)',
  events: [ProjectStageChanged],
  handler: ({ data }, ctx) => onProjectEvent(projectEventFacts.stageChanged(data), ctx),
});

export const onProjectAccepted = defineSubscription({
  name: 'project-accepted',
  summary: 'A project passed final acceptance: open its after-stage reviews (事后评估, the benefit), beneficiaries only',
  events: [ProjectAccepted],
  handler: ({ data }, ctx) => onProjectEvent(projectEventFacts.accepted(data), ctx),
});

export const projectSubscriptions = [onProjectOpened, onProjectStageChanged, onProjectAccepted];
