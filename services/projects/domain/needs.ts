import * as z from 'zod';

/** A need deliberation announced, as projects saw it (for tracing projects back to residents' needs). */
export const NeedSeen = z.object({
  needId: z.string(),
  village: z.string(),
  category: z.string(),
  eventId: z.string(),
  seenAt: z.string(),
});
export type NeedSeen = z.infer<typeof NeedSeen>;
