import * as z from 'zod';
import { once } from '@cocreate/contracts';

/** A need deliberation announced, as projects saw it (for tracing projects back to residents' needs). */
export const NeedSeen = once(() =>
  z.object({
    needId: z.string(),
    village: z.string(),
    category: z.string(),
    eventId: z.string(),
    seenAt: z.string(),
  }),
);
export type NeedSeen = z.infer<ReturnType<typeof NeedSeen>>;
