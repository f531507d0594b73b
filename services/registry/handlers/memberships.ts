import * as z from 'zod';
import { BodyKind, Id, IsoDate, PlacePath } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import { EndMembership, StartMembership } from '../domain/memberships.ts';
import { bodyMembers, endMembership, membershipOrThrow, startMembership } from '../app/memberships.ts';
import { KEEPERS, READERS } from '../app/common.ts';
import { BodyMembersView, MembershipView } from '../app/views.ts';

export const startMembershipRoute = defineRoute({
  method: 'POST',
  path: '/registry/memberships',
  operationId: 'startMembership',
  summary: 'A person takes a seat on a village’s body from a day (an election, an appointment)',
  auth: { roles: KEEPERS, place: ({ body }) => body.village },
  body: () => StartMembership(),
  response: () => MembershipView(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => startMembership(body, ctx),
});

export const endMembershipRoute = defineRoute({
  method: 'POST',
  path: '/registry/memberships/{membershipId}/end',
  operationId: 'endMembership',
  summary: 'A seat ends (end of term, resignation, recall): `until` is the first day it no longer holds',
  auth: { roles: KEEPERS, place: async ({ params }, ctx) => (await membershipOrThrow(params.membershipId, ctx)).village },
  params: () => z.object({ membershipId: Id }),
  body: () => EndMembership(),
  response: () => MembershipView(),
  idempotent: true,
  handler: ({ params, body }, ctx) => endMembership(params.membershipId, body, ctx),
});

export const bodyMembersRoute = defineRoute({
  method: 'GET',
  path: '/registry/bodies/members',
  operationId: 'bodyMembers',
  summary: 'Who sat on a village’s body on a day (from ≤ day < until); today by default',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, body: BodyKind, on: IsoDate.optional() }),
  response: () => BodyMembersView(),
  handler: ({ query }, ctx) => bodyMembers(query, ctx),
});

export const membershipRoutes = [startMembershipRoute, endMembershipRoute, bodyMembersRoute];
