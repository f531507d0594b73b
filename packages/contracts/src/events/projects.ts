import type { EventContract } from '../registry.ts';

export const projectsEvents: readonly EventContract[] = [];
