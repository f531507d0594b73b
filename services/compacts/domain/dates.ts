import { z } from 'zod';
import { says } from '@cocreate/contracts';

/**
 * Calendar dates as the villages live them: China Standard Time (UTC+8, no daylight saving). A compact comes into
 * force "on 15 April", a rectification is due "within 7 days", a board covers "October": all are dates in
 * Asia/Shanghai, whatever the server's zone. Dates are `YYYY-MM-DD` strings, which compare and sort as text.
 */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The calendar date in China of an instant. */
export function chinaDate(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The latest of some dates (undefined ones ignored). */
export function latestDate(...dates: (string | undefined)[]): string {
  const present = dates.filter((d): d is string => d !== undefined).sort();
  const last = present.at(-1);
  if (!last) throw new Error('latestDate needs at least one date');
  return last;
}

/** A board period: a month `2026-10` or a quarter `2026-Q4`. */
export const Period = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, says({ zh: '月份 YYYY-MM 或季度 YYYY-Qn', en: 'a month YYYY-MM or a quarter YYYY-Qn' }))
  .describe('A month (YYYY-MM) or a quarter (YYYY-Qn)');
export type Period = z.infer<typeof Period>;

/** First and last date (inclusive) of a period. */
export function periodRange(period: Period): { from: string; to: string } {
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  const [firstMonth, months] = rest.startsWith('Q') ? [(Number(rest.slice(1)) - 1) * 3 + 1, 3] : [Number(rest), 1];
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  // Day 0 of the month after the period = its last day.
  const to = new Date(Date.UTC(year, firstMonth - 1 + months, 0)).toISOString().slice(0, 10);
  return { from, to };
}
