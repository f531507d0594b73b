import { beforeAll, describe, expect, it } from 'vitest';
import { api, callers, eventually, registerTree, tree } from './support.ts';
import { getPlaceRoute, publicPlacesRoute, registerPlaceRoute, renamePlaceRoute, retirePlaceRoute } from '../handlers/places.ts';

beforeAll(registerTree);

describe('the place tree through the API', () => {
  it('names a place publicly, with what is above it and its administrative places down to villages — no sign-in, nothing below a village', async () => {
    const county = await api.call(publicPlacesRoute, { query: { path: tree.county } });
    expect(county.status).toBe(200);
    expect(county.body.place).toEqual({ path: tree.county, kind: 'county', name: { zh: '安吉县', en: 'Anji County' } });
    expect(county.body.above.map((p: any) => p.path)).toEqual([tree.province, tree.city]);
    expect(county.body.below.map((p: any) => p.path).sort()).toEqual(
      [tree.township, tree.village, tree.otherVillage, tree.community].sort(),
    );
    expect(county.body.complete).toBe(true);
    // Groups, compounds and households are addresses: never on a public page.
    const village = await api.call(publicPlacesRoute, { query: { path: tree.village } });
    expect(village.body).toMatchObject({ place: { kind: 'village' }, below: [], complete: true });
    expect((await api.call(publicPlacesRoute, { query: { path: tree.compound } })).status).toBe(404);
    expect((await api.call(publicPlacesRoute, { query: { path: `${tree.county}/nowhere` } })).status).toBe(404);
    expect((await api.call(publicPlacesRoute, { query: { path: '../x' } })).status).toBe(400);
  });

  it('registered each level by the role that manages it, and tells a place with its children', async () => {
    const res = await api.call(getPlaceRoute, { query: { path: tree.township } }, { as: callers.township });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ path: tree.township, kind: 'township', revision: 1 });
    expect(res.body.children.map((c: any) => c.path).sort()).toEqual([tree.community, tree.otherVillage, tree.village].sort());
    const registered = await eventually('PlaceRegistered', (d) => d.path === tree.village);
    expect(registered[0]).toMatchObject({
      meta: { source: 'cocreate.registry', place: tree.village, actor: { role: 'township-official' } },
      data: { kind: 'village', revision: 1 },
    });
  });

  it('refuses a level the caller’s role does not manage — 403, nothing written', async () => {
    const byCadre = await api.call(
      registerPlaceRoute,
      { body: { parent: tree.township, id: 'newvillage', kind: 'village', name: { zh: '新村', en: 'New' } } },
      { as: callers.cadre },
    );
    expect(byCadre.status).toBe(403);
    const byOfficial = await api.call(
      registerPlaceRoute,
      { body: { parent: tree.county, id: 'newtown', kind: 'township', name: { zh: '新镇', en: 'New' } } },
      { as: callers.county },
    );
    expect(byOfficial).toMatchObject({ status: 403, body: { reason: 'role-may-not-manage-kind' } });
    const byOps = await api.call(
      registerPlaceRoute,
      { body: { parent: tree.village, id: 'g9', kind: 'group', name: { zh: '九组', en: 'Group 9' } } },
      { as: callers.ops },
    );
    expect(byOps).toMatchObject({ status: 403, body: { reason: 'role-may-not-manage-kind' } });
    const otherVillage = await api.call(
      registerPlaceRoute,
      { body: { parent: tree.village, id: 'g8', kind: 'group', name: { zh: '八组', en: 'Group 8' } } },
      { as: callers.otherCadre },
    );
    expect(otherVillage.status).toBe(403);
    for (const path of [`${tree.township}/newvillage`, `${tree.county}/newtown`, `${tree.village}/g9`, `${tree.village}/g8`]) {
      expect((await api.call(getPlaceRoute, { query: { path } }, { as: callers.ops })).status).toBe(404);
    }
  });

  it('refuses a kind its parent may not hold, an unknown parent, a second place at a path, and bad input — never 500', async () => {
    const wrongLevel = await api.call(
      registerPlaceRoute,
      { body: { parent: tree.village, id: 'b1', kind: 'building', name: { zh: '一栋', en: 'B1' } } },
      { as: callers.cadre },
    );
    expect(wrongLevel).toMatchObject({ status: 422, body: { code: 'kind-not-allowed-here', errors: [{ pointer: '/parent' }] } });
    const unknown = await api.call(
      registerPlaceRoute,
      { body: { parent: `${tree.village}/nowhere`, id: 'x', kind: 'household', name: { zh: '户', en: 'H' } } },
      { as: callers.cadre },
    );
    expect(unknown).toMatchObject({ status: 422, body: { code: 'parent-unknown' } });
    const twice = await api.call(
      registerPlaceRoute,
      { body: { parent: tree.village, id: 'g1', kind: 'group', name: { zh: '一组', en: 'Group 1' } } },
      { as: callers.cadre },
    );
    expect(twice).toMatchObject({ status: 409, body: { code: 'place-exists' } });
    // raw: invalid input on purpose
    const bad = await api.post(
      '/registry/places',
      { parent: tree.village, id: 'Bad Id', kind: 'hamlet', name: { zh: '' } },
      { as: callers.cadre },
    );
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.body.errors!.map((e: any) => e.pointer).sort()).toEqual(['/id', '/kind', '/name/en', '/name/zh']);
    // raw: invalid input on purpose
    const notJson = await api.post('/registry/places', 'not json', { as: callers.cadre });
    expect(notJson.status).toBe(400);
    expect((await api.call(registerPlaceRoute, { body: { id: 'x', kind: 'province', name: { zh: '省', en: 'P' } } })).status).toBe(401);
  });

  it('renames a place (PlaceRenamed, next revision); a stale revision is 409', async () => {
    const renamed = await api.call(
      renamePlaceRoute,
      { body: { path: `${tree.village}/g2`, name: { zh: '二组（新）', en: 'Group 2 (new)' }, expectedRevision: 1 } },
      { as: callers.cadre },
    );
    expect(renamed).toMatchObject({ status: 200, body: { revision: 2, name: { zh: '二组（新）' } } });
    const stale = await api.call(
      renamePlaceRoute,
      { body: { path: `${tree.village}/g2`, name: { zh: '二组', en: 'Group 2' }, expectedRevision: 1 } },
      { as: callers.cadre },
    );
    expect(stale).toMatchObject({ status: 409, body: { code: 'stale-revision', currentRevision: 2 } });
    expect(await eventually('PlaceRenamed', (d) => d.path === `${tree.village}/g2`)).toHaveLength(1);
  });

  it('merges a village into another (撤并村): retired with mergedInto, its groups left where they were', async () => {
    const merged = await api.call(
      retirePlaceRoute,
      { body: { path: tree.otherVillage, on: '2027-01-01', mergedInto: tree.village } },
      { as: callers.township },
    );
    expect(merged).toMatchObject({ status: 200, body: { retired: { on: '2027-01-01', mergedInto: tree.village }, revision: 2 } });
    const group = await api.call(getPlaceRoute, { query: { path: `${tree.otherVillage}/g1` } }, { as: callers.township });
    expect(group.body).toMatchObject({ path: `${tree.otherVillage}/g1`, revision: 1 });
    expect(group.body.retired).toBeUndefined();
    const again = await api.call(retirePlaceRoute, { body: { path: tree.otherVillage, on: '2027-02-01' } }, { as: callers.township });
    expect(again).toMatchObject({ status: 409, body: { code: 'place-retired' } });
    const under = await api.call(
      registerPlaceRoute,
      { body: { parent: tree.otherVillage, id: 'g3', kind: 'group', name: { zh: '三组', en: 'Group 3' } } },
      { as: callers.township },
    );
    expect(under).toMatchObject({ status: 422, body: { code: 'parent-retired' } });
    const intoGroup = await api.call(
      retirePlaceRoute,
      { body: { path: tree.community, on: '2027-01-01', mergedInto: `${tree.village}/g1` } },
      { as: callers.county },
    );
    expect(intoGroup).toMatchObject({ status: 422, body: { code: 'merge-target-unsuitable' } });
    const retiredEvent = await eventually('PlaceRetired', (d) => d.path === tree.otherVillage);
    expect(retiredEvent[0].data.retired).toEqual({ on: '2027-01-01', mergedInto: tree.village });
  });
});
