import { httpFunction } from '@cocreate/kernel/lambda/http';
import { s3Evidence } from '@cocreate/kernel/lambda/evidence';
import { manifest } from '../manifest.ts';

export const handler = await httpFunction(manifest, { evidence: s3Evidence });
