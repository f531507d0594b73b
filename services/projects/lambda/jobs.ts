import { jobsFunction } from '@cocreate/kernel/lambda/jobs';
import { s3Evidence } from '@cocreate/kernel/lambda/evidence';
import { manifest } from '../manifest.ts';

export const handler = await jobsFunction(manifest, { evidence: s3Evidence });
