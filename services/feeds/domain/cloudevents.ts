import * as z from 'zod';
import type { Envelope } from '@cocreate/contracts';

/**
 * An event as agencies receive it, by webhook and in the pull feed alike: a CloudEvents 1.0 event in structured
 * JSON mode (media type `application/cloudevents+json`). The envelope's meta maps onto the context attributes; the
 * envelope's data is `data`; `dataschema` points at the JSON Schema of exactly that event version, served by this
 * service, so a receiver can validate and knows which version it holds.
 */
export const CloudEvent = z.object({
  specversion: z.literal('1.0'),
  id: z.string().describe('The event id (ULID): the same on every retry, redrive and replay — de-duplicate on it'),
  source: z.string().describe('The producing service, `cocreate.<service>`'),
  type: z.string().describe('The event type (EventBridge detail-type), a past-tense fact'),
  subject: z.string().describe('The place path the fact belongs to'),
  time: z.string().describe('When it happened (meta.occurredAt)'),
  datacontenttype: z.literal('application/json'),
  dataschema: z.string().describe('URL of the JSON Schema of this event type and version'),
  data: z.unknown(),
});
export type CloudEvent = z.infer<typeof CloudEvent>;

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

/**
 * Path of the JSON Schema of an event version's `data` on this service. Named like the contracts catalog's files
 * (`<service>.<Type>.v<N>.json`, the whole bus detail) with `.data`: two services may publish the same detail-type,
 * so the service is part of the name.
 */
export const schemaPath = (source: string, type: string, version: number): string =>
  `/feeds/schemas/${source.replace(/^cocreate\./, '')}.${type}.v${version}.data.json`;

/** `<service>.<Type>.v<N>.json` (bus detail) or `<service>.<Type>.v<N>.data.json` (CloudEvent data). */
export const SCHEMA_FILE = /^([a-z]+)\.([A-Za-z][A-Za-z0-9]{0,99})\.v([1-9][0-9]{0,5})(\.data)?\.json$/;

export function toCloudEvent(envelope: Envelope, schemaBaseUrl: string): CloudEvent {
  const { meta } = envelope;
  return {
    specversion: '1.0',
    id: meta.id,
    source: meta.source,
    type: meta.type,
    subject: meta.place,
    time: meta.occurredAt,
    datacontenttype: 'application/json',
    dataschema: `${schemaBaseUrl.replace(/\/+$/, '')}${schemaPath(meta.source, meta.type, meta.version)}`,
    data: envelope.data,
  };
}

/**
 * The absolute base URL of this API as the caller reached it (API Gateway sets `host` to the API's domain and
 * `x-forwarded-proto`); `dataschema` must be an absolute URI. Recorded on each subscription when it is created.
 */
export function baseUrlFrom(headers: Readonly<Record<string, string>>): string {
  const host = headers['x-forwarded-host'] ?? headers.host;
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return 'https://cocreate.example.cn';
  const proto = headers['x-forwarded-proto'] === 'https' ? 'https' : headers['x-forwarded-proto'] === 'http' ? 'http' : undefined;
  return `${proto ?? (/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host) ? 'http' : 'https')}://${host}`;
}
