import * as z from 'zod';
import { once, IsoDate, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { OFFICIALS } from '../domain/levels.ts';
import { Plan, PlanContent, PlanVersion } from '../domain/plans.ts';
import { filePlan, filedWithOf, getPlan, getPlanVersion, listFiled, overdue, reviewPlan, setDeadline, writePlan } from '../app/plans.ts';

const Year = once(() => z.coerce.number().int().min(2000).max(2100));
const PlanKey = once(() => z.object({ place: PlacePath, year: Year() }));
const PlanView = once(() => Plan().extend({ content: PlanVersion() }));

export const writePlanRoute = defineRoute({
  method: 'POST',
  path: '/programme/plans',
  operationId: 'writeImplementationPlan',
  summary: 'Write a level’s implementation plan for a year (实施方案: approach, goals, division of responsibility, schedule, documents)',
  auth: { roles: OFFICIALS, place: ({ body }) => body.place },
  body: () => PlanContent().extend({ place: PlacePath, year: Year() }),
  response: () => PlanView(),
  idempotent: true,
  handler: ({ body }, ctx) => writePlan(body, ctx),
});

export const getPlanRoute = defineRoute({
  method: 'GET',
  path: '/programme/plans',
  operationId: 'getImplementationPlan',
  summary: 'A level’s plan for a year: where it stands, its history and its current version',
  auth: { roles: OFFICIALS, place: ({ query }) => query.place },
  query: () => PlanKey(),
  response: () => PlanView(),
  handler: ({ query }, ctx) => getPlan(query.place, query.year, ctx),
});

export const getPlanVersionRoute = defineRoute({
  method: 'GET',
  path: '/programme/plans/versions/{version}',
  operationId: 'getImplementationPlanVersion',
  summary: 'One version of a plan as it was written (versions once filed never change)',
  auth: { roles: OFFICIALS, place: ({ query }) => query.place },
  params: () => z.object({ version: z.coerce.number().int().positive() }),
  query: () => PlanKey(),
  response: () => PlanVersion(),
  handler: ({ params, query }, ctx) => getPlanVersion(query.place, query.year, params.version, ctx),
});

export const filePlanRoute = defineRoute({
  method: 'POST',
  path: '/programme/plans/filing',
  operationId: 'fileImplementationPlan',
  summary: 'File the plan’s current draft with the level above (报送备案); says whether it met the deadline',
  auth: { roles: OFFICIALS, place: ({ body }) => body.place },
  body: () => PlanKey(),
  response: () => Plan().extend({ late: z.boolean() }),
  idempotent: true,
  handler: ({ body }, ctx) => filePlan(body, ctx),
});

export const reviewPlanRoute = defineRoute({
  method: 'POST',
  path: '/programme/plans/review',
  operationId: 'reviewImplementationPlan',
  summary: 'The level above acknowledges a filed plan version (已备案) or returns it with comments (退回修改)',
  auth: { roles: OFFICIALS, place: ({ body }, ctx) => filedWithOf(ctx, body.place, body.year) },
  body: () =>
    z.discriminatedUnion('outcome', [
      PlanKey().extend({
        version: z.number().int().positive(),
        outcome: z.literal('acknowledged'),
        comments: z.string().trim().min(1).max(2000).optional(),
      }),
      PlanKey().extend({
        version: z.number().int().positive(),
        outcome: z.literal('returned'),
        comments: z.string().trim().min(1).max(2000),
      }),
    ]),
  response: () => Plan(),
  idempotent: true,
  handler: ({ body }, ctx) => reviewPlan(body, ctx),
});

export const listFiledRoute = defineRoute({
  method: 'GET',
  path: '/programme/plans/filed',
  operationId: 'listFiledImplementationPlans',
  summary: 'The plans filed with a level for a year (what was 报…备案 with it), a page at a time',
  auth: { roles: OFFICIALS, place: ({ query }) => query.with },
  query: () => z.object({ with: PlacePath, year: Year(), ...pageQuery() }),
  response: () => z.object({ items: z.array(Plan()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => listFiled(query, ctx),
});

export const setDeadlineRoute = defineRoute({
  method: 'PUT',
  path: '/programme/filing-deadlines',
  operationId: 'setFilingDeadline',
  summary: 'Set the day by which the levels below are to file their plans for a year (e.g. 5 月 20 日)',
  auth: { roles: OFFICIALS, place: ({ body }) => body.place },
  body: () => z.object({ place: PlacePath, year: z.number().int().min(2000).max(2100), due: IsoDate }),
  response: () => z.object({ place: PlacePath, year: z.number(), due: IsoDate }),
  idempotent: true,
  handler: ({ body }, ctx) => setDeadline(body, ctx),
});

export const overdueFilingsRoute = defineRoute({
  method: 'GET',
  path: '/programme/plans/overdue',
  operationId: 'listOverdueFilings',
  summary: 'The levels below whose plans for the year were not filed by the deadline, or were filed late',
  auth: { roles: OFFICIALS, place: ({ query }) => query.with },
  query: () => z.object({ with: PlacePath, year: Year() }),
  response: () =>
    z.object({
      with: PlacePath,
      year: z.number(),
      due: IsoDate.optional(),
      items: z.array(
        z.object({
          place: PlacePath,
          name: z.object({ zh: z.string(), en: z.string() }),
          status: z.enum(['none', 'draft', 'filed', 'returned', 'acknowledged']),
          firstFiledAt: z.string().optional(),
          late: z.boolean(),
          daysOverdue: z.number().int(),
        }),
      ),
    }),
  handler: ({ query }, ctx) => overdue(query, ctx),
});

export const planRoutes = [
  writePlanRoute,
  getPlanRoute,
  getPlanVersionRoute,
  filePlanRoute,
  reviewPlanRoute,
  listFiledRoute,
  setDeadlineRoute,
  overdueFilingsRoute,
];
