import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { once, Id, IsoDateTime, PersonId, PlacePath, type Refused, VolunteerActivityKind, refused, says } from '@cocreate/contracts';

/**
 * Volunteer and mutual-aid activities (志愿服务、互助活动: 四点半课堂, 爱心食堂, 空巢老人互助组, 清洁日). A cadre or an
 * association (一约四会) publishes an activity with its time, place, number of places and points per hour; residents
 * sign up (the waiting list 候补 when full, promoted in order when a place frees); they are checked in and out by the
 * organiser or by scanning the activity's signed code; the organiser closes it after its end, which records no-shows.
 * Each attendance credits points once through the ledger. Pure rules: the use cases read, decide and record.
 */

export const MAX_CAPACITY = 200;
export const MAX_WAITING = 200;
/** Check-in opens this long before the start (people arrive early to set up). */
export const CHECK_IN_OPENS_MINUTES = 60;

export const PublishActivity = once(() =>
  z
    .object({
      village: PlacePath,
      kind: VolunteerActivityKind(),
      title: z.string().trim().min(1).max(200),
      location: z.string().trim().min(1).max(200).describe('Where (活动地点), as residents say it'),
      startsAt: IsoDateTime,
      endsAt: IsoDateTime,
      capacity: z.number().int().min(1).max(MAX_CAPACITY),
      pointsPerHour: z.number().int().min(0).max(100),
      description: z.string().trim().max(2000).optional(),
    })
    .refine((a) => Date.parse(a.endsAt) > Date.parse(a.startsAt), {
      path: ['endsAt'],
      ...says({ zh: '结束时间须晚于开始时间', en: 'must be after startsAt' }),
    })
    .refine((a) => Date.parse(a.endsAt) - Date.parse(a.startsAt) <= 24 * 3600_000, {
      path: ['endsAt'],
      ...says({ zh: '一次活动不超过 24 小时', en: 'an activity lasts at most 24 hours' }),
    }),
);
export type PublishActivity = z.infer<ReturnType<typeof PublishActivity>>;

export const ActivityStatus = once(() => z.enum(['open', 'closed']));

export const Activity = once(() =>
  z.object({
    activityId: Id,
    village: PlacePath,
    kind: VolunteerActivityKind(),
    title: z.string(),
    location: z.string(),
    description: z.string().optional(),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    capacity: z.number().int().positive(),
    pointsPerHour: z.number().int().nonnegative(),
    status: ActivityStatus(),
    /** Places taken (confirmed or checked in) and people waiting. */
    confirmed: z.number().int().nonnegative(),
    waiting: z.number().int().nonnegative(),
    /** The next waiting-list number (order of the list; never reused). */
    nextWait: z.number().int().positive(),
    publishedAt: IsoDateTime,
    closedAt: IsoDateTime.optional(),
  }),
);
export type Activity = z.infer<ReturnType<typeof Activity>>;

export const SeatStatus = once(() => z.enum(['confirmed', 'waiting', 'cancelled', 'checked-in', 'attended', 'no-show']));
export type SeatStatus = z.infer<ReturnType<typeof SeatStatus>>;

/** One resident's sign-up for an activity (stored with the person id; public views show only `ref`). */
export interface Seat {
  activityId: string;
  village: string;
  person: string;
  /** Opaque id shown on the public roster instead of the person id. */
  ref: string;
  status: SeatStatus;
  signedUpAt: string;
  /** Waiting-list number while waiting (lower is earlier). */
  waitSeq?: number;
  promotedAt?: string;
  cancelledAt?: string;
  checkedInAt?: string;
  checkedInBy?: 'organiser' | 'code';
  checkedOutAt?: string;
  minutes?: number;
  points?: number;
  outcome?: 'credited' | 'capped' | 'no-points';
}

export const Seat = once(() =>
  z.object({
    activityId: Id,
    person: PersonId,
    status: SeatStatus(),
    /** Place on the waiting list when waiting. */
    position: z.number().int().positive().optional(),
  }),
);

const ACTIVE: readonly SeatStatus[] = ['confirmed', 'waiting', 'checked-in'];

export function publish(cmd: PublishActivity, facts: { activityId: string; now: Date }): Activity | Refused<'activity-in-past'> {
  if (Date.parse(cmd.startsAt) <= facts.now.getTime()) return refused('activity-in-past');
  return {
    activityId: facts.activityId,
    village: cmd.village,
    kind: cmd.kind,
    title: cmd.title,
    location: cmd.location,
    ...(cmd.description ? { description: cmd.description } : {}),
    startsAt: cmd.startsAt,
    endsAt: cmd.endsAt,
    capacity: cmd.capacity,
    pointsPerHour: cmd.pointsPerHour,
    status: 'open',
    confirmed: 0,
    waiting: 0,
    nextWait: 1,
    publishedAt: facts.now.toISOString(),
  };
}

const over = (a: Activity, now: Date) => now.getTime() >= Date.parse(a.endsAt);

/**
 * A sign-up: a place while one is free, else the waiting list (at most `MAX_WAITING`). The activity's counters are
 * written with its version, so of two residents taking the last place at once one gets it and the other waits.
 */
export function signUp(
  a: Activity,
  existing: Seat | undefined,
  facts: { person: string; now: Date; ref: string },
): { activity: Activity; seat: Seat } | Refused<'activity-closed' | 'already-signed-up' | 'waiting-list-full'> {
  if (a.status !== 'open' || over(a, facts.now)) return refused('activity-closed');
  if (existing && ACTIVE.includes(existing.status)) return refused('already-signed-up', { status: existing.status });
  if (existing && existing.status !== 'cancelled') return refused('already-signed-up', { status: existing.status });
  const base = {
    activityId: a.activityId,
    village: a.village,
    person: facts.person,
    ref: existing?.ref ?? facts.ref,
    signedUpAt: facts.now.toISOString(),
  };
  if (a.confirmed < a.capacity) {
    return { activity: { ...a, confirmed: a.confirmed + 1 }, seat: { ...base, status: 'confirmed' } };
  }
  if (a.waiting >= MAX_WAITING) return refused('waiting-list-full');
  return {
    activity: { ...a, waiting: a.waiting + 1, nextWait: a.nextWait + 1 },
    seat: { ...base, status: 'waiting', waitSeq: a.nextWait },
  };
}

/**
 * A cancellation (the resident, or the organiser for them). A freed place goes to `firstWaiting` — the earliest on
 * the waiting list — in the same change.
 */
export function cancel(
  a: Activity,
  seat: Seat | undefined,
  firstWaiting: Seat | undefined,
  now: Date,
): { activity: Activity; seat: Seat; promoted?: Seat } | Refused<'activity-closed' | 'not-signed-up'> {
  if (a.status !== 'open' || over(a, now)) return refused('activity-closed');
  if (!seat || (seat.status !== 'confirmed' && seat.status !== 'waiting'))
    return refused('not-signed-up', { status: seat?.status ?? 'none' });
  const at = now.toISOString();
  const { waitSeq: _w, ...rest } = seat;
  const cancelled: Seat = { ...rest, status: 'cancelled', cancelledAt: at };
  if (seat.status === 'waiting') return { activity: { ...a, waiting: a.waiting - 1 }, seat: cancelled };
  if (!firstWaiting) return { activity: { ...a, confirmed: a.confirmed - 1 }, seat: cancelled };
  const { waitSeq: _p, ...up } = firstWaiting;
  return { activity: { ...a, waiting: a.waiting - 1 }, seat: cancelled, promoted: { ...up, status: 'confirmed', promotedAt: at } };
}

/** Check-in: a resident holding a place, from an hour before the start until the end. */
export function checkIn(
  a: Activity,
  seat: Seat | undefined,
  facts: { now: Date; by: 'organiser' | 'code' },
): Seat | Refused<'activity-closed' | 'check-in-not-open' | 'no-place' | 'already-checked-in'> {
  if (a.status !== 'open' || over(a, facts.now)) return refused('activity-closed');
  if (facts.now.getTime() < Date.parse(a.startsAt) - CHECK_IN_OPENS_MINUTES * 60_000)
    return refused('check-in-not-open', { opensAt: new Date(Date.parse(a.startsAt) - CHECK_IN_OPENS_MINUTES * 60_000).toISOString() });
  if (seat?.status === 'checked-in' || seat?.status === 'attended') return refused('already-checked-in', { status: seat.status });
  if (seat?.status !== 'confirmed') return refused('no-place', { status: seat?.status ?? 'none' });
  return { ...seat, status: 'checked-in', checkedInAt: facts.now.toISOString(), checkedInBy: facts.by };
}

/** Minutes that count: from check-in (not before the start) to check-out (not after the end), whole minutes. */
export function minutesServed(a: Pick<Activity, 'startsAt' | 'endsAt'>, checkedInAt: string, checkedOutAt: string): number {
  const from = Math.max(Date.parse(checkedInAt), Date.parse(a.startsAt));
  const to = Math.min(Date.parse(checkedOutAt), Date.parse(a.endsAt));
  return Math.max(0, Math.floor((to - from) / 60_000));
}

/** Hours of a number of minutes, as the ledger's units (points = ⌊points per hour × hours⌋). */
export const hoursOf = (minutes: number) => minutes / 60;

/** Check-out: a checked-in resident; the minutes served decide the points. */
export function checkOut(a: Activity, seat: Seat | undefined, now: Date): Seat | Refused<'not-checked-in' | 'already-checked-out'> {
  if (seat?.status === 'attended') return refused('already-checked-out');
  if (seat?.status !== 'checked-in' || !seat.checkedInAt) return refused('not-checked-in', { status: seat?.status ?? 'none' });
  const at = new Date(Math.min(now.getTime(), Date.parse(a.endsAt))).toISOString();
  const checkedOutAt = at < seat.checkedInAt ? seat.checkedInAt : at;
  return { ...seat, status: 'attended', checkedOutAt, minutes: minutesServed(a, seat.checkedInAt, checkedOutAt) };
}

/** Closing after the end: places never checked in are no-shows; those still checked in are checked out at the end. */
export function closeActivity(a: Activity, now: Date): Activity | Refused<'activity-not-over' | 'activity-closed'> {
  if (a.status === 'closed') return refused('activity-closed');
  if (!over(a, now)) return refused('activity-not-over', { endsAt: a.endsAt });
  return { ...a, status: 'closed', closedAt: now.toISOString() };
}

/** What closing makes of a seat: a no-show, a check-out at the end, or nothing. */
export function onClose(a: Activity, seat: Seat): { seat: Seat; as: 'no-show' | 'attended' } | undefined {
  if (seat.status === 'confirmed') return { seat: { ...seat, status: 'no-show' }, as: 'no-show' };
  if (seat.status === 'checked-in') {
    const done = checkOut(a, seat, new Date(a.endsAt));
    return 'refused' in done ? undefined : { seat: done, as: 'attended' };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The per-activity codes (签到码): HMAC-SHA256 of the activity and purpose under the activity's own secret, so a code
// cannot be guessed or made for another activity, and a check-in code does not check anyone out.
// ---------------------------------------------------------------------------------------------------------------

export type CodePurpose = 'check-in' | 'check-out';

export function codeFor(secret: string, activityId: string, purpose: CodePurpose): string {
  return createHmac('sha256', Buffer.from(secret, 'base64url')).update(`${purpose}:${activityId}`).digest('base64url');
}

export function codeMatches(secret: string, activityId: string, purpose: CodePurpose, code: string): boolean {
  const expected = Buffer.from(codeFor(secret, activityId, purpose));
  const given = Buffer.from(code);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
