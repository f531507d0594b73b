import * as z from 'zod';
import { EventMeta, type Envelope, type ServiceName, sourceOf } from './envelope.ts';

/**
 * One version of one event type. `data` is the zod schema of the payload; it is the origin of the TypeScript type,
 * the JSON Schema published to agencies, and the check producers and consumers run.
 */
export interface EventContract<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly version: number;
  readonly service: ServiceName;
  readonly source: string;
  readonly summary: string;
  /**
   * Offered on the agencies' feeds (logged, matched, delivered, listed for them). False for events that only carry
   * what other services of the suite need about people — the register's households, people, owners and memberships —
   * which stay inside the suite (PIPL: no more than each use needs; agencies' uses are not the services' rules).
   */
  readonly forAgencies: boolean;
  readonly data: S;
  readonly example: z.input<S>;
}

export type EventData<C extends EventContract> = z.infer<C['data']>;

/**
 * `data` may be given as a function that builds the schema: it is then built the first time `data` is read and kept.
 * A function imports every contract it publishes or consumes, and building their schemas when the module loads was
 * the largest part of its cold start (issue 17); most invocations touch one or two of them.
 */
export function defineEvent<T extends string, S extends z.ZodType>(spec: {
  type: T;
  version?: number;
  service: ServiceName;
  summary: string;
  /** Offered on the agencies' feeds (default true); see `EventContract.forAgencies`. */
  forAgencies?: boolean;
  data: S | (() => S);
  example: z.input<S>;
}): EventContract<T, S> {
  const build = spec.data;
  let data: S | undefined = typeof build === 'function' ? undefined : build;
  return Object.freeze({
    type: spec.type,
    version: spec.version ?? 1,
    service: spec.service,
    source: sourceOf(spec.service),
    summary: spec.summary,
    forAgencies: spec.forAgencies ?? true,
    get data(): S {
      return (data ??= (build as () => S)());
    },
    example: spec.example,
  });
}

/**
 * Every event contract, by source, type and version. EventBridge identifies a kind of event by `source` and
 * `detail-type` together, so two services may publish the same detail-type (both compacts and evaluation close
 * rectifications); lookups by type alone work when the type is unambiguous and say so when it is not.
 */
export class EventRegistry {
  private readonly byKey = new Map<string, EventContract>();

  constructor(contracts: readonly EventContract[]) {
    for (const c of contracts) {
      const key = EventRegistry.key(c.type, c.version, c.source);
      if (this.byKey.has(key)) throw new Error(`event ${key} is registered twice`);
      this.byKey.set(key, c);
    }
  }

  /**
   * The contracts whose example does not match their own schema, each with why. Checked by the tests and the catalog,
   * not at construction: parsing 79 examples cost every cold start of every function 14–26 % of its start-up.
   */
  exampleFaults(): { key: string; reason: string }[] {
    return this.all().flatMap((c) => {
      const parsed = c.data.safeParse(c.example);
      return parsed.success ? [] : [{ key: EventRegistry.key(c.type, c.version, c.source), reason: z.prettifyError(parsed.error) }];
    });
  }

  static key(type: string, version: number, source?: string): string {
    return `${source ? `${source}:` : ''}${type}@v${version}`;
  }

  all(): EventContract[] {
    return [...this.byKey.values()];
  }

  /** The contracts offered on the agencies' feeds (`forAgencies`). */
  forAgencies(): EventContract[] {
    return this.all().filter((c) => c.forAgencies);
  }

  /** The contract of a type and version; `source` is needed only when two services publish the same type. */
  get(type: string, version: number, source?: string): EventContract | undefined {
    if (source) return this.byKey.get(EventRegistry.key(type, version, source));
    const found = this.all().filter((c) => c.type === type && c.version === version);
    if (found.length > 1) {
      throw new Error(`${type}@v${version} is published by ${found.map((c) => c.source).join(' and ')}: name the source`);
    }
    return found[0];
  }

  /** Every version of a type (of one source), oldest first. */
  versions(type: string, source?: string): EventContract[] {
    const all = this.all().filter((c) => c.type === type && (!source || c.source === source));
    if (!source && new Set(all.map((c) => c.source)).size > 1) {
      throw new Error(`${type} is published by several sources: name the source`);
    }
    return all.sort((a, b) => a.version - b.version);
  }

  latest(type: string, source?: string): EventContract | undefined {
    return this.versions(type, source).at(-1);
  }

  /** Validates a `{ meta, data }` detail against the registered schema of its source, type and version. */
  parse(detailType: string, detail: unknown): ParseResult {
    const envelope = (detailEnvelope ??= z.object({ meta: EventMeta(), data: z.unknown() })).safeParse(detail);
    if (!envelope.success) return { ok: false, reason: `envelope: ${z.prettifyError(envelope.error)}` };
    const { meta, data } = envelope.data;
    if (meta.type !== detailType) return { ok: false, reason: `meta.type ${meta.type} ≠ detail-type ${detailType}` };
    const contract = this.get(meta.type, meta.version, meta.source);
    if (!contract) {
      const known = this.all().some((c) => c.type === meta.type && c.version === meta.version);
      return {
        ok: false,
        reason: known
          ? `source ${meta.source} does not publish ${meta.type}@v${meta.version}`
          : `unknown event ${EventRegistry.key(meta.type, meta.version, meta.source)}`,
      };
    }
    const parsed = contract.data.safeParse(data);
    if (!parsed.success) return { ok: false, reason: `data: ${z.prettifyError(parsed.error)}` };
    return { ok: true, contract, envelope: { meta, data: parsed.data } };
  }

  /**
   * JSON Schema (draft 2020-12) of one event version's full detail, for agencies. The content model is open: an
   * object accepts fields it does not name, so a consumer validating with a schema it cached keeps accepting the
   * same version after an optional field is added (which is not a breaking change, see `breakingChanges`). Consumers
   * ignore fields they do not know.
   */
  jsonSchema(type: string, version: number, source?: string): Record<string, unknown> {
    const c = this.get(type, version, source);
    if (!c) throw new Error(`unknown event ${EventRegistry.key(type, version, source)}`);
    return z.toJSONSchema(
      z
        .object({
          meta: EventMeta().extend({ type: z.literal(c.type), version: z.literal(c.version), source: z.literal(c.source) }),
          data: c.data,
        })
        .meta({ title: `${c.type} v${c.version}`, description: c.summary }),
      {
        io: 'output',
        unrepresentable: 'any',
        override: ({ jsonSchema }) => {
          if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
        },
      },
    ) as Record<string, unknown>;
  }
}

/** `{ meta, data }` with the data left to its contract: built on the first event parsed, then kept. */
let detailEnvelope: z.ZodObject<{ meta: ReturnType<typeof EventMeta>; data: z.ZodUnknown }> | undefined;

export type ParseResult = { ok: true; contract: EventContract; envelope: Envelope } | { ok: false; reason: string };
