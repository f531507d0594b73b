import { VILLAGE_WATCH } from '@cocreate/places';
import * as z from 'zod';
import { once, Id, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { Need, RaiseNeed, TriageNeed } from '../domain/needs.ts';
import { VILLAGE_PEOPLE, VILLAGE_READERS } from '../app/common.ts';
import {
  getNeed as get,
  listNeeds as list,
  needVillage,
  raiseNeed as raise,
  secondNeed as second,
  triageNeed as triage,
} from '../app/needs.ts';

const NeedParams = once(() => z.object({ needId: Id }));

export const raiseNeed = defineRoute({
  method: 'POST',
  path: '/deliberation/needs',
  operationId: 'raiseNeed',
  summary: 'Raise a need (群众提), or record one on a resident’s behalf',
  auth: {
    roles: ['resident', 'grid-worker', 'cadre'],
    place: ({ body }) => body.place,
  },
  body: () => RaiseNeed(),
  response: () => Need(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => raise(body, ctx),
});

export const listNeeds = defineRoute({
  method: 'GET',
  path: '/deliberation/needs',
  operationId: 'listNeeds',
  summary: 'List a village’s needs, newest first (需求清单)',
  auth: {
    roles: ['resident', 'grid-worker', ...VILLAGE_WATCH],
    place: ({ query }) => query.village,
  },
  query: () => z.object({ village: PlacePath, ...pageQuery() }),
  response: () => z.object({ items: z.array(Need()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => list(query, ctx),
});

export const getNeed = defineRoute({
  method: 'GET',
  path: '/deliberation/needs/{needId}',
  operationId: 'getNeed',
  summary: 'One need, with its triage outcome and supporters count',
  auth: { roles: VILLAGE_READERS, place: needVillage },
  params: () => NeedParams(),
  response: () => Need(),
  handler: ({ params }, ctx) => get(params.needId, ctx),
});

/** 附议: a resident of the village seconds an open need; once per person, the raiser already counts. */
export const secondNeed = defineRoute({
  method: 'POST',
  path: '/deliberation/needs/{needId}/supporters',
  operationId: 'secondNeed',
  summary: 'Second a need (附议): a resident backs a need someone else raised; once per person',
  auth: { roles: VILLAGE_PEOPLE, place: needVillage },
  params: () => NeedParams(),
  response: () => Need(),
  status: 201,
  idempotent: true,
  handler: ({ params }, ctx) => second(params.needId, ctx),
});

/** 分类、合并、驳回: cadres triage needs; residents cannot. */
export const triageNeed = defineRoute({
  method: 'POST',
  path: '/deliberation/needs/{needId}/triage',
  operationId: 'triageNeed',
  summary: 'Triage a need (cadres): accept onto the needs list, change its category, merge into a duplicate, or reject with a reason',
  auth: { roles: ['cadre'], place: needVillage },
  params: () => NeedParams(),
  body: () => TriageNeed(),
  response: () => Need(),
  idempotent: true,
  handler: ({ params, body }, ctx) => triage(params.needId, body, ctx),
});
