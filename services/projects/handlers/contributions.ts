import * as z from 'zod';
import { Id, PlacePath } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import { READERS, projectPlace } from '../app/common.ts';
import { householdContributions as contributionsOf, projectContributions, recordContribution as record } from '../app/contributions.ts';
import { TotalsView } from '../app/views.ts';
import { ContributionRecord, RecordContribution, WagesPayable } from '../domain/contributions.ts';

export const recordContribution = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/contributions',
  operationId: 'recordContribution',
  summary: 'Record a household’s money, labour hours, materials, land or idea for a project (出钱出力出物让地出点子)',
  auth: { roles: ['cadre', 'grid-worker', 'treasurer'], place: projectPlace },
  params: () => z.object({ projectId: Id }),
  body: () => RecordContribution(),
  response: () => ContributionRecord(),
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
  params: () => z.object({ projectId: Id }),
  response: () =>
    z.object({
      totals: TotalsView(),
      households: z.array(z.object({ household: PlacePath, totals: TotalsView() })),
      items: z.array(ContributionRecord()),
      wages: z.array(WagesPayable().pick({ person: true, accrued: true, due: true, paid: true })),
    }),
  handler: ({ params }, ctx) => projectContributions(params.projectId, ctx),
});

export const householdContributions = defineRoute({
  method: 'GET',
  path: '/projects/households/contributions',
  operationId: 'householdContributions',
  summary: 'A household’s contributions over all projects, with its running totals',
  auth: { roles: READERS, place: ({ query }) => query.household },
  query: () => z.object({ household: PlacePath }),
  response: () => z.object({ household: PlacePath, totals: TotalsView(), items: z.array(ContributionRecord()) }),
  handler: ({ query }, ctx) => contributionsOf(query.household, ctx),
});
