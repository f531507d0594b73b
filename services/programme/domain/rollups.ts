import type { VillageClass } from '@cocreate/contracts';
import { periodDays } from '@cocreate/places';
import { type Refused, refused } from './refusals.ts';

/**
 * Roll-ups for the officials of a township, county and city (统筹推进的工作台账). Every event the programme consumes
 * adds to one month's bucket of each level above the village — counters only, so a read sums at most the months it
 * covers and never grows with the number of villages' events. Flows (decisions, money, reviews) are summed over the
 * period's months; stocks (villages by tier) over every month up to the period's end.
 */

export const COUNTERS = [
  'decisions', // 决策共谋: final decisions
  'projectsAccepted', // 发展共建: projects through final acceptance
  'raised', // fen received into village and township pools
  'spent', // fen disbursed
  'satisfactionSum', // published satisfaction scores × 100 (integers: no float drift in sums)
  'satisfactionCount',
  'participationSum', // assessed participation scores × 100
  'participationCount',
  'tierPilot', // changes in villages classed as pilots (试点村)
  'tierRemediation', // changes in villages classed for remediation (整治村)
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Partial<Record<Counter, number>>;

/** The month bucket an instant falls in, China time: `2026-05`. */
export const monthOf = (chinaDay: string): string => chinaDay.slice(0, 7);

/** The changes a tier move makes to the counts by tier. */
export function tierDelta(from: VillageClass | undefined, to: VillageClass): Counters {
  if (from === to) return {};
  const key = (c: VillageClass): Counter => (c === 'pilot' ? 'tierPilot' : 'tierRemediation');
  return { [key(to)]: 1, ...(from ? { [key(from)]: -1 } : {}) };
}

/** A score 0–100 with two decimals as an integer count of hundredths. */
export const hundredths = (score: number): number => Math.round(score * 100);

export interface Period {
  period: string;
  from: string;
  to: string;
  /** First and last month bucket of the period. */
  months: [string, string];
}

/** A report period: a year `2026`, a quarter `2026-Q2` or a month `2026-05`. */
export function periodOf(period: string): Period | Refused<'bad-period'> {
  if (!/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$/.test(period)) return refused('bad-period');
  const { from, to } = periodDays(period);
  return { period, from, to, months: [monthOf(from), monthOf(to)] };
}

export interface Figures {
  decisions: number;
  projectsAccepted: number;
  raised: number;
  spent: number;
  /** Mean of the published satisfaction scores in the period (0–100, two decimals), null without any. */
  satisfaction: number | null;
  satisfactionReviews: number;
  /** Mean assessed participation score per village in the period, null without any. */
  participation: number | null;
  participationAssessments: number;
  villagesByTier: { pilot: number; remediation: number };
}

/** The period's figures from its month buckets (flows) and every bucket up to its end (stocks). */
export function figuresOf(buckets: readonly { month: string; counters: Counters }[], period: Period): Figures {
  const inPeriod = buckets.filter((b) => b.month >= period.months[0] && b.month <= period.months[1]);
  const upToEnd = buckets.filter((b) => b.month <= period.months[1]);
  const sum = (list: typeof buckets, c: Counter) => list.reduce((n, b) => n + (b.counters[c] ?? 0), 0);
  const mean = (total: number, count: number) => (count === 0 ? null : Math.round(total / count) / 100);
  return {
    decisions: sum(inPeriod, 'decisions'),
    projectsAccepted: sum(inPeriod, 'projectsAccepted'),
    raised: sum(inPeriod, 'raised'),
    spent: sum(inPeriod, 'spent'),
    satisfaction: mean(sum(inPeriod, 'satisfactionSum'), sum(inPeriod, 'satisfactionCount')),
    satisfactionReviews: sum(inPeriod, 'satisfactionCount'),
    participation: mean(sum(inPeriod, 'participationSum'), sum(inPeriod, 'participationCount')),
    participationAssessments: sum(inPeriod, 'participationCount'),
    villagesByTier: { pilot: sum(upToEnd, 'tierPilot'), remediation: sum(upToEnd, 'tierRemediation') },
  };
}
