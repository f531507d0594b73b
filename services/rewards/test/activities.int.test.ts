import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { advance, api, audited, clockNow, onBus, statement } from './support.ts';
import {
  cancelSignUpRoute,
  checkInRoute,
  checkOutRoute,
  closeActivityRoute,
  codesRoute,
  getActivityRoute,
  listActivitiesRoute,
  publishActivityRoute,
  rosterRoute,
  signUpRoute,
} from '../handlers/activities.ts';

/**
 * Volunteer activities end to end through the gateway (issue 12 item 6): publish → sign up (the last places raced,
 * a waiting list) → a cancellation promotes the first waiting → check-in by the organiser and by the scanned code
 * (raced) → check-out credits points once through the ledger → closing records the no-show → the public roster shows
 * opaque ids, masked names, hours and points.
 */
const V = demo.majiaqiao;
const organiser = 'p-majiaqiao-06'; // council member (一约四会)
const cadre = 'p-majiaqiao-01';
const volunteers = ['p-majiaqiao-07', 'p-majiaqiao-08', 'p-majiaqiao-09', 'p-majiaqiao-10', 'p-majiaqiao-11'];

async function bodyOf(over: Record<string, unknown> = {}) {
  const now = await clockNow();
  return {
    village: V,
    kind: 'after-school-class' as const,
    title: '四点半课堂：作业辅导',
    location: '村委会二楼活动室',
    startsAt: new Date(now.getTime() + 30 * 60_000).toISOString(),
    endsAt: new Date(now.getTime() + 150 * 60_000).toISOString(),
    capacity: 3,
    pointsPerHour: 3,
    ...over,
  };
}

const publishOne = async (over: Record<string, unknown> = {}) =>
  api.call(publishActivityRoute, { body: await bodyOf(over) }, { as: organiser });

describe('volunteer activities', () => {
  it('publish → sign up → waiting list → check-in → points → public roster', async () => {
    // Who may publish, and where.
    expect((await publishOne()).status).toBe(201);
    expect((await api.call(publishActivityRoute, { body: await bodyOf() }, { as: 'p-majiaqiao-07' })).status).toBe(403);
    const past = await publishOne({ startsAt: new Date((await clockNow()).getTime() - 3600_000).toISOString() });
    expect(past.body.code).toBe('activity-in-past');
    const group = await api.call(publishActivityRoute, { body: await bodyOf({ village: `${V}/g1` }) }, { as: cadre });
    expect(group.body.code).toBe('not-a-village');
    const township = api.official('t-qlp', 'township-official', demo.qiliping);
    // Township officials do not organise a village's activities; cadres and associations do.
    expect((await api.call(publishActivityRoute, { body: await bodyOf({ village: demo.qiliping }) }, { as: township })).status).toBe(403);
    const published = await publishOne();
    const id = published.body.activityId as string;
    expect(published.body).toMatchObject({ status: 'open', capacity: 3, confirmed: 0, waiting: 0 });
    expect(published.body).not.toHaveProperty('organiser');

    // The last places raced: five residents at once for three places; the others wait in a definite order.
    const signUps = await Promise.all(volunteers.map((p) => api.call(signUpRoute, { params: { activityId: id } }, { as: p })));
    expect(signUps.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const confirmed = signUps.filter((r) => r.body.status === 'confirmed').map((r) => r.body.person as string);
    const waiting = signUps.filter((r) => r.body.status === 'waiting').sort((a, b) => a.body.position! - b.body.position!);
    expect(confirmed).toHaveLength(3);
    expect(waiting.map((r) => r.body.position)).toEqual([1, 2]);
    const [first, second] = waiting.map((r) => r.body.person as string) as [string, string];
    const again = await api.call(signUpRoute, { params: { activityId: id } }, { as: confirmed[0]! });
    expect(again.body.code).toBe('already-signed-up');
    expect((await api.call(signUpRoute, { params: { activityId: id } }, { as: 'p-changsheng-07' })).status).toBe(403);
    const outsider = api.official('gw-visiting', 'grid-worker', V); // a role here, but not a registered resident
    expect((await api.call(signUpRoute, { params: { activityId: id } }, { as: outsider })).body.reason).toBe('not-a-resident-here');

    // A place freed: the first waiting takes it. Others cannot cancel someone else's sign-up.
    const [stays, noShow, leaves] = confirmed as [string, string, string];
    expect((await api.call(cancelSignUpRoute, { params: { activityId: id, person: leaves } }, { as: stays })).body.reason).toBe(
      'not-your-sign-up',
    );
    const cancelled = await api.call(cancelSignUpRoute, { params: { activityId: id, person: leaves } }, { as: leaves });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', promoted: true });
    expect((await api.call(cancelSignUpRoute, { params: { activityId: id, person: leaves } }, { as: leaves })).body.code).toBe(
      'not-signed-up',
    );
    const afterCancel = await api.call(getActivityRoute, { params: { activityId: id } });
    expect(afterCancel.body).toMatchObject({ confirmed: 3, waiting: 1 });

    // Codes: only the organiser (or a cadre) reads them; a wrong or other-purpose code checks nobody in.
    expect((await api.call(codesRoute, { params: { activityId: id } }, { as: 'p-majiaqiao-07' })).status).toBe(403);
    expect((await api.call(codesRoute, { params: { activityId: id } }, { as: 'p-majiaqiao-08' })).body.reason).toBe('not-the-organiser');
    const codes = (await api.call(codesRoute, { params: { activityId: id } }, { as: organiser })).body as {
      checkIn: string;
      checkOut: string;
    };
    expect((await api.call(codesRoute, { params: { activityId: id } }, { as: cadre })).body.checkIn).toBe(codes.checkIn);
    const forged = await api.call(
      checkInRoute,
      { params: { activityId: id }, body: { code: `${codes.checkIn.slice(0, -2)}AA` } },
      { as: stays },
    );
    expect(forged.body.reason).toBe('bad-code');
    expect((await api.call(checkInRoute, { params: { activityId: id }, body: { code: codes.checkOut } }, { as: stays })).body.reason).toBe(
      'bad-code',
    );
    expect((await api.call(checkInRoute, { params: { activityId: id }, body: { person: first } }, { as: stays })).body.reason).toBe(
      'not-the-organiser',
    );
    expect((await api.call(checkInRoute, { params: { activityId: id }, body: { code: codes.checkIn } }, { as: second })).body.code).toBe(
      'no-place',
    );

    // Double check-in raced: one succeeds, the rest are told it is done.
    const racing = await Promise.all(
      Array.from({ length: 6 }, () => api.call(checkInRoute, { params: { activityId: id }, body: { code: codes.checkIn } }, { as: stays })),
    );
    expect(racing.filter((r) => r.status === 201)).toHaveLength(1);
    expect(racing.filter((r) => r.status === 409).every((r) => r.body.code === 'already-checked-in')).toBe(true);
    expect(racing.filter((r) => r.status === 409)).toHaveLength(5);
    // The organiser checks in the promoted resident by name.
    expect((await api.call(checkInRoute, { params: { activityId: id }, body: { person: first } }, { as: organiser })).body.status).toBe(
      'checked-in',
    );
    expect((await api.call(checkOutRoute, { params: { activityId: id }, body: { person: noShow } }, { as: organiser })).body.code).toBe(
      'not-checked-in',
    );
    expect((await api.call(closeActivityRoute, { params: { activityId: id } }, { as: organiser })).body.code).toBe('activity-not-over');

    // 90 minutes in: the scanned check-out credits ⌊3 × 1.5⌋ = 4 points once, through the ledger.
    await advance('PT2H');
    const before = (await statement(stays)).balance;
    const out = await api.call(checkOutRoute, { params: { activityId: id }, body: { code: codes.checkOut } }, { as: stays });
    expect(out.status).toBe(201);
    expect(out.body).toMatchObject({ status: 'attended', minutes: 90, points: 4 });
    expect((await api.call(checkOutRoute, { params: { activityId: id }, body: { code: codes.checkOut } }, { as: stays })).body.code).toBe(
      'already-checked-out',
    );
    const s = await statement(stays);
    expect(s.balance - before).toBe(4);
    expect(s.entries.filter((e) => e.source === `activity:${id}:${stays}`)).toHaveLength(1);
    await audited(stays);

    // After the end the organiser closes it: the promoted resident leaves at the end (120 min, 6 points), the
    // confirmed one who never came is a no-show.
    await advance('PT1H');
    const closed = await api.call(closeActivityRoute, { params: { activityId: id } }, { as: organiser });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', totals: { attended: 2, noShows: 1, minutes: 210, points: 10, hours: 3.5 } });
    expect((await api.call(closeActivityRoute, { params: { activityId: id } }, { as: organiser })).body.code).toBe('activity-closed');
    expect((await api.call(signUpRoute, { params: { activityId: id } }, { as: 'p-majiaqiao-12' })).body.code).toBe('activity-closed');

    // The public roster: no token, opaque ids, masked names, hours and points.
    const roster = await api.call(rosterRoute, { params: { activityId: id } });
    expect(roster.status).toBe(200);
    const items = roster.body.items as { ref: string; name: string; status: string; minutes?: number; points?: number }[];
    expect(items).toHaveLength(5);
    expect(items.every((i) => !i.ref.startsWith('p-') && i.name.includes('*'))).toBe(true);
    expect(JSON.stringify(roster.body)).not.toMatch(/p-majiaqiao/);
    expect(items.map((i) => i.status).sort()).toEqual(['attended', 'attended', 'cancelled', 'no-show', 'waiting']);
    expect(
      items
        .filter((i) => i.status === 'attended')
        .map((i) => [i.minutes, i.points])
        .sort(),
    ).toEqual([
      [120, 6],
      [90, 4],
    ]);
    expect(roster.body.totals).toMatchObject({ attended: 2, noShows: 1, hours: 3.5, points: 10 });

    // Events: each attendance once, each credit once with the activity as its source.
    await onBus('VolunteerAttended', (d: { activityId: string }) => d.activityId === id, 2);
    await onBus('VolunteerNoShow', (d: { activityId: string }) => d.activityId === id, 1);
    await onBus('PointsCredited', (d: { source: string }) => d.source.startsWith(`activity:${id}:`), 2);
  });

  it('lists a village’s activities a page at a time; a township is refused with the parameter to use', async () => {
    const list = await api.call(listActivitiesRoute, { query: { village: V, limit: 1 } });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.cursor).toBeDefined();
    const township = await api.call(listActivitiesRoute, { query: { village: demo.qiliping } });
    expect(township.status).toBe(422);
    expect(township.body).toMatchObject({ code: 'list-needs-a-village', parameter: 'village' });
  });
});
