/**
 * Calendar days in China (UTC+8, no daylight saving), whatever the server's time zone: terms of office, ownership,
 * notice periods and work dates are all Chinese calendar days.
 */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The day in China at an instant, `YYYY-MM-DD`. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether a term `[from, until)` holds on `day` (`until` is the first day it no longer holds). */
export function holdsOn(term: { from: string; until?: string | undefined }, day: string): boolean {
  return term.from <= day && (term.until === undefined || day < term.until);
}
