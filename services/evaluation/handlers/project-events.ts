import { ProjectAccepted, ProjectOpened, ProjectStageChanged } from '@cocreate/contracts';
import { defineSubscription } from '@cocreate/kernel';
import { onProjectEvent } from '../app/project-reviews.ts';

export const onProjectOpened = defineSubscription({
  name: 'project-opened',
  summary: 'A project opened: open its before-stage reviews (事前预评, the plan)',
  events: [ProjectOpened],
  handler: ({ data: d }, ctx) =>
    onProjectEvent(
      {
        projectId: d.projectId,
        village: d.village,
        beneficiaries: d.beneficiaries,
        title: d.title,
        stage: d.stage,
        signal: { type: 'opened' },
      },
      ctx,
    ),
});

export const onProjectStageChanged = defineSubscription({
  name: 'project-stage-changed',
  summary: 'A project entered construction: open its during-stage reviews (事中评价, build quality)',
  events: [ProjectStageChanged],
  handler: ({ data: d }, ctx) =>
    onProjectEvent(
      {
        projectId: d.projectId,
        village: d.village,
        beneficiaries: d.beneficiaries,
        stage: d.to,
        signal: { type: 'stage-changed', to: d.to },
      },
      ctx,
    ),
});

export const onProjectAccepted = defineSubscription({
  name: 'project-accepted',
  summary: 'A project passed final acceptance: open its after-stage reviews (事后评估, the benefit), beneficiaries only',
  events: [ProjectAccepted],
  handler: ({ data: d }, ctx) =>
    onProjectEvent(
      {
        projectId: d.projectId,
        village: d.village,
        beneficiaries: d.beneficiaries,
        signal: { type: 'accepted', acceptance: d.acceptance },
      },
      ctx,
    ),
});

export const projectSubscriptions = [onProjectOpened, onProjectStageChanged, onProjectAccepted];
