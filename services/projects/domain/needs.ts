/** A need deliberation announced, as projects saw it (for tracing projects back to residents' needs). */
export interface NeedSeen {
  needId: string;
  village: string;
  category: string;
  eventId: string;
  seenAt: string;
}
