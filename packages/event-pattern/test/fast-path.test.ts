import { describe, expect, it } from 'vitest';
import { flattenEvent } from '../src/flatten.ts';
import { matchesFlat, matchesWithoutArrays } from '../src/match.ts';
import { parsePattern } from '../src/parse.ts';

/** The array-free fast path must give the general matcher's answer on every pattern and array-free event. */
const patterns: unknown[] = [
  { source: ['cocreate.projects'] },
  { detail: { amount: [{ numeric: ['>', 10, '<=', 100] }] } },
  { detail: { place: [{ prefix: 'hubei/huanggang/hongan' }] } },
  { detail: { place: [{ suffix: '/majiaqiao' }] } },
  { detail: { state: [{ 'anything-but': ['stopped', 'pending'] }] } },
  { detail: { state: [{ 'anything-but': { prefix: 'st' } }] } },
  { detail: { note: [{ exists: false }] } },
  { detail: { note: [{ exists: true }] } },
  { detail: { note: [null] } },
  { detail: { state: [{ 'equals-ignore-case': 'RUNNING' }] } },
  { detail: { state: [{ wildcard: 'ru*ng' }] } },
  { detail: { ip: [{ cidr: '10.0.0.0/24' }] } },
  { $or: [{ detail: { amount: [5] } }, { detail: { state: ['running'] } }] },
  { detail: { $or: [{ note: [{ exists: false }] }, { amount: [{ numeric: ['<', 0] }] }] } },
  { source: ['x'], detail: { state: ['running'], amount: [50] } },
];
const events = [
  {
    source: 'cocreate.projects',
    detail: { amount: 50, place: 'hubei/huanggang/hongan/qiliping/majiaqiao', state: 'running', ip: '10.0.0.7' },
  },
  { source: 'x', detail: { amount: 5, state: 'Stopped', note: null, ip: '10.0.1.7' } },
  { source: 'x', detail: { amount: 101, state: 'running', note: 'n', place: 'hubei/huanggang/macheng' } },
  { source: 'cocreate.rewards', detail: { amount: -1 } },
  { detail: {} },
];

describe('array-free fast path', () => {
  it('agrees with the general matcher on every pattern × event', () => {
    let compared = 0;
    for (const p of patterns) {
      const parsed = parsePattern(p);
      if (!('rule' in parsed)) throw new Error(`invalid test pattern ${JSON.stringify(p)}`);
      for (const e of events) {
        const flat = flattenEvent(e);
        expect(matchesWithoutArrays(parsed.rule, flat), `${JSON.stringify(p)} on ${JSON.stringify(e)}`).toBe(
          matchesFlat(parsed.rule, flat),
        );
        compared++;
      }
    }
    expect(compared).toBe(patterns.length * events.length);
  });
});
