import { z } from 'zod';
import { AwardGranted, CompetitionDecided, Id, PersonId, PlacePath, ReviewSubmitted, SchemeId } from '@cocreate/contracts';
import { Problem, type RouteContext, defineRoute, newId, problems } from '@cocreate/kernel';
import { type Register, isWithin } from '@cocreate/places';
import {
  Competition,
  CompetitionKind,
  KIND_DEFAULTS,
  MAX_AWARDS,
  MAX_WINNERS,
  Nominee,
  type Standing,
  conflictOfInterest,
  nomineeKey,
  rank,
  winners,
} from '../domain/competition.ts';
import { type SchemeSnapshot, scoreResponse, validateScores } from '../domain/scheme.ts';
import { templateById, templateSnapshot } from '../domain/templates.ts';
import { type JuryScore, type Nomination, competitions } from '../store.ts';
import { Page, chinaDay, notFound, ruleErrors } from './common.ts';
import { assertUsable, loadScheme, resolveScheme } from './schemes.ts';

const ORGANISERS = ['cadre', 'township-official', 'county-official'] as const;

/** Titles fit the AwardGranted event's "zh / en" line (200 characters). */
const CompetitionTitle = z.object({ zh: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(110) });

/** The competition a request names, read once for the route's place check and its handler. */
const competitionOf = (ctx: RouteContext, competitionId: string) =>
  ctx.once(`competition:${competitionId}`, () => competitions.get(ctx.table, competitionId));

const competitionPlace = async ({ params }: { params: { competitionId: string } }, ctx: RouteContext) =>
  (await competitionOf(ctx, params.competitionId))?.place;

/**
 * Where a nominee lives — a household's path, a person's household, a village's path — with its village and, for a
 * household, its head (who receives a household's award). Undefined if the register does not know the nominee.
 */
interface NomineeHome {
  place: string;
  village: string;
  head?: string;
}

async function nomineeHome(register: Register, n: Nominee): Promise<NomineeHome | undefined> {
  if (n.kind === 'household') {
    const h = await register.household(n.id);
    return h && { place: h.path, village: h.village, head: h.head };
  }
  if (n.kind === 'person') {
    const p = await register.person(n.id);
    return p && { place: p.household, village: p.village };
  }
  const p = await register.place(n.id);
  return p && (p.kind === 'village' || p.kind === 'community') ? { place: p.path, village: p.path } : undefined;
}

/** A request's nominee, looked up once for the route's place check and its handler. */
const nomineeHomeOf = (ctx: RouteContext, n: Nominee) => ctx.once(`nominee:${nomineeKey(n)}`, () => nomineeHome(ctx.register, n));

/**
 * Public labels of nominees: household path with the head's masked name, a person's masked name, or the village's
 * name. Everything the labels need is read up front, in two rounds: households, then people and villages.
 */
async function labelsOf(register: Register, nominees: readonly Nominee[]): Promise<(n: Nominee) => string> {
  const ids = (kind: Nominee['kind']) => [...new Set(nominees.filter((n) => n.kind === kind).map((n) => n.id))];
  const householdIds = ids('household');
  const households = await Promise.all(householdIds.map((id) => register.household(id)));
  const heads = new Map(householdIds.flatMap((id, i) => (households[i] ? [[id, households[i].head] as const] : [])));
  const personIds = [...new Set([...heads.values(), ...ids('person')])];
  const villageIds = ids('village');
  const [people, villages] = await Promise.all([
    Promise.all(personIds.map((id) => register.person(id))),
    Promise.all(villageIds.map((id) => register.place(id))),
  ]);
  const names = new Map(personIds.map((id, i) => [id, people[i]?.name]));
  const villageNames = new Map(villageIds.map((id, i) => [id, villages[i]?.name.zh]));
  return (n) => {
    if (n.kind === 'household') {
      const head = names.get(heads.get(n.id) ?? '');
      return head ? `${n.id.split('/').slice(-2).join('/')} ${head}` : n.id;
    }
    if (n.kind === 'person') return names.get(n.id) ?? n.id;
    return villageNames.get(n.id) ?? n.id;
  };
}

const StandingView = z.object({
  rank: z.number().int(),
  nominee: Nominee,
  label: z.string(),
  score: z.number(),
  jurors: z.number().int(),
  winner: z.boolean(),
});

const CompetitionView = Competition.extend({
  nominees: z.array(z.object({ nominee: Nominee, label: z.string(), nominatedAt: z.string() })).optional(),
  standings: z.array(StandingView).optional(),
});

const wrongStatus = (status: string) =>
  problems.conflict(
    'wrong-status',
    { zh: `评比当前状态为 ${status}，不能执行该操作。`, en: `The competition is ${status}; that step is not possible now.` },
    { current: status },
  );

export const createCompetition = defineRoute({
  method: 'POST',
  path: '/evaluation/competitions',
  operationId: 'createCompetition',
  summary: 'Start a competition (最美庭院, 五星级文明户 …) or a periodic household sanitation rating',
  auth: { roles: [...ORGANISERS], place: ({ body }) => body.place },
  body: z.object({
    place: PlacePath,
    kind: CompetitionKind,
    title: CompetitionTitle,
    period: z.string().trim().min(1).max(20).optional().describe('e.g. 2026, 2026-Q3'),
    schemeId: SchemeId.optional(),
    jury: z.array(PersonId).min(1).max(30).optional().describe('Default for a sanitation rating: the village’s sanitation-rating group'),
    awards: z.number().int().min(1).max(MAX_AWARDS).describe('How many places are awarded (ties share a place)'),
    minScore: z.number().min(0).max(100).optional().describe('Winners must also score at least this'),
    minJurors: z.number().int().min(1).max(30).default(1).describe('Nominees scored by fewer jurors are not ranked'),
  }),
  response: Competition,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const rating = body.kind === 'sanitation-rating';
    // The rating group sitting on the day the competition is created is its jury for good (recorded below).
    const [place, village, ratingGroup] = await Promise.all([
      ctx.register.place(body.place),
      rating ? ctx.register.villageOf(body.place) : undefined,
      rating && !body.jury ? ctx.register.body(body.place, 'sanitation-rating-group', chinaDay(ctx.now())) : undefined,
    ]);
    if (!place) {
      throw problems.rule('unknown-place', { zh: '地点不存在。', en: 'The place does not exist.' }, {}, [
        { in: 'body', pointer: '/place', rule: 'place', message: { zh: '地点数据中没有这个地点', en: 'not in the places data' } },
      ]);
    }
    if (rating && village?.path !== body.place) {
      throw problems.rule(
        'rating-per-village',
        { zh: '卫生评比以村（社区）为单位开展。', en: 'A sanitation rating is held per village or community.' },
        {},
        [{ in: 'body', pointer: '/place', rule: 'village', message: { zh: '须为村或社区', en: 'a village or community' } }],
      );
    }
    const jury = body.jury ?? ratingGroup?.members ?? [];
    if (!jury.length) {
      throw problems.rule('jury-required', { zh: '请指定评委。', en: 'Name the jury.' }, {}, [
        { in: 'body', pointer: '/jury', rule: 'required', message: { zh: '至少一名评委', en: 'at least one juror' } },
      ]);
    }
    let scheme: SchemeSnapshot & { place?: string };
    if (body.schemeId) {
      const found = await loadScheme(ctx.table, body.schemeId);
      if (!found) {
        throw problems.rule('unknown-scheme', { zh: '评价标准不存在。', en: 'No such scheme.' }, {}, [
          { in: 'body', pointer: '/schemeId', rule: 'exists', message: { zh: '没有这个评价方案', en: 'no such scheme' } },
        ]);
      }
      assertUsable(found, body.place);
      scheme = found;
    } else {
      scheme = rating
        ? await resolveScheme(ctx.table, body.place, 'sanitation-rating')
        : templateSnapshot(templateById(KIND_DEFAULTS[body.kind].template)!);
    }
    const { place: _p, ...snapshot } = scheme;
    const competition: Competition = {
      competitionId: newId(),
      place: body.place,
      kind: body.kind,
      title: body.title,
      ...(body.period ? { period: body.period } : {}),
      nomineeKind: KIND_DEFAULTS[body.kind].nominee,
      openNominees: rating,
      scheme: snapshot,
      jury: [...new Set(jury)],
      awards: body.awards,
      ...(body.minScore !== undefined ? { minScore: body.minScore } : {}),
      minJurors: body.minJurors,
      status: rating ? 'judging' : 'nominating',
      nominations: 0,
      scores: 0,
      createdBy: ctx.actor.sub,
      createdAt: ctx.now().toISOString(),
    };
    competitions.put(ctx.tx, competition, undefined, 'retry');
    return competition;
  },
});

export const listCompetitions = defineRoute({
  method: 'GET',
  path: '/evaluation/competitions',
  operationId: 'listCompetitions',
  summary: 'Competitions and ratings held at a place, newest first',
  auth: { public: true },
  query: Page.extend({ place: PlacePath }),
  response: z.object({ items: z.array(Competition), cursor: z.string().optional() }),
  handler: async ({ query }, ctx) => competitions.listAt(ctx.table, query.place, query),
});

function standingsView(label: (n: Nominee) => string, c: Pick<Competition, 'awards' | 'minScore'>, standings: readonly Standing[]) {
  const won = new Set(winners(standings, c.awards, c.minScore).map((s) => nomineeKey(s.nominee)));
  return standings.map((s) => ({
    rank: s.rank,
    nominee: s.nominee,
    label: label(s.nominee),
    score: s.score.round(2),
    jurors: s.jurors,
    winner: won.has(nomineeKey(s.nominee)),
  }));
}

async function computeStandings(ctx: RouteContext, c: Competition) {
  const [noms, scores] = await Promise.all([
    competitions.nominations(ctx.table, c.competitionId),
    competitions.scores(ctx.table, c.competitionId),
  ]);
  const byNominee = new Map<string, JuryScore[]>();
  for (const s of scores) byNominee.set(nomineeKey(s.nominee), [...(byNominee.get(nomineeKey(s.nominee)) ?? []), s]);
  const entries = noms.map((n) => ({
    nominee: n.nominee,
    nominatedAt: n.nominatedAt,
    scores: (byNominee.get(nomineeKey(n.nominee)) ?? []).map((s) => s.scores),
  }));
  return { noms, standings: rank(c.scheme.criteria, entries, c.minJurors) };
}

export const getCompetition = defineRoute({
  method: 'GET',
  path: '/evaluation/competitions/{competitionId}',
  operationId: 'getCompetition',
  summary: 'A competition with its nominees (masked names); once decided, the ranking and winners (张榜公布)',
  auth: { public: true },
  params: z.object({ competitionId: Id }),
  response: CompetitionView,
  handler: async ({ params }, ctx) => {
    const found = await competitions.get(ctx.table, params.competitionId);
    if (!found) throw notFound.competition();
    const { version: _v, ...c } = found;
    const { noms, standings } = await computeStandings(ctx, c);
    // Standings rank the nominations, so the nominations' labels cover them.
    const label = await labelsOf(
      ctx.register,
      noms.map((n) => n.nominee),
    );
    return {
      ...c,
      nominees: noms.map((n) => ({ nominee: n.nominee, label: label(n.nominee), nominatedAt: n.nominatedAt })),
      ...(c.status === 'decided' ? { standings: standingsView(label, c, standings) } : {}),
    };
  },
});

export const nominate = defineRoute({
  method: 'POST',
  path: '/evaluation/competitions/{competitionId}/nominations',
  operationId: 'nominate',
  summary: 'Nominate a household, person or village (residents nominate in their own village)',
  auth: {
    roles: ['resident', 'household-head', 'owner', 'representative', 'council-member', 'party-member', ...ORGANISERS],
    place: async ({ params, body }, ctx) =>
      (await competitionOf(ctx, params.competitionId)) ? (await nomineeHomeOf(ctx, body.nominee))?.place : undefined,
  },
  params: z.object({ competitionId: Id }),
  body: z.object({ nominee: Nominee, reason: z.string().trim().max(1000).optional() }),
  response: z.object({ nominationId: z.string(), nominee: Nominee, village: z.string(), nominatedAt: z.string() }),
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const c = (await competitionOf(ctx, params.competitionId))!;
    if (c.status !== 'nominating') throw wrongStatus(c.status);
    const home = (await nomineeHomeOf(ctx, body.nominee))!;
    if (body.nominee.kind !== c.nomineeKind || !isWithin(home.place, c.place)) {
      throw problems.rule(
        'nominee-not-eligible',
        {
          zh: `本评比只能提名 ${c.place} 范围内的${c.nomineeKind}。`,
          en: `This competition takes ${c.nomineeKind} nominees within ${c.place}.`,
        },
        {},
        [
          {
            in: 'body',
            pointer: '/nominee',
            rule: 'eligible',
            message: { zh: `须为 ${c.place} 内的${c.nomineeKind}`, en: `a ${c.nomineeKind} within ${c.place}` },
          },
        ],
      );
    }
    const n: Nomination = {
      nominationId: newId(),
      nominee: body.nominee,
      village: home.village,
      nominatedBy: ctx.actor.sub,
      ...(body.reason ? { reason: body.reason } : {}),
      nominatedAt: ctx.now().toISOString(),
    };
    competitions.nominate(
      ctx.tx,
      c.competitionId,
      nomineeKey(body.nominee),
      n,
      problems.conflict('already-nominated', { zh: '已被提名。', en: 'Already nominated.' }),
    );
    competitions.touch(ctx.tx, c.competitionId, 'nominating', 'nominations', 'retry');
    return { nominationId: n.nominationId, nominee: n.nominee, village: n.village, nominatedAt: n.nominatedAt };
  },
});

export const startJudging = defineRoute({
  method: 'POST',
  path: '/evaluation/competitions/{competitionId}/judging',
  operationId: 'startJudging',
  summary: 'Close nominations and let the jury score',
  auth: { roles: [...ORGANISERS], place: competitionPlace },
  params: z.object({ competitionId: Id }),
  response: Competition,
  idempotent: true,
  handler: async ({ params }, ctx) => {
    const { version, ...c } = (await competitionOf(ctx, params.competitionId))!;
    if (c.status !== 'nominating') throw wrongStatus(c.status);
    if (c.nominations === 0) throw problems.conflict('no-nominations', { zh: '还没有任何提名。', en: 'There are no nominations yet.' });
    const next: Competition = { ...c, status: 'judging' };
    competitions.put(ctx.tx, next, version, 'retry');
    return next;
  },
});

export const scoreNominee = defineRoute({
  method: 'POST',
  path: '/evaluation/competitions/{competitionId}/scores',
  operationId: 'scoreNominee',
  summary: 'A juror scores one nominee on the competition’s scheme (once; never their own household, self or village)',
  auth: { authenticated: true },
  params: z.object({ competitionId: Id }),
  body: z.object({ nominee: Nominee, scores: z.record(z.string().max(40), z.number()) }),
  response: z.object({ nominee: Nominee, overall: z.number(), scoredAt: z.string() }),
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const c = await competitions.get(ctx.table, params.competitionId);
    if (!c) throw notFound.competition();
    const juror = ctx.identity!.sub;
    if (!c.jury.includes(juror)) {
      throw new Problem(
        403,
        'not-a-juror',
        { zh: '无权操作', en: 'Forbidden' },
        { zh: '只有本评比的评委可以打分。', en: 'Only this competition’s jurors may score.' },
      );
    }
    if (c.status !== 'judging') throw wrongStatus(c.status);
    const key = nomineeKey(body.nominee);
    const [found, person] = await Promise.all([competitions.nomination(ctx.table, c.competitionId, key), ctx.register.person(juror)]);
    let nomination = found;
    const now = ctx.now().toISOString();
    if (!nomination) {
      const home = c.openNominees ? await nomineeHome(ctx.register, body.nominee) : undefined;
      const open = c.openNominees && body.nominee.kind === c.nomineeKind && home !== undefined && isWithin(home.place, c.place);
      if (!open)
        throw problems.rule('not-nominated', { zh: '该对象未获提名。', en: 'That nominee is not nominated.' }, {}, [
          {
            in: 'body',
            pointer: '/nominee',
            rule: 'nominated',
            message: { zh: '不是本次评比的候选', en: 'not a nominee of this competition' },
          },
        ]);
      // A rating scores any household of the village: its first score enters it.
      nomination = { nominationId: newId(), nominee: body.nominee, village: home.village, nominatedBy: juror, nominatedAt: now };
      competitions.nominate(ctx.tx, c.competitionId, key, nomination, 'retry');
    }
    if (conflictOfInterest(body.nominee, { id: juror, household: person?.household, village: person?.village })) {
      throw new Problem(
        403,
        'conflict-of-interest',
        { zh: '无权操作', en: 'Forbidden' },
        {
          zh: '评委须回避：不能给本人、本户或本村打分。',
          en: 'Jurors abstain from scoring themselves, their own household or their own village.',
        },
      );
    }
    const errors = validateScores(c.scheme.criteria, body.scores);
    if (errors.length) ruleErrors('invalid-scores', { zh: '评分不符合评价标准。', en: 'The scores do not fit the scheme.' }, errors);
    const score: JuryScore = {
      nominee: body.nominee,
      juror,
      scores: body.scores,
      overall: scoreResponse(c.scheme.criteria, body.scores).overall.round(2),
      scoredAt: now,
    };
    competitions.score(
      ctx.tx,
      c.competitionId,
      key,
      score,
      problems.conflict('already-scored', { zh: '您已给该对象打过分。', en: 'You have already scored this nominee.' }),
    );
    competitions.touch(ctx.tx, c.competitionId, 'judging', 'scores', 'retry');
    ctx.tx.emit(
      ReviewSubmitted,
      {
        reviewId: c.competitionId,
        responseId: newId(),
        village: nomination.village,
        purpose: c.kind === 'sanitation-rating' ? 'sanitation-rating' : 'competition',
        reviewer: juror,
        ...(person?.household ? { household: person.household } : {}),
      },
      { place: nomination.village },
    );
    return { nominee: body.nominee, overall: score.overall, scoredAt: now };
  },
});

export const decideCompetition = defineRoute({
  method: 'POST',
  path: '/evaluation/competitions/{competitionId}/decide',
  operationId: 'decideCompetition',
  summary: 'Rank the nominees and grant the awards (AwardGranted for each winner); the ranking is published',
  auth: { roles: [...ORGANISERS], place: competitionPlace },
  params: z.object({ competitionId: Id }),
  response: CompetitionView,
  idempotent: true,
  handler: async ({ params }, ctx) => {
    const { version, ...c } = (await competitionOf(ctx, params.competitionId))!;
    if (c.status !== 'judging') throw wrongStatus(c.status);
    const { standings } = await computeStandings(ctx, c);
    const won = winners(standings, c.awards, c.minScore);
    if (won.length > MAX_WINNERS) {
      throw problems.conflict('too-many-tied-winners', {
        zh: '并列获奖者过多，请调整获奖名额或最低分。',
        en: 'Too many tied winners; adjust the awards or minimum score.',
      });
    }
    const title = `${c.title.zh} / ${c.title.en}`;
    const [homes, label] = await Promise.all([
      Promise.all(won.map((s) => nomineeHome(ctx.register, s.nominee))),
      labelsOf(
        ctx.register,
        standings.map((s) => s.nominee),
      ),
    ]);
    const granted = won.map((s, i) => {
      const home = homes[i]!;
      const household = s.nominee.kind === 'household' ? s.nominee.id : s.nominee.kind === 'person' ? home.place : undefined;
      const person = s.nominee.kind === 'person' ? s.nominee.id : home.head;
      return {
        awardId: newId(),
        nominee: s.nominee,
        rank: s.rank,
        score: s.score.round(2),
        village: home.village,
        ...(person ? { person } : {}),
        ...(household ? { household } : {}),
      };
    });
    const decided: Competition = { ...c, status: 'decided', decidedAt: ctx.now().toISOString(), winners: granted };
    competitions.put(ctx.tx, decided, version, 'retry');
    for (const w of granted) {
      ctx.tx.emit(
        AwardGranted,
        {
          awardId: w.awardId,
          competitionId: c.competitionId,
          village: w.village,
          title,
          winner: w.nominee,
          ...(w.person ? { person: w.person } : {}),
          ...(w.household ? { household: w.household } : {}),
          rank: w.rank,
        },
        { place: w.village },
      );
    }
    ctx.tx.emit(
      CompetitionDecided,
      {
        competitionId: c.competitionId,
        place: c.place,
        kind: c.kind,
        title,
        ...(c.period ? { period: c.period } : {}),
        ranked: standings.length,
        winners: granted.length,
      },
      { place: c.place },
    );
    return { ...decided, standings: standingsView(label, c, standings) };
  },
});

export const competitionRoutes = [
  createCompetition,
  listCompetitions,
  getCompetition,
  nominate,
  startJudging,
  scoreNominee,
  decideCompetition,
];
