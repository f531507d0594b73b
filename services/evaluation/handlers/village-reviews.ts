import { z } from 'zod';
import { PlacePath, ReviewSubmitted, VillageReviewVerified } from '@cocreate/contracts';
import { defineRoute, newId, problems } from '@cocreate/kernel';
import type { Register } from '@cocreate/places';
import { type SchemeSnapshot, scoreResponse, validateScores } from '../domain/scheme.ts';
import {
  type ChainRefusal,
  Score100,
  VillageReview,
  canMutuallyReview,
  canReport,
  canSelfReview,
  canVerify,
  partnerOf,
  suggestedScore,
  validatePairs,
  verify,
} from '../domain/village-review.ts';
import { villageReviews } from '../store.ts';
import { Year, lineageOf, nearestOf, ruleErrors, villagesWithin } from './common.ts';
import { loadScheme, resolveScheme } from './schemes.ts';

const Scores = z.record(z.string().max(40), z.number());

function chainProblem(r: ChainRefusal) {
  if (r.refused === 'already-done') {
    return problems.conflict('step-already-done', { zh: '该环节已完成。', en: 'That step is already done.' }, { step: r.step ?? null });
  }
  if (r.refused === 'not-paired') {
    return problems.forbidden({
      zh: '只有乡镇指定的结对村可以互评。',
      en: 'Only the partner village the township assigned may review it.',
    });
  }
  return problems.conflict(
    'chain-out-of-order',
    {
      zh: '评价环节须依次进行：村级自评 → 两村互评 → 镇级自评申报 → 县级审核。',
      en: 'Steps go in order: self-review → mutual review → township report → county verification.',
    },
    { step: r.step ?? null },
  );
}

/** Where a path lies: the nearest village or community, township and county the register knows above it. */
async function placementOf(register: Register, path: string) {
  const lineage = await lineageOf(register, path);
  return {
    village: nearestOf(lineage, 'village', 'community'),
    township: nearestOf(lineage, 'township'),
    county: nearestOf(lineage, 'county'),
  };
}

type Placement = Awaited<ReturnType<typeof placementOf>>;

/** The township and county of a village (or community) a body names; 422 if it is not one. */
function villagePlaced(village: string, placed: Placement, pointer: string) {
  const { township, county } = placed;
  if (placed.village !== village || !township || !county) {
    throw problems.rule('not-a-village', { zh: '须为村或社区。', en: 'Must be a village or community.' }, {}, [
      {
        in: 'body',
        pointer,
        rule: 'village',
        message: { zh: '地点数据中没有这个村或社区', en: 'not a village or community in the places data' },
      },
    ]);
  }
  return { township, county };
}

function scored(scheme: SchemeSnapshot, scores: Record<string, number>) {
  const errors = validateScores(scheme.criteria, scores);
  if (errors.length) ruleErrors('invalid-scores', { zh: '评分不符合评价标准。', en: 'The scores do not fit the scheme.' }, errors);
  return scoreResponse(scheme.criteria, scores).overall.round(2);
}

const strip = ({ version: _v, ...r }: VillageReview & { version: number }): VillageReview => r;

export const selfReview = defineRoute({
  method: 'POST',
  path: '/evaluation/village-reviews/self',
  operationId: 'submitVillageSelfReview',
  summary: 'Step 1: the village scores itself on the village-review scheme (村级自评)',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: z.object({ village: PlacePath, year: Year, scores: Scores, summary: z.string().trim().max(2000).optional() }),
  response: VillageReview,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const [placed, person] = await Promise.all([placementOf(ctx.register, body.village), ctx.register.person(ctx.actor.sub)]);
    const { township, county } = villagePlaced(body.village, placed, '/village');
    const current = await villageReviews.get(ctx.table, body.village, body.year);
    const ok = canSelfReview(current);
    if (ok !== true) throw chainProblem(ok);
    const scheme = await resolveScheme(ctx.table, body.village, 'village-review');
    const at = ctx.now().toISOString();
    const record: VillageReview = {
      reviewId: current?.reviewId ?? newId(),
      village: body.village,
      township,
      county,
      year: body.year,
      step: 'self-reviewed',
      self: {
        scheme: { schemeId: scheme.schemeId, version: scheme.version },
        scores: body.scores,
        score: scored(scheme, body.scores),
        ...(body.summary ? { summary: body.summary } : {}),
        by: ctx.actor.sub,
        at,
      },
    };
    villageReviews.put(ctx.tx, record, current?.version);
    ctx.tx.emit(
      ReviewSubmitted,
      {
        reviewId: record.reviewId,
        responseId: newId(),
        village: body.village,
        purpose: 'village-review',
        reviewer: ctx.actor.sub,
        ...(person?.household ? { household: person.household } : {}),
      },
      { place: body.village },
    );
    return record;
  },
});

export const setPairs = defineRoute({
  method: 'PUT',
  path: '/evaluation/village-reviews/pairs',
  operationId: 'setMutualReviewPairs',
  summary: 'The township pairs its villages for the year’s mutual review (两村互评); fixed once a mutual review is in',
  auth: { roles: ['township-official'], place: ({ body }) => body.township },
  body: z.object({
    township: PlacePath,
    year: Year,
    pairs: z.array(z.tuple([PlacePath, PlacePath])).max(100),
  }),
  response: z.object({
    township: z.string(),
    year: z.number(),
    pairs: z.array(z.tuple([z.string(), z.string()])),
    locked: z.boolean(),
    unpaired: z.array(z.string()),
  }),
  handler: async ({ body }, ctx) => {
    const [township, villages] = await Promise.all([ctx.register.place(body.township), villagesWithin(ctx.register, body.township)]);
    if (township?.kind !== 'township') {
      throw problems.rule('not-a-township', { zh: '须为乡镇。', en: 'Must be a township.' }, {}, [
        { in: 'body', pointer: '/township', rule: 'township', message: { zh: '不是乡镇', en: 'not a township' } },
      ]);
    }
    const errors = validatePairs(new Set(villages), body.pairs);
    if (errors.length) {
      ruleErrors(
        'invalid-pairs',
        {
          zh: '结对不符合规则：村不能与自己互评，每村每年只结对一次，且须为本乡镇的村。',
          en: 'Invalid pairs: a village cannot review itself, pairs once a year, and must be of this township.',
        },
        errors,
      );
    }
    const current = await villageReviews.pairs(ctx.table, body.township, body.year);
    if (current?.locked) {
      throw problems.conflict('pairs-locked', {
        zh: '已有互评提交，结对不能再修改。',
        en: 'A mutual review is already in; the pairs are fixed.',
      });
    }
    const pairs = body.pairs.map(([a, b]) => [a, b] as [string, string]);
    villageReviews.putPairs(
      ctx.tx,
      { township: body.township, year: body.year, pairs, locked: false, setBy: ctx.actor.sub, setAt: ctx.now().toISOString() },
      current?.version,
    );
    const paired = new Set(pairs.flat());
    return { township: body.township, year: body.year, pairs, locked: false, unpaired: villages.filter((v) => !paired.has(v)) };
  },
});

export const mutualReview = defineRoute({
  method: 'POST',
  path: '/evaluation/village-reviews/mutual',
  operationId: 'submitMutualReview',
  summary: 'Step 2: the paired village scores this village on the same scheme version (两村互评)',
  auth: { roles: ['cadre'], place: ({ body }) => body.reviewer },
  body: z.object({
    reviewer: PlacePath.describe('The reviewing village'),
    village: PlacePath.describe('The village reviewed'),
    year: Year,
    scores: Scores,
    summary: z.string().trim().max(2000).optional(),
  }),
  response: VillageReview,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    if (body.reviewer === body.village) {
      throw problems.rule('self-mutual-review', { zh: '村不能对自己进行互评。', en: 'A village cannot mutually review itself.' }, {}, [
        { in: 'body', pointer: '/village', rule: 'other-village', message: { zh: '须不同于评价方', en: 'must differ from the reviewer' } },
      ]);
    }
    const [reviewed, reviewer] = await Promise.all([placementOf(ctx.register, body.village), placementOf(ctx.register, body.reviewer)]);
    const { township } = villagePlaced(body.village, reviewed, '/village');
    villagePlaced(body.reviewer, reviewer, '/reviewer');
    const [current, pairs] = await Promise.all([
      villageReviews.get(ctx.table, body.village, body.year),
      villageReviews.pairs(ctx.table, township, body.year),
    ]);
    const ok = canMutuallyReview(current, body.reviewer, partnerOf(pairs?.pairs ?? [], body.village));
    if (ok !== true) throw chainProblem(ok);
    const record = strip(current!);
    const scheme = (await loadScheme(ctx.table, record.self!.scheme.schemeId, record.self!.scheme.version))!;
    const next: VillageReview = {
      ...record,
      step: 'mutually-reviewed',
      mutual: {
        reviewerVillage: body.reviewer,
        scheme: record.self!.scheme,
        scores: body.scores,
        score: scored(scheme, body.scores),
        ...(body.summary ? { summary: body.summary } : {}),
        by: ctx.actor.sub,
        at: ctx.now().toISOString(),
      },
    };
    villageReviews.put(ctx.tx, next, current!.version);
    // The first mutual review fixes the township's pairs for the year.
    const { version: pairsVersion, ...p } = pairs!;
    if (!p.locked) villageReviews.putPairs(ctx.tx, { ...p, locked: true }, pairsVersion);
    ctx.tx.emit(
      ReviewSubmitted,
      { reviewId: record.reviewId, responseId: newId(), village: body.village, purpose: 'village-review', reviewer: ctx.actor.sub },
      { place: body.village },
    );
    return next;
  },
});

export const townshipReport = defineRoute({
  method: 'POST',
  path: '/evaluation/village-reviews/township-report',
  operationId: 'submitTownshipReport',
  summary: 'Step 3: the township reports a score for each of its villages to the county (镇级自评申报)',
  auth: { roles: ['township-official'], place: ({ body }) => body.township },
  body: z.object({
    township: PlacePath,
    year: Year,
    villages: z
      .array(z.object({ village: PlacePath, score: Score100, note: z.string().trim().max(2000).optional() }))
      .min(1)
      .max(50),
  }),
  response: z.object({ items: z.array(VillageReview) }),
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const [pairs, placements] = await Promise.all([
      villageReviews.pairs(ctx.table, body.township, body.year),
      Promise.all(body.villages.map((entry) => placementOf(ctx.register, entry.village))),
    ]);
    const items: VillageReview[] = [];
    const seen = new Set<string>();
    for (const [i, entry] of body.villages.entries()) {
      const { township } = villagePlaced(entry.village, placements[i]!, `/villages/${i}/village`);
      if (township !== body.township || seen.has(entry.village)) {
        throw problems.rule(
          'not-of-township',
          { zh: '只能申报本乡镇的村，且每村一次。', en: 'Report only this township’s villages, each once.' },
          {},
          [
            {
              in: 'body',
              pointer: `/villages/${i}/village`,
              rule: 'township',
              message: { zh: '不是本乡镇的村，或重复', en: 'not a village of this township, or repeated' },
            },
          ],
        );
      }
      seen.add(entry.village);
      const current = await villageReviews.get(ctx.table, entry.village, body.year);
      const paired = partnerOf(pairs?.pairs ?? [], entry.village) !== undefined;
      const ok = canReport(current, paired);
      if (ok !== true) throw chainProblem(ok);
      const record = strip(current!);
      const next: VillageReview = {
        ...record,
        step: 'reported',
        report: {
          score: entry.score,
          suggested: suggestedScore(record),
          ...(entry.note ? { note: entry.note } : {}),
          unpaired: !paired,
          by: ctx.actor.sub,
          at: ctx.now().toISOString(),
        },
      };
      villageReviews.put(ctx.tx, next, current!.version);
      items.push(next);
    }
    return { items };
  },
});

export const countyVerify = defineRoute({
  method: 'POST',
  path: '/evaluation/village-reviews/verify',
  operationId: 'verifyVillageReview',
  summary: 'Step 4: the county confirms the reported score, or adjusts it — only with a recorded reason (县级审核)',
  auth: { roles: ['county-official'], place: ({ body }) => body.village },
  body: z.object({
    village: PlacePath,
    year: Year,
    score: Score100.optional().describe('Omit to confirm the reported score'),
    reason: z.string().trim().max(2000).optional().describe('Required when the score differs from the reported one'),
  }),
  response: VillageReview,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const [placed, current] = await Promise.all([
      placementOf(ctx.register, body.village),
      villageReviews.get(ctx.table, body.village, body.year),
    ]);
    villagePlaced(body.village, placed, '/village');
    const ok = canVerify(current);
    if (ok !== true) throw chainProblem(ok);
    const record = strip(current!);
    const reported = record.report!.score;
    const outcome = verify(reported, body);
    if ('refused' in outcome) {
      throw problems.rule(
        'adjustment-needs-reason',
        { zh: '调整乡镇申报分数须记录理由。', en: 'Adjusting the township’s reported score needs a recorded reason.' },
        { reportedScore: reported },
        [{ in: 'body', pointer: '/reason', rule: 'required', message: { zh: '须说明调整理由', en: 'a reason for the adjustment' } }],
      );
    }
    const next: VillageReview = {
      ...record,
      step: 'verified',
      verification: {
        score: outcome.score,
        reportedScore: reported,
        adjusted: outcome.adjusted,
        ...(outcome.reason ? { reason: outcome.reason } : {}),
        by: ctx.actor.sub,
        at: ctx.now().toISOString(),
      },
    };
    villageReviews.put(ctx.tx, next, current!.version);
    ctx.tx.emit(
      VillageReviewVerified,
      {
        village: record.village,
        year: record.year,
        selfScore: record.self!.score,
        ...(record.mutual ? { mutualScore: record.mutual.score } : {}),
        reportedScore: reported,
        verifiedScore: outcome.score,
        adjusted: outcome.adjusted,
        ...(outcome.reason ? { reason: outcome.reason } : {}),
        verifiedBy: ctx.actor.sub,
      },
      { place: record.village },
    );
    return next;
  },
});

/** The public board: scores, steps and reasons — not who entered them. */
const PublicVillageReview = z.object({
  village: z.string(),
  township: z.string(),
  year: z.number(),
  step: z.string().optional(),
  selfScore: z.number().optional(),
  mutualScore: z.number().optional(),
  mutualBy: z.string().optional(),
  reportedScore: z.number().optional(),
  suggestedScore: z.number().optional(),
  unpaired: z.boolean().optional(),
  verifiedScore: z.number().optional(),
  adjusted: z.boolean().optional(),
  reason: z.string().optional(),
});

export const listVillageReviews = defineRoute({
  method: 'GET',
  path: '/evaluation/village-reviews',
  operationId: 'listVillageReviews',
  summary: 'The year’s village reviews in a county, each step’s score (posted publicly, 张榜公布)',
  auth: { public: true },
  query: z.object({ county: PlacePath, year: Year, village: PlacePath.optional() }),
  response: z.object({ items: z.array(PublicVillageReview) }),
  handler: async ({ query }, ctx) => {
    const all = await villageReviews.listByCounty(ctx.table, query.county, query.year);
    return {
      items: all
        .filter((r) => !query.village || r.village === query.village)
        .map((r) => ({
          village: r.village,
          township: r.township,
          year: r.year,
          ...(r.step ? { step: r.step } : {}),
          ...(r.self ? { selfScore: r.self.score } : {}),
          ...(r.mutual ? { mutualScore: r.mutual.score, mutualBy: r.mutual.reviewerVillage } : {}),
          ...(r.report ? { reportedScore: r.report.score, suggestedScore: r.report.suggested, unpaired: r.report.unpaired } : {}),
          ...(r.verification
            ? {
                verifiedScore: r.verification.score,
                adjusted: r.verification.adjusted,
                ...(r.verification.reason ? { reason: r.verification.reason } : {}),
              }
            : {}),
        })),
    };
  },
});

export const villageReviewRoutes = [selfReview, setPairs, mutualReview, townshipReport, countyVerify, listVillageReviews];
