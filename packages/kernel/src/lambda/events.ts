import { createEventHandler } from '../consumer.ts';
import type { ServiceManifest } from '../manifest.ts';
import { type FunctionParts, functionRuntime } from './runtime.ts';

/** The handler of a service's event function (its subscriptions). */
export async function eventsFunction(manifest: ServiceManifest, parts: Omit<FunctionParts, 'verifier'> = {}) {
  return createEventHandler(await functionRuntime(manifest, parts));
}
