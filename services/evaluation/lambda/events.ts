import { eventsFunction } from '@cocreate/kernel/lambda/events';
import { s3Evidence } from '@cocreate/kernel/lambda/evidence';
import { manifest } from '../manifest.ts';

export const handler = await eventsFunction(manifest, { evidence: s3Evidence });
