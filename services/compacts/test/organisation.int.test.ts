import { describe, expect, it } from 'vitest';
import { maskName } from '@cocreate/places';
import { demo } from '@cocreate/places/seed';
import { demoDirectory } from '@cocreate/places/directory';
import { type Caller, type RouteBody } from '@cocreate/local/testing';
import { api, busEvents, eventsEventually } from './helpers.ts';
import {
  assignDutyRoute,
  getDutyHistoryRoute,
  getOrganisationRoute,
  getOrgUnitHistoryRoute,
  listCouncilsRoute,
  listDutiesRoute,
  setOrgUnitRoute,
} from '../handlers/organisation.ts';

const V = demo.majiaqiao;
const cadre = 'p-majiaqiao-01';
const township = api.official('t-qiliping-1', 'township-official', demo.qiliping);
const R = '村民代表会议决定';

describe('一约四会', () => {
  it('lists the four councils with members from the places data, names masked; the morality council hears appeals', async () => {
    const res = await api.call(listCouncilsRoute, { query: { village: V } }, { as: 'p-majiaqiao-07' });
    expect(res.status).toBe(200);
    expect(res.body.councils.map((c: any) => c.kind)).toEqual([
      'deliberation-council',
      'weddings-funerals-council',
      'anti-drug-gambling-council',
      'morality-review-council',
    ]);
    const morality = res.body.councils.find((c: any) => c.kind === 'morality-review-council');
    expect(morality!.hearsAppeals).toBe(true);
    expect(morality!.members).toEqual(
      ['p-majiaqiao-06', 'p-majiaqiao-08', 'p-majiaqiao-10'].map((p) => ({ person: p, name: maskName(demoDirectory.person(p)!.name) })),
    );
    expect((await api.call(listCouncilsRoute, { query: { village: V } }, { as: 'p-changsheng-07' })).status).toBe(403);
  });
});

describe('门前三包 duties', () => {
  it('a cadre assigns a household its duties and stretch; the head answers for them; others cannot assign', async () => {
    const h03 = `${V}/g1/h03`;
    const res = await api.call(
      assignDutyRoute,
      { body: { reason: R, household: h03, stretch: '门前至村道 20 米及东侧绿化带' } },
      { as: cadre },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ household: h03, person: 'p-majiaqiao-03', items: ['sanitation', 'order', 'greenery'] });
    const ev = await eventsEventually('DutyAssigned', (d) => d.dutyId === res.body.dutyId);
    expect(ev[0].detail.data).toMatchObject({
      village: V,
      household: h03,
      person: 'p-majiaqiao-03',
      stretch: '门前至村道 20 米及东侧绿化带',
    });
    expect((await api.call(assignDutyRoute, { body: { reason: R, household: h03, stretch: 'x' } }, { as: 'p-majiaqiao-07' })).status).toBe(
      403,
    );
    expect(
      (await api.call(assignDutyRoute, { body: { reason: R, household: `${demo.changsheng}/g1/h03`, stretch: 'x' } }, { as: cadre }))
        .status,
    ).toBe(403);
    expect(
      // raw: invalid input on purpose
      (await api.post('/compacts/duties', { reason: R, household: h03, stretch: '', items: ['cleaning'] }, { as: cadre })).status,
    ).toBe(422);
    const list = await api.call(listDutiesRoute, { query: { village: V } }, { as: 'p-majiaqiao-07' });
    expect(list.body.items.find((d: any) => d.household === h03)!.stretch).toBe('门前至村道 20 米及东侧绿化带');
  });

  it('three cadres re-assigning at once: every assignment counts, none is lost', async () => {
    const h10 = `${V}/g2/h10`;
    const before =
      (await api.call(listDutiesRoute, { query: { village: V } }, { as: cadre })).body.items.find((d: any) => d.household === h10)
        ?.revision ?? 0;
    const all = await Promise.all(
      ['p-majiaqiao-01', 'p-majiaqiao-02', 'p-majiaqiao-03'].map((c, i) =>
        api.call(assignDutyRoute, { body: { reason: R, household: h10, stretch: `门前 ${i + 1}0 米`, items: ['sanitation'] } }, { as: c }),
      ),
    );
    expect(all.map((r) => r.status)).toEqual([200, 200, 200]);
    const after = (await api.call(listDutiesRoute, { query: { village: V } }, { as: cadre })).body.items.find(
      (d: any) => d.household === h10,
    );
    expect(after!.revision).toBe(before + 3);
    const ids = all.map((r) => r.body.dutyId);
    await eventsEventually('DutyAssigned', (d) => ids.includes(d.dutyId), 3);
    expect(await busEvents('DutyAssigned', (d) => ids.includes(d.dutyId))).toHaveLength(3);
  });
});

describe('the four-level organisation (四级组织体系)', () => {
  it('each level has its area and matters, set by those in charge of it, shown top-down', async () => {
    const committee = await api.call(
      setOrgUnitRoute,
      {
        body: {
          level: 'township-committee',
          place: demo.qiliping,
          leader: 't-secretary',
          area: '七里坪镇全域',
          matters: ['统筹共同缔造', '督导各村'],
          reason: R,
        },
      },
      { as: township },
    );
    expect(committee.status).toBe(200);
    expect(
      (
        await api.call(
          setOrgUnitRoute,
          { body: { level: 'township-committee', place: demo.qiliping, leader: 'x', area: 'x', matters: ['x'], reason: R } },
          { as: cadre },
        )
      ).status,
    ).toBe(403);

    type Unit = RouteBody<typeof setOrgUnitRoute>;
    const unit = (level: Unit['level'], place: string, leader: string, extra: Partial<Unit> = {}) =>
      api.call(
        setOrgUnitRoute,
        { body: { level, place, leader, area: `${place} 范围`, matters: ['环境卫生', '公共空间管护'], reason: R, ...extra } },
        { as: cadre },
      );
    expect((await unit('village-branch', V, 'p-majiaqiao-01')).status).toBe(200);
    expect((await unit('group-cell', `${V}/g1`, 'p-majiaqiao-03')).status).toBe(200);
    expect(
      (await unit('central-household', `${V}/g1/h04`, 'p-majiaqiao-04', { linkedHouseholds: [`${V}/g1/h05`, `${V}/g1/h06`] })).status,
    ).toBe(200);

    const notParty = await unit('group-cell', `${V}/g2`, 'p-majiaqiao-10');
    expect(notParty.status).toBe(422);
    expect(notParty.body.code).toBe('leader-not-party-member');
    expect((await unit('group-cell', V, 'p-majiaqiao-03')).body.code).toBe('wrong-place-kind');
    expect((await unit('central-household', `${V}/g1/h04`, 'p-majiaqiao-04', { linkedHouseholds: [`${V}/g2/h07`] })).body.code).toBe(
      'linked-household-outside-group',
    );
    expect(
      (
        await api.call(
          setOrgUnitRoute,
          { body: { level: 'group-cell', place: `${V}/g1`, leader: 'p-majiaqiao-03', area: 'x', matters: ['x'], reason: R } },
          { as: 'p-majiaqiao-07' },
        )
      ).status,
    ).toBe(403);
    // Another village's unit under the same township.
    expect(
      (
        await api.call(
          setOrgUnitRoute,
          { body: { level: 'village-branch', place: demo.changsheng, leader: 'p-changsheng-01', area: 'x', matters: ['x'], reason: R } },
          { as: 'p-changsheng-01' },
        )
      ).status,
    ).toBe(200);

    const org = await api.call(getOrganisationRoute, { query: { village: V } }, { as: 'p-majiaqiao-07' });
    expect(org.status).toBe(200);
    expect(org.body.units.map((u: any) => [u.level, u.place])).toEqual([
      ['township-committee', demo.qiliping],
      ['village-branch', V],
      ['group-cell', `${V}/g1`],
      ['central-household', `${V}/g1/h04`],
    ]);
    expect(org.body.units[0]!.levelName).toEqual({ zh: '镇党委', en: 'Township party committee' });
    expect(org.body.units[3]!.linkedHouseholds).toEqual([`${V}/g1/h05`, `${V}/g1/h06`]);
    expect(org.body.householdHeads).toBe(12);
  });
});

describe('audited organisation (issue 12 item 4)', () => {
  const elsewhere = api.official('c-macheng-1', 'county-official', demo.macheng);

  it('a unit changes only with its reason; each change is kept with before/after/who/when, readable and published', async () => {
    const place = `${V}/g2`;
    const set = (body: Record<string, unknown>, as: string | Caller = cadre) =>
      // raw: invalid input on purpose
      api.post('/compacts/organisation/units', { level: 'group-cell', place, area: '二组', matters: ['环境卫生'], ...body }, { as });

    const noReason = await set({ leader: 'p-majiaqiao-07' });
    expect(noReason.status).toBe(422);
    expect((await set({ leader: 'p-majiaqiao-07', reason: '  ' })).status).toBe(422);
    const blankHistory = await api.call(getOrgUnitHistoryRoute, { query: { place, level: 'group-cell' } }, { as: cadre });
    expect(blankHistory.body.items).toEqual([]);

    const first = await set({ leader: 'p-majiaqiao-07', reason: '党员大会推选二组党小组组长' });
    expect(first.status).toBe(200);
    const second = await set({ leader: 'p-majiaqiao-07', matters: ['环境卫生', '矛盾调解'], reason: '增加矛盾调解事项' }, 'p-majiaqiao-02');
    expect(second.status).toBe(200);

    const history = await api.call(getOrgUnitHistoryRoute, { query: { place, level: 'group-cell' } }, { as: 'p-majiaqiao-07' });
    expect(history.status).toBe(200);
    expect(history.body.items).toHaveLength(2);
    const [latest, earliest] = history.body.items;
    expect(earliest).toMatchObject({
      setting: 'org-unit',
      scope: place,
      kind: 'group-cell',
      after: { leader: 'p-majiaqiao-07', area: '二组', matters: ['环境卫生'] },
      changedBy: cadre,
      reason: '党员大会推选二组党小组组长',
    });
    expect(earliest!.before).toBeUndefined();
    expect(latest).toMatchObject({
      before: { leader: 'p-majiaqiao-07', area: '二组', matters: ['环境卫生'] },
      after: { leader: 'p-majiaqiao-07', area: '二组', matters: ['环境卫生', '矛盾调解'] },
      changedBy: 'p-majiaqiao-02',
      reason: '增加矛盾调解事项',
    });
    expect(Date.parse(latest!.changedAt)).toBeGreaterThanOrEqual(Date.parse(earliest!.changedAt));

    const events = await eventsEventually('OrgUnitChanged', (d) => d.changeId === latest!.changeId);
    expect(events).toHaveLength(1);
    expect(events[0].detail.data).toMatchObject({
      level: 'group-cell',
      place,
      township: demo.qiliping,
      before: latest!.before,
      after: latest!.after,
      changedBy: 'p-majiaqiao-02',
      changedAt: latest!.changedAt,
      reason: '增加矛盾调解事项',
    });
    expect(await busEvents('OrgUnitChanged', (d) => d.changeId === earliest!.changeId)).toHaveLength(1);

    // Another county's official can neither change nor read the unit.
    expect((await set({ leader: 'p-majiaqiao-07', reason: 'x' }, elsewhere)).status).toBe(403);
    expect((await api.call(getOrgUnitHistoryRoute, { query: { place, level: 'group-cell' } }, { as: elsewhere })).status).toBe(403);
    expect((await set({ leader: 'p-majiaqiao-07', reason: 'x' }, 'p-changsheng-01')).status).toBe(403);
  });

  it('a duty is re-assigned only with its reason; its history keeps the duty before and after', async () => {
    const h = `${V}/g2/h08`;
    // raw: invalid input on purpose
    expect((await api.post('/compacts/duties', { household: h, stretch: '门前 10 米' }, { as: cadre })).status).toBe(422);
    const a = await api.call(
      assignDutyRoute,
      { body: { household: h, stretch: '门前 10 米', items: ['sanitation'], reason: '首次确定' } },
      { as: cadre },
    );
    expect(a.status).toBe(200);
    const b = await api.call(
      assignDutyRoute,
      { body: { household: h, stretch: '门前 30 米', items: ['sanitation'], reason: '扩大到村道' } },
      { as: cadre },
    );
    expect(b.status).toBe(200);
    const history = await api.call(getDutyHistoryRoute, { query: { household: h } }, { as: 'p-majiaqiao-08' });
    expect(history.status).toBe(200);
    expect(history.body.items[0]).toMatchObject({
      setting: 'duty',
      scope: h,
      before: { items: ['sanitation'], stretch: '门前 10 米' },
      after: { items: ['sanitation'], stretch: '门前 30 米' },
      changedBy: cadre,
      reason: '扩大到村道',
    });
    const ev = await eventsEventually('DutyAssigned', (d) => d.dutyId === b.body.dutyId);
    expect(ev[0].detail.data).toMatchObject({
      before: { stretch: '门前 10 米' },
      reason: '扩大到村道',
      changeId: history.body.items[0]!.changeId,
    });
    expect((await api.call(getDutyHistoryRoute, { query: { household: h } }, { as: elsewhere })).status).toBe(403);
  });
});
