import { describe, expect, it } from 'vitest';
import { api, county, demo, eventually, head, mj, onBus } from './helpers.ts';
import {
  bindingHistoryRoute,
  bindSchemeRoute,
  createSchemeRoute,
  getSchemeRoute,
  listBindingsRoute,
  listSchemesRoute,
  listTemplates,
  reviseSchemeRoute,
  schemeHistoryRoute,
} from '../handlers/schemes.ts';
import { getReviewRoute, openReviewRoute } from '../handlers/reviews.ts';

const leaf = (id: string, weight: number | string, scale = { min: 1, max: 5 }) => ({
  id,
  name: { zh: `指标${id}`, en: `Criterion ${id}` },
  weight,
  scale,
});
const title = { zh: '村庄环境评价', en: 'Village environment review' };
const macheng = api.official('county-macheng-1', 'county-official', demo.macheng);

describe('evaluation schemes (评价标准)', () => {
  it('ships the templates publicly: the six social-housing standards and the household sanitation rating', async () => {
    const res = await api.call(listTemplates, {});
    expect(res.status).toBe(200);
    const ids = res.body.items.map((t: { id: string }) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['tpl-social-housing-six-standards', 'tpl-household-sanitation']));
    const six = res.body.items.find((t: { id: string }) => t.id === 'tpl-social-housing-six-standards');
    expect(six!.criteria).toHaveLength(6);
    expect(six!.criteria[2]!.children!.map((c: { weightBp: number }) => c.weightBp)).toEqual([2500, 2500, 2500, 2500]);
  });

  it('a county copies a template into its own scheme, published as version 1', async () => {
    const res = await api.call(
      createSchemeRoute,
      { body: { place: demo.hongan, template: 'tpl-social-housing-six-standards' } },
      { as: county },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      version: 1,
      latest: 1,
      place: demo.hongan,
      template: 'tpl-social-housing-six-standards',
      leaves: 9,
      threshold: 60,
    });
    const ev = await eventually(
      async () => (await onBus<{ schemeId: string }>('SchemePublished', (d) => d.schemeId === res.body.schemeId)).at(0),
      20_000,
      'SchemePublished',
    );
    expect(ev.detail.data).toMatchObject({ version: 1, leaves: 9, criteria: 10 });
  });

  it('checks sibling weights exactly on save: 0.7 + 0.2 + 0.1 passes, 0.5 + 0.4 does not', async () => {
    const ok = await api.call(
      createSchemeRoute,
      { body: { place: mj, title, criteria: [leaf('a', 0.7), leaf('b', 0.2), leaf('c', '0.1')] } },
      { as: head(1) },
    );
    expect(ok.status).toBe(201);
    expect(ok.body.criteria.map((c: { weight: number; weightBp: number }) => [c.weight, c.weightBp])).toEqual([
      [0.7, 7000],
      [0.2, 2000],
      [0.1, 1000],
    ]);

    const bad = await api.call(
      createSchemeRoute,
      {
        body: {
          place: mj,
          title,
          criteria: [leaf('a', 0.5), { id: 'b', name: title, weight: 0.5, children: [leaf('b1', 0.5), leaf('b2', 0.4)] }],
        },
      },
      { as: head(1) },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('invalid-scheme');
    expect(bad.body.errors).toEqual([{ in: 'body', pointer: '/criteria/1/children', rule: 'weights-sum', message: expect.any(String) }]);

    const fine = await api.call(
      createSchemeRoute,
      { body: { place: mj, title, criteria: [leaf('a', 0.12345), leaf('b', 0.87655)] } },
      { as: head(1) },
    );
    expect(fine.status).toBe(422);
    expect(fine.body.errors!.map((e: { pointer: string }) => e.pointer)).toEqual(['/criteria/0/weight', '/criteria/1/weight']);
    const noScale = await api.call(
      createSchemeRoute,
      { body: { place: mj, title, criteria: [{ id: 'a', name: title, weight: 1 }] } },
      { as: head(1) },
    );
    expect([noScale.status, noScale.body.errors![0]!.rule]).toEqual([422, 'leaf-scale']);
  });

  it('only cadres and officials write standards, in their own area', async () => {
    expect((await api.call(createSchemeRoute, { body: { place: mj, template: 'tpl-household-sanitation' } }, { as: head(7) })).status).toBe(
      403,
    );
    expect(
      (await api.call(createSchemeRoute, { body: { place: demo.changsheng, template: 'tpl-household-sanitation' } }, { as: head(1) }))
        .status,
    ).toBe(403);
    expect(
      (await api.call(createSchemeRoute, { body: { place: demo.hongan, template: 'tpl-household-sanitation' } }, { as: macheng })).status,
    ).toBe(403);
    const unknown = await api.call(createSchemeRoute, { body: { place: mj, template: 'tpl-nope' } }, { as: head(1) });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'unknown-template']);
  });

  it('versions: a revision needs the latest version, concurrent editors get one winner, old versions stay readable', async () => {
    const created = await api.call(
      createSchemeRoute,
      { body: { place: mj, title, criteria: [leaf('a', 0.5), leaf('b', 0.5)] } },
      { as: head(1) },
    );
    const id = created.body.schemeId;
    const v2 = await api.call(
      reviseSchemeRoute,
      { params: { schemeId: id }, body: { reason: '村民代表会议修订', expectedVersion: 1, criteria: [leaf('a', 0.6), leaf('b', 0.4)] } },
      { as: head(2) },
    );
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ version: 2, latest: 2, savedBy: head(2) });
    const stale = await api.call(
      reviseSchemeRoute,
      { params: { schemeId: id }, body: { reason: '村民代表会议修订', expectedVersion: 1, criteria: [leaf('a', 0.6), leaf('b', 0.4)] } },
      { as: head(1) },
    );
    expect([stale.status, stale.body.code, stale.body.latest]).toEqual([409, 'stale-version', 2]);
    const racers = await Promise.all(
      [0.1, 0.2, 0.3, 0.4].map((w) =>
        api.call(
          reviseSchemeRoute,
          {
            params: { schemeId: id },
            body: { reason: '村民代表会议修订', expectedVersion: 2, criteria: [leaf('a', w), leaf('b', 1 - w)] },
          },
          { as: head(1) },
        ),
      ),
    );
    expect(racers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const latest = await api.call(getSchemeRoute, { params: { schemeId: id } });
    expect(latest.body).toMatchObject({ version: 3, latest: 3 });
    const first = await api.call(getSchemeRoute, { params: { schemeId: id }, query: { version: 1 } });
    expect(first.body.criteria.map((c: { weightBp: number }) => c.weightBp)).toEqual([5000, 5000]);
    expect((await api.call(getSchemeRoute, { params: { schemeId: id }, query: { version: 9 } })).status).toBe(404);
    const listed = await api.call(listSchemesRoute, { query: { place: mj } });
    expect(listed.body.items.find((s: { schemeId: string }) => s.schemeId === id)).toMatchObject({ latest: 3 });

    // Audited (issue 12): a revision without a reason is refused; each is kept with before, after, who, when, why.
    // raw: invalid input on purpose
    const noReason = await api.put(
      `/evaluation/schemes/${id}`,
      { expectedVersion: 3, criteria: [leaf('a', 0.5), leaf('b', 0.5)] },
      { as: head(1) },
    );
    expect(noReason.status).toBe(422);
    const history = await api.call(schemeHistoryRoute, { params: { schemeId: id } });
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items[1]).toMatchObject({
      setting: 'scheme',
      scope: id,
      before: { version: 1, leaves: 2 },
      after: { version: 2, leaves: 2 },
      changedBy: head(2),
      reason: '村民代表会议修订',
    });
    const revised = await eventually(
      async () => (await onBus<{ changeId: string }>('SchemeRevised', (d) => d.changeId === history.body.items[1]!.changeId)).at(0),
      20_000,
      'SchemeRevised',
    );
    expect(revised.detail.data).toMatchObject({ schemeId: id, place: mj, before: { version: 1 }, after: { version: 2 } });
  });

  it('a binding chooses the scheme a purpose uses; a review records the version current when it opened', async () => {
    const created = await api.call(
      createSchemeRoute,
      { body: { place: mj, title, criteria: [leaf('clean', 0.5), leaf('quiet', 0.5)] } },
      { as: head(1) },
    );
    const id = created.body.schemeId;
    const bound = await api.call(
      bindSchemeRoute,
      { body: { reason: '村民代表会议选定', place: mj, purpose: 'satisfaction', schemeId: id } },
      { as: head(1) },
    );
    expect(bound.status).toBe(200);
    const review = await api.call(openReviewRoute, { body: { village: mj, kind: 'satisfaction', title } }, { as: head(1) });
    expect(review.body).toMatchObject({ schemeId: id, schemeVersion: 1 });
    await api.call(
      reviseSchemeRoute,
      {
        params: { schemeId: id },
        body: { reason: '村民代表会议修订', expectedVersion: 1, criteria: [leaf('clean', 0.3), leaf('quiet', 0.3), leaf('green', 0.4)] },
      },
      { as: head(1) },
    );
    const still = await api.call(getReviewRoute, { params: { reviewId: review.body.reviewId } });
    expect(still.body.scheme).toMatchObject({ schemeId: id, version: 1 });
    expect(still.body.scheme.criteria.map((c: { id: string }) => c.id)).toEqual(['clean', 'quiet']);
    const next = await api.call(openReviewRoute, { body: { village: mj, kind: 'satisfaction', title } }, { as: head(1) });
    expect(next.body).toMatchObject({ schemeId: id, schemeVersion: 2 });
    const bindings = await api.call(listBindingsRoute, { query: { place: mj } });
    expect(bindings.body.items).toContainEqual(expect.objectContaining({ purpose: 'satisfaction', schemeId: id }));
    // raw: invalid input on purpose
    expect(
      (await api.put('/evaluation/scheme-bindings', { place: mj, purpose: 'satisfaction', schemeId: id }, { as: head(1) })).status,
    ).toBe(422);
    const chosen = await api.call(bindingHistoryRoute, { query: { place: mj, purpose: 'satisfaction' } });
    expect(chosen.body.items[0]).toMatchObject({ after: { schemeId: id }, changedBy: head(1), reason: '村民代表会议选定' });
    const bound2 = await eventually(
      async () => (await onBus<{ changeId: string }>('SchemeBindingChanged', (d) => d.changeId === chosen.body.items[0]!.changeId)).at(0),
      20_000,
      'SchemeBindingChanged',
    );
    expect(bound2.detail.data).toMatchObject({ place: mj, purpose: 'satisfaction', after: { schemeId: id } });
    // Put the village back on the template for the other test files.
    await api.call(
      bindSchemeRoute,
      { body: { reason: '村民代表会议选定', place: mj, purpose: 'satisfaction', schemeId: 'tpl-project-satisfaction' } },
      { as: head(1) },
    );
  });

  it('refuses binding a scheme of another county', async () => {
    const theirs = await api.call(
      createSchemeRoute,
      { body: { place: demo.macheng, template: 'tpl-household-sanitation' } },
      { as: macheng },
    );
    const res = await api.call(
      bindSchemeRoute,
      { body: { reason: '村民代表会议选定', place: mj, purpose: 'sanitation-rating', schemeId: theirs.body.schemeId } },
      { as: head(1) },
    );
    expect([res.status, res.body.code]).toEqual([422, 'scheme-out-of-scope']);
  });
});
