import * as z from 'zod';
import { once, PlacePath } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import { OFFICIALS } from '../domain/levels.ts';
import { reportJson, reportXlsx, rollupOf } from '../app/rollups.ts';

const Period = once(() => z.string().max(10).describe('A year (2026), a quarter (2026-Q2) or a month (2026-05)'));
const Query = once(() => z.object({ area: PlacePath, period: Period() }));
const Target = once(() => z.object({ villages: z.number().optional(), percent: z.number().optional() }));

/** What a township, county or city sees of its area for a period. */
export const RollupView = once(() =>
  z.object({
    area: PlacePath,
    name: z.object({ zh: z.string(), en: z.string() }),
    level: z.enum(['township', 'county', 'city']),
    period: z.string(),
    from: z.string(),
    to: z.string(),
    figures: z.object({
      decisions: z.number(),
      projectsAccepted: z.number(),
      raised: z.number(),
      spent: z.number(),
      satisfaction: z.number().nullable(),
      satisfactionReviews: z.number(),
      participation: z.number().nullable(),
      participationAssessments: z.number(),
      villagesByTier: z.object({ pilot: z.number(), remediation: z.number() }),
    }),
    coverage: z.object({
      batches: z.array(
        z.object({
          batchId: z.string(),
          name: z.string(),
          kind: z.enum(['pilot', 'demonstration']),
          year: z.number(),
          villages: z.number(),
          covered: z.number(),
          target: Target(),
          percent: z.number(),
          targetMet: z.boolean(),
        }),
      ),
      covered: z.number(),
      targetsMet: z.number(),
    }),
    tasks: z.object({ due: z.number(), late: z.number(), targetMissed: z.number() }),
  }),
);

export const rollupRoute = defineRoute({
  method: 'GET',
  path: '/programme/rollups',
  operationId: 'getProgrammeRollup',
  summary:
    'A township’s, county’s or city’s roll-up for a period: coverage against target, money, satisfaction, participation, tiers, late tasks',
  auth: { roles: OFFICIALS, place: ({ query }) => query.area },
  query: () => Query(),
  response: () => RollupView(),
  handler: ({ query }, ctx) => rollupOf(query, ctx),
});

export const reportJsonRoute = defineRoute({
  method: 'GET',
  path: '/programme/reports',
  operationId: 'getProgrammeReport',
  summary: 'The periodic report a county sends the city (and a city the province), as JSON, generated from the roll-ups',
  auth: { roles: OFFICIALS, place: ({ query }) => query.area },
  query: () => Query(),
  response: () => RollupView(),
  handler: ({ query }, ctx) => reportJson(query, ctx),
});

export const reportXlsxRoute = defineRoute({
  method: 'GET',
  path: '/programme/reports/xlsx',
  operationId: 'getProgrammeReportWorkbook',
  summary: 'The periodic report as an XLSX workbook: the same period gives the same bytes (sha256); a short-lived download link',
  auth: { roles: OFFICIALS, place: ({ query }) => query.area },
  query: () => Query(),
  response: () =>
    z.object({
      area: PlacePath,
      period: z.string(),
      filename: z.string(),
      contentType: z.string(),
      sha256: z.string(),
      bytes: z.number(),
      url: z.string(),
    }),
  handler: ({ query }, ctx) => reportXlsx(query, ctx),
});

export const reportRoutes = [rollupRoute, reportJsonRoute, reportXlsxRoute];
