import { describe, expect, it } from 'vitest';
import { maskName } from '@cocreate/places';
import { demo } from '@cocreate/places/seed';
import { demoDirectory } from '@cocreate/places/directory';
import { q } from '@cocreate/local/testing';
import { api, busEvents, eventsEventually } from './helpers.ts';

const V = demo.majiaqiao;
const cadre = 'p-majiaqiao-01';
const township = api.official('t-qiliping-1', 'township-official', demo.qiliping);

describe('一约四会', () => {
  it('lists the four councils with members from the places data, names masked; the morality council hears appeals', async () => {
    const res = await api.get(`/compacts/councils${q({ village: V })}`, { as: 'p-majiaqiao-07' });
    expect(res.status).toBe(200);
    expect(res.body.councils.map((c: any) => c.kind)).toEqual([
      'deliberation-council',
      'weddings-funerals-council',
      'anti-drug-gambling-council',
      'morality-review-council',
    ]);
    const morality = res.body.councils.find((c: any) => c.kind === 'morality-review-council');
    expect(morality.hearsAppeals).toBe(true);
    expect(morality.members).toEqual(
      ['p-majiaqiao-06', 'p-majiaqiao-08', 'p-majiaqiao-10'].map((p) => ({ person: p, name: maskName(demoDirectory.person(p)!.name) })),
    );
    expect((await api.get(`/compacts/councils${q({ village: V })}`, { as: 'p-changsheng-07' })).status).toBe(403);
  });
});

describe('门前三包 duties', () => {
  it('a cadre assigns a household its duties and stretch; the head answers for them; others cannot assign', async () => {
    const h03 = `${V}/g1/h03`;
    const res = await api.post('/compacts/duties', { household: h03, stretch: '门前至村道 20 米及东侧绿化带' }, { as: cadre });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ household: h03, person: 'p-majiaqiao-03', items: ['sanitation', 'order', 'greenery'] });
    const ev = await eventsEventually('DutyAssigned', (d) => d.dutyId === res.body.dutyId);
    expect(ev[0].detail.data).toMatchObject({
      village: V,
      household: h03,
      person: 'p-majiaqiao-03',
      stretch: '门前至村道 20 米及东侧绿化带',
    });
    expect((await api.post('/compacts/duties', { household: h03, stretch: 'x' }, { as: 'p-majiaqiao-07' })).status).toBe(403);
    expect((await api.post('/compacts/duties', { household: `${demo.changsheng}/g1/h03`, stretch: 'x' }, { as: cadre })).status).toBe(403);
    expect((await api.post('/compacts/duties', { household: h03, stretch: '', items: ['cleaning'] }, { as: cadre })).status).toBe(422);
    const list = await api.get(`/compacts/duties${q({ village: V })}`, { as: 'p-majiaqiao-07' });
    expect(list.body.items.find((d: any) => d.household === h03).stretch).toBe('门前至村道 20 米及东侧绿化带');
  });

  it('three cadres re-assigning at once: every assignment counts, none is lost', async () => {
    const h10 = `${V}/g2/h10`;
    const before =
      (await api.get(`/compacts/duties${q({ village: V })}`, { as: cadre })).body.items.find((d: any) => d.household === h10)?.revision ??
      0;
    const all = await Promise.all(
      ['p-majiaqiao-01', 'p-majiaqiao-02', 'p-majiaqiao-03'].map((c, i) =>
        api.post('/compacts/duties', { household: h10, stretch: `门前 ${i + 1}0 米`, items: ['sanitation'] }, { as: c }),
      ),
    );
    expect(all.map((r) => r.status)).toEqual([200, 200, 200]);
    const after = (await api.get(`/compacts/duties${q({ village: V })}`, { as: cadre })).body.items.find((d: any) => d.household === h10);
    expect(after.revision).toBe(before + 3);
    const ids = all.map((r) => r.body.dutyId);
    await eventsEventually('DutyAssigned', (d) => ids.includes(d.dutyId), 3);
    expect(await busEvents('DutyAssigned', (d) => ids.includes(d.dutyId))).toHaveLength(3);
  });
});

describe('the four-level organisation (四级组织体系)', () => {
  it('each level has its area and matters, set by those in charge of it, shown top-down', async () => {
    const committee = await api.post(
      '/compacts/organisation/units',
      {
        level: 'township-committee',
        place: demo.qiliping,
        leader: 't-secretary',
        area: '七里坪镇全域',
        matters: ['统筹共同缔造', '督导各村'],
      },
      { as: township },
    );
    expect(committee.status).toBe(200);
    expect(
      (
        await api.post(
          '/compacts/organisation/units',
          { level: 'township-committee', place: demo.qiliping, leader: 'x', area: 'x', matters: ['x'] },
          { as: cadre },
        )
      ).status,
    ).toBe(403);

    const unit = (level: string, place: string, leader: string, extra: Record<string, unknown> = {}) =>
      api.post(
        '/compacts/organisation/units',
        { level, place, leader, area: `${place} 范围`, matters: ['环境卫生', '公共空间管护'], ...extra },
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
        await api.post(
          '/compacts/organisation/units',
          { level: 'group-cell', place: `${V}/g1`, leader: 'p-majiaqiao-03', area: 'x', matters: ['x'] },
          { as: 'p-majiaqiao-07' },
        )
      ).status,
    ).toBe(403);
    // Another village's unit under the same township.
    expect(
      (
        await api.post(
          '/compacts/organisation/units',
          { level: 'village-branch', place: demo.changsheng, leader: 'p-changsheng-01', area: 'x', matters: ['x'] },
          { as: 'p-changsheng-01' },
        )
      ).status,
    ).toBe(200);

    const org = await api.get(`/compacts/organisation${q({ village: V })}`, { as: 'p-majiaqiao-07' });
    expect(org.status).toBe(200);
    expect(org.body.units.map((u: any) => [u.level, u.place])).toEqual([
      ['township-committee', demo.qiliping],
      ['village-branch', V],
      ['group-cell', `${V}/g1`],
      ['central-household', `${V}/g1/h04`],
    ]);
    expect(org.body.units[0].levelName).toEqual({ zh: '镇党委', en: 'Township party committee' });
    expect(org.body.units[3].linkedHouseholds).toEqual([`${V}/g1/h05`, `${V}/g1/h06`]);
    expect(org.body.householdHeads).toBe(12);
  });
});
