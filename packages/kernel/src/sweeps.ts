/**
 * What every scheduled sweep shares (notices ending, polls closing, deliveries due, holds expiring, payouts unpaid):
 * a due index spread over shards so no partition is province-wide, a time budget that leaves room before the
 * function's own timeout, and bounded concurrency. Each item's own lease or condition stays with its service: the
 * sweep only decides what to try next and when to stop.
 */

/** The shard of a key: a stable hash (31-multiplier, unsigned) modulo the shard count. */
export function shardOf(key: string, shards: number): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return h % shards;
}

/** Every shard number, 0…shards−1. */
export const everyShard = (shards: number): number[] => Array.from({ length: shards }, (_, i) => i);

/**
 * Whether a run may start more work: within its own wall-clock budget, and with at least `marginMs` left before the
 * function times out (`remainingMs`, from the Lambda context) — the work in hand must finish.
 */
export function budget(opts: { budgetMs: number; marginMs: number; remainingMs: () => number }): () => boolean {
  const started = performance.now();
  return () => performance.now() - started < opts.budgetMs && opts.remainingMs() > opts.marginMs;
}

/**
 * `work` on each item with at most `limit` at once, in order of start; no new item is started once `go()` says no
 * or an item failed. Returns how many were started; after a failure, waits for the items in flight and rethrows
 * the first error (catch inside `work` to keep going past failures).
 */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
  go: () => boolean = () => true,
): Promise<number> {
  let next = 0;
  let failed: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failed && go()) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed) throw failed.error;
  return next;
}

/**
 * A sweep of a sharded due index: asks every shard for what is due (a page each), works through the lot with bounded
 * concurrency, and asks again until nothing new is due or the budget is spent. An item seen once in a run is not
 * tried again in that run (a retry waits for the next), so a failing item cannot spin the loop.
 */
export async function sweepDue<T>(opts: {
  shards: number;
  due: (shard: number) => Promise<readonly T[]>;
  key: (item: T) => string;
  each: (item: T) => Promise<void>;
  concurrency: number;
  go: () => boolean;
}): Promise<{ tried: number; exhausted: boolean }> {
  const seen = new Set<string>();
  let tried = 0;
  while (opts.go()) {
    const pages = await Promise.all(everyShard(opts.shards).map((s) => opts.due(s)));
    const fresh = pages.flat().filter((item) => !seen.has(opts.key(item)));
    if (fresh.length === 0) return { tried, exhausted: true };
    for (const item of fresh) seen.add(opts.key(item));
    tried += await forEachLimit(fresh, opts.concurrency, opts.each, opts.go);
  }
  return { tried, exhausted: false };
}
