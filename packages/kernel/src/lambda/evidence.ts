import { S3Client } from '@aws-sdk/client-s3';
import { EvidenceStore } from '../evidence.ts';
import type { EvidenceOf } from './runtime.ts';

/** Evidence files in the platform's bucket: the only way the S3 client gets into a function. */
export const s3Evidence: EvidenceOf = ({ bucket, service, clock, traced }) =>
  new EvidenceStore(traced(new S3Client({})), bucket, service, clock);
