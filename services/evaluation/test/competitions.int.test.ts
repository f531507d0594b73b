import { describe, expect, it } from 'vitest';
import { api, demo, eventually, expert, head, hh, mj, onBus, township } from './helpers.ts';
import {
  createCompetitionRoute,
  decideCompetitionRoute,
  getCompetitionRoute,
  listCompetitionsRoute,
  nominateRoute,
  scoreNomineeRoute,
  startJudgingRoute,
} from '../handlers/competitions.ts';
import { listReviewsRoute } from '../handlers/reviews.ts';

const cs = demo.changsheng;
const all = (v: number) => ({ tidy: v, green: v, character: v, example: v });
const clean = (v: number) => ({ indoor: v, courtyard: v, 'three-guarantees': v, 'rubbish-sorting': v, 'toilet-pens': v });
const household = (n: number, village: string = mj) => ({ kind: 'household' as const, id: hh(n, village) });

describe('a township’s 最美庭院 competition', () => {
  const jury = ['p-majiaqiao-09', 'p-changsheng-09', 'expert-hongan-1'];
  let id: string;

  it('is started by the township with a jury, on the courtyard template', async () => {
    const refused = await api.call(
      createCompetitionRoute,
      { body: { place: demo.qiliping, kind: 'courtyard', title: { zh: '最美庭院', en: 'Courtyard' }, jury, awards: 2 } },
      { as: head(1) },
    );
    expect(refused.status).toBe(403);
    const res = await api.call(
      createCompetitionRoute,
      {
        body: {
          place: demo.qiliping,
          kind: 'courtyard',
          title: { zh: '七里坪镇最美庭院', en: 'Qiliping most beautiful courtyard' },
          period: '2026',
          jury,
          awards: 2,
        },
      },
      { as: township },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'nominating', nomineeKind: 'household', scheme: { schemeId: 'tpl-courtyard', version: 1 } });
    id = res.body.competitionId;
  });

  it('takes nominations from residents for households in their own village and within the competition', async () => {
    expect(
      (
        await api.call(
          nominateRoute,
          { params: { competitionId: id }, body: { nominee: household(4), reason: '庭院整洁，花草繁茂' } },
          { as: head(7) },
        )
      ).status,
    ).toBe(201);
    expect(
      (await api.call(nominateRoute, { params: { competitionId: id }, body: { nominee: household(9) } }, { as: head(3) })).status,
    ).toBe(201);
    expect(
      (await api.call(nominateRoute, { params: { competitionId: id }, body: { nominee: household(5, cs) } }, { as: 'p-changsheng-02' }))
        .status,
    ).toBe(201);
    const dup = await api.call(nominateRoute, { params: { competitionId: id }, body: { nominee: household(4) } }, { as: head(8) });
    expect([dup.status, dup.body.code]).toEqual([409, 'already-nominated']);
    // A resident of 马家桥 cannot nominate a household of 长胜村.
    expect(
      (await api.call(nominateRoute, { params: { competitionId: id }, body: { nominee: household(6, cs) } }, { as: head(7) })).status,
    ).toBe(403);
    const outside = await api.call(
      nominateRoute,
      { params: { competitionId: id }, body: { nominee: household(2, demo.fengshu) } },
      { as: 'p-fengshu-02' },
    );
    expect([outside.status, outside.body.code]).toEqual([422, 'nominee-not-eligible']);
    const village = await api.call(
      nominateRoute,
      { params: { competitionId: id }, body: { nominee: { kind: 'village', id: mj } } },
      { as: head(1) },
    );
    expect([village.status, village.body.code]).toEqual([422, 'nominee-not-eligible']);
    const early = await api.call(
      scoreNomineeRoute,
      { params: { competitionId: id }, body: { nominee: household(4), scores: all(9) } },
      { as: 'p-majiaqiao-09' },
    );
    expect([early.status, early.body.code]).toEqual([409, 'wrong-status']);
    // The body's status is the HTTP one; the competition's own is beside it, not in its place.
    expect(early.body).toMatchObject({ status: 409, current: 'nominating' });
  });

  it('the jury scores once each, in parallel, never its own household; others may not score', async () => {
    expect((await api.call(startJudgingRoute, { params: { competitionId: id }, body: {} }, { as: head(1) })).status).toBe(403);
    expect((await api.call(startJudgingRoute, { params: { competitionId: id }, body: {} }, { as: township })).status).toBe(200);
    const late = await api.call(nominateRoute, { params: { competitionId: id }, body: { nominee: household(10) } }, { as: head(10) });
    expect([late.status, late.body.code]).toEqual([409, 'wrong-status']);

    const scores = [
      ['p-majiaqiao-09', household(4), 9], // 90
      ['p-changsheng-09', household(4), 8], // 80
      [expert, household(4), 10], // 100 → mean 90
      ['p-majiaqiao-09', household(5, cs), 7],
      ['p-changsheng-09', household(5, cs), 9],
      [expert, household(5, cs), 8], // mean 80
      ['p-changsheng-09', household(9), 6],
      [expert, household(9), 6], // mean 60
    ] as const;
    const out = await Promise.all(
      scores.map(([as, nominee, v]) =>
        api.call(scoreNomineeRoute, { params: { competitionId: id }, body: { nominee, scores: all(v) } }, { as }),
      ),
    );
    expect(out.map((r) => r.status)).toEqual(scores.map(() => 201));
    expect((await api.call(getCompetitionRoute, { params: { competitionId: id } })).body.scores).toBe(8);

    const own = await api.call(
      scoreNomineeRoute,
      { params: { competitionId: id }, body: { nominee: household(9), scores: all(10) } },
      { as: 'p-majiaqiao-09' },
    );
    expect([own.status, own.body.code]).toEqual([403, 'conflict-of-interest']);
    const again = await api.call(
      scoreNomineeRoute,
      { params: { competitionId: id }, body: { nominee: household(4), scores: all(1) } },
      { as: expert },
    );
    expect([again.status, again.body.code]).toEqual([409, 'already-scored']);
    const stranger = await api.call(
      scoreNomineeRoute,
      { params: { competitionId: id }, body: { nominee: household(4), scores: all(10) } },
      { as: head(4) },
    );
    expect([stranger.status, stranger.body.code]).toEqual([403, 'not-a-juror']);
    const bad = await api.call(
      scoreNomineeRoute,
      { params: { competitionId: id }, body: { nominee: household(5, cs), scores: { tidy: 20 } } },
      { as: 'p-changsheng-09' },
    );
    expect([bad.status, bad.body.code]).toEqual([422, 'invalid-scores']);
    expect(bad.body.errors!.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/scores/character',
      '/scores/example',
      '/scores/green',
      '/scores/tidy',
    ]);
    const badFields = await api.call(
      scoreNomineeRoute,
      { params: { competitionId: id }, body: { nominee: household(9), scores: { tidy: 20 } } },
      { as: 'p-majiaqiao-09' },
    );
    expect(badFields.status).toBe(403); // conflict of interest is checked before the scores
    const notNominated = await api.call(
      scoreNomineeRoute,
      { params: { competitionId: id }, body: { nominee: household(1), scores: all(5) } },
      { as: expert },
    );
    expect([notNominated.status, notNominated.body.code]).toEqual([422, 'not-nominated']);
  });

  it('decides: ranks by mean weighted score, grants the awards, and publishes the ranking with masked names', async () => {
    const decided = await api.call(decideCompetitionRoute, { params: { competitionId: id }, body: {} }, { as: township });
    expect(decided.status).toBe(200);
    expect(
      decided.body.standings!.map((s: { nominee: { id: string }; rank: number; score: number; winner: boolean }) => [
        s.nominee.id,
        s.rank,
        s.score,
        s.winner,
      ]),
    ).toEqual([
      [hh(4), 1, 90, true],
      [hh(5, cs), 2, 80, true],
      [hh(9), 3, 60, false],
    ]);
    const awards = await eventually(
      async () => {
        const e = await onBus<{ competitionId: string }>('AwardGranted', (d) => d.competitionId === id);
        return e.length === 2 ? e : undefined;
      },
      20_000,
      'two AwardGranted',
    );
    const byRank = awards
      .map((e) => e.detail.data as unknown as Record<string, unknown>)
      .sort((a, b) => (a.rank as number) - (b.rank as number));
    expect(byRank[0]).toMatchObject({
      village: mj,
      person: 'p-majiaqiao-04',
      household: hh(4),
      winner: household(4),
      rank: 1,
      title: '七里坪镇最美庭院 / Qiliping most beautiful courtyard',
    });
    expect(byRank[1]).toMatchObject({ village: cs, person: 'p-changsheng-05', household: hh(5, cs), rank: 2 });
    expect(awards.every((e) => e.source === 'cocreate.evaluation')).toBe(true);
    const again = await api.call(decideCompetitionRoute, { params: { competitionId: id }, body: {} }, { as: township });
    expect([again.status, again.body.code]).toEqual([409, 'wrong-status']);
    const pub = await api.call(getCompetitionRoute, { params: { competitionId: id } });
    expect(pub.body.standings![0]!.label).toMatch(/^g1\/h04 .\*+.?$/u);
    const names = JSON.stringify(pub.body);
    const { demoDirectory } = await import('@cocreate/places/directory');
    expect(names).not.toContain(demoDirectory.person('p-majiaqiao-04')!.name);
    // No person id on the public board (issue 16 item 8): jurors and winners by masked name and an opaque ref.
    expect(names).not.toMatch(/p-majiaqiao|p-changsheng|expert-hongan|"createdBy"|"person"/);
    expect(pub.body.jury).toEqual([
      { ref: 'j1', name: expect.stringMatching(/\*/u) },
      { ref: 'j2', name: expect.stringMatching(/\*/u) },
      { ref: 'j3', name: expect.any(String) },
    ]);
    expect(pub.body.winners![0]).toMatchObject({ rank: 1, household: hh(4), name: expect.stringMatching(/\*/u) });
    const listed = await api.call(listCompetitionsRoute, { query: { place: demo.qiliping } });
    expect(JSON.stringify(listed.body)).not.toMatch(/p-majiaqiao|p-changsheng|expert-hongan/);
    const decidedEvent = await eventually(
      async () => (await onBus<{ competitionId: string }>('CompetitionDecided', (d) => d.competitionId === id)).at(0),
      20_000,
      'CompetitionDecided',
    );
    expect(decidedEvent.detail.data).toMatchObject({ ranked: 3, winners: 2, period: '2026' });
  });
});

describe('the periodic household sanitation rating (卫生评比)', () => {
  it('is scored by the village’s sanitation-rating group on any household; winners need the minimum score', async () => {
    const res = await api.call(
      createCompetitionRoute,
      {
        body: {
          place: mj,
          kind: 'sanitation-rating',
          title: { zh: '马家桥村2026年第三季度卫生评比', en: 'Majiaqiao sanitation rating 2026 Q3' },
          period: '2026-Q3',
          awards: 3,
          minScore: 80,
        },
      },
      { as: head(1) },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'judging',
      openNominees: true,
      jury: ['p-majiaqiao-08', 'p-majiaqiao-09', 'p-majiaqiao-11'],
      scheme: { schemeId: 'tpl-household-sanitation' },
    });
    const id = res.body.competitionId;
    const post = (as: string, n: number, v: number, village: string = mj) =>
      api.call(scoreNomineeRoute, { params: { competitionId: id }, body: { nominee: household(n, village), scores: clean(v) } }, { as });
    const out = await Promise.all([
      post(head(8), 1, 9),
      post(head(9), 1, 10),
      post(head(8), 2, 7),
      post(head(11), 8, 8),
      post(head(9), 2, 7),
    ]);
    expect(out.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect((await post(head(8), 8, 10)).body.code).toBe('conflict-of-interest');
    expect((await post(head(1), 3, 10)).body.code).toBe('not-a-juror');
    expect((await post(head(8), 3, 10, cs)).body.code).toBe('not-nominated');
    const decided = await api.call(decideCompetitionRoute, { params: { competitionId: id }, body: {} }, { as: head(2) });
    expect(
      decided.body.standings!.map((s: { nominee: { id: string }; rank: number; score: number; winner: boolean }) => [
        s.nominee.id,
        s.rank,
        s.score,
        s.winner,
      ]),
    ).toEqual([
      [hh(1), 1, 95, true],
      [hh(8), 2, 80, true],
      [hh(2), 3, 70, false],
    ]);
    const awards = await eventually(
      async () => {
        const e = await onBus<{ competitionId: string }>('AwardGranted', (d) => d.competitionId === id);
        return e.length === 2 ? e : undefined;
      },
      20_000,
      'two AwardGranted',
    );
    expect(awards.map((e) => (e.detail.data as unknown as { person: string }).person).sort()).toEqual(['p-majiaqiao-01', 'p-majiaqiao-08']);
    const ratings = await onBus<{ reviewId: string; purpose: string }>('ReviewSubmitted', (d) => d.reviewId === id);
    expect(ratings.every((e) => e.detail.data.purpose === 'sanitation-rating')).toBe(true);
  });
});

describe('a township or county is not a village: lists say which parameter to use (issue 12 item 7)', () => {
  it('refuses a township or county as `village` on reviews, rectifications and participation, with the villages to ask for', async () => {
    const official = api.official('t-qiliping-1', 'township-official', demo.qiliping);
    for (const path of ['/evaluation/reviews', '/evaluation/rectifications', '/evaluation/participation']) {
      const r = await api.get(`${path}?village=${encodeURIComponent(demo.qiliping)}&year=2026`, { as: official });
      expect(r.status, path).toBe(422);
      expect(r.body, path).toMatchObject({
        code: 'list-needs-a-village',
        parameter: 'village',
        scopeKind: 'township',
        errors: [{ in: 'query', pointer: '/village' }],
      });
      expect(r.body.villages, path).toContain(demo.majiaqiao);
    }
    const county = await api.call(listReviewsRoute, { query: { village: demo.hongan } });
    expect(county.body).toMatchObject({ code: 'list-needs-a-village', scopeKind: 'county' });
    expect((await api.call(listReviewsRoute, { query: { village: `${demo.majiaqiao}-nowhere` } })).status).toBe(404);
  });
});
