import { EvidenceStore } from '../evidence.ts';
import type { EvidenceOf } from './runtime.ts';

/**
 * Evidence files in the platform's bucket: the only way an S3 client gets into a function. The client (and the S3
 * library) is built the first time a file is presigned or checked, not at cold start.
 */
export const s3Evidence: EvidenceOf = ({ bucket, service, clock, traced }) =>
  new EvidenceStore((lib) => traced(new lib.S3Client({})), bucket, service, clock);
