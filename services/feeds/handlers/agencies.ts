import * as z from 'zod';
import { once, PlacePath } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import { agencyFor, agencyPlace } from '../app/access.ts';
import { addAgencyMembers, listAgencies, myAgency, registerAgency } from '../app/agencies.ts';
import { AddMembers, Agency, AgencyId, RegisterAgency } from '../domain/agencies.ts';

const AgencyView = once(() => Agency().extend({ version: z.number().int().positive() }));

export const registerAgencyRoute = defineRoute({
  method: 'POST',
  path: '/feeds/agencies',
  operationId: 'registerAgency',
  summary: 'Register an agency with its jurisdiction, contact and users (运维登记订阅机构)',
  auth: { roles: ['ops-admin'], place: ({ body }) => body.jurisdiction },
  body: () => RegisterAgency(),
  response: () => AgencyView(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => registerAgency(body, ctx),
});

export const listAgenciesRoute = defineRoute({
  method: 'GET',
  path: '/feeds/agencies',
  operationId: 'listAgencies',
  summary: 'List the agencies registered inside a place subtree (operations)',
  auth: { roles: ['ops-admin'], place: ({ query }) => query.scope },
  query: () => z.object({ scope: PlacePath }),
  // Each with its version, as one agency's read gives it: the version a change of its members is made against.
  response: () => z.object({ items: z.array(AgencyView()) }),
  handler: ({ query }, ctx) => listAgencies(query.scope, ctx),
});

export const getAgencyRoute = defineRoute({
  method: 'GET',
  path: '/feeds/agencies/{agencyId}',
  operationId: 'getAgency',
  summary: 'An agency’s registration (its members or operations)',
  auth: { roles: ['agency', 'ops-admin'], place: agencyPlace },
  params: () => z.object({ agencyId: AgencyId() }),
  response: () => AgencyView(),
  handler: ({ params }, ctx) => agencyFor(params.agencyId, ctx),
});

export const addAgencyMembersRoute = defineRoute({
  method: 'POST',
  path: '/feeds/agencies/{agencyId}/members',
  operationId: 'addAgencyMembers',
  summary: 'Add users to an agency (operations)',
  auth: { roles: ['ops-admin'], place: agencyPlace },
  params: () => z.object({ agencyId: AgencyId() }),
  body: () => AddMembers(),
  response: () => AgencyView(),
  handler: ({ params, body }, ctx) => addAgencyMembers(params.agencyId, body, ctx),
});

export const myAgencyRoute = defineRoute({
  method: 'GET',
  path: '/feeds/me',
  operationId: 'myAgency',
  summary: 'The agency the caller belongs to (for pull clients to discover their jurisdiction)',
  auth: { authenticated: true },
  response: () => AgencyView(),
  handler: (_input, ctx) => myAgency(ctx),
});
