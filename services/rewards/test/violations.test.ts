import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../domain/entries.ts';
import { onViolationOverturned, onViolationRecorded, violationSource } from '../domain/violations.ts';

/** A violation and its overturning meet at one source record, whichever arrives first. */
const source = violationSource('V1');
const record = (outcome: string, more: Partial<SourceRecord> = {}): SourceRecord => ({
  source,
  outcome,
  at: '2026-05-01T00:00:00.000Z',
  ...more,
});
const entryKey = { pk: 'ACCT#p-1', sk: 'E#2026-05-01T00:00:00.000Z#0000000001' };

describe('a violation and its overturning, in either order', () => {
  it('a recorded violation deducts its article’s points once; none when the article deducts nothing', () => {
    expect(source).toBe('violation:V1');
    expect(onViolationRecorded(undefined, 5)).toBe('deduct');
    expect(onViolationRecorded(undefined, 0)).toBe('no-deduction');
    expect(onViolationRecorded(record('deducted', { entryKey, recordedAt: 'x' }), 5)).toBe('duplicate');
  });

  it('an overturning that arrived first means the violation, when it comes, is noted and deducts nothing — once', () => {
    expect(onViolationOverturned(undefined)).toEqual({ step: 'overturned-first' });
    expect(onViolationRecorded(record('overturned'), 5)).toBe('overturned-first');
    expect(onViolationRecorded(record('overturned', { recordedAt: '2026-05-02T00:00:00.000Z' }), 5)).toBe('duplicate');
  });

  it('an overturning reverses a deduction, closes one that deducted nothing, and repeats change nothing', () => {
    expect(onViolationOverturned(record('deducted', { entryKey }))).toEqual({ step: 'reverse', entryKey });
    expect(onViolationOverturned(record('no-deduction'))).toEqual({ step: 'nothing-to-reverse' });
    expect(onViolationOverturned(record('reversed', { entryKey }))).toEqual({ step: 'duplicate' });
    expect(onViolationOverturned(record('overturned'))).toEqual({ step: 'duplicate' });
  });
});
