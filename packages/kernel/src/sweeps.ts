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
 * The budget of a scheduled sweep: four of a job function's five minutes, with 20 s kept to finish the unit in hand;
 * what is left is the next run's.
 */
export const jobBudget = (ctx: { remainingMs: () => number }, opts: { budgetMs?: number; marginMs?: number } = {}): (() => boolean) =>
  budget({ budgetMs: opts.budgetMs ?? 240_000, marginMs: opts.marginMs ?? 20_000, remainingMs: ctx.remainingMs });

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
 * A sweep of a sharded due index: walks every shard's due items page by page, works through each page with
 * bounded concurrency, and walks again until a walk finds nothing new or the budget is spent. An item seen once in a
 * run is not tried again in that run (a retry waits for the next), so an item that stays due — waiting on something,
 * or failing — neither spins the loop nor hides the items behind it.
 */
export async function sweepDue<T>(opts: {
  shards: number;
  due: (shard: number, cursor?: string) => Promise<{ items: readonly T[]; cursor?: string | undefined }>;
  key: (item: T) => string;
  each: (item: T) => Promise<void>;
  concurrency: number;
  go: () => boolean;
}): Promise<{ tried: number; exhausted: boolean }> {
  const seen = new Set<string>();
  let tried = 0;
  const walk = async (shard: number): Promise<boolean> => {
    let found = false;
    let cursor: string | undefined;
    do {
      const page = await opts.due(shard, cursor);
      const fresh = page.items.filter((item) => !seen.has(opts.key(item)));
      for (const item of fresh) seen.add(opts.key(item));
      found ||= fresh.length > 0;
      tried += await forEachLimit(fresh, opts.concurrency, opts.each, opts.go);
      cursor = page.cursor;
    } while (cursor && opts.go());
    return found;
  };
  while (opts.go()) {
    const found = await Promise.all(everyShard(opts.shards).map(walk));
    if (!found.some(Boolean)) return { tried, exhausted: true };
  }
  return { tried, exhausted: false };
}
