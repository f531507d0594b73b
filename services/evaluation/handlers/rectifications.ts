import { VILLAGE_WATCH } from '@cocreate/places';
import * as z from 'zod';
import { EvidenceRef, Id, PlacePath } from '@cocreate/contracts';
import { EvidenceUpload, EvidenceUploadRequest, type RouteContext, defineRoute, pageQuery } from '@cocreate/kernel';
import { getRectification, listRectifications, rectificationOf, reportRectification, verifyRectification } from '../app/rectifications.ts';
import { Rectification, RectificationStatus } from '../domain/rectification.ts';

const rectificationVillage = async ({ params }: { params: { rectificationId: string } }, ctx: RouteContext) =>
  (await rectificationOf(ctx, params.rectificationId))?.value.village;

export const listRectificationsRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/rectifications',
  operationId: 'listRectifications',
  summary: 'A village’s rectification items (整改清单), newest first — public, like the results that opened them',
  auth: { public: true },
  query: () => z.object({ village: PlacePath, status: RectificationStatus().optional(), ...pageQuery() }),
  response: () => z.object({ items: z.array(Rectification()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => listRectifications(query, ctx),
});

export const getRectificationRoute = defineRoute({
  method: 'GET',
  path: '/evaluation/rectifications/{rectificationId}',
  operationId: 'getRectification',
  summary: 'A rectification item with its history',
  auth: { public: true },
  params: () => z.object({ rectificationId: Id }),
  response: () => Rectification(),
  handler: ({ params }, ctx) => getRectification(params.rectificationId, ctx),
});

export const reportRectificationRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/rectifications/{rectificationId}/report',
  operationId: 'reportRectification',
  summary: 'The village reports a rectification done, with a note and evidence (photos …)',
  auth: { roles: ['cadre'], place: rectificationVillage },
  params: () => z.object({ rectificationId: Id }),
  body: () => z.object({ note: z.string().trim().min(1).max(2000), evidence: z.array(EvidenceRef).max(10).default([]) }),
  response: () => Rectification(),
  idempotent: true,
  handler: ({ params, body }, ctx) => reportRectification({ ...body, rectificationId: params.rectificationId }, ctx),
});

export const verifyRectificationRoute = defineRoute({
  method: 'POST',
  path: '/evaluation/rectifications/{rectificationId}/verify',
  operationId: 'verifyRectification',
  summary: 'The supervision committee accepts (closes) or rejects (reopens) a reported rectification',
  auth: { roles: ['supervisor'], place: rectificationVillage },
  params: () => z.object({ rectificationId: Id }),
  body: () => z.object({ accepted: z.boolean(), note: z.string().trim().min(1).max(2000) }),
  response: () => Rectification(),
  idempotent: true,
  handler: ({ params, body }, ctx) => verifyRectification({ ...body, rectificationId: params.rectificationId }, ctx),
});

export const requestEvidenceUpload = defineRoute({
  method: 'POST',
  path: '/evaluation/evidence-uploads',
  operationId: 'requestEvaluationEvidenceUpload',
  summary: 'A presigned upload URL for evidence (rectification photos, review minutes) under a village',
  auth: { roles: VILLAGE_WATCH, place: ({ body }) => body.place },
  body: () => EvidenceUploadRequest().extend({ place: PlacePath }),
  response: () => EvidenceUpload(),
  status: 201,
  handler: ({ body }, ctx) => ctx.evidence.presignUpload(body.place, body),
});

export const rectificationRoutes = [
  listRectificationsRoute,
  getRectificationRoute,
  reportRectificationRoute,
  verifyRectificationRoute,
  requestEvidenceUpload,
];
