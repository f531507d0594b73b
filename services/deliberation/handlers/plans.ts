import * as z from 'zod';
import { once, Id, PlacePath } from '@cocreate/contracts';
import { EvidenceUpload, EvidenceUploadRequest, defineRoute, pageQuery } from '@cocreate/kernel';
import { Discussion, NewDiscussion, NewPlan, Plan, PlanVersion } from '../domain/plans.ts';
import { VILLAGE_READERS } from '../app/common.ts';
import {
  discussionVillage,
  draftPlan as draft,
  getDiscussion as discussion,
  getPlan as get,
  getPlanVersion as version,
  holdDiscussion as hold,
  listDiscussions as discussions,
  listPlans as list,
  planVillage,
  requestEvidenceUpload as presign,
} from '../app/plans.ts';

/* Evidence uploads: minutes, photos, tally-sheet scans, proxy forms, objection attachments ------------------------ */

export const requestEvidenceUpload = defineRoute({
  method: 'POST',
  path: '/deliberation/evidence-uploads',
  operationId: 'requestDeliberationEvidenceUpload',
  summary: 'A presigned URL to upload evidence (minutes, photos, tally-sheet scans, proxy forms) for a village',
  auth: { roles: VILLAGE_READERS, place: ({ body }) => body.village },
  body: () => EvidenceUploadRequest().extend({ village: PlacePath }),
  response: () => EvidenceUpload(),
  status: 201,
  handler: ({ body }, ctx) => presign(body, ctx),
});

/* Plans (预案) -------------------------------------------------------------------------------------------------- */

const PlanView = once(() =>
  Plan().extend({
    current: PlanVersion(),
    versions: z.array(
      z.object({ version: z.number().int(), createdAt: z.string(), sessionId: z.string().optional(), changeNote: z.string().optional() }),
    ),
  }),
);

export const draftPlan = defineRoute({
  method: 'POST',
  path: '/deliberation/plans',
  operationId: 'draftPlan',
  summary: 'Draft a plan (预案), version 1, optionally for a candidate item of the project list (cadres)',
  auth: { roles: ['cadre', 'township-official'], place: ({ body }) => body.village },
  body: () => NewPlan(),
  response: () => PlanView(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => draft(body, ctx),
});

export const listPlans = defineRoute({
  method: 'GET',
  path: '/deliberation/plans',
  operationId: 'listPlans',
  summary: 'A village’s plans, newest first',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, ...pageQuery() }),
  response: () => z.object({ items: z.array(Plan()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => list(query, ctx),
});

export const getPlan = defineRoute({
  method: 'GET',
  path: '/deliberation/plans/{planId}',
  operationId: 'getPlan',
  summary: 'A plan: its current version and the list of all versions kept',
  auth: { roles: VILLAGE_READERS, place: ({ params }, ctx) => planVillage(params.planId, ctx) },
  params: () => z.object({ planId: Id }),
  response: () => PlanView(),
  handler: ({ params }, ctx) => get(params.planId, ctx),
});

export const getPlanVersion = defineRoute({
  method: 'GET',
  path: '/deliberation/plans/{planId}/versions/{version}',
  operationId: 'getPlanVersion',
  summary: 'One kept version of a plan',
  auth: { roles: VILLAGE_READERS, place: ({ params }, ctx) => planVillage(params.planId, ctx) },
  params: () => z.object({ planId: Id, version: z.coerce.number().int().positive() }),
  response: () => PlanVersion(),
  handler: ({ params }, ctx) => version(params.planId, params.version, ctx),
});

/* Three-party discussion sessions (三方议) ---------------------------------------------------------------------- */

export const holdDiscussion = defineRoute({
  method: 'POST',
  path: '/deliberation/discussions',
  operationId: 'recordDiscussion',
  summary:
    'Record a three-party discussion of a plan (三方议): parties, attendees, positions, minutes and photos; yields the plan’s next version',
  auth: { roles: ['cadre', 'township-official'], place: ({ body }, ctx) => planVillage(body.planId, ctx) },
  body: () => NewDiscussion(),
  response: () => z.object({ discussion: Discussion(), plan: PlanVersion() }),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => hold(body, ctx),
});

export const getDiscussion = defineRoute({
  method: 'GET',
  path: '/deliberation/discussions/{sessionId}',
  operationId: 'getDiscussion',
  summary: 'One discussion session, with presigned links to its minutes and photos',
  auth: { roles: VILLAGE_READERS, place: ({ params }, ctx) => discussionVillage(params.sessionId, ctx) },
  params: () => z.object({ sessionId: Id }),
  response: () => Discussion().extend({ links: z.object({ minutes: z.string(), photos: z.array(z.string()) }) }),
  handler: ({ params }, ctx) => discussion(params.sessionId, ctx),
});

export const listDiscussions = defineRoute({
  method: 'GET',
  path: '/deliberation/plans/{planId}/discussions',
  operationId: 'listPlanDiscussions',
  summary: 'The discussion sessions held on a plan, oldest first',
  auth: { roles: VILLAGE_READERS, place: ({ params }, ctx) => planVillage(params.planId, ctx) },
  params: () => z.object({ planId: Id }),
  response: () => z.object({ items: z.array(Discussion()) }),
  handler: ({ params }, ctx) => discussions(params.planId, ctx),
});
