/**
 * Calendar helpers. Periods (caps, leaderboards) and expiry dates are China Standard Time (UTC+8, no daylight
 * saving), the calendar the villages live by; instants are stored as ISO strings in UTC.
 */
const CST_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The China-time calendar date (YYYY-MM-DD) of an instant. */
export function chinaDate(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** `days` after a calendar date (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a China-time calendar date begins (00:00 in Beijing), as ISO UTC. */
export function startOfChinaDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CST_OFFSET_MS).toISOString();
}

export const CapPeriod = ['day', 'month', 'year'] as const;
export type CapPeriod = (typeof CapPeriod)[number];

/** The key of the period containing an instant: `2026-05-12`, `2026-05` or `2026` (China time). */
export function periodKey(at: Date | string, period: CapPeriod): string {
  const d = chinaDate(at);
  return period === 'day' ? d : period === 'month' ? d.slice(0, 7) : d.slice(0, 4);
}

/** The leaderboard periods an activity counts towards: its month and its year. */
export function boardPeriods(at: Date | string): [month: string, year: string] {
  return [periodKey(at, 'month'), periodKey(at, 'year')];
}

/** Later of two ISO instants (ledger times never run backwards, whatever clock skew a container has). */
export function laterOf(a: string, b: string | undefined): string {
  return b !== undefined && b > a ? b : a;
}

/** The instants a China-time period (`2026-05` or `2026`) starts and ends (end exclusive), as ISO UTC. */
export function periodBounds(period: string): { from: string; to: string } {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(period);
  if (!m) throw new Error(`not a period: ${period}`);
  const year = Number(m[1]);
  if (m[2] === undefined) return { from: startOfChinaDay(`${year}-01-01`), to: startOfChinaDay(`${year + 1}-01-01`) };
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new Error(`not a period: ${period}`);
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: startOfChinaDay(`${year}-${m[2]}-01`), to: startOfChinaDay(next) };
}
