import { periodKey } from '@cocreate/places';

/**
 * Leaderboards (积分榜) per village and period (a month `2026-05` or a year `2026`). A resident's standing is the
 * points earned from activities in the period minus violation deductions in it (reversals undo either); spending
 * at the supermarket and expiry do not lower anyone's standing.
 */
export interface BoardRow {
  person: string;
  household?: string;
  earned: number;
  deducted: number;
}

export interface Ranked {
  rank: number;
  key: string;
  score: number;
  earned: number;
  deducted: number;
}

export const PeriodKey = /^\d{4}(-\d{2})?$/;

/**
 * Ranks rows by score (earned − deducted), highest first. Equal scores share a rank (1, 2, 2, 4) and are listed in
 * key order. `by: 'household'` adds up the members of each household first.
 */
export function rank(rows: BoardRow[], by: 'person' | 'household'): Ranked[] {
  const totals = new Map<string, { earned: number; deducted: number }>();
  for (const r of rows) {
    const key = by === 'person' ? r.person : r.household;
    if (!key) continue;
    const t = totals.get(key) ?? { earned: 0, deducted: 0 };
    t.earned += r.earned;
    t.deducted += r.deducted;
    totals.set(key, t);
  }
  const list = [...totals].map(([key, t]) => ({ key, earned: t.earned, deducted: t.deducted, score: t.earned - t.deducted }));
  list.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return list.map((r) => ({ ...r, rank: 1 + list.filter((o) => o.score > r.score).length }));
}

/** The leaderboard periods an activity counts towards: its month and its year (China time). */
export function boardPeriods(at: Date | string): [month: string, year: string] {
  return [periodKey(at, 'month'), periodKey(at, 'year')];
}

/** A leaderboard row as stored: one person's standing in a village and period. */
export interface BoardRecord extends BoardRow {
  village: string;
  period: string;
}
