import { jobsFunction } from '@cocreate/kernel/lambda/jobs';
import { manifest } from '../manifest.ts';

export const handler = await jobsFunction(manifest);
