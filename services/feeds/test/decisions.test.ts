import { describe, expect, it } from 'vitest';
import { repeatedAt, withMembers } from '../domain/agencies.ts';
import { refused } from '../domain/refusals.ts';
import { type Subscription, atVersion, notPaused, resume, webhookOnly } from '../domain/subscriptions.ts';

const now = new Date('2026-06-01T08:00:00.000Z');

const subscription = (over: Partial<Subscription> = {}): Subscription => ({
  subscriptionId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0S',
  agencyId: 'audit-hongan',
  jurisdiction: 'hubei/huanggang/hongan',
  name: 'all',
  pattern: '{"source":[{"prefix":"cocreate."}]}',
  delivery: { mode: 'webhook', url: 'https://audit.hongan.gov.cn/hooks' },
  status: 'active',
  consecutiveDeadLetters: 0,
  secrets: [],
  schemaBaseUrl: 'https://cocreate.example.cn',
  createdBy: 'agency-1',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
  version: 3,
  ...over,
});

const paused = (pausedAt: string) =>
  subscription({
    status: 'paused',
    consecutiveDeadLetters: 3,
    pause: { reason: 'consecutive-dead-letters', detail: { zh: '暂停', en: 'paused' }, pausedAt },
  });

describe('agency members', () => {
  it('finds the first repeat of a members list', () => {
    expect(repeatedAt(['a', 'b', 'c'])).toBeUndefined();
    expect(repeatedAt(['a', 'b', 'a', 'b'])).toBe(2);
  });

  it('adds only new members, up to the limit', () => {
    expect(withMembers({ members: ['a', 'b'] }, ['b', 'c'])).toEqual({ members: ['a', 'b', 'c'], added: ['c'] });
    const full = { members: Array.from({ length: 200 }, (_, i) => `m${i}`) };
    expect(withMembers(full, ['m1'])).toEqual({ members: full.members, added: [] });
    expect(withMembers(full, ['new'])).toEqual(refused('too-many-members'));
  });
});

describe('subscription decisions', () => {
  it('only webhook subscriptions are redriven, replayed or given secrets', () => {
    expect(webhookOnly(subscription())).toMatchObject({ delivery: { mode: 'webhook' } });
    expect(webhookOnly(subscription({ delivery: { mode: 'pull' } }))).toEqual(refused('not-a-webhook-subscription'));
  });

  it('a paused subscription is resumed before anything is sent again', () => {
    expect(notPaused(subscription())).toMatchObject({ status: 'active' });
    expect(notPaused(paused(now.toISOString()))).toEqual(refused('subscription-paused'));
  });

  it('an edit from an older version is refused with the current one', () => {
    expect(atVersion(subscription(), 3)).toMatchObject({ version: 3 });
    expect(atVersion(subscription(), 2)).toEqual(refused('stale-version', { currentVersion: 3 }));
  });

  it('resumes a paused subscription, with the paused window clamped to one replay', () => {
    expect(resume(subscription(), now)).toEqual(refused('not-paused'));
    const r = resume(paused('2026-05-31T08:00:00.000Z'), now);
    expect(r).toMatchObject({
      next: { status: 'active', consecutiveDeadLetters: 0, version: 4, updatedAt: now.toISOString() },
      pausedAt: '2026-05-31T08:00:00.000Z',
      missedFrom: new Date('2026-05-31T08:00:00.000Z'),
    });
    expect('pause' in (r as { next: Subscription }).next).toBe(false);
    const long = resume(paused('2026-01-01T00:00:00.000Z'), now) as { missedFrom: Date };
    expect(long.missedFrom.getTime()).toBe(now.getTime() - 31 * 86_400_000 + 60_000);
  });
});
