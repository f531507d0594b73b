import * as z from 'zod';
import { once, EvidenceRef, Id, IsoDate, PlacePath } from '@cocreate/contracts';
import { type RouteContext, defineRoute } from '@cocreate/kernel';
import { READERS } from '../app/common.ts';
import { householdVillage } from '../app/organisation.ts';
import {
  appealViolation,
  closeRectification,
  getViolation,
  listViolations,
  recordViolation,
  ruleOnAppeal,
  violationVillage,
} from '../app/violations.ts';
import { RecordViolation, Violation } from '../domain/violations.ts';

/** Violations, appeals to the morality review council, and rectification to closure. */

const ViolationParams = once(() => z.object({ violationId: Id }));
const ofViolation = ({ params }: { params: { violationId: string } }, ctx: RouteContext) => violationVillage(params.violationId, ctx);

export const recordViolationRoute = defineRoute({
  method: 'POST',
  path: '/compacts/violations',
  operationId: 'recordViolation',
  summary: 'Record a violation: the article of the version in force on its date applies, with its agreed handling',
  auth: { roles: ['inspector', 'cadre'], place: ({ body }, ctx) => householdVillage(body.household, ctx) },
  body: () => RecordViolation(),
  response: () => Violation(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => recordViolation(body, ctx),
});

export const listViolationsRoute = defineRoute({
  method: 'GET',
  path: '/compacts/violations',
  operationId: 'listViolations',
  summary: 'A village’s violations by date (default the last 90 days); residents see only their own household’s',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, from: IsoDate.optional(), to: IsoDate.optional() }),
  response: () => z.object({ items: z.array(Violation()) }),
  handler: ({ query }, ctx) => listViolations(query, ctx),
});

export const getViolationRoute = defineRoute({
  method: 'GET',
  path: '/compacts/violations/{violationId}',
  operationId: 'getViolation',
  summary: 'One violation with its appeal, ruling and rectification',
  auth: { roles: READERS, place: ofViolation },
  params: () => ViolationParams(),
  response: () => Violation(),
  handler: ({ params }, ctx) => getViolation(params.violationId, ctx),
});

export const appealViolationRoute = defineRoute({
  method: 'POST',
  path: '/compacts/violations/{violationId}/appeal',
  operationId: 'appealViolation',
  summary: 'Appeal a violation of your household to the morality review council (once, within 15 days)',
  auth: { roles: ['resident'], place: ofViolation },
  params: () => ViolationParams(),
  body: () => z.object({ reason: z.string().trim().min(1).max(2000) }).strict(),
  response: () => Violation(),
  handler: ({ params, body }, ctx) => appealViolation(params.violationId, body.reason, ctx),
});

export const ruleOnAppealRoute = defineRoute({
  method: 'POST',
  path: '/compacts/violations/{violationId}/ruling',
  operationId: 'ruleOnAppeal',
  summary: 'The morality review council upholds or overturns an appealed violation (overturned: consequences reversed)',
  auth: { roles: ['council-member'], place: ofViolation },
  params: () => ViolationParams(),
  body: () => z.object({ outcome: z.enum(['uphold', 'overturn']), reason: z.string().trim().min(1).max(2000) }).strict(),
  response: () => Violation(),
  handler: ({ params, body }, ctx) => ruleOnAppeal(params.violationId, body, ctx),
});

export const closeRectificationRoute = defineRoute({
  method: 'POST',
  path: '/compacts/violations/{violationId}/rectification/close',
  operationId: 'closeRectification',
  summary: 'Check and close a violation’s rectification (整改销号), on time or late',
  auth: { roles: ['inspector', 'cadre'], place: ofViolation },
  params: () => ViolationParams(),
  body: () => z.object({ note: z.string().trim().min(1).max(1000), evidence: z.array(EvidenceRef).max(5).optional() }).strict(),
  response: () => Violation(),
  handler: ({ params, body }, ctx) => closeRectification(params.violationId, body, ctx),
});

export const violationRoutes = [
  recordViolationRoute,
  listViolationsRoute,
  getViolationRoute,
  appealViolationRoute,
  ruleOnAppealRoute,
  closeRectificationRoute,
];
