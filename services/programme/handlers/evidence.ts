import * as z from 'zod';
import { PlacePath } from '@cocreate/contracts';
import { EvidenceUploadRequest, defineRoute } from '@cocreate/kernel';
import { OFFICIALS } from '../domain/levels.ts';
import { presignEvidence } from '../app/common.ts';

export const evidenceUploadRoute = defineRoute({
  method: 'POST',
  path: '/programme/evidence-uploads',
  operationId: 'presignProgrammeEvidence',
  summary: 'A presigned upload for a plan document, a task report’s or a rectification’s evidence at a place',
  auth: { roles: [...OFFICIALS, 'cadre'], place: ({ body }) => body.place },
  body: () => EvidenceUploadRequest.extend({ place: PlacePath }),
  response: () =>
    z.object({
      key: z.string(),
      uploadUrl: z.string(),
      method: z.literal('PUT'),
      headers: z.record(z.string(), z.string()),
      expiresAt: z.string(),
    }),
  status: 201,
  handler: ({ body }, ctx) => presignEvidence(ctx, body.place, body),
});
