import { describe, expect, it } from 'vitest';
import { api, at, callers, today } from './support.ts';
import { closeItemRoute, formTeamRoute, listTeamsRoute, listVisitsRoute, recordVisitRoute } from '../handlers/support.ts';

describe('helper teams and supervision (帮扶团队, 督导)', () => {
  it('forms a village’s helper team with members on terms, and shows who is on duty today', async () => {
    const { day, year } = await today();
    const formed = await api.call(
      formTeamRoute,
      {
        body: {
          village: at.village,
          kind: 'helper-team',
          name: '马家桥村帮扶团队',
          members: [
            { name: '王规划师', unit: '县住建局', duty: '规划指导', from: `${year}-01-01` },
            { name: '刘工', unit: '镇建设办', from: `${year - 1}-01-01`, until: `${year - 1}-12-31` },
          ],
        },
      },
      { as: callers.township },
    );
    expect(formed).toMatchObject({ status: 201, body: { formedOn: day } });
    const listed = await api.call(listTeamsRoute, { query: { village: at.village } }, { as: callers.cadre });
    expect(listed.body.items[0]!.onDuty).toEqual(['王规划师']);
    const backwards = await api.call(
      formTeamRoute,
      {
        body: {
          village: at.village,
          kind: 'village-work-team',
          name: '驻村工作队',
          members: [{ name: '赵', unit: '市住建局', from: `${year}-06-01`, until: `${year}-01-01` }],
        },
      },
      { as: callers.township },
    );
    expect(backwards).toMatchObject({ status: 422, body: { code: 'term-order' } });
    const notVillage = await api.call(
      formTeamRoute,
      { body: { village: at.township, kind: 'helper-team', name: '镇团队', members: [{ name: '赵', unit: '县', from: `${year}-01-01` }] } },
      { as: callers.county },
    );
    expect(notVillage).toMatchObject({ status: 422, body: { code: 'not-a-village' } });
    const byCadre = await api.call(
      formTeamRoute,
      { body: { village: at.village, kind: 'helper-team', name: 'x', members: [{ name: '赵', unit: '县', from: `${year}-01-01` }] } },
      { as: callers.cadre },
    );
    expect(byCadre.status).toBe(403);
  });

  it('records a visit’s findings and items; items go overdue after their deadline and are closed once', async () => {
    const { day } = await today();
    const visit = await api.call(
      recordVisitRoute,
      {
        body: {
          place: at.village,
          visitedOn: day,
          by: '市督导组',
          findings: ['项目公示栏未更新'],
          items: [
            { text: '更新公示栏', due: day },
            { text: '补齐会议记录', due: day },
          ],
        },
      },
      { as: callers.city },
    );
    expect(visit).toMatchObject({ status: 201, body: { open: 2, overdue: [], items: [{ no: 1 }, { no: 2 }] } });
    const early = await api.call(
      recordVisitRoute,
      { body: { place: at.village, visitedOn: day, by: '县督导组', findings: ['x'], items: [{ text: 'y', due: '2000-01-01' }] } },
      { as: callers.county },
    );
    expect(early).toMatchObject({ status: 422, body: { code: 'item-due-before-visit' } });

    await api.post('/_local/clock', { advance: 'P1D' });
    const id = visit.body.visitId as string;
    const listed = await api.call(listVisitsRoute, { query: { place: at.village } }, { as: callers.cadre });
    expect(listed.body.items[0]).toMatchObject({ visitId: id, overdue: [1, 2] });
    const closed = await api.call(closeItemRoute, { params: { visitId: id, no: '1' }, body: { note: '已更新' } }, { as: callers.cadre });
    expect(closed).toMatchObject({ status: 200, body: { open: 1, overdue: [2] } });
    const twice = await api.call(closeItemRoute, { params: { visitId: id, no: '1' }, body: { note: '再次' } }, { as: callers.cadre });
    expect(twice).toMatchObject({ status: 409, body: { code: 'item-closed' } });
    const unknown = await api.call(closeItemRoute, { params: { visitId: id, no: '9' }, body: { note: 'x' } }, { as: callers.cadre });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'unknown-item' } });
    const otherVillage = await api.call(
      closeItemRoute,
      { params: { visitId: id, no: '2' }, body: { note: 'x' } },
      { as: api.official('c2', 'cadre', at.otherVillage) },
    );
    expect(otherVillage.status).toBe(403);
  });
});
