import { createHttpHandler } from '../http.ts';
import { createVerifier } from '../identity.ts';
import type { ServiceManifest } from '../manifest.ts';
import { type FunctionParts, functionRuntime, verifierConfigFrom } from './runtime.ts';

/** The handler of a service's HTTP function (its routes): `export const handler = await httpFunction(manifest)`. */
export async function httpFunction(manifest: ServiceManifest, parts: Omit<FunctionParts, 'verifier'> = {}) {
  const verifier = createVerifier(verifierConfigFrom(process.env));
  return createHttpHandler(await functionRuntime(manifest, { ...parts, verifier }));
}
