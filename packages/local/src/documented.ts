import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: imported from ESM, the plugin is the module object's `default` (to tsc and Node alike).
const addFormats = addFormatsModule.default;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DOC_ID = 'urn:cocreate:openapi';
const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks an observed answer against what the OpenAPI document says of it: the status is documented for that
 * operation (exactly, as `4XX`/`5XX`, or `default`), the media type is one it lists, and the body validates against
 * that media type's schema (JSON Schema 2020-12, the document's own dialect, refs resolved inside the document).
 * Returns what does not match; empty when the answer is as documented.
 */
export function documentedResponses(
  doc: unknown,
): (method: string, path: string, status: number, contentType: string | null, body: unknown) => string[] {
  const document = doc as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // Formats zod emits that ajv-formats does not know; checked loosely, as zod checks them on the way in.
  for (const f of ['ulid', 'cuid', 'cuid2', 'nanoid', 'emoji', 'cidrv4', 'cidrv6', 'base64url', 'e164', 'jwt']) ajv.addFormat(f, true);
  ajv.addSchema({ ...document, $id: DOC_ID });
  const compiled = new Map<string, ValidateFunction>();

  return (method, path, status, contentType, body) => {
    const op = document.paths?.[path]?.[method.toLowerCase()];
    if (!op) return [`${method} ${path} is not in the document`];
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in op.responses);
    if (!key)
      return [`${method} ${path} answered ${status}, which it does not document (documents ${Object.keys(op.responses).join(', ')})`];
    let response = op.responses[key];
    let pointer = `/paths/${escape(path)}/${method.toLowerCase()}/responses/${escape(key)}`;
    if (response.$ref) {
      pointer = (response.$ref as string).slice(1);
      response = pointer
        .split('/')
        .slice(1)
        .reduce((o: Json, p) => o[p.replace(/~1/g, '/').replace(/~0/g, '~')], document);
    }
    const mediaType = contentType?.split(';')[0]!.trim().toLowerCase();
    if (!response.content) return body === undefined || body === '' ? [] : [`${method} ${path} ${status} has a body, but documents none`];
    if (!mediaType || !(mediaType in response.content)) {
      return [
        `${method} ${path} ${status} answered ${mediaType ?? 'no content type'}, documented: ${Object.keys(response.content).join(', ')}`,
      ];
    }
    const ref = `${DOC_ID}#${pointer}/content/${escape(mediaType)}/schema`;
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      compiled.set(ref, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${method} ${path} ${status}: ${e.instancePath || '/'} ${e.message} (${e.schemaPath})`);
  };
}
