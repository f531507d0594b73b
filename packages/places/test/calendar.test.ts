import { describe, expect, it } from 'vitest';
import {
  addDays,
  chinaDay,
  daysBetween,
  holdsOn,
  periodBounds,
  periodDays,
  periodKey,
  startOfChinaDay,
  yearEnd,
  yearOf,
} from '../src/calendar.ts';

describe('the China calendar', () => {
  it('puts an instant on the day it is in Beijing, whatever the server zone', () => {
    expect(chinaDay(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaDay('2026-12-31T16:00:00Z')).toBe('2027-01-01');
    expect(startOfChinaDay('2027-01-01')).toBe('2026-12-31T16:00:00.000Z');
    expect(() => chinaDay('yesterday')).toThrow(RangeError);
  });

  it('counts calendar days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2026-12-25', '2027-01-08')).toBe(14);
  });

  it('names the year of a date or of an instant in China time', () => {
    expect(yearOf('2026-05-12')).toBe(2026);
    expect(yearOf('2026-12-31T17:00:00Z')).toBe(2027);
    expect(yearEnd(2026)).toBe('2026-12-31T16:00:00.000Z');
  });

  it('keys and bounds periods', () => {
    expect(periodKey('2026-05-31T16:30:00Z', 'month')).toBe('2026-06');
    expect(periodKey('2026-05-31T16:30:00Z', 'day')).toBe('2026-06-01');
    expect(periodKey('2026-05-31T16:30:00Z', 'year')).toBe('2026');
    expect(periodDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodDays('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDays('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodBounds('2026-12')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    for (const bad of ['2026-13', '2026-Q5', '2026-02-30', '26-01', '2026-1']) expect(() => periodDays(bad), bad).toThrow(RangeError);
  });

  it('holds a term from its first day up to, not including, its end', () => {
    const term = { from: '2026-03-01', until: '2029-03-01' };
    expect(holdsOn(term, '2026-02-28')).toBe(false);
    expect(holdsOn(term, '2026-03-01')).toBe(true);
    expect(holdsOn(term, '2029-03-01')).toBe(false);
    expect(holdsOn({ from: '2026-03-01' }, '2099-01-01')).toBe(true);
  });
});
