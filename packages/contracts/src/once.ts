/**
 * A schema several contracts' `data` share, built the first time one of them is (see `defineEvent`) and then kept, so
 * that every contract using it holds the same schema, as when it was built at load.
 */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
