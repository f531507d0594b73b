import { DecisionFinal } from '@cocreate/contracts';
import { defineSubscription } from '@cocreate/kernel';
import { applyChange, openProject } from '../app/decisions.ts';

/**
 * Deliberation's final decisions (共同决 → 公示 → 备案). A project plan opens a project; a project change is applied to
 * the project waiting for it. Compact and village-classification decisions belong to other services (consumed, and
 * marked processed, without effect).
 */
export const onDecisionFinal = defineSubscription({
  name: 'decision-final',
  summary: 'Open a project from a final project-plan decision; apply a final project-change decision to its project',
  events: [DecisionFinal],
  handler: ({ data }, ctx) =>
    data.kind === 'project-plan' ? openProject(data, ctx) : data.kind === 'project-change' ? applyChange(data, ctx) : Promise.resolve(),
});
