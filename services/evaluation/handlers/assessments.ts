import { VILLAGE_WATCH } from '@cocreate/places';
import * as z from 'zod';
import { once, Id, PlacePath, VillageClass, VillageKpis, says } from '@cocreate/contracts';
import { defineJob, defineRoute } from '@cocreate/kernel';
import {
  getAssessment,
  listAssessments,
  listResults,
  listTiers,
  participationNow,
  runAssessments,
  startAssessment,
} from '../app/assessments.ts';
import { Year } from '../app/views.ts';
import { AssessmentResult, AssessmentRun } from '../domain/assessment.ts';

const Percent = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-9, says({ zh: '最多两位小数', en: 'at most two decimals' }));

const RunView = once(() => AssessmentRun().extend({ progressPct: z.number() }));

export const startAssessmentRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/assessments',
  operationId: 'startAssessment',
  summary: 'Start the year-end participation assessment of every village in a county (a batch job; poll its progress)',
  auth: { roles: ['county-official'], place: ({ body }) => body.county },
  body: () =>
    z.object({
      county: PlacePath,
      year: Year(),
      promoteMarginPct: Percent(1000).optional().describe('Promotion needs a rise of MORE than this percent (default 20)'),
      demoteMarginPct: Percent(100).optional().describe('Demotion needs a fall of MORE than this percent (default 20)'),
    }),
  response: () => RunView(),
  status: 202,
  idempotent: true,
  handler: ({ body }, ctx) => startAssessment(body, ctx),
});

export const getAssessmentRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/assessments/{runId}',
  operationId: 'getAssessment',
  summary: 'An assessment run and its progress',
  auth: { public: true },
  params: () => z.object({ runId: Id }),
  response: () => RunView(),
  handler: ({ params }, ctx) => getAssessment(params.runId, ctx),
});

export const listAssessmentsRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/assessments',
  operationId: 'listAssessments',
  summary: 'A county’s assessment runs, newest first',
  auth: { public: true },
  query: () => z.object({ county: PlacePath, limit: z.coerce.number().int().min(1).max(100).default(20) }),
  response: () => z.object({ items: z.array(RunView()) }),
  handler: ({ query }, ctx) => listAssessments(query, ctx),
});

export const listResultsRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/assessment-results',
  operationId: 'listAssessmentResults',
  summary: 'The year’s assessment results of a county: score, every component, KPIs, tier decision and reason (张榜公布)',
  auth: { public: true },
  query: () => z.object({ county: PlacePath, year: Year(), village: PlacePath.optional() }),
  response: () => z.object({ items: z.array(AssessmentResult().omit({ inputs: true })) }),
  handler: ({ query }, ctx) => listResults(query, ctx),
});

export const getParticipation = defineRoute({
  method: 'GET',
  path: '/evaluation/participation',
  operationId: 'getParticipation',
  summary: 'A village’s running participation counters for a year and the figures they give now (before the assessment)',
  auth: { roles: VILLAGE_WATCH, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, year: Year() }),
  response: () =>
    z.object({
      village: z.string(),
      year: z.number(),
      metricVersion: z.number(),
      households: z.number(),
      weightedCount: z.number(),
      score: z.number(),
      components: z.record(z.string(), z.object({ count: z.number(), perHousehold: z.number(), weight: z.number(), kpi: z.string() })),
      kpis: VillageKpis(),
      kpiTargets: z.record(z.string(), z.number()),
    }),
  handler: ({ query }, ctx) => participationNow(query, ctx),
});

export const listTiersRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/tiers',
  operationId: 'listVillageTiers',
  summary: 'Current tier of each classified village in a county (pilot 试点村 / remediation 整治村)',
  auth: { public: true },
  query: () => z.object({ county: PlacePath }),
  response: () =>
    z.object({
      items: z.array(z.object({ village: z.string(), tier: VillageClass, effectiveAt: z.string(), source: z.string(), basis: z.string() })),
    }),
  handler: ({ query }, ctx) => listTiers(query.county, ctx),
});

export const assessmentRunner = defineJob({
  name: 'assessment-runner',
  summary: 'Work through queued county assessments in batches, recording progress; resumes where it stopped',
  schedule: 'rate(1 minute)',
  handler: (ctx) => runAssessments(ctx),
});

export const assessmentRoutes = [
  startAssessmentRoute,
  getAssessmentRoute,
  listAssessmentsRoute,
  listResultsRoute,
  getParticipation,
  listTiersRoute,
];
