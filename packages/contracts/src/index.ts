import { EventRegistry } from './registry.ts';
import { deliberationEvents } from './events/deliberation.ts';
import { projectsEvents } from './events/projects.ts';
import { compactsEvents } from './events/compacts.ts';
import { evaluationEvents } from './events/evaluation.ts';
import { rewardsEvents } from './events/rewards.ts';
import { feedsEvents } from './events/feeds.ts';
import { registryEvents } from './events/registry.ts';
import { programmeEvents } from './events/programme.ts';

export * from './primitives.ts';
export * from './once.ts';
export * from './says.ts';
export * from './refusals.ts';
export * from './settings.ts';
export * from './vocabulary.ts';
export * from './envelope.ts';
export * from './registry.ts';
export * from './events/deliberation.ts';
export * from './events/projects.ts';
export * from './events/compacts.ts';
export * from './events/evaluation.ts';
export * from './events/rewards.ts';
export * from './events/feeds.ts';
export * from './events/registry.ts';
export * from './events/programme.ts';

/** Every event the suite publishes, every version. The single list the catalog, the bus and consumers derive from. */
export const registry = new EventRegistry([
  ...deliberationEvents,
  ...projectsEvents,
  ...compactsEvents,
  ...evaluationEvents,
  ...rewardsEvents,
  ...feedsEvents,
  ...registryEvents,
  ...programmeEvents,
]);
export * from './compatibility.ts';
export * from './catalog.ts';
