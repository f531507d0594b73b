import { describe, expect, it } from 'vitest';
import {
  BallotCast,
  CandidateSupported,
  ContributionRecorded,
  DiscussionHeld,
  NeedRaised,
  ReviewSubmitted,
  SpaceAdopted,
  UpkeepLogged,
  VillageClassified,
} from '@cocreate/contracts';
import { publishEvent } from '@cocreate/local/testing';
import { api, bus, county, demo, eventually, newId, onBus } from './helpers.ts';
import { getAssessmentRoute, getParticipation, listResultsRoute, listTiersRoute, startAssessmentRoute } from '../handlers/assessments.ts';

/**
 * The participation metric and the county-wide year-end assessment through the gateway, fed by the other services'
 * events. Years 2017/2018 are used only here, so nothing else the suite does counts toward them.
 */
const [Y0, Y1] = [2017, 2018];
const mj = demo.majiaqiao;
const cs = demo.changsheng;
const zj = 'hubei/huanggang/hongan/qiliping/zhangjiawan';
const hongan = [mj, cs, zj, demo.xingfu, demo.taohua].sort();
const mid = (y: number) => `${y}-06-01T10:00:00+08:00`;
const p = (village: string, n: number) => `p-${village.split('/').pop()}-${String(n).padStart(2, '0')}`;

async function needs(village: string, year: number, n: number) {
  for (let i = 0; i < n; i++) {
    await publishEvent(
      bus,
      NeedRaised,
      {
        needId: newId(),
        village,
        place: village,
        category: 'roads',
        text: '路灯',
        channel: 'online',
        raisedBy: p(village, 1),
        recordedBy: p(village, 1),
      },
      { place: village, occurredAt: mid(year) },
    );
  }
}

/** A three-party discussion with `n` resident attendees: 2 points each. */
async function attend(village: string, year: number, n: number) {
  await publishEvent(
    bus,
    DiscussionHeld,
    {
      sessionId: newId(),
      village,
      planId: newId(),
      planVersion: 1,
      heldAt: mid(year),
      parties: ['government', 'society', 'residents'],
      residentAttendees: Array.from({ length: n }, (_, i) => `${p(village, (i % 12) + 1)}${i >= 12 ? `-${Math.floor(i / 12)}` : ''}`),
      otherAttendees: 1,
    },
    { place: village },
  );
}

async function participation(village: string, year: number) {
  return (await api.call(getParticipation, { query: { village, year } }, { as: county })).body;
}

async function runAssessment(year: number, body: Record<string, unknown> = {}) {
  const started = await api.call(startAssessmentRoute, { body: { county: demo.hongan, year, ...body } }, { as: county });
  expect(started.status).toBe(202);
  expect(started.body).toMatchObject({ status: 'queued', total: 5, done: 0, progressPct: 0 });
  const job = await api.post('/_local/jobs/evaluation/assessment-runner', {});
  expect(job.status).toBe(200);
  const run = await eventually(
    async () => {
      const r = await api.call(getAssessmentRoute, { params: { runId: started.body.runId } });
      return r.body.status === 'done' ? r.body : undefined;
    },
    30_000,
    'the assessment to finish',
  );
  return run;
}

describe('participation counters, fed by every service’s events', () => {
  it('count a known event set exactly, once per fact, in the fact’s own year', async () => {
    const v = mj;
    const y = Y1;
    const dup = newId();
    await needs(v, y, 2);
    // One need delivered twice (same event id) and published again under a new id: counted once.
    const need = {
      needId: newId(),
      village: v,
      place: v,
      category: 'water' as const,
      text: '水压',
      channel: 'online' as const,
      raisedBy: p(v, 2),
      recordedBy: p(v, 2),
    };
    await publishEvent(bus, NeedRaised, need, { place: v, occurredAt: mid(y), id: dup });
    await publishEvent(bus, NeedRaised, need, { place: v, occurredAt: mid(y), id: dup });
    await publishEvent(bus, NeedRaised, need, { place: v, occurredAt: mid(y) });
    // A need of the evening of 31 December, China time, belongs to the next year.
    await publishEvent(bus, NeedRaised, { ...need, needId: newId() }, { place: v, occurredAt: `${y}-12-31T16:30:00Z` });
    const candidate = newId();
    for (let i = 1; i <= 4; i++)
      await publishEvent(
        bus,
        CandidateSupported,
        { candidateId: candidate, village: v, supporter: p(v, i), total: i },
        { place: v, occurredAt: mid(y) },
      );
    const proposal = newId();
    for (let i = 1; i <= 3; i++)
      await publishEvent(
        bus,
        BallotCast,
        { proposalId: proposal, village: v, body: 'villagers-meeting', step: 4, voter: p(v, i), channel: 'paper' },
        { place: v, occurredAt: mid(y) },
      );
    await publishEvent(
      bus,
      DiscussionHeld,
      {
        sessionId: newId(),
        village: v,
        planId: newId(),
        planVersion: 2,
        heldAt: mid(y),
        parties: ['government', 'residents'],
        residentAttendees: [p(v, 4), p(v, 6), p(v, 9), p(v, 9)],
        otherAttendees: 2,
      },
      { place: v },
    );
    for (let i = 0; i < 2; i++) {
      await publishEvent(
        bus,
        ContributionRecorded,
        {
          contributionId: newId(),
          projectId: newId(),
          village: v,
          household: `${v}/g1/h03`,
          kind: 'labour',
          value: 48_000,
          hours: 8,
          paid: false,
          contributedOn: `${y}-05-12`,
        },
        { place: v },
      );
    }
    await publishEvent(
      bus,
      SpaceAdopted,
      {
        spaceId: newId(),
        village: v,
        spaceKind: 'green-plot',
        adopter: { kind: 'household', id: `${v}/g1/h03` },
        person: p(v, 3),
        adoptedOn: `${y}-03-01`,
      },
      { place: v },
    );
    for (let i = 0; i < 2; i++) {
      await publishEvent(
        bus,
        UpkeepLogged,
        { upkeepId: newId(), spaceId: newId(), village: v, person: p(v, 3), loggedAt: mid(y), hasEvidence: true },
        { place: v },
      );
    }
    const review = newId();
    await publishEvent(
      bus,
      ReviewSubmitted,
      { reviewId: review, responseId: newId(), village: v, purpose: 'satisfaction', reviewer: p(v, 5) },
      { place: v, occurredAt: mid(y) },
    );
    // A juror from outside the village scoring it is not the village participating.
    await publishEvent(
      bus,
      ReviewSubmitted,
      { reviewId: review, responseId: newId(), village: v, purpose: 'competition', reviewer: 'county-juror-9' },
      { place: v, occurredAt: mid(y) },
    );

    const figures = await eventually(
      async () => {
        const f = await participation(v, y);
        return f.components.upkeep!.count === 2 &&
          f.components.reviews!.count === 1 &&
          f.components.supports!.count === 4 &&
          f.components.needsRaised!.count >= 3
          ? f
          : undefined;
      },
      30_000,
      'the counters to catch up',
    );
    await new Promise((r) => setTimeout(r, 1500)); // any duplicate would have landed by now
    const settled = await participation(v, y);
    expect(settled).toEqual(figures);
    // 3×3 + 1×4 + 1×3 + 2×3 + 3×2 + 3×1 + 1×2 + 2×1 = 35 over 12 households
    expect(figures).toMatchObject({ households: 12, weightedCount: 35, score: 2.92 });
    expect(Object.fromEntries(Object.entries(figures.components).map(([k, c]) => [k, (c as { count: number }).count]))).toEqual({
      needsRaised: 3,
      supports: 4,
      ballots: 3,
      discussionAttendance: 3,
      contributions: 2,
      adoptions: 1,
      upkeep: 2,
      reviews: 1,
    });
    expect(figures.components.needsRaised!.perHousehold).toBe(0.25);
    // 共谋 22/12 of 10 → 18.3; 共建 6/12 of 6 → 8.3; 共管 5/12 of 6 → 6.9; 共评 2/12 of 4 → 4.2
    expect(figures.kpis).toEqual({ deliberationDepth: 18.3, buildResults: 8.3, managementMechanism: 6.9, evaluationResponse: 4.2 });
    expect((await participation(v, y + 1)).components.needsRaised!.count).toBeGreaterThanOrEqual(1);
    expect((await api.call(getParticipation, { query: { village: v, year: y } }, { as: 'p-changsheng-01' })).status).toBe(403);
  });
});

describe('the year-end assessment of a county', () => {
  it('promotes and demotes at the margins, records reasons and figures, and publishes the results', async () => {
    // Initial tiers from deliberation (an older classification arriving late does not roll a newer one back).
    await publishEvent(
      bus,
      VillageClassified,
      { village: cs, class: 'pilot', proposalId: newId(), decidedAt: `${Y0}-01-10T10:00:00+08:00` },
      { place: cs },
    );
    await publishEvent(
      bus,
      VillageClassified,
      { village: zj, class: 'pilot', proposalId: newId(), decidedAt: `${Y0}-01-10T10:00:00+08:00` },
      { place: zj },
    );
    await publishEvent(
      bus,
      VillageClassified,
      { village: mj, class: 'remediation', proposalId: newId(), decidedAt: `${Y0}-02-01T10:00:00+08:00` },
      { place: mj },
    );
    await publishEvent(
      bus,
      VillageClassified,
      { village: mj, class: 'pilot', proposalId: newId(), decidedAt: `${Y0}-01-05T10:00:00+08:00` },
      { place: mj },
    );
    await eventually(
      async () => {
        const t = (await api.call(listTiersRoute, { query: { county: demo.hongan } })).body.items as { village: string }[];
        return t.filter((x) => [mj, cs, zj].includes(x.village)).length === 3 || undefined;
      },
      20_000,
      'tiers recorded',
    );
    // Baseline year: 长胜 and 张家湾 15 attendances each (30 points / 12 households = 2.5); 马家桥 7 (14 points).
    await attend(cs, Y0, 15);
    await attend(zj, Y0, 15);
    await attend(mj, Y0, 7);
    await eventually(
      async () => {
        const counts = await Promise.all(
          [mj, cs, zj].map(async (v) => (await participation(v, Y0)).components.discussionAttendance!.count),
        );
        return (counts[0] === 7 && counts[1] === 15 && counts[2] === 15) || undefined;
      },
      30_000,
      'baseline counters',
    );
    const base = await runAssessment(Y0);
    expect(base).toMatchObject({ total: 5, done: 5, changed: 5, unchanged: 0, tierChanges: 0, progressPct: 100 });

    // Next year: 长胜 falls exactly 20 % (24 points: kept — "more than" the margin is needed); 张家湾 falls 30 %
    // (21 points: demoted); 马家桥 rises from 14 to the 35 points of its known set above (+150 %: promoted).
    await attend(cs, Y1, 12);
    await attend(zj, Y1, 9);
    await needs(zj, Y1, 1);
    await eventually(
      async () => {
        const [c, z] = await Promise.all([cs, zj].map(async (v) => participation(v, Y1)));
        return (c!.weightedCount === 24 && z!.weightedCount === 21) || undefined;
      },
      30_000,
      'next year’s counters',
    );
    const run = await runAssessment(Y1);
    expect(run).toMatchObject({ total: 5, done: 5, changed: 5, tierChanges: 2, progressPct: 100 });

    const results = (await api.call(listResultsRoute, { query: { county: demo.hongan, year: Y1 } })).body.items as Record<string, any>[];
    expect(results.map((r) => r.village)).toEqual(hongan);
    const by = Object.fromEntries(results.map((r) => [r.village, r]));
    expect(by[mj]).toMatchObject({
      score: 2.92,
      decision: { outcome: 'promoted', from: 'remediation', to: 'pilot', previousScore: 1.17, changePct: 150 },
      tierAfter: 'pilot',
    });
    expect(by[cs]).toMatchObject({
      score: 2,
      decision: { outcome: 'kept', from: 'pilot', to: 'pilot', previousScore: 2.5, changePct: -20 },
    });
    expect(by[zj]).toMatchObject({ score: 1.75, decision: { outcome: 'demoted', from: 'pilot', to: 'remediation', changePct: -30 } });
    expect(by[zj].decision.reason.zh).toContain('降级为整治村');
    expect(by[demo.taohua].decision.outcome).toBe('unclassified');
    expect(by[mj].components.needsRaised).toEqual({ count: 3, perHousehold: 0.25 });
    expect(by[mj].kpis).toEqual({ deliberationDepth: 18.3, buildResults: 8.3, managementMechanism: 6.9, evaluationResponse: 4.2 });

    const tiers = Object.fromEntries(
      ((await api.call(listTiersRoute, { query: { county: demo.hongan } })).body.items as { village: string; tier: string }[]).map((t) => [
        t.village,
        t.tier,
      ]),
    );
    expect(tiers).toMatchObject({ [mj]: 'pilot', [cs]: 'pilot', [zj]: 'remediation' });

    const moves = await eventually(
      async () => {
        const e = await onBus<{ village: string; year: number }>('VillageTierChanged', (d) => d.year === Y1);
        return e.length === 2 ? e : undefined;
      },
      20_000,
      'two VillageTierChanged',
    );
    const move = moves.find((e) => e.detail.data.village === mj)!.detail.data as unknown as Record<string, unknown>;
    expect(move).toMatchObject({ from: 'remediation', to: 'pilot', previousScore: 1.17, score: 2.92 });
    expect(move.reason).toContain('150%');
    const assessed = await eventually(
      async () => {
        const e = await onBus<{ village: string; year: number }>(
          'ParticipationAssessed',
          (d) => d.year === Y1 && hongan.includes(d.village),
        );
        return e.length === 5 ? e : undefined;
      },
      20_000,
      'five ParticipationAssessed',
    );
    expect(assessed.find((e) => e.detail.data.village === mj)!.detail.data).toMatchObject({
      households: 12,
      score: 2.92,
      kpis: by[mj].kpis,
    });
  });

  it('re-running with the same inputs gives identical results and publishes nothing new', async () => {
    const before = (await api.call(listResultsRoute, { query: { county: demo.hongan, year: Y1 } })).body.items;
    const eventsBefore = (await onBus<{ year: number }>('ParticipationAssessed', (d) => d.year === Y1)).length;
    const run = await runAssessment(Y1);
    expect(run).toMatchObject({ done: 5, changed: 0, unchanged: 5, tierChanges: 0 });
    const after = (await api.call(listResultsRoute, { query: { county: demo.hongan, year: Y1 } })).body.items;
    expect(after).toEqual(before);
    await eventually(
      async () => (await onBus<{ runId: string }>('AssessmentCompleted', (d) => d.runId === run.runId)).length === 1 || undefined,
      20_000,
      'AssessmentCompleted',
    );
    expect((await onBus<{ year: number }>('ParticipationAssessed', (d) => d.year === Y1)).length).toBe(eventsBefore);
    expect((await onBus<{ year: number }>('VillageTierChanged', (d) => d.year === Y1)).length).toBe(2);
  });

  it('a late event changes one village’s inputs: only that result is revised, under the same id, without moving a tier twice', async () => {
    const before = Object.fromEntries(
      ((await api.call(listResultsRoute, { query: { county: demo.hongan, year: Y1 } })).body.items as Record<string, any>[]).map((r) => [
        r.village,
        r,
      ]),
    );
    await needs(mj, Y1, 1);
    await eventually(
      async () => (await participation(mj, Y1)).components.needsRaised!.count === 4 || undefined,
      20_000,
      'the late need counted',
    );
    const run = await runAssessment(Y1);
    expect(run).toMatchObject({ changed: 1, unchanged: 4, tierChanges: 0 });
    const after = Object.fromEntries(
      ((await api.call(listResultsRoute, { query: { county: demo.hongan, year: Y1 } })).body.items as Record<string, any>[]).map((r) => [
        r.village,
        r,
      ]),
    );
    expect(after[mj]).toMatchObject({
      assessmentId: before[mj].assessmentId,
      revision: 2,
      score: 3.17,
      decision: { outcome: 'promoted', from: 'remediation' },
    });
    expect(after[cs]).toEqual(before[cs]);
    expect((await onBus<{ year: number }>('VillageTierChanged', (d) => d.year === Y1)).length).toBe(2);
  });

  it('one run per county and year at a time; only the county starts it; not for a future year', async () => {
    const a = await api.call(startAssessmentRoute, { body: { county: demo.hongan, year: Y0 } }, { as: county });
    const b = await api.call(startAssessmentRoute, { body: { county: demo.hongan, year: Y0 } }, { as: county });
    expect([a.status, b.status, b.body.code, b.body.runId]).toEqual([202, 409, 'assessment-running', a.body.runId]);
    await api.post('/_local/jobs/evaluation/assessment-runner', {});
    expect((await api.call(startAssessmentRoute, { body: { county: demo.hongan, year: Y0 } }, { as: 'p-majiaqiao-01' })).status).toBe(403);
    expect(
      (
        await api.call(
          startAssessmentRoute,
          { body: { county: demo.qiliping, year: Y0 } },
          { as: api.official('c2', 'county-official', demo.qiliping) },
        )
      ).body.code,
    ).toBe('not-a-county');
    expect((await api.call(startAssessmentRoute, { body: { county: demo.hongan, year: 2099 } }, { as: county })).body.code).toBe(
      'future-year',
    );
    const margins = await api.call(
      startAssessmentRoute,
      { body: { county: demo.hongan, year: Y0, promoteMarginPct: 12.345 } },
      { as: county },
    );
    expect(margins.status).toBe(422);
  });
});
