import { z } from 'zod';
import type { AnyRoute, ServiceManifest } from './manifest.ts';

type Schema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Schema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Schema;
  delete out.$schema;
  return out;
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

function parameters(route: AnyRoute): Schema[] {
  const out: Schema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema as z.ZodType, 'input');
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

function operation(route: AnyRoute, service: string): Schema {
  const auth = route.auth;
  const secured = !('public' in auth);
  const status = String(route.status ?? 200);
  const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [service],
    ...(secured ? { security: [{ bearer: [] }] } : { security: [] }),
    ...('roles' in auth ? { 'x-cocreate-roles': auth.roles, description: `Roles (over the target place): ${auth.roles.join(', ')}` } : {}),
    parameters: [
      ...parameters(route),
      ...(route.idempotent
        ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }]
        : []),
    ],
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }
      : {}),
    responses: {
      [status]: {
        description: 'Success',
        ...(route.response ? { content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } } : {}),
      },
      '400': { description: 'Malformed request or invalid path/query', ...problem },
      ...(secured ? { '401': { description: 'Missing or invalid token', ...problem } } : {}),
      ...('roles' in auth ? { '403': { description: 'Role does not hold over the target place', ...problem } } : {}),
      '404': { description: 'Not found (or outside the caller’s jurisdiction)', ...problem },
      '409': { description: 'Conflict with the current state', ...problem },
      '422': { description: 'Body failed validation or a business rule', ...problem },
    },
  };
}

/** OpenAPI 3.1 of every route of every service, generated from the manifests' zod schemas. */
export function openApiDocument(manifests: readonly ServiceManifest[], serverUrl?: string): Schema {
  const paths: Record<string, Record<string, Schema>> = {};
  for (const m of manifests) {
    for (const r of m.routes) {
      paths[r.path] ??= {};
      paths[r.path]![r.method.toLowerCase()] = operation(r, m.name);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'cocreate — 美好环境与幸福生活共同缔造',
      version: '1.0.0',
      description: 'HTTP API of the co-creation suite. Every write is scoped to a place in the province tree.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    tags: manifests.map((m) => ({ name: m.name, description: `${m.title.zh} / ${m.title.en}` })),
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
