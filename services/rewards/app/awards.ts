import { AwardRoundOpened, AwardsPublished, type VillageKpis, isRefused } from '@cocreate/contracts';
import { type RouteContext, newId, problems } from '@cocreate/kernel';
import { ancestorsOf, isWithin } from '@cocreate/places';
import { allocate } from '../domain/allocation.ts';
import {
  type Application,
  type KpiRecord,
  MAX_APPLICANTS,
  type OpenRefusal,
  type OpenRound,
  type Round,
  type RoundResult,
  canPublish,
  decideApplication,
  decideExclusion,
  decideFigures,
  decideOpenRound,
  decidePublication,
  publicationInputs,
} from '../domain/rounds.ts';
import { kpis } from '../repos/kpis.ts';
import { rounds } from '../repos/rounds.ts';
import { holdsAny, listedVillage, namesOf, refuse, refuseFields, settled } from './common.ts';

/**
 * Awards in lieu of subsidies (以奖代补): rounds, competitive applications, publication of differential awards.
 * Village awards are paid into the village fund pools by the `pay-subsidies` job (SubsidyAwarded), started by the
 * publication's commit (and swept every minute).
 */

/** The scope of a round (its officials' place), for the routes' place checks. */
export const roundScope = async (roundId: string, ctx: RouteContext): Promise<string | undefined> =>
  (await roundOnce(ctx, roundId))?.value.scope;

/** The round as read in this attempt: the place check and the use case share one read. */
const roundOnce = (ctx: RouteContext, roundId: string) => ctx.once(`round:${roundId}`, () => rounds.get(ctx.table, roundId));

/** A refused opening as the problem callers had: the field it is about, with its own rule and message. */
function openProblem(r: OpenRefusal, cmd: OpenRound) {
  switch (r.refused) {
    case 'scope-not-county-or-township':
      return refuseFields(r.refused, [
        { in: 'body', pointer: '/scope', rule: 'county-or-township', message: { zh: '须为县或乡镇路径', en: 'a county or township path' } },
      ]);
    case 'bad-weights':
      return refuseFields(r.refused, [
        {
          in: 'body',
          pointer: '/weights',
          rule: 'sum-100',
          message: { zh: `四项权重之和为 ${String(r.detail?.sum)}，须为 100`, en: `the weights sum to ${String(r.detail?.sum)}, not 100` },
        },
      ]);
    case 'deadline-passed':
      return refuseFields(r.refused, [
        { in: 'body', pointer: '/deadline', rule: 'future', message: { zh: '须晚于现在', en: 'must be after now' } },
      ]);
    case 'bad-eligible':
      return refuseFields(
        r.refused,
        (r.detail?.indexes as number[]).map((i) => ({
          in: 'body' as const,
          pointer: `/eligible/${i}`,
          rule: 'eligible-place',
          message: { zh: `须为 ${cmd.scope} 内的${cmd.applicantKind}`, en: `a ${cmd.applicantKind} inside ${cmd.scope}` },
        })),
      );
  }
}

export async function openRound(cmd: OpenRound, ctx: RouteContext): Promise<Round> {
  const list = cmd.eligible ?? [];
  const [scope, ...places] = await Promise.all([
    ctx.register.place(cmd.scope),
    ...list.map((p) => (isWithin(p, cmd.scope) ? ctx.register.place(p) : undefined)),
  ]);
  const decided = decideOpenRound(cmd, {
    roundId: newId(),
    by: ctx.actor.sub,
    now: ctx.now(),
    scopeKind: scope?.kind,
    eligibleKinds: places.map((p) => p?.kind),
    isWithin,
  });
  if (isRefused(decided)) throw openProblem(decided, cmd);
  const round = decided;
  rounds.write(ctx.tx, round, undefined, false);
  ctx.tx.emit(
    AwardRoundOpened,
    {
      roundId: round.roundId,
      scope: round.scope,
      title: round.title,
      budget: round.budget,
      applicantKind: round.applicantKind,
      kpiYear: round.kpiYear,
      deadline: round.deadline,
      weights: round.weights,
      rule: round.rule,
    },
    { place: round.scope },
  );
  return round;
}

/** Rounds run for a place: by it and by the township and county above it, newest first. */
/** A round as public notices show it: who opened and published it stays with the officials (never a person id on a public page). */
const publicRound = ({ openedBy: _o, publishedBy: _p, ...round }: Round): Round => round;

export async function roundsFor(place: string, ctx: RouteContext): Promise<{ items: Round[] }> {
  const lists = await Promise.all(ancestorsOf(place).map((scope) => rounds.listByScope(ctx.table, scope)));
  return {
    items: lists
      .flat()
      .sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1))
      .map(publicRound),
  };
}

export async function roundOf(roundId: string, ctx: RouteContext): Promise<Round> {
  const round = await roundOnce(ctx, roundId);
  if (!round) throw problems.notFound({ zh: '该轮以奖代补', en: 'The award round' });
  return publicRound(round.value);
}

/** The applicant of an application, for the route's place check: only where the round exists. */
export const applicantPlace = async (roundId: string, applicant: string, ctx: RouteContext): Promise<string | undefined> =>
  (await roundOnce(ctx, roundId)) ? applicant : undefined;

export async function applyToRound(
  cmd: { roundId: string; applicant: string; statement: string },
  ctx: RouteContext,
): Promise<Application> {
  const round = (await roundOnce(ctx, cmd.roundId))!.value;
  const [place, villagePlace, household] = await Promise.all([
    ctx.register.place(cmd.applicant),
    ctx.register.villageOf(cmd.applicant),
    round.applicantKind === 'household' ? ctx.register.household(cmd.applicant) : undefined,
  ]);
  const village = villagePlace?.path ?? '';
  const app = settled(
    decideApplication(round, cmd, {
      now: ctx.now().toISOString(),
      by: ctx.actor.sub,
      applicantKind: place?.kind,
      village,
      cadre: holdsAny(ctx.identity, ['cadre'], village),
      householdHead: household?.head,
      isWithin,
    }),
  );
  rounds.writeApplication(ctx.tx, app, undefined, refuse('already-applied'));
  rounds.countApplication(ctx.tx, round.roundId, MAX_APPLICANTS);
  return app;
}

export async function applicationsOf(roundId: string, ctx: RouteContext): Promise<{ items: Application[] }> {
  return { items: await rounds.applications(ctx.table, roundId) };
}

/** The round and one of its applications, for a reviewer's change. */
async function reviewable(ctx: RouteContext, roundId: string, applicant: string) {
  const round = (await roundOnce(ctx, roundId))!.value;
  if (round.status !== 'open') throw refuse('round-published');
  const app = await rounds.application(ctx.table, roundId, applicant);
  if (!app) throw problems.notFound({ zh: '该申报', en: 'The application' });
  return { round, app };
}

export async function enterFigures(
  cmd: { roundId: string; applicant: string; kpis: VillageKpis },
  ctx: RouteContext,
): Promise<Application> {
  const { round, app } = await reviewable(ctx, cmd.roundId, cmd.applicant);
  const next = settled(decideFigures(round, app.value, cmd.kpis, ctx.actor.sub));
  rounds.writeApplication(ctx.tx, next, app.version, 'retry');
  return next;
}

export async function excludeApplication(
  cmd: { roundId: string; applicant: string; reason: string },
  ctx: RouteContext,
): Promise<Application> {
  const { round, app } = await reviewable(ctx, cmd.roundId, cmd.applicant);
  const next = settled(decideExclusion(round, app.value, cmd.reason, ctx.actor.sub));
  rounds.writeApplication(ctx.tx, next, app.version, 'retry');
  return next;
}

/** After the deadline: score and allocate by the published rule, publish inputs and results (差额式奖补). */
export async function publishResults(roundId: string, ctx: RouteContext): Promise<RoundResult> {
  const { value: round, version } = (await roundOnce(ctx, roundId))!;
  const now = ctx.now().toISOString();
  const not = canPublish(round, now);
  if (not) throw refuse(not);
  const apps = await rounds.applications(ctx.table, round.roundId);
  const taking = apps.filter((a) => a.status === 'submitted');
  const found: Map<string, KpiRecord> =
    round.applicantKind === 'village'
      ? await kpis.getMany(
          ctx.table,
          taking.map((a) => a.applicant),
          round.kpiYear,
        )
      : new Map();
  const figures = new Map<string, VillageKpis>(
    round.applicantKind === 'village'
      ? [...found].map(([village, rec]) => [village, rec.kpis])
      : taking.flatMap((a) => (a.figures ? [[a.applicant, a.figures] as const] : [])),
  );
  const inputs = settled(publicationInputs(round, apps, figures, now));
  const allocation = allocate(inputs);
  // Household awards are published under the head's masked name.
  const households =
    round.applicantKind === 'household' ? await Promise.all(allocation.lines.map((l) => ctx.register.household(l.applicant))) : [];
  const headNames = await namesOf(
    ctx.register,
    households.flatMap((h) => (h ? [h.head] : [])),
  );
  const publicNames = new Map(
    households.flatMap((h, i) => (h && headNames.get(h.head) ? [[allocation.lines[i]!.applicant, headNames.get(h.head)!] as const] : [])),
  );
  const {
    round: published,
    result,
    payoutPending,
  } = decidePublication(round, apps, inputs, allocation, {
    now,
    by: ctx.actor.sub,
    newId,
    kpiSources: Object.fromEntries([...found].map(([v, rec]) => [v, rec.assessmentId])),
    publicNames,
  });
  rounds.write(ctx.tx, published, version, payoutPending);
  rounds.putResult(ctx.tx, result);
  // 以奖代补: the village's pool receives its award moments after the county publishes, not at the next tick.
  if (payoutPending) ctx.tx.startJob('pay-subsidies');
  ctx.tx.emit(
    AwardsPublished,
    {
      roundId: round.roundId,
      scope: round.scope,
      title: round.title,
      budget: round.budget,
      allocated: result.allocated,
      unallocated: result.unallocated,
      inputsHash: result.inputsHash,
      weights: round.weights,
      rule: round.rule,
      awards: result.lines.map((l) => ({
        ...(l.awardId ? { awardId: l.awardId } : {}),
        applicant: l.applicant,
        applicantKind: l.applicantKind,
        score: l.score,
        amount: l.amount,
        rank: l.rank,
      })),
    },
    { place: round.scope },
  );
  return result;
}

export async function resultsOf(roundId: string, ctx: RouteContext): Promise<RoundResult> {
  const result = await rounds.result(ctx.table, roundId);
  if (!result) throw problems.notFound({ zh: '该轮已公布的结果', en: 'Published results of the round' });
  return result;
}

export async function villageKpis(village: string, ctx: RouteContext): Promise<{ items: KpiRecord[] }> {
  await listedVillage(ctx, village);
  return { items: await kpis.ofVillage(ctx.table, village) };
}
