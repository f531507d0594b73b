import type { EventContract } from '../registry.ts';

export const compactsEvents: readonly EventContract[] = [];
