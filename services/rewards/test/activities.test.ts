import { describe, expect, it } from 'vitest';
import {
  type Activity,
  type Seat,
  MAX_WAITING,
  cancel,
  checkIn,
  checkOut,
  closeActivity,
  codeFor,
  codeMatches,
  minutesServed,
  onClose,
  publish,
  signUp,
} from '../domain/activities.ts';

const t0 = new Date('2026-05-12T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const base = {
  village: 'v',
  kind: 'after-school-class' as const,
  title: '四点半课堂',
  location: '活动室',
  startsAt: at(60).toISOString(),
  endsAt: at(180).toISOString(),
  capacity: 2,
  pointsPerHour: 3,
};
const open = publish(base, { activityId: 'A', now: t0 }) as Activity;

function seatOf(a: Activity, person: string, existing?: Seat) {
  const r = signUp(a, existing, { person, now: t0, ref: `r-${person}` });
  if ('refused' in r) throw new Error(r.refused);
  return r;
}

describe('volunteer activities', () => {
  it('publishes only in the future', () => {
    expect(publish(base, { activityId: 'A', now: at(61) })).toMatchObject({ refused: 'activity-in-past' });
    expect(open).toMatchObject({ status: 'open', confirmed: 0, waiting: 0, nextWait: 1 });
  });

  it('gives places while free, then the waiting list in order; a second sign-up is refused', () => {
    const s1 = seatOf(open, 'p1');
    const s2 = seatOf(s1.activity, 'p2');
    const s3 = seatOf(s2.activity, 'p3');
    const s4 = seatOf(s3.activity, 'p4');
    expect([s1, s2, s3, s4].map((s) => s.seat.status)).toEqual(['confirmed', 'confirmed', 'waiting', 'waiting']);
    expect([s3.seat.waitSeq, s4.seat.waitSeq]).toEqual([1, 2]);
    expect(s4.activity).toMatchObject({ confirmed: 2, waiting: 2, nextWait: 3 });
    expect(signUp(s4.activity, s1.seat, { person: 'p1', now: t0, ref: 'x' })).toMatchObject({ refused: 'already-signed-up' });
    const full = { ...s4.activity, waiting: MAX_WAITING };
    expect(signUp(full, undefined, { person: 'p9', now: t0, ref: 'x' })).toMatchObject({ refused: 'waiting-list-full' });
    expect(signUp(open, undefined, { person: 'p9', now: at(180), ref: 'x' })).toMatchObject({ refused: 'activity-closed' });
  });

  it('a cancelled place goes to the first waiting; a waiting cancel only shortens the list; a cancelled seat may sign up again', () => {
    const s1 = seatOf(open, 'p1');
    const s2 = seatOf(s1.activity, 'p2');
    const s3 = seatOf(s2.activity, 'p3');
    const c = cancel(s3.activity, s1.seat, s3.seat, t0);
    if ('refused' in c) throw new Error(c.refused);
    expect(c.seat.status).toBe('cancelled');
    expect(c.promoted).toMatchObject({ person: 'p3', status: 'confirmed' });
    expect(c.activity).toMatchObject({ confirmed: 2, waiting: 0 });
    expect(cancel(c.activity, c.seat, undefined, t0)).toMatchObject({ refused: 'not-signed-up' });
    const again = seatOf(c.activity, 'p1', c.seat);
    expect(again.seat).toMatchObject({ status: 'waiting', ref: 'r-p1' });
    const w = cancel(again.activity, again.seat, undefined, t0);
    expect(w).toMatchObject({ activity: { confirmed: 2, waiting: 0 }, seat: { status: 'cancelled' } });
    expect((w as { promoted?: Seat }).promoted).toBeUndefined();
  });

  it('checks in a place holder from an hour before the start, once; checks out with the minutes inside the activity', () => {
    const { seat } = seatOf(open, 'p1');
    expect(checkIn(open, seat, { now: at(-1), by: 'code' })).toMatchObject({ refused: 'check-in-not-open' });
    expect(checkIn(open, undefined, { now: at(30), by: 'code' })).toMatchObject({ refused: 'no-place' });
    expect(checkOut(open, seat, at(90))).toMatchObject({ refused: 'not-checked-in' });
    const inside = checkIn(open, seat, { now: at(30), by: 'code' }) as Seat;
    expect(inside.status).toBe('checked-in');
    expect(checkIn(open, inside, { now: at(31), by: 'code' })).toMatchObject({ refused: 'already-checked-in' });
    const out = checkOut(open, inside, at(150)) as Seat;
    expect(out).toMatchObject({ status: 'attended', minutes: 90 });
    expect(checkOut(open, out, at(151))).toMatchObject({ refused: 'already-checked-out' });
    expect(minutesServed(open, at(70).toISOString(), at(500).toISOString())).toBe(110);
  });

  it('closes only after the end: places never checked in are no-shows, those still in leave at the end', () => {
    expect(closeActivity(open, at(179))).toMatchObject({ refused: 'activity-not-over' });
    const closed = closeActivity(open, at(181)) as Activity;
    expect(closed.status).toBe('closed');
    expect(closeActivity(closed, at(182))).toMatchObject({ refused: 'activity-closed' });
    const { seat } = seatOf(open, 'p1');
    expect(onClose(open, seat)).toMatchObject({ as: 'no-show', seat: { status: 'no-show' } });
    const inside = checkIn(open, seat, { now: at(0), by: 'organiser' }) as Seat;
    expect(onClose(open, inside)).toMatchObject({ as: 'attended', seat: { minutes: 120 } });
    expect(onClose(open, { ...seat, status: 'cancelled' })).toBeUndefined();
  });

  it('codes are signed per activity and purpose and cannot be guessed', () => {
    const secret = Buffer.alloc(32, 7).toString('base64url');
    const code = codeFor(secret, 'A', 'check-in');
    expect(codeMatches(secret, 'A', 'check-in', code)).toBe(true);
    expect(codeMatches(secret, 'A', 'check-out', code)).toBe(false);
    expect(codeMatches(secret, 'B', 'check-in', code)).toBe(false);
    expect(codeMatches(Buffer.alloc(32, 8).toString('base64url'), 'A', 'check-in', code)).toBe(false);
    expect(codeMatches(secret, 'A', 'check-in', `${code.slice(0, -1)}x`)).toBe(false);
    expect(codeMatches(secret, 'A', 'check-in', '')).toBe(false);
  });
});
