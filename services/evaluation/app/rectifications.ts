import { EvaluationRectificationClosed, type EvidenceRef } from '@cocreate/contracts';
import type { RouteContext } from '@cocreate/kernel';
import { type RectificationStep, applyStep } from '../domain/rectification.ts';
import { rectifications } from '../repos/rectifications.ts';
import { listedVillage, notFound } from './common.ts';
import { refuse, settled } from './refusals.ts';

/** The item a request names, read once for the route's place check and its handler. */
export const rectificationOf = (ctx: RouteContext, rectificationId: string) =>
  ctx.once(`rectification:${rectificationId}`, () => rectifications.get(ctx.table, rectificationId));

export async function listRectifications(
  query: { village: string; status?: string | undefined; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
) {
  await listedVillage(ctx.register, query.village);
  const page = await rectifications.listByVillage(ctx.table, query.village, query);
  return { items: page.items.filter((r) => !query.status || r.status === query.status), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

export async function getRectification(rectificationId: string, ctx: RouteContext) {
  const r = await rectifications.get(ctx.table, rectificationId);
  if (!r) throw notFound.rectification();
  return r.value;
}

async function step(rectificationId: string, s: RectificationStep, ctx: RouteContext) {
  const { value: item, version } = (await rectificationOf(ctx, rectificationId))!;
  const at = ctx.now().toISOString();
  const next = settled(applyStep(item, s, at));
  rectifications.put(ctx.tx, next, version, refuse('stale-version'));
  if (next.status === 'closed') {
    ctx.tx.emit(
      EvaluationRectificationClosed,
      {
        rectificationId: next.rectificationId,
        reviewId: next.reviewId,
        village: next.village,
        ...(next.projectId ? { projectId: next.projectId } : {}),
        criterionId: next.criterionId,
        reportedBy: next.reportedBy!,
        verifiedBy: ctx.actor.sub,
        closedAt: at,
      },
      { place: next.village },
    );
  }
  return next;
}

/** The village reports a rectification done, with a note and evidence checked to lie under the village. */
export async function reportRectification(cmd: { rectificationId: string; note: string; evidence: EvidenceRef[] }, ctx: RouteContext) {
  const { village } = (await rectificationOf(ctx, cmd.rectificationId))!.value;
  const evidence = [];
  for (const [i, ref] of cmd.evidence.entries()) evidence.push(await ctx.evidence.verify(ref, village, `/evidence/${i}`));
  return step(cmd.rectificationId, { action: 'report', by: ctx.actor.sub, note: cmd.note, evidence }, ctx);
}

/** The supervision committee accepts (closes) or rejects (reopens) a reported rectification. */
export const verifyRectification = (cmd: { rectificationId: string; accepted: boolean; note: string }, ctx: RouteContext) =>
  step(cmd.rectificationId, { action: 'verify', by: ctx.actor.sub, accepted: cmd.accepted, note: cmd.note }, ctx);
