import { z } from 'zod';
import { type EventContract, asyncApiDocument, registry, says } from '@cocreate/contracts';
import { defineRoute, problems } from '@cocreate/kernel';
import { isWithin } from '@cocreate/places';
import { CloudEvent, SCHEMA_FILE, baseUrlFrom, toCloudEvent } from '../domain/cloudevents.ts';
import { type FeedPosition, decodeCursor, encodeCursor, logRoot, mergePage, rootsFor } from '../domain/log.ts';
import { matcherFor, prepared } from '../domain/matching.ts';
import { agencies, eventLog, members, parseEntry, subscriptions } from '../store.ts';

const badCursor = () =>
  problems.badRequest({ zh: '游标无效。', en: 'The cursor is not valid for this feed.' }, [
    { in: 'query', pointer: '/after', rule: 'cursor', message: { zh: '不是本订阅发出的游标', en: 'not a cursor this feed issued' } },
  ]);

/** Entries read per log root per request, whatever the page size: bounds the work of one call. */
const MAX_SCAN = 1000;

export const pullEvents = defineRoute({
  method: 'GET',
  path: '/feeds/events',
  operationId: 'pullEvents',
  summary:
    'The pull feed: events in the caller’s agency jurisdiction matching its pull subscriptions, as CloudEvents, in ' +
    'commit order per place, with a cursor that never skips or repeats an event',
  auth: {
    roles: ['agency'],
    place: async (_input, ctx) => {
      const agencyId = await members.agencyOf(ctx.table, ctx.identity!.sub);
      if (!agencyId) {
        throw problems.forbidden({ zh: '您不是任何订阅机构的成员。', en: 'You are not a member of any agency.' });
      }
      return (await agencies.get(ctx.table, agencyId))?.jurisdiction;
    },
  },
  query: z.object({
    after: z.string().max(16_384).optional().describe('The `next` cursor of the previous page; absent: from the oldest retained event'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  response: z.object({
    items: z.array(CloudEvent),
    next: z.string().describe('Pass as `after` for the next page (also when this page is empty: poll with it)'),
    more: z.boolean().describe('Whether more events were already waiting when this page was cut'),
  }),
  handler: async ({ query }, ctx) => {
    const agencyId = (await members.agencyOf(ctx.table, ctx.identity!.sub))!;
    const agency = (await agencies.get(ctx.table, agencyId))!;
    const jurisdiction = agency.jurisdiction;
    const pulls = (await subscriptions.ofAgency(ctx.table, agencyId)).filter((s) => s.delivery.mode === 'pull');
    if (pulls.length === 0) {
      throw problems.rule('no-pull-subscription', {
        zh: '本机构没有拉取模式的订阅；请先创建 delivery.mode 为 pull 的订阅。',
        en: 'Your agency has no pull subscription; create one with delivery mode `pull` first.',
      });
    }
    let position: FeedPosition = {};
    if (query.after !== undefined) {
      const decoded = decodeCursor(query.after);
      if (!decoded) throw badCursor();
      // A cursor from another jurisdiction's feed is refused, not followed.
      if (Object.keys(decoded).some((r) => !isWithin(r, jurisdiction) && r !== logRoot(jurisdiction))) throw badCursor();
      position = decoded;
    }
    const roots = rootsFor(jurisdiction, await eventLog.roots(ctx.table));
    const scan = Math.min(MAX_SCAN, Math.max(query.limit * 4, 100));
    const batches = await Promise.all(
      roots.map(async (root) => ({ root, ...(await eventLog.after(ctx.table, root, position[root] ?? 0, scan)) })),
    );
    const matchers = pulls.map((s) => matcherFor(s.pattern));
    const page = mergePage(
      batches,
      position,
      (entry) => {
        if (!isWithin(entry.place, jurisdiction)) return false;
        const shape = prepared(parseEntry(entry));
        return matchers.some((m) => m(shape));
      },
      query.limit,
    );
    const base = baseUrlFrom(ctx.headers);
    return {
      items: page.items.map((e) => toCloudEvent(parseEntry(e), base)),
      next: encodeCursor(page.position),
      more: page.more,
    };
  },
});

const dataSchemas = new Map<EventContract, Record<string, unknown>>();

/** JSON Schema of an event version's `data` alone (what a CloudEvent carries), generated as the registry does. */
function dataSchema(contract: EventContract): Record<string, unknown> {
  let schema = dataSchemas.get(contract);
  if (!schema) {
    schema = z.toJSONSchema(contract.data.meta({ title: `${contract.type} v${contract.version} data`, description: contract.summary }), {
      io: 'output',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    dataSchemas.set(contract, schema);
  }
  return schema;
}

export const eventSchema = defineRoute({
  method: 'GET',
  path: '/feeds/schemas/{file}',
  operationId: 'getEventSchema',
  summary:
    'JSON Schema (2020-12) of one event version, named as in the contracts catalog: `<service>.<Type>.v<N>.json` ' +
    'is the bus detail `{meta, data}`, `<service>.<Type>.v<N>.data.json` the CloudEvent `data` (its `dataschema`)',
  auth: { public: true },
  params: z.object({
    file: z
      .string()
      .regex(
        SCHEMA_FILE,
        says({
          zh: '格式为 <service>.<Type>.v<N>.json 或 <service>.<Type>.v<N>.data.json',
          en: '<service>.<Type>.v<N>.json or <service>.<Type>.v<N>.data.json',
        }),
      ),
  }),
  response: z.record(z.string(), z.unknown()),
  handler: async ({ params }, ctx) => {
    const [, service, type, digits, data] = SCHEMA_FILE.exec(params.file)!;
    const contract = registry.get(type!, Number(digits), `cocreate.${service}`);
    if (!contract) throw problems.notFound({ zh: '事件版本', en: 'The event version' });
    const schema = data ? dataSchema(contract) : registry.jsonSchema(contract.type, contract.version, contract.source);
    return { $id: `${baseUrlFrom(ctx.headers)}/feeds/schemas/${params.file}`, ...schema };
  },
});

export const asyncApi = defineRoute({
  method: 'GET',
  path: '/feeds/asyncapi.json',
  operationId: 'getEventCatalog',
  summary: 'The event catalog: AsyncAPI 3.0 of every event and version, with JSON Schemas and an example each',
  auth: { public: true },
  response: z.record(z.string(), z.unknown()),
  handler: async (_input, ctx) => asyncApiDocument(registry, { schemaBaseUrl: `${baseUrlFrom(ctx.headers)}/feeds/schemas` }),
});
