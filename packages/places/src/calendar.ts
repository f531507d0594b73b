/**
 * The one calendar of the suite: China time (UTC+8 all year, no daylight saving), whatever the server's zone. Terms of
 * office, ownership, notice periods, work dates, caps, leaderboards and assessment years are Chinese calendar days,
 * months and years. Dates are `YYYY-MM-DD` strings (they compare and sort as text); instants are ISO strings in UTC.
 */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

const instant = (at: Date | string): number => {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(t)) throw new RangeError(`not an instant: ${String(at)}`);
  return t;
};

/** The day in China at an instant, `YYYY-MM-DD`. */
export function chinaDay(at: Date | string): string {
  return new Date(instant(at) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The instant a China calendar day begins (00:00 in Beijing), as ISO UTC. */
export function startOfChinaDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS).toISOString();
}

/** The year of a date (`2026-05-12`) or of an instant in China time (`2026-12-31T17:00:00Z` is 2027). */
export function yearOf(dateOrTime: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(dateOrTime)) return Number(dateOrTime.slice(0, 4));
  return Number(chinaDay(dateOrTime).slice(0, 4));
}

/** The first instant of the next year in China time (when a year's assessment takes effect). */
export const yearEnd = (year: number): string => startOfChinaDay(`${year + 1}-01-01`);

export const PeriodLength = ['day', 'month', 'year'] as const;
export type PeriodLength = (typeof PeriodLength)[number];

/** The key of the period containing an instant: `2026-05-12`, `2026-05` or `2026` (China time). */
export function periodKey(at: Date | string, length: PeriodLength): string {
  const d = chinaDay(at);
  return length === 'day' ? d : length === 'month' ? d.slice(0, 7) : d.slice(0, 4);
}

/**
 * First and last day (inclusive) of a period: a year `2026`, a quarter `2026-Q4`, a month `2026-10` or a day.
 * Throws on anything else (routes validate periods with their own schema first).
 */
export function periodDays(period: string): { from: string; to: string } {
  const m = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4]))(?:-(\d{2}))?)?$/.exec(period);
  if (!m || (m[4] !== undefined && m[2] === undefined)) throw new RangeError(`not a period: ${period}`);
  const year = Number(m[1]);
  if (m[4] !== undefined) {
    if (chinaDay(`${period}T12:00:00+08:00`) !== period) throw new RangeError(`not a period: ${period}`);
    return { from: period, to: period };
  }
  const [first, months] = m[2] ? [Number(m[2]), 1] : m[3] ? [(Number(m[3]) - 1) * 3 + 1, 3] : [1, 12];
  const from = `${year}-${String(first).padStart(2, '0')}-01`;
  // Day 0 of the month after the period is its last day.
  const to = new Date(Date.UTC(year, first - 1 + months, 0)).toISOString().slice(0, 10);
  return { from, to };
}

/** The instants a period starts and ends (end exclusive), as ISO UTC: the window of entries made in it. */
export function periodBounds(period: string): { from: string; to: string } {
  const { from, to } = periodDays(period);
  return { from: startOfChinaDay(from), to: startOfChinaDay(addDays(to, 1)) };
}

/** Whether a term `[from, until)` holds on `day` (`until` is the first day it no longer holds). */
export function holdsOn(term: { from: string; until?: string | undefined }, day: string): boolean {
  return term.from <= day && (term.until === undefined || day < term.until);
}
