import * as z from 'zod';
import { type EventContract, asyncApiDocument, registry } from '@cocreate/contracts';
import { type RouteContext, problems } from '@cocreate/kernel';
import { isWithin } from '@cocreate/places';
import { type CloudEvent, SCHEMA_FILE, publicBaseOf, toCloudEvent } from '../domain/cloudevents.ts';
import { type FeedPosition, decodeCursor, encodeCursor, logRoot, mergePage, parseEntry, rootsFor } from '../domain/log.ts';
import { matcherFor, prepared } from '../domain/matching.ts';
import { eventLog } from '../repos/log.ts';
import { subscriptions } from '../repos/subscriptions.ts';
import { callersAgency } from './agencies.ts';
import { refuse } from './refusals.ts';

const badCursor = () =>
  problems.badRequest({ zh: '游标无效。', en: 'The cursor is not valid for this feed.' }, [
    { in: 'query', pointer: '/after', rule: 'cursor', message: { zh: '不是本订阅发出的游标', en: 'not a cursor this feed issued' } },
  ]);

/** Entries read per log root per request, whatever the page size: bounds the work of one call. */
const MAX_SCAN = 1000;

/** The place of the pull feed: the caller's agency's jurisdiction (403 for a caller in no agency). */
export const pullPlace = async (_input: unknown, ctx: RouteContext) => (await callersAgency(ctx))?.jurisdiction;

/**
 * A page of the pull feed: events in the caller's agency jurisdiction matching its pull subscriptions, as
 * CloudEvents, in commit order per root, from the position `after` names.
 */
export async function pullEvents(
  query: { after?: string | undefined; limit: number },
  ctx: RouteContext,
): Promise<{ items: CloudEvent[]; next: string; more: boolean }> {
  const agency = (await callersAgency(ctx))!;
  const jurisdiction = agency.jurisdiction;
  const pulls = (await subscriptions.ofAgency(ctx.table, agency.agencyId)).filter((s) => s.delivery.mode === 'pull');
  if (pulls.length === 0) throw refuse('no-pull-subscription');
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
  const base = publicBaseOf(ctx);
  return {
    items: page.items.map((e) => toCloudEvent(parseEntry(e), base)),
    next: encodeCursor(page.position),
    more: page.more,
  };
}

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

/** The JSON Schema of one event version (the bus detail, or with `.data` the CloudEvent data), by its file name. */
export async function eventSchema(file: string, ctx: RouteContext): Promise<Record<string, unknown>> {
  const [, service, type, digits, data] = SCHEMA_FILE.exec(file)!;
  const contract = registry.get(type!, Number(digits), `cocreate.${service}`);
  if (!contract) throw problems.notFound({ zh: '事件版本', en: 'The event version' });
  const schema = data ? dataSchema(contract) : registry.jsonSchema(contract.type, contract.version, contract.source);
  return { $id: `${publicBaseOf(ctx)}/feeds/schemas/${file}`, ...schema };
}

/** The event catalog as AsyncAPI 3.0, its schemas linked to this service's. */
export async function eventCatalog(ctx: RouteContext): Promise<Record<string, unknown>> {
  return asyncApiDocument(registry, { schemaBaseUrl: `${publicBaseOf(ctx)}/feeds/schemas` }) as Record<string, unknown>;
}
