/**
 * Every comparison operator, with the examples of the EventBridge user guide ("Comparison operators for use in
 * event patterns", "Content filtering in Amazon EventBridge event patterns") and the event-ruler README, each
 * checked both ways, plus the edge cases where EventBridge's behaviour is easy to get wrong.
 */
import { describe, expect, it } from 'vitest';
import { matches } from '../src/index.ts';
import { ec2Event, withDetail } from './fixtures.ts';

const detailMatches = (field: string, values: unknown[], value: unknown): boolean =>
  matches({ detail: { [field]: values } }, withDetail({ [field]: value }));

const detailMissing = (field: string, values: unknown[]): boolean => matches({ detail: { [field]: values } }, withDetail({ other: 'x' }));

describe('exact values', () => {
  const terminated = { ...ec2Event, detail: { ...ec2Event.detail, state: 'terminated' } };
  const pattern = {
    source: ['aws.ec2'],
    'detail-type': ['EC2 Instance State-change Notification'],
    detail: { state: ['terminated'] },
  };

  it('matches the user guide EC2 termination example and nothing else', () => {
    expect(matches(pattern, terminated)).toBe(true);
    expect(matches(pattern, ec2Event)).toBe(false);
    expect(matches({ ...pattern, source: ['aws.s3'] }, terminated)).toBe(false);
  });

  it('treats the values listed for a field as alternatives ("aws.ec2" or "aws.fargate")', () => {
    const either = { source: ['aws.ec2', 'aws.fargate'] };
    expect(matches(either, ec2Event)).toBe(true);
    expect(matches(either, { ...ec2Event, source: 'aws.fargate' })).toBe(true);
    expect(matches(either, { ...ec2Event, source: 'aws.s3' })).toBe(false);
  });

  it('matches nested fields (the Macie risk example)', () => {
    const macie = { source: ['aws.macie'], detail: { 'risk-score': [80], trigger: { risk: [8] } } };
    const event = { source: 'aws.macie', detail: { 'risk-score': 80, trigger: { 'alert-type': 'basic', risk: 8 } } };
    expect(matches(macie, event)).toBe(true);
    expect(matches(macie, { ...event, detail: { ...event.detail, trigger: { risk: 9 } } })).toBe(false);
    expect(matches(macie, { ...event, detail: { 'risk-score': 80 } })).toBe(false);
  });

  it('compares strings character by character, without case folding', () => {
    expect(matches({ source: ['AWS.EC2'] }, ec2Event)).toBe(false);
    expect(matches({ source: ['aws.ec2 '] }, ec2Event)).toBe(false);
  });

  it('never equates a string with a number', () => {
    expect(detailMatches('n', ['80'], 80)).toBe(false);
    expect(detailMatches('n', [80], '80')).toBe(false);
  });

  it('compares numbers by value: 300 matches 300.0 and 3.0e2', () => {
    const event = (text: string) => JSON.parse(`{"detail":{"n":${text}}}`) as unknown;
    expect(matches(JSON.parse('{"detail":{"n":[300]}}'), event('300.0'))).toBe(true);
    expect(matches(JSON.parse('{"detail":{"n":[300]}}'), event('3.0e2'))).toBe(true);
    expect(matches(JSON.parse('{"detail":{"n":[3.0e2]}}'), event('300'))).toBe(true);
    expect(matches(JSON.parse('{"detail":{"n":[300]}}'), event('300.5'))).toBe(false);
    expect(detailMatches('n', [-0.5], -0.5)).toBe(true);
  });

  it('matches booleans only against JSON booleans', () => {
    expect(detailMatches('flag', [true], true)).toBe(true);
    expect(detailMatches('flag', [true], false)).toBe(false);
    expect(detailMatches('flag', [true], 'true')).toBe(false);
    expect(detailMatches('flag', [false], 0)).toBe(false);
  });

  it('matches an IP literal against other spellings of the same address', () => {
    expect(detailMatches('ip', ['10.0.0.1'], '10.0.0.1')).toBe(true);
    expect(detailMatches('ip', ['10.0.0.1'], '10.0.0.2')).toBe(false);
    expect(detailMatches('ip', ['2001:db8::1'], '2001:0db8:0:0:0:0:0:1')).toBe(true);
    expect(detailMatches('ip', ['2001:db8::1'], '2001:db8::2')).toBe(false);
  });
});

describe('empty strings and null ("Matching null values and empty strings")', () => {
  const event = withDetail({ eventVersion: '', responseElements: null });

  it('matches an empty string with [""] and null with [null]', () => {
    expect(matches({ detail: { eventVersion: [''] } }, event)).toBe(true);
    expect(matches({ detail: { responseElements: [null] } }, event)).toBe(true);
  });

  it('does not treat null and the empty string as interchangeable', () => {
    expect(matches({ detail: { eventVersion: [null] } }, event)).toBe(false);
    expect(matches({ detail: { responseElements: [''] } }, event)).toBe(false);
  });

  it('does not match a missing field with [null]', () => {
    expect(matches({ detail: { absent: [null] } }, event)).toBe(false);
  });
});

describe('prefix', () => {
  it('matches the user guide "time" example', () => {
    const pattern = { time: [{ prefix: '2017-10-02' }] };
    expect(matches(pattern, { ...ec2Event, time: '2017-10-02T18:43:48Z' })).toBe(true);
    expect(matches(pattern, { ...ec2Event, time: '2017-10-03T18:43:48Z' })).toBe(false);
  });

  it('selects European regions ("eu-")', () => {
    const pattern = { source: ['aws.autoscaling'], region: [{ prefix: 'eu-' }] };
    const event = { source: 'aws.autoscaling', region: 'eu-west-1' };
    expect(matches(pattern, event)).toBe(true);
    expect(matches(pattern, { ...event, region: 'us-east-1' })).toBe(false);
  });

  it('only matches strings', () => {
    expect(detailMatches('n', [{ prefix: '1' }], 12)).toBe(false);
    expect(detailMatches('n', [{ prefix: '1' }], '12')).toBe(true);
  });

  it('is case sensitive unless combined with equals-ignore-case', () => {
    expect(detailMatches('service', [{ prefix: 'EventB' }], 'eventbridge')).toBe(false);
    const ignoreCase = [{ prefix: { 'equals-ignore-case': 'EventB' } }];
    expect(detailMatches('service', ignoreCase, 'eventbridge')).toBe(true);
    expect(detailMatches('service', ignoreCase, 'EVENTBRIDGE')).toBe(true);
    expect(detailMatches('service', ignoreCase, 'EventBridge')).toBe(true);
    expect(detailMatches('service', ignoreCase, 'the eventbridge')).toBe(false);
  });
});

describe('suffix', () => {
  it('matches the user guide ".png" example', () => {
    expect(detailMatches('FileName', [{ suffix: '.png' }], 'image.png')).toBe(true);
    expect(detailMatches('FileName', [{ suffix: '.png' }], 'image.jpg')).toBe(false);
    expect(detailMatches('FileName', [{ suffix: '.png' }], 'image.PNG')).toBe(false);
  });

  it('matches the other casings with equals-ignore-case', () => {
    const ignoreCase = [{ suffix: { 'equals-ignore-case': '.png' } }];
    expect(detailMatches('FileName', ignoreCase, 'image.PNG')).toBe(true);
    expect(detailMatches('FileName', ignoreCase, 'image.Png')).toBe(true);
    expect(detailMatches('FileName', ignoreCase, 'image.png.jpg')).toBe(false);
  });

  it('matches the source-suffix example from the event-ruler README', () => {
    expect(matches({ source: [{ suffix: 'ec2' }] }, ec2Event)).toBe(true);
    expect(matches({ source: [{ suffix: 'ec3' }] }, ec2Event)).toBe(false);
  });
});

describe('equals-ignore-case', () => {
  const alice = [{ 'equals-ignore-case': 'alice' }];

  it('matches the user guide "Alice" example', () => {
    expect(detailMatches('Name', alice, 'Alice')).toBe(true);
    expect(detailMatches('Name', alice, 'ALICE')).toBe(true);
    expect(detailMatches('Name', alice, 'Alicia')).toBe(false);
    expect(detailMatches('Name', alice, 'alice ')).toBe(false);
  });

  it('folds non-ASCII letters', () => {
    expect(detailMatches('city', [{ 'equals-ignore-case': 'münchen' }], 'MÜNCHEN')).toBe(true);
    expect(detailMatches('city', [{ 'equals-ignore-case': 'ΑΘΗΝΑ' }], 'αθηνα')).toBe(true);
    expect(detailMatches('city', [{ 'equals-ignore-case': 'münchen' }], 'MUNCHEN')).toBe(false);
  });

  it('expands only the pattern, as event-ruler does: "ß" matches "SS" and "ß" but not "ss"', () => {
    const strasse = [{ 'equals-ignore-case': 'straße' }];
    expect(detailMatches('street', strasse, 'STRASSE')).toBe(true);
    expect(detailMatches('street', strasse, 'Straße')).toBe(true);
    expect(detailMatches('street', strasse, 'strasse')).toBe(false);
  });

  it('only matches strings', () => {
    expect(detailMatches('v', [{ 'equals-ignore-case': 'true' }], true)).toBe(false);
  });
});

describe('anything-but', () => {
  it('matches every value but the one given (string)', () => {
    const pattern = [{ 'anything-but': 'initializing' }];
    expect(detailMatches('state', pattern, 'running')).toBe(true);
    expect(detailMatches('state', pattern, 'initializing')).toBe(false);
  });

  it('matches every value but the one given (number), numbers compared by value', () => {
    const pattern = [{ 'anything-but': 123 }];
    expect(detailMatches('x-limit', pattern, 301.8)).toBe(true);
    expect(detailMatches('x-limit', pattern, 123)).toBe(false);
    expect(detailMatches('x-limit', pattern, JSON.parse('123.0'))).toBe(false);
    expect(detailMatches('x-limit', pattern, '123')).toBe(true);
  });

  it('excludes every value of a list of strings or of numbers', () => {
    const states = [{ 'anything-but': ['stopped', 'overloaded'] }];
    expect(detailMatches('state', states, 'running')).toBe(true);
    expect(detailMatches('state', states, 'stopped')).toBe(false);
    expect(detailMatches('state', states, 'overloaded')).toBe(false);
    const limits = [{ 'anything-but': [100, 200, 300] }];
    expect(detailMatches('x-limit', limits, 301.8)).toBe(true);
    expect(detailMatches('x-limit', limits, 200)).toBe(false);
  });

  it('needs the field to be present, but matches null', () => {
    expect(detailMissing('state', [{ 'anything-but': 'initializing' }])).toBe(false);
    expect(detailMatches('state', [{ 'anything-but': 'initializing' }], null)).toBe(true);
  });

  it('excludes a prefix ("init"; AWS sources "aws.")', () => {
    const pattern = [{ 'anything-but': { prefix: 'init' } }];
    expect(detailMatches('state', pattern, 'running')).toBe(true);
    expect(detailMatches('state', pattern, 'initializing')).toBe(false);
    expect(detailMatches('state', pattern, 12)).toBe(true);
    expect(detailMissing('state', pattern)).toBe(false);
    const custom = { source: [{ 'anything-but': { prefix: 'aws.' } }] };
    expect(matches(custom, { source: 'com.mycompany.myapp' })).toBe(true);
    expect(matches(custom, ec2Event)).toBe(false);
  });

  it('excludes a list of prefixes', () => {
    const pattern = [{ 'anything-but': { prefix: ['init', 'stop'] } }];
    expect(detailMatches('state', pattern, 'running')).toBe(true);
    expect(detailMatches('state', pattern, 'stopping')).toBe(false);
  });

  it('excludes a suffix (".png")', () => {
    const pattern = [{ 'anything-but': { suffix: '.png' } }];
    expect(detailMatches('FileName', pattern, 'photo.jpg')).toBe(true);
    expect(detailMatches('FileName', pattern, 'photo.png')).toBe(false);
    expect(detailMatches('FileName', [{ 'anything-but': { suffix: ['.png', '.txt'] } }], 'a.txt')).toBe(false);
  });

  it('excludes values regardless of case with equals-ignore-case', () => {
    const single = [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }];
    expect(detailMatches('state', single, 'INITIALIZING')).toBe(false);
    expect(detailMatches('state', single, 'running')).toBe(true);
    const list = [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'overloaded'] } }];
    expect(detailMatches('state', list, 'STOPPED')).toBe(false);
    expect(detailMatches('state', list, 'Running')).toBe(true);
  });

  it('excludes paths matching a wildcard ("*/lib/*")', () => {
    const pattern = [{ 'anything-but': { wildcard: '*/lib/*' } }];
    expect(detailMatches('FilePath', pattern, '/usr/lib/libc.so')).toBe(false);
    expect(detailMatches('FilePath', pattern, '/usr/bin/env')).toBe(true);
    expect(detailMatches('FilePath', pattern, 42)).toBe(true);
    const list = [{ 'anything-but': { wildcard: ['*/lib/*', '*/dir/*'] } }];
    expect(detailMatches('FilePath', list, '/home/dir/file')).toBe(false);
  });

  it('matches an array when any element is not excluded', () => {
    expect(detailMatches('tags', [{ 'anything-but': 'a' }], ['a', 'b'])).toBe(true);
    expect(detailMatches('tags', [{ 'anything-but': 'a' }], ['a'])).toBe(false);
  });
});

describe('numeric', () => {
  const pattern = {
    detail: {
      'c-count': [{ numeric: ['>', 0, '<=', 5] }],
      'd-count': [{ numeric: ['<', 10] }],
      'x-limit': [{ numeric: ['=', 3.018e2] }],
    },
  };
  const event = (detail: Record<string, unknown>) => ({ ...ec2Event, detail: { ...ec2Event.detail, ...detail } });

  it('matches the user guide example only when every field is in range', () => {
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, event({ 'c-count': 0 }))).toBe(false);
    expect(matches(pattern, event({ 'c-count': 6 }))).toBe(false);
    expect(matches(pattern, event({ 'd-count': 10 }))).toBe(false);
    expect(matches(pattern, event({ 'x-limit': 301.9 }))).toBe(false);
  });

  it('honours open and closed bounds', () => {
    const closed = [{ numeric: ['>=', 1, '<', 2] }];
    expect(detailMatches('n', closed, 1)).toBe(true);
    expect(detailMatches('n', closed, 1.999999)).toBe(true);
    expect(detailMatches('n', closed, 2)).toBe(false);
    expect(detailMatches('n', closed, 0.999)).toBe(false);
    expect(detailMatches('n', [{ numeric: ['>', 100] }], 101.0)).toBe(true);
    expect(detailMatches('n', [{ numeric: ['>', 100] }], 100)).toBe(false);
    expect(detailMatches('n', [{ numeric: ['<=', -5] }], -5)).toBe(true);
    expect(detailMatches('n', [{ numeric: ['>=', -5.5] }], -6)).toBe(false);
  });

  it('treats "=" as numeric equality', () => {
    expect(detailMatches('n', [{ numeric: ['=', 300] }], JSON.parse('3.0e2'))).toBe(true);
    expect(detailMatches('n', [{ numeric: ['=', 300] }], 300.1)).toBe(false);
  });

  it('only matches JSON numbers', () => {
    expect(detailMatches('n', [{ numeric: ['>', 0] }], '5')).toBe(false);
    expect(detailMatches('n', [{ numeric: ['>', 0] }], null)).toBe(false);
    expect(detailMatches('n', [{ numeric: ['>', 0] }], true)).toBe(false);
    expect(detailMissing('n', [{ numeric: ['>', 0] }])).toBe(false);
  });
});

describe('exists', () => {
  it('exists:false matches the user guide events without detail.c-count', () => {
    const pattern = { detail: { 'c-count': [{ exists: false }] } };
    expect(matches(pattern, withDetail({ state: 'running' }))).toBe(true);
    expect(matches(pattern, withDetail({ 'c-count': 5 }))).toBe(false);
  });

  it('only looks at leaves: an object-valued field does not exist', () => {
    const absent = { detail: { 'c-count': [{ exists: false }] } };
    const present = { detail: { 'c-count': [{ exists: true }] } };
    const event = withDetail({ 'c-count': { c1: 100 } });
    expect(matches(absent, event)).toBe(true);
    expect(matches(present, event)).toBe(false);
  });

  it('exists:true matches any leaf value, null included', () => {
    const present = { detail: { description: [{ exists: true }] } };
    expect(matches(present, withDetail({ description: 'text' }))).toBe(true);
    expect(matches(present, withDetail({ description: null }))).toBe(true);
    expect(matches(present, withDetail({ other: 'text' }))).toBe(false);
  });

  it('exists:false does not match a field that is null', () => {
    expect(matches({ detail: { description: [{ exists: false }] } }, withDetail({ description: null }))).toBe(false);
  });

  it('an empty array holds no value, so the field does not exist', () => {
    const event = withDetail({ list: [] });
    expect(matches({ detail: { list: [{ exists: false }] } }, event)).toBe(true);
    expect(matches({ detail: { list: [{ exists: true }] } }, event)).toBe(false);
  });

  it('combines with other values of the same field (absent, or present and not "roses")', () => {
    const pattern = {
      dynamodb: { NewImage: { homemade: { S: [{ 'anything-but': ['roses'] }, { exists: false }] } } },
    };
    expect(matches(pattern, { dynamodb: { NewImage: { purchased: { N: '789' } } } })).toBe(true);
    expect(matches(pattern, { dynamodb: { NewImage: { homemade: { S: 'tulips' } } } })).toBe(true);
    expect(matches(pattern, { dynamodb: { NewImage: { homemade: { S: 'roses' } } } })).toBe(false);
  });
});

describe('wildcard', () => {
  const wildcard = (filter: string, value: unknown) => detailMatches('v', [{ wildcard: filter }], value);

  it('matches zero or more characters at each *', () => {
    expect(wildcard('*.png', 'image.png')).toBe(true);
    expect(wildcard('*.png', '.png')).toBe(true);
    expect(wildcard('*.png', 'image.png.bak')).toBe(false);
    expect(wildcard('*Title*', 'The Title Page')).toBe(true);
    expect(wildcard('*Title*', 'The title page')).toBe(false);
    expect(wildcard('Simple*Service', 'SimpleQueueService')).toBe(true);
    expect(wildcard('Simple*Service', 'SimpleService')).toBe(true);
    expect(wildcard('Simple*Service', 'SimpleServices')).toBe(false);
  });

  it('matches event bus ARNs in any account ("arn:aws:events:us-east-1:*:event-bus/*")', () => {
    const filter = 'arn:aws:events:us-east-1:*:event-bus/*';
    expect(wildcard(filter, 'arn:aws:events:us-east-1:123456789012:event-bus/myEventBus')).toBe(true);
    expect(wildcard(filter, 'arn:aws:events:us-west-2:123456789012:event-bus/myEventBus')).toBe(false);
  });

  it('reads \\* as a literal asterisk and \\\\ as a literal backslash', () => {
    expect(wildcard('a\\*b', 'a*b')).toBe(true);
    expect(wildcard('a\\*b', 'axb')).toBe(false);
    expect(wildcard('a\\\\b', 'a\\b')).toBe(true);
    expect(wildcard('a\\\\*', 'a\\anything')).toBe(true);
  });

  it('accepts a long filter with repeated segments after one wildcard', () => {
    const filter = '/Users/*/dir/dir/dir/dir/dir/doc.txt';
    expect(wildcard(filter, '/Users/ls_user/dir/dir/dir/dir/dir/doc.txt')).toBe(true);
    expect(wildcard(filter, '/Users/ls_user/dir/dir/dir/dir/doc.txt')).toBe(false);
  });

  it('only matches strings', () => {
    expect(wildcard('*', 5)).toBe(false);
    expect(wildcard('*', '')).toBe(true);
  });
});

describe('cidr', () => {
  const inCidr = (cidr: string, value: unknown) => detailMatches('sourceIPAddress', [{ cidr }], value);

  it('matches the user guide "10.0.0.0/24" example at its boundaries', () => {
    expect(inCidr('10.0.0.0/24', '10.0.0.0')).toBe(true);
    expect(inCidr('10.0.0.0/24', '10.0.0.33')).toBe(true);
    expect(inCidr('10.0.0.0/24', '10.0.0.255')).toBe(true);
    expect(inCidr('10.0.0.0/24', '10.0.1.0')).toBe(false);
    expect(inCidr('10.0.0.0/24', '9.255.255.255')).toBe(false);
  });

  it('handles narrow and wide masks', () => {
    expect(inCidr('192.168.1.0/31', '192.168.1.1')).toBe(true);
    expect(inCidr('192.168.1.0/31', '192.168.1.2')).toBe(false);
    expect(inCidr('0.0.0.0/0', '255.255.255.255')).toBe(true);
    expect(inCidr('10.0.0.0/8', '10.255.255.255')).toBe(true);
    expect(inCidr('10.0.0.0/8', '11.0.0.0')).toBe(false);
  });

  it('matches IPv6 ranges and never mixes address families', () => {
    expect(inCidr('2001:db8:1234:1a00::/64', '2001:db8:1234:1a00::1')).toBe(true);
    expect(inCidr('2001:db8:1234:1a00::/64', '2001:0db8:1234:1a00:ffff:ffff:ffff:ffff')).toBe(true);
    expect(inCidr('2001:db8:1234:1a00::/64', '2001:db8:1234:1a01::')).toBe(false);
    expect(inCidr('::/0', '10.0.0.1')).toBe(false);
    expect(inCidr('0.0.0.0/0', '::1')).toBe(false);
  });

  it('reads an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(inCidr('10.0.0.0/8', '::ffff:a00:1')).toBe(true);
  });

  it('only matches strings holding an IP address', () => {
    expect(inCidr('10.0.0.0/24', 'not an ip')).toBe(false);
    expect(inCidr('10.0.0.0/24', '10.0.0.256')).toBe(false);
    expect(inCidr('10.0.0.0/24', 167772161)).toBe(false);
  });
});
