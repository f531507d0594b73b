import { ReviewPairsChanged, ReviewSubmitted, VillageReviewVerified, isRefused } from '@cocreate/contracts';
import { type RouteContext, newId } from '@cocreate/kernel';
import { type SchemeSnapshot, scoreResponse, validateScores } from '../domain/scheme.ts';
import {
  type VillageReview,
  canMutuallyReview,
  canReport,
  canSelfReview,
  canVerify,
  partnerOf,
  suggestedScore,
  validatePairs,
  verify,
} from '../domain/village-review.ts';
import { auditEntry, pairsScope } from '../domain/audit.ts';
import { audit } from '../repos/audit.ts';
import { villageReviews } from '../repos/village-reviews.ts';
import { placementOf, villagePlaced, villagesWithin } from './common.ts';
import { refuse, ruleAt, ruleErrors, settled } from './refusals.ts';
import { loadScheme, resolveScheme } from './schemes.ts';

function scored(scheme: SchemeSnapshot, scores: Record<string, number>) {
  const errors = validateScores(scheme.criteria, scores);
  if (errors.length) throw ruleErrors('invalid-scores', errors);
  return scoreResponse(scheme.criteria, scores).overall.round(2);
}

/** Step 1: the village scores itself on the village-review scheme (村级自评). */
export async function selfReview(
  cmd: { village: string; year: number; scores: Record<string, number>; summary?: string | undefined },
  ctx: RouteContext,
): Promise<VillageReview> {
  const [placed, person] = await Promise.all([placementOf(ctx.register, cmd.village), ctx.register.person(ctx.actor.sub)]);
  const { township, county } = villagePlaced(cmd.village, placed, '/village');
  const current = await villageReviews.get(ctx.table, cmd.village, cmd.year);
  settled(canSelfReview(current?.value));
  const scheme = await resolveScheme(ctx.table, cmd.village, 'village-review');
  const at = ctx.now().toISOString();
  const record: VillageReview = {
    reviewId: current?.value.reviewId ?? newId(),
    village: cmd.village,
    township,
    county,
    year: cmd.year,
    step: 'self-reviewed',
    self: {
      scheme: { schemeId: scheme.schemeId, version: scheme.version },
      scores: cmd.scores,
      score: scored(scheme, cmd.scores),
      ...(cmd.summary ? { summary: cmd.summary } : {}),
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
      village: cmd.village,
      purpose: 'village-review',
      reviewer: ctx.actor.sub,
      ...(person?.household ? { household: person.household } : {}),
    },
    { place: cmd.village },
  );
  return record;
}

/** The township pairs its villages for the year's mutual review (两村互评); fixed once a mutual review is in. */
export async function setPairs(cmd: { township: string; year: number; pairs: [string, string][]; reason: string }, ctx: RouteContext) {
  const [township, villages] = await Promise.all([ctx.register.place(cmd.township), villagesWithin(ctx.register, cmd.township)]);
  if (township?.kind !== 'township') throw ruleAt('not-a-township', '/township', 'township', { zh: '不是乡镇', en: 'not a township' });
  const errors = validatePairs(new Set(villages), cmd.pairs);
  if (errors.length) throw ruleErrors('invalid-pairs', errors);
  const current = await villageReviews.pairs(ctx.table, cmd.township, cmd.year);
  if (current?.value.locked) throw refuse('pairs-locked');
  const pairs = cmd.pairs.map(([a, b]) => [a, b] as [string, string]);
  villageReviews.putPairs(
    ctx.tx,
    { township: cmd.township, year: cmd.year, pairs, locked: false, setBy: ctx.actor.sub, setAt: ctx.now().toISOString() },
    current?.version,
  );
  // Audited (issue 12): who paired whom, when and why, and the pairs before.
  const entry = auditEntry({
    changeId: newId(),
    setting: 'review-pairs',
    scope: pairsScope(cmd.township, cmd.year),
    before: current?.value.pairs,
    after: pairs,
    by: ctx.actor.sub,
    now: ctx.now(),
    reason: cmd.reason,
  });
  audit.record(ctx.tx, entry);
  ctx.tx.emit(
    ReviewPairsChanged,
    {
      changeId: entry.changeId,
      township: cmd.township,
      year: cmd.year,
      ...(entry.before ? { before: entry.before } : {}),
      after: pairs,
      changedBy: entry.changedBy,
      changedAt: entry.changedAt,
      reason: entry.reason,
    },
    { place: cmd.township },
  );
  const paired = new Set(pairs.flat());
  return { township: cmd.township, year: cmd.year, pairs, locked: false, unpaired: villages.filter((v) => !paired.has(v)) };
}

/** Step 2: the paired village scores this village on the same scheme version (两村互评). */
export async function mutualReview(
  cmd: { reviewer: string; village: string; year: number; scores: Record<string, number>; summary?: string | undefined },
  ctx: RouteContext,
): Promise<VillageReview> {
  if (cmd.reviewer === cmd.village) {
    throw ruleAt('self-mutual-review', '/village', 'other-village', { zh: '须不同于评价方', en: 'must differ from the reviewer' });
  }
  const [reviewed, reviewer] = await Promise.all([placementOf(ctx.register, cmd.village), placementOf(ctx.register, cmd.reviewer)]);
  const { township } = villagePlaced(cmd.village, reviewed, '/village');
  villagePlaced(cmd.reviewer, reviewer, '/reviewer');
  const [current, pairs] = await Promise.all([
    villageReviews.get(ctx.table, cmd.village, cmd.year),
    villageReviews.pairs(ctx.table, township, cmd.year),
  ]);
  settled(canMutuallyReview(current?.value, cmd.reviewer, partnerOf(pairs?.value.pairs ?? [], cmd.village)));
  const { value: record, version } = current!;
  const scheme = (await loadScheme(ctx.table, record.self!.scheme.schemeId, record.self!.scheme.version))!;
  const next: VillageReview = {
    ...record,
    step: 'mutually-reviewed',
    mutual: {
      reviewerVillage: cmd.reviewer,
      scheme: record.self!.scheme,
      scores: cmd.scores,
      score: scored(scheme, cmd.scores),
      ...(cmd.summary ? { summary: cmd.summary } : {}),
      by: ctx.actor.sub,
      at: ctx.now().toISOString(),
    },
  };
  villageReviews.put(ctx.tx, next, version);
  // The first mutual review fixes the township's pairs for the year.
  if (!pairs!.value.locked) villageReviews.putPairs(ctx.tx, { ...pairs!.value, locked: true }, pairs!.version);
  ctx.tx.emit(
    ReviewSubmitted,
    { reviewId: record.reviewId, responseId: newId(), village: cmd.village, purpose: 'village-review', reviewer: ctx.actor.sub },
    { place: cmd.village },
  );
  return next;
}

/** Step 3: the township reports a score for each of its villages to the county (镇级自评申报). */
export async function townshipReport(
  cmd: { township: string; year: number; villages: { village: string; score: number; note?: string | undefined }[] },
  ctx: RouteContext,
) {
  const [pairs, placements] = await Promise.all([
    villageReviews.pairs(ctx.table, cmd.township, cmd.year),
    Promise.all(cmd.villages.map((entry) => placementOf(ctx.register, entry.village))),
  ]);
  const items: VillageReview[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of cmd.villages.entries()) {
    const { township } = villagePlaced(entry.village, placements[i]!, `/villages/${i}/village`);
    if (township !== cmd.township || seen.has(entry.village)) {
      throw ruleAt('not-of-township', `/villages/${i}/village`, 'township', {
        zh: '不是本乡镇的村，或重复',
        en: 'not a village of this township, or repeated',
      });
    }
    seen.add(entry.village);
    const current = await villageReviews.get(ctx.table, entry.village, cmd.year);
    const paired = partnerOf(pairs?.value.pairs ?? [], entry.village) !== undefined;
    settled(canReport(current?.value, paired));
    const { value: record, version } = current!;
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
    villageReviews.put(ctx.tx, next, version);
    items.push(next);
  }
  return { items };
}

/** Step 4: the county confirms the reported score, or adjusts it — only with a recorded reason (县级审核). */
export async function countyVerify(
  cmd: { village: string; year: number; score?: number | undefined; reason?: string | undefined },
  ctx: RouteContext,
): Promise<VillageReview> {
  const [placed, current] = await Promise.all([
    placementOf(ctx.register, cmd.village),
    villageReviews.get(ctx.table, cmd.village, cmd.year),
  ]);
  villagePlaced(cmd.village, placed, '/village');
  settled(canVerify(current?.value));
  const { value: record, version } = current!;
  const reported = record.report!.score;
  const outcome = verify(reported, cmd);
  if (isRefused(outcome)) {
    throw ruleAt(
      'adjustment-needs-reason',
      '/reason',
      'required',
      { zh: '须说明调整理由', en: 'a reason for the adjustment' },
      { reportedScore: reported },
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
  villageReviews.put(ctx.tx, next, version);
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
}

/** The public board: scores, steps and reasons — not who entered them. */
export async function villageReviewBoard(query: { county: string; year: number; village?: string | undefined }, ctx: RouteContext) {
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
}
