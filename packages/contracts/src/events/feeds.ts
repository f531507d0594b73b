import type { EventContract } from '../registry.ts';

export const feedsEvents: readonly EventContract[] = [];
