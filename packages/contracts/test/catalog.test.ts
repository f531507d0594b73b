import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asyncApiDocument, breakingChanges, registry, schemaFileName } from '../src/index.ts';

/**
 * The published catalog (packages/contracts/catalog, written by `pnpm catalog`) is what agencies code against. Every
 * event version must be in it, and no published schema may change in a way that breaks consumers: that needs a new
 * version beside the old one.
 */
const catalog = join(dirname(fileURLToPath(import.meta.url)), '..', 'catalog');

describe('the published event catalog', () => {
  it('has a published JSON Schema for every event version (run `pnpm catalog` after adding one)', () => {
    const missing = registry.all().filter((c) => !existsSync(join(catalog, 'schemas', schemaFileName(c))));
    expect(missing.map((c) => `${c.service}.${c.type}.v${c.version}`)).toEqual([]);
  });

  it('has no breaking change to any published version', () => {
    const broken: string[] = [];
    for (const c of registry.all()) {
      const file = join(catalog, 'schemas', schemaFileName(c));
      if (!existsSync(file)) continue;
      const published = JSON.parse(readFileSync(file, 'utf8'));
      for (const b of breakingChanges(published, registry.jsonSchema(c.type, c.version, c.source))) {
        broken.push(`${c.service}.${c.type}.v${c.version} ${b.path}: ${b.change}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('documents every event in AsyncAPI 3.0 with its schema and a valid example', () => {
    const doc = asyncApiDocument(registry) as {
      asyncapi: string;
      channels: Record<string, { address: string; messages: Record<string, unknown> }>;
      components: { messages: Record<string, { payload: { schema: unknown }; examples: { payload: { data: unknown } }[]; 'x-eventbridge': { source: string; 'detail-type': string }; 'x-version': number }> };
    };
    expect(doc.asyncapi).toBe('3.0.0');
    const messages = Object.values(doc.components.messages);
    expect(messages).toHaveLength(registry.all().length);
    for (const m of messages) {
      const c = registry.get(m['x-eventbridge']['detail-type'], m['x-version'], m['x-eventbridge'].source)!;
      expect(c, `${m['x-eventbridge'].source} ${m['x-eventbridge']['detail-type']}`).toBeDefined();
      expect(c.data.safeParse(m.examples[0]!.payload.data).success).toBe(true);
      expect(m.payload.schema).toEqual(registry.jsonSchema(c.type, c.version, c.source));
    }
    // The same detail-type from two sources gets two channels.
    const rectification = Object.entries(doc.channels).filter(([, ch]) => ch.address.endsWith('/RectificationClosed'));
    expect(rectification.map(([, ch]) => ch.address).sort()).toEqual(['cocreate.compacts/RectificationClosed', 'cocreate.evaluation/RectificationClosed']);
  });

  it('the committed asyncapi.json is the one the registry produces', () => {
    const committed = JSON.parse(readFileSync(join(catalog, 'asyncapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(asyncApiDocument(registry))));
  });
});
