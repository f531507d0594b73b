import { z } from 'zod';
import { ContributionKind, Fen, Id, PlacePath } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import { READERS, projectPlace } from '../app/common.ts';
import { householdContributions as contributionsOf, projectContributions, recordContribution as record } from '../app/contributions.ts';
import { TotalsView } from '../app/views.ts';
import { RecordContribution } from '../domain/contributions.ts';

export const ContributionView = z.object({
  contributionId: Id,
  projectId: Id,
  village: PlacePath,
  household: PlacePath,
  person: z.string().optional(),
  kind: ContributionKind,
  value: Fen,
  paid: z.boolean(),
  contributedOn: z.string(),
  hours: z.number().optional(),
  hourlyWage: Fen.optional(),
  quantity: z.number().optional(),
  unit: z.string().optional(),
  unitPrice: Fen.optional(),
  area: z.number().optional(),
  termMonths: z.number().optional(),
  description: z.string().optional(),
  note: z.string().optional(),
  sourceId: z.string().optional(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const recordContribution = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/contributions',
  operationId: 'recordContribution',
  summary: 'Record a household’s money, labour hours, materials, land or idea for a project (出钱出力出物让地出点子)',
  auth: { roles: ['cadre', 'grid-worker', 'treasurer'], place: projectPlace },
  params: z.object({ projectId: Id }),
  body: RecordContribution,
  response: ContributionView,
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => record({ ...body, projectId: params.projectId }, ctx),
});

export const listProjectContributions = defineRoute({
  method: 'GET',
  path: '/projects/projects/{projectId}/contributions',
  operationId: 'listProjectContributions',
  summary: 'A project’s contributions with running totals, overall and per household',
  auth: { roles: READERS, place: projectPlace },
  params: z.object({ projectId: Id }),
  response: z.object({
    totals: TotalsView,
    households: z.array(z.object({ household: PlacePath, totals: TotalsView })),
    items: z.array(ContributionView),
    wages: z.array(z.object({ person: z.string(), accrued: Fen, due: Fen, paid: Fen })),
  }),
  handler: ({ params }, ctx) => projectContributions(params.projectId, ctx),
});

export const householdContributions = defineRoute({
  method: 'GET',
  path: '/projects/households/contributions',
  operationId: 'householdContributions',
  summary: 'A household’s contributions over all projects, with its running totals',
  auth: { roles: READERS, place: ({ query }) => query.household },
  query: z.object({ household: PlacePath }),
  response: z.object({ household: PlacePath, totals: TotalsView, items: z.array(ContributionView) }),
  handler: ({ query }, ctx) => contributionsOf(query.household, ctx),
});
