import { describe, expect, it } from 'vitest';
import { capKeyOf, defaultRules, earn, effectiveRules } from '../domain/rules.ts';
import { chinaDay, periodBounds, periodKey, startOfChinaDay } from '@cocreate/places';
import { boardPeriods } from '../domain/leaderboard.ts';

describe('earning rules', () => {
  it('defaults, then county, then village: the most local wins per activity', () => {
    const r = effectiveRules(
      {
        activities: { 'ballot-cast': { points: 3, cap: null }, 'upkeep-logged': { points: 2, cap: { period: 'day', max: 2 } } },
        expiryDays: 365,
      },
      { activities: { 'ballot-cast': { points: 4, cap: { period: 'month', max: 8 } } }, holdDays: 3 },
    );
    expect(r.activities['ballot-cast']).toEqual({ points: 4, cap: { period: 'month', max: 8 } });
    expect(r.origin['ballot-cast']).toBe('village');
    expect(r.activities['upkeep-logged'].points).toBe(2);
    expect(r.origin['upkeep-logged']).toBe('county');
    expect(r.activities['need-adopted']).toEqual(defaultRules.activities['need-adopted']);
    expect(r.origin['need-adopted']).toBe('default');
    expect(r.expiryDays).toBe(365);
    expect(r.holdDays).toBe(3);
    expect(effectiveRules().expiryDays).toBe(defaultRules.expiryDays);
  });

  it('caps: full points below the cap, the remainder at the edge, nothing at the cap', () => {
    const rule = { points: 3, cap: { period: 'month' as const, max: 10 } };
    const at = '2026-05-20T10:00:00+08:00';
    expect(earn(rule, 'ballot-cast', 1, at, 0)).toEqual({ requested: 3, points: 3, capKey: 'ballot-cast#2026-05' });
    expect(earn(rule, 'ballot-cast', 1, at, 7)).toMatchObject({ requested: 3, points: 3 });
    expect(earn(rule, 'ballot-cast', 1, at, 8)).toMatchObject({ requested: 3, points: 2 });
    expect(earn(rule, 'ballot-cast', 1, at, 10)).toMatchObject({ requested: 3, points: 0 });
    expect(earn(rule, 'ballot-cast', 1, at, 12)).toMatchObject({ points: 0 });
  });

  it('labour earns per hour, rounded down; an uncapped rule has no cap key; 0 points switches an activity off', () => {
    expect(earn({ points: 2, cap: null }, 'labour-hour', 7.5, '2026-05-20T10:00:00Z', 0)).toEqual({ requested: 15, points: 15 });
    expect(earn({ points: 3, cap: null }, 'labour-hour', 0.5, '2026-05-20T10:00:00Z', 0)).toEqual({ requested: 1, points: 1 });
    expect(earn({ points: 0, cap: null }, 'ballot-cast', 1, '2026-05-20T10:00:00Z', 0)).toEqual({ requested: 0, points: 0 });
  });

  it('the cap counter is known before the one computation of the points', () => {
    const rule = { points: 3, cap: { period: 'month' as const, max: 10 } };
    const at = '2026-05-20T10:00:00+08:00';
    expect(capKeyOf(rule, 'ballot-cast', at)).toBe('ballot-cast#2026-05');
    expect(capKeyOf(rule, 'ballot-cast', at)).toBe(earn(rule, 'ballot-cast', 1, at, 0).capKey);
    expect(capKeyOf({ points: 3, cap: null }, 'ballot-cast', at)).toBeUndefined();
  });

  it('cap periods follow the China calendar', () => {
    const rule = { points: 1, cap: { period: 'day' as const, max: 1 } };
    // 16:30 UTC on 31 May is already 1 June in Beijing.
    expect(earn(rule, 'upkeep-logged', 1, '2026-05-31T16:30:00Z', 0).capKey).toBe('upkeep-logged#2026-06-01');
    expect(earn({ ...rule, cap: { period: 'year', max: 1 } }, 'upkeep-logged', 1, '2026-12-31T16:00:00Z', 0).capKey).toBe(
      'upkeep-logged#2027',
    );
  });
});

describe('China-time calendar', () => {
  it('dates, periods and bounds', () => {
    expect(chinaDay('2026-05-31T15:59:59Z')).toBe('2026-05-31');
    expect(chinaDay('2026-05-31T16:00:00Z')).toBe('2026-06-01');
    expect(periodKey('2026-05-31T16:00:00Z', 'month')).toBe('2026-06');
    expect(boardPeriods('2026-12-31T16:00:00Z')).toEqual(['2027-01', '2027']);
    expect(startOfChinaDay('2026-06-01')).toBe('2026-05-31T16:00:00.000Z');
    expect(periodBounds('2026-12')).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(periodBounds('2026')).toEqual({ from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(() => periodBounds('2026-13')).toThrow();
  });
});
