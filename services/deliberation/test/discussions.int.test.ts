import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import type { RouteBody } from '@cocreate/local/testing';
import { api, cadreOf, draftPlan, evidence, eventuallyOnBus, head } from './helpers.ts';
import { draftPlan as draftPlanRoute, getDiscussion, getPlan, getPlanVersion, holdDiscussion, listDiscussions } from '../handlers/plans.ts';
import { getCandidate, listCandidate, supportCandidate } from '../handlers/lists.ts';
import { raiseNeed, triageNeed } from '../handlers/needs.ts';

/** 枫树村: draft plans and three-party discussions (三方议). */
const v = demo.fengshu;
const cadre = cadreOf(v);

type Discussion = RouteBody<typeof holdDiscussion>;
const session = (
  planId: string,
  basedOnVersion: number,
  extra: Pick<Discussion, 'minutes' | 'revision'> & Partial<Discussion>,
): Discussion => ({
  planId,
  basedOnVersion,
  heldAt: '2026-03-02T09:00:00+08:00',
  location: '村委会议室',
  attendees: [
    { name: '镇建设办主任', organisation: '龟山镇人民政府', party: 'government' },
    { name: '规划师', organisation: '帮扶团队', party: 'society' },
    { person: head(v, 4), party: 'residents' },
    { person: head(v, 6), party: 'residents' },
    { person: 'p-majiaqiao-03', party: 'residents' },
  ],
  positions: [
    { party: 'government', text: '可申请以奖代补' },
    { party: 'society', speaker: '规划师', text: '排水沟宜加宽至 60 厘米' },
    { party: 'residents', text: '希望先修二组' },
  ],
  ...extra,
});

describe('draft plans (预案)', () => {
  it('cadres draft within their village, benefiting its households', async () => {
    const plan = await draftPlan(v);
    expect(plan).toMatchObject({ currentVersion: 1, current: { version: 1, budget: 48_000_000 }, versions: [{ version: 1 }] });
    const valid: RouteBody<typeof draftPlanRoute> = {
      village: v,
      title: '健身广场',
      description: '',
      category: 'fitness',
      builder: 'residents',
      budget: 0,
      beneficiaries: [],
      place: v,
    };
    const byResident = await api.call(draftPlanRoute, { body: valid }, { as: head(v, 9) });
    expect(byResident.status).toBe(403);
    const badBeneficiary = await api.call(
      draftPlanRoute,
      {
        body: {
          village: v,
          title: 't',
          description: '',
          category: 'roads',
          builder: 'residents',
          budget: 0,
          beneficiaries: [`${demo.majiaqiao}/g1/h01`],
          place: v,
        },
      },
      { as: cadre },
    );
    expect(badBeneficiary.status).toBe(422);
    expect(badBeneficiary.body).toMatchObject({ code: 'beneficiary-not-a-household', errors: [{ pointer: '/beneficiaries/0' }] });
    const badMoney = await api.call(
      draftPlanRoute,
      {
        body: {
          village: v,
          title: 't',
          description: '',
          category: 'roads',
          builder: 'residents',
          budget: 12.5,
          beneficiaries: [],
          place: v,
        },
      },
      { as: cadre },
    );
    expect(badMoney.status).toBe(422);
    expect(badMoney.body.errors![0]!.pointer).toBe('/budget');
  });
});

describe('a three-party discussion', () => {
  it('records parties, attendees, positions, minutes and photos, and yields the plan’s next version; every version is kept', async () => {
    const plan = await draftPlan(v);
    const minutes = await evidence(v, 'minutes.pdf', 'application/pdf');
    const photo = await evidence(v, 'meeting.jpg', 'image/jpeg');
    const res = await api.call(
      holdDiscussion,
      {
        body: session(plan.planId, 1, {
          minutes,
          photos: [photo],
          revision: { budget: 52_000_000, builder: 'contractor', contractor: '麻城市路桥公司', changeNote: '加宽排水沟' },
        }),
      },
      { as: cadre },
    );
    expect(res.status).toBe(201);
    expect(res.body.plan).toMatchObject({
      version: 2,
      budget: 52_000_000,
      builder: 'contractor',
      title: plan.current.title,
      changeNote: '加宽排水沟',
    });
    expect(res.body.discussion).toMatchObject({
      parties: ['government', 'society', 'residents'],
      residentAttendees: [head(v, 4), head(v, 6)],
      otherAttendees: 3,
      minutes: { key: minutes.key, contentType: 'application/pdf' },
      photos: [{ key: photo.key, contentType: 'image/jpeg' }],
    });
    const [held] = await eventuallyOnBus('DiscussionHeld', (d) => d.sessionId === res.body.discussion.sessionId);
    expect(held!.detail.data).toMatchObject({
      planId: plan.planId,
      planVersion: 2,
      residentAttendees: [head(v, 4), head(v, 6)],
      otherAttendees: 3,
    });

    const now = await api.call(getPlan, { params: { planId: plan.planId } }, { as: head(v, 9) });
    expect(now.body).toMatchObject({ currentVersion: 2, current: { version: 2, budget: 52_000_000 } });
    expect(now.body.versions.map((x: { version: number }) => x.version)).toEqual([1, 2]);
    const v1 = await api.call(getPlanVersion, { params: { planId: plan.planId, version: '1' } }, { as: head(v, 9) });
    expect(v1.body).toMatchObject({ version: 1, budget: 48_000_000, builder: 'cooperative' });
    const d = await api.call(getDiscussion, { params: { sessionId: res.body.discussion.sessionId } }, { as: head(v, 9) });
    expect(d.body.links.minutes).toMatch(/^http/);
    const minutesFile = await fetch(d.body.links.minutes);
    expect(minutesFile.status).toBe(200);
    const all = await api.call(listDiscussions, { params: { planId: plan.planId } }, { as: head(v, 9) });
    expect(all.body.items).toHaveLength(1);

    // A second session on the old version is stale: the plan moved on.
    const stale = await api.call(
      holdDiscussion,
      { body: session(plan.planId, 1, { minutes, revision: { budget: 1, changeNote: 'x' } }) },
      { as: cadre },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale-plan-version', currentVersion: 2 });
  });

  it('needs all three parties, evidence that was uploaded to this village, and a cadre', async () => {
    const plan = await draftPlan(v);
    const minutes = await evidence(v);
    const noSociety = await api.call(
      holdDiscussion,
      {
        body: session(plan.planId, 1, {
          minutes,
          attendees: [
            { name: '镇干部', party: 'government' },
            { person: head(v, 4), party: 'residents' },
          ],
          revision: { changeNote: 'x' },
        }),
      },
      { as: cadre },
    );
    expect(noSociety.status).toBe(422);
    expect(noSociety.body.code).toBe('parties-missing');

    const never = await api.call(
      holdDiscussion,
      { body: session(plan.planId, 1, { minutes: { key: `${minutes.key}-missing` }, revision: { changeNote: 'x' } }) },
      { as: cadre },
    );
    expect(never.status).toBe(422);
    expect(never.body).toMatchObject({ code: 'evidence-missing', errors: [{ pointer: '/minutes' }] });

    const otherVillage = await evidence(demo.majiaqiao);
    const elsewhere = await api.call(
      holdDiscussion,
      { body: session(plan.planId, 1, { minutes: otherVillage, revision: { changeNote: 'x' } }) },
      { as: cadre },
    );
    expect(elsewhere.body.code).toBe('evidence-outside-place');

    const byResident = await api.call(
      holdDiscussion,
      { body: session(plan.planId, 1, { minutes, revision: { changeNote: 'x' } }) },
      {
        as: head(v, 9),
      },
    );
    expect(byResident.status).toBe(403);
    // None of it wrote anything: the plan is still at version 1.
    expect((await api.call(getPlan, { params: { planId: plan.planId } }, { as: cadre })).body.currentVersion).toBe(1);
  });

  it('a plan drafted for a candidate item takes it off the menu', async () => {
    const need = await api.call(
      raiseNeed,
      { body: { place: v, category: 'greening', channel: 'evening-talk', text: '想要一个小公园' } },
      { as: head(v, 8) },
    );
    await api.call(triageNeed, { params: { needId: need.body.needId }, body: { action: 'accept' } }, { as: cadre });
    const c = await api.call(
      listCandidate,
      { body: { village: v, title: '口袋公园', category: 'greening', needIds: [need.body.needId] } },
      { as: cadre },
    );
    const plan = await draftPlan(v, { candidateId: c.body.candidateId, category: 'greening' });
    expect(plan.candidateId).toBe(c.body.candidateId);
    const item = await api.call(getCandidate, { params: { candidateId: c.body.candidateId } }, { as: cadre });
    expect(item.body).toMatchObject({ status: 'planned', planId: plan.planId });
    const late = await api.call(supportCandidate, { params: { candidateId: c.body.candidateId } }, { as: head(v, 9) });
    expect(late.body.code).toBe('candidate-closed');
  });
});
