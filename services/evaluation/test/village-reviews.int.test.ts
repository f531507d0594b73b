import { describe, expect, it } from 'vitest';
import { api, county, demo, eventually, onBus, township } from './helpers.ts';
import {
  countyVerifyRoute,
  listVillageReviews,
  mutualReviewRoute,
  pairsHistoryRoute,
  selfReviewRoute,
  setPairsRoute,
  townshipReportRoute,
} from '../handlers/village-reviews.ts';

/**
 * The annual village review chain through the gateway: self-review → two-village mutual review (pairs set by the
 * township) → township self-report → county verification. Year 2019 keeps this file's records apart.
 */
const year = 2019;
const mj = demo.majiaqiao;
const cs = demo.changsheng;
const zj = 'hubei/huanggang/hongan/qiliping/zhangjiawan';
const five = (a: number, b: number, c: number, d: number, e: number) => ({
  'co-deliberate': a,
  'co-build': b,
  'co-manage': c,
  'co-evaluate': d,
  'co-share': e,
});

describe('the village review chain (村级自评 → 两村互评 → 镇级自评申报 → 县级审核)', () => {
  it('starts with the village’s own self-review on the village-review scheme', async () => {
    const res = await api.call(
      selfReviewRoute,
      { body: { village: mj, year, scores: five(90, 85, 80, 75, 70), summary: '群众参与度明显提高' } },
      { as: 'p-majiaqiao-01' },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      step: 'self-reviewed',
      township: demo.qiliping,
      county: demo.hongan,
      self: { score: 80, scheme: { schemeId: 'tpl-village-co-creation', version: 1 } },
    });
    const again = await api.call(
      selfReviewRoute,
      { body: { village: mj, year, scores: five(100, 100, 100, 100, 100) } },
      { as: 'p-majiaqiao-02' },
    );
    expect([again.status, again.body.code]).toEqual([409, 'step-already-done']);
    const elsewhere = await api.call(
      selfReviewRoute,
      { body: { village: cs, year, scores: five(1, 1, 1, 1, 1) } },
      { as: 'p-majiaqiao-01' },
    );
    expect(elsewhere.status).toBe(403);
    expect(
      (await api.call(selfReviewRoute, { body: { village: cs, year, scores: five(70, 70, 70, 70, 70) } }, { as: 'p-changsheng-01' }))
        .status,
    ).toBe(201);
    expect(
      (await api.call(selfReviewRoute, { body: { village: zj, year, scores: five(60, 60, 60, 60, 60) } }, { as: 'p-zhangjiawan-01' }))
        .status,
    ).toBe(201);
  });

  it('the township pairs its villages; a village paired with itself is refused', async () => {
    const self = await api.call(
      setPairsRoute,
      { body: { reason: '镇党委会议', township: demo.qiliping, year, pairs: [[mj, mj]] } },
      { as: township },
    );
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('invalid-pairs');
    expect(self.body.errors![0]).toMatchObject({ pointer: '/pairs/0', rule: 'self-pair' });
    const foreign = await api.call(
      setPairsRoute,
      { body: { reason: '镇党委会议', township: demo.qiliping, year, pairs: [[mj, demo.taohua]] } },
      { as: township },
    );
    expect([foreign.status, foreign.body.errors![0]!.rule]).toEqual([422, 'outside-township']);
    expect(
      (
        await api.call(
          setPairsRoute,
          { body: { reason: '镇党委会议', township: demo.qiliping, year, pairs: [[mj, cs]] } },
          { as: 'p-majiaqiao-01' },
        )
      ).status,
    ).toBe(403);
    const ok = await api.call(
      setPairsRoute,
      { body: { reason: '镇党委会议', township: demo.qiliping, year, pairs: [[mj, cs]] } },
      { as: township },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.unpaired).toEqual([zj]);
    // Audited (issue 12): who paired whom, when and why.
    const history = await api.call(pairsHistoryRoute, { query: { township: demo.qiliping, year } });
    expect(history.body.items[0]).toMatchObject({ setting: 'review-pairs', after: [[mj, cs]], reason: '镇党委会议' });
  });

  it('a village cannot mutually review itself; only the assigned partner reviews, on the self-review’s scheme version', async () => {
    const itself = await api.call(
      mutualReviewRoute,
      { body: { reviewer: mj, village: mj, year, scores: five(100, 100, 100, 100, 100) } },
      { as: 'p-majiaqiao-01' },
    );
    expect([itself.status, itself.body.code]).toEqual([422, 'self-mutual-review']);
    const notPartner = await api.call(
      mutualReviewRoute,
      { body: { reviewer: zj, village: mj, year, scores: five(10, 10, 10, 10, 10) } },
      { as: 'p-zhangjiawan-01' },
    );
    expect(notPartner.status).toBe(403);
    // A cadre of 马家桥 cannot act as 长胜村 reviewing 马家桥.
    const impostor = await api.call(
      mutualReviewRoute,
      { body: { reviewer: cs, village: mj, year, scores: five(100, 100, 100, 100, 100) } },
      { as: 'p-majiaqiao-01' },
    );
    expect(impostor.status).toBe(403);
    // Township report before the mutual review: out of order.
    const early = await api.call(
      townshipReportRoute,
      { body: { township: demo.qiliping, year, villages: [{ village: mj, score: 80 }] } },
      { as: township },
    );
    expect([early.status, early.body.code]).toEqual([409, 'chain-out-of-order']);
    const res = await api.call(
      mutualReviewRoute,
      { body: { reviewer: cs, village: mj, year, scores: five(80, 75, 70, 65, 60) } },
      { as: 'p-changsheng-01' },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      step: 'mutually-reviewed',
      mutual: { reviewerVillage: cs, score: 70, scheme: { schemeId: 'tpl-village-co-creation', version: 1 } },
    });
    expect(
      (
        await api.call(
          mutualReviewRoute,
          { body: { reviewer: mj, village: cs, year, scores: five(72, 72, 72, 72, 72) } },
          { as: 'p-majiaqiao-03' },
        )
      ).status,
    ).toBe(201);
    const locked = await api.call(
      setPairsRoute,
      { body: { reason: '镇党委会议', township: demo.qiliping, year, pairs: [[mj, zj]] } },
      { as: township },
    );
    expect([locked.status, locked.body.code]).toEqual([409, 'pairs-locked']);
  });

  it('the township reports each village (an unpaired one after its self-review alone)', async () => {
    const res = await api.call(
      townshipReportRoute,
      {
        body: {
          township: demo.qiliping,
          year,
          villages: [
            { village: mj, score: 76, note: '综合自评与互评' },
            { village: zj, score: 60 },
          ],
        },
      },
      { as: township },
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((r) => [r.village, r.report!.suggested, r.report!.unpaired])).toEqual([
      [mj, 75, false],
      [zj, 60, true],
    ]);
    const verifyEarly = await api.call(countyVerifyRoute, { body: { village: cs, year } }, { as: county });
    expect([verifyEarly.status, verifyEarly.body.code]).toEqual([409, 'chain-out-of-order']);
  });

  it('the county confirms a score, or adjusts it only with a recorded reason', async () => {
    const noReason = await api.call(countyVerifyRoute, { body: { village: mj, year, score: 70 } }, { as: county });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({ code: 'adjustment-needs-reason', reportedScore: 76 });
    expect(noReason.body.errors![0]!.pointer).toBe('/reason');
    const blank = await api.call(countyVerifyRoute, { body: { village: mj, year, score: 70, reason: '   ' } }, { as: county });
    expect(blank.status).toBe(422);
    expect((await api.call(countyVerifyRoute, { body: { village: mj, year, score: 70, reason: 'x' } }, { as: township })).status).toBe(403);
    const adjusted = await api.call(
      countyVerifyRoute,
      { body: { village: mj, year, score: 70, reason: '抽查发现两处公共空间无人管护' } },
      { as: county },
    );
    expect(adjusted.status).toBe(200);
    expect(adjusted.body.verification).toMatchObject({
      score: 70,
      reportedScore: 76,
      adjusted: true,
      reason: '抽查发现两处公共空间无人管护',
    });
    const confirmed = await api.call(countyVerifyRoute, { body: { village: zj, year } }, { as: county });
    expect(confirmed.body.verification).toMatchObject({ score: 60, adjusted: false });
    const twice = await api.call(countyVerifyRoute, { body: { village: zj, year, score: 60 } }, { as: county });
    expect([twice.status, twice.body.code]).toEqual([409, 'step-already-done']);
    const ev = await eventually(
      async () =>
        (await onBus<{ village: string; year: number }>('VillageReviewVerified', (d) => d.village === mj && d.year === year)).at(0),
      20_000,
      'VillageReviewVerified',
    );
    expect(ev.detail.data).toMatchObject({
      selfScore: 80,
      mutualScore: 70,
      reportedScore: 76,
      verifiedScore: 70,
      adjusted: true,
      verifiedBy: 'county-hongan-1',
    });
  });

  it('posts the year’s chain publicly, without who entered each score', async () => {
    const res = await api.call(listVillageReviews, { query: { county: demo.hongan, year } });
    expect(res.status).toBe(200);
    const byVillage = Object.fromEntries(res.body.items.map((r: { village: string }) => [r.village, r]));
    expect(byVillage[mj]).toMatchObject({
      step: 'verified',
      selfScore: 80,
      mutualScore: 70,
      mutualBy: cs,
      reportedScore: 76,
      verifiedScore: 70,
      adjusted: true,
    });
    expect(byVillage[cs]).toMatchObject({ step: 'mutually-reviewed', selfScore: 70, mutualScore: 72 });
    expect(JSON.stringify(res.body)).not.toMatch(/p-majiaqiao|county-hongan/);
  });
});
