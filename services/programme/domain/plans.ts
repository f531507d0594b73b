import * as z from 'zod';
import { once, EvidenceRef, IsoDate, IsoDateTime, PlacePath, type ProgrammeLevel } from '@cocreate/contracts';
import { chinaDay, daysBetween } from '@cocreate/places';
import { type Refused, refused } from './refusals.ts';

/**
 * Implementation plans (实施方案): each township, county and city writes one a year — its working approach and main
 * goals, the division of responsibility and the schedule, with the documents as evidence — and files it with the level
 * above (报送备案), which acknowledges it (已备案) or returns it with comments (退回修改). Every version is kept: a
 * returned plan is revised as a new version and filed again; a version once filed never changes.
 */

const Text = (max: number) => z.string().trim().min(1).max(max);

export const Responsibility = once(() =>
  z.object({
    /** The item, as the plan numbers it (e.g. `2.1`): the schedule refers to it. */
    item: Text(20),
    what: Text(500),
    leader: Text(100), // 责任领导
    unit: Text(200), // 责任单位
    person: Text(100), // 责任人员
  }),
);

export const ScheduleEntry = once(() => z.object({ item: Text(20), by: IsoDate, what: Text(500) }));

export const PlanContent = once(() =>
  z.object({
    /** 工作思路 */
    approach: Text(5000),
    /** 主要目标 */
    goals: z.array(Text(500)).min(1).max(50),
    /** 责任分工 */
    responsibilities: z.array(Responsibility()).min(1).max(100),
    /** 时间安排 */
    schedule: z.array(ScheduleEntry()).max(100),
    documents: z.array(EvidenceRef).max(20).default([]),
  }),
);
export type PlanContent = z.infer<ReturnType<typeof PlanContent>>;

export const PlanStatus = once(() => z.enum(['draft', 'filed', 'returned', 'acknowledged']));
export type PlanStatus = z.infer<ReturnType<typeof PlanStatus>>;

export const PlanHistoryEntry = once(() =>
  z.object({
    version: z.number().int().positive(),
    action: z.enum(['drafted', 'revised', 'filed', 'returned', 'acknowledged']),
    at: IsoDateTime,
    by: z.string(),
    comments: z.string().optional(),
  }),
);
export type PlanHistoryEntry = z.infer<ReturnType<typeof PlanHistoryEntry>>;

/** A plan's head: where it stands now and what happened to it. The versions' contents are kept beside it. */
export const Plan = once(() =>
  z.object({
    place: PlacePath,
    level: z.enum(['township', 'county', 'city']),
    year: z.number().int(),
    filedWith: PlacePath,
    status: PlanStatus(),
    version: z.number().int().positive(),
    /** When the plan was first filed: whether it met the deadline is judged by this (a returned plan refiled is not late). */
    firstFiledAt: IsoDateTime.optional(),
    history: z.array(PlanHistoryEntry()),
    revision: z.number().int().positive(),
  }),
);
export type Plan = z.infer<ReturnType<typeof Plan>>;

export const PlanVersion = once(() =>
  PlanContent().extend({
    place: PlacePath,
    year: z.number().int(),
    version: z.number().int().positive(),
    writtenAt: IsoDateTime,
  }),
);
export type PlanVersion = z.infer<ReturnType<typeof PlanVersion>>;

type Decision<T> = T | Refused;

/** Every schedule entry refers to an item of the division of responsibility. */
function checkContent(content: PlanContent): true | Refused<'unknown-responsibility'> {
  const items = new Set(content.responsibilities.map((r) => r.item));
  const unknown = content.schedule.find((s) => !items.has(s.item));
  return unknown ? refused('unknown-responsibility', { item: unknown.item }) : true;
}

/**
 * Writing the plan: a first draft is version 1; a draft is rewritten in place (nobody has seen it); a returned plan is
 * revised as the next version; a plan under review or acknowledged does not change.
 */
export function decideWrite(
  existing: Plan | undefined,
  cmd: { place: string; level: ProgrammeLevel; year: number; filedWith: string; content: PlanContent },
  at: string,
  by: string,
): Decision<{ plan: Plan; version: PlanVersion; newVersion: boolean }> {
  const checked = checkContent(cmd.content);
  if (checked !== true) return checked;
  const versionOf = (n: number): PlanVersion => ({ ...cmd.content, place: cmd.place, year: cmd.year, version: n, writtenAt: at });
  if (!existing) {
    const plan: Plan = {
      place: cmd.place,
      level: cmd.level,
      year: cmd.year,
      filedWith: cmd.filedWith,
      status: 'draft',
      version: 1,
      history: [{ version: 1, action: 'drafted', at, by }],
      revision: 1,
    };
    return { plan, version: versionOf(1), newVersion: true };
  }
  if (existing.status === 'filed') return refused('plan-under-review');
  if (existing.status === 'acknowledged') return refused('plan-acknowledged');
  if (existing.status === 'draft') {
    const plan: Plan = { ...existing, revision: existing.revision + 1 };
    return { plan, version: versionOf(existing.version), newVersion: false };
  }
  const next = existing.version + 1;
  const plan: Plan = {
    ...existing,
    status: 'draft',
    version: next,
    history: [...existing.history, { version: next, action: 'revised', at, by }],
    revision: existing.revision + 1,
  };
  return { plan, version: versionOf(next), newVersion: true };
}

/** Filing the current draft with the level above; late when first filed after the deadline (China calendar day). */
export function decideFile(plan: Plan, at: string, by: string, due: string | undefined): Decision<{ plan: Plan; late: boolean }> {
  if (plan.status === 'acknowledged') return refused('plan-acknowledged');
  if (plan.status !== 'draft') return refused('plan-not-draft');
  const firstFiledAt = plan.firstFiledAt ?? at;
  const late = due !== undefined && plan.firstFiledAt === undefined && chinaDay(at) > due;
  return {
    plan: {
      ...plan,
      status: 'filed',
      firstFiledAt,
      history: [...plan.history, { version: plan.version, action: 'filed', at, by }],
      revision: plan.revision + 1,
    },
    late,
  };
}

/** The level above answers a filed version: acknowledged (已备案) or returned with comments (退回修改). */
export function decideReview(
  plan: Plan,
  cmd: { version: number; outcome: 'acknowledged' | 'returned'; comments?: string | undefined },
  at: string,
  by: string,
): Decision<Plan> {
  if (plan.status !== 'filed') return refused('plan-not-filed', { status: plan.status });
  if (cmd.version !== plan.version) return refused('stale-plan-version', { version: plan.version });
  return {
    ...plan,
    status: cmd.outcome,
    history: [...plan.history, { version: plan.version, action: cmd.outcome, at, by, ...(cmd.comments ? { comments: cmd.comments } : {}) }],
    revision: plan.revision + 1,
  };
}

/** The deadline a level sets for the filings made with it lies within the plan year. */
export function decideDeadline(year: number, due: string): true | Refused<'deadline-outside-year'> {
  return Number(due.slice(0, 4)) === year ? true : refused('deadline-outside-year');
}

export interface FilingState {
  place: string;
  status: PlanStatus | 'none';
  firstFiledAt?: string | undefined;
}

/**
 * Whose filing is overdue with a level on a day: a place below it whose plan was not filed by the deadline — never
 * filed while the day is past it, or first filed on a later day (filed late). Days are China calendar days.
 */
export function overdueFilings(
  due: string | undefined,
  today: string,
  below: readonly FilingState[],
): (FilingState & { late: boolean; daysOverdue: number })[] {
  if (due === undefined) return [];
  const out: (FilingState & { late: boolean; daysOverdue: number })[] = [];
  for (const f of below) {
    if (f.firstFiledAt === undefined) {
      if (today > due) out.push({ ...f, late: false, daysOverdue: daysBetween(due, today) });
    } else if (chinaDay(f.firstFiledAt) > due) {
      out.push({ ...f, late: true, daysOverdue: daysBetween(due, chinaDay(f.firstFiledAt)) });
    }
  }
  return out;
}
