import { type OnConflict, type Table, type UnitOfWork, cond, everyShard, readRecord, recordOf } from '@cocreate/kernel';
import { LOG_RETENTION_DAYS, LOG_SHARDS, type LogEntry, type StagedEntry, logShardOf, seqKey, seqRanges } from '../domain/log.ts';
import { timeKey } from '../domain/replays.ts';
import { KEEP_VERSION, keys, ttlAfterDays } from './keys.ts';

/**
 * The feeds' event log: staged events, the entries in seq order per root (spread over LOG_SHARDS partitions each),
 * their pointers and the roots' counters.
 */
export const eventLog = {
  async counter(table: Table, root: string): Promise<number | undefined> {
    return (await readRecord<{ seq: number }>(table, keys.logCounter(root)))?.seq;
  },

  /** Every log root, read consistently (a root created after this read is simply read from seq 1 next time). */
  async roots(table: Table): Promise<string[]> {
    const items = await table.queryAll({ pk: 'LOGROOTS', consistent: true });
    return items.map((i) => i.sk);
  },

  /**
   * Stages an event for sequencing (keyed by its id, so a re-run stages nothing new), unless it was sequenced
   * already: both conditions in one transaction, so a duplicate delivery racing a sequencer cannot stage it again.
   */
  stage(tx: UnitOfWork, entry: StagedEntry, alreadyDone: OnConflict): void {
    tx.put({ ...keys.staged(entry.root, entry.eventId), ...entry }, { condition: cond.notExists(), onConflict: alreadyDone });
    tx.check(keys.pointer(entry.eventId), cond.notExists(), alreadyDone);
  },

  /** Whether an event waits in the stage of its root. */
  async isStaged(table: Table, root: string, eventId: string): Promise<boolean> {
    return (await table.get(keys.staged(root, eventId))) !== undefined;
  },

  /** Where a sequenced event is in the log. */
  async pointer(table: Table, eventId: string): Promise<{ root: string; seq: number } | undefined> {
    const item = await readRecord<{ root: string; seq: number }>(table, keys.pointer(eventId));
    return item ? { root: item.root, seq: item.seq } : undefined;
  },

  /** The oldest staged events of one stage shard of a root (by event id, a ULID), read consistently. */
  async staged(table: Table, root: string, shard: number, limit: number): Promise<StagedEntry[]> {
    const page = await table.query({ pk: keys.stage(root, shard), limit, consistent: true });
    return page.items.map((i) => recordOf<StagedEntry>(i, KEEP_VERSION));
  },

  /**
   * Appends staged events at `previous + 1, + 2, …` in one transaction: each becomes a log entry with a pointer
   * from its id and leaves the stage, and the root's counter moves from `previous` only if it is still `previous`.
   * A concurrent sequencer of the same root makes the conditions fail; the caller re-reads and tries again. The
   * root's first batch also lists the root (LOGROOTS), once: later batches write only their own county's keys.
   */
  appendBatch(tx: UnitOfWork, batch: readonly StagedEntry[], previous: number | undefined, now: Date): LogEntry[] {
    const committedAt = now.toISOString();
    const entries = batch.map((s, i): LogEntry => ({ ...s, seq: (previous ?? 0) + i + 1, committedAt }));
    const root = batch[0]!.root;
    for (const e of entries) {
      if (e.root !== root) throw new Error('one root per batch');
      tx.put(
        {
          ...keys.logEntry(e.root, e.seq),
          gsi2pk: keys.logTime(e.root, logShardOf(e.seq)),
          gsi2sk: timeKey(e.occurredAt, e.eventId),
          ...e,
          ttl: ttlAfterDays(now, LOG_RETENTION_DAYS),
        },
        { condition: cond.notExists(), onConflict: 'retry' },
      );
      tx.put(
        { ...keys.pointer(e.eventId), root: e.root, seq: e.seq, ttl: ttlAfterDays(now, LOG_RETENTION_DAYS) },
        { condition: cond.notExists(), onConflict: 'retry' },
      );
      tx.delete(keys.staged(e.root, e.eventId), { condition: cond.exists(), onConflict: 'retry' });
    }
    const last = entries.at(-1)!.seq;
    tx.put(
      { ...keys.logCounter(root), root, seq: last, updatedAt: committedAt },
      { condition: previous === undefined ? cond.notExists() : cond.equals('seq', previous), onConflict: 'retry' },
    );
    if (previous === undefined) tx.put({ ...keys.logRoot(root), root, createdAt: committedAt });
    return entries;
  },

  /**
   * Entries of a root after `seq`, ascending, at most `limit` seqs on: the counter first, then only seqs up to it,
   * each block from its shard (strongly consistent). Entries the TTL removed are skipped: a position before a
   * stretch of expired entries moves on to the next entry retained.
   */
  async after(table: Table, root: string, seq: number, limit: number): Promise<{ entries: LogEntry[]; more: boolean }> {
    const last = (await eventLog.counter(table, root)) ?? 0;
    const read = async (from: number) => {
      const upto = Math.min(last, from + limit);
      const pages = await Promise.all(
        seqRanges(from, upto).map((r) =>
          table.queryAll({ pk: keys.logShard(root, r.shard), sk: { between: [seqKey(r.from), seqKey(r.to)] }, consistent: true }),
        ),
      );
      return { entries: pages.flat().map((i) => recordOf<LogEntry>(i, KEEP_VERSION)), upto };
    };
    let page = await read(seq);
    if (page.entries.length === 0 && page.upto > seq) {
      // Nothing retained in the range: go on from the next entry left after the position (the lowest of the shards').
      const firsts = await Promise.all(
        everyShard(LOG_SHARDS).map((s) => table.query({ pk: keys.logShard(root, s), sk: { gt: seqKey(seq) }, limit: 1, consistent: true })),
      );
      const next = Math.min(...firsts.flatMap((p) => p.items.map((i) => i.seq as number)));
      if (Number.isFinite(next) && next <= last) page = await read(next - 1);
    }
    // Nothing retained after the position (all of it expired): caught up, until a new entry arrives.
    if (page.entries.length === 0) return { entries: [], more: false };
    page.entries.sort((a, b) => a.seq - b.seq);
    return { entries: page.entries, more: page.upto < last };
  },

  async getMany(table: Table, refs: readonly { root: string; seq: number }[]): Promise<Map<string, LogEntry>> {
    const unique = [...new Map(refs.map((r) => [`${r.root}#${r.seq}`, r])).values()];
    const items = await table.getMany(unique.map((r) => keys.logEntry(r.root, r.seq)));
    return new Map(items.map((i) => [`${i.root as string}#${i.seq as number}`, recordOf<LogEntry>(i, KEEP_VERSION)]));
  },

  /** Entries of one shard of a root that occurred within [from, to], by the time index, one page at a time. */
  async occurredBetween(
    table: Table,
    root: string,
    shard: number,
    from: string,
    to: string,
    opts: { limit: number; cursor?: string },
  ): Promise<{ entries: LogEntry[]; cursor?: string }> {
    const page = await table.query({
      index: 'gsi2',
      pk: keys.logTime(root, shard),
      sk: { between: [`${new Date(from).toISOString()}#`, `${new Date(to).toISOString()}#\uffff`] },
      limit: opts.limit,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { entries: page.items.map((i) => recordOf<LogEntry>(i, KEEP_VERSION)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
};
