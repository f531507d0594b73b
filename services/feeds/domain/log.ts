import type { Envelope } from '@cocreate/contracts';
import { isWithin } from '@cocreate/places';

/**
 * The feeds' event log (事件日志): every event the dispatcher receives, appended in commit order per log root.
 *
 * A log root is the county an event's place lies in (the first three path segments: province/city/county), or
 * the place itself when it is above county level. Each root has a sequence counter; appending events writes the
 * entries with seq = counter + 1, + 2, … and moves the counter from n to n + k under the condition "counter is
 * still n", in one transaction (a batch: see app/sequencer.ts). Hence, at every instant, the committed
 * entries of a root are exactly seq 1..N:
 *   - two appends can never take the same seq (the second's condition fails; it re-reads and tries again);
 *   - seq n + 1 cannot commit before n has, because its condition reads the counter that n's commit moved.
 * Readers query the base table with strongly consistent reads (never a GSI, which may lag and show n + 1 before n),
 * so they always see a prefix 1..M of the root. The pull cursor records, per root, the last seq a reader was
 * handed; the next page asks for seq > that. New events only ever get seqs above N ≥ M, so no page skips an event
 * and none repeats one, however many events arrive while an agency is paging. A root first seen after a cursor
 * was made is read from seq 1. Per-county sequences keep the counter from becoming one hot item for a province.
 *
 * One sequence per county, but not one partition: DynamoDB gives a partition key about 1,000 write units a second,
 * and a county's staged events and entries on one key capped it at ~250 events/s. So a county's log is spread over
 * {@link LOG_SHARDS} partitions — entries by blocks of {@link LOG_BLOCK} seqs (seq 1–100 in shard 0, 101–200 in
 * shard 1, …, round and round), staged events by their id — while the counter stays one item of its own. The seq
 * says where an entry is, so a reader still asks "entries after n" of one county; it first reads the counter N
 * (strongly consistent, after every transaction that moved it) and then only seqs n+1..N, each from its block's
 * shard: a reader never depends on one shard's query seeing a batch another shard's query did not.
 */

export const ROOT_DEPTH = 3;

/** Partitions one county's log and stage are spread over (see above): ~8 × 250 events/s per county. */
export const LOG_SHARDS = 8;

/** Consecutive seqs kept in one shard: a page of the feed reads a few blocks, a burst's batches rotate through shards. */
export const LOG_BLOCK = 100;

/** The shard of the log holding `seq` (seqs start at 1). */
export const logShardOf = (seq: number): number => Math.floor((seq - 1) / LOG_BLOCK) % LOG_SHARDS;

/** The seqs after `after` up to `upto`, cut at block boundaries: one query each, on its shard. */
export function seqRanges(after: number, upto: number): { shard: number; from: number; to: number }[] {
  const ranges: { shard: number; from: number; to: number }[] = [];
  for (let from = after + 1; from <= upto;) {
    const blockEnd = (Math.floor((from - 1) / LOG_BLOCK) + 1) * LOG_BLOCK;
    const to = Math.min(upto, blockEnd);
    ranges.push({ shard: logShardOf(from), from, to });
    from = to + 1;
  }
  return ranges;
}
export { LOG_RETENTION_DAYS } from './limits.ts';

export function logRoot(place: string): string {
  return place.split('/').slice(0, ROOT_DEPTH).join('/');
}

/** Roots whose entries can fall inside a jurisdiction: those below it, and the one containing it. */
export function rootsFor(jurisdiction: string, knownRoots: readonly string[]): string[] {
  const own = logRoot(jurisdiction);
  return [...new Set(knownRoots.filter((r) => isWithin(r, jurisdiction) || r === own))].sort();
}

/** Zero-padded so the table's string sort key orders entries by seq. */
export const seqKey = (seq: number): string => String(seq).padStart(12, '0');

/** A pull-feed position: the last seq handed out, per log root. Opaque to agencies. */
export type FeedPosition = Record<string, number>;

const MAX_CURSOR_CHARS = 16_384;

export function encodeCursor(position: FeedPosition): string {
  const p: FeedPosition = {};
  for (const root of Object.keys(position).sort()) p[root] = position[root]!;
  return Buffer.from(JSON.stringify({ v: 1, p })).toString('base64url');
}

/** Undefined when the text is not a cursor this service issued (the route answers 400). */
export function decodeCursor(text: string): FeedPosition | undefined {
  if (text.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { v?: unknown }).v !== 1) return undefined;
  const p = (parsed as { p?: unknown }).p;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return undefined;
  const out: FeedPosition = {};
  for (const [root, seq] of Object.entries(p)) {
    if (!/^[a-z0-9-]+(\/[a-z0-9-]+){0,2}$/.test(root)) return undefined;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return undefined;
    out[root] = seq;
  }
  return out;
}

export interface LogEntryRef {
  root: string;
  seq: number;
  committedAt: string;
}

/** An event received but not yet given its place in the log. */
export interface StagedEntry {
  root: string;
  eventId: string;
  type: string;
  /** The event's contract version (not a record version). */
  version: number;
  source: string;
  place: string;
  occurredAt: string;
  stagedAt: string;
  /** The envelope as JSON text. */
  detail: string;
}

/** A log entry as stored: where it is, what it is, and the envelope as JSON text. */
export interface LogEntry extends LogEntryRef, StagedEntry {}

export const parseEntry = (e: LogEntry): Envelope => JSON.parse(e.detail) as Envelope;

/** What dispatch stages for an event it received at `now`. */
export function stagedEntryOf(event: Envelope, now: Date): StagedEntry {
  const { meta } = event;
  return {
    root: logRoot(meta.place),
    eventId: meta.id,
    type: meta.type,
    version: meta.version,
    source: meta.source,
    place: meta.place,
    occurredAt: meta.occurredAt,
    stagedAt: now.toISOString(),
    detail: JSON.stringify({ meta, data: event.data }),
  };
}

export interface RootBatch<E extends LogEntryRef> {
  root: string;
  /** Entries with seq above the position, ascending, as one query returned them. */
  entries: E[];
  /** Whether the query stopped early (more entries exist after the last one). */
  more: boolean;
}

/**
 * One page of the feed from per-root batches. Entries are taken in commit-time order across roots (seq order within
 * a root), each moving its root's position whether it matched or not; matching ones are returned. The walk stops
 * at `limit` matches, or on reaching the last fetched entry of a root that has more — past that point the global
 * order is unknown, so the next page continues from there. Positions only advance over entries actually walked.
 */
export function mergePage<E extends LogEntryRef>(
  batches: readonly RootBatch<E>[],
  position: FeedPosition,
  accept: (entry: E) => boolean,
  limit: number,
): { items: E[]; position: FeedPosition; more: boolean } {
  const next: FeedPosition = { ...position };
  const lastOf = new Map<string, number>();
  const hasMore = new Map<string, boolean>();
  for (const b of batches) {
    hasMore.set(b.root, b.more);
    const last = b.entries.at(-1);
    if (last) lastOf.set(b.root, last.seq);
  }
  const all = batches
    .flatMap((b) => b.entries)
    .sort((a, b) =>
      a.committedAt !== b.committedAt
        ? a.committedAt < b.committedAt
          ? -1
          : 1
        : a.root !== b.root
          ? a.root < b.root
            ? -1
            : 1
          : a.seq - b.seq,
    );
  // Commit times are per writer clock; seq order within a root wins over them if they ever disagree.
  const perRoot = new Map<string, E[]>();
  for (const e of all) perRoot.set(e.root, [...(perRoot.get(e.root) ?? []), e]);
  for (const [root, list] of perRoot)
    perRoot.set(
      root,
      list.sort((a, b) => a.seq - b.seq),
    );
  const cursorOf = new Map<string, number>();
  const ordered: E[] = [];
  for (const e of all) {
    const i = cursorOf.get(e.root) ?? 0;
    ordered.push(perRoot.get(e.root)![i]!);
    cursorOf.set(e.root, i + 1);
  }

  const items: E[] = [];
  let walked = 0;
  let stoppedEarly = false;
  for (const e of ordered) {
    walked++;
    next[e.root] = e.seq;
    if (accept(e)) items.push(e);
    if (items.length >= limit || (hasMore.get(e.root) && lastOf.get(e.root) === e.seq)) {
      stoppedEarly = walked < ordered.length || hasMore.get(e.root) === true;
      break;
    }
  }
  const more = stoppedEarly || walked < ordered.length || [...hasMore.values()].some(Boolean);
  return { items, position: next, more };
}
