import { z } from 'zod';
import { CandidateListed, CandidateSupported, Id, PlacePath } from '@cocreate/contracts';
import { type Table, defineRoute, newId, problems } from '@cocreate/kernel';
import { Candidate, NewCandidate, NewResource, Resource, ResourceUpdate, canSupport } from '../domain/lists.ts';
import { candidates, needs, resources, villages } from '../store.ts';
import { PageQuery, VILLAGE_PEOPLE, VILLAGE_READERS, assertVillage, personIn, refuse } from './common.ts';
import { currentSettings } from './settings.ts';

/* 资源清单 — the resources list ------------------------------------------------------------------------------- */

const resourceVillage = async ({ params }: { params: { resourceId: string } }, ctx: { table: Table }) =>
  (await resources.get(ctx.table, params.resourceId))?.village;

export const addResource = defineRoute({
  method: 'POST',
  path: '/deliberation/resources',
  operationId: 'addResource',
  summary: 'Add an entry to the village resources list (资源清单): land, funds, skills, volunteers, equipment',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: NewResource,
  response: Resource,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    await assertVillage(ctx, body.village);
    const at = ctx.now().toISOString();
    const r: Resource = {
      ...body,
      resourceId: newId(),
      status: 'available',
      createdBy: ctx.actor.sub,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    resources.save(ctx.tx, r, undefined, 'retry');
    return r;
  },
});

export const listResources = defineRoute({
  method: 'GET',
  path: '/deliberation/resources',
  operationId: 'listResources',
  summary: 'The village resources list, newest first',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath, ...PageQuery }),
  response: z.object({ items: z.array(Resource), cursor: z.string().optional() }),
  handler: async ({ query }, ctx) => resources.listByVillage(ctx.table, query.village, query),
});

export const updateResource = defineRoute({
  method: 'PATCH',
  path: '/deliberation/resources/{resourceId}',
  operationId: 'updateResource',
  summary: 'Update a resource’s status, quantity, amount or description (cadres); optimistic on its version',
  auth: { roles: ['cadre'], place: resourceVillage },
  params: z.object({ resourceId: Id }),
  body: ResourceUpdate,
  response: Resource,
  handler: async ({ params, body }, ctx) => {
    const cur = await resources.get(ctx.table, params.resourceId);
    if (!cur) throw problems.notFound({ zh: '资源', en: 'The resource' });
    if (cur.version !== body.expectedVersion) throw refuse('stale-version', { version: cur.version });
    const { expectedVersion, ...changes } = body;
    const next: Resource = {
      ...cur,
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      updatedAt: ctx.now().toISOString(),
      version: expectedVersion + 1,
    };
    resources.save(ctx.tx, next, expectedVersion, refuse('stale-version'));
    return next;
  },
});

/* 项目清单 — the project list of candidate items, and residents' supports (点单式) ------------------------------- */

const candidateVillage = async ({ params }: { params: { candidateId: string } }, ctx: { table: Table }) =>
  (await candidates.getVersioned(ctx.table, params.candidateId))?.value.village;

export const listCandidate = defineRoute({
  method: 'POST',
  path: '/deliberation/candidates',
  operationId: 'listCandidate',
  summary: 'Put a candidate item on the project list from accepted needs (cadres); the needs become listed',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: NewCandidate,
  response: Candidate,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    await assertVillage(ctx, body.village);
    const needIds = [...new Set(body.needIds)];
    const found = await Promise.all(needIds.map((id) => needs.getVersioned(ctx.table, id)));
    const candidateId = newId();
    found.forEach((n, i) => {
      if (!n || n.value.village !== body.village) throw refuse('need-elsewhere', { needId: needIds[i] }, `/needIds/${i}`);
      if (n.value.status !== 'triaged') throw refuse('need-not-accepted', { needId: needIds[i], current: n.value.status }, `/needIds/${i}`);
    });
    const resourceIds = [...new Set(body.resourceIds)];
    const rs = await resources.getMany(ctx.table, resourceIds);
    resourceIds.forEach((id, i) => {
      if (!rs.some((r) => r.resourceId === id && r.village === body.village))
        throw refuse('resource-elsewhere', { resourceId: id }, `/resourceIds/${i}`);
    });
    const c: Candidate = {
      candidateId,
      village: body.village,
      title: body.title,
      description: body.description,
      category: body.category,
      needIds,
      resourceIds,
      ...(body.estimatedBudget !== undefined ? { estimatedBudget: body.estimatedBudget } : {}),
      supports: 0,
      status: 'open',
      createdBy: ctx.actor.sub,
      createdAt: ctx.now().toISOString(),
    };
    candidates.save(ctx.tx, c, undefined, 'retry');
    // A need is listed on one item only: the version check makes a concurrent listing of the same need recompute.
    for (const n of found) needs.save(ctx.tx, { ...n!.value, status: 'listed', candidateId }, n!.version);
    ctx.tx.emit(CandidateListed, { candidateId, village: c.village, title: c.title, category: c.category, needIds }, { place: c.village });
    return c;
  },
});

export const listCandidates = defineRoute({
  method: 'GET',
  path: '/deliberation/candidates',
  operationId: 'listCandidates',
  summary: 'The village project list with running support totals; `order=supports` ranks the whole list by support',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath, order: z.enum(['newest', 'supports']).default('newest'), ...PageQuery }),
  response: z.object({ items: z.array(Candidate), cursor: z.string().optional() }),
  handler: async ({ query }, ctx) => {
    if (query.order === 'newest') return candidates.listByVillage(ctx.table, query.village, query);
    const all: Candidate[] = [];
    let cursor: string | undefined;
    do {
      const pageOf = await candidates.listByVillage(ctx.table, query.village, { limit: 100, ...(cursor ? { cursor } : {}) });
      all.push(...pageOf.items);
      cursor = pageOf.cursor;
    } while (cursor && all.length < 2000);
    return { items: all.sort((a, b) => b.supports - a.supports || a.createdAt.localeCompare(b.createdAt)).slice(0, query.limit) };
  },
});

export const getCandidate = defineRoute({
  method: 'GET',
  path: '/deliberation/candidates/{candidateId}',
  operationId: 'getCandidate',
  summary: 'One candidate item with its running support total',
  auth: { roles: VILLAGE_READERS, place: candidateVillage },
  params: z.object({ candidateId: Id }),
  response: Candidate,
  handler: async ({ params }, ctx) => {
    const c = await candidates.getVersioned(ctx.table, params.candidateId);
    if (!c) throw problems.notFound({ zh: '项目清单条目', en: 'The candidate item' });
    return c.value;
  },
});

export const supportCandidate = defineRoute({
  method: 'POST',
  path: '/deliberation/candidates/{candidateId}/supports',
  operationId: 'supportCandidate',
  summary: 'Support a candidate item (点单): once per resident per item, within the village’s per-resident limit',
  auth: { roles: VILLAGE_PEOPLE, place: candidateVillage },
  params: z.object({ candidateId: Id }),
  response: z.object({
    candidateId: Id,
    supports: z.number().int().positive(),
    used: z.number().int().positive(),
    limit: z.number().int().positive(),
  }),
  status: 201,
  idempotent: true,
  handler: async ({ params }, ctx) => {
    const cur = await candidates.getVersioned(ctx.table, params.candidateId);
    if (!cur) throw problems.notFound({ zh: '项目清单条目', en: 'The candidate item' });
    const c = cur.value;
    const person = await personIn(ctx, c.village);
    if (await candidates.hasSupport(ctx.table, c.candidateId, person.id)) throw refuse('already-supported');
    const [settings, used] = await Promise.all([currentSettings(ctx, c.village), villages.supportUse(ctx.table, c.village, person.id)]);
    const refusal = canSupport(c.status, used, settings.supportLimit);
    if (refusal) throw refuse(refusal, refusal === 'support-limit-reached' ? { limit: settings.supportLimit } : {});
    const at = ctx.now().toISOString();
    candidates.addSupport(ctx.tx, c.candidateId, person.id, person.household, at, refuse('already-supported'));
    villages.useSupport(
      ctx.tx,
      c.village,
      person.id,
      settings.supportLimit,
      refuse('support-limit-reached', { limit: settings.supportLimit }),
    );
    candidates.countSupport(ctx.tx, c.candidateId, c.supports, at);
    ctx.tx.emit(
      CandidateSupported,
      { candidateId: c.candidateId, village: c.village, supporter: person.id, household: person.household, total: c.supports + 1 },
      { place: c.village },
    );
    return { candidateId: c.candidateId, supports: c.supports + 1, used: used + 1, limit: settings.supportLimit };
  },
});
