import * as z from 'zod';
import { once, IsoDate, IsoDateTime, PersonId, PlacePath, type Refused, refused, says } from '@cocreate/contracts';
import { periodDays } from '@cocreate/places';
import type { ArticleHandling } from './compacts.ts';
import type { Rectification, ViolationStatus } from './violations.ts';

/**
 * 红黑榜 — the red and black lists of a village for a period, computed by one published rule (README "Red/black
 * list rule"). The rule is a pure function of the period's inspections, violations and upkeep logs; the same data
 * always gives the same lists.
 *
 * Rule `red-black-v1`, for each household of the village, counting only what falls within the period's dates:
 *   passes     inspection results "pass" on the household (any duty item)
 *   fails      inspection results "fail"
 *   violations violations that occurred in the period and stand: recorded or upheld (an overturned one never
 *              counts; one awaiting the council's ruling does not count yet)
 *   listed     those of the violations whose agreed handling includes public listing
 *   overdue    those of the violations whose rectification is overdue (past its deadline, not closed)
 *   upkeep     distinct days on which someone of the household logged upkeep of an adopted space
 *   score      = 2·passes + upkeep − 3·fails − 5·violations − 5·overdue
 * Red list   (红榜): no violations, no fails, no overdue, score ≥ 4; best score first, then household path; at most 10.
 * Black list (黑榜): listed ≥ 1, or overdue ≥ 1, or fails ≥ 2; lowest score first, then household path.
 * A household is on at most one list (the red conditions exclude every black one).
 */
export const BOARD_RULE = 'red-black-v1';
export const RED_MIN_SCORE = 4;
export const RED_MAX_ENTRIES = 10;
export const BLACK_MIN_FAILS = 2;
export const WEIGHTS = { pass: 2, upkeepDay: 1, fail: -3, violation: -5, overdue: -5 } as const;

export interface BoardHousehold {
  path: string;
  head: string;
}

export interface BoardInputs {
  from: string;
  to: string;
  households: readonly BoardHousehold[];
  inspections: readonly { conductedOn?: string | undefined; results: readonly { household: string; outcome: 'pass' | 'fail' }[] }[];
  violations: readonly {
    household: string;
    occurredOn: string;
    status: ViolationStatus;
    handling: ArticleHandling;
    rectification?: Pick<Rectification, 'status'> | undefined;
  }[];
  upkeep: readonly { household?: string | undefined; loggedOn: string }[];
}

export const BlackReason = once(() => z.enum(['publicly-listed-violation', 'overdue-rectification', 'repeated-inspection-failures']));
export type BlackReason = z.infer<ReturnType<typeof BlackReason>>;

export const BoardTally = once(() =>
  z.object({
    household: PlacePath,
    person: PersonId,
    passes: z.number().int(),
    fails: z.number().int(),
    violations: z.number().int(),
    listed: z.number().int(),
    overdue: z.number().int(),
    upkeepDays: z.number().int(),
    score: z.number().int(),
  }),
);
export type BoardTally = z.infer<ReturnType<typeof BoardTally>>;

export const BlackEntry = once(() => BoardTally().extend({ reasons: z.array(BlackReason()).min(1) }));
export type BlackEntry = z.infer<ReturnType<typeof BlackEntry>>;

export interface RedBlackLists {
  rule: string;
  red: BoardTally[];
  black: BlackEntry[];
}

const inPeriod = (date: string | undefined, from: string, to: string): date is string => !!date && date >= from && date <= to;

/** Applies rule red-black-v1 (see above) to one village's data for one period. */
export function computeRedBlackLists(input: BoardInputs): RedBlackLists {
  const { from, to } = input;
  const tally = new Map<string, BoardTally>();
  for (const h of input.households) {
    tally.set(h.path, {
      household: h.path,
      person: h.head,
      passes: 0,
      fails: 0,
      violations: 0,
      listed: 0,
      overdue: 0,
      upkeepDays: 0,
      score: 0,
    });
  }
  for (const inspection of input.inspections) {
    if (!inPeriod(inspection.conductedOn, from, to)) continue;
    for (const r of inspection.results) {
      const t = tally.get(r.household);
      if (!t) continue;
      if (r.outcome === 'pass') t.passes += 1;
      else t.fails += 1;
    }
  }
  for (const v of input.violations) {
    const t = tally.get(v.household);
    if (!t || !inPeriod(v.occurredOn, from, to)) continue;
    if (v.status !== 'recorded' && v.status !== 'upheld') continue;
    t.violations += 1;
    if (v.handling.publicListing) t.listed += 1;
    if (v.rectification?.status === 'overdue') t.overdue += 1;
  }
  const days = new Map<string, Set<string>>();
  for (const u of input.upkeep) {
    if (!u.household || !tally.has(u.household) || !inPeriod(u.loggedOn, from, to)) continue;
    const set = days.get(u.household) ?? new Set<string>();
    set.add(u.loggedOn);
    days.set(u.household, set);
  }
  for (const t of tally.values()) {
    t.upkeepDays = days.get(t.household)?.size ?? 0;
    t.score =
      WEIGHTS.pass * t.passes +
      WEIGHTS.upkeepDay * t.upkeepDays +
      WEIGHTS.fail * t.fails +
      WEIGHTS.violation * t.violations +
      WEIGHTS.overdue * t.overdue;
  }
  const all = [...tally.values()];
  const red = all
    .filter((t) => t.violations === 0 && t.fails === 0 && t.overdue === 0 && t.score >= RED_MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.household.localeCompare(b.household))
    .slice(0, RED_MAX_ENTRIES);
  const black = all
    .map((t) => ({ ...t, reasons: blackReasons(t) }))
    .filter((t) => t.reasons.length > 0)
    .sort((a, b) => a.score - b.score || a.household.localeCompare(b.household));
  return { rule: BOARD_RULE, red, black };
}

function blackReasons(t: BoardTally): BlackReason[] {
  const reasons: BlackReason[] = [];
  if (t.listed > 0) reasons.push('publicly-listed-violation');
  if (t.overdue > 0) reasons.push('overdue-rectification');
  if (t.fails >= BLACK_MIN_FAILS) reasons.push('repeated-inspection-failures');
  return reasons;
}

export const Board = once(() =>
  z.object({
    village: PlacePath,
    period: z.string(),
    from: IsoDate,
    to: IsoDate,
    rule: z.string(),
    red: z.array(BoardTally()),
    black: z.array(BlackEntry()),
    publishedAt: IsoDateTime,
    publishedBy: z.string(),
  }),
);
export type Board = z.infer<ReturnType<typeof Board>>;

/** What the public board shows: ranks, masked names, the group, the score and (for the black list) why. */
export const PublicBoardEntry = once(() =>
  z.object({
    rank: z.number().int().positive(),
    name: z.string(),
    group: z.string(),
    score: z.number().int(),
    reasons: z.array(BlackReason()).optional(),
  }),
);
export type PublicBoardEntry = z.infer<ReturnType<typeof PublicBoardEntry>>;

export const PublicBoard = once(() =>
  z.object({
    village: PlacePath,
    villageName: z.string(),
    period: z.string(),
    from: IsoDate,
    to: IsoDate,
    rule: z.string(),
    publishedAt: IsoDateTime,
    red: z.array(PublicBoardEntry()),
    black: z.array(PublicBoardEntry()),
  }),
);
export type PublicBoard = z.infer<ReturnType<typeof PublicBoard>>;

/**
 * The public view of a board: no person ids or household paths, names masked the way public notices do (张*明),
 * the group named so neighbours recognise the household.
 */
export function publicBoard(
  board: Board,
  villageName: string,
  describe: (household: string, person: string) => { name: string; group: string },
  mask: (name: string) => string,
): PublicBoard {
  const entry = (t: BoardTally, i: number, reasons?: BlackReason[]): PublicBoardEntry => {
    const d = describe(t.household, t.person);
    return { rank: i + 1, name: mask(d.name), group: d.group, score: t.score, ...(reasons ? { reasons } : {}) };
  };
  return {
    village: board.village,
    villageName,
    period: board.period,
    from: board.from,
    to: board.to,
    rule: board.rule,
    publishedAt: board.publishedAt,
    red: board.red.map((t, i) => entry(t, i)),
    black: board.black.map((t, i) => entry(t, i, t.reasons)),
  };
}

/** A board is published for a period that has ended (the last day is before today, China time). */
export function periodEnded(to: string, today: string): boolean {
  return to < today;
}

/** A board period: a month `2026-10` or a quarter `2026-Q4`. */
export const Period = once(() =>
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, says({ zh: '月份 YYYY-MM 或季度 YYYY-Qn', en: 'a month YYYY-MM or a quarter YYYY-Qn' }))
    .describe('A month (YYYY-MM) or a quarter (YYYY-Qn)'),
);
export type Period = z.infer<ReturnType<typeof Period>>;

/** The first and last day of a period whose board can be published on `today` (refused until it has ended). */
export function publishableDays(period: Period, today: string): { from: string; to: string } | Refused<'period-not-ended'> {
  const { from, to } = periodDays(period);
  return periodEnded(to, today) ? { from, to } : refused('period-not-ended', { to });
}
