import * as z from 'zod';
import { once, EvidenceRef, Id, IsoDate } from '@cocreate/contracts';
import { EvidenceUpload, EvidenceUploadRequest, defineRoute } from '@cocreate/kernel';
import { projectPlace } from '../app/common.ts';
import { addMilestone as plan, completeMilestone as complete, createEvidenceUpload as presign } from '../app/milestones.ts';
import { Milestone } from '../domain/project.ts';

const ProjectParams = once(() => z.object({ projectId: Id }));

export const addMilestone = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/milestones',
  operationId: 'addMilestone',
  summary: 'Plan a milestone with its weight; mark hidden works (隐蔽工程) that need photo or video evidence',
  auth: { roles: ['cadre'], place: projectPlace },
  params: () => ProjectParams(),
  body: () =>
    z.object({
      title: z.string().trim().min(1).max(200),
      weight: z.number().int().min(1).max(1000),
      hiddenWorks: z.boolean().default(false),
      due: IsoDate.optional(),
    }),
  response: () => Milestone(),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => plan({ ...body, projectId: params.projectId }, ctx),
});

export const completeMilestone = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/milestones/{milestoneId}/complete',
  operationId: 'completeMilestone',
  summary: 'Complete a milestone; hidden works only with photo or video evidence already uploaded',
  auth: { roles: ['cadre', 'contractor'], place: projectPlace },
  params: () => z.object({ projectId: Id, milestoneId: Id }),
  body: () =>
    z.object({
      evidence: z.array(EvidenceRef).max(20).default([]),
      note: z.string().trim().max(1000).optional(),
      /** Public: shown with the photos on the board (张榜公布), so no names or phone numbers. */
      caption: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .optional()
        .meta({ description: 'What the photos show, published with them on the public board: no names or phone numbers.' }),
    }),
  response: () =>
    z.object({
      milestone: Milestone(),
      progress: z.object({ completedWeight: z.number(), totalWeight: z.number(), percent: z.number() }),
    }),
  idempotent: true,
  handler: ({ params, body }, ctx) => complete({ ...body, ...params }, ctx),
});

export const createEvidenceUpload = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/evidence-uploads',
  operationId: 'createProjectEvidenceUpload',
  summary: 'A presigned URL to upload a photo, video or document for this project (e.g. hidden works before covering)',
  auth: { roles: ['cadre', 'contractor', 'supervisor'], place: projectPlace },
  params: () => ProjectParams(),
  body: () => EvidenceUploadRequest(),
  response: () => EvidenceUpload(),
  status: 201,
  handler: ({ params, body }, ctx) => presign(params.projectId, body, ctx),
});
