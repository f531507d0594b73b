import * as z from 'zod';
import type { Envelope } from '@cocreate/contracts';
import { once } from '@cocreate/contracts';

/**
 * An event as agencies receive it, by webhook and in the pull feed alike: a CloudEvents 1.0 event in structured
 * JSON mode (media type `application/cloudevents+json`). The envelope's meta maps onto the context attributes; the
 * envelope's data is `data`; `dataschema` points at the JSON Schema of exactly that event version, served by this
 * service, so a receiver can validate and knows which version it holds.
 */
export const CloudEvent = once(() =>
  z.object({
    specversion: z.literal('1.0'),
    id: z.string().describe('The event id (ULID): the same on every retry, redrive and replay — de-duplicate on it'),
    source: z.string().describe('The producing service, `cocreate.<service>`'),
    type: z.string().describe('The event type (EventBridge detail-type), a past-tense fact'),
    subject: z.string().describe('The place path the fact belongs to'),
    time: z.string().describe('When it happened (meta.occurredAt)'),
    datacontenttype: z.literal('application/json'),
    dataschema: z.string().describe('URL of the JSON Schema of this event type and version'),
    data: z.unknown(),
  }),
);
export type CloudEvent = z.infer<ReturnType<typeof CloudEvent>>;

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
 * The absolute base URL of links this service hands out (`dataschema`, a schema's `$id`, the catalog's schema
 * links): the deployment's public base URL from configuration. Never the request's `Host` or `X-Forwarded-Host`: a
 * caller chooses those, and a link recorded on a subscription or served in the feed would then point agencies
 * wherever the caller liked.
 */
export function publicBaseOf(ctx: { publicBaseUrl: string | undefined }): string {
  const configured = ctx.publicBaseUrl;
  if (!configured || !/^https?:\/\/[A-Za-z0-9.:[\]-]+(\/[A-Za-z0-9._~/-]*)?$/.test(configured)) {
    throw new Error(`the deployment's public base URL (COCREATE_PUBLIC_BASE_URL) is not set or not a URL: ${String(configured)}`);
  }
  return configured.replace(/\/+$/, '');
}
