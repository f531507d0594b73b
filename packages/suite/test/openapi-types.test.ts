import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPENAPI_TYPES_FILE, openApiTypes } from '../src/openapi-types.ts';

describe('the committed client types', () => {
  it('are what openapi-typescript generates from the current document (run `pnpm openapi-types` after a route changes)', async () => {
    const committed = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', OPENAPI_TYPES_FILE), 'utf8');
    // Compared as text on purpose: a stale file would let tsc pass client code against routes that no longer exist.
    expect(committed === (await openApiTypes()), 'packages/suite/src/generated/openapi.ts is stale: run `pnpm openapi-types`').toBe(true);
  });
});
