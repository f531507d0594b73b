import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineRoute, openApiDocument } from '@cocreate/kernel';
import { documentedResponses } from '../src/documented.ts';
import { LocalApi, pathTemplates } from '../src/testing.ts';
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

describe('the test client holds every answer to the served document', () => {
  it('finds the template a path was called by, the most literal first', () => {
    const templateOf = pathTemplates(['/projects/{projectId}', '/projects/board', '/projects/{projectId}/stages/{stage}']);
    expect(templateOf('/projects/board')).toBe('/projects/board');
    expect(templateOf('/projects/p-1?limit=2')).toBe('/projects/{projectId}');
    expect(templateOf('/projects/p-1/stages/design')).toBe('/projects/{projectId}/stages/{stage}');
    expect(templateOf('/projects/p-1/unknown')).toBeUndefined();
  });

  it('refuses an answer the document does not promise, and passes one it does', async () => {
    let answer = { status: 201, body: { name: 'a' } };
    const server = createServer((req, res) => {
      const [status, body] = req.url === '/openapi.json' ? [200, doc] : [answer.status, answer.body];
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const api = new LocalApi(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, undefined, true);
      expect((await api.post('/deliberation/trees/t1', { name: 'a' })).status).toBe(201);
      answer = { status: 201, body: { nom: 'a' } as never };
      await expect(api.post('/deliberation/trees/t1', { name: 'a' })).rejects.toThrow(
        /not as GET \/openapi.json documents it:\n.*must have required property 'name'/,
      );
      answer = { status: 409, body: { name: 'a' } };
      await expect(api.post('/deliberation/trees/t1', { name: 'a' })).rejects.toThrow(
        /409 answered application\/json, documented: application\/problem\+json/,
      );
      // A path the document does not list is the gateway's own answer: nothing to hold it to.
      expect((await api.get('/nowhere')).status).toBe(409);
    } finally {
      server.close();
    }
  });
});
