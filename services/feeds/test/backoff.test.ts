import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, RETRY_CAP_MS, RETRY_WINDOW_MS, nextAttempt, retryCeilingMs, scheduleTable } from '../domain/backoff.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const t0 = new Date('2026-03-01T00:00:00.000Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

/** A small seeded generator so the simulated schedules are reproducible. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('retry schedule: exponential backoff with full jitter for 24 h', () => {
  it('doubles the ceiling from one minute up to the six-hour cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(retryCeilingMs)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256].map((m) => m * MIN));
    expect(retryCeilingMs(10)).toBe(RETRY_CAP_MS);
    expect(retryCeilingMs(29)).toBe(RETRY_CAP_MS);
    expect(() => retryCeilingMs(0)).toThrow();
  });

  it('waits between zero and the ceiling (full jitter)', () => {
    const low = nextAttempt({ attempts: 5, firstAttemptAt: t0, failedAt: at(HOUR), random: () => 0 });
    const high = nextAttempt({ attempts: 5, firstAttemptAt: t0, failedAt: at(HOUR), random: () => 0.999999 });
    expect(low).toEqual({ retryAt: at(HOUR) });
    expect('retryAt' in high && high.retryAt.getTime() - at(HOUR).getTime()).toBeLessThanOrEqual(16 * MIN);
    expect('retryAt' in high && high.retryAt.getTime() - at(HOUR).getTime()).toBeGreaterThan(15 * MIN);
  });

  it('never schedules past 24 h after the first attempt; an attempt at the deadline is the last', () => {
    const late = nextAttempt({ attempts: 12, firstAttemptAt: t0, failedAt: at(23 * HOUR), random: () => 0.99 });
    expect(late).toEqual({ retryAt: at(RETRY_WINDOW_MS) });
    expect(nextAttempt({ attempts: 13, firstAttemptAt: t0, failedAt: at(RETRY_WINDOW_MS), random: () => 0 })).toEqual({ dead: true });
    expect(nextAttempt({ attempts: 13, firstAttemptAt: t0, failedAt: at(RETRY_WINDOW_MS - 1), random: () => 0 })).toEqual({
      retryAt: at(RETRY_WINDOW_MS - 1),
    });
  });

  it('gives up after the attempt cap whatever the jitter drew', () => {
    expect(nextAttempt({ attempts: MAX_ATTEMPTS, firstAttemptAt: t0, failedAt: at(MIN), random: () => 0 })).toEqual({ dead: true });
    expect('retryAt' in nextAttempt({ attempts: MAX_ATTEMPTS - 1, firstAttemptAt: t0, failedAt: at(MIN), random: () => 0 })).toBe(true);
  });

  it('honours Retry-After as a lower bound, still within the window', () => {
    expect(nextAttempt({ attempts: 1, firstAttemptAt: t0, failedAt: t0, random: () => 0, retryAfterMs: 30 * MIN })).toEqual({
      retryAt: at(30 * MIN),
    });
    expect(nextAttempt({ attempts: 1, firstAttemptAt: t0, failedAt: at(23.9 * HOUR), random: () => 0, retryAfterMs: 5 * HOUR })).toEqual({
      retryAt: at(RETRY_WINDOW_MS),
    });
  });

  it('simulated failing endpoints: attempts stay within 24 h, the last one is at 24 h, waits within their ceilings', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = seeded(seed);
      let now = t0;
      let attempts = 1;
      const times = [now.getTime()];
      for (;;) {
        const d = nextAttempt({ attempts, firstAttemptAt: t0, failedAt: now, random });
        if ('dead' in d) break;
        const wait = d.retryAt.getTime() - now.getTime();
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(retryCeilingMs(attempts));
        now = d.retryAt;
        times.push(now.getTime());
        attempts++;
      }
      expect(attempts).toBeLessThanOrEqual(MAX_ATTEMPTS);
      expect(now.getTime() - t0.getTime()).toBeLessThanOrEqual(RETRY_WINDOW_MS);
      // Either the cap on attempts ended it, or the final attempt was made exactly at the 24 h mark.
      if (attempts < MAX_ATTEMPTS) expect(now.getTime() - t0.getTime()).toBe(RETRY_WINDOW_MS);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('documents its schedule: ceilings grow to the cap, the latest retry time reaches the 24 h window', () => {
    const table = scheduleTable();
    expect(table[0]).toEqual({ retry: 1, ceilingMs: MIN, latestSinceFirstMs: MIN });
    expect(table.at(-1)!.latestSinceFirstMs).toBe(RETRY_WINDOW_MS);
    for (let i = 1; i < table.length; i++) expect(table[i]!.latestSinceFirstMs).toBeGreaterThan(table[i - 1]!.latestSinceFirstMs);
  });
});
