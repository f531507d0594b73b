import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPENAPI_TYPES_FILE, openApiTypes } from '../src/openapi-types.ts';

/** `pnpm openapi-types`: rewrites the committed client types after a route or a schema changed. */
const file = join(dirname(fileURLToPath(import.meta.url)), '..', OPENAPI_TYPES_FILE);
writeFileSync(file, await openApiTypes());
console.log(`wrote ${file}`);
