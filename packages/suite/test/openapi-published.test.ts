import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_VERSION, PUBLISHED_OPENAPI_FILE, breakingChanges, majorOf, publishedOpenApi } from '../src/openapi-published.ts';

/**
 * The HTTP API contract is published like the event catalog: committed (packages/suite/openapi/openapi.json, written
 * by `pnpm openapi`) and served by every deployment. A published route keeps working for clients written against it
 * until the API's major version changes.
 */
const published = JSON.parse(readFileSync(join(import.meta.dirname, '..', PUBLISHED_OPENAPI_FILE), 'utf8'));
const current = publishedOpenApi();

describe('the published OpenAPI document', () => {
  it('has no breaking change to a published route within the major version', () => {
    const breaks = breakingChanges(published, current);
    if (majorOf(API_VERSION) > majorOf(published.info.version)) return; // a new major version may break; `pnpm openapi` republishes
    expect(breaks, 'restore the route or field, or raise API_VERSION and run pnpm openapi').toEqual([]);
  });

  it('is the document the manifests generate (run pnpm openapi after changing a route)', () => {
    expect(current.info.version).toBe(published.info.version);
    expect(Object.keys(current.paths).sort()).toEqual(Object.keys(published.paths).sort());
    expect(JSON.stringify(current)).toBe(JSON.stringify(published));
  });
});

/** A small published API to break in each of the ways a client notices. */
const api = () => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1.0.0' },
  paths: {
    '/needs': {
      post: {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/NeedInput' } } },
        },
        responses: {
          '201': { description: 'created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Need' } } } },
        },
      },
      get: {
        parameters: [{ in: 'query', name: 'village', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'a page',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Need' } }, next: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      NeedInput: { type: 'object', required: ['text'], properties: { text: { type: 'string' }, place: { type: 'string' } } },
      Need: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' }, text: { type: 'string' }, support: { type: 'integer' } },
      },
    },
  },
});

describe('breaking changes to a published route', () => {
  it('none when routes, answer fields and optional request fields are added', () => {
    const next: any = api();
    next.paths['/needs/{id}'] = { get: { responses: { '200': { description: 'x' } } } };
    next.components.schemas.Need.properties.createdAt = { type: 'string' };
    next.components.schemas.NeedInput.properties.channel = { type: 'string' };
    next.paths['/needs'].get.parameters.push({ in: 'query', name: 'after', required: false, schema: { type: 'string' } });
    expect(breakingChanges(api(), next)).toEqual([]);
  });

  it('a removed route', () => {
    const next: any = api();
    delete next.paths['/needs'].get;
    expect(breakingChanges(api(), next)).toEqual(['GET /needs: route removed']);
  });

  it('a field removed from an answer, also inside a list and behind a $ref', () => {
    const next: any = api();
    delete next.components.schemas.Need.properties.support;
    expect(breakingChanges(api(), next).sort()).toEqual([
      'GET /needs: 200 answer no longer has field items[].support',
      'POST /needs: 201 answer no longer has field support',
    ]);
  });

  it('a new required request field or parameter', () => {
    const next: any = api();
    next.components.schemas.NeedInput.required.push('place');
    next.paths['/needs'].get.parameters.push({ in: 'query', name: 'category', required: true, schema: { type: 'string' } });
    expect(breakingChanges(api(), next).sort()).toEqual([
      'GET /needs: parameter query category is now required',
      'POST /needs: request field place is now required',
    ]);
  });
});
