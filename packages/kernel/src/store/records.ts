import * as z from 'zod';
import type { Item, Key, Page, QueryOptions, Table } from './table.ts';

/**
 * What repositories share: a stored item becomes the domain's record by dropping what only the table needs (keys,
 * index keys, TTL and, unless kept, the version), versioned reads, and pages of records. A repository per aggregate
 * builds its keys and conditions on these; it holds no rules and throws no problems.
 */
const STORAGE_ATTRIBUTE = /^(pk|sk|gsi\d+(pk|sk)|ttl|version)$/;

export interface RecordOptions {
  /** Storage attributes the record keeps (e.g. `version` where the domain reasons about it). */
  keep?: readonly string[];
  /** Further attributes that stay in the table only (e.g. an encrypted copy). */
  drop?: readonly string[];
}

/** The domain record held by a stored item. */
export function recordOf<T>(item: Record<string, unknown>, opts: RecordOptions = {}): T {
  return Object.fromEntries(
    Object.entries(item).filter(([k]) => (opts.keep?.includes(k) || !STORAGE_ATTRIBUTE.test(k)) && !opts.drop?.includes(k)),
  ) as T;
}

/** A record and the version it was read at: the next write is conditional on that version. */
export interface Versioned<T> {
  value: T;
  version: number;
}

export function versionedOf<T>(item: Record<string, unknown>, opts: RecordOptions = {}): Versioned<T> {
  return { value: recordOf<T>(item, opts), version: (item.version as number | undefined) ?? 0 };
}

/** The record at a key (consistent read), or undefined. */
export async function readRecord<T>(table: Table, key: Key, opts: RecordOptions = {}): Promise<T | undefined> {
  const item = await table.get(key);
  return item ? recordOf<T>(item, opts) : undefined;
}

/** The record at a key with its version, or undefined. */
export async function readVersioned<T>(table: Table, key: Key, opts: RecordOptions = {}): Promise<Versioned<T> | undefined> {
  const item = await table.get(key);
  return item ? versionedOf<T>(item, opts) : undefined;
}

/** One page of records and the cursor of the next. */
export async function pageOf<T>(table: Table, query: QueryOptions, opts: RecordOptions = {}): Promise<Page<T>> {
  const page = await table.query<Item>(query);
  return { items: page.items.map((i) => recordOf<T>(i, opts)), ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/**
 * The query of a list route: `limit` (1–`max`, `fallback` by default) and the opaque `cursor` of the previous page.
 * Spread into a route's query object: `z.object({ village: PlacePath, ...pageQuery() })`.
 */
export function pageQuery({ max = 100, fallback = 50 }: { max?: number; fallback?: number } = {}) {
  return {
    limit: z.coerce.number().int().min(1).max(max).default(fallback),
    cursor: z.string().max(2048).optional(),
  };
}
