import { describe, expect, it } from 'vitest';
import { ProjectAccepted, ProjectOpened, ProjectStageChanged } from '@cocreate/contracts';
import { publishEvent } from '@cocreate/local/testing';
import { api, bus, clockNow, eventually, expert, head, hh, mj, newId, onBus } from './helpers.ts';
import {
  closeReviewRoute,
  getProjectReviews,
  getReviewRoute,
  listResponsesRoute,
  openReviewRoute,
  respondRoute,
  resultsRoute,
} from '../handlers/reviews.ts';
import { getParticipation } from '../handlers/assessments.ts';
import {
  listRectificationsRoute,
  reportRectificationRoute,
  requestEvidenceUpload,
  verifyRectificationRoute,
} from '../handlers/rectifications.ts';

/**
 * Staged project reviews through the gateway, played from the projects service's events: who may answer what
 * (服务谁、谁评价), one response per household under concurrency, results, anonymity, rectification to closure,
 * and tolerance of events in any order.
 */
const stars = (overall: number, meets: number, informed: number) => ({ overall, 'meets-needs': meets, 'informed-involved': informed });

async function project(projectId: string) {
  return eventually(
    async () => {
      const r = await api.call(getProjectReviews, { params: { projectId } });
      return r.status === 200 ? r.body : undefined;
    },
    20_000,
    `evaluation to see project ${projectId}`,
  );
}

async function stageReviews(projectId: string, stage: string, count = 2) {
  return eventually(
    async () => {
      const r = await api.call(getProjectReviews, { params: { projectId } });
      const list = r.status === 200 ? r.body.reviews.filter((x) => x.stage === stage) : [];
      return list.length === count
        ? (list as { reviewId: string; kind: string; eligibleCount: number; schemeId: string; schemeVersion: number }[])
        : undefined;
    },
    20_000,
    `${stage} reviews of ${projectId}`,
  );
}

const beneficiaries = [1, 2, 3, 5, 8, 11].map((n) => hh(n));

function opened(projectId: string, title = '村口道路硬化') {
  return {
    projectId,
    village: mj,
    proposalId: newId(),
    title,
    category: 'roads' as const,
    builder: 'cooperative' as const,
    budget: 48_000_000,
    beneficiaries,
    stage: 'survey' as const,
  };
}

describe('a project’s before-stage reviews (事前预评)', () => {
  const projectId = newId();
  let satisfaction: string;
  let quality: string;

  it('open when ProjectOpened arrives: a satisfaction survey of the beneficiaries and a quality review, on recorded scheme versions', async () => {
    await publishEvent(bus, ProjectOpened, opened(projectId), { place: mj });
    const list = await stageReviews(projectId, 'before');
    satisfaction = list.find((r) => r.kind === 'satisfaction')!.reviewId;
    quality = list.find((r) => r.kind === 'quality')!.reviewId;
    expect(list.find((r) => r.kind === 'satisfaction')).toMatchObject({
      eligibleCount: 6,
      schemeId: 'tpl-project-satisfaction',
      schemeVersion: 1,
    });
    // Representatives (households 3–9) and the supervision committee (10–12): 10 members.
    expect(list.find((r) => r.kind === 'quality')).toMatchObject({ eligibleCount: 10, schemeId: 'tpl-project-quality' });
    const review = await api.call(getReviewRoute, { params: { reviewId: satisfaction } });
    expect(review.body.scheme.criteria.map((c: { id: string }) => c.id)).toEqual(['overall', 'meets-needs', 'informed-involved']);
    const events = await eventually(
      async () => {
        const e = await onBus<{ reviewId: string }>('ReviewOpened', (d) => d.reviewId === satisfaction);
        return e.length ? e : undefined;
      },
      20_000,
      'ReviewOpened on the bus',
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.detail.data).toMatchObject({ purpose: 'satisfaction', stage: 'before', projectId, eligible: 6 });
  });

  it('refuses a non-beneficiary household’s satisfaction response (服务谁、谁评价)', async () => {
    const res = await api.call(respondRoute, { params: { reviewId: satisfaction }, body: { scores: stars(5, 5, 5) } }, { as: head(7) });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('not-a-beneficiary');
    const other = await api.call(
      respondRoute,
      { params: { reviewId: satisfaction }, body: { scores: stars(5, 5, 5) } },
      { as: 'p-changsheng-01' },
    );
    expect(other.status).toBe(403);
  });

  it('takes exactly one response per beneficiary household when all its members answer at once', async () => {
    const members: Record<number, string[]> = {
      1: ['p-majiaqiao-01', 'p-majiaqiao-01-1'],
      2: ['p-majiaqiao-02', 'p-majiaqiao-02-1', 'p-majiaqiao-02-2'],
      3: ['p-majiaqiao-03'],
      5: ['p-majiaqiao-05', 'p-majiaqiao-05-1', 'p-majiaqiao-05-2'],
      8: ['p-majiaqiao-08', 'p-majiaqiao-08-1', 'p-majiaqiao-08-2'],
      11: ['p-majiaqiao-11', 'p-majiaqiao-11-1', 'p-majiaqiao-11-2'],
    };
    const callers = Object.values(members).flatMap((list) => [...list, list[0]!]); // every member, and each head twice
    const year = new Date((await clockNow()).getTime() + 8 * 3600_000).getUTCFullYear();
    const reviewsCounted = async () =>
      (await api.call(getParticipation, { query: { village: mj, year } }, { as: head(1) })).body.components.reviews!.count as number;
    const countedBefore = await reviewsCounted();
    // 4, 2, 5 stars → 75, 25, 100 → 0.4×75 + 0.3×25 + 0.3×100 = 67.5
    const results = await Promise.all(
      callers.map((as) => api.call(respondRoute, { params: { reviewId: satisfaction }, body: { scores: stars(4, 2, 5) } }, { as })),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(6);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'already-answered')).toBe(true);
    expect(results.filter((r) => r.status !== 201)).toHaveLength(callers.length - 6);
    expect(created.every((r) => r.body.overall === 67.5)).toBe(true);
    const review = await api.call(getReviewRoute, { params: { reviewId: satisfaction } });
    expect(review.body).toMatchObject({ responses: 6, eligibleCount: 6, responseRate: 100 });
    const submitted = await eventually(
      async () => {
        const e = await onBus<{ reviewId: string }>('ReviewSubmitted', (d) => d.reviewId === satisfaction);
        return e.length === 6 ? e : undefined;
      },
      20_000,
      'six ReviewSubmitted',
    );
    expect(new Set(submitted.map((e) => (e.detail.data as unknown as { household: string }).household))).toEqual(new Set(beneficiaries));
    // Its own ReviewSubmitted events come back through the bus into the village's participation counters, once each.
    await eventually(async () => (await reviewsCounted()) === countedBefore + 6 || undefined, 20_000, 'responses counted as participation');
  });

  it('refuses scores that do not fit the scheme, naming each field', async () => {
    const res = await api.call(
      respondRoute,
      { params: { reviewId: quality }, body: { scores: { workmanship: 11, safety: 5, schedule: 5, bogus: 1 } } },
      { as: head(4) },
    );
    expect(res.status).toBe(422);
    expect(res.body.errors!.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/scores/bogus',
      '/scores/money-disclosure',
      '/scores/workmanship',
    ]);
  });

  it('quality: representatives, supervisors and experts answer once each; a plain resident is refused', async () => {
    const scores = { workmanship: 8, safety: 7, schedule: 6, 'money-disclosure': 9 };
    expect((await api.call(respondRoute, { params: { reviewId: quality }, body: { scores } }, { as: head(4) })).status).toBe(201); // representative
    expect((await api.call(respondRoute, { params: { reviewId: quality }, body: { scores } }, { as: head(10) })).status).toBe(201); // supervisor
    expect((await api.call(respondRoute, { params: { reviewId: quality }, body: { scores } }, { as: expert })).status).toBe(201);
    const again = await api.call(respondRoute, { params: { reviewId: quality }, body: { scores } }, { as: expert });
    expect([again.status, again.body.code]).toEqual([409, 'already-answered']);
    const resident = await api.call(respondRoute, { params: { reviewId: quality }, body: { scores } }, { as: 'p-majiaqiao-04-1' });
    expect([resident.status, resident.body.code]).toEqual([403, 'not-a-quality-reviewer']);
    const live = await api.call(resultsRoute, { params: { reviewId: quality } }, { as: head(1) });
    // Experts answer but only the village's 10 members count toward the rate: 2 of 10.
    expect(live.body).toMatchObject({ live: true, responses: 3, eligible: 10, eligibleResponses: 2, responseRate: 20, overall: 76 });
  });

  it('shows the public only the response rate while open, and the supervision committee who answered what', async () => {
    const pub = await api.call(resultsRoute, { params: { reviewId: satisfaction } });
    expect(pub.status).toBe(200);
    expect(pub.body).toEqual({ reviewId: satisfaction, status: 'open', responses: 6, eligible: 6, responseRate: 100, live: false });
    const sup = await api.call(listResponsesRoute, { params: { reviewId: satisfaction } }, { as: head(10) });
    expect(sup.status).toBe(200);
    expect(sup.body.items).toHaveLength(6);
    expect(new Set(sup.body.items.map((i) => i.household))).toEqual(new Set(beneficiaries));
    expect(sup.body.items.every((i: { reviewer: string }) => i.reviewer.startsWith('p-majiaqiao-'))).toBe(true);
    const cadre = await api.call(listResponsesRoute, { params: { reviewId: satisfaction } }, { as: head(1) });
    expect(cadre.status).toBe(403);
    const anon = await api.call(listResponsesRoute, { params: { reviewId: satisfaction } });
    expect(anon.status).toBe(401);
  });

  it('publishes weighted results on closing, anonymous to the public, and opens a rectification for the low criterion', async () => {
    const refused = await api.call(closeReviewRoute, { params: { reviewId: satisfaction }, body: {} }, { as: head(7) });
    expect(refused.status).toBe(403);
    const closed = await api.call(closeReviewRoute, { params: { reviewId: satisfaction }, body: {} }, { as: head(1) });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'published',
      overall: 67.5,
      responses: 6,
      responseRate: 100,
      belowThreshold: ['meets-needs'],
    });
    expect(closed.body.criteria.map((c) => [c.criterionId, c.score])).toEqual([
      ['overall', 75],
      ['meets-needs', 25],
      ['informed-involved', 100],
    ]);
    expect(closed.body.distribution.find((b: { band: string }) => b.band === '60-69')!.count).toBe(6);
    const pub = await api.call(resultsRoute, { params: { reviewId: satisfaction } });
    expect(pub.body).toMatchObject({ status: 'published', overall: 67.5, live: false });
    expect(JSON.stringify(pub.body)).not.toMatch(/p-majiaqiao|g1\/h0/);
    const twice = await api.call(closeReviewRoute, { params: { reviewId: satisfaction }, body: {} }, { as: head(1) });
    expect([twice.status, twice.body.code]).toEqual([409, 'review-published']);
    const late = await api.call(respondRoute, { params: { reviewId: satisfaction }, body: { scores: stars(1, 1, 1) } }, { as: head(1) });
    expect([late.status, late.body.code]).toEqual([409, 'review-closed']);

    const published = await eventually(
      async () => (await onBus<{ reviewId: string }>('EvaluationPublished', (d) => d.reviewId === satisfaction)).at(0),
      20_000,
      'EvaluationPublished',
    );
    expect(published.detail.data).toMatchObject({ overall: 67.5, responseRate: 100, rectifications: 1 });
    const opened = await eventually(
      async () => (await onBus<{ reviewId: string }>('RectificationOpened', (d) => d.reviewId === satisfaction)).at(0),
      20_000,
      'RectificationOpened',
    );
    expect(opened.detail.data).toMatchObject({ criterionId: 'meets-needs', score: 25, threshold: 60, projectId, stage: 'before' });
  });

  it('tracks the rectification to closure: the village reports with evidence, the supervision committee verifies', async () => {
    const list = await api.call(listRectificationsRoute, { query: { village: mj, status: 'open' } });
    const item = list.body.items.find((r: { reviewId: string }) => r.reviewId === satisfaction);
    expect(item).toMatchObject({ criterionId: 'meets-needs', status: 'open', criterion: { zh: '符合群众需求' } });
    const id = item!.rectificationId;

    const upload = await api.call(
      requestEvidenceUpload,
      { body: { place: mj, filename: 'after.jpg', contentType: 'image/jpeg', size: 4 } },
      { as: head(1) },
    );
    expect(upload.status).toBe(201);
    expect(upload.body.key.startsWith(`evaluation/${mj}/`)).toBe(true);
    expect(
      (
        await api.call(
          requestEvidenceUpload,
          { body: { place: mj, filename: 'after.jpg', contentType: 'image/jpeg', size: 4 } },
          { as: 'p-changsheng-01' },
        )
      ).status,
    ).toBe(403);
    // A file under another village's prefix is refused before anything is written.
    const elsewhere = await api.call(
      reportRectificationRoute,
      {
        params: { rectificationId: id },
        body: { note: '已整改', evidence: [{ key: `evaluation/hubei/huanggang/hongan/qiliping/changsheng/x/a.jpg` }] },
      },
      { as: head(1) },
    );
    expect([elsewhere.status, elsewhere.body.code, elsewhere.body.errors?.[0]?.pointer]).toEqual([
      422,
      'evidence-outside-place',
      '/evidence/0',
    ]);
    const early = await api.call(
      verifyRectificationRoute,
      { params: { rectificationId: id }, body: { accepted: true, note: '属实' } },
      { as: head(10) },
    );
    expect([early.status, early.body.code]).toEqual([409, 'wrong-status']);
    const reported = await api.call(
      reportRectificationRoute,
      { params: { rectificationId: id }, body: { note: '已按群众意见调整方案' } },
      { as: head(1) },
    );
    expect(reported.status).toBe(200);
    expect(reported.body.status).toBe('reported');
    const byCadre = await api.call(
      verifyRectificationRoute,
      { params: { rectificationId: id }, body: { accepted: true, note: '属实' } },
      { as: head(1) },
    );
    expect(byCadre.status).toBe(403);
    const rejected = await api.call(
      verifyRectificationRoute,
      { params: { rectificationId: id }, body: { accepted: false, note: '还需公示调整后的方案' } },
      { as: head(10) },
    );
    expect(rejected.body.status).toBe('open');
    await api.call(reportRectificationRoute, { params: { rectificationId: id }, body: { note: '已公示', evidence: [] } }, { as: head(2) });
    const closed = await api.call(
      verifyRectificationRoute,
      { params: { rectificationId: id }, body: { accepted: true, note: '属实' } },
      { as: head(11) },
    );
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect(closed.body.history.map((h: { action: string }) => h.action)).toEqual([
      'opened',
      'reported',
      'rejected',
      'reported',
      'accepted',
    ]);
    const event = await eventually(
      async () => (await onBus<{ rectificationId: string }>('RectificationClosed', (d) => d.rectificationId === id)).at(0),
      20_000,
      'RectificationClosed',
    );
    expect(event.source).toBe('cocreate.evaluation');
    expect(event.detail.data).toMatchObject({ reportedBy: head(2), verifiedBy: head(11), criterionId: 'meets-needs' });
  });

  it('opens the during stage on entering construction, and the after stage (beneficiaries only) on final acceptance', async () => {
    await publishEvent(
      bus,
      ProjectStageChanged,
      { projectId, village: mj, from: 'approved', to: 'in-construction', beneficiaries },
      { place: mj },
    );
    await stageReviews(projectId, 'during');
    await publishEvent(
      bus,
      ProjectAccepted,
      {
        projectId,
        proposalId: newId(),
        village: mj,
        acceptance: 'initial',
        acceptedAt: new Date().toISOString(),
        beneficiaries,
        spent: 1,
        budget: 2,
      },
      { place: mj },
    );
    // Final acceptance names fewer beneficiaries: only they rate the benefit.
    await publishEvent(
      bus,
      ProjectAccepted,
      {
        projectId,
        proposalId: newId(),
        village: mj,
        acceptance: 'final',
        acceptedAt: new Date().toISOString(),
        beneficiaries: [hh(1)],
        spent: 1,
        budget: 2,
      },
      { place: mj },
    );
    const after = await stageReviews(projectId, 'after');
    const sat = after.find((r) => r.kind === 'satisfaction')!;
    expect(sat.eligibleCount).toBe(1);
    const p = await project(projectId);
    expect(p).toMatchObject({ known: true, reviewedStages: ['before', 'during', 'after'], superseded: [], title: '村口道路硬化' });
    expect(p.reviews).toHaveLength(6);
    const h2 = await api.call(respondRoute, { params: { reviewId: sat.reviewId }, body: { scores: stars(5, 5, 5) } }, { as: head(2) });
    expect([h2.status, h2.body.code]).toEqual([403, 'not-a-beneficiary']);
    const h1 = await api.call(
      respondRoute,
      { params: { reviewId: sat.reviewId }, body: { scores: stars(5, 5, 5) } },
      { as: 'p-majiaqiao-01-1' },
    );
    expect(h1.status).toBe(201);
  });
});

describe('project events in any order', () => {
  it('ProjectAccepted before ProjectOpened: the after stage opens; the late ones are recorded as superseded, not opened', async () => {
    const projectId = newId();
    await publishEvent(
      bus,
      ProjectAccepted,
      {
        projectId,
        proposalId: newId(),
        village: mj,
        acceptance: 'final',
        acceptedAt: new Date().toISOString(),
        beneficiaries: [hh(4)],
        spent: 1,
        budget: 2,
      },
      { place: mj },
    );
    await stageReviews(projectId, 'after');
    expect((await project(projectId)).known).toBe(false);
    await publishEvent(bus, ProjectOpened, opened(projectId, '晚到的立项'), { place: mj });
    await publishEvent(
      bus,
      ProjectStageChanged,
      { projectId, village: mj, from: 'approved', to: 'in-construction', beneficiaries: [hh(4)] },
      { place: mj },
    );
    const p = await eventually(
      async () => {
        const r = (await api.call(getProjectReviews, { params: { projectId } })).body;
        return r.superseded?.length === 2 && r.known ? r : undefined;
      },
      20_000,
      'late events recorded',
    );
    expect(p).toMatchObject({ reviewedStages: ['after'], title: '晚到的立项' });
    expect(new Set(p.superseded)).toEqual(new Set(['before', 'during']));
    expect(p.reviews).toHaveLength(2);
  });

  it('the same ProjectOpened delivered twice opens one pair of reviews', async () => {
    const projectId = newId();
    const eventId = newId();
    await publishEvent(bus, ProjectOpened, opened(projectId), { place: mj, id: eventId });
    await publishEvent(bus, ProjectOpened, opened(projectId), { place: mj, id: eventId });
    // And the same fact under a new event id does not open a second pair either.
    await publishEvent(bus, ProjectOpened, opened(projectId), { place: mj });
    await stageReviews(projectId, 'before');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await project(projectId)).reviews).toHaveLength(2);
  });
});

describe('reviews opened by hand, closed by their deadline', () => {
  it('a village-wide satisfaction survey closes and publishes itself when its deadline passes', async () => {
    const now = await clockNow();
    const opened = await api.call(
      openReviewRoute,
      {
        body: {
          village: mj,
          kind: 'satisfaction',
          title: { zh: '人居环境满意度调查', en: 'Living environment survey' },
          closesAt: new Date(now.getTime() + 3600_000).toISOString(),
        },
      },
      { as: head(1) },
    );
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ eligibleCount: 12, status: 'open', schemeId: 'tpl-project-satisfaction' });
    const id = opened.body.reviewId;
    expect((await api.call(respondRoute, { params: { reviewId: id }, body: { scores: stars(5, 5, 5) } }, { as: head(7) })).status).toBe(
      201,
    );
    const bad = await api.call(
      openReviewRoute,
      { body: { village: mj, kind: 'quality', title: { zh: 'x', en: 'x' }, households: [hh(1)] } },
      { as: head(1) },
    );
    expect(bad.status).toBe(422);
    const elsewhere = await api.call(
      openReviewRoute,
      {
        body: {
          village: mj,
          kind: 'satisfaction',
          title: { zh: 'x', en: 'x' },
          households: ['hubei/huanggang/hongan/qiliping/changsheng/g1/h01'],
        },
      },
      { as: head(1) },
    );
    expect([elsewhere.status, elsewhere.body.errors?.[0]?.pointer]).toEqual([422, '/households/0']);
    const notCadre = await api.call(
      openReviewRoute,
      { body: { village: mj, kind: 'satisfaction', title: { zh: 'x', en: 'x' } } },
      { as: head(7) },
    );
    expect(notCadre.status).toBe(403);

    await api.post('/_local/clock', { advance: 'PT2H' });
    const pub = await eventually(
      async () => {
        const r = await api.call(resultsRoute, { params: { reviewId: id } });
        return r.body.status === 'published' ? r.body : undefined;
      },
      20_000,
      'the deadline job to publish',
    );
    expect(pub).toMatchObject({ overall: 100, responses: 1, eligible: 12, responseRate: 8.3, belowThreshold: [] });
  });
});
