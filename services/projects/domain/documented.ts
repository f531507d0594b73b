import * as z from 'zod';

/**
 * A field the API documents as plain text while the domain only ever writes one of a few values (a posting's kind, a
 * draw's source kind). The published OpenAPI document — and the client types generated from it — stay as they were;
 * the record's TypeScript type is the domain's. Validation is unchanged: any string passes.
 */
export const documentedAs = <T extends string>() => z.string() as unknown as z.ZodType<T, string>;
