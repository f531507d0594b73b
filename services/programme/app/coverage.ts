import { BatchDeclared, BatchVillageCovered, type CoverageMilestone, type VillageClass } from '@cocreate/contracts';
import { type EventContext, type RouteContext, type ServiceContext, newId, problems } from '@cocreate/kernel';
import { ancestorsOf, chinaDay } from '@cocreate/places';
import {
  type Batch,
  type DeclareBatch,
  type Membership,
  type VillageState,
  assessVillage,
  classifyVillage,
  coveragePercent,
  decideBatch,
  reachMilestone,
  reachedAll,
  targetMet,
} from '../domain/coverage.ts';
import { type Counters, monthOf, tierDelta } from '../domain/rollups.ts';
import { batches, villages } from '../repos/coverage.ts';
import { rollups } from '../repos/rollups.ts';
import { authorAt } from './common.ts';
import { settled } from './refusals.ts';

const VILLAGE_KINDS = new Set(['village', 'community']);

/** A batch with how far it got: covered villages against its target. */
export const progressOf = (b: Batch) => ({
  ...b,
  percent: coveragePercent(b.covered, b.scopeVillages),
  targetMet: targetMet(b, b.covered),
});

/**
 * Declaring a pilot batch: its villages lie in the level's place; villages that already reached what it counts (from
 * events before it was declared) count at once.
 */
export async function declareBatch(cmd: DeclareBatch, ctx: RouteContext) {
  await authorAt(ctx, cmd.place);
  const inScope = (await ctx.register.within(cmd.place)).filter((p) => VILLAGE_KINDS.has(p.kind) && !p.retired).map((p) => p.path);
  settled(decideBatch(cmd, new Set(inScope)), '/villages');
  const known = await villages.many(ctx.table, cmd.villages);
  const batchId = newId();
  const memberships: Membership[] = cmd.villages.map((village) => ({
    batchId,
    village,
    coveredWhen: cmd.coveredWhen,
    covered: reachedAll(known.get(village), cmd.coveredWhen),
  }));
  const batch: Batch = { ...cmd, batchId, scopeVillages: inScope.length, covered: memberships.filter((m) => m.covered).length };
  batches.create(ctx.tx, batch, memberships);
  ctx.tx.emit(BatchDeclared, batch, { place: cmd.place });
  return progressOf(batch);
}

export async function getBatch(id: string, ctx: RouteContext) {
  const batch = await ctx.once(`batch:${id}`, () => batches.get(ctx.table, id));
  if (!batch) throw problems.notFound({ zh: '试点批次', en: 'The batch' });
  return progressOf(batch);
}

export async function listBatches(
  q: { place: string; year?: number | undefined; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
) {
  const page = await batches.of(ctx.table, q.place, q.limit, q.cursor, q.year);
  return { items: page.items.map(progressOf), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** The township, county and city a place lies in: the areas its events add to. */
export async function areasOf(ctx: ServiceContext, path: string): Promise<string[]> {
  const found = await Promise.all(ancestorsOf(path).map((p) => ctx.register.place(p)));
  return found.filter((p) => p && (p.kind === 'township' || p.kind === 'county' || p.kind === 'city')).map((p) => p!.path);
}

/** Adds to each area's month bucket (the month of the event's own time, China calendar). */
async function count(ctx: EventContext, path: string, at: string, counters: Counters): Promise<void> {
  const month = monthOf(chinaDay(at));
  for (const area of await areasOf(ctx, path)) rollups.add(ctx.tx, area, month, counters);
}

/**
 * Changes a village's state from one event, versioned (two events for one village at once: the later recomputes),
 * and counts it covered by each batch whose milestones it now has — each batch's count moves by one, conditionally on
 * the count read, so the number the event carries is the stored one.
 */
async function changeVillage(
  ctx: EventContext,
  village: string,
  change: (state: VillageState | undefined, memberships: Membership[]) => { state: VillageState; covers: Membership[] } | undefined,
): Promise<void> {
  const [stored, memberships] = await Promise.all([villages.get(ctx.table, village), villages.memberships(ctx.table, village)]);
  const changed = change(stored?.value, memberships);
  if (!changed) return;
  villages.write(ctx.tx, changed.state, stored?.version);
  for (const m of changed.covers) {
    const batch = await batches.get(ctx.table, m.batchId);
    if (!batch) continue;
    const covered = batch.covered + 1;
    batches.cover(ctx.tx, m, batch.covered);
    ctx.tx.emit(
      BatchVillageCovered,
      {
        batchId: batch.batchId,
        place: batch.place,
        village,
        covered,
        villages: batch.villages.length,
        target: batch.target,
        targetMet: targetMet(batch, covered),
      },
      { place: batch.place },
    );
  }
}

/** A milestone shown by another service's event (a final decision, a final acceptance): coverage, then counts. */
export async function milestoneReached(ctx: EventContext, village: string, milestone: CoverageMilestone, at: string, counters: Counters) {
  await changeVillage(ctx, village, (state, memberships) => {
    const r = reachMilestone(state, village, milestone, at, memberships);
    return r.first ? r : undefined;
  });
  await count(ctx, village, at, counters);
}

export async function villageAssessed(ctx: EventContext, village: string, year: number, hundredths: number, at: string) {
  let counters: Counters = {};
  await changeVillage(ctx, village, (state, memberships) => {
    const assessed = assessVillage(state, village, year, hundredths, at);
    counters = { participationSum: assessed.participationSum, participationCount: assessed.participationCount };
    return reachMilestone(assessed.state, village, 'assessed', at, memberships);
  });
  await count(ctx, village, at, counters);
}

export async function villageClassed(ctx: EventContext, village: string, to: VillageClass, at: string) {
  let counters: Counters = {};
  await changeVillage(ctx, village, (state) => {
    const { state: next, from, to: held } = classifyVillage(state, village, to, at);
    counters = tierDelta(from, held);
    return from === held ? undefined : { state: next, covers: [] };
  });
  await count(ctx, village, at, counters);
}

/** Money and reviews: counts only, at the areas of the pool or village. */
export const counted = (ctx: EventContext, path: string, at: string, counters: Counters) => count(ctx, path, at, counters);
