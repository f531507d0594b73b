import { z } from 'zod';
import { AwardRoundOpened, AwardsPublished, Id, PlacePath, VillageKpis } from '@cocreate/contracts';
import { type RouteContext, defineRoute, newId, problems } from '@cocreate/kernel';
import { ancestorsOf, isWithin } from '@cocreate/places';
import { type AllocationInputs, allocate, inputsHash, weightsProblem } from '../domain/allocation.ts';
import {
  Application,
  KpiRecord,
  MAX_APPLICANTS,
  OpenRound,
  Round,
  RoundResult,
  type ResultLine,
  type RoundRefusal,
  canApply,
  canPublish,
  eligible,
} from '../domain/rounds.ts';
import { kpis, rounds } from '../store.ts';
import { STEWARDS, holdsAny, namesOf } from './common.ts';

/**
 * Awards in lieu of subsidies (以奖代补): rounds, competitive applications, publication of differential awards.
 * Village awards are paid into the village fund pools by the `pay-subsidies` job (SubsidyAwarded).
 */
const OFFICIALS = ['township-official', 'county-official'] as const;

const refused = (code: RoundRefusal | 'already-applied' | 'too-many-applications'): never => {
  const text: Record<typeof code, { zh: string; en: string }> = {
    'round-closed': { zh: '申报已截止。', en: 'The round’s deadline has passed.' },
    'round-still-open': { zh: '申报尚未截止，不能公布结果。', en: 'The round is open until its deadline; results come after it.' },
    'round-published': { zh: '该轮结果已公布。', en: 'The round’s results are already published.' },
    'not-eligible': { zh: '申报对象不在本轮范围内。', en: 'The applicant is not eligible for this round.' },
    'wrong-applicant-kind': { zh: '本轮不接受此类申报对象。', en: 'This round takes another kind of applicant.' },
    'figures-not-for-villages': {
      zh: '村级申报的指标取自效果共评的年度考核。',
      en: 'Village applicants are scored on evaluation’s figures.',
    },
    'deadline-passed': { zh: '截止时间须晚于现在。', en: 'The deadline must be in the future.' },
    'bad-weights': { zh: '四项指标权重之和须为 100。', en: 'The four weights must sum to 100.' },
    'already-applied': { zh: '该对象已申报本轮。', en: 'This applicant already applied to the round.' },
    'too-many-applications': { zh: '本轮申报数量已达上限。', en: 'The round has reached its limit of applications.' },
  };
  const t = text[code];
  if (
    code === 'not-eligible' ||
    code === 'wrong-applicant-kind' ||
    code === 'figures-not-for-villages' ||
    code === 'deadline-passed' ||
    code === 'bad-weights'
  ) {
    throw problems.rule(code, t);
  }
  throw problems.conflict(code, t);
};

const roundScope = async ({ params }: { params: { roundId: string } }, ctx: RouteContext) =>
  (await rounds.get(ctx.table, params.roundId))?.scope;

const loadRound = async (ctx: RouteContext, roundId: string) => (await rounds.get(ctx.table, roundId))!;

const withoutVersion = <T extends { version: number }>(r: T): Omit<T, 'version'> => {
  const { version: _v, ...rest } = r;
  return rest;
};

const applicantKindOk = (kind: string | undefined, wanted: Round['applicantKind']) =>
  wanted === 'village' ? kind === 'village' || kind === 'community' : kind === 'household';

export const openRound = defineRoute({
  method: 'POST',
  path: '/rewards/award-rounds',
  operationId: 'openAwardRound',
  summary: 'Open an award round (以奖代补) with budget, applicants, deadline, KPI weights and the allocation rule',
  auth: { roles: [...OFFICIALS], place: ({ body }) => body.scope },
  body: OpenRound,
  response: Round,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const kind = (await ctx.register.place(body.scope))?.kind;
    if (kind !== 'county' && kind !== 'township') {
      throw problems.rule(
        'scope-not-county-or-township',
        { zh: '以奖代补按县或乡镇组织。', en: 'A round is run by a county or a township.' },
        {},
        [
          {
            in: 'body',
            pointer: '/scope',
            rule: 'county-or-township',
            message: { zh: '须为县或乡镇路径', en: 'a county or township path' },
          },
        ],
      );
    }
    const w = weightsProblem(body.weights);
    if (w) {
      throw problems.rule('bad-weights', { zh: '四项指标权重之和须为 100。', en: `The four weights must sum to 100 (${w}).` }, {}, [
        { in: 'body', pointer: '/weights', rule: 'sum-100', message: w },
      ]);
    }
    const now = ctx.now().toISOString();
    if (Date.parse(body.deadline) <= ctx.now().getTime()) {
      throw problems.rule('deadline-passed', { zh: '截止时间须晚于现在。', en: 'The deadline must be in the future.' }, {}, [
        { in: 'body', pointer: '/deadline', rule: 'future', message: { zh: '须晚于现在', en: 'must be after now' } },
      ]);
    }
    const eligiblePlaces = await Promise.all(
      (body.eligible ?? []).map((p) => (isWithin(p, body.scope) ? ctx.register.place(p) : undefined)),
    );
    const bad = (body.eligible ?? [])
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => !isWithin(p, body.scope) || !applicantKindOk(eligiblePlaces[i]?.kind, body.applicantKind));
    if (bad.length || new Set(body.eligible ?? []).size !== (body.eligible ?? []).length) {
      throw problems.rule(
        'bad-eligible',
        {
          zh: '申报对象须为本范围内、类型正确且不重复的地点。',
          en: 'Eligible applicants must be distinct places of the right kind inside the scope.',
        },
        {},
        bad.map(({ i }) => ({
          in: 'body' as const,
          pointer: `/eligible/${i}`,
          rule: 'eligible-place',
          message: { zh: `须为 ${body.scope} 内的${body.applicantKind}`, en: `a ${body.applicantKind} inside ${body.scope}` },
        })),
      );
    }
    const round: Round = {
      ...body,
      deadline: new Date(body.deadline).toISOString(),
      roundId: newId(),
      status: 'open',
      openedBy: ctx.actor.sub,
      openedAt: now,
      applications: 0,
    };
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
  },
});

export const listRounds = defineRoute({
  method: 'GET',
  path: '/rewards/award-rounds',
  operationId: 'listAwardRounds',
  summary: 'Award rounds (public notices) run for a place: by it and by the township and county above it',
  auth: { public: true },
  query: z.object({ place: PlacePath }),
  response: z.object({ items: z.array(Round) }),
  handler: async ({ query }, ctx) => {
    const lists = await Promise.all(ancestorsOf(query.place).map((scope) => rounds.listByScope(ctx.table, scope)));
    return { items: lists.flat().sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1)) };
  },
});

export const getRound = defineRoute({
  method: 'GET',
  path: '/rewards/award-rounds/{roundId}',
  operationId: 'getAwardRound',
  summary: 'An award round and its published rules (public)',
  auth: { public: true },
  params: z.object({ roundId: Id }),
  response: Round,
  handler: async ({ params }, ctx) => {
    const round = await rounds.get(ctx.table, params.roundId);
    if (!round) throw problems.notFound({ zh: '该轮以奖代补', en: 'The award round' });
    return withoutVersion(round);
  },
});

export const apply = defineRoute({
  method: 'POST',
  path: '/rewards/award-rounds/{roundId}/applications',
  operationId: 'applyToAwardRound',
  summary: 'Apply competitively (竞争性申报): a village through its cadres, a household through its head (or a cadre for it)',
  auth: {
    roles: ['cadre', 'household-head'],
    place: async ({ params, body }, ctx) => ((await rounds.get(ctx.table, params.roundId)) ? body.applicant : undefined),
  },
  params: z.object({ roundId: Id }),
  body: z.object({ applicant: PlacePath, statement: z.string().trim().min(1).max(2000) }),
  response: Application,
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const round = await loadRound(ctx, params.roundId);
    const closed = canApply(round, ctx.now().toISOString());
    if (closed) refused(closed);
    if (round.applications >= MAX_APPLICANTS) refused('too-many-applications');
    const [place, villagePlace, household] = await Promise.all([
      ctx.register.place(body.applicant),
      ctx.register.villageOf(body.applicant),
      round.applicantKind === 'household' ? ctx.register.household(body.applicant) : undefined,
    ]);
    if (!applicantKindOk(place?.kind, round.applicantKind)) refused('wrong-applicant-kind');
    if (!eligible(round, body.applicant, isWithin)) refused('not-eligible');
    const village = villagePlace!.path;
    const cadre = holdsAny(ctx.identity, ['cadre'], village);
    if (round.applicantKind === 'village' ? !cadre : !cadre && household?.head !== ctx.actor.sub) {
      throw problems.forbidden({
        zh: round.applicantKind === 'village' ? '村级申报须由村"两委"提交。' : '户级申报须由户主（或村干部代为）提交。',
        en:
          round.applicantKind === 'village'
            ? 'A village applies through its cadres.'
            : 'A household applies through its head (or a cadre on its behalf).',
      });
    }
    const app: Application = {
      roundId: round.roundId,
      applicant: body.applicant,
      applicantKind: round.applicantKind,
      village,
      statement: body.statement,
      appliedBy: ctx.actor.sub,
      appliedAt: ctx.now().toISOString(),
      status: 'submitted',
    };
    rounds.writeApplication(
      ctx.tx,
      app,
      undefined,
      problems.conflict('already-applied', { zh: '该对象已申报本轮。', en: 'This applicant already applied to the round.' }),
    );
    rounds.countApplication(ctx.tx, round.roundId, MAX_APPLICANTS);
    return app;
  },
});

export const listApplications = defineRoute({
  method: 'GET',
  path: '/rewards/award-rounds/{roundId}/applications',
  operationId: 'listAwardApplications',
  summary: 'The round’s applications (its officials)',
  auth: { roles: [...OFFICIALS], place: roundScope },
  params: z.object({ roundId: Id }),
  response: z.object({ items: z.array(Application) }),
  handler: async ({ params }, ctx) => ({ items: await rounds.applications(ctx.table, params.roundId) }),
});

const reviewable = async (ctx: RouteContext, roundId: string, applicant: string) => {
  const round = await loadRound(ctx, roundId);
  if (round.status !== 'open') refused('round-published');
  const app = await rounds.application(ctx.table, roundId, applicant);
  if (!app) throw problems.notFound({ zh: '该申报', en: 'The application' });
  return { round, app };
};

export const enterFigures = defineRoute({
  method: 'PUT',
  path: '/rewards/award-rounds/{roundId}/figures',
  operationId: 'enterAwardFigures',
  summary: 'Household rounds: the round’s reviewers enter an applicant household’s four KPI figures',
  auth: { roles: [...OFFICIALS], place: roundScope },
  params: z.object({ roundId: Id }),
  body: z.object({ applicant: PlacePath, kpis: VillageKpis }),
  response: Application,
  handler: async ({ params, body }, ctx) => {
    const { round, app } = await reviewable(ctx, params.roundId, body.applicant);
    if (round.applicantKind !== 'household') refused('figures-not-for-villages');
    const { version, ...rest } = app;
    const next: Application = { ...rest, figures: body.kpis, figuresBy: ctx.actor.sub };
    rounds.writeApplication(ctx.tx, next, version, 'retry');
    return next;
  },
});

export const excludeApplication = defineRoute({
  method: 'POST',
  path: '/rewards/award-rounds/{roundId}/exclusions',
  operationId: 'excludeAwardApplication',
  summary: 'The round’s officials exclude an application with a published reason (e.g. no assessment for the year)',
  auth: { roles: [...OFFICIALS], place: roundScope },
  params: z.object({ roundId: Id }),
  body: z.object({ applicant: PlacePath, reason: z.string().trim().min(1).max(500) }),
  response: Application,
  handler: async ({ params, body }, ctx) => {
    const { app } = await reviewable(ctx, params.roundId, body.applicant);
    const { version, ...rest } = app;
    const next: Application = { ...rest, status: 'excluded', excludedReason: body.reason, excludedBy: ctx.actor.sub };
    rounds.writeApplication(ctx.tx, next, version, 'retry');
    return next;
  },
});

export const publishResults = defineRoute({
  method: 'POST',
  path: '/rewards/award-rounds/{roundId}/publication',
  operationId: 'publishAwardResults',
  summary: 'After the deadline, score and allocate by the published rule and publish inputs and results (差额式奖补)',
  auth: { roles: [...OFFICIALS], place: roundScope },
  params: z.object({ roundId: Id }),
  response: RoundResult,
  idempotent: true,
  handler: async ({ params }, ctx) => {
    const round = await loadRound(ctx, params.roundId);
    const now = ctx.now().toISOString();
    const not = canPublish(round, now);
    if (not) refused(not);
    const apps = await rounds.applications(ctx.table, round.roundId);
    const taking = apps.filter((a) => a.status === 'submitted');
    const figures = new Map<string, { kpis: VillageKpis; source?: string }>();
    if (round.applicantKind === 'village') {
      const found = await kpis.getMany(
        ctx.table,
        taking.map((a) => a.applicant),
        round.kpiYear,
      );
      for (const [village, rec] of found) figures.set(village, { kpis: rec.kpis, source: rec.assessmentId });
    } else {
      for (const a of taking) if (a.figures) figures.set(a.applicant, { kpis: a.figures });
    }
    const missing = taking.filter((a) => !figures.has(a.applicant)).map((a) => a.applicant);
    if (missing.length) {
      throw problems.conflict(
        'figures-missing',
        {
          zh: `${missing.length} 个申报对象缺少${round.kpiYear}年度考核指标；请待考核公布或排除其申报。`,
          en: `${missing.length} applicant(s) have no ${round.kpiYear} figures yet; wait for them or exclude the application.`,
        },
        { missing },
      );
    }
    const inputs: AllocationInputs = {
      budget: round.budget,
      weights: round.weights,
      rule: round.rule,
      applicants: taking
        .map((a) => ({ applicant: a.applicant, kpis: figures.get(a.applicant)!.kpis }))
        .sort((a, b) => (a.applicant < b.applicant ? -1 : 1)),
    };
    const allocation = allocate(inputs);
    // Household awards are published under the head's masked name.
    const households =
      round.applicantKind === 'household' ? await Promise.all(allocation.lines.map((l) => ctx.register.household(l.applicant))) : [];
    const headNames = await namesOf(
      ctx.register,
      households.flatMap((h) => (h ? [h.head] : [])),
    );
    const lines: ResultLine[] = allocation.lines.map((l, i) => {
      const publicName = households[i] && headNames.get(households[i].head);
      return {
        ...l,
        applicantKind: round.applicantKind,
        ...(l.amount > 0 ? { awardId: newId() } : {}),
        ...(publicName ? { publicName } : {}),
      };
    });
    const result: RoundResult = {
      roundId: round.roundId,
      inputs,
      inputsHash: inputsHash(inputs),
      kpiSources: Object.fromEntries([...figures].flatMap(([v, f]) => (f.source ? [[v, f.source]] : []))),
      excluded: apps.filter((a) => a.status === 'excluded').map((a) => ({ applicant: a.applicant, reason: a.excludedReason ?? '' })),
      lines,
      allocated: allocation.allocated,
      unallocated: allocation.unallocated,
      publishedAt: now,
    };
    const due = round.applicantKind === 'village' ? lines.filter((l) => l.amount > 0).length : 0;
    const { version, ...rest } = round;
    const published: Round = {
      ...rest,
      status: 'published',
      publishedAt: now,
      publishedBy: ctx.actor.sub,
      ...(due ? { payout: { due, paid: 0 } } : {}),
    };
    rounds.write(ctx.tx, published, version, due > 0);
    rounds.putResult(ctx.tx, result);
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
        awards: lines.map((l) => ({
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
  },
});

export const getResults = defineRoute({
  method: 'GET',
  path: '/rewards/award-rounds/{roundId}/results',
  operationId: 'getAwardResults',
  summary: 'A published round’s inputs, inputs hash and awards: anyone can recompute them (public; names masked)',
  auth: { public: true },
  params: z.object({ roundId: Id }),
  response: RoundResult,
  handler: async ({ params }, ctx) => {
    const result = await rounds.result(ctx.table, params.roundId);
    if (!result) throw problems.notFound({ zh: '该轮已公布的结果', en: 'Published results of the round' });
    return result;
  },
});

export const getVillageKpis = defineRoute({
  method: 'GET',
  path: '/rewards/village-kpis',
  operationId: 'getVillageKpis',
  summary: 'The KPI figures evaluation has published for a village, by year (what award rounds score)',
  auth: { roles: [...STEWARDS], place: ({ query }) => query.village },
  query: z.object({ village: PlacePath }),
  response: z.object({ items: z.array(KpiRecord) }),
  handler: async ({ query }, ctx) => ({ items: await kpis.ofVillage(ctx.table, query.village) }),
});

export const awardRoutes = [
  openRound,
  listRounds,
  getRound,
  apply,
  listApplications,
  enterFigures,
  excludeApplication,
  publishResults,
  getResults,
  getVillageKpis,
];
