/**
 * When to try a failed webhook delivery again: exponential backoff with full jitter, for at most 24 hours after the
 * first attempt. Retry n waits a uniformly random time in [0, min(cap, base · 2^(n−1))] after the attempt that
 * failed ("full jitter": receivers recovering from an outage are not hit by every sender at the same instant). The
 * last attempt is made at exactly 24 h; after it, or after {@link MAX_ATTEMPTS}, the delivery is dead-lettered.
 */

export const RETRY_BASE_MS = 60_000; // 1 minute
export const RETRY_CAP_MS = 6 * 3600_000; // 6 hours
export const RETRY_WINDOW_MS = 24 * 3600_000; // 24 hours from the first attempt
/** A bound on attempts whatever the jitter draws (the expected number within 24 h is about 18). */
export const MAX_ATTEMPTS = 30;

/** The ceiling of the wait before retry `n` (n = 1 is the first retry, after the first attempt failed). */
export function retryCeilingMs(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`retry number must be a positive integer, got ${n}`);
  // 2^(n−1) overflows nothing: beyond n = 30 the cap has long been reached.
  return Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(n - 1, 30));
}

export type RetryDecision = { retryAt: Date } | { dead: true };

/**
 * The decision after attempt number `attempts` (1-based, counting the one that just failed) failed at `failedAt`.
 * `random` is a uniform [0, 1) source (injected so tests can pin it). A server's `Retry-After` is honoured as a
 * lower bound. Never schedules past the 24 h window; an attempt made at or after its end is the last.
 */
export function nextAttempt(input: {
  attempts: number;
  firstAttemptAt: Date;
  failedAt: Date;
  random: () => number;
  retryAfterMs?: number;
}): RetryDecision {
  const deadline = input.firstAttemptAt.getTime() + RETRY_WINDOW_MS;
  if (input.attempts >= MAX_ATTEMPTS || input.failedAt.getTime() >= deadline) return { dead: true };
  const r = Math.min(Math.max(input.random(), 0), 1);
  let wait = Math.floor(r * retryCeilingMs(input.attempts));
  if (input.retryAfterMs !== undefined && input.retryAfterMs > wait) wait = input.retryAfterMs;
  const at = Math.min(input.failedAt.getTime() + wait, deadline);
  return { retryAt: new Date(at) };
}

/** The documented schedule: per retry, its longest wait and the latest time since the first attempt it can happen. */
export function scheduleTable(): { retry: number; ceilingMs: number; latestSinceFirstMs: number }[] {
  const rows: { retry: number; ceilingMs: number; latestSinceFirstMs: number }[] = [];
  let latest = 0;
  for (let n = 1; latest < RETRY_WINDOW_MS && n < MAX_ATTEMPTS; n++) {
    const ceilingMs = retryCeilingMs(n);
    latest = Math.min(latest + ceilingMs, RETRY_WINDOW_MS);
    rows.push({ retry: n, ceilingMs, latestSinceFirstMs: latest });
  }
  return rows;
}
