import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { q } from '@cocreate/local/testing';
import { api, cadreOf, eventuallyOnBus, head, townshipOfficial } from './helpers.ts';
import { getChain, getSettingsHistory, putSettings } from '../handlers/settings.ts';
import { listProposals } from '../handlers/proposals.ts';
import { publicBoard } from '../handlers/notice.ts';

/** 张家湾村 and its township: every settings change is audited; lists are never silently empty for a township. */
const v = `${demo.qiliping}/zhangjiawan`;
const cadre = cadreOf(v);

describe('every deliberation setting change is audited', () => {
  it('settings changes need a reason and keep who, when, before and after, in a history route and on the bus', async () => {
    // raw: invalid input on purpose
    const noReason = await api.put('/deliberation/settings', { village: v, supportLimit: 5 }, { as: cadre });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors![0]!.pointer).toBe('/reason');
    const first = await api.call(putSettings, { body: { village: v, supportLimit: 5, reason: '两委会议：点单上限 5 项' } }, { as: cadre });
    expect(first.status).toBe(200);
    const second = await api.call(
      putSettings,
      { body: { village: v, noticeDays: { 'project-plan': 10 }, reason: '村民代表会议：项目方案公示 10 天' } },
      { as: cadre },
    );
    expect(second.body).toMatchObject({ supportLimit: 5, noticeDays: { 'project-plan': 10 } });
    const history = await api.call(getSettingsHistory, { query: { village: v } }, { as: head(v, 9) });
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[0]).toMatchObject({
      setting: 'village-settings',
      scope: v,
      before: { supportLimit: 5, noticeDays: { 'project-plan': 7 } },
      after: { supportLimit: 5, noticeDays: { 'project-plan': 10 } },
      changedBy: cadre,
      reason: '村民代表会议：项目方案公示 10 天',
    });
    expect(history.body.items[1]).toMatchObject({ before: { supportLimit: 3 }, after: { supportLimit: 5 } });
    const paged = await api.call(getSettingsHistory, { query: { village: v, limit: 1 } }, { as: head(v, 9) });
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.cursor).toBeDefined();
    const [ev] = await eventuallyOnBus('VillageSettingsChanged', (d) => d.village === v && d.reason === '村民代表会议：项目方案公示 10 天');
    expect(ev!.detail.data).toMatchObject({
      before: { noticeDays: { 'project-plan': 7 } },
      after: { noticeDays: { 'project-plan': 10 } },
      changedBy: cadre,
    });
  });
});

describe('township and county lists', () => {
  it('a list asked for a township or county refuses with the parameter to use and its villages, never an empty list', async () => {
    const official = townshipOfficial(v);
    for (const path of ['needs', 'resources', 'candidates', 'plans', 'proposals', 'consent-polls', 'settings', 'settings/history']) {
      const res = await api.get(`/deliberation/${path}${q({ village: demo.qiliping })}`, { as: official });
      expect(res.status, path).toBe(422);
      expect(res.body).toMatchObject({
        code: 'list-needs-a-village',
        parameter: 'village',
        scopeKind: 'township',
        errors: [{ in: 'query', pointer: '/village' }],
      });
      expect(res.body.villages).toEqual(expect.arrayContaining([demo.majiaqiao, demo.changsheng, v]));
    }
    const county = await api.call(
      listProposals,
      { query: { village: demo.hongan } },
      {
        as: api.official('c-hongan-1', 'county-official', demo.hongan),
      },
    );
    expect(county.body).toMatchObject({
      code: 'list-needs-a-village',
      scopeKind: 'county',
      villages: expect.arrayContaining([demo.xingfu, demo.majiaqiao]),
    });
    // The public board too; a village still answers.
    expect((await api.call(publicBoard, { query: { village: demo.qiliping } })).body.code).toBe('list-needs-a-village');
    const chain = await api.call(getChain, { query: { village: demo.qiliping, kind: 'compact' } }, { as: official });
    expect(chain.body.code).toBe('list-needs-a-village');
    expect((await api.call(listProposals, { query: { village: v } }, { as: official })).status).toBe(200);
  });
});
