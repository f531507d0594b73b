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

/**
 * The detail-type of a job request: a unit of work that called `tx.startJob(name)` leaves one on its outbox, and
 * the job's request rule (declared from the manifest, in AWS and locally) runs the job as soon as it is relayed.
 */
export const JOB_REQUESTED = 'cocreate.JobRequested';

/** The jobs a unit of work may start on request, and the source its requests carry. */
export interface StartableJobs {
  source: string;
  jobs: readonly string[];
}

/** What of the register a service keeps in its own table: the place tree only, or everything it may be shown. */
export type RegisterCopyScope = 'places' | 'everything';
