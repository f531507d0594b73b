/**
 * Compiles one entry of a field's value list — a literal or a `{ "<operator>": … }` match expression — into a
 * test on a present leaf value, or into "matches an absent field" for `{"exists": false}`.
 *
 * Validation follows aws/event-ruler's JsonRuleCompiler, which EventBridge uses: the reason strings are the ones
 * EventBridge returns after "Event pattern is not valid. Reason: ", and each check is made in the same order, so
 * an invalid expression is refused for the same reason. Semantics follow the EventBridge user guide
 * ("Comparison operators for use in event patterns") and behaviour EventBridge was observed to have.
 */
import { inRange, looksLikeIp, parseCidr, parseIp, sameIp } from './ip.ts';
import type { Leaf } from './rule.ts';
import { ignoreCaseTest, parseWildcard, wildcardComplexity, wildcardTest, type StringTest } from './text.ts';

export type ValueSpec =
  | { readonly kind: 'test'; readonly test: (value: Leaf) => boolean }
  | { readonly kind: 'absent' }
  | { readonly kind: 'error'; readonly error: string };

const test = (fn: (value: Leaf) => boolean): ValueSpec => ({ kind: 'test', test: fn });
const fail = (error: string): ValueSpec => ({ kind: 'error', error });
const onStrings = (fn: StringTest) => (value: Leaf) => typeof value === 'string' && fn(value);

/**
 * Largest wildcard complexity accepted. EventBridge refuses wildcard filters that let one input keep too many
 * partial matches alive ("Rule is too complex - try using fewer wildcard characters or fewer repeating character
 * sequences after a wildcard character") but does not publish the threshold. This value is calibrated on the two
 * filters EventBridge was observed to judge: `*:*:*:*:*:event-bus/*` (refused, complexity 13 here) and
 * `/Users/*\/dir/dir/dir/dir/dir/doc.txt` (accepted, 8) — it is the most permissive value consistent with both.
 */
export const MAX_WILDCARD_COMPLEXITY = 12;

const ANYTHING_BUT_SHAPE = 'Value of anything-but must be an array or single string/number value.';
const TOO_MANY = 'Too many elements in numeric expression';
const ONE_KEY = 'Only one key allowed in match expression';

/** JSON text of a value, as Ruler quotes offending tokens in its messages. */
const tokenText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ']'));

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A literal in a field's value list: matched exactly, with the type and IP-literal rules EventBridge applies. */
export function literalSpec(value: unknown): ValueSpec {
  if (typeof value === 'string') {
    // Ruler stores a string that is an IP literal as a one-address range, so "10.0.0.1" also matches an
    // equivalent spelling of the same address (for IPv6: "2001:db8::1" and "2001:0db8:0:0:0:0:0:1").
    const ip = looksLikeIp(value) ? parseIp(value) : undefined;
    if (ip !== undefined) {
      return test((v) => typeof v === 'string' && sameIpText(v, ip));
    }
    return test((v) => v === value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('Match value must be String, number, true, false, or null');
    // Numbers compare by value, not spelling: 300 matches 300.0 and 3.0e2 (observed on EventBridge, and what
    // Ruler's numeric-equals matcher does, although the older user guide claimed otherwise). A string is
    // never equal to a number.
    return test((v) => typeof v === 'number' && v === value);
  }
  if (typeof value === 'boolean' || value === null) return test((v) => v === value);
  return fail('Match value must be String, number, true, false, or null');
}

function sameIpText(text: string, ip: readonly number[]): boolean {
  const parsed = looksLikeIp(text) ? parseIp(text) : undefined;
  return parsed !== undefined && sameIp(parsed, ip);
}

/** A `{ "<operator>": … }` entry of a field's value list. */
export function matchExpressionSpec(expression: Record<string, unknown>): ValueSpec {
  const keys = Object.keys(expression);
  const operator = keys[0];
  if (operator === undefined) return fail('Match expression name not found');
  const spec = operatorSpec(operator, expression[operator]);
  // Ruler reads (and validates) the operand before noticing a second key; its complaint depends on the operator.
  if (spec.kind === 'error' || keys.length === 1) return spec;
  return fail(operator === 'numeric' || operator === 'anything-but' ? TOO_MANY : ONE_KEY);
}

function operatorSpec(operator: string, operand: unknown): ValueSpec {
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return affixSpec(operator, operand);
    case 'equals-ignore-case':
      if (typeof operand !== 'string') return fail('equals-ignore-case match pattern must be a string');
      return test(onStrings(ignoreCaseTest(operand, 'whole')));
    case 'wildcard': {
      if (typeof operand !== 'string') return fail('wildcard match pattern must be a string');
      const wildcard = compileWildcard(operand);
      return 'error' in wildcard ? fail(wildcard.error) : test(onStrings(wildcard.test));
    }
    case 'numeric':
      return Array.isArray(operand) ? numericSpec(operand) : fail('Value of numeric must be an array.');
    case 'anything-but':
      return anythingButSpec(operand);
    case 'exists':
      if (typeof operand !== 'boolean') return fail('exists match pattern must be either true or false.');
      // Exists only sees leaf values: a field whose value is an object or an empty array does not exist.
      return operand ? test(() => true) : { kind: 'absent' };
    case 'cidr': {
      // EventBridge really does answer a non-string cidr with the prefix message.
      if (typeof operand !== 'string') return fail('prefix match pattern must be a string');
      const cidr = parseCidr(operand);
      if ('error' in cidr) return fail(cidr.error);
      const { range } = cidr;
      return test((v) => {
        const ip = typeof v === 'string' && looksLikeIp(v) ? parseIp(v) : undefined;
        return ip !== undefined && inRange(ip, range);
      });
    }
    default:
      return fail(`Unrecognized match type ${operator}`);
  }
}

/** `prefix` / `suffix`, with either a string or `{"equals-ignore-case": string}`. Only strings can match. */
function affixSpec(operator: 'prefix' | 'suffix', operand: unknown): ValueSpec {
  if (typeof operand === 'string') {
    return test(onStrings((v) => (operator === 'prefix' ? v.startsWith(operand) : v.endsWith(operand))));
  }
  if (!isObject(operand)) return fail(`${operator} match pattern must be a string`);
  const label = operator === 'prefix' ? 'Prefix' : 'Suffix';
  const innerKeys = Object.keys(operand);
  const inner = innerKeys[0];
  if (inner === undefined) return fail(`${label} expression name not found`);
  if (inner !== 'equals-ignore-case') return fail(`Unsupported ${operator} pattern: ${inner}`);
  const value = operand[inner];
  if (typeof value !== 'string') return fail('equals-ignore-case match pattern must be a string');
  if (innerKeys.length > 1) return fail(ONE_KEY);
  return test(onStrings(ignoreCaseTest(value, operator === 'prefix' ? 'start' : 'end')));
}

function compileWildcard(filter: string): { test: StringTest } | { error: string } {
  const parsed = parseWildcard(filter);
  if ('error' in parsed) return parsed;
  if (wildcardComplexity(parsed.tokens, MAX_WILDCARD_COMPLEXITY + 1) > MAX_WILDCARD_COMPLEXITY) {
    return {
      error: 'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character',
    };
  }
  return { test: wildcardTest(parsed.tokens) };
}

/**
 * `numeric`: `["=", n]`, `[op, n]` for op in `<`, `<=`, `>`, `>=`, or a range `[">" | ">=", low, "<" | "<=", high]`
 * (the lower bound always comes first). Only JSON numbers in the event can match.
 */
function numericSpec(terms: readonly unknown[]): ValueSpec {
  const [operator, value, ...rest] = terms;
  if (typeof operator !== 'string') return fail(`Invalid member in numeric match: ${tokenText(operator)}`);
  const isBound = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  const numericOnly = (fn: (n: number) => boolean) => test((v) => typeof v === 'number' && fn(v));
  switch (operator) {
    case '=':
      if (!isBound(value)) return fail('Value of equals must be numeric');
      return rest.length > 0 ? fail(TOO_MANY) : numericOnly((n) => n === value);
    case '<':
    case '<=':
      if (!isBound(value)) return fail(`Value of ${operator} must be numeric`);
      if (rest.length > 0) return fail(TOO_MANY);
      return numericOnly(operator === '<' ? (n) => n < value : (n) => n <= value);
    case '>':
    case '>=': {
      if (!isBound(value)) return fail(`Value of ${operator} must be numeric`);
      const low = operator === '>' ? (n: number) => n > value : (n: number) => n >= value;
      if (rest.length === 0) return numericOnly(low);
      const [upperOperator, upper, ...extra] = rest;
      if (typeof upperOperator !== 'string') return fail(`Bad value in numeric range: ${tokenText(upperOperator)}`);
      if (upperOperator !== '<' && upperOperator !== '<=') return fail(`Bad numeric range operator: ${upperOperator}`);
      if (!isBound(upper)) return fail(`Value of ${upperOperator} must be numeric`);
      if (extra.length > 0) return fail('Too many terms in numeric range expression');
      if (value >= upper) return fail('Bottom must be less than top');
      const high = upperOperator === '<' ? (n: number) => n < upper : (n: number) => n <= upper;
      return numericOnly((n) => low(n) && high(n));
    }
    default:
      return fail(`Unrecognized numeric range operator: ${operator}`);
  }
}

type AnythingButOperator = 'prefix' | 'suffix' | 'equals-ignore-case' | 'wildcard';

/**
 * `anything-but`: a string or number, a list of only strings or only numbers, or an object applying the negation
 * to `prefix`, `suffix`, `equals-ignore-case` or `wildcard` (each with a string or a list of strings).
 * It needs the field to be present (it never matches a missing field) and matches every present value that is not
 * excluded — including null, booleans and numbers against string operators (observed on EventBridge).
 */
function anythingButSpec(operand: unknown): ValueSpec {
  if (isObject(operand)) return anythingButObjectSpec(operand);
  if (typeof operand === 'string' || typeof operand === 'number') {
    return test((v) => v !== operand);
  }
  if (!Array.isArray(operand)) return fail(ANYTHING_BUT_SHAPE);
  if (!operand.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return fail('Inside anything but list, start|null|boolean is not supported.');
  }
  const allStrings = operand.every((v) => typeof v === 'string');
  const allNumbers = operand.every((v) => typeof v === 'number');
  if (operand.length === 0 || (!allStrings && !allNumbers)) {
    return fail('Inside anything but list, either all values are number or string, mixed type is not supported');
  }
  const excluded = new Set<Leaf>(operand);
  return test((v) => !excluded.has(v));
}

function anythingButObjectSpec(operand: Record<string, unknown>): ValueSpec {
  const keys = Object.keys(operand);
  const operator = keys[0];
  if (operator === undefined) return fail('Anything-But expression name not found');
  if (!['prefix', 'suffix', 'equals-ignore-case', 'wildcard'].includes(operator)) {
    return fail(`Unsupported anything-but pattern: ${operator}`);
  }
  const op = operator as AnythingButOperator;
  const inner = operand[op];
  if (!Array.isArray(inner) && typeof inner !== 'string' && typeof inner !== 'number') return fail(ANYTHING_BUT_SHAPE);
  const values: readonly unknown[] = Array.isArray(inner) ? inner : [inner];
  const tests: StringTest[] = [];
  for (const value of values) {
    if (typeof value !== 'string') return fail(anythingButTypeError(op));
    if ((op === 'prefix' || op === 'suffix') && value === '') return fail('Null prefix/suffix not allowed');
    const compiled = anythingButStringTest(op, value);
    if ('error' in compiled) return fail(compiled.error);
    tests.push(compiled.test);
  }
  if (keys.length > 1) return fail(TOO_MANY);
  return test((v) => typeof v !== 'string' || !tests.some((t) => t(v)));
}

function anythingButTypeError(op: AnythingButOperator): string {
  if (op === 'equals-ignore-case') {
    return 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.';
  }
  return op === 'wildcard' ? 'wildcard match pattern must be a string' : 'prefix/suffix match pattern must be a string';
}

function anythingButStringTest(op: AnythingButOperator, value: string): { test: StringTest } | { error: string } {
  switch (op) {
    case 'prefix':
      return { test: (v) => v.startsWith(value) };
    case 'suffix':
      return { test: (v) => v.endsWith(value) };
    case 'equals-ignore-case':
      return { test: ignoreCaseTest(value, 'whole') };
    case 'wildcard':
      return compileWildcard(value);
  }
}
