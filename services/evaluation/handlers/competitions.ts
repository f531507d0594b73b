import * as z from 'zod';
import { once, Id, PersonId, PlacePath, SchemeId } from '@cocreate/contracts';
import { type RouteContext, defineRoute, pageQuery } from '@cocreate/kernel';
import { ORGANISERS } from '../app/common.ts';
import {
  competitionOf,
  createCompetition,
  decideCompetition,
  getCompetition,
  listCompetitions,
  nominate,
  nomineeHomeOf,
  scoreNominee,
  startJudging,
} from '../app/competitions.ts';
import { Competition, CompetitionKind, MAX_AWARDS, Nominee, Winner } from '../domain/competition.ts';

/** Titles fit the AwardGranted event's "zh / en" line (200 characters). */
const CompetitionTitle = once(() => z.object({ zh: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(110) }));

const competitionPlace = async ({ params }: { params: { competitionId: string } }, ctx: RouteContext) =>
  (await competitionOf(ctx, params.competitionId))?.value.place;

const StandingView = once(() =>
  z.object({
    rank: z.number().int(),
    nominee: Nominee(),
    label: z.string(),
    score: z.number(),
    jurors: z.number().int(),
    winner: z.boolean(),
  }),
);

const CompetitionView = once(() =>
  Competition().extend({
    nominees: z.array(z.object({ nominee: Nominee(), label: z.string(), nominatedAt: z.string() })).optional(),
    standings: z.array(StandingView()).optional(),
  }),
);

/** What the public sees of a competition: jurors and winners by masked name and opaque ref, never a person id. */
const PublicCompetition = once(() =>
  Competition()
    .omit({ jury: true, createdBy: true, winners: true })
    .extend({
      jury: z.array(z.object({ ref: z.string(), name: z.string() })),
      winners: z.array(Winner().omit({ person: true }).extend({ name: z.string().optional() })).optional(),
    }),
);
const PublicCompetitionView = once(() =>
  PublicCompetition().extend({
    nominees: z.array(z.object({ nominee: Nominee(), label: z.string(), nominatedAt: z.string() })).optional(),
    standings: z.array(StandingView()).optional(),
  }),
);

export const createCompetitionRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/competitions',
  operationId: 'createCompetition',
  summary: 'Start a competition (最美庭院, 五星级文明户 …) or a periodic household sanitation rating',
  auth: { roles: [...ORGANISERS], place: ({ body }) => body.place },
  body: () =>
    z.object({
      place: PlacePath,
      kind: CompetitionKind(),
      title: CompetitionTitle(),
      period: z.string().trim().min(1).max(20).optional().describe('e.g. 2026, 2026-Q3'),
      schemeId: SchemeId().optional(),
      jury: z.array(PersonId).min(1).max(30).optional().describe('Default for a sanitation rating: the village’s sanitation-rating group'),
      awards: z.number().int().min(1).max(MAX_AWARDS).describe('How many places are awarded (ties share a place)'),
      minScore: z.number().min(0).max(100).optional().describe('Winners must also score at least this'),
      minJurors: z.number().int().min(1).max(30).default(1).describe('Nominees scored by fewer jurors are not ranked'),
    }),
  response: () => Competition(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => createCompetition(body, ctx),
});

export const listCompetitionsRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/competitions',
  operationId: 'listCompetitions',
  summary: 'Competitions and ratings held at a place, newest first',
  auth: { public: true },
  query: () => z.object({ place: PlacePath, ...pageQuery() }),
  response: () => z.object({ items: z.array(PublicCompetition()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => listCompetitions(query, ctx),
});

export const getCompetitionRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/competitions/{competitionId}',
  operationId: 'getCompetition',
  summary: 'A competition with its nominees (masked names); once decided, the ranking and winners (张榜公布)',
  auth: { public: true },
  params: () => z.object({ competitionId: Id }),
  response: () => PublicCompetitionView(),
  handler: ({ params }, ctx) => getCompetition(params.competitionId, ctx),
});

export const nominateRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/competitions/{competitionId}/nominations',
  operationId: 'nominate',
  summary: 'Nominate a household, person or village (residents nominate in their own village)',
  auth: {
    roles: ['resident', 'household-head', 'owner', 'representative', 'council-member', 'party-member', ...ORGANISERS],
    place: async ({ params, body }, ctx) =>
      (await competitionOf(ctx, params.competitionId)) ? (await nomineeHomeOf(ctx, body.nominee))?.place : undefined,
  },
  params: () => z.object({ competitionId: Id }),
  body: () => z.object({ nominee: Nominee(), reason: z.string().trim().max(1000).optional() }),
  response: () => z.object({ nominationId: z.string(), nominee: Nominee(), village: z.string(), nominatedAt: z.string() }),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => nominate({ ...body, competitionId: params.competitionId }, ctx),
});

export const startJudgingRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/competitions/{competitionId}/judging',
  operationId: 'startJudging',
  summary: 'Close nominations and let the jury score',
  auth: { roles: [...ORGANISERS], place: competitionPlace },
  params: () => z.object({ competitionId: Id }),
  response: () => Competition(),
  idempotent: true,
  handler: ({ params }, ctx) => startJudging(params.competitionId, ctx),
});

export const scoreNomineeRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/competitions/{competitionId}/scores',
  operationId: 'scoreNominee',
  summary: 'A juror scores one nominee on the competition’s scheme (once; never their own household, self or village)',
  auth: { authenticated: true },
  params: () => z.object({ competitionId: Id }),
  body: () => z.object({ nominee: Nominee(), scores: z.record(z.string().max(40), z.number()) }),
  response: () => z.object({ nominee: Nominee(), overall: z.number(), scoredAt: z.string() }),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => scoreNominee({ ...body, competitionId: params.competitionId }, ctx),
});

export const decideCompetitionRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/competitions/{competitionId}/decide',
  operationId: 'decideCompetition',
  summary: 'Rank the nominees and grant the awards (AwardGranted for each winner); the ranking is published',
  auth: { roles: [...ORGANISERS], place: competitionPlace },
  params: () => z.object({ competitionId: Id }),
  response: () => CompetitionView(),
  idempotent: true,
  handler: ({ params }, ctx) => decideCompetition(params.competitionId, ctx),
});

export const competitionRoutes = [
  createCompetitionRoute,
  listCompetitionsRoute,
  getCompetitionRoute,
  nominateRoute,
  startJudgingRoute,
  scoreNomineeRoute,
  decideCompetitionRoute,
];
