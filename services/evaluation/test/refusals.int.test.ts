import { describe, expect, it } from 'vitest';
import { api, demo, head, hh, mj, newId, township } from './helpers.ts';
import { bindSchemeRoute, createSchemeRoute } from '../handlers/schemes.ts';
import { createCompetitionRoute, startJudgingRoute } from '../handlers/competitions.ts';
import { openReviewRoute } from '../handlers/reviews.ts';
import { setPairsRoute, townshipReportRoute } from '../handlers/village-reviews.ts';

/**
 * The refusals of evaluation's catalogue that the flows of the other files do not meet, each through the gateway:
 * its status, its code and the field it names. Year 2018 keeps this file's village-review records apart.
 */
const title = { zh: '测试评价', en: 'A test review' };
const cadre = head(1);

describe('evaluation refuses, with the catalogue’s codes', () => {
  it('a scheme at a place the register does not know, or with neither a template nor criteria and a title', async () => {
    const nowhere = await api.call(
      createSchemeRoute,
      { body: { place: `${demo.qiliping}/nowhere`, template: 'tpl-courtyard' } },
      { as: township },
    );
    expect([nowhere.status, nowhere.body.code]).toEqual([422, 'unknown-place']);
    expect(nowhere.body.errors![0]).toMatchObject({ pointer: '/place', rule: 'place' });

    const incomplete = await api.call(createSchemeRoute, { body: { place: mj } }, { as: cadre });
    expect([incomplete.status, incomplete.body.code]).toEqual([422, 'scheme-incomplete']);
    expect(incomplete.body.errors!.map((e: { pointer: string }) => e.pointer)).toEqual(['/criteria', '/title']);
  });

  it('a binding with a stage for a purpose without stages, or naming a scheme that does not exist', async () => {
    const staged = await api.call(
      bindSchemeRoute,
      { body: { reason: '村民代表会议选定', place: mj, purpose: 'competition', stage: 'before', schemeId: 'tpl-courtyard' } },
      { as: cadre },
    );
    expect([staged.status, staged.body.code]).toEqual([422, 'stage-not-applicable']);
    expect(staged.body.errors![0]!.pointer).toBe('/stage');

    const unknown = await api.call(
      bindSchemeRoute,
      { body: { reason: '村民代表会议选定', place: mj, purpose: 'satisfaction', schemeId: newId() } },
      { as: cadre },
    );
    expect([unknown.status, unknown.body.code]).toEqual([422, 'unknown-scheme']);
    expect(unknown.body.errors![0]!.pointer).toBe('/schemeId');
  });

  it('a review opened by hand outside a village, naming households for a quality review or of another village, or closing in the past', async () => {
    const above = await api.call(openReviewRoute, { body: { village: demo.qiliping, kind: 'quality', title } }, { as: township });
    expect([above.status, above.body.code]).toEqual([422, 'not-a-village']);
    expect(above.body.errors![0]!.pointer).toBe('/village');

    const quality = await api.call(openReviewRoute, { body: { village: mj, kind: 'quality', title, households: [hh(1)] } }, { as: cadre });
    expect([quality.status, quality.body.code]).toEqual([422, 'households-for-satisfaction']);

    const strangers = await api.call(
      openReviewRoute,
      { body: { village: mj, kind: 'satisfaction', title, households: [hh(1), hh(2, demo.changsheng)] } },
      { as: cadre },
    );
    expect([strangers.status, strangers.body.code]).toEqual([422, 'households-outside-village']);
    expect(strangers.body.errors!.map((e: { pointer: string }) => e.pointer)).toEqual(['/households/1']);

    const past = await api.call(
      openReviewRoute,
      { body: { village: mj, kind: 'quality', title, closesAt: '2001-01-01T00:00:00Z' } },
      { as: cadre },
    );
    expect([past.status, past.body.code]).toEqual([422, 'bad-deadline']);
    expect(past.body.errors![0]!.pointer).toBe('/closesAt');
  });

  it('a sanitation rating above a village, a competition without a jury, judging before any nomination', async () => {
    const rating = await api.call(
      createCompetitionRoute,
      { body: { place: demo.qiliping, kind: 'sanitation-rating', title, jury: ['p-majiaqiao-09'], awards: 1 } },
      { as: township },
    );
    expect([rating.status, rating.body.code]).toEqual([422, 'rating-per-village']);

    const juryless = await api.call(createCompetitionRoute, { body: { place: mj, kind: 'courtyard', title, awards: 1 } }, { as: cadre });
    expect([juryless.status, juryless.body.code]).toEqual([422, 'jury-required']);
    expect(juryless.body.errors![0]!.pointer).toBe('/jury');

    const created = await api.call(
      createCompetitionRoute,
      { body: { place: mj, kind: 'courtyard', title, jury: ['p-majiaqiao-09'], awards: 1 } },
      { as: cadre },
    );
    expect(created.status).toBe(201);
    const early = await api.call(startJudgingRoute, { params: { competitionId: created.body.competitionId }, body: {} }, { as: cadre });
    expect([early.status, early.body.code]).toEqual([409, 'no-nominations']);
  });

  it('pairs set for a place that is not a township, a report naming another township’s village', async () => {
    const pairs = await api.call(setPairsRoute, { body: { township: mj, year: 2018, pairs: [], reason: '镇党委会议' } }, { as: township });
    expect([pairs.status, pairs.body.code]).toEqual([422, 'not-a-township']);
    expect(pairs.body.errors![0]!.pointer).toBe('/township');

    const report = await api.call(
      townshipReportRoute,
      { body: { township: demo.qiliping, year: 2018, villages: [{ village: demo.taohua, score: 80 }] } },
      { as: township },
    );
    expect([report.status, report.body.code]).toEqual([422, 'not-of-township']);
    expect(report.body.errors![0]!.pointer).toBe('/villages/0/village');
  });
});
