import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, openApiDocument } from '@cocreate/kernel';
import { documentedResponses } from '../src/documented.ts';
import { stubService } from './stub-service.ts';

const Tree: z.ZodType<{ name: string; kids?: unknown[] | undefined }> = z
  .object({
    name: z.string(),
    get kids() {
      return z.array(Tree).optional();
    },
  })
  .meta({ id: 'DocumentedTestTree' });
const doc = openApiDocument([
  stubService([
    defineRoute({
      method: 'POST',
      path: '/deliberation/trees/{treeId}',
      operationId: 'plantTree',
      summary: 's',
      auth: { public: true },
      params: z.object({ treeId: z.string() }),
      body: Tree,
      response: Tree,
      status: 201,
      handler: async ({ body }) => body,
    }),
  ]),
]);
const check = documentedResponses(doc);
const path = '/deliberation/trees/{treeId}';
const json = 'application/json; charset=utf-8';

describe('documentedResponses', () => {
  it('accepts an answer as documented, through component refs and recursion', () => {
    expect(check('POST', path, 201, json, { name: 'a', kids: [{ name: 'b', kids: [] }] })).toEqual([]);
    const problem = { type: 'https://cocreate.example.cn/problems/bad-request', title: 'Bad request', status: 400, code: 'bad-request' };
    expect(check('POST', path, 400, 'application/problem+json; charset=utf-8', problem)).toEqual([]);
    expect(check('POST', path, 503, 'application/problem+json', { ...problem, status: 503, code: 'unavailable' })).toEqual([]);
  });

  it('names an undocumented status, media type or body', () => {
    expect(check('POST', path, 403, json, {})[0]).toMatch(/answered 403, which it does not document/);
    expect(check('POST', path, 201, 'text/plain', 'hi')[0]).toMatch(/answered text\/plain/);
    expect(check('POST', path, 201, json, { name: 'a', kids: [{ nom: 'b' }] })[0]).toMatch(/\/kids\/0 must have required property 'name'/);
    expect(check('POST', path, 400, 'application/problem+json', { title: 'x' }).length).toBeGreaterThan(0);
    expect(check('GET', path, 200, json, {})).toEqual(['GET /deliberation/trees/{treeId} is not in the document']);
  });
});
