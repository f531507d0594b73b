import fc from 'fast-check';
import * as z from 'zod';
import type { AnyRoute } from '@cocreate/kernel';
import type { Role } from '@cocreate/places';
import { demo } from '@cocreate/places/seed';
import { manifests } from '@cocreate/suite';

/**
 * Every route of every manifest, and inputs for it generated from its own zod schemas (through zod's JSON Schema,
 * with fast-check): the access matrix and the fuzz pass cover a route the moment a manifest declares it.
 */
export interface RouteCase {
  service: string;
  route: AnyRoute;
  /** `GET /projects/{id}` */
  key: string;
  access: 'public' | 'authenticated' | 'roles';
  roles: readonly Role[];
}

export const routeCases = (): RouteCase[] =>
  manifests.flatMap((m) =>
    m.routes.map((route) => ({
      service: m.name,
      route,
      key: `${route.method} ${route.path}`,
      access:
        'public' in route.auth ? ('public' as const) : 'authenticated' in route.auth ? ('authenticated' as const) : ('roles' as const),
      roles: 'roles' in route.auth ? route.auth.roles : [],
    })),
  );

/** The village every generated input points at (马家桥村, 七里坪镇, 红安县), its sibling and another county. */
export const TARGET = demo.majiaqiao;
export const SIBLING = demo.changsheng;
export const OTHER_COUNTY = demo.macheng;

/**
 * Values for fields that name a place or a person, by the field's name: a generated input then points inside the
 * target village (an input pointing nowhere would test only the 404). Used only where the value fits the field's
 * own pattern.
 */
const HINTS: Record<string, string> = {
  village: TARGET,
  villages: TARGET,
  toVillage: TARGET,
  place: `${TARGET}/g1`,
  path: `${TARGET}/g1`,
  scope: TARGET,
  area: `${TARGET}/g1`,
  parent: demo.qiliping,
  compound: `${TARGET}/g1`,
  household: `${TARGET}/g1/h01`,
  households: `${TARGET}/g1/h01`,
  linkedHouseholds: `${TARGET}/g1/h01`,
  property: `${TARGET}/g1/h01`,
  county: demo.hongan,
  township: demo.qiliping,
  jurisdiction: demo.hongan,
  pool: TARGET,
  person: 'p-majiaqiao-01',
  personId: 'p-majiaqiao-01',
  voter: 'p-majiaqiao-01',
  owner: 'p-majiaqiao-01',
  head: 'p-majiaqiao-01',
  applicant: 'p-majiaqiao-01',
  principal: 'p-majiaqiao-01',
  proxy: 'p-majiaqiao-02',
  onBehalfOf: 'p-majiaqiao-01',
  beneficiaries: 'p-majiaqiao-01',
  representatives: 'p-majiaqiao-03',
  reviewer: 'p-majiaqiao-01',
  leader: 'p-majiaqiao-01',
  seller: 'p-majiaqiao-01',
  buyer: 'p-majiaqiao-02',
  to: 'p-majiaqiao-02',
  with: 'p-majiaqiao-02',
};

type Js = Record<string, any>;

interface GenOptions {
  /** Use the field-name hints (always for valid inputs; half the time when fuzzing). */
  hints: boolean;
}

function deref(js: Js, root: Js): Js {
  let at = js;
  for (let i = 0; i < 10 && typeof at.$ref === 'string'; i++) {
    const name = at.$ref.replace(/^#\/(\$defs|definitions)\//, '');
    at = {
      ...(root.$defs?.[name] ?? root.definitions?.[name] ?? {}),
      ...Object.fromEntries(Object.entries(at).filter(([k]) => k !== '$ref')),
    };
  }
  return at;
}

const dateArb = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });

/** A fast-check arbitrary for a JSON Schema (the subset zod writes), `depth` bounding recursive schemas. */
export function arbitraryOf(schema: Js, root: Js, opts: GenOptions, name = '', depth = 0): fc.Arbitrary<unknown> {
  const js = deref(schema, root);
  if (depth > 6) return fc.constant(null);
  const hint = opts.hints ? HINTS[name] : undefined;
  if ('const' in js) return fc.constant(js.const);
  if (Array.isArray(js.enum)) return fc.constantFrom(...(js.enum as unknown[]));
  for (const k of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(js[k]) && js[k].length) return fc.oneof(...js[k].map((s: Js) => arbitraryOf(s, root, opts, name, depth + 1)));
  }
  if (Array.isArray(js.allOf) && js.allOf.length) {
    const merged = js.allOf.reduce((a: Js, s: Js) => ({ ...a, ...deref(s, root) }), {});
    return arbitraryOf(merged, root, opts, name, depth + 1);
  }
  const type = Array.isArray(js.type) ? js.type : js.type ? [js.type] : js.properties ? ['object'] : [];
  if (type.length > 1) return fc.oneof(...type.map((t: string) => arbitraryOf({ ...js, type: t }, root, opts, name, depth + 1)));
  switch (type[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = js.exclusiveMinimum !== undefined ? js.exclusiveMinimum + 1 : (js.minimum ?? -1000);
      const max = js.exclusiveMaximum !== undefined ? js.exclusiveMaximum - 1 : (js.maximum ?? Math.max(min + 1000, 1000));
      return fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) });
    }
    case 'number': {
      const min = js.exclusiveMinimum ?? js.minimum ?? -1e6;
      const max = js.exclusiveMaximum ?? js.maximum ?? Math.max(min + 1e6, 1e6);
      const n = fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: js.exclusiveMinimum !== undefined });
      // Money and areas are mostly written with two decimals; whole numbers too.
      return fc.oneof(
        n,
        fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 1e9)) }),
        n.map((x) => Math.round(x * 100) / 100),
      );
    }
    case 'string':
      return stringOf(js, hint);
    case 'array': {
      const minLength = js.minItems ?? 0;
      const maxLength = Math.min(js.maxItems ?? minLength + 3, minLength + 3);
      if (Array.isArray(js.prefixItems)) return fc.tuple(...js.prefixItems.map((s: Js) => arbitraryOf(s, root, opts, name, depth + 1)));
      const items = js.items ? arbitraryOf(js.items, root, opts, name, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      return fc.array(items, { minLength, maxLength });
    }
    case 'object': {
      const props = (js.properties ?? {}) as Record<string, Js>;
      const required = new Set<string>(js.required ?? []);
      const keys = Object.keys(props);
      if (!keys.length) {
        if (js.additionalProperties && typeof js.additionalProperties === 'object') {
          return fc.dictionary(
            fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/),
            arbitraryOf(js.additionalProperties, root, opts, name, depth + 1),
            {
              maxKeys: 3,
            },
          );
        }
        return fc.constant({});
      }
      return fc.record(Object.fromEntries(keys.map((k) => [k, arbitraryOf(props[k]!, root, opts, k, depth + 1)])), {
        requiredKeys: keys.filter((k) => required.has(k)),
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringOf(js: Js, hint: string | undefined): fc.Arbitrary<string> {
  const minLength = js.minLength ?? 0;
  const maxLength = js.maxLength ?? Math.max(minLength + 24, 24);
  const pattern = js.pattern ? new RegExp(js.pattern, 'u') : undefined;
  // Within the schema's own bounds (the generator's shorter default is a preference, not a rule).
  const fits = (s: string) => s.length >= minLength && s.length <= (js.maxLength ?? Infinity) && (!pattern || pattern.test(s));
  if (hint !== undefined && fits(hint)) return fc.constant(hint);
  // No filters (a filter that never passes never ends): what does not fit is caught when the input is parsed.
  if (js.format === 'date-time') return dateArb.map((d) => d.toISOString());
  if (js.format === 'date' || /\\d\{4\}-\(\?:/.test(js.pattern ?? '')) return dateArb.map((d) => d.toISOString().slice(0, 10));
  if (js.format === 'email') return fc.constantFrom('ops@example.cn', 'wang.kezhang@hongan.example.cn');
  if (js.format === 'uri' || js.format === 'url') return fc.constantFrom('https://example.cn/hook', 'https://agency.example.cn/events');
  if (pattern) {
    try {
      return fc
        .stringMatching(new RegExp(js.pattern as string))
        .map((x) => (x.length > (js.maxLength ?? Infinity) ? x.slice(0, js.maxLength) : x));
    } catch {
      return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 24) });
    }
  }
  return fc.oneof(
    fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 24) }),
    fc.constantFrom('村口的路一下雨就积水', '路灯坏了', 'test').map((x) => (fits(x) ? x : x.padEnd(minLength, '路').slice(0, maxLength))),
  );
}

export type Part = 'params' | 'query' | 'body';

const jsonSchemas = new WeakMap<z.ZodType, Js>();
export function jsonSchemaOf(schema: z.ZodType): Js {
  let js = jsonSchemas.get(schema);
  if (!js) {
    js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Js;
    jsonSchemas.set(schema, js);
  }
  return js;
}

/** What goes on the wire for a path or query value: strings (arrays joined by commas, objects as JSON). */
export function wireValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(wireValue).join(',');
  if (v && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function wireRecord(v: unknown): Record<string, string> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => [k, wireValue(x)]),
  );
}

export interface Input {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

export function arbitraryInput(route: AnyRoute, opts: GenOptions): fc.Arbitrary<Input> {
  const part = (p: Part) => {
    const schema = route[p] as z.ZodType | undefined;
    if (!schema) return fc.constant(undefined);
    const js = jsonSchemaOf(schema);
    return arbitraryOf(js, js, opts);
  };
  return fc.record({ params: part('params'), query: part('query'), body: part('body') }).map((x) => ({
    params: wireRecord(x.params),
    query: wireRecord(x.query),
    body: x.body,
  }));
}

/** Whether the route's own schemas accept the input as the kernel would read it off the wire. */
export function accepts(route: AnyRoute, input: Input): boolean {
  const ok = (schema: z.ZodType | undefined, value: unknown) => !schema || schema.safeParse(value).success;
  return ok(route.params, input.params) && ok(route.query, input.query) && (!route.body || ok(route.body, input.body));
}

/**
 * An input the route's schemas accept, pointing at the target village where its fields allow: the first of `tries`
 * generated ones that parses (seeded, so a run is reproducible). Undefined when none did (refinements the JSON
 * Schema cannot say): the matrix counts such routes.
 */
export function validInput(route: AnyRoute, seed: number, tries = 60): Input | undefined {
  const samples = fc.sample(arbitraryInput(route, { hints: true }), { numRuns: tries, seed });
  return samples.find((s) => accepts(route, s));
}

export function urlOf(route: AnyRoute, input: Input): string {
  const path = route.path.replace(/\{([A-Za-z0-9_]+)\+?\}/g, (_m, name: string) => {
    const v = input.params[name] ?? 'x';
    return route.path.includes(`{${name}+}`) ? v.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(v);
  });
  const query = new URLSearchParams(input.query).toString();
  return query ? `${path}?${query}` : path;
}
