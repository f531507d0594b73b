/**
 * Validates an event pattern and compiles it into a {@link Conjunction}, collecting every reason it is invalid.
 *
 * Structural rules, with EventBridge's own reason strings (aws/event-ruler JsonRuleCompiler):
 * - the pattern is a JSON object, and so is every nested object; none may be empty;
 * - every field holds an object (nesting) or a non-empty array of values (a leaf); arrays of arrays are refused;
 * - `$or` holds an array of at least two objects; it may appear at any level and be nested inside another `$or`,
 *   but inside an `$or` branch no field may be named after an operator (`prefix`, `numeric`, `<`, …);
 * - the pattern text is at most {@link DEFAULT_MAX_PATTERN_LENGTH} characters unless the caller allows more.
 */
import { literalSpec, matchExpressionSpec } from './operators.ts';
import type { Condition, Conjunction, Leaf } from './rule.ts';

/**
 * "Event pattern size: 2,048 — maximum size of an event pattern, in characters" (EventBridge quotas; adjustable on
 * request, and PutRule's EventPattern parameter itself allows up to 4,096).
 */
export const DEFAULT_MAX_PATTERN_LENGTH = 2048;

/** Field names Ruler refuses inside an `$or` branch (Constants.RESERVED_FIELD_NAMES_IN_OR_RELATIONSHIP). */
const RESERVED_IN_OR = new Set([
  'exactly',
  'equals-ignore-case',
  'prefix',
  'suffix',
  'anything-but',
  'exists',
  'wildcard',
  'numeric',
  'cidr',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

export interface ParseOptions {
  /** Longest accepted pattern, in characters of its JSON text. */
  readonly maxLength?: number;
}

export type ParseResult = { readonly rule: Conjunction; readonly errors: readonly [] } | { readonly errors: readonly string[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Accepts the pattern as a parsed value or as JSON text (the form the EventBridge API takes). Each error names
 * the reason and, after " at ", where in the pattern it was found.
 */
export function parsePattern(pattern: unknown, options: ParseOptions = {}): ParseResult {
  let value = pattern;
  let text: string;
  if (typeof pattern === 'string') {
    text = pattern;
    try {
      value = JSON.parse(pattern);
    } catch (e) {
      return { errors: [`Filter is not valid JSON: ${(e as Error).message}`] };
    }
  } else {
    try {
      text = JSON.stringify(pattern) ?? '';
    } catch (e) {
      return { errors: [`Filter is not valid JSON: ${(e as Error).message}`] };
    }
  }
  if (!isObject(value)) return { errors: ['Filter is not an object'] };

  const errors: string[] = [];
  const maxLength = options.maxLength ?? DEFAULT_MAX_PATTERN_LENGTH;
  if (text.length > maxLength) {
    errors.push(`Event pattern is ${text.length} characters long, over the ${maxLength} character limit`);
  }
  const rule = new PatternParser(errors).object(value, [], false);
  return errors.length === 0 ? { rule, errors: [] } : { errors };
}

class PatternParser {
  constructor(private readonly errors: string[]) {}

  private report(reason: string, path: readonly string[]): void {
    this.errors.push(`${reason} at ${path.length === 0 ? '(root)' : path.join('.')}`);
  }

  object(value: Record<string, unknown>, path: readonly string[], insideOr: boolean): Conjunction {
    const conditions: Condition[] = [];
    const anyOf: (readonly Conjunction[])[] = [];
    const keys = Object.keys(value);
    if (keys.length === 0) this.report('Empty objects are not allowed', path);
    for (const key of keys) {
      const child = value[key];
      if (key === '$or') {
        const group = this.or(child, path);
        if (group !== undefined) anyOf.push(group);
        continue;
      }
      const childPath = [...path, key];
      if (insideOr && RESERVED_IN_OR.has(key)) {
        this.report(`${key} is Ruler reserved fieldName which cannot be used inside $or.`, childPath);
      } else if (isObject(child)) {
        // Nested objects only extend the path: their conditions and $or groups join this conjunction.
        const nested = this.object(child, childPath, insideOr);
        conditions.push(...nested.conditions);
        anyOf.push(...nested.anyOf);
      } else if (Array.isArray(child)) {
        const condition = this.field(child, childPath);
        if (condition !== undefined) conditions.push(condition);
      } else {
        this.report(`"${key}" must be an object or an array`, childPath);
      }
    }
    return { conditions, anyOf };
  }

  private or(value: unknown, path: readonly string[]): Conjunction[] | undefined {
    const orPath = [...path, '$or'];
    if (!Array.isArray(value)) {
      this.report('It must be an Array followed with $or.', orPath);
      return undefined;
    }
    const branches: Conjunction[] = [];
    for (const branch of value) {
      if (!isObject(branch)) {
        this.report('Only JSON object is allowed in array of $or relationship.', orPath);
        return undefined;
      }
      branches.push(this.object(branch, path, true));
    }
    if (branches.length < 2) {
      this.report('There must have at least 2 Objects in $or relationship.', orPath);
      return undefined;
    }
    return branches;
  }

  /** A leaf field: the OR of its listed values. */
  private field(values: readonly unknown[], path: readonly string[]): Condition | undefined {
    if (values.length === 0) {
      this.report('Empty arrays are not allowed', path);
      return undefined;
    }
    const tests: ((value: Leaf) => boolean)[] = [];
    let matchesAbsent = false;
    let valid = true;
    for (const value of values) {
      const spec = isObject(value) ? matchExpressionSpec(value) : literalSpec(value);
      if (spec.kind === 'error') {
        this.report(spec.error, path);
        valid = false;
      } else if (spec.kind === 'absent') {
        matchesAbsent = true;
      } else {
        tests.push(spec.test);
      }
    }
    if (!valid) return undefined;
    return {
      path: path.join('.'),
      test: (value) => tests.some((t) => t(value)),
      matchesAbsent,
    };
  }
}
