import { describe, expect, it } from 'vitest';
import { api, county, demo, head, mj, newId, q } from './helpers.ts';
import { closeReviewRoute, getReviewRoute, listReviewsRoute, openReviewRoute, respondRoute } from '../handlers/reviews.ts';
import { createSchemeRoute } from '../handlers/schemes.ts';
import { getRectificationRoute, listRectificationsRoute } from '../handlers/rectifications.ts';

/** The public boards answer with what their schemas promise; bad input is a 4xx problem, never a 500. */
describe('public boards and bad input', () => {
  it('lists reviews, rectifications, competitions, runs, results and tiers for anyone', async () => {
    const review = await api.call(
      openReviewRoute,
      { body: { village: mj, kind: 'satisfaction', title: { zh: '公示测试', en: 'Board test' }, households: [`${mj}/g1/h06`] } },
      { as: head(1) },
    );
    const id = review.body.reviewId;
    expect(
      (
        await api.call(
          respondRoute,
          { params: { reviewId: id }, body: { scores: { overall: 1, 'meets-needs': 1, 'informed-involved': 1 } } },
          { as: head(6) },
        )
      ).status,
    ).toBe(201);
    const closed = await api.call(closeReviewRoute, { params: { reviewId: id }, body: {} }, { as: head(2) });
    expect(closed.body.belowThreshold).toEqual(['overall', 'meets-needs', 'informed-involved']);
    const reviews = await api.call(listReviewsRoute, { query: { village: mj, limit: 100 } });
    expect(reviews.status).toBe(200);
    expect(reviews.body.items.find((r: { reviewId: string }) => r.reviewId === id)).toMatchObject({
      status: 'published',
      responses: 1,
      responseRate: 100,
    });
    const rects = await api.call(listRectificationsRoute, { query: { village: mj, limit: 100 } });
    const mine = rects.body.items.filter((r: { reviewId: string }) => r.reviewId === id);
    expect(mine).toHaveLength(3);
    const one = await api.call(getRectificationRoute, { params: { rectificationId: mine[0]!.rectificationId } });
    expect(one.body).toMatchObject({ status: 'open', score: 0, threshold: 60 });
    for (const path of [
      `/evaluation/competitions${q({ place: demo.qiliping })}`,
      `/evaluation/assessments${q({ county: demo.hongan })}`,
      `/evaluation/assessment-results${q({ county: demo.hongan, year: 2016 })}`,
      `/evaluation/tiers${q({ county: demo.hongan })}`,
      `/evaluation/village-reviews${q({ county: demo.hongan, year: 2016 })}`,
      `/evaluation/schemes/tpl-village-co-creation`,
    ]) {
      expect((await api.get(path)).status, path).toBe(200);
    }
  });

  it('answers 404 for things that do not exist', async () => {
    for (const path of [
      `/evaluation/reviews/${newId()}`,
      `/evaluation/reviews/${newId()}/results`,
      `/evaluation/competitions/${newId()}`,
      `/evaluation/rectifications/${newId()}`,
      `/evaluation/assessments/${newId()}`,
      `/evaluation/schemes/${newId()}`,
      `/evaluation/schemes/tpl-nothing-here`,
      `/evaluation/projects/${newId()}`,
    ]) {
      const res = await api.get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    const respond = await api.call(respondRoute, { params: { reviewId: newId() }, body: { scores: {} } }, { as: head(1) });
    expect(respond.status).toBe(404);
  });

  it('answers bad input with a problem naming the field, never a 500', async () => {
    // raw: invalid input on purpose
    const notJson = await api.post('/evaluation/schemes', '{not json', { as: county });
    expect([notJson.status, notJson.body.code]).toEqual([400, 'bad-request']);
    // raw: invalid input on purpose
    const wrongType = await api.post('/evaluation/schemes', 'x', { as: county, headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status).toBe(415);
    const badId = await api.call(getReviewRoute, { params: { reviewId: 'not-a-ulid' } });
    expect(badId.status).toBe(400);
    const noVillage = await api.call(listReviewsRoute, {});
    expect([noVillage.status, noVillage.body.errors![0]!.pointer]).toEqual([400, '/village']);
    // raw: invalid input on purpose
    const badBody = await api.post(
      '/evaluation/competitions',
      { place: demo.qiliping, kind: 'beauty', title: { zh: '' }, awards: 0 },
      { as: county },
    );
    expect(badBody.status).toBe(422);
    expect(badBody.body.errors!.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/awards', '/kind', '/title/en', '/title/zh']);
    const deep = await api.call(
      createSchemeRoute,
      { body: { place: demo.hongan, title: { zh: 'x', en: 'x' }, criteria: [{ id: 'A B', name: { zh: 'x', en: 'x' }, weight: true }] } },
      { as: county },
    );
    expect(deep.status).toBe(422);
    expect(deep.body.errors!.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/criteria/0/id', '/criteria/0/weight']);
  });
});
