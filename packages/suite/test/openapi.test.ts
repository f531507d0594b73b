import { describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { openApiDocument } from '@cocreate/kernel';
import { manifests } from '../src/index.ts';

/**
 * The document integrators feed to their tools, generated from the manifests exactly as the local stack serves it.
 * Two independent, maintained validators must accept it: @readme/openapi-parser (the OpenAPI 3.1 JSON Schema plus
 * $ref resolution) and Redocly's `recommended` rules (semantic checks such as unique operationIds and declared path
 * parameters; the CLI an integrator is most likely to run).
 */
const doc = openApiDocument(manifests, 'http://127.0.0.1:3000') as any;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.includes(method))
    .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
);

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('the OpenAPI document of the suite', () => {
  it('covers every route of every manifest', () => {
    expect(operations.length).toBe(manifests.reduce((n, m) => n + m.routes.length, 0));
  });

  it('passes @readme/openapi-parser as OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(doc));
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.specification).toBe('OpenAPI');
  });

  it('passes Redocly’s recommended rules without an error', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
    expect(errors).toEqual([]);
  });

  it('refers only to components that exist, never to a schema-local $defs', () => {
    const refs = new Set(refsIn(doc));
    for (const ref of refs) {
      const [, kind, name] = /^#\/components\/(schemas|responses)\/([A-Za-z0-9._-]+)$/.exec(ref) ?? [];
      expect(kind, ref).toBeDefined();
      expect(doc.components[kind!], ref).toHaveProperty([name!]);
    }
    expect(JSON.stringify(doc)).not.toContain('"$defs"');
    // The recursive evaluation criteria are what once broke every validator: they must be named components.
    expect(refs).toContain('#/components/schemas/Criterion');
    expect(refs).toContain('#/components/schemas/CriterionInput');
  });

  it('gives every operation its own operationId', () => {
    const ids = operations.map((o) => o.op.operationId as string);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  });

  it('documents 413 and 415 on every operation with a body and the 5xx problem on every operation', () => {
    for (const { key, op } of operations) {
      expect(op.responses['5XX'], `${key} 5XX`).toEqual({ $ref: '#/components/responses/ServerError' });
      if (op.requestBody) {
        expect(op.responses['413'], `${key} 413`).toEqual({ $ref: '#/components/responses/PayloadTooLarge' });
        expect(op.responses['415'], `${key} 415`).toEqual({ $ref: '#/components/responses/UnsupportedMediaType' });
      } else expect(op.responses['415'], `${key} has no body`).toBeUndefined();
    }
    for (const name of ['ServerError', 'UnsupportedMediaType']) {
      expect(doc.components.responses[name].content['application/problem+json']).toEqual({
        schema: { $ref: '#/components/schemas/Problem' },
      });
    }
  });
});
