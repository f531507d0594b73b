import * as z from 'zod';
import { type AnyRoute, type ServiceManifest, routeKeyOf } from './manifest.ts';

type Schema = Record<string, unknown>;
type Io = 'input' | 'output';

/**
 * Why zod's own converter and not a zod→OpenAPI library: OpenAPI 3.1's schema dialect is JSON Schema 2020-12, which
 * `z.toJSONSchema` emits as is; what it lacks is only where named schemas live. It puts them in the schema's own
 * `$defs`, whose `#/$defs/…` refs would resolve against the document root inside an OpenAPI document, so each
 * schema's `$defs` are lifted into `components/schemas` here and the refs rewritten. zod-openapi 6 needs Node 22
 * (this repo supports 20) and 5.x would be one more dependency to track zod releases for the same ~60 lines.
 *
 * A schema becomes a component by carrying `.meta({ id })` (shared schemas, and recursive ones, which must: a cycle
 * can only be written as a ref, and an anonymous one would get a meaningless generated name).
 */
class Components {
  /** Each named schema as converted for requests (`input`: defaults optional) and for responses (`output`). */
  private readonly found = new Map<string, Partial<Record<Io, Schema>>>();

  /** A route part as JSON Schema, its named schemas lifted out and referenced through a placeholder ref. */
  convert(schema: z.ZodType, io: Io): Schema {
    const out = z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      target: 'draft-2020-12',
      cycles: 'ref',
      reused: 'inline',
    }) as Schema;
    delete out.$schema;
    const defs = (out.$defs ?? {}) as Record<string, Schema>;
    delete out.$defs;
    for (const [id, def] of Object.entries(defs)) {
      if (id.startsWith('__schema')) {
        throw new Error(
          `A recursive schema has no name; give it .meta({ id: 'SomeName' }) so it can be a component: ${JSON.stringify(def).slice(0, 200)}`,
        );
      }
      const variants = this.found.get(id) ?? {};
      const before = variants[io];
      const mine = placeholders(def, io);
      if (before && JSON.stringify(before) !== JSON.stringify(mine)) {
        throw new Error(`Two different schemas carry the id '${id}'; ids name components and must be unique`);
      }
      variants[io] = mine;
      this.found.set(id, variants);
    }
    const converted = placeholders(out, io);
    // Anything else zod refers to (`#` for a schema that contains itself) would resolve against the document root.
    rewriteRefs(converted, (ref) => {
      if (ref.startsWith(PLACEHOLDER)) return ref;
      throw new Error(
        `A recursive schema has no name ($ref '${ref}'); give it .meta({ id: 'SomeName' }) so it can be a component: ${JSON.stringify(converted).slice(0, 200)}`,
      );
    });
    return converted;
  }

  /**
   * The components, and a function that turns placeholder refs into final ones. A schema that reads the same in
   * requests and responses is one component under its id; one that differs (a default makes a field optional on
   * input only) is `Id` in responses and `IdInput` in requests.
   */
  finish(): { schemas: Record<string, Schema>; resolve: <T>(value: T) => T } {
    const ids = [...this.found.keys()].sort();
    const neutral = (def: Schema) => JSON.stringify(rewriteRefs(def, (ref) => ref.replace(/^(cocreate:component:)(input|output):/, '$1')));
    const refsOf = (def: Schema) => [...JSON.stringify(def).matchAll(/cocreate:component:(?:input|output):([^"]+)/g)].map((m) => m[1]!);
    // One component for both directions only if it reads the same and so does everything it refers to.
    const split = new Set(
      ids.filter((id) => {
        const { input, output } = this.found.get(id)!;
        return input && output && neutral(input) !== neutral(output);
      }),
    );
    for (let grew = true; grew;) {
      grew = false;
      for (const id of ids) {
        if (split.has(id)) continue;
        const { input, output } = this.found.get(id)!;
        if (input && output && refsOf(output).some((r) => split.has(r))) {
          split.add(id);
          grew = true;
        }
      }
    }
    const nameOf = (id: string, io: Io) => (split.has(id) && io === 'input' ? `${id}Input` : id);
    const resolve = <T>(value: T): T =>
      rewriteRefs(value, (ref) => {
        const m = /^cocreate:component:(input|output):(.+)$/.exec(ref);
        return m ? `#/components/schemas/${nameOf(m[2]!, m[1] as Io)}` : ref;
      });
    const schemas: Record<string, Schema> = {};
    for (const id of ids) {
      const { input, output } = this.found.get(id)!;
      if (output) schemas[nameOf(id, 'output')] = resolve(output);
      if (input) schemas[nameOf(id, 'input')] ??= resolve(input);
    }
    return { schemas, resolve };
  }
}

const PLACEHOLDER = 'cocreate:component:';
const placeholder = (id: string, io: Io) => `${PLACEHOLDER}${io}:${id}`;

/** `#/$defs/Id` → a placeholder naming the id and the direction, resolved once every schema has been seen. */
function placeholders(schema: Schema, io: Io): Schema {
  return rewriteRefs(schema, (ref) => (ref.startsWith('#/$defs/') ? placeholder(ref.slice('#/$defs/'.length), io) : ref));
}

function rewriteRefs<T>(value: T, map: (ref: string) => string): T {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, map)) as T;
  if (value && typeof value === 'object') {
    const out: Schema = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === '$ref' && typeof v === 'string' ? map(v) : rewriteRefs(v, map);
    return out as T;
  }
  return value;
}

const problemSchema: Schema = {
  type: 'object',
  description: 'RFC 9457 problem details; title/detail in zh-CN or en by Accept-Language.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'Stable machine-readable reason' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['in', 'pointer', 'rule', 'message'],
        properties: {
          in: { enum: ['body', 'query', 'path', 'header'] },
          pointer: { type: 'string', description: 'JSON pointer into that part of the request' },
          rule: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
  },
};

/**
 * The problem answers operations share, declared once: each operation refers to them, so the document (and every
 * client generated from it) carries the problem schema once instead of on each of ~1,600 responses.
 */
const problemResponses = {
  BadRequest: 'Malformed request or invalid path/query',
  Unauthenticated: 'Missing or invalid token',
  Forbidden: 'A role the route needs does not hold over the target place, or a rule of the route refuses this caller',
  NotFound: 'Not found (or outside the caller’s jurisdiction)',
  Conflict: 'Conflict with the current state',
  PayloadTooLarge: 'The body is over 10 MB (API Gateway’s limit)',
  UnsupportedMediaType: 'The body is not application/json',
  Unprocessable: 'Body failed validation or a business rule',
  ServerError: 'Unexpected failure (500), kept colliding with other writes (503) or timed out (504); nothing was partially written',
};

const problemRef = (name: keyof typeof problemResponses) => ({ $ref: `#/components/responses/${name}` });

function parameters(route: AnyRoute, components: Components): Schema[] {
  const out: Schema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const js = components.convert(schema as z.ZodType, 'input');
    const props = (js.properties ?? {}) as Record<string, Schema>;
    const required = new Set((js.required as string[] | undefined) ?? []);
    for (const [name, s] of Object.entries(props)) {
      out.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        schema: s,
        ...(s.description ? { description: s.description } : {}),
      });
    }
  }
  return out;
}

function operation(route: AnyRoute, service: string, components: Components): Schema {
  const auth = route.auth;
  const secured = !('public' in auth);
  const status = String(route.status ?? 200);
  const success = route.response ? components.convert(route.response, 'output') : undefined;
  const successes: [string, string][] = [[status, 'Success'], ...Object.entries(route.alsoAnswers ?? {})];
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [service],
    ...(secured ? { security: [{ bearer: [] }] } : { security: [] }),
    ...('roles' in auth ? { 'x-cocreate-roles': auth.roles, description: `Roles (over the target place): ${auth.roles.join(', ')}` } : {}),
    parameters: [
      ...parameters(route, components),
      ...(route.idempotent ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }] : []),
    ],
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: components.convert(route.body, 'input') } } } }
      : {}),
    responses: {
      ...Object.fromEntries(
        successes.map(([code, description]) => [
          code,
          { description, ...(success && code !== '204' ? { content: { 'application/json': { schema: success } } } : {}) },
        ]),
      ),
      '400': problemRef('BadRequest'),
      ...(secured ? { '401': problemRef('Unauthenticated'), '403': problemRef('Forbidden') } : {}),
      '404': problemRef('NotFound'),
      '409': problemRef('Conflict'),
      ...(route.body ? { '413': problemRef('PayloadTooLarge'), '415': problemRef('UnsupportedMediaType') } : {}),
      '422': problemRef('Unprocessable'),
      '5XX': problemRef('ServerError'),
    },
  };
}

/**
 * The version of the HTTP API contract. Within a major version a published route only grows: no route removed, no
 * field removed from a success answer, no new required request field or parameter. Anything else raises the major
 * version (packages/suite/openapi: `pnpm openapi` and its test enforce it).
 */
export const API_VERSION = '1.0.0';

/** OpenAPI 3.1 of every route of every service, generated from the manifests' zod schemas. */
export function openApiDocument(manifests: readonly ServiceManifest[], serverUrl?: string): Schema {
  const components = new Components();
  const paths: Record<string, Record<string, Schema>> = {};
  const operationIds = new Map<string, string>();
  for (const m of manifests) {
    for (const r of m.routes) {
      // Generated clients name their methods after operationIds; a repeated one silently shadows a route.
      const taken = operationIds.get(r.operationId);
      if (taken) throw new Error(`operationId '${r.operationId}' is used by both ${taken} and ${routeKeyOf(r)}`);
      operationIds.set(r.operationId, routeKeyOf(r));
      paths[r.path] ??= {};
      paths[r.path]![r.method.toLowerCase()] = operation(r, m.name, components);
    }
  }
  const { schemas, resolve } = components.finish();
  if ('Problem' in schemas) throw new Error("The component name 'Problem' is the kernel's own; choose another id");
  return {
    openapi: '3.1.0',
    info: {
      title: 'cocreate — 美好环境与幸福生活共同缔造',
      version: API_VERSION,
      description: 'HTTP API of the co-creation suite. Every write is scoped to a place in the province tree.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    tags: manifests.map((m) => ({ name: m.name, description: `${m.title.zh} / ${m.title.en}` })),
    paths: resolve(paths),
    components: {
      schemas: { ...schemas, Problem: problemSchema },
      responses: Object.fromEntries(
        Object.entries(problemResponses).map(([name, description]) => [
          name,
          { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        ]),
      ),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
