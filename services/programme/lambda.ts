import { createEventHandler, createHttpHandler, createJobHandler, createOutboxRelay, runtimeFromEnv } from '@cocreate/kernel';
import { manifest } from './manifest.ts';

// Built once per Lambda container, outside the handlers.
const runtime = await runtimeFromEnv(manifest);

export const http = createHttpHandler(runtime);
export const events = createEventHandler(runtime);
export const relay = createOutboxRelay(runtime);
export const jobs = createJobHandler(runtime);
