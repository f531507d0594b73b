import { FilingDeadlineSet, PlanAcknowledged, PlanDrafted, PlanFiled, PlanReturned } from '@cocreate/contracts';
import { type RouteContext, problems } from '@cocreate/kernel';
import { mayReview } from '../domain/levels.ts';
import { type Plan, type PlanContent, decideDeadline, decideFile, decideReview, decideWrite, overdueFilings } from '../domain/plans.ts';
import { plans } from '../repos/plans.ts';
import { authorAt, placeOrThrow, today, verified } from './common.ts';
import { refuse, settled } from './refusals.ts';

const refOf = (plan: Plan) => ({ place: plan.place, level: plan.level, year: plan.year, version: plan.version, filedWith: plan.filedWith });

async function planOrThrow(ctx: RouteContext, place: string, year: number): Promise<Plan> {
  const plan = await ctx.once(`plan:${place}#${year}`, () => plans.get(ctx.table, place, year));
  if (!plan) throw problems.notFound({ zh: '实施方案', en: 'The plan' });
  return plan;
}

/** Writes the level's plan for a year: a draft, or a returned plan revised as its next version. */
export async function writePlan(cmd: { place: string; year: number } & PlanContent, ctx: RouteContext) {
  const { place, level, above } = await authorAt(ctx, cmd.place);
  const { place: _p, year, ...content } = cmd;
  const documents = await verified(ctx, content.documents, cmd.place, '/documents');
  const existing = await plans.get(ctx.table, cmd.place, year);
  const decided = settled(
    decideWrite(
      existing,
      { place: place.path, level, year, filedWith: above.path, content: { ...content, documents } },
      ctx.now().toISOString(),
      ctx.actor.sub,
    ),
  );
  plans.write(ctx.tx, decided.plan, refuse('stale-plan-version'));
  plans.writeVersion(ctx.tx, decided.version, decided.newVersion);
  ctx.tx.emit(
    PlanDrafted,
    { ...refOf(decided.plan), goals: content.goals.length, tasks: content.responsibilities.length, documents },
    { place: place.path },
  );
  return { ...decided.plan, content: decided.version };
}

/** Files the current draft with the level above (报送备案). */
export async function filePlan(cmd: { place: string; year: number }, ctx: RouteContext) {
  await authorAt(ctx, cmd.place);
  const plan = await planOrThrow(ctx, cmd.place, cmd.year);
  const deadline = await plans.deadline(ctx.table, plan.filedWith, plan.year);
  const at = ctx.now().toISOString();
  const { plan: filed, late } = settled(decideFile(plan, at, ctx.actor.sub, deadline?.due));
  plans.write(ctx.tx, filed, 'retry');
  ctx.tx.emit(PlanFiled, { ...refOf(filed), filedAt: at, ...(deadline ? { due: deadline.due } : {}), late }, { place: plan.place });
  return { ...filed, late };
}

/** The level above acknowledges a filed version (已备案) or returns it with comments (退回修改). */
export async function reviewPlan(
  cmd: { place: string; year: number; version: number; outcome: 'acknowledged' | 'returned'; comments?: string | undefined },
  ctx: RouteContext,
) {
  const plan = await planOrThrow(ctx, cmd.place, cmd.year);
  const above = await placeOrThrow(ctx, plan.filedWith);
  settled(mayReview(ctx.actor.role, above.kind));
  const at = ctx.now().toISOString();
  const reviewed = settled(decideReview(plan, cmd, at, ctx.actor.sub));
  plans.write(ctx.tx, reviewed, 'retry');
  if (cmd.outcome === 'returned')
    ctx.tx.emit(PlanReturned, { ...refOf(reviewed), comments: cmd.comments!, returnedAt: at }, { place: plan.place });
  else
    ctx.tx.emit(
      PlanAcknowledged,
      { ...refOf(reviewed), ...(cmd.comments ? { comments: cmd.comments } : {}), acknowledgedAt: at },
      { place: plan.place },
    );
  return reviewed;
}

/** The place a plan is filed with: the review routes' place check (404 when there is no such plan). */
export async function filedWithOf(ctx: RouteContext, place: string, year: number): Promise<string | undefined> {
  const plan = await ctx.once(`plan:${place}#${year}`, () => plans.get(ctx.table, place, year));
  return plan?.filedWith;
}

export async function getPlan(place: string, year: number, ctx: RouteContext) {
  const plan = await planOrThrow(ctx, place, year);
  const content = await plans.version(ctx.table, place, year, plan.version);
  return { ...plan, content: content! };
}

export async function getPlanVersion(place: string, year: number, version: number, ctx: RouteContext) {
  const content = await plans.version(ctx.table, place, year, version);
  if (!content) throw problems.notFound({ zh: '方案版本', en: 'The plan version' });
  return content;
}

/** The plans filed with a level for a year, a page at a time. */
export function listFiled(q: { with: string; year: number; limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  return plans.filedWith(ctx.table, q.with, q.year, q.limit, q.cursor);
}

/** The day by which the levels below `place` are to file their plans for a year (e.g. 5 月 20 日). */
export async function setDeadline(cmd: { place: string; year: number; due: string }, ctx: RouteContext) {
  const place = await placeOrThrow(ctx, cmd.place);
  settled(mayReview(ctx.actor.role, place.kind));
  settled(decideDeadline(cmd.year, cmd.due), '/due');
  plans.putDeadline(ctx.tx, cmd);
  ctx.tx.emit(FilingDeadlineSet, cmd, { place: cmd.place });
  return cmd;
}

/**
 * The places below a level whose plans are overdue for a year: not filed by the deadline, or filed late. Reads the
 * level's children (a city's counties, a county's townships) and their plans' heads, one batch read: it grows with
 * the places below, never with the history of their plans.
 */
export async function overdue(q: { with: string; year: number }, ctx: RouteContext) {
  const [deadline, below] = await Promise.all([plans.deadline(ctx.table, q.with, q.year), ctx.register.children(q.with)]);
  const levels = below.filter((p) => !p.retired && (p.kind === 'township' || p.kind === 'county' || p.kind === 'city'));
  const heads = await plans.heads(
    ctx.table,
    levels.map((p) => p.path),
    q.year,
  );
  const names = new Map(levels.map((p) => [p.path, p.name]));
  const states = levels.map((p) => {
    const h = heads.get(p.path);
    return { place: p.path, status: h?.status ?? ('none' as const), ...(h?.firstFiledAt ? { firstFiledAt: h.firstFiledAt } : {}) };
  });
  const items = overdueFilings(deadline?.due, today(ctx), states).map((f) => ({ ...f, name: names.get(f.place)! }));
  return { with: q.with, year: q.year, ...(deadline ? { due: deadline.due } : {}), items };
}
