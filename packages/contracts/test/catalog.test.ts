import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
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
      components: {
        messages: Record<
          string,
          {
            payload: { schema: unknown };
            examples: { payload: { data: unknown } }[];
            'x-eventbridge': { source: string; 'detail-type': string };
            'x-version': number;
          }
        >;
      };
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
    expect(rectification.map(([, ch]) => ch.address).sort()).toEqual([
      'cocreate.compacts/RectificationClosed',
      'cocreate.evaluation/RectificationClosed',
    ]);
  });

  it('keeps every published schema open: a later event of the same version with added fields still validates', () => {
    // What an agency does: validate each event with the schema it downloaded once. An optional field added to the
    // version later (at the top, in meta, in any nested object) must not make its validator refuse the event. A map
    // (a record keyed by name, whose values are typed) takes no such field: where the schema says its value must be
    // something else, the field is taken out again.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const doc = asyncApiDocument(registry) as {
      components: {
        messages: Record<
          string,
          { examples: { payload: unknown }[]; 'x-eventbridge': { source: string; 'detail-type': string }; 'x-version': number }
        >;
      };
    };
    const objects = (v: unknown, path = ''): [string, Record<string, unknown>][] =>
      Array.isArray(v)
        ? v.flatMap((x, i) => objects(x, `${path}/${i}`))
        : v && typeof v === 'object'
          ? [[path, v as Record<string, unknown>], ...Object.entries(v).flatMap(([k, x]) => objects(x, `${path}/${k}`))]
          : [];
    const refused: string[] = [];
    for (const m of Object.values(doc.components.messages)) {
      const c = registry.get(m['x-eventbridge']['detail-type'], m['x-version'], m['x-eventbridge'].source)!;
      const validate = ajv.compile(JSON.parse(readFileSync(join(catalog, 'schemas', schemaFileName(c)), 'utf8')));
      const name = `${c.service}.${c.type}.v${c.version}`;
      const event = structuredClone(m.examples[0]!.payload);
      if (!validate(event)) refused.push(`${name} as published: ${ajv.errorsText(validate.errors)}`);
      const grown = objects(event);
      for (const [, o] of grown) o.addedLater = '新增字段';
      for (let tries = 0; !validate(event) && tries < 10; tries++) {
        const inMaps = (validate.errors ?? []).filter((e) => e.instancePath.endsWith('/addedLater'));
        if (inMaps.length !== validate.errors!.length) {
          refused.push(`${name} with added fields: ${ajv.errorsText(validate.errors)}`);
          break;
        }
        for (const e of inMaps) delete grown.find(([path]) => `${path}/addedLater` === e.instancePath)![1].addedLater;
      }
      expect(grown.filter(([, o]) => 'addedLater' in o).length, name).toBeGreaterThanOrEqual(3);
    }
    expect(refused).toEqual([]);
  });

  it('counts closing an object to unknown fields as breaking', () => {
    const open = { type: 'object', properties: { a: { type: 'string' } } };
    expect(breakingChanges(open, { ...open, additionalProperties: false })).toEqual([
      { path: '/', change: 'closed to fields it does not name' },
    ]);
    expect(breakingChanges(open, { ...open, properties: { a: { type: 'string' }, b: { type: 'number' } } })).toEqual([]);
  });

  it('the committed asyncapi.json is the one the registry produces', () => {
    const committed = JSON.parse(readFileSync(join(catalog, 'asyncapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(asyncApiDocument(registry))));
  });
});
