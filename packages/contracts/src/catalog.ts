import type { EventRegistry } from './registry.ts';
import { sourceOf, type ServiceName } from './envelope.ts';

/**
 * The event catalog as an AsyncAPI 3.0 document: one channel per event type on the bus (`source` + detail-type),
 * one message per version with its JSON Schema (draft 2020-12) and an example. Derived from the registry alone.
 */
export function asyncApiDocument(registry: EventRegistry, opts: { schemaBaseUrl?: string } = {}): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  // A channel per (source, detail-type): EventBridge's own identity of a kind of event.
  const kinds = [...new Map(registry.all().map((c) => [`${c.source}/${c.type}`, c])).values()].sort((a, b) =>
    `${a.source}/${a.type}`.localeCompare(`${b.source}/${b.type}`),
  );
  const ambiguous = new Set(kinds.filter((k) => kinds.filter((o) => o.type === k.type).length > 1).map((k) => k.type));
  for (const kind of kinds) {
    const type = kind.type;
    const versions = registry.versions(type, kind.source);
    const first = versions[0]!;
    const channelKey = ambiguous.has(type) ? `${kind.service}.${type}` : type;
    const channelMessages: Record<string, unknown> = {};
    for (const c of versions) {
      const key = `${channelKey}.v${c.version}`;
      const example = {
        meta: {
          id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D',
          type: c.type,
          version: c.version,
          source: c.source,
          occurredAt: '2026-11-28T10:00:00.000+08:00',
          place: placeOf(c.example),
          actor: { sub: 'p-majiaqiao-07' },
          correlationId: 'corr-01JD7Z8Q9W3V4X5Y6Z7A8B9C0D',
          causationId: null,
        },
        data: c.example,
      };
      messages[key] = {
        name: c.type,
        title: `${c.type} v${c.version}`,
        summary: c.summary,
        contentType: 'application/json',
        payload: {
          schemaFormat: 'application/schema+json;version=draft-2020-12',
          schema: registry.jsonSchema(c.type, c.version, c.source),
        },
        examples: [{ name: `${c.type}-v${c.version}`, payload: example }],
        ...(opts.schemaBaseUrl
          ? { externalDocs: { description: 'JSON Schema of the bus detail', url: `${opts.schemaBaseUrl}/${schemaFileName(c)}` } }
          : {}),
        'x-eventbridge': { source: c.source, 'detail-type': c.type },
        'x-version': c.version,
      };
      channelMessages[key] = { $ref: `#/components/messages/${key}` };
    }
    channels[channelKey] = {
      address: `${first.source}/${type}`,
      title: type,
      description:
        `${first.summary} Bus: source \`${first.source}\`, detail-type \`${type}\`.` +
        (first.forAgencies ? '' : ' Not on the agencies’ feeds: it carries what the suite’s services need about people.'),
      messages: channelMessages,
      'x-for-agencies': first.forAgencies,
    };
    operations[`receive.${channelKey}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channelKey}` },
      summary: `Receive ${type} from ${kind.source}`,
      messages: Object.keys(channelMessages).map((k) => ({ $ref: `#/channels/${channelKey}/messages/${k}` })),
    };
  }
  const services = [...new Set(registry.all().map((c) => c.service))] as ServiceName[];
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'cocreate events — 美好环境与幸福生活共同缔造',
      version: '1.0.0',
      description:
        'Every event the co-creation suite publishes. On the bus each event is `{ meta, data }` in `detail`; ' +
        'agencies receive the same through their feeds (CloudEvents webhooks or the pull feed), except the ' +
        'register’s events about households, people, owners and memberships (`x-for-agencies: false`), which ' +
        'stay inside the suite. Consumers ' +
        'de-duplicate on `meta.id`; a breaking change always comes as a new version beside the old one. ' +
        'Within a version, optional fields may be added: every schema is open (objects accept fields they do not ' +
        'name), and consumers ignore fields they do not know. ' +
        `Publishers: ${services.map(sourceOf).join(', ')}.`,
    },
    defaultContentType: 'application/json',
    servers: {
      eventbridge: {
        host: 'events.{region}.amazonaws.com.cn',
        protocol: 'https',
        description: 'The deployment’s Amazon EventBridge bus `cocreate-<deployment>`',
        variables: { region: { default: 'cn-north-1', enum: ['cn-north-1', 'cn-northwest-1'] } },
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

function placeOf(example: unknown): string {
  const e = example as Record<string, unknown>;
  for (const k of ['place', 'village', 'pool']) if (typeof e?.[k] === 'string') return e[k] as string;
  return 'hubei';
}

/** Where a published schema lives: `<service>.<Type>.v<N>.json` (the source qualifies the type). */
export function schemaFileName(c: { service: string; type: string; version: number }): string {
  return `${c.service}.${c.type}.v${c.version}.json`;
}
