import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asyncApiDocument, breakingChanges, registry, schemaFileName } from '../src/index.ts';

/**
 * `pnpm catalog`: writes the AsyncAPI document and one JSON Schema per event version under
 * packages/contracts/catalog/. Refuses to overwrite a published schema with a breaking change: that needs a new
 * version (the test of the same name fails too).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'catalog');
mkdirSync(join(root, 'schemas'), { recursive: true });
let refused = 0;
const faults = registry.exampleFaults();
if (faults.length > 0) throw new Error(`examples that break their own schema:\n${faults.map((f) => `${f.key}: ${f.reason}`).join('\n')}`);
for (const c of registry.all()) {
  const file = join(root, 'schemas', schemaFileName(c));
  const next = registry.jsonSchema(c.type, c.version, c.source);
  if (existsSync(file)) {
    const breaks = breakingChanges(JSON.parse(readFileSync(file, 'utf8')), next);
    if (breaks.length) {
      refused++;
      console.error(`${c.type} v${c.version}: breaking change — publish it as v${c.version + 1} instead:`);
      for (const b of breaks) console.error(`  ${b.path}: ${b.change}`);
      continue;
    }
  }
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
}
writeFileSync(join(root, 'asyncapi.json'), `${JSON.stringify(asyncApiDocument(registry), null, 2)}\n`);
console.log(`wrote ${registry.all().length} event schemas and asyncapi.json to ${root}`);
process.exit(refused ? 1 : 0);
