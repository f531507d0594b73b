import type { EventContract } from '../registry.ts';

export const evaluationEvents: readonly EventContract[] = [];
