/** Terms are half-open `[from, until)`: `until` is the first day a seat or a share no longer holds. */
export { holdsOn } from '@cocreate/places';

/** Whether two half-open terms share a day (an open term runs on without end). */
export const overlaps = (a: { from: string; until?: string }, b: { from: string; until?: string }): boolean =>
  (a.until === undefined || b.from < a.until) && (b.until === undefined || a.from < b.until);
