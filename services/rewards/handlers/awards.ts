import { OVERSIGHT } from '@cocreate/places';
import * as z from 'zod';
import { Id, PlacePath, VillageKpis } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import {
  applicantPlace,
  applicationsOf,
  applyToRound,
  enterFigures,
  excludeApplication,
  openRound,
  publishResults,
  resultsOf,
  roundOf,
  roundScope,
  roundsFor,
  villageKpis,
} from '../app/awards.ts';
import { STEWARDS } from '../app/common.ts';
import { Application, KpiRecord, OpenRound, Round, RoundResult } from '../domain/rounds.ts';

/**
 * Awards in lieu of subsidies (以奖代补): rounds, competitive applications, publication of differential awards.
 * Village awards are paid into the village fund pools by the `pay-subsidies` job (SubsidyAwarded).
 */
const OFFICIALS = OVERSIGHT;

const ofRound = ({ params }: { params: { roundId: string } }, ctx: Parameters<typeof roundScope>[1]) => roundScope(params.roundId, ctx);

export const openRoundRoute = defineRoute({
  method: 'POST',
  path: '/rewards/award-rounds',
  operationId: 'openAwardRound',
  summary: 'Open an award round (以奖代补) with budget, applicants, deadline, KPI weights and the allocation rule',
  auth: { roles: [...OFFICIALS], place: ({ body }) => body.scope },
  body: () => OpenRound(),
  response: () => Round(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => openRound(body, ctx),
});

export const listRounds = defineRoute({
  method: 'GET',
  path: '/rewards/award-rounds',
  operationId: 'listAwardRounds',
  summary: 'Award rounds (public notices) run for a place: by it and by the township and county above it',
  auth: { public: true },
  query: () => z.object({ place: PlacePath }),
  response: () => z.object({ items: z.array(Round()) }),
  handler: ({ query }, ctx) => roundsFor(query.place, ctx),
});

export const getRound = defineRoute({
  method: 'GET',
  path: '/rewards/award-rounds/{roundId}',
  operationId: 'getAwardRound',
  summary: 'An award round and its published rules (public)',
  auth: { public: true },
  params: () => z.object({ roundId: Id }),
  response: () => Round(),
  handler: ({ params }, ctx) => roundOf(params.roundId, ctx),
});

export const apply = defineRoute({
  method: 'POST',
  path: '/rewards/award-rounds/{roundId}/applications',
  operationId: 'applyToAwardRound',
  summary: 'Apply competitively (竞争性申报): a village through its cadres, a household through its head (or a cadre for it)',
  auth: { roles: ['cadre', 'household-head'], place: ({ params, body }, ctx) => applicantPlace(params.roundId, body.applicant, ctx) },
  params: () => z.object({ roundId: Id }),
  body: () => z.object({ applicant: PlacePath, statement: z.string().trim().min(1).max(2000) }),
  response: () => Application(),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => applyToRound({ ...body, roundId: params.roundId }, ctx),
});

export const listApplications = defineRoute({
  method: 'GET',
  path: '/rewards/award-rounds/{roundId}/applications',
  operationId: 'listAwardApplications',
  summary: 'The round’s applications (its officials)',
  auth: { roles: [...OFFICIALS], place: ofRound },
  params: () => z.object({ roundId: Id }),
  response: () => z.object({ items: z.array(Application()) }),
  handler: ({ params }, ctx) => applicationsOf(params.roundId, ctx),
});

export const enterFiguresRoute = defineRoute({
  method: 'PUT',
  path: '/rewards/award-rounds/{roundId}/figures',
  operationId: 'enterAwardFigures',
  summary: 'Household rounds: the round’s reviewers enter an applicant household’s four KPI figures',
  auth: { roles: [...OFFICIALS], place: ofRound },
  params: () => z.object({ roundId: Id }),
  body: () => z.object({ applicant: PlacePath, kpis: VillageKpis() }),
  response: () => Application(),
  handler: ({ params, body }, ctx) => enterFigures({ ...body, roundId: params.roundId }, ctx),
});

export const excludeApplicationRoute = defineRoute({
  method: 'POST',
  path: '/rewards/award-rounds/{roundId}/exclusions',
  operationId: 'excludeAwardApplication',
  summary: 'The round’s officials exclude an application with a published reason (e.g. no assessment for the year)',
  auth: { roles: [...OFFICIALS], place: ofRound },
  params: () => z.object({ roundId: Id }),
  body: () => z.object({ applicant: PlacePath, reason: z.string().trim().min(1).max(500) }),
  response: () => Application(),
  handler: ({ params, body }, ctx) => excludeApplication({ ...body, roundId: params.roundId }, ctx),
});

export const publishResultsRoute = defineRoute({
  method: 'POST',
  path: '/rewards/award-rounds/{roundId}/publication',
  operationId: 'publishAwardResults',
  summary: 'After the deadline, score and allocate by the published rule and publish inputs and results (差额式奖补)',
  auth: { roles: [...OFFICIALS], place: ofRound },
  params: () => z.object({ roundId: Id }),
  response: () => RoundResult(),
  idempotent: true,
  handler: ({ params }, ctx) => publishResults(params.roundId, ctx),
});

export const getResults = defineRoute({
  method: 'GET',
  path: '/rewards/award-rounds/{roundId}/results',
  operationId: 'getAwardResults',
  summary: 'A published round’s inputs, inputs hash and awards: anyone can recompute them (public; names masked)',
  auth: { public: true },
  params: () => z.object({ roundId: Id }),
  response: () => RoundResult(),
  handler: ({ params }, ctx) => resultsOf(params.roundId, ctx),
});

export const getVillageKpis = defineRoute({
  method: 'GET',
  path: '/rewards/village-kpis',
  operationId: 'getVillageKpis',
  summary: 'The KPI figures evaluation has published for a village, by year (what award rounds score)',
  auth: { roles: [...STEWARDS], place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath }),
  response: () => z.object({ items: z.array(KpiRecord()) }),
  handler: ({ query }, ctx) => villageKpis(query.village, ctx),
});

export const awardRoutes = [
  openRoundRoute,
  listRounds,
  getRound,
  apply,
  listApplications,
  enterFiguresRoute,
  excludeApplicationRoute,
  publishResultsRoute,
  getResults,
  getVillageKpis,
];
