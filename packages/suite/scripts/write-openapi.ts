import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_VERSION, PUBLISHED_OPENAPI_FILE, breakingChanges, majorOf, publishedOpenApi } from '../src/openapi-published.ts';

/**
 * `pnpm openapi`: writes the HTTP API's published OpenAPI document (packages/suite/openapi/openapi.json), the contract
 * every deployment serves at GET /openapi.json. Refuses a breaking change to a published route unless API_VERSION's
 * major version was raised (packages/kernel/src/openapi.ts); the test of the same name fails too.
 */
const file = join(dirname(fileURLToPath(import.meta.url)), '..', PUBLISHED_OPENAPI_FILE);
const next = publishedOpenApi();
if (existsSync(file)) {
  const published = JSON.parse(readFileSync(file, 'utf8')) as { info: { version: string } };
  const breaks = breakingChanges(published, next);
  if (breaks.length && majorOf(API_VERSION) <= majorOf(published.info.version)) {
    console.error(`breaking changes to published routes of API ${published.info.version}; keep them, or raise API_VERSION's major:`);
    for (const b of breaks) console.error(`  ${b}`);
    process.exit(1);
  }
}
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
console.log(`wrote ${file} (API ${API_VERSION}, ${Object.keys(next.paths).length} paths)`);
