import { jobsFunction } from '@cocreate/kernel/lambda/jobs';
import { manifest } from '../manifest.ts';

// Evidence is attached and presigned only by routes: this function carries no S3 client.
export const handler = await jobsFunction(manifest);
