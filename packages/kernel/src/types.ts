/**
 * Plain declarations the kernel's modules share, with no imports of their own: what a table looks like, the HTTP
 * methods, how much of the register a service copies. Keeping them in a leaf keeps the kernel's import graph acyclic.
 */

/** Single-table design: keys are always the strings `pk` and `sk`; GSIs are declared by name. */
export interface TableSpec {
  indexes: readonly IndexSpec[];
}

export interface IndexSpec {
  name: string;
  partitionKey: string;
  sortKey?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What of the register a service keeps in its own table: the place tree only, or everything it may be shown. */
export type RegisterCopyScope = 'places' | 'everything';
