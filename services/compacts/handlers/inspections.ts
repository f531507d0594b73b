import * as z from 'zod';
import { once, Id, IsoDate, PlacePath } from '@cocreate/contracts';
import { type RouteContext, defineRoute } from '@cocreate/kernel';
import { READERS } from '../app/common.ts';
import { createInspection, getInspection, inspectionVillage, listInspections, recordInspectionResults } from '../app/inspections.ts';
import { CreateInspection, Inspection, RecordResults } from '../domain/inspections.ts';

/** Inspections by the sanitation-rating work group (卫生评比工作组). */

const InspectionParams = once(() => z.object({ inspectionId: Id }));
const ofInspection = ({ params }: { params: { inspectionId: string } }, ctx: RouteContext) => inspectionVillage(params.inspectionId, ctx);

export const createInspectionRoute = defineRoute({
  method: 'POST',
  path: '/compacts/inspections',
  operationId: 'createInspection',
  summary: 'Schedule an inspection, or record an unannounced one (e.g. a rubbish-sorting spot check) with its results',
  auth: { roles: ['inspector'], place: ({ body }) => body.village },
  body: () => CreateInspection(),
  response: () => Inspection(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => createInspection(body, ctx),
});

export const recordInspectionResultsRoute = defineRoute({
  method: 'POST',
  path: '/compacts/inspections/{inspectionId}/results',
  operationId: 'recordInspectionResults',
  summary: 'Record the results of a scheduled inspection (once)',
  auth: { roles: ['inspector'], place: ofInspection },
  params: () => InspectionParams(),
  body: () => RecordResults(),
  response: () => Inspection(),
  handler: ({ params, body }, ctx) => recordInspectionResults(params.inspectionId, body, ctx),
});

export const listInspectionsRoute = defineRoute({
  method: 'GET',
  path: '/compacts/inspections',
  operationId: 'listInspections',
  summary: 'A village’s inspections between two dates (default the last 90 days); residents see only their own results',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, from: IsoDate.optional(), to: IsoDate.optional() }),
  response: () => z.object({ items: z.array(Inspection()) }),
  handler: ({ query }, ctx) => listInspections(query, ctx),
});

export const getInspectionRoute = defineRoute({
  method: 'GET',
  path: '/compacts/inspections/{inspectionId}',
  operationId: 'getInspection',
  summary: 'One inspection (residents see only their own household’s results)',
  auth: { roles: READERS, place: ofInspection },
  params: () => InspectionParams(),
  response: () => Inspection(),
  handler: ({ params }, ctx) => getInspection(params.inspectionId, ctx),
});

export const inspectionRoutes = [createInspectionRoute, recordInspectionResultsRoute, listInspectionsRoute, getInspectionRoute];
