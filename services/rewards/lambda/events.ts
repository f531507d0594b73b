import { eventsFunction } from '@cocreate/kernel/lambda/events';
import { manifest } from '../manifest.ts';

export const handler = await eventsFunction(manifest);
