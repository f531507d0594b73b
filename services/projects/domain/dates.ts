/**
 * Calendar dates in China. Work dates, rate effective dates and notice dates are Chinese calendar dates (UTC+8, no
 * daylight saving), whatever the server's time zone.
 */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The date in China at an instant, `YYYY-MM-DD`. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
