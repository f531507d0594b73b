import * as z from 'zod';
import { Actor, IsoDateTime, PlacePath } from './primitives.ts';
import { once } from './once.ts';

/** The services that publish; the bus `source` is `cocreate.<service>`. */
export const ServiceName = once(() =>
  z.enum(['deliberation', 'projects', 'compacts', 'evaluation', 'rewards', 'feeds', 'registry', 'programme']),
);
export type ServiceName = z.infer<ReturnType<typeof ServiceName>>;

export const sourceOf = (service: ServiceName): `cocreate.${ServiceName}` => `cocreate.${service}`;

/** `meta` of every event on the bus: `detail = { meta, data }`. */
export const EventMeta = once(() =>
  z.object({
    id: z.string().min(1).max(64).describe('Event id (ULID); consumers de-duplicate on it'),
    type: z.string().min(1).describe('The detail-type, a past-tense fact'),
    version: z.number().int().positive().describe('Schema version of `data`'),
    source: z.string().regex(/^cocreate\.[a-z]+$/),
    occurredAt: IsoDateTime,
    place: PlacePath.describe('The place (tenant path) the fact belongs to'),
    actor: Actor,
    correlationId: z.string().min(1).max(128),
    causationId: z.string().min(1).max(128).nullable().describe('Id of the event or request that caused this one'),
  }),
);
export type EventMeta = z.infer<ReturnType<typeof EventMeta>>;

export interface Envelope<D = unknown> {
  meta: EventMeta;
  data: D;
}

/** The shape EventBridge hands a target (and the local bus delivers). */
export const BusEvent = once(() =>
  z.object({
    version: z.string().optional(),
    id: z.string(),
    'detail-type': z.string(),
    source: z.string(),
    account: z.string().optional(),
    time: z.string().optional(),
    region: z.string().optional(),
    resources: z.array(z.string()).optional(),
    detail: z.unknown(),
    /** Present when an archive replay sent the event again (the replay's name). */
    'replay-name': z.string().optional(),
  }),
);
export type BusEvent = z.infer<ReturnType<typeof BusEvent>>;
