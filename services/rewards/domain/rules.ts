import * as z from 'zod';
import { once, PointsActivity, type Refused, refused } from '@cocreate/contracts';
import { PeriodLength, periodKey } from '@cocreate/places';

/**
 * Earning rules (积分规则): how many points each activity earns and the most it can earn a resident per period.
 * They are configuration: a county sets its rules, a village may override any activity, and what neither sets
 * falls back to the defaults shipped here.
 */
export const ActivityRule = once(() =>
  z.object({
    /** Points per occurrence (per hour for `labour-hour`); 0 switches the activity off. */
    points: z.number().int().min(0).max(1000),
    /** Most points a resident earns from this activity per period; null means uncapped. */
    cap: z.object({ period: z.enum(PeriodLength), max: z.number().int().positive().max(1_000_000) }).nullable(),
  }),
);
export type ActivityRule = z.infer<ReturnType<typeof ActivityRule>>;

export const RulesOverride = once(() =>
  z.object({
    activities: z.partialRecord(PointsActivity(), ActivityRule()).default({}),
    /** Age in days at which credited points expire (oldest first). */
    expiryDays: z.number().int().min(1).max(3650).optional(),
    /** Days a supermarket reservation holds points and stock before it expires. */
    holdDays: z.number().int().min(1).max(90).optional(),
  }),
);
export type RulesOverride = z.infer<ReturnType<typeof RulesOverride>>;

export interface EffectiveRules {
  activities: Record<PointsActivity, ActivityRule>;
  expiryDays: number;
  holdDays: number;
  /** Where each activity's rule came from, for operators reading the configuration. */
  origin: Record<PointsActivity, 'default' | 'county' | 'village'>;
}

const month = (max: number) => ({ period: 'month' as const, max });

/** Shipped defaults: modest points for everyday participation, more for adopting a space or winning an award. */
export const defaultRules: Omit<EffectiveRules, 'origin'> = {
  activities: {
    'ballot-cast': { points: 2, cap: month(20) },
    'need-adopted': { points: 5, cap: month(20) },
    'candidate-supported': { points: 1, cap: month(10) },
    'discussion-attended': { points: 3, cap: month(15) },
    'labour-hour': { points: 2, cap: month(80) },
    'contribution-in-kind': { points: 3, cap: month(15) },
    'space-adopted': { points: 10, cap: { period: 'year', max: 30 } },
    'upkeep-logged': { points: 1, cap: month(20) },
    'review-submitted': { points: 1, cap: month(10) },
    'award-granted': { points: 20, cap: null },
    volunteering: { points: 5, cap: month(40) },
  },
  expiryDays: 730,
  holdDays: 7,
};

/** Defaults, then the county's rules, then the village's: the most local setting wins, per activity. */
export function effectiveRules(county?: RulesOverride, village?: RulesOverride): EffectiveRules {
  const activities = { ...defaultRules.activities };
  const origin = Object.fromEntries(PointsActivity().options.map((a) => [a, 'default'])) as EffectiveRules['origin'];
  for (const [layer, name] of [
    [county, 'county'],
    [village, 'village'],
  ] as const) {
    for (const [activity, rule] of Object.entries(layer?.activities ?? {}) as [PointsActivity, ActivityRule][]) {
      activities[activity] = rule;
      origin[activity] = name;
    }
  }
  return {
    activities,
    expiryDays: village?.expiryDays ?? county?.expiryDays ?? defaultRules.expiryDays,
    holdDays: village?.holdDays ?? county?.holdDays ?? defaultRules.holdDays,
    origin,
  };
}

export interface Earning {
  /** What the rule gives before the cap. */
  requested: number;
  /** What is credited after the cap. */
  points: number;
  /** The cap counter this counts against (`<activity>#<period key>`), when capped. */
  capKey?: string;
}

/** The cap counter an activity at `at` counts against under `rule` (read its use before calling `earn`), if capped. */
export const capKeyOf = (rule: ActivityRule, activity: PointsActivity, at: string): string | undefined =>
  rule.cap ? capKey(activity, rule.cap.period, at) : undefined;

/** Points an activity earns: `units` × rule points (hours for labour, rounded down), then cut to the cap's room. */
export function earn(rule: ActivityRule, activity: PointsActivity, units: number, at: string, usedInPeriod: number): Earning {
  const requested = Math.floor(rule.points * units + 1e-9);
  if (!rule.cap) return { requested, points: requested };
  const room = Math.max(0, rule.cap.max - usedInPeriod);
  return { requested, points: Math.min(requested, room), capKey: capKey(activity, rule.cap.period, at) };
}

export const capKey = (activity: PointsActivity, period: PeriodLength, at: string): string => `${activity}#${periodKey(at, period)}`;

/** A county's rules or a village's overrides as stored. */
export interface RulesRecord extends RulesOverride {
  scope: string;
  updatedAt: string;
  updatedBy: string;
  /** Why the last change was made (its history keeps every one). */
  reason?: string;
}

/** Rules are set by county officials for a county, or overridden for a village or community. */
export function decideRules(
  record: RulesRecord,
  facts: { scopeKind: string | undefined; countyOfficial: boolean },
): RulesRecord | Refused<'county-rules-by-county' | 'scope-not-county-or-village'> {
  if (facts.scopeKind === 'county') return facts.countyOfficial ? record : refused('county-rules-by-county');
  if (facts.scopeKind !== 'village' && facts.scopeKind !== 'community') return refused('scope-not-county-or-village');
  return record;
}
