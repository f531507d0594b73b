import * as z from 'zod';
import { Id, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { settingChangeOf } from '../domain/changes.ts';
import { Candidate, NewCandidate, NewResource, Resource, ResourceData, ResourceUpdate } from '../domain/lists.ts';
import { VILLAGE_PEOPLE, VILLAGE_READERS } from '../app/common.ts';
import {
  addResource as add,
  candidateVillage,
  getCandidate as get,
  listCandidate as list,
  listCandidates as listAll,
  listResources as listAllResources,
  resourceHistory,
  resourceVillage,
  supportCandidate as support,
  updateResource as update,
} from '../app/lists.ts';

/* 资源清单 — the resources list ------------------------------------------------------------------------------- */

export const addResource = defineRoute({
  method: 'POST',
  path: '/deliberation/resources',
  operationId: 'addResource',
  summary: 'Add an entry to the village resources list (资源清单): land, funds, skills, volunteers, equipment',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: () => NewResource(),
  response: () => Resource(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => add(body, ctx),
});

export const listResources = defineRoute({
  method: 'GET',
  path: '/deliberation/resources',
  operationId: 'listResources',
  summary: 'The village resources list, newest first',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, ...pageQuery() }),
  response: () => z.object({ items: z.array(Resource()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => listAllResources(query, ctx),
});

export const updateResource = defineRoute({
  method: 'PATCH',
  path: '/deliberation/resources/{resourceId}',
  operationId: 'updateResource',
  summary: 'Update a resource’s status, quantity, amount or description (cadres); optimistic on its version',
  auth: { roles: ['cadre'], place: resourceVillage },
  params: () => z.object({ resourceId: Id }),
  body: () => ResourceUpdate(),
  response: () => Resource(),
  handler: ({ params, body }, ctx) => update(params.resourceId, body, ctx),
});

export const getResourceHistory = defineRoute({
  method: 'GET',
  path: '/deliberation/resources/{resourceId}/history',
  operationId: 'getResourceHistory',
  summary: 'Every change of an entry of the resources list, newest first: before, after, who, when, why',
  auth: { roles: VILLAGE_READERS, place: resourceVillage },
  params: () => z.object({ resourceId: Id }),
  query: () => z.object(pageQuery()),
  // A resource's changes are scoped by the resource itself (its id), not by a place.
  response: () => z.object({ items: z.array(settingChangeOf(ResourceData(), Id)), cursor: z.string().optional() }),
  handler: ({ params, query }, ctx) => resourceHistory(params.resourceId, query, ctx),
});

/* 项目清单 — the project list of candidate items, and residents' supports (点单式) ------------------------------- */

export const listCandidate = defineRoute({
  method: 'POST',
  path: '/deliberation/candidates',
  operationId: 'listCandidate',
  summary: 'Put a candidate item on the project list from accepted needs (cadres); the needs become listed',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: () => NewCandidate(),
  response: () => Candidate(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => list(body, ctx),
});

export const listCandidates = defineRoute({
  method: 'GET',
  path: '/deliberation/candidates',
  operationId: 'listCandidates',
  summary: 'The village project list with running support totals; `order=supports` ranks the whole list by support',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, order: z.enum(['newest', 'supports']).default('newest'), ...pageQuery() }),
  response: () => z.object({ items: z.array(Candidate()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => listAll(query, ctx),
});

export const getCandidate = defineRoute({
  method: 'GET',
  path: '/deliberation/candidates/{candidateId}',
  operationId: 'getCandidate',
  summary: 'One candidate item with its running support total',
  auth: { roles: VILLAGE_READERS, place: candidateVillage },
  params: () => z.object({ candidateId: Id }),
  response: () => Candidate(),
  handler: ({ params }, ctx) => get(params.candidateId, ctx),
});

export const supportCandidate = defineRoute({
  method: 'POST',
  path: '/deliberation/candidates/{candidateId}/supports',
  operationId: 'supportCandidate',
  summary: 'Support a candidate item (点单): once per resident per item, within the village’s per-resident limit',
  auth: { roles: VILLAGE_PEOPLE, place: candidateVillage },
  params: () => z.object({ candidateId: Id }),
  response: () =>
    z.object({
      candidateId: Id,
      supports: z.number().int().positive(),
      used: z.number().int().positive(),
      limit: z.number().int().positive(),
    }),
  status: 201,
  idempotent: true,
  handler: ({ params }, ctx) => support(params.candidateId, ctx),
});
