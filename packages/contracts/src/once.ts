/**
 * A schema built the first time it is asked for, then kept: declared `const X = once(() => z.object(…))` and used as
 * `X()`, so a function builds at cold start only the schemas its work reaches (a contract's `data`, a route's body, a
 * domain rule's parse), and every user of `X` holds the same schema, as when it was built at load.
 */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
