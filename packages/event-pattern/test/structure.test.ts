/**
 * How patterns combine: fields are ANDed, values ORed, `$or` branches, arrays in events, nesting and the
 * compile/match API.
 */
import { describe, expect, it } from 'vitest';
import { compilePattern, InvalidEventPatternError, matches } from '../src/index.ts';
import { ec2Event } from './fixtures.ts';

describe('fields and nesting', () => {
  it('ignores event fields the pattern does not name', () => {
    expect(matches({ detail: { state: ['running'] } }, ec2Event)).toBe(true);
  });

  it('requires every named field, with the same nesting', () => {
    expect(matches({ detail: { state: ['running'], missing: ['x'] } }, ec2Event)).toBe(false);
    expect(matches({ state: ['running'] }, ec2Event)).toBe(false);
    expect(matches({ detail: { state: { deeper: ['running'] } } }, ec2Event)).toBe(false);
  });

  it('matches keys case-sensitively', () => {
    expect(matches({ Source: ['aws.ec2'] }, ec2Event)).toBe(false);
  });

  it('joins nested keys with "." as event-ruler does, in the pattern and in the event', () => {
    expect(matches({ 'detail.state': ['running'] }, ec2Event)).toBe(true);
    expect(matches({ detail: { state: ['running'] } }, { 'detail.state': 'running' })).toBe(true);
    expect(matches({ 'detail.state': ['stopped'] }, ec2Event)).toBe(false);
  });

  it('matches the event-ruler README complex example and fails when one field is off', () => {
    const pattern = {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
      },
    };
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, { ...ec2Event, detail: { ...ec2Event.detail, 'source-ip': '11.0.0.1' } })).toBe(false);
  });
});

describe('arrays in events ("Arrays in Amazon EventBridge event patterns")', () => {
  const pattern = {
    resources: [
      'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
      'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
    ],
  };

  it('matches when the pattern and event arrays intersect', () => {
    const event = {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    };
    expect(matches(pattern, event)).toBe(true);
  });

  it('does not match disjoint or empty arrays', () => {
    expect(matches(pattern, { resources: ['arn:aws:ec2:us-east-1:999999999999:instance/i-b188560f'] })).toBe(false);
    expect(matches(pattern, { resources: [] })).toBe(false);
    expect(matches({ resources: [null] }, { resources: [] })).toBe(false);
  });

  it('looks through arrays of objects and nested arrays', () => {
    const employees = { employees: { firstName: ['Anna'] } };
    const flat = { employees: [{ firstName: 'John' }, { firstName: 'Anna' }] };
    const nested = { employees: [[{ firstName: 'John' }], [{ firstName: 'Anna' }]] };
    expect(matches(employees, flat)).toBe(true);
    expect(matches(employees, nested)).toBe(true);
    expect(matches({ employees: { firstName: ['Peter'] } }, flat)).toBe(false);
  });

  it('takes all fields of a match from the same array element (array-consistent matching)', () => {
    const event = {
      employees: [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ],
    };
    expect(matches({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }, event)).toBe(true);
    expect(matches({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, event)).toBe(false);
  });

  it('checks exists:false within the same array element', () => {
    const event = { items: [{ id: 1, gift: true }, { id: 2 }] };
    expect(matches({ items: { id: [2], gift: [{ exists: false }] } }, event)).toBe(true);
    expect(matches({ items: { id: [1], gift: [{ exists: false }] } }, event)).toBe(false);
  });
});

describe('$or', () => {
  it('matches "source AND (metricName OR namespace)"', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    };
    expect(matches(pattern, { source: 'aws.cloudwatch', metricName: 'ReadLatency' })).toBe(true);
    expect(matches(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/ES' })).toBe(true);
    expect(matches(pattern, { source: 'aws.cloudwatch', metricName: 'DiskUsage' })).toBe(false);
    expect(matches(pattern, { source: 'aws.ec2', metricName: 'ReadLatency' })).toBe(false);
  });

  it('does not match when no branch does, even if the branches name unrelated fields', () => {
    const pattern = { $or: [{ source: ['aws.ec2'] }, { source: ['aws.s3'] }] };
    expect(matches(pattern, { source: 'my.app' })).toBe(false);
    expect(matches(pattern, { source: 'aws.s3' })).toBe(true);
  });

  it('combines parallel $or groups at different levels', () => {
    const pattern = {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    };
    expect(matches(pattern, { namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } })).toBe(true);
    expect(matches(pattern, { namespace: 'AWS/EC2', detail: { source: 'aws.ec2' } })).toBe(false);
    expect(matches(pattern, { metricName: 'Other', detail: { source: 'aws.cloudwatch' } })).toBe(false);
  });

  it('supports AND inside a branch and $or nested inside a branch', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        {
          metricType: ['MetricType'],
          namespace: ['AWS/EC2', 'AWS/ES'],
          $or: [{ metricId: [1234] }, { spaceId: [1000] }],
        },
        { scope: ['Service'] },
      ],
    };
    const base = { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2' };
    expect(matches(pattern, { ...base, spaceId: 1000 })).toBe(true);
    expect(matches(pattern, { ...base, spaceId: 1001 })).toBe(false);
    expect(matches(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/EC2', metricId: 1234 })).toBe(false);
    expect(matches(pattern, { source: 'aws.cloudwatch', scope: 'Service' })).toBe(true);
  });

  it('lets a branch use exists:false', () => {
    const pattern = {
      detail: { $or: [{ RestrictPublicBuckets: [false] }, { RestrictPublicBuckets: [{ exists: false }] }] },
    };
    expect(matches(pattern, { detail: {} })).toBe(true);
    expect(matches(pattern, { detail: { RestrictPublicBuckets: false } })).toBe(true);
    expect(matches(pattern, { detail: { RestrictPublicBuckets: true } })).toBe(false);
  });
});

describe('compilePattern and matches', () => {
  it('compiles once and matches many events', () => {
    const isEc2 = compilePattern({ source: ['aws.ec2'] });
    expect(isEc2(ec2Event)).toBe(true);
    expect(isEc2({ source: 'aws.s3' })).toBe(false);
  });

  it('accepts the pattern as JSON text, as the EventBridge API does', () => {
    expect(matches('{"detail":{"state":["running"]}}', ec2Event)).toBe(true);
  });

  it('does not match events that are not JSON objects', () => {
    const any = compilePattern({ a: [{ exists: false }] });
    expect(any({})).toBe(true);
    expect(any(null)).toBe(false);
    expect(any([])).toBe(false);
    expect(any('{}')).toBe(false);
  });

  it('throws an InvalidEventPatternError listing every reason', () => {
    let thrown: unknown;
    try {
      compilePattern({ a: [], b: 'x' });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvalidEventPatternError);
    expect((thrown as InvalidEventPatternError).errors).toEqual([
      'Empty arrays are not allowed at a',
      '"b" must be an object or an array at b',
    ]);
    expect((thrown as Error).message).toBe(
      'Event pattern is not valid. Reason: Empty arrays are not allowed at a; "b" must be an object or an array at b',
    );
  });
});
