import { randomBytes } from 'node:crypto';
import {
  VolunteerActivityClosed,
  VolunteerActivityPublished,
  VolunteerAttended,
  VolunteerCheckedIn,
  VolunteerNoShow,
  VolunteerSignUpCancelled,
  VolunteerSignedUp,
  isRefused,
} from '@cocreate/contracts';
import { type RouteContext, type UnitOfWork, newId, problems } from '@cocreate/kernel';
import {
  type Activity,
  type CodePurpose,
  type PublishActivity,
  type Seat,
  cancel,
  checkIn,
  checkOut,
  closeActivity,
  codeFor,
  codeMatches,
  hoursOf,
  onClose,
  publish,
  signUp,
} from '../domain/activities.ts';
import { activities, seats, waitingList } from '../repos/activities.ts';
import { holdsAny, listedVillage, namesOf, refuse, refuseFields, settled } from './common.ts';
import { posting } from './points.ts';
import { creditActivity } from './posting.ts';

/**
 * Volunteer and mutual-aid activities (志愿服务): publish, sign up (waiting list when full), cancel (the first waiting
 * takes the place), check in and out (by the organiser or the activity's signed code), close (no-shows), and the
 * public roster. Points go through the ledger once per attendance (source `activity:<id>:<person>`).
 */

type Stored = Activity & { organiser: string };

const activityOnce = (ctx: RouteContext, id: string) => ctx.once(`activity:${id}`, () => activities.get(ctx.table, id));

/** The village of an activity (the routes' place check). */
export const activityVillage = async (id: string, ctx: RouteContext): Promise<string | undefined> =>
  (await activityOnce(ctx, id))?.value.village;

async function load(ctx: RouteContext, id: string) {
  const found = await activityOnce(ctx, id);
  if (!found) throw problems.notFound({ zh: '该活动', en: 'The activity' });
  return found;
}

/** The public face of an activity: who organised it is not a person id on a public page. */
const publicView = ({ organiser: _o, ...a }: Stored): Activity => a;

/** The organiser, or a cadre of the activity's village. */
const manages = (ctx: RouteContext, a: Stored) => a.organiser === ctx.actor.sub || holdsAny(ctx.identity, ['cadre'], a.village);

export async function publishActivity(cmd: PublishActivity, ctx: RouteContext): Promise<Activity> {
  const kind = (await ctx.register.place(cmd.village))?.kind;
  if (kind !== 'village' && kind !== 'community') throw refuse('not-a-village', {}, '/village');
  const a = publish(cmd, { activityId: newId(), now: ctx.now() });
  if (isRefused(a)) throw refuse(a.refused, {}, '/startsAt');
  const stored: Stored = { ...a, organiser: ctx.actor.sub };
  activities.save(ctx.tx, stored, undefined);
  activities.createSecret(ctx.tx, a.activityId, randomBytes(32).toString('base64url'));
  ctx.tx.emit(
    VolunteerActivityPublished,
    {
      activityId: a.activityId,
      village: a.village,
      kind: a.kind,
      title: a.title,
      location: a.location,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      capacity: a.capacity,
      pointsPerHour: a.pointsPerHour,
      organiser: stored.organiser,
    },
    { place: a.village },
  );
  return a;
}

export async function listActivities(query: { village: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  await listedVillage(ctx, query.village);
  const page = await activities.page(ctx.table, query.village, query);
  return { items: page.items.map(publicView), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

export async function activityOf(id: string, ctx: RouteContext) {
  const a = (await load(ctx, id)).value;
  const totals = await activities.totals(ctx.table, id);
  return { ...publicView(a), totals: { ...totals, hours: Math.round(hoursOf(totals.minutes) * 100) / 100 } };
}

const answer = (seat: Seat, position?: number) => ({
  activityId: seat.activityId,
  person: seat.person,
  status: seat.status,
  ...(position ? { position } : {}),
});

/** A resident signs themselves up: a place while one is free, else the waiting list. */
export async function signUpFor(id: string, ctx: RouteContext) {
  const { value: a, version } = await load(ctx, id);
  const me = await ctx.register.person(ctx.actor.sub);
  if (me?.village !== a.village) throw refuse('not-a-resident-here');
  const existing = await seats.get(ctx.table, id, ctx.actor.sub);
  const decided = settled(signUp(a, existing?.value, { person: ctx.actor.sub, now: ctx.now(), ref: newId() }));
  activities.save(ctx.tx, { ...decided.activity, organiser: a.organiser }, version);
  seats.save(ctx.tx, decided.seat, existing?.version);
  const waiting = decided.seat.status === 'waiting';
  if (waiting) waitingList.add(ctx.tx, id, decided.seat.waitSeq!, ctx.actor.sub);
  // Everyone ahead on the list is still waiting (a cancelled waiter leaves the count): the new count is the position.
  const position = waiting ? decided.activity.waiting : undefined;
  ctx.tx.emit(
    VolunteerSignedUp,
    {
      activityId: id,
      village: a.village,
      person: ctx.actor.sub,
      status: waiting ? 'waiting' : 'confirmed',
      ...(position ? { position } : {}),
    },
    { place: a.village },
  );
  return answer(decided.seat, position);
}

/** A sign-up is cancelled by the resident (or the organiser for them); a freed place goes to the first waiting. */
export async function cancelSignUp(id: string, person: string, ctx: RouteContext) {
  const { value: a, version } = await load(ctx, id);
  if (person !== ctx.actor.sub && !manages(ctx, a)) throw refuse('not-your-sign-up');
  const seat = await seats.get(ctx.table, id, person);
  const first = seat?.value.status === 'confirmed' ? await waitingList.first(ctx.table, id) : undefined;
  const next = first ? await seats.get(ctx.table, id, first.person) : undefined;
  const decided = settled(cancel(a, seat?.value, next?.value, ctx.now()));
  activities.save(ctx.tx, { ...decided.activity, organiser: a.organiser }, version);
  seats.save(ctx.tx, decided.seat, seat!.version);
  if (seat!.value.status === 'waiting') waitingList.remove(ctx.tx, id, seat!.value.waitSeq!);
  if (decided.promoted) {
    seats.save(ctx.tx, decided.promoted, next!.version);
    waitingList.remove(ctx.tx, id, first!.seq);
  }
  ctx.tx.emit(
    VolunteerSignUpCancelled,
    { activityId: id, village: a.village, person, ...(decided.promoted ? { promoted: decided.promoted.person } : {}) },
    { place: a.village },
  );
  return { ...answer(decided.seat), promoted: !!decided.promoted };
}

/**
 * Who a check-in or check-out is for: with a code, the caller themselves (the code must be this activity's for that
 * purpose); without, a person named by the organiser (or a cadre of the village).
 */
async function attendee(
  a: Stored,
  body: { person?: string | undefined; code?: string | undefined },
  purpose: CodePurpose,
  ctx: RouteContext,
) {
  if (body.code !== undefined) {
    const secret = await activities.secret(ctx.table, a.activityId);
    if (!secret || !codeMatches(secret, a.activityId, purpose, body.code)) throw refuse('bad-code');
    return { person: ctx.actor.sub, by: 'code' as const };
  }
  if (!manages(ctx, a)) throw refuse('not-the-organiser');
  if (!body.person)
    throw refuseFields('not-the-organiser', [
      {
        in: 'body',
        pointer: '/person',
        rule: 'required',
        message: { zh: '组织者签到须注明居民，或由居民扫码', en: 'name the person, or let them scan the code' },
      },
    ]);
  return { person: body.person, by: 'organiser' as const };
}

export async function checkInTo(id: string, body: { person?: string | undefined; code?: string | undefined }, ctx: RouteContext) {
  const { value: a } = await load(ctx, id);
  const who = await attendee(a, body, 'check-in', ctx);
  const seat = await seats.get(ctx.table, id, who.person);
  const next = settled(checkIn(a, seat?.value, { now: ctx.now(), by: who.by }));
  seats.save(ctx.tx, next, seat!.version);
  ctx.tx.emit(
    VolunteerCheckedIn,
    { activityId: id, village: a.village, person: who.person, at: next.checkedInAt!, by: who.by },
    { place: a.village },
  );
  return answer(next);
}

/** Records an attendance on `tx`: the seat, the points (once per person and activity), the totals and the event. */
async function recordAttendance(ctx: RouteContext, tx: UnitOfWork, a: Stored, done: Seat, version: number) {
  const out = await creditActivity(
    { ...posting(ctx), tx },
    {
      person: done.person,
      village: a.village,
      activity: 'volunteering',
      units: hoursOf(done.minutes ?? 0),
      pointsPerUnit: a.pointsPerHour,
      source: `activity:${a.activityId}:${done.person}`,
      occurredAt: done.checkedInAt!,
      note: a.title,
    },
  );
  const points = out.outcome === 'credited' ? out.entry.points : out.outcome === 'duplicate' ? (out.previous.points ?? 0) : 0;
  const outcome = out.outcome === 'duplicate' ? 'credited' : out.outcome;
  const seat: Seat = { ...done, points, outcome };
  seats.save(tx, seat, version);
  activities.addTotals(tx, a.activityId, { attended: 1, minutes: seat.minutes ?? 0, points });
  tx.emit(
    VolunteerAttended,
    {
      activityId: a.activityId,
      village: a.village,
      person: seat.person,
      checkedInAt: seat.checkedInAt!,
      checkedOutAt: seat.checkedOutAt!,
      minutes: seat.minutes ?? 0,
      points,
      outcome,
    },
    { place: a.village },
  );
  return seat;
}

export async function checkOutOf(id: string, body: { person?: string | undefined; code?: string | undefined }, ctx: RouteContext) {
  const { value: a } = await load(ctx, id);
  const who = await attendee(a, body, 'check-out', ctx);
  const seat = await seats.get(ctx.table, id, who.person);
  const done = settled(checkOut(a, seat?.value, ctx.now()));
  const recorded = await recordAttendance(ctx, ctx.tx, a, done, seat!.version);
  return { ...answer(recorded), minutes: recorded.minutes ?? 0, points: recorded.points ?? 0 };
}

/** The organiser's codes to show as QR codes at the door: one to check in, one to check out. */
export async function codesOf(id: string, ctx: RouteContext) {
  const { value: a } = await load(ctx, id);
  if (!manages(ctx, a)) throw refuse('not-the-organiser');
  const secret = (await activities.secret(ctx.table, id))!;
  return { activityId: id, checkIn: codeFor(secret, id, 'check-in'), checkOut: codeFor(secret, id, 'check-out') };
}

/**
 * Closes an activity after its end: each place never checked in becomes a no-show, each still checked in is checked
 * out at the end and credited — one seat per unit of work (a redelivered close finishes what is missing), then the
 * activity itself.
 */
export async function closeIt(id: string, ctx: RouteContext) {
  const { value: a, version } = await load(ctx, id);
  if (!manages(ctx, a)) throw refuse('not-the-organiser');
  const closed = settled(closeActivity(a, ctx.now()));
  let cursor: string | undefined;
  do {
    const page = await seats.page(ctx.table, id, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const s of page.items) {
      if (!onClose(a, s)) continue;
      await ctx.unit(async (tx) => {
        const fresh = await seats.get(ctx.table, id, s.person);
        const step = fresh && onClose(a, fresh.value);
        if (!step) return;
        if (step.as === 'attended') {
          await recordAttendance(ctx, tx, a, step.seat, fresh.version);
          return;
        }
        seats.save(tx, step.seat, fresh.version);
        activities.addTotals(tx, id, { noShows: 1 });
        tx.emit(VolunteerNoShow, { activityId: id, village: a.village, person: s.person }, { place: a.village });
      });
    }
    cursor = page.cursor;
  } while (cursor);
  const totals = await activities.totals(ctx.table, id);
  activities.save(ctx.tx, { ...closed, organiser: a.organiser }, version);
  ctx.tx.emit(
    VolunteerActivityClosed,
    { activityId: id, village: a.village, attended: totals.attended, noShows: totals.noShows, minutes: totals.minutes },
    { place: a.village },
  );
  return {
    ...publicView({ ...closed, organiser: a.organiser }),
    totals: { ...totals, hours: Math.round(hoursOf(totals.minutes) * 100) / 100 },
  };
}

/** The public roster (公示): each sign-up's opaque id, masked name, status, minutes and points — never a person id. */
export async function rosterOf(id: string, query: { limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  const a = (await load(ctx, id)).value;
  const [page, totals] = await Promise.all([seats.page(ctx.table, id, query), activities.totals(ctx.table, id)]);
  const names = await namesOf(
    ctx.register,
    page.items.map((s) => s.person),
  );
  const items = page.items.map((s) => ({
    ref: s.ref,
    name: names.get(s.person) ?? '*',
    status: s.status,
    ...(s.waitSeq !== undefined && s.status === 'waiting' ? { waitingOrder: s.waitSeq } : {}),
    ...(s.minutes !== undefined ? { minutes: s.minutes, hours: Math.round(hoursOf(s.minutes) * 100) / 100 } : {}),
    ...(s.points !== undefined ? { points: s.points } : {}),
  }));
  return {
    activity: publicView(a),
    totals: { ...totals, hours: Math.round(hoursOf(totals.minutes) * 100) / 100 },
    items,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}
