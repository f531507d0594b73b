import { CandidateListed, CandidateSupported, ResourceListChanged, auditEntry } from '@cocreate/contracts';
import { type RouteContext, newId, problems } from '@cocreate/kernel';
import {
  type Candidate,
  type NewCandidate,
  type NewResource,
  type Resource,
  type ResourceUpdate,
  canSupport,
  checkCandidateSources,
  resourceData,
  updatedResource,
} from '../domain/lists.ts';
import { type PageOpts, audit } from '../repos/settings.ts';
import { candidates } from '../repos/candidates.ts';
import { needs } from '../repos/needs.ts';
import { resources } from '../repos/resources.ts';
import { villages } from '../repos/villages.ts';
import { assertVillage, listedVillage, personIn, refuse, settled } from './common.ts';
import { currentSettings } from './settings.ts';

/* 资源清单 — the resources list ------------------------------------------------------------------------------- */

const loadResource = (ctx: Pick<RouteContext, 'table' | 'once'>, id: string) =>
  ctx.once(`resource:${id}`, () => resources.get(ctx.table, id));

export const resourceVillage = async ({ params }: { params: { resourceId: string } }, ctx: RouteContext) =>
  (await loadResource(ctx, params.resourceId))?.village;

export async function addResource(cmd: NewResource, ctx: RouteContext): Promise<Resource> {
  await assertVillage(ctx, cmd.village);
  const at = ctx.now().toISOString();
  const { reason, ...entry } = cmd;
  const r: Resource = {
    ...entry,
    resourceId: newId(),
    status: 'available',
    createdBy: ctx.actor.sub,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  resources.save(ctx.tx, r, undefined, 'retry');
  recordResourceChange(ctx, undefined, r, reason ?? '列入资源清单 / listed');
  return r;
}

/** Every change of the resources list is kept (its history) and published, like every audited setting (issue 12). */
function recordResourceChange(ctx: RouteContext, before: Resource | undefined, after: Resource, reason: string): void {
  const entry = auditEntry({
    changeId: newId(),
    setting: 'resource',
    scope: after.resourceId,
    before: before && resourceData(before),
    after: resourceData(after),
    by: ctx.actor.sub,
    now: ctx.now(),
    reason,
  });
  audit.record(ctx.tx, entry);
  ctx.tx.emit(ResourceListChanged, { village: after.village, resourceId: after.resourceId, ...entry }, { place: after.village });
}

/** An entry's changes, newest first. */
export async function resourceHistory(resourceId: string, opts: PageOpts, ctx: RouteContext) {
  if (!(await loadResource(ctx, resourceId))) throw problems.notFound({ zh: '资源', en: 'The resource' });
  return audit.history<ReturnType<typeof resourceData>>(ctx.table, 'resource', resourceId, opts);
}

/** A resource's status, quantity, amount or description, optimistic on the version the caller saw. */
export async function updateResource(resourceId: string, cmd: ResourceUpdate, ctx: RouteContext): Promise<Resource> {
  const cur = await loadResource(ctx, resourceId);
  if (!cur) throw problems.notFound({ zh: '资源', en: 'The resource' });
  const next = settled(updatedResource(cur, cmd, ctx.now()));
  resources.save(ctx.tx, next, cmd.expectedVersion, refuse('stale-version'));
  recordResourceChange(ctx, cur, next, cmd.reason);
  return next;
}

/* 项目清单 — the project list of candidate items, and residents' supports (点单式) ------------------------------- */

const loadCandidate = (ctx: Pick<RouteContext, 'table' | 'once'>, id: string) =>
  ctx.once(`candidate:${id}`, () => candidates.getVersioned(ctx.table, id));

async function candidateOrThrow(ctx: RouteContext, id: string) {
  const c = await loadCandidate(ctx, id);
  if (!c) throw problems.notFound({ zh: '项目清单条目', en: 'The candidate item' });
  return c;
}

export const candidateVillage = async ({ params }: { params: { candidateId: string } }, ctx: RouteContext) =>
  (await loadCandidate(ctx, params.candidateId))?.value.village;

export async function getCandidate(id: string, ctx: RouteContext): Promise<Candidate> {
  const [cur, read] = await Promise.all([candidateOrThrow(ctx, id), candidates.supportShards(ctx.table, id)]);
  return candidates.supportsOf(cur.value, read);
}

/** A candidate item on the project list, from accepted needs of the village, which become listed on it. */
export async function listCandidate(cmd: NewCandidate, ctx: RouteContext): Promise<Candidate> {
  await assertVillage(ctx, cmd.village);
  const needIds = [...new Set(cmd.needIds)];
  const resourceIds = [...new Set(cmd.resourceIds)];
  const [found, rs] = await Promise.all([
    Promise.all(needIds.map((id) => needs.getVersioned(ctx.table, id))),
    resources.getMany(ctx.table, resourceIds),
  ]);
  const bad = checkCandidateSources(
    cmd.village,
    needIds.map((needId, i) => ({ needId, need: found[i]?.value })),
    resourceIds.map((resourceId) => ({ resourceId, resource: rs.find((r) => r.resourceId === resourceId) })),
  );
  if (bad) throw refuse(bad.refused, bad.detail, bad.pointer);
  const candidateId = newId();
  const c: Candidate = {
    candidateId,
    village: cmd.village,
    title: cmd.title,
    description: cmd.description,
    category: cmd.category,
    needIds,
    resourceIds,
    ...(cmd.estimatedBudget !== undefined ? { estimatedBudget: cmd.estimatedBudget } : {}),
    supports: 0,
    status: 'open',
    createdBy: ctx.actor.sub,
    createdAt: ctx.now().toISOString(),
  };
  candidates.save(ctx.tx, c, undefined, 'retry');
  // A need is listed on one item only: the version check makes a concurrent listing of the same need recompute.
  for (const n of found) needs.save(ctx.tx, { ...n!.value, status: 'listed', candidateId }, n!.version, n!.value.supporters);
  ctx.tx.emit(CandidateListed, { candidateId, village: c.village, title: c.title, category: c.category, needIds }, { place: c.village });
  return c;
}

/** The project list, newest first, or (`supports`) the whole list ranked by support. */
export async function listCandidates(
  query: { village: string; order: 'newest' | 'supports'; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
): Promise<{ items: Candidate[]; cursor?: string }> {
  await listedVillage(ctx, query.village);
  if (query.order === 'newest') {
    const page = await candidates.listByVillage(ctx.table, query.village, query);
    return { ...page, items: await candidates.withSupports(ctx.table, page.items) };
  }
  const all: Candidate[] = [];
  let cursor: string | undefined;
  do {
    const page = await candidates.listByVillage(ctx.table, query.village, { limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...(await candidates.withSupports(ctx.table, page.items)));
    cursor = page.cursor;
  } while (cursor && all.length < 2000);
  return { items: all.sort((a, b) => b.supports - a.supports || a.createdAt.localeCompare(b.createdAt)).slice(0, query.limit) };
}

/** 点单: a resident supports an item once, within the village's per-resident limit. */
export async function supportCandidate(candidateId: string, ctx: RouteContext) {
  // The route's place check has read the item already; everything else the decision needs is read at once from its
  // village and the caller (a resident's register id is their subject), one round trip instead of three.
  const cur = await candidateOrThrow(ctx, candidateId);
  const { village } = cur.value;
  const [read, person, settings, used] = await Promise.all([
    candidates.supportShards(ctx.table, candidateId),
    personIn(ctx, village),
    currentSettings(ctx, village),
    villages.supportUse(ctx.table, village, ctx.actor.sub),
  ]);
  const c = candidates.supportsOf(cur.value, read);
  const refusal = canSupport(c.status, used, settings.supportLimit);
  // The support record's conditional create refuses a second support; only a resident already at the limit is
  // read for it, so that a repeat is told it is a repeat rather than over the limit.
  if (refusal?.refused === 'support-limit-reached' && (await candidates.hasSupport(ctx.table, c.candidateId, person.id)))
    throw refuse('already-supported');
  settled(refusal);
  const at = ctx.now().toISOString();
  candidates.addSupport(ctx.tx, c.candidateId, person.id, person.household, at, refuse('already-supported'));
  villages.useSupport(
    ctx.tx,
    c.village,
    person.id,
    settings.supportLimit,
    refuse('support-limit-reached', { limit: settings.supportLimit }),
  );
  // One more on a shard of the item's counter, not on the item: supports of one item no longer wait for each other.
  // Once the item went to planning the counter is frozen and this is refused.
  candidates.countSupport(ctx.tx, c.candidateId, at, refuse('candidate-closed'));
  // The total as this request saw it, plus this support (concurrent supports may each miss the other; a read of the
  // item is exact).
  ctx.tx.emit(
    CandidateSupported,
    { candidateId: c.candidateId, village: c.village, supporter: person.id, household: person.household, total: c.supports + 1 },
    { place: c.village },
  );
  return { candidateId: c.candidateId, supports: c.supports + 1, used: used + 1, limit: settings.supportLimit };
}

export const listResources = (query: { village: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) =>
  listedVillage(ctx, query.village).then(() => resources.listByVillage(ctx.table, query.village, query));
