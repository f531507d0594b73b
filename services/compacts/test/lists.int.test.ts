import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { q } from '@cocreate/local/testing';
import { api } from './helpers.ts';
import { getBoardInFullRoute } from '../handlers/boards.ts';

/**
 * Issue 12 item 7: a list asked for with a township or county as `village` is refused with the parameter to use and
 * the villages of that scope — never an empty list that reads as "nothing happened". A village still answers.
 */
const township = api.official('t-qiliping', 'township-official', demo.qiliping);
const county = api.official('c-hongan', 'county-official', demo.hongan);

const lists = [
  '/compacts/compacts',
  '/compacts/decisions/parked',
  '/compacts/inspections',
  '/compacts/violations',
  '/compacts/councils',
  '/compacts/duties',
  '/compacts/organisation',
  '/compacts/spaces',
  '/compacts/boards',
];

describe('lists over a township or county', () => {
  it.each(lists)('%s refuses a township or county as village (422 list-needs-a-village) and answers a village', async (path) => {
    const byTownship = await api.get(`${path}${q({ village: demo.qiliping })}`, { as: township });
    expect(byTownship.status).toBe(422);
    expect(byTownship.body).toMatchObject({ code: 'list-needs-a-village', parameter: 'village', scopeKind: 'township' });
    expect(byTownship.body.villages).toContain(demo.majiaqiao);
    const byCounty = await api.get(`${path}${q({ village: demo.hongan })}`, { as: county });
    expect(byCounty.body).toMatchObject({ code: 'list-needs-a-village', scopeKind: 'county' });
    expect((await api.get(`${path}${q({ village: demo.majiaqiao })}`, { as: township })).status).toBe(200);
  });

  it('the full board of a period refuses a township too', async () => {
    const res = await api.call(getBoardInFullRoute, { query: { village: demo.qiliping, period: '2026-05' } }, { as: township });
    expect(res.body.code).toBe('list-needs-a-village');
  });

  it.each(['/compacts/inspections', '/compacts/violations'])(
    '%s refuses a window that ends before it starts (422 dates-reversed)',
    async (path) => {
      const reversed = await api.get(`${path}${q({ village: demo.majiaqiao, from: '2030-03-16', to: '2020-07-19' })}`, { as: township });
      expect(reversed).toMatchObject({ status: 422, body: { code: 'dates-reversed', from: '2030-03-16', to: '2020-07-19' } });
      // From a day after the default end (today, or a year ahead for inspections): the same refusal, not a 500.
      const late = await api.get(`${path}${q({ village: demo.majiaqiao, from: '2099-01-01' })}`, { as: township });
      expect(late).toMatchObject({ status: 422, body: { code: 'dates-reversed' } });
    },
  );
});
