import { z } from 'zod';
import { EvidenceRef, Id, PlacePath, EvaluationRectificationClosed } from '@cocreate/contracts';
import { EvidenceUploadRequest, type RouteContext, defineRoute, problems } from '@cocreate/kernel';
import { Rectification, RectificationStatus, type RectificationStep, applyStep } from '../domain/rectification.ts';
import { rectifications } from '../store.ts';
import { Page, notFound } from './common.ts';

const rectificationVillage = async (
  { params }: { params: { rectificationId: string } },
  ctx: { table: Parameters<typeof rectifications.get>[0] },
) => (await rectifications.get(ctx.table, params.rectificationId))?.village;

export const listRectifications = defineRoute({
  method: 'GET',
  path: '/evaluation/rectifications',
  operationId: 'listRectifications',
  summary: 'A village’s rectification items (整改清单), newest first — public, like the results that opened them',
  auth: { public: true },
  query: Page.extend({ village: PlacePath, status: RectificationStatus.optional() }),
  response: z.object({ items: z.array(Rectification), cursor: z.string().optional() }),
  handler: async ({ query }, ctx) => {
    const page = await rectifications.listByVillage(ctx.table, query.village, query);
    return { items: page.items.filter((r) => !query.status || r.status === query.status), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
});

export const getRectification = defineRoute({
  method: 'GET',
  path: '/evaluation/rectifications/{rectificationId}',
  operationId: 'getRectification',
  summary: 'A rectification item with its history',
  auth: { public: true },
  params: z.object({ rectificationId: Id }),
  response: Rectification,
  handler: async ({ params }, ctx) => {
    const r = await rectifications.get(ctx.table, params.rectificationId);
    if (!r) throw notFound.rectification();
    const { version: _v, ...item } = r;
    return item;
  },
});

async function step(rectificationId: string, s: RectificationStep, ctx: RouteContext) {
  const current = (await rectifications.get(ctx.table, rectificationId))!;
  const { version, ...item } = current;
  const at = ctx.now().toISOString();
  const next = applyStep(item, s, at);
  if ('refused' in next) {
    throw next.refused === 'same-person'
      ? problems.forbidden({ zh: '整改的上报人不能自己验收。', en: 'Whoever reported the rectification cannot verify it.' })
      : problems.conflict(
          'wrong-status',
          { zh: `整改事项当前状态为 ${next.status}，不能执行该操作。`, en: `The item is ${next.status}; that step is not possible now.` },
          { current: next.status },
        );
  }
  const stale = problems.conflict('stale-version', {
    zh: '整改事项已被他人更新，请刷新后重试。',
    en: 'The item changed meanwhile; reload and retry.',
  });
  rectifications.put(ctx.tx, next, version, stale);
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

export const reportRectification = defineRoute({
  method: 'POST',
  path: '/evaluation/rectifications/{rectificationId}/report',
  operationId: 'reportRectification',
  summary: 'The village reports a rectification done, with a note and evidence (photos …)',
  auth: { roles: ['cadre'], place: rectificationVillage },
  params: z.object({ rectificationId: Id }),
  body: z.object({ note: z.string().trim().min(1).max(2000), evidence: z.array(EvidenceRef).max(10).default([]) }),
  response: Rectification,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const village = (await rectificationVillage({ params }, ctx))!;
    const evidence = [];
    for (const [i, ref] of body.evidence.entries()) evidence.push(await ctx.evidence.verify(ref, village, `/evidence/${i}`));
    return step(params.rectificationId, { action: 'report', by: ctx.actor.sub, note: body.note, evidence }, ctx);
  },
});

export const verifyRectification = defineRoute({
  method: 'POST',
  path: '/evaluation/rectifications/{rectificationId}/verify',
  operationId: 'verifyRectification',
  summary: 'The supervision committee accepts (closes) or rejects (reopens) a reported rectification',
  auth: { roles: ['supervisor'], place: rectificationVillage },
  params: z.object({ rectificationId: Id }),
  body: z.object({ accepted: z.boolean(), note: z.string().trim().min(1).max(2000) }),
  response: Rectification,
  idempotent: true,
  handler: async ({ params, body }, ctx) =>
    step(params.rectificationId, { action: 'verify', by: ctx.actor.sub, accepted: body.accepted, note: body.note }, ctx),
});

export const requestEvidenceUpload = defineRoute({
  method: 'POST',
  path: '/evaluation/evidence-uploads',
  operationId: 'requestEvaluationEvidenceUpload',
  summary: 'A presigned upload URL for evidence (rectification photos, review minutes) under a village',
  auth: { roles: ['cadre', 'supervisor', 'township-official', 'county-official'], place: ({ body }) => body.place },
  body: EvidenceUploadRequest.extend({ place: PlacePath }),
  response: z.object({
    key: z.string(),
    uploadUrl: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  }),
  status: 201,
  handler: async ({ body }, ctx) => ctx.evidence.presignUpload(body.place, { filename: body.filename, contentType: body.contentType }),
});

export const rectificationRoutes = [listRectifications, getRectification, reportRectification, verifyRectification, requestEvidenceUpload];
