/**
 * Amazon EventBridge event-pattern matching: validation with EventBridge's reasons, and matching with its
 * semantics (exact values, prefix, suffix, equals-ignore-case, wildcard, anything-but, numeric, cidr, exists,
 * `$or`, arrays, null versus missing). No runtime dependencies; runs in Node and in Lambda.
 */
import { type FlatEvent, flattenEvent, hasArrayValues } from './flatten.ts';
import { matchesFlat, matchesWithoutArrays } from './match.ts';
import { parsePattern, type ParseOptions } from './parse.ts';

export { DEFAULT_MAX_PATTERN_LENGTH, type ParseOptions as PatternOptions } from './parse.ts';
export { MAX_WILDCARD_COMPLEXITY } from './operators.ts';

export type ValidationResult = { ok: true } | { ok: false; errors: string[] };

/** A compiled pattern: true when the event (a parsed JSON object, or one prepared once) matches. */
export type EventMatcher = (event: unknown) => boolean;

/**
 * An event flattened once for matching against many patterns (the feeds fan-out matches every event against every
 * subscription): pass it to any matcher instead of the raw event.
 */
export class PreparedEvent {
  /** @internal */
  readonly flat: FlatEvent;
  /** @internal */
  readonly arrays: boolean;
  constructor(event: Record<string, unknown>) {
    this.flat = flattenEvent(event);
    this.arrays = hasArrayValues(this.flat);
  }
}

export function prepareEvent(event: Record<string, unknown>): PreparedEvent {
  return new PreparedEvent(event);
}

/** Thrown by {@link compilePattern} for a pattern EventBridge would refuse with InvalidEventPatternException. */
export class InvalidEventPatternError extends Error {
  override readonly name = 'InvalidEventPatternError';
  constructor(readonly errors: readonly string[]) {
    super(`Event pattern is not valid. Reason: ${errors.join('; ')}`);
  }
}

/**
 * Checks a pattern — a parsed value or its JSON text — the way PutRule and TestEventPattern do. Every problem
 * found is reported, each as EventBridge's reason followed by " at <field path>".
 */
export function validatePattern(pattern: unknown, options?: ParseOptions): ValidationResult {
  const result = parsePattern(pattern, options);
  return 'rule' in result ? { ok: true } : { ok: false, errors: [...result.errors] };
}

/** Validates and compiles a pattern once, for matching many events. Throws {@link InvalidEventPatternError}. */
export function compilePattern(pattern: unknown, options?: ParseOptions): EventMatcher {
  const result = parsePattern(pattern, options);
  if (!('rule' in result)) throw new InvalidEventPatternError(result.errors);
  const { rule } = result;
  return (event) => {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return false;
    const prepared = event instanceof PreparedEvent ? event : new PreparedEvent(event as Record<string, unknown>);
    return prepared.arrays ? matchesFlat(rule, prepared.flat) : matchesWithoutArrays(rule, prepared.flat);
  };
}

/** One-off match; prefer {@link compilePattern} when the pattern is reused. */
export function matches(pattern: unknown, event: unknown, options?: ParseOptions): boolean {
  return compilePattern(pattern, options)(event);
}
