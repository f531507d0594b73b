import { ProjectAccepted, ProjectChangeRequested } from '@cocreate/contracts';
import { defineSubscription } from '@cocreate/kernel';
import { discloseImplementation, openChangeProposal } from '../app/events.ts';

/** A major change of a project must be decided again: a project-change proposal, once per change id. */
export const onProjectChangeRequested = defineSubscription({
  name: 'project-change-requested',
  summary: 'Open a project-change proposal, ready for its decision chain, for each change the projects service requests',
  events: [ProjectChangeRequested],
  handler: (event, ctx) => openChangeProposal(event.data, ctx),
});

/** 第二次公开: a project's final acceptance discloses the implementation result of the decision behind it, once. */
export const onProjectAccepted = defineSubscription({
  name: 'project-accepted',
  summary: 'Disclose the implementation result (second disclosure) of the decision behind a project at its final acceptance',
  events: [ProjectAccepted],
  handler: (event, ctx) => discloseImplementation(event.data, ctx),
});
