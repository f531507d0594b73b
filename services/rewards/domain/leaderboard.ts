import { periodKey } from '@cocreate/places';

/**
 * Leaderboards (积分榜) per village and period (a month `2026-05` or a year `2026`). A resident's standing is the
 * points earned from activities in the period minus violation deductions in it (reversals undo either); spending
 * at the supermarket and expiry do not lower anyone's standing.
 *
 * Standings are running aggregates: a row per person (and one per household) and period, changed with every entry
 * that moves a standing and kept in rank order by an index key, so a board is read from the top a page at a time —
 * the read costs the same for a village of 10 and of 10,000 (issue 17).
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

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ranks rows by score (earned − deducted), highest first. Equal scores share a rank (1, 2, 2, 4) and are listed in
 * key order. `by: 'household'` adds up the members of each household first. (The reference ranking: the stored
 * board must list the same order, see `rankKey`.)
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
  list.sort((a, b) => b.score - a.score || byKey(a.key, b.key));
  return ranksOf(list);
}

/**
 * Ranks of rows already in board order (score descending), read from the top: equal scores share a rank, the next
 * rank skips as many as shared (1, 2, 2, 4).
 */
export function ranksOf<T extends { score: number }>(sorted: readonly T[]): (T & { rank: number })[] {
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || sorted[i - 1]!.score !== r.score) rank = i + 1;
    return { ...r, rank };
  });
}

/** Scores stay far inside ±10¹²; the key sorts highest score first, then by the row's key. */
const OFFSET = 1_000_000_000_000;

/** The index sort key of a standing: ascending order is score descending, then `key` ascending. */
export function rankKey(score: number, key: string): string {
  return `${String(OFFSET - score).padStart(13, '0')}#${key}`;
}

/** The leaderboard periods an activity counts towards: its month and its year (China time). */
export function boardPeriods(at: Date | string): [month: string, year: string] {
  return [periodKey(at, 'month'), periodKey(at, 'year')];
}

/** Whose standing a row is: a person's, or a household's (its members added up). */
export type Standing = 'person' | 'household';

/**
 * A standing as stored: one person's (or household's) earned and deducted in a village and period. `ref` is the
 * row's opaque id, shown on the board instead of a person id or a household path (issue 16 item 8); `name` is whose
 * masked name the board shows (the person, or the household's head).
 */
export interface BoardRecord {
  village: string;
  period: string;
  by: Standing;
  /** The person id or household path (never shown). */
  subject: string;
  ref: string;
  earned: number;
  deducted: number;
}

/** The standing after a change (a new row gets `ref`). */
export function nextStanding(
  current: BoardRecord | undefined,
  row: Pick<BoardRecord, 'village' | 'period' | 'by' | 'subject'>,
  change: { earned: number; deducted: number },
  ref: () => string,
): BoardRecord {
  const base = current ?? { ...row, ref: ref(), earned: 0, deducted: 0 };
  return { ...base, earned: base.earned + change.earned, deducted: base.deducted + change.deducted };
}

export const scoreOf = (r: Pick<BoardRecord, 'earned' | 'deducted'>) => r.earned - r.deducted;
