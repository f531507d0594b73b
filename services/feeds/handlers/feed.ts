import * as z from 'zod';
import { says } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { eventCatalog, eventSchema, pullEvents, pullPlace } from '../app/feed.ts';
import { CloudEvent, SCHEMA_FILE } from '../domain/cloudevents.ts';

export const pullEventsRoute = defineRoute({
  method: 'GET',
  path: '/feeds/events',
  operationId: 'pullEvents',
  summary:
    'The pull feed: events in the caller’s agency jurisdiction matching its pull subscriptions, as CloudEvents, in ' +
    'commit order per place, with a cursor that never skips or repeats an event',
  auth: { roles: ['agency'], place: pullPlace },
  query: () =>
    z.object({
      after: z.string().max(16_384).optional().describe('The `next` cursor of the previous page; absent: from the oldest retained event'),
      limit: pageQuery({ max: 500, fallback: 100 }).limit,
    }),
  response: () =>
    z.object({
      items: z.array(CloudEvent()),
      next: z.string().describe('Pass as `after` for the next page (also when this page is empty: poll with it)'),
      more: z.boolean().describe('Whether more events were already waiting when this page was cut'),
    }),
  handler: ({ query }, ctx) => pullEvents(query, ctx),
});

export const eventSchemaRoute = defineRoute({
  method: 'GET',
  path: '/feeds/schemas/{file}',
  operationId: 'getEventSchema',
  summary:
    'JSON Schema (2020-12) of one event version, named as in the contracts catalog: `<service>.<Type>.v<N>.json` ' +
    'is the bus detail `{meta, data}`, `<service>.<Type>.v<N>.data.json` the CloudEvent `data` (its `dataschema`)',
  auth: { public: true },
  params: () =>
    z.object({
      file: z.string().regex(
        SCHEMA_FILE,
        says({
          zh: '格式为 <service>.<Type>.v<N>.json 或 <service>.<Type>.v<N>.data.json',
          en: '<service>.<Type>.v<N>.json or <service>.<Type>.v<N>.data.json',
        }),
      ),
    }),
  response: () => z.record(z.string(), z.unknown()),
  handler: ({ params }, ctx) => eventSchema(params.file, ctx),
});

export const asyncApiRoute = defineRoute({
  method: 'GET',
  path: '/feeds/asyncapi.json',
  operationId: 'getEventCatalog',
  summary: 'The event catalog: AsyncAPI 3.0 of every event and version, with JSON Schemas and an example each',
  auth: { public: true },
  response: () => z.record(z.string(), z.unknown()),
  handler: (_input, ctx) => eventCatalog(ctx),
});
