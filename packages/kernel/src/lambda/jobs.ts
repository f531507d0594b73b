import { createJobHandler } from '../jobs.ts';
import type { ServiceManifest } from '../manifest.ts';
import { type FunctionParts, functionRuntime } from './runtime.ts';

/** The handler of a service's job functions (its schedules). */
export async function jobsFunction(manifest: ServiceManifest, parts: Omit<FunctionParts, 'verifier'> = {}) {
  return createJobHandler(await functionRuntime(manifest, parts));
}
