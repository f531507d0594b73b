import { describe, expect, it } from 'vitest';
import { ParticipationAssessed } from '@cocreate/contracts';
import { JOB_REQUESTED } from '@cocreate/kernel';
import { demo } from '@cocreate/places/seed';
import { eventually, type RouteCall } from '@cocreate/local/testing';
import { allocate, inputsHash } from '../domain/allocation.ts';
import { advance, api, busEvents, clockNow, onBus, publish, settle, ulid } from './support.ts';
import {
  apply,
  enterFiguresRoute,
  excludeApplicationRoute,
  getResults,
  getRound,
  getVillageKpis,
  listApplications,
  listRounds,
  openRoundRoute,
  publishResultsRoute,
} from '../handlers/awards.ts';

/**
 * Awards in lieu of subsidies (以奖代补) through the gateway: a county round over evaluation's KPIs, competitive
 * applications by the right people before the deadline, publication after it with inputs anyone can recompute,
 * and exactly one SubsidyAwarded per village award; a township round for households.
 */
const YEAR = 2041;
const county = api.official('co-hongan', 'county-official', demo.hongan);
const flat = (k: number) => ({ deliberationDepth: k, buildResults: k, managementMechanism: k, evaluationResponse: k });
const weights = { deliberationDepth: 30, buildResults: 30, managementMechanism: 20, evaluationResponse: 20 };

async function assess(village: string, k: number, occurredAt?: string) {
  const assessmentId = ulid();
  await publish(
    ParticipationAssessed,
    { assessmentId, village, year: YEAR, households: 12, score: 5, components: {}, kpis: flat(k) },
    { place: village, ...(occurredAt ? { occurredAt } : {}) },
  );
  return assessmentId;
}

const kpiOf = async (village: string) =>
  (
    (await api.call(getVillageKpis, { query: { village } }, { as: county })).body.items as {
      year: number;
      kpis: { buildResults: number };
      assessmentId: string;
    }[]
  ).find((r) => r.year === YEAR);

describe('a county round for villages', () => {
  it('runs from opening to paid awards, exact to the fen and reproducible from what is published', async () => {
    const now = await clockNow();
    // Evaluation's figures: the later assessment stands even when an older one arrives after it.
    const latest = await assess(demo.majiaqiao, 90, now.toISOString());
    await eventually(async () => (await kpiOf(demo.majiaqiao))?.assessmentId === latest, 60_000, 'majiaqiao’s KPIs');
    await assess(demo.majiaqiao, 10, new Date(now.getTime() - 86_400_000).toISOString());
    await assess(demo.changsheng, 80);
    await assess(demo.xingfu, 70);
    await eventually(async () => !!(await kpiOf(demo.changsheng)) && !!(await kpiOf(demo.xingfu)), 60_000, 'the other KPIs');
    await settle();
    expect((await kpiOf(demo.majiaqiao))?.kpis.buildResults).toBe(90);

    const body: NonNullable<RouteCall<typeof openRoundRoute>['body']> = {
      scope: demo.hongan,
      title: `${YEAR} 年红安县以奖代补 ${ulid()}`,
      budget: 1_000_001,
      applicantKind: 'village',
      kpiYear: YEAR,
      deadline: new Date(now.getTime() + 2 * 86_400_000).toISOString(),
      weights,
      rule: { method: 'proportional-above-threshold', threshold: 60, capPerApplicant: 400_000 },
      restriction: { categories: ['roads', 'water'] },
    };
    expect((await api.call(openRoundRoute, { body }, { as: api.official('t-qlp', 'township-official', demo.qiliping) })).status).toBe(403);
    expect((await api.call(openRoundRoute, { body }, { as: api.official('co-mc', 'county-official', demo.macheng) })).status).toBe(403);
    expect((await api.call(openRoundRoute, { body }, { as: 'p-majiaqiao-01' })).status).toBe(403);
    // raw: invalid input on purpose
    const badWeights = await api.post('/rewards/award-rounds', { ...body, weights: { ...weights, buildResults: 29 } }, { as: county });
    expect(badWeights.status).toBe(422);
    expect(badWeights.body.errors![0]!.pointer).toBe('/weights');
    expect(badWeights.body.errors![0]!.message).toBe('the weights sum to 99, not 100');
    // raw: invalid input on purpose
    const inChinese = await api.post(
      '/rewards/award-rounds',
      { ...body, weights: { ...weights, buildResults: 29 } },
      { as: county, lang: 'zh-CN' },
    );
    expect(inChinese.body.errors![0]!.message).toBe('四项权重之和为 99，须为 100');
    expect(
      (await api.call(openRoundRoute, { body: { ...body, deadline: new Date(now.getTime() - 1000).toISOString() } }, { as: county })).body
        .code,
    ).toBe('deadline-passed');
    // raw: invalid input on purpose
    const badEligible = await api.post(
      '/rewards/award-rounds',
      { ...body, eligible: [demo.majiaqiao, `${demo.majiaqiao}/g1/h01`, demo.fengshu] },
      { as: county },
    );
    expect(badEligible.status).toBe(422);
    expect(badEligible.body.errors!.map((e: { pointer: string }) => e.pointer)).toEqual(['/eligible/1', '/eligible/2']);
    // raw: invalid input on purpose
    const malformed = await api.post(
      '/rewards/award-rounds',
      { ...body, budget: 10.5, rule: { method: 'lottery', threshold: 60.123 } },
      { as: county },
    );
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors!.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/budget',
      '/rule/method',
      '/rule/threshold',
    ]);

    const opened = await api.call(openRoundRoute, { body }, { as: county });
    expect(opened.status).toBe(201);
    const roundId = opened.body.roundId as string;
    expect(opened.body).toMatchObject({ status: 'open', applications: 0 });
    await onBus('AwardRoundOpened', (d: { roundId: string }) => d.roundId === roundId, 1);
    const listed = await api.call(listRounds, { query: { place: demo.majiaqiao } });
    expect(listed.body.items.map((r: { roundId: string }) => r.roundId)).toContain(roundId);

    const applyAs = (as: string, applicant: string) =>
      api.call(apply, { params: { roundId }, body: { applicant, statement: '我村群众参与面广，成效明显。' } }, { as });
    expect((await applyAs('p-majiaqiao-07', demo.majiaqiao)).status).toBe(403); // a household head, not a cadre
    expect((await applyAs('p-changsheng-01', demo.majiaqiao)).status).toBe(403); // another village's cadre
    expect((await applyAs('p-majiaqiao-01', `${demo.majiaqiao}/g1/h01`)).body.code).toBe('wrong-applicant-kind');
    expect((await applyAs('p-fengshu-01', demo.fengshu)).body.code).toBe('not-eligible');
    for (const [cadre, village] of [
      ['p-majiaqiao-01', demo.majiaqiao],
      ['p-changsheng-02', demo.changsheng],
      ['p-xingfu-03', demo.xingfu],
      ['p-taohua-01', demo.taohua],
    ] as const) {
      const res = await applyAs(cadre, village);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ applicant: village, status: 'submitted', appliedBy: cadre });
    }
    const apps = await api.call(listApplications, { params: { roundId } }, { as: county });
    expect(apps.body.items.map((a: { applicant: string }) => a.applicant).sort()).toEqual(
      [demo.changsheng, demo.majiaqiao, demo.taohua, demo.xingfu].sort(),
    );
    expect((await api.call(listApplications, { params: { roundId } }, { as: 'p-majiaqiao-01' })).status).toBe(403);
    expect((await api.call(getRound, { params: { roundId } })).body.applications).toBe(4);
    const twice = await applyAs('p-majiaqiao-02', demo.majiaqiao);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already-applied');
    const early = await api.call(publishResultsRoute, { params: { roundId }, body: {} }, { as: county });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('round-still-open');

    await advance('P3D');
    expect((await applyAs('p-changsheng-01', demo.changsheng)).body.code).toBe('round-closed');
    expect((await api.call(publishResultsRoute, { params: { roundId }, body: {} }, { as: 'p-majiaqiao-01' })).status).toBe(403);
    // Taohua has no assessment for the year yet: publication waits for it (or an exclusion).
    const missing = await api.call(publishResultsRoute, { params: { roundId }, body: {} }, { as: county });
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({ code: 'figures-missing', missing: [demo.taohua] });
    expect(
      (await api.call(enterFiguresRoute, { params: { roundId }, body: { applicant: demo.taohua, kpis: flat(99) } }, { as: county })).body
        .code,
    ).toBe('figures-not-for-villages');
    await assess(demo.taohua, 55);
    await eventually(async () => !!(await kpiOf(demo.taohua)), 60_000, 'taohua’s KPIs');

    const published = await api.call(publishResultsRoute, { params: { roundId }, body: {} }, { as: county });
    expect(published.status).toBe(200);
    const result = published.body;
    // Claims above 60: majiaqiao 30, changsheng 20, xingfu 10 (sum 60); taohua 55 gets nothing. Majiaqiao's share
    // (500 000.5) reaches the 400 000 cap; of the 600 001 left changsheng's share 400 000.67 reaches it too; xingfu
    // takes the remaining 200 001. Allocated exactly the budget.
    const amounts = Object.fromEntries(result.lines.map((l: { applicant: string; amount: number }) => [l.applicant, l.amount]));
    expect(amounts).toEqual({ [demo.majiaqiao]: 400_000, [demo.changsheng]: 400_000, [demo.xingfu]: 200_001, [demo.taohua]: 0 });
    expect(result).toMatchObject({ allocated: 1_000_001, unallocated: 0 });
    expect(result.lines.map((l: { rank: number }) => l.rank)).toEqual([1, 2, 3, 4]);
    // Reproducible: the published inputs give the published hash and the same awards.
    expect(inputsHash(result.inputs)).toBe(result.inputsHash);
    expect(allocate(result.inputs).lines.map((l) => [l.applicant, l.amount])).toEqual(
      result.lines.map((l: { applicant: string; amount: number }) => [l.applicant, l.amount]),
    );
    expect(result.kpiSources[demo.majiaqiao]).toBe(latest);
    expect((await api.call(publishResultsRoute, { params: { roundId }, body: {} }, { as: county })).body.code).toBe('round-published');
    const publicView = await api.call(getResults, { params: { roundId } });
    expect(publicView.status).toBe(200);
    expect(publicView.body.inputsHash).toBe(result.inputsHash);
    const announced = await onBus<{ roundId: string; allocated: number; inputsHash: string }>(
      'AwardsPublished',
      (d) => d.roundId === roundId,
      1,
    );
    expect(announced.map((e) => [e.data.allocated, e.data.inputsHash])).toEqual([[1_000_001, result.inputsHash]]);

    // The publication starts the payout itself (a job request on its commit), so the pools receive their awards at
    // once rather than at the job's next one-minute tick.
    const requested = await api.get(`/_local/bus/events?type=${encodeURIComponent(JOB_REQUESTED)}`);
    expect(
      (requested.body.events as { source: string; detail: { job: string } }[])
        .filter((e) => e.source === 'cocreate.rewards')
        .map((e) => e.detail.job),
    ).toContain('pay-subsidies');
    await eventually(
      async () => (await busEvents('SubsidyAwarded', (d: { roundId: string }) => d.roundId === roundId)).length >= 3 || undefined,
      15_000,
      'the awards paid',
    );
    // Village awards are paid into the pools once each, however often the job runs.
    await api.post('/_local/jobs/rewards/pay-subsidies', {});
    await api.post('/_local/jobs/rewards/pay-subsidies', {});
    const paid = await onBus<{ roundId: string; village: string; amount: number; awardId: string; restriction?: unknown }>(
      'SubsidyAwarded',
      (d) => d.roundId === roundId,
      3,
    );
    await api.post('/_local/jobs/rewards/pay-subsidies', {});
    await onBus('SubsidyAwarded', (d: { roundId: string }) => d.roundId === roundId, 3);
    expect(Object.fromEntries(paid.map((e) => [e.data.village, e.data.amount]))).toEqual({
      [demo.majiaqiao]: 400_000,
      [demo.changsheng]: 400_000,
      [demo.xingfu]: 200_001,
    });
    expect(paid.every((e) => JSON.stringify(e.data.restriction) === JSON.stringify({ categories: ['roads', 'water'] }))).toBe(true);
    expect(new Set(paid.map((e) => e.data.awardId))).toEqual(
      new Set(result.lines.filter((l: { amount: number }) => l.amount > 0).map((l) => l.awardId)),
    );
    expect((await api.call(getRound, { params: { roundId } })).body.payout).toEqual({ due: 3, paid: 3 });
  });
});

describe('a township round for households', () => {
  it('takes applications from heads (or cadres for them), figures from reviewers, exclusions with reasons; no pool payment', async () => {
    const township = api.official('t-qiliping', 'township-official', demo.qiliping);
    const now = await clockNow();
    const opened = await api.call(
      openRoundRoute,
      {
        body: {
          scope: demo.qiliping,
          title: `七里坪镇最美庭院奖补 ${ulid()}`,
          budget: 10_000,
          applicantKind: 'household',
          kpiYear: YEAR,
          deadline: new Date(now.getTime() + 86_400_000).toISOString(),
          weights: { deliberationDepth: 25, buildResults: 25, managementMechanism: 25, evaluationResponse: 25 },
          rule: { method: 'proportional-above-threshold', threshold: 50 },
        },
      },
      { as: township },
    );
    expect(opened.status).toBe(201);
    const roundId = opened.body.roundId as string;
    const V = demo.majiaqiao;
    const applyAs = (as: string, applicant: string) =>
      api.call(apply, { params: { roundId }, body: { applicant, statement: '庭院整洁' } }, { as });
    expect((await applyAs('p-majiaqiao-04', `${V}/g1/h04`)).status).toBe(201); // the head
    expect((await applyAs('p-majiaqiao-05', `${V}/g1/h06`)).status).toBe(201); // a cadre on the household's behalf
    expect((await applyAs('p-majiaqiao-07', `${V}/g2/h08`)).status).toBe(403); // another household's head
    expect((await applyAs('p-majiaqiao-04-1', `${V}/g1/h04`)).status).toBe(403); // not the head
    expect((await applyAs('p-majiaqiao-07', `${V}/g2/h07`)).status).toBe(201);
    expect((await applyAs('p-majiaqiao-01', V)).body.code).toBe('wrong-applicant-kind');

    const figures = (applicant: string, k: number) =>
      api.call(enterFiguresRoute, { params: { roundId }, body: { applicant, kpis: flat(k) } }, { as: township });
    expect(
      (
        await api.call(
          enterFiguresRoute,
          { params: { roundId }, body: { applicant: `${V}/g1/h04`, kpis: flat(80) } },
          { as: 'p-majiaqiao-01' },
        )
      ).status,
    ).toBe(403);
    expect((await figures(`${V}/g1/h04`, 80)).status).toBe(200);
    expect((await figures(`${V}/g1/h06`, 70)).status).toBe(200);
    expect((await figures(`${V}/g2/h09`, 70)).status).toBe(404);
    expect(
      (await api.call(enterFiguresRoute, { params: { roundId }, body: { applicant: `${V}/g1/h04`, kpis: flat(101) } }, { as: township }))
        .status,
    ).toBe(422);
    const excluded = await api.call(
      excludeApplicationRoute,
      { params: { roundId }, body: { applicant: `${V}/g2/h07`, reason: '材料不全' } },
      { as: township },
    );
    expect(excluded.body).toMatchObject({ status: 'excluded', excludedReason: '材料不全' });

    await advance('P2D');
    const published = await api.call(publishResultsRoute, { params: { roundId }, body: {} }, { as: township });
    expect(published.status).toBe(200);
    // Claims above 50: h04 30, h06 20 → 6 000 and 4 000.
    expect(published.body.lines.map((l: { applicant: string; amount: number }) => [l.applicant.slice(-3), l.amount])).toEqual([
      ['h04', 6_000],
      ['h06', 4_000],
    ]);
    expect(published.body.excluded).toEqual([{ applicant: `${V}/g2/h07`, reason: '材料不全' }]);
    expect(published.body.lines.every((l) => l.publicName!.includes('*'))).toBe(true);
    expect((await api.call(getRound, { params: { roundId } })).body.payout).toBeUndefined();
    await api.post('/_local/jobs/rewards/pay-subsidies', {});
    await settle(1_000);
    await onBus('SubsidyAwarded', (d: { roundId: string }) => d.roundId === roundId, 0);
    expect(
      (await api.call(excludeApplicationRoute, { params: { roundId }, body: { applicant: `${V}/g1/h04`, reason: 'x' } }, { as: township }))
        .body.code,
    ).toBe('round-published');
  });
});
