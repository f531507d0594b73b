/** The compiled form of an event pattern, shared by the parser and the matcher. */

/** A leaf value of an event: EventBridge matches only on these, never on objects or arrays themselves. */
export type Leaf = string | number | boolean | null;

/**
 * One field of the pattern: the dot-joined path from the root (Ruler joins nested keys with '.', so
 * `{"a":{"b":…}}` and `{"a.b":…}` are the same field) and the OR of the values listed for it.
 */
export interface Condition {
  readonly path: string;
  /** True when some listed value matches this present leaf value. */
  readonly test: (value: Leaf) => boolean;
  /** True when the pattern lists `{"exists": false}`, which is satisfied by the field being absent. */
  readonly matchesAbsent: boolean;
}

/** All conditions must hold, and for each `$or` group one of its alternatives must hold. */
export interface Conjunction {
  readonly conditions: readonly Condition[];
  readonly anyOf: readonly (readonly Conjunction[])[];
}
