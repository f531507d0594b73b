/**
 * Patterns EventBridge refuses with InvalidEventPatternException, with the reason it gives. Where EventBridge's
 * answer was observed (recorded responses), the reason is quoted exactly; the rest come from event-ruler's
 * JsonRuleCompiler, which produces those answers.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_PATTERN_LENGTH, validatePattern } from '../src/index.ts';

/** The single reason a pattern is refused for, without the location suffix. */
function reason(pattern: unknown): string {
  const result = validatePattern(pattern);
  if (result.ok) throw new Error(`expected ${JSON.stringify(pattern)} to be refused`);
  expect(result.errors).toHaveLength(1);
  return (result.errors[0] ?? '').replace(/ at [^ ]+$/, '');
}

const field = (...values: unknown[]) => ({ detail: { field: values } });

describe('valid patterns', () => {
  it.each([
    ['a plain value list', { source: ['aws.ec2'], detail: { state: ['running', null, 5, true] } }],
    [
      'every operator',
      {
        detail: {
          a: [{ prefix: 'x' }, { prefix: { 'equals-ignore-case': 'x' } }, { suffix: 'y' }],
          b: [{ suffix: { 'equals-ignore-case': 'y' } }, { 'equals-ignore-case': 'z' }, { wildcard: 'a*b' }],
          c: [{ 'anything-but': 'x' }, { 'anything-but': [1, 2] }, { 'anything-but': { prefix: ['p'] } }],
          d: [{ 'anything-but': { wildcard: '' } }, { numeric: ['>=', 0, '<', 1] }, { exists: true }],
          e: [{ cidr: '10.0.0.0/24' }, { cidr: '2001:db8::/32' }, { numeric: ['=', 0] }],
        },
      },
    ],
    ['nested $or', { $or: [{ a: ['1'] }, { b: ['2'], $or: [{ c: ['3'] }, { d: ['4'] }] }] }],
    ['an operator name used as a field outside $or', { detail: { prefix: ['x'], numeric: [1] } }],
    ['JSON text', '{"source": ["aws.ec2"]}'],
  ])('accepts %s', (_name, pattern) => {
    expect(validatePattern(pattern)).toEqual({ ok: true });
  });
});

describe('structure', () => {
  it('refuses anything but a JSON object', () => {
    expect(reason('["not", "a", "dict", "but valid json"]')).toBe('Filter is not an object');
    expect(reason(42)).toBe('Filter is not an object');
    expect(reason(null)).toBe('Filter is not an object');
    expect(reason([])).toBe('Filter is not an object');
  });

  it('refuses text that is not JSON', () => {
    expect(reason("{'bad': 'quotation'}")).toMatch(/^Filter is not valid JSON: /);
  });

  it('refuses empty objects and empty arrays', () => {
    expect(reason({})).toBe('Empty objects are not allowed');
    expect(reason({ detail: {} })).toBe('Empty objects are not allowed');
    expect(reason({ resources: [] })).toBe('Empty arrays are not allowed');
  });

  it('refuses a field holding a bare value', () => {
    expect(reason({ int: 42 })).toBe('"int" must be an object or an array');
    expect(reason({ string: 'my-value' })).toBe('"string" must be an object or an array');
    expect(reason({ nothing: null })).toBe('"nothing" must be an object or an array');
  });

  it('refuses arrays inside a value list', () => {
    expect(reason(field(['a']))).toBe('Match value must be String, number, true, false, or null');
  });

  it('reports where each problem is and collects all of them', () => {
    expect(validatePattern({ source: [], detail: { a: 1, b: [{ prefix: 5 }] } })).toEqual({
      ok: false,
      errors: [
        'Empty arrays are not allowed at source',
        '"a" must be an object or an array at detail.a',
        'prefix match pattern must be a string at detail.b',
      ],
    });
  });

  it(`refuses patterns longer than ${DEFAULT_MAX_PATTERN_LENGTH} characters unless allowed more`, () => {
    const long = { source: ['x'.repeat(DEFAULT_MAX_PATTERN_LENGTH)] };
    expect(reason(long)).toMatch(/^Event pattern is \d+ characters long, over the 2048 character limit$/);
    expect(validatePattern(long, { maxLength: 4096 })).toEqual({ ok: true });
    expect(validatePattern({ source: ['x'.repeat(DEFAULT_MAX_PATTERN_LENGTH - 20)] })).toEqual({ ok: true });
  });
});

describe('match expressions', () => {
  it('refuses unknown and wrongly cased operators', () => {
    expect(reason({ my_key: [{ EXISTS: true }] })).toBe('Unrecognized match type EXISTS');
    expect(reason({ detail: { equal: [{ NUMERIC: ['=', 5] }] } })).toBe('Unrecognized match type NUMERIC');
    expect(reason(field({ contains: 'x' }))).toBe('Unrecognized match type contains');
  });

  it('refuses empty expressions and expressions with two operators', () => {
    expect(reason(field({}))).toBe('Match expression name not found');
    expect(reason(field({ prefix: 'a', suffix: 'b' }))).toBe('Only one key allowed in match expression');
    expect(reason(field({ numeric: ['>', 1], prefix: 'a' }))).toBe('Too many elements in numeric expression');
  });

  it('prefix and suffix take a string or {"equals-ignore-case": string}', () => {
    expect(reason({ time: [{ prefix: ['2022-07-13'] }] })).toBe('prefix match pattern must be a string');
    expect(reason({ time: [{ prefix: 123 }] })).toBe('prefix match pattern must be a string');
    expect(reason({ FileName: [{ suffix: 123 }] })).toBe('suffix match pattern must be a string');
    expect(reason({ FileName: [{ suffix: ['.png'] }] })).toBe('suffix match pattern must be a string');
    expect(reason(field({ prefix: { wildcard: 'a*' } }))).toBe('Unsupported prefix pattern: wildcard');
    expect(reason(field({ suffix: {} }))).toBe('Suffix expression name not found');
    expect(reason(field({ prefix: { 'equals-ignore-case': 1 } }))).toBe('equals-ignore-case match pattern must be a string');
  });

  it('equals-ignore-case takes a string', () => {
    const message = 'equals-ignore-case match pattern must be a string';
    expect(reason({ 'detail-type': [{ 'equals-ignore-case': ['ec2 instance state-change notification'] }] })).toBe(message);
    expect(reason({ 'detail-type': [{ 'equals-ignore-case': { prefix: 'ec2' } }] })).toBe(message);
  });

  it('exists takes true or false', () => {
    expect(reason(field({ exists: 'true' }))).toBe('exists match pattern must be either true or false.');
  });
});

describe('numeric', () => {
  it.each([
    [{ numeric: 5 }, 'Value of numeric must be an array.'],
    [{ numeric: [] }, 'Invalid member in numeric match: ]'],
    [{ numeric: [5] }, 'Invalid member in numeric match: 5'],
    [{ numeric: ['!=', 5] }, 'Unrecognized numeric range operator: !='],
    [{ numeric: ['=', '5'] }, 'Value of equals must be numeric'],
    [{ numeric: ['=', 5, '<', 6] }, 'Too many elements in numeric expression'],
    [{ numeric: ['<', 10, '>', 0] }, 'Too many elements in numeric expression'],
    [{ numeric: ['>', 0, '>', 0] }, 'Bad numeric range operator: >'],
    [{ numeric: ['>', 0, '<'] }, 'Value of < must be numeric'],
    [{ numeric: ['>', 0, 5, 6] }, 'Bad value in numeric range: 5'],
    [{ numeric: ['>', 0, '<', 5, 6] }, 'Too many terms in numeric range expression'],
    [{ numeric: ['>=', 5, '<=', 5] }, 'Bottom must be less than top'],
    [{ numeric: ['>', 5, '<', 1] }, 'Bottom must be less than top'],
  ])('refuses %j: %s', (expression, expected) => {
    expect(reason(field(expression))).toBe(expected);
  });
});

describe('anything-but', () => {
  it.each([
    [{ 'anything-but': null }, 'Value of anything-but must be an array or single string/number value.'],
    [{ 'anything-but': true }, 'Value of anything-but must be an array or single string/number value.'],
    [{ 'anything-but': [null] }, 'Inside anything but list, start|null|boolean is not supported.'],
    [{ 'anything-but': ['a', 1] }, 'Inside anything but list, either all values are number or string, mixed type is not supported'],
    [{ 'anything-but': [] }, 'Inside anything but list, either all values are number or string, mixed type is not supported'],
    [{ 'anything-but': {} }, 'Anything-But expression name not found'],
    [{ 'anything-but': { numeric: ['>', 1] } }, 'Unsupported anything-but pattern: numeric'],
    [{ 'anything-but': { prefix: '' } }, 'Null prefix/suffix not allowed'],
    [{ 'anything-but': { suffix: ['.txt', ''] } }, 'Null prefix/suffix not allowed'],
    [{ 'anything-but': { prefix: 123 } }, 'prefix/suffix match pattern must be a string'],
    [{ 'anything-but': { suffix: [123, '.txt'] } }, 'prefix/suffix match pattern must be a string'],
    [
      { 'anything-but': { prefix: { 'equals-ignore-case': 'file' } } },
      'Value of anything-but must be an array or single string/number value.',
    ],
    [
      { 'anything-but': { suffix: { 'equals-ignore-case': '.png' } } },
      'Value of anything-but must be an array or single string/number value.',
    ],
    [
      { 'anything-but': { 'equals-ignore-case': 123 } },
      'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
    ],
    [
      { 'anything-but': { 'equals-ignore-case': [123, 456] } },
      'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
    ],
    [{ 'anything-but': { wildcard: 123 } }, 'wildcard match pattern must be a string'],
    [{ 'anything-but': { wildcard: [123, '*/dir/*'] } }, 'wildcard match pattern must be a string'],
    [{ 'anything-but': { wildcard: 'a**' } }, 'Consecutive wildcard characters at pos 2'],
    [{ 'anything-but': { prefix: 'a', suffix: 'b' } }, 'Too many elements in numeric expression'],
  ])('refuses %j: %s', (expression, expected) => {
    expect(reason(field(expression))).toBe(expected);
  });
});

describe('wildcard', () => {
  it('refuses consecutive wildcards, reporting the position as EventBridge does', () => {
    expect(reason({ EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:**:event-bus/*' }] })).toBe(
      'Consecutive wildcard characters at pos 26',
    );
  });

  it('refuses a backslash that escapes neither * nor \\', () => {
    expect(reason(field({ wildcard: 'a\\b' }))).toBe('Invalid escape character at pos 2');
    expect(reason(field({ wildcard: 'ab\\' }))).toBe('Invalid escape character at pos 3');
  });

  it('refuses a filter that is not a string', () => {
    expect(reason({ EventBusArn: [{ wildcard: 123 }] })).toBe('wildcard match pattern must be a string');
    expect(reason({ EventBusArn: [{ wildcard: ['a*'] }] })).toBe('wildcard match pattern must be a string');
  });

  it('refuses a filter too complex to evaluate', () => {
    expect(reason({ EventBusArn: [{ wildcard: '*:*:*:*:*:event-bus/*' }] })).toBe(
      'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character',
    );
  });
});

describe('cidr', () => {
  it.each([
    ['10.0.0.0', "Malformed CIDR, one '/' required"],
    ['10.0.0.0/8/16', "Malformed CIDR, one '/' required"],
    ['10.0.0.0/x', 'Malformed CIDR, mask bits must be an integer'],
    ['10.0.0.0/-1', 'Malformed CIDR, mask bits must not be negative'],
    ['xx.11.xx/24', 'Nonstandard IP address: xx.11.xx'],
    ['xxxx:db8:1234:1a00::/64', 'Nonstandard IP address: xxxx:db8:1234:1a00::'],
    ['300.0.0.0/8', 'Invalid IP address: 300.0.0.0'],
    ['1:2:3:4:5:6:7:8:9/64', 'Invalid IP address: 1:2:3:4:5:6:7:8:9'],
    ['10.0.0.1/32', 'IPv4 mask bits must be < 32'],
    ['::1/128', 'IPv6 mask bits must be < 128'],
  ])('refuses %s: %s', (cidr, expected) => {
    expect(reason({ detail: { sourceIPAddress: [{ cidr }] } })).toBe(expected);
  });

  it('refuses a cidr that is not a string (with the prefix message, as EventBridge does)', () => {
    expect(reason({ detail: { sourceIPAddress: [{ cidr: ['bad-type'] }] } })).toBe('prefix match pattern must be a string');
  });
});

describe('$or', () => {
  it('needs an array of at least two objects', () => {
    expect(reason({ $or: { a: ['1'] } })).toBe('It must be an Array followed with $or.');
    expect(reason({ $or: [{ a: ['1'] }] })).toBe('There must have at least 2 Objects in $or relationship.');
    expect(reason({ $or: [{ a: ['1'] }, ['b']] })).toBe('Only JSON object is allowed in array of $or relationship.');
    expect(reason({ detail: { $or: [] } })).toBe('There must have at least 2 Objects in $or relationship.');
  });

  it('refuses operator names as field names inside a branch, at any depth', () => {
    expect(validatePattern({ $or: [{ numeric: [123] }, { prefix: ['abc'] }] })).toEqual({
      ok: false,
      errors: [
        'numeric is Ruler reserved fieldName which cannot be used inside $or. at numeric',
        'prefix is Ruler reserved fieldName which cannot be used inside $or. at prefix',
      ],
    });
    expect(validatePattern({ $or: [{ detail: { '<': [1] } }, { a: ['1'] }] })).toEqual({
      ok: false,
      errors: ['< is Ruler reserved fieldName which cannot be used inside $or. at detail.<'],
    });
  });

  it('reports problems inside branches', () => {
    expect(reason({ $or: [{ a: [] }, { b: ['1'] }] })).toBe('Empty arrays are not allowed');
  });
});
