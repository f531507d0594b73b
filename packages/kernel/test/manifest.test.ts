import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { NeedRaised, NeedTriaged, ProjectOpened } from '@cocreate/contracts';
import { defineRoute, defineService, defineSubscription, openApiDocument, patternOf } from '../src/index.ts';

const route = (method: 'GET' | 'POST', path: string) =>
  defineRoute({ method, path, operationId: `${method}${path}`, summary: 's', auth: { public: true }, handler: async () => ({}) });
const base = {
  title: { zh: '决策共谋', en: 'Deliberation' },
  table: { indexes: [] },
  subscriptions: [],
  jobs: [],
  publishes: [],
  evidence: false,
};

describe('defineService', () => {
  it('refuses a route declared twice or outside the service prefix', () => {
    expect(() =>
      defineService({ ...base, name: 'deliberation', routes: [route('GET', '/deliberation/a'), route('GET', '/deliberation/a')] }),
    ).toThrow('declared twice');
    expect(() => defineService({ ...base, name: 'deliberation', routes: [route('GET', '/projects/a')] })).toThrow('under /deliberation/');
  });
});

describe('defineRoute', () => {
  it('builds a schema given as a function when the route is first served or described, once, not when it is declared', () => {
    const built: string[] = [];
    const r = defineRoute({
      method: 'POST',
      path: '/deliberation/lazy/{lazyId}',
      operationId: 'lazy',
      summary: 'Lazy schemas',
      auth: { public: true },
      params: () => (built.push('params'), z.object({ lazyId: z.string() })),
      body: () => (built.push('body'), z.object({ n: z.number().int() })),
      response: () => (built.push('response'), z.object({ n: z.number() })),
      handler: async ({ body }) => ({ n: body.n }),
    });
    const m = defineService({ ...base, name: 'deliberation', routes: [r] });
    expect(built).toEqual([]);
    expect(r.body!.safeParse({ n: 1.5 }).success).toBe(false);
    expect(r.body).toBe(r.body);
    expect(built).toEqual(['body']);
    const doc = openApiDocument([m]) as { paths: Record<string, { post: { requestBody: unknown } }> };
    expect(doc.paths['/deliberation/lazy/{lazyId}']!.post.requestBody).toBeDefined();
    expect([...built].sort()).toEqual(['body', 'params', 'response']);
  });
});

describe('patternOf', () => {
  it('derives the bus pattern from the subscribed contracts', () => {
    const sub = defineSubscription({ name: 'x', summary: 's', events: [NeedRaised], handler: async () => undefined });
    expect(patternOf(sub)).toEqual({ source: ['cocreate.deliberation'], 'detail-type': ['NeedRaised'] });
  });

  it('pairs each source with its own detail-types, so one source’s type never matches through another', () => {
    const sub = defineSubscription({
      name: 'x',
      summary: 's',
      events: [NeedRaised, NeedTriaged, ProjectOpened],
      handler: async () => undefined,
    });
    expect(patternOf(sub)).toEqual({
      $or: [
        { source: ['cocreate.deliberation'], 'detail-type': ['NeedRaised', 'NeedTriaged'] },
        { source: ['cocreate.projects'], 'detail-type': ['ProjectOpened'] },
      ],
    });
  });
});

describe('openApiDocument', () => {
  it('documents parameters, bodies, auth and problems from the route schemas', () => {
    const m = defineService({
      ...base,
      name: 'deliberation',
      routes: [
        defineRoute({
          method: 'POST',
          path: '/deliberation/things/{thingId}',
          operationId: 'makeThing',
          summary: 'Make a thing',
          auth: { roles: ['cadre'], place: () => 'hubei' },
          params: z.object({ thingId: z.string() }),
          query: z.object({ dryRun: z.coerce.boolean().optional() }),
          body: z.object({ name: z.string().min(1) }),
          response: z.object({ id: z.string() }),
          status: 201,
          idempotent: true,
          handler: async () => ({ id: 'x' }),
        }),
      ],
    });
    const doc = openApiDocument([m]) as any;
    expect(doc.openapi).toBe('3.1.0');
    const op = doc.paths['/deliberation/things/{thingId}'].post;
    expect(op.operationId).toBe('makeThing');
    expect(op['x-cocreate-roles']).toEqual(['cadre']);
    expect(op.security).toEqual([{ bearer: [] }]);
    expect(op.parameters.map((p: any) => `${p.in}:${p.name}:${p.required}`)).toEqual([
      'path:thingId:true',
      'query:dryRun:false',
      'header:Idempotency-Key:false',
    ]);
    expect(op.requestBody.content['application/json'].schema.required).toEqual(['name']);
    expect(op.responses['201'].content['application/json'].schema.properties.id.type).toBe('string');
    expect(op.responses['403']).toEqual({ $ref: '#/components/responses/Forbidden' });
    expect(doc.components.responses.Forbidden.content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
  });
});

describe('openApiDocument components', () => {
  interface Node {
    name: string;
    kids?: Node[] | undefined;
  }
  const service = (routes: ReturnType<typeof defineRoute>[]) => defineService({ ...base, name: 'deliberation', routes });
  const post = (operationId: string, body: z.ZodType, response: z.ZodType) =>
    defineRoute({
      method: 'POST',
      path: `/deliberation/${operationId}`,
      operationId,
      summary: 's',
      auth: { public: true },
      body,
      response,
      handler: async () => ({}),
    });

  it('puts a named recursive schema in components/schemas, split where requests and responses differ', () => {
    const Node: z.ZodType<Node> = z
      .object({
        name: z.string().default('n'),
        get kids() {
          return z.array(Node).optional();
        },
      })
      .meta({ id: 'TestNode' });
    const Label = z.enum(['a', 'b']).meta({ id: 'TestLabel' });
    const doc = openApiDocument([
      service([post('makeTree', z.object({ root: Node, label: Label }), z.object({ root: Node, label: Label }))]),
    ]) as any;
    const op = doc.paths['/deliberation/makeTree'].post;
    expect(op.requestBody.content['application/json'].schema.properties.root).toEqual({ $ref: '#/components/schemas/TestNodeInput' });
    expect(op.responses['200'].content['application/json'].schema.properties.root).toEqual({ $ref: '#/components/schemas/TestNode' });
    // A default makes `name` optional on input only; the enum reads the same both ways and stays one component.
    expect(doc.components.schemas.TestNode.required).toEqual(['name']);
    expect(doc.components.schemas.TestNodeInput.required).toBeUndefined();
    expect(doc.components.schemas.TestNodeInput.properties.kids.items).toEqual({ $ref: '#/components/schemas/TestNodeInput' });
    expect(op.requestBody.content['application/json'].schema.properties.label).toEqual({ $ref: '#/components/schemas/TestLabel' });
    expect(doc.components.schemas.TestLabelInput).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain('$defs');
  });

  it('refuses an unnamed recursive schema and an operationId used twice', () => {
    const Anon: z.ZodType<Node> = z.object({
      name: z.string(),
      get kids() {
        return z.array(Anon).optional();
      },
    });
    expect(() => openApiDocument([service([post('anon', Anon, z.object({}))])])).toThrow('.meta({ id');
    expect(() => openApiDocument([service([post('anon', z.object({}), z.object({ tree: Anon, again: Anon }))])])).toThrow('.meta({ id');
    const twice = defineService({
      ...base,
      name: 'projects',
      routes: [{ ...post('makeTree', z.object({}), z.object({})), path: '/projects/makeTree' }],
    });
    expect(() => openApiDocument([service([post('makeTree', z.object({}), z.object({}))]), twice])).toThrow(
      "operationId 'makeTree' is used by both POST /deliberation/makeTree and POST /projects/makeTree",
    );
  });

  it('documents 413 and 415 only where a body is taken, 403 wherever a token is, and the 5xx problem everywhere', () => {
    const get = defineRoute({
      method: 'GET',
      path: '/deliberation/x',
      operationId: 'getX',
      summary: 's',
      auth: { public: true },
      handler: async () => ({}),
    });
    const mine = defineRoute({
      method: 'GET',
      path: '/deliberation/mine',
      operationId: 'getMine',
      summary: 's',
      auth: { authenticated: true },
      handler: async () => ({}),
    });
    const doc = openApiDocument([service([get, mine, post('makeX', z.object({}), z.object({}))])]) as any;
    expect(doc.paths['/deliberation/x'].get.responses['415']).toBeUndefined();
    expect(doc.paths['/deliberation/x'].get.responses['403']).toBeUndefined();
    expect(doc.paths['/deliberation/mine'].get.responses['403']).toEqual({ $ref: '#/components/responses/Forbidden' });
    expect(doc.paths['/deliberation/makeX'].post.responses['413']).toEqual({ $ref: '#/components/responses/PayloadTooLarge' });
    expect(doc.paths['/deliberation/makeX'].post.responses['415']).toEqual({ $ref: '#/components/responses/UnsupportedMediaType' });
    for (const op of [doc.paths['/deliberation/x'].get, doc.paths['/deliberation/makeX'].post]) {
      expect(op.responses['5XX']).toEqual({ $ref: '#/components/responses/ServerError' });
    }
    for (const name of ['UnsupportedMediaType', 'ServerError']) {
      expect(doc.components.responses[name].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
    }
  });

  it('documents every success status a route declares, each with the response schema', () => {
    const publish = defineRoute({
      method: 'POST',
      path: '/deliberation/boards',
      operationId: 'publish',
      summary: 's',
      auth: { public: true },
      body: z.object({}),
      response: z.object({ id: z.string() }),
      status: 201,
      alsoAnswers: { 200: 'Published before' },
      handler: async () => ({ id: 'x' }),
    });
    const responses = (openApiDocument([service([publish])]) as any).paths['/deliberation/boards'].post.responses;
    expect(responses['201'].content['application/json'].schema.required).toEqual(['id']);
    expect(responses['200'].description).toBe('Published before');
    expect(responses['200'].content).toEqual(responses['201'].content);
  });
});
