import type { EventContract } from '../registry.ts';

export const rewardsEvents: readonly EventContract[] = [];
