import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NeedRaised, NeedTriaged, ProjectOpened } from '@cocreate/contracts';
import { defineRoute, defineService, defineSubscription, openApiDocument, patternOf } from '../src/index.ts';

const route = (method: 'GET' | 'POST', path: string) =>
  defineRoute({ method, path, operationId: `${method}${path}`, summary: 's', auth: { public: true }, handler: async () => ({}) });
const base = { title: { zh: '决策共谋', en: 'Deliberation' }, table: { indexes: [] }, subscriptions: [], jobs: [], publishes: [], evidence: false };

describe('defineService', () => {
  it('refuses a route declared twice or outside the service prefix', () => {
    expect(() => defineService({ ...base, name: 'deliberation', routes: [route('GET', '/deliberation/a'), route('GET', '/deliberation/a')] })).toThrow('declared twice');
    expect(() => defineService({ ...base, name: 'deliberation', routes: [route('GET', '/projects/a')] })).toThrow('under /deliberation/');
  });
});

describe('patternOf', () => {
  it('derives the bus pattern from the subscribed contracts', () => {
    const sub = defineSubscription({ name: 'x', summary: 's', events: [NeedRaised], handler: async () => undefined });
    expect(patternOf(sub)).toEqual({ source: ['cocreate.deliberation'], 'detail-type': ['NeedRaised'] });
  });

  it('pairs each source with its own detail-types, so one source’s type never matches through another', () => {
    const sub = defineSubscription({ name: 'x', summary: 's', events: [NeedRaised, NeedTriaged, ProjectOpened], handler: async () => undefined });
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
    expect(op.responses['403'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
  });
});
