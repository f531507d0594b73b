import { PlacePath } from '@cocreate/contracts';
import { EvidenceUpload, EvidenceUploadRequest, defineRoute } from '@cocreate/kernel';
import { OFFICIALS } from '../domain/levels.ts';
import { presignEvidence } from '../app/common.ts';

export const evidenceUploadRoute = defineRoute({
  method: 'POST',
  path: '/programme/evidence-uploads',
  operationId: 'presignProgrammeEvidence',
  summary: 'A presigned upload for a plan document, a task report’s or a rectification’s evidence at a place',
  auth: { roles: [...OFFICIALS, 'cadre'], place: ({ body }) => body.place },
  body: () => EvidenceUploadRequest().extend({ place: PlacePath }),
  response: () => EvidenceUpload(),
  status: 201,
  handler: ({ body }, ctx) => presignEvidence(ctx, body.place, body),
});
