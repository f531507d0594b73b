import { API_VERSION, openApiDocument } from '@cocreate/kernel';
import { manifests } from './index.ts';

/** The contract's version lives with the generator (kernel `openapi.ts`), so every served document carries it too. */
export { API_VERSION };

/** Where the published document is committed (relative to packages/suite), like the event catalog. */
export const PUBLISHED_OPENAPI_FILE = 'openapi/openapi.json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenAPI documents are walked as plain JSON
type Schema = Record<string, any>;

/** The document as published: every route of every service, no server (each deployment serves its own). */
export function publishedOpenApi(): Schema {
  return openApiDocument(manifests) as Schema;
}

export const majorOf = (version: string): number => Number(version.split('.')[0]);

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function resolve(doc: Schema, schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let i = 0; s && typeof s.$ref === 'string' && i < 20; i++) {
    s = s.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((node: Schema | undefined, part: string) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return s;
}

/** Every field a client may read in an answer, as dotted paths (`items[].id`), through $refs and unions. */
function fieldsOf(doc: Schema, schema: Schema | undefined, at = '', seen = new Set<Schema>(), out = new Set<string>()): Set<string> {
  const s = resolve(doc, schema);
  if (!s || typeof s !== 'object' || seen.has(s)) return out;
  seen.add(s);
  for (const branch of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) fieldsOf(doc, branch, at, seen, out);
  for (const [name, prop] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
    const path = at ? `${at}.${name}` : name;
    out.add(path);
    fieldsOf(doc, prop, path, new Set(seen), out);
  }
  if (s.items) fieldsOf(doc, s.items as Schema, `${at}[]`, seen, out);
  seen.delete(s);
  return out;
}

/** Every field a client must send in a body, as dotted paths: required fields, and required fields of those. */
function requiredOf(doc: Schema, schema: Schema | undefined, at = '', seen = new Set<Schema>(), out = new Set<string>()): Set<string> {
  const s = resolve(doc, schema);
  if (!s || typeof s !== 'object' || seen.has(s)) return out;
  seen.add(s);
  for (const branch of s.allOf ?? []) requiredOf(doc, branch, at, seen, out);
  for (const name of (s.required ?? []) as string[]) {
    const path = at ? `${at}.${name}` : name;
    out.add(path);
    requiredOf(doc, (s.properties ?? {})[name], path, new Set(seen), out);
  }
  if (s.items) requiredOf(doc, s.items as Schema, `${at}[]`, seen, out);
  seen.delete(s);
  return out;
}

const jsonSchemaOf = (content: Schema | undefined): Schema | undefined =>
  content ? (Object.entries(content).find(([type]) => type.includes('json'))?.[1] as Schema | undefined)?.schema : undefined;

const requiredParameters = (doc: Schema, op: Schema): Set<string> =>
  new Set(
    ((op.parameters ?? []) as Schema[])
      .map((p) => resolve(doc, p)!)
      .filter((p) => p.required)
      .map((p) => `${p.in} ${p.name}`),
  );

/**
 * What in `current` would break a client written against `published`, route by route (empty if nothing). Routes and
 * fields may be added; documentation, examples and error answers may change.
 */
export function breakingChanges(published: Schema, current: Schema): string[] {
  const out: string[] = [];
  for (const [path, item] of Object.entries((published.paths ?? {}) as Record<string, Schema>)) {
    for (const method of METHODS) {
      const before = item[method] as Schema | undefined;
      if (!before) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const after = current.paths?.[path]?.[method] as Schema | undefined;
      if (!after) {
        out.push(`${key}: route removed`);
        continue;
      }
      for (const [status, response] of Object.entries((before.responses ?? {}) as Record<string, Schema>)) {
        if (!/^2\d\d$/.test(status)) continue;
        const now = resolve(current, after.responses?.[status]);
        if (!now) {
          out.push(`${key}: success answer ${status} removed`);
          continue;
        }
        const had = fieldsOf(published, jsonSchemaOf(resolve(published, response)?.content));
        const has = fieldsOf(current, jsonSchemaOf(now.content));
        for (const field of had) if (!has.has(field)) out.push(`${key}: ${status} answer no longer has field ${field}`);
      }
      const wasRequired = requiredOf(published, jsonSchemaOf(resolve(published, before.requestBody)?.content));
      const bodyNow = resolve(current, after.requestBody);
      if (bodyNow) {
        if (bodyNow.required && !resolve(published, before.requestBody)?.required) out.push(`${key}: a request body is now required`);
        for (const field of requiredOf(current, jsonSchemaOf(bodyNow.content))) {
          if (!wasRequired.has(field)) out.push(`${key}: request field ${field} is now required`);
        }
      }
      const paramsBefore = requiredParameters(published, before);
      for (const p of requiredParameters(current, after)) if (!paramsBefore.has(p)) out.push(`${key}: parameter ${p} is now required`);
    }
  }
  return out;
}
