import { type ServiceContext, everyShard } from '@cocreate/kernel';
import { LOG_SHARDS, type StagedEntry } from '../domain/log.ts';
import { eventLog } from '../repos/log.ts';

/**
 * Gives events their place in the log (see domain/log.ts for why the order is gapless) by group commit. A
 * dispatcher first stages its event (no contention: keyed by the event id), then commits a batch: the oldest staged
 * events of the root, appended at counter + 1, + 2, … in one transaction conditional on the counter. When many
 * events of one county arrive at once, one dispatcher's batch sequences the others' events too and they find their
 * seq already assigned, instead of every event fighting for the counter in turn (which collapses under a burst).
 *
 * A dispatcher that loses the race for a batch does not recompute it straight away: the winner's batch most likely
 * held its event, so it first looks for its pointer, after a short jittered pause that grows with each loss. Under
 * a burst that keeps the number of competing batch transactions near one, instead of every dispatcher re-sending a
 * 90-write transaction that is bound to fail again.
 *
 * A county's stage is spread over LOG_SHARDS partitions by event id (so a burst's staging writes do not all land on
 * one key); a batch reads the oldest few of every stage shard and appends the oldest of them under the county's one
 * counter, which keeps the county's order one sequence.
 *
 * Staging and sequencing commit on their own (ctx.unit), before the dispatcher's transaction. Both are idempotent:
 * staging is refused once the event has a pointer, and a re-run finds the pointer and stops. If a dispatcher dies
 * between staging and sequencing, the bus redelivers the event (and the delivery job sweeps staged events too).
 */

/** Staged events per sequencing transaction: 3 writes each plus the counter, under DynamoDB's 100. */
const BATCH = 30;
/** Staged events read from each stage shard for a batch (a shard with more is taken by the next batch). */
const PER_SHARD = 8;
/** And under the 4 MB a transaction may carry (events are ≤ 240 KB each, usually ~1 KB). */
const BATCH_BYTES = 3_000_000;
const ROUNDS = 60;
/** Pause after a lost batch: full jitter, doubling from 20 ms to at most 1 s. */
const pauseAfterLoss = (losses: number) =>
  new Promise((r) => setTimeout(r, Math.random() * Math.min(1_000, 20 * 2 ** Math.min(losses, 6))));

/** Tries at staging an event whose transaction lost to a concurrent one (not to its own conditions). */
const STAGE_TRIES = 10;

/** The event's position in the log, sequencing it first if needed. */
export async function sequence(ctx: ServiceContext, entry: StagedEntry): Promise<{ root: string; seq: number }> {
  const existing = await eventLog.pointer(ctx.table, entry.eventId);
  if (existing) return existing;
  await stage(ctx, entry);
  let losses = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Just staged, the event is most likely still waiting: sequence first, look for its pointer only after a round
    // that did not append it (another dispatcher's batch may have).
    if (round > 0) {
      const ptr = await eventLog.pointer(ctx.table, entry.eventId);
      if (ptr) return ptr;
    }
    const outcome = await sequenceBatch(ctx, entry.root);
    if (outcome === 'lost') {
      await pauseAfterLoss(losses++);
      continue;
    }
    // This batch committed the event: its seq is known without reading the pointer back.
    const own = outcome.seqs.get(entry.eventId);
    if (own !== undefined) return { root: entry.root, seq: own };
  }
  throw new Error(`event ${entry.eventId} not sequenced after ${ROUNDS} rounds`);
}

/**
 * Stages the event unless it is staged or sequenced already. A staging that loses (`'lost'`) either met those
 * conditions — the event is there, nothing to do — or lost to a concurrent transaction on the same items: then it
 * looks which, and stages again if the event is in neither place.
 */
async function stage(ctx: ServiceContext, entry: StagedEntry): Promise<void> {
  for (let tries = 1; ; tries++) {
    if ((await ctx.tryUnit(async (tx) => eventLog.stage(tx, entry, 'retry'))) !== 'lost') return;
    if (tries >= STAGE_TRIES) return;
    const [staged, pointer] = await Promise.all([
      eventLog.isStaged(ctx.table, entry.root, entry.eventId),
      eventLog.pointer(ctx.table, entry.eventId),
    ]);
    if (staged || pointer) return;
    await pauseAfterLoss(tries);
  }
}

/**
 * Appends the oldest staged events of a root; returns how many and the seq each event got, or 'lost' if another
 * batch got there first.
 */
export async function sequenceBatch(ctx: ServiceContext, root: string): Promise<{ appended: number; seqs: Map<string, number> } | 'lost'> {
  let seqs = new Map<string, number>();
  const outcome = await ctx.tryUnit(async (tx) => {
    seqs = new Map();
    // The oldest staged events of every stage shard of the root, not only the caller's: one batch sequences what
    // the other dispatchers of the county staged too, as one stage did before it was spread over shards.
    const perShard = await Promise.all(everyShard(LOG_SHARDS).map((s) => eventLog.staged(ctx.table, root, s, PER_SHARD)));
    const staged = perShard
      .flat()
      .sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0))
      .slice(0, BATCH);
    const batch: StagedEntry[] = [];
    let bytes = 0;
    for (const s of staged) {
      bytes += s.detail.length + 512;
      if (batch.length > 0 && bytes > BATCH_BYTES) break;
      batch.push(s);
    }
    if (batch.length === 0) return;
    const previous = await eventLog.counter(ctx.table, root);
    seqs = new Map(eventLog.appendBatch(tx, batch, previous, ctx.now()).map((e) => [e.eventId, e.seq]));
  });
  // 'duplicate' cannot happen (the unit has no processed-event marker); only 'committed' means the seqs hold.
  return outcome === 'lost'
    ? 'lost'
    : { appended: outcome === 'committed' ? seqs.size : 0, seqs: outcome === 'committed' ? seqs : new Map() };
}

/** Sequences whatever is left staged in the known roots (a dispatcher that died mid-way); bounded by `inBudget`. */
export async function sweepStaged(ctx: ServiceContext, inBudget: () => boolean): Promise<number> {
  let total = 0;
  for (const root of await eventLog.roots(ctx.table)) {
    let losses = 0;
    while (inBudget()) {
      const outcome = await sequenceBatch(ctx, root);
      if (outcome === 'lost') {
        await pauseAfterLoss(losses++);
        continue;
      }
      total += outcome.appended;
      if (outcome.appended === 0) break;
    }
  }
  return total;
}
