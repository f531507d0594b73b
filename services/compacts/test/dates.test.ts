import { describe, expect, it } from 'vitest';
import { refused } from '@cocreate/contracts';
import { addDays, chinaDay } from '@cocreate/places';
import { Period, publishableDays } from '../domain/boards.ts';
import { latestDate } from '../domain/compacts.ts';

/** The dates compacts reasons with: China calendar days (from the shared calendar), board periods, latest dates. */
describe('dates in China time', () => {
  it('gives the calendar date in UTC+8, crossing midnight correctly, from an instant or its ISO text', () => {
    expect(chinaDay('2026-04-14T15:59:59Z')).toBe('2026-04-14');
    expect(chinaDay('2026-04-14T16:00:00Z')).toBe('2026-04-15');
    expect(chinaDay('2026-04-15T00:30:00+08:00')).toBe('2026-04-15');
    expect(chinaDay(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-25', 7)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('picks the latest date, ignoring missing ones', () => {
    expect(latestDate('2026-04-15', undefined, '2026-05-01')).toBe('2026-05-01');
    expect(() => latestDate(undefined)).toThrow();
  });

  it('turns ended months and quarters into inclusive date ranges', () => {
    const after = '2029-01-01';
    expect(publishableDays('2026-10', after)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(publishableDays('2026-02', after)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(publishableDays('2028-02', after)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(publishableDays('2026-Q4', after)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(publishableDays('2026-Q1', after)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('a period is publishable only once its last day is past', () => {
    expect(publishableDays('2026-10', '2026-10-31')).toEqual(refused('period-not-ended', { to: '2026-10-31' }));
    expect(publishableDays('2026-10', '2026-11-01')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('accepts only months and quarters as periods', () => {
    for (const ok of ['2026-01', '2026-12', '2026-Q1', '2026-Q4']) expect(Period().safeParse(ok).success).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '2026', '2026-1', '26-01']) expect(Period().safeParse(bad).success).toBe(false);
  });
});
