import openapiTS, { type OpenAPI3, astToString } from 'openapi-typescript';
import { openApiDocument } from '@cocreate/kernel';
import { manifests } from './index.ts';

/** Where `pnpm openapi-types` writes the client types, relative to this package. */
export const OPENAPI_TYPES_FILE = 'src/generated/openapi.ts';

/**
 * The TypeScript types of the whole HTTP API, as an integrator would generate them from `GET /openapi.json` with
 * openapi-typescript. Committed (and compared with the document by a unit test) so that `tsc` checks both the
 * generated types and every call the client test makes through openapi-fetch.
 */
export async function openApiTypes(): Promise<string> {
  // No server URL: it is the only part of the document that depends on where the stack runs.
  return typesOf(openApiDocument(manifests));
}

/** The types openapi-typescript generates from a document, with the header the committed file carries. */
export async function typesOf(document: unknown): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3);
  return `// Generated from the manifests by \`pnpm openapi-types\` (openapi-typescript); do not edit.\n\n${astToString(ast)}`;
}
