import type { SourceRecord } from './entries.ts';

/**
 * A violation's deduction and its overturning, in either order. Both meet at the violation's source record
 * (`violation:<id>`), whose outcome says where the violation stands: `deducted`, `no-deduction` (the article deducts
 * nothing), `overturned` (the appeal was decided — before the violation arrived, when `recordedAt` is not set yet) or
 * `reversed`. Each event moves it one step; anything else is a repeat and changes nothing.
 */
export const violationSource = (violationId: string): string => `violation:${violationId}`;

export type OnRecorded =
  /** The appeal was decided before we heard of the violation: note it, deduct nothing. */
  'overturned-first' | 'duplicate' | 'no-deduction' | 'deduct';

/** What a recorded violation does, given its source record (if any) and the points its article deducts. */
export function onViolationRecorded(previous: SourceRecord | undefined, points: number): OnRecorded {
  if (previous) return previous.outcome === 'overturned' && !previous.recordedAt ? 'overturned-first' : 'duplicate';
  return points <= 0 ? 'no-deduction' : 'deduct';
}

export type OnOverturned =
  /** The violation has not arrived: leave a record so its deduction is never made. */
  | { step: 'overturned-first' }
  /** It deducted nothing: mark it overturned. */
  | { step: 'nothing-to-reverse' }
  /** Reverse the deduction stored at `entryKey`. */
  | { step: 'reverse'; entryKey: { pk: string; sk: string } }
  | { step: 'duplicate' };

/** What an overturning does, given the violation's source record (if any). */
export function onViolationOverturned(previous: SourceRecord | undefined): OnOverturned {
  if (!previous) return { step: 'overturned-first' };
  if (previous.outcome === 'no-deduction') return { step: 'nothing-to-reverse' };
  if (previous.outcome !== 'deducted' || !previous.entryKey) return { step: 'duplicate' };
  return { step: 'reverse', entryKey: previous.entryKey };
}
