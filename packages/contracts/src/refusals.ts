/**
 * Refusals as domain values. A rule that says no returns `refused(code)`; the application layer turns the code into
 * the caller's problem (403, 409 or 422) from the service's catalogue. Domain code imports only this file's types and
 * helpers, never the kernel, so a rule stays a pure function.
 */

/** How a refusal reaches the caller: a broken rule (422), a clash with the current state (409), or not allowed (403). */
export type RefusalKind = 'rule' | 'conflict' | 'forbidden';

/** One catalogue entry: its kind and its text in Chinese and English. */
export type RefusalEntry = readonly [kind: RefusalKind, zh: string, en: string];

/** A service's refusal catalogue: every code it can refuse with (code → kind, zh, en). */
export type RefusalCatalogue = Readonly<Record<string, RefusalEntry>>;

/** What a domain decision returns when a rule says no. */
export interface Refused<Code extends string = string> {
  refused: Code;
  /** Facts the caller needs (e.g. the existing person of a duplicate ID number). */
  detail?: Record<string, unknown>;
}

export const refused = <Code extends string>(code: Code, detail?: Record<string, unknown>): Refused<Code> => ({
  refused: code,
  ...(detail ? { detail } : {}),
});

export const isRefused = (x: unknown): x is Refused => typeof x === 'object' && x !== null && 'refused' in x;
