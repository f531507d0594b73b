import { describe, expect, it } from 'vitest';
import { Period, addDays, chinaDate, daysBetween, latestDate, periodRange } from '../domain/dates.ts';

describe('dates in China time', () => {
  it('gives the calendar date in UTC+8, crossing midnight correctly', () => {
    expect(chinaDate('2026-04-14T15:59:59Z')).toBe('2026-04-14');
    expect(chinaDate('2026-04-14T16:00:00Z')).toBe('2026-04-15');
    expect(chinaDate('2026-04-15T00:30:00+08:00')).toBe('2026-04-15');
    expect(chinaDate(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-25', 7)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-10-12', '2026-10-19')).toBe(7);
  });

  it('picks the latest date, ignoring missing ones', () => {
    expect(latestDate('2026-04-15', undefined, '2026-05-01')).toBe('2026-05-01');
    expect(() => latestDate(undefined)).toThrow();
  });

  it('turns months and quarters into inclusive date ranges', () => {
    expect(periodRange('2026-10')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(periodRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('accepts only months and quarters as periods', () => {
    for (const ok of ['2026-01', '2026-12', '2026-Q1', '2026-Q4']) expect(Period.safeParse(ok).success).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '2026', '2026-1', '26-01']) expect(Period.safeParse(bad).success).toBe(false);
  });
});
