import { httpFunction } from '@cocreate/kernel/lambda/http';
import { manifest } from '../manifest.ts';

export const handler = await httpFunction(manifest);
