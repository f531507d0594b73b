import { type Condition, type OnConflict, type Table, type UnitOfWork, cond } from '@cocreate/kernel';
import type { Envelope } from '@cocreate/contracts';
import { ancestorsOf, isWithin } from '@cocreate/places';
import type { Agency } from './domain/agencies.ts';
import type { Delivery } from './domain/deliveries.ts';
import { LOG_RETENTION_DAYS, type LogEntryRef, seqKey } from './domain/log.ts';
import { type Replay, timeKey } from './domain/replays.ts';
import type { Subscription } from './domain/subscriptions.ts';

/**
 * The feeds table. Keys are built here and nowhere else.
 *
 *   AGENCY#<agencyId> / AGENCY              an agency            gsi1: AGENCIES / <jurisdiction>#<agencyId>
 *   MEMBER#<sub> / MEMBER                   a user's agency (a user belongs to one agency)
 *   AGENCY#<agencyId> / SUB#<subId>         a subscription       gsi1: SUBS#<jurisdiction> / <agencyId>#<subId>
 *   LOGROOTS / <root>                       a log root and its sequence counter {seq}
 *   STAGE#<root> / <eventId>                an event received, waiting for its seq (see handlers/sequencer.ts)
 *   LOG#<root> / <seq, 12 digits>           a log entry          gsi2: LOGTIME#<root> / <occurredAt>#<eventId>
 *   EVT#<eventId> / EVT                     where an event is in the log {root, seq}
 *   DLV#<subId> / <deliveryId>              a delivery           gsi1 while pending: DUE#<shard> / <nextAttemptAt>#<subId>#<deliveryId>
 *                                                                gsi2 while dead:    DEAD#<subId> / <deadAt>#<deliveryId>
 *   FANOUT#<eventId> / FANOUT               an event's matches beyond one transaction   gsi1: FANOUTS / <createdAt>#<eventId>
 *   REPLAY#<subId> / <replayId>             a replay             gsi1 while pending: REPLAYS / <requestedAt>#<replayId>
 *
 * Dispatch finds the subscriptions that may receive an event by querying SUBS#<a> for each ancestor a of the event's
 * place: only agencies whose jurisdiction contains the place are even read.
 */
/**
 * Pending deliveries of the whole province are spread over this many partitions of the due index, by delivery id:
 * one `DUE` key would put every county's webhook traffic on a single partition's throughput.
 */
export const DUE_SHARDS = 16;

export function dueShardOf(deliveryId: string): number {
  let h = 0;
  for (let i = 0; i < deliveryId.length; i++) h = (h * 31 + deliveryId.charCodeAt(i)) >>> 0;
  return h % DUE_SHARDS;
}

export const keys = {
  agency: (agencyId: string) => ({ pk: `AGENCY#${agencyId}`, sk: 'AGENCY' }),
  member: (sub: string) => ({ pk: `MEMBER#${sub}`, sk: 'MEMBER' }),
  subscription: (agencyId: string, subscriptionId: string) => ({ pk: `AGENCY#${agencyId}`, sk: `SUB#${subscriptionId}` }),
  subsByJurisdiction: (jurisdiction: string) => `SUBS#${jurisdiction}`,
  logRoot: (root: string) => ({ pk: 'LOGROOTS', sk: root }),
  staged: (root: string, eventId: string) => ({ pk: `STAGE#${root}`, sk: eventId }),
  pointer: (eventId: string) => ({ pk: `EVT#${eventId}`, sk: 'EVT' }),
  logEntry: (root: string, seq: number) => ({ pk: `LOG#${root}`, sk: seqKey(seq) }),
  logTime: (root: string) => `LOGTIME#${root}`,
  delivery: (subscriptionId: string, deliveryId: string) => ({ pk: `DLV#${subscriptionId}`, sk: deliveryId }),
  dead: (subscriptionId: string) => `DEAD#${subscriptionId}`,
  due: (shard: number) => `DUE#${shard}`,
  fanout: (eventId: string) => ({ pk: `FANOUT#${eventId}`, sk: 'FANOUT' }),
  replay: (subscriptionId: string, replayId: string) => ({ pk: `REPLAY#${subscriptionId}`, sk: replayId }),
};

const STORAGE = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'ttl']);

/** Drops the storage attributes so records leave the store as domain objects. */
function strip<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE.has(k))) as T;
}

const ttlAfterDays = (now: Date, days: number) => Math.floor(now.getTime() / 1000) + days * 86_400;

export const agencies = {
  async get(table: Table, agencyId: string): Promise<(Agency & { version: number }) | undefined> {
    const item = await table.get(keys.agency(agencyId));
    return item ? strip(item) : undefined;
  },

  create(tx: UnitOfWork, agency: Agency, onConflict: OnConflict): void {
    tx.putVersioned(
      { ...keys.agency(agency.agencyId), gsi1pk: 'AGENCIES', gsi1sk: `${agency.jurisdiction}#${agency.agencyId}`, ...agency },
      undefined,
      onConflict,
    );
  },

  /** Adds members to a stored agency (optimistic on its version). */
  addMembers(tx: UnitOfWork, agencyId: string, members: string[], version: number, onConflict: OnConflict): void {
    tx.update(keys.agency(agencyId), { set: { members }, add: { version: 1 } }, { condition: cond.versionIs(version), onConflict });
  },

  /** Agencies whose jurisdiction lies inside `scope`. */
  async within(table: Table, scope: string): Promise<Agency[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: 'AGENCIES', sk: { beginsWith: scope } });
    return items.map((i) => strip<Agency>(i)).filter((a) => isWithin(a.jurisdiction, scope));
  },
};

export const members = {
  async agencyOf(table: Table, sub: string): Promise<string | undefined> {
    const item = await table.get(keys.member(sub));
    return item?.agencyId as string | undefined;
  },

  /** A user joins one agency; joining a second is the conflict `onConflict`. */
  create(tx: UnitOfWork, sub: string, agencyId: string, onConflict: OnConflict): void {
    tx.create({ ...keys.member(sub), agencyId, sub }, onConflict);
  },
};

export const subscriptions = {
  async get(table: Table, agencyId: string, subscriptionId: string): Promise<Subscription | undefined> {
    const item = await table.get(keys.subscription(agencyId, subscriptionId));
    return item ? strip<Subscription>(item) : undefined;
  },

  async ofAgency(table: Table, agencyId: string): Promise<Subscription[]> {
    const items = await table.queryAll({ pk: `AGENCY#${agencyId}`, sk: { beginsWith: 'SUB#' } });
    return items.map((i) => strip<Subscription>(i));
  },

  /** Every subscription whose jurisdiction contains `place` (one query per ancestor of the place). */
  async covering(table: Table, place: string): Promise<Subscription[]> {
    const pages = await Promise.all(ancestorsOf(place).map((a) => table.queryAll({ index: 'gsi1', pk: keys.subsByJurisdiction(a) })));
    return pages.flat().map((i) => strip<Subscription>(i));
  },

  create(tx: UnitOfWork, sub: Subscription, onConflict: OnConflict): void {
    tx.put(
      {
        ...keys.subscription(sub.agencyId, sub.subscriptionId),
        gsi1pk: keys.subsByJurisdiction(sub.jurisdiction),
        gsi1sk: `${sub.agencyId}#${sub.subscriptionId}`,
        ...sub,
      },
      { condition: cond.notExists(), onConflict },
    );
  },

  /**
   * Changes fields of a stored subscription. `bump` for what the agency configures (name, pattern, url, secrets,
   * status): a new version, so edits computed from an older read are refused. Delivery counters change without
   * a bump, so the delivery job never makes an agency's edit fail.
   */
  change(
    tx: UnitOfWork,
    sub: Pick<Subscription, 'agencyId' | 'subscriptionId'>,
    changes: { set?: Record<string, unknown>; remove?: string[] },
    opts: { bump: boolean; condition?: Condition; onConflict: OnConflict },
  ): void {
    tx.update(
      keys.subscription(sub.agencyId, sub.subscriptionId),
      {
        ...(changes.set ? { set: changes.set } : {}),
        ...(changes.remove?.length ? { remove: changes.remove } : {}),
        ...(opts.bump ? { add: { version: 1 } } : {}),
      },
      { condition: opts.condition ? cond.and(cond.exists(), opts.condition) : cond.exists(), onConflict: opts.onConflict },
    );
  },

  delete(tx: UnitOfWork, sub: Pick<Subscription, 'agencyId' | 'subscriptionId'>, version: number, onConflict: OnConflict): void {
    tx.delete(keys.subscription(sub.agencyId, sub.subscriptionId), { condition: cond.versionIs(version), onConflict });
  },
};

/** An event received but not yet given its place in the log. */
export interface StagedEntry {
  root: string;
  eventId: string;
  type: string;
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

export const eventLog = {
  async counter(table: Table, root: string): Promise<number | undefined> {
    const item = await table.get(keys.logRoot(root));
    return item ? (item.seq as number) : undefined;
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

  /** Where a sequenced event is in the log. */
  async pointer(table: Table, eventId: string): Promise<{ root: string; seq: number } | undefined> {
    const item = await table.get(keys.pointer(eventId));
    return item ? { root: item.root as string, seq: item.seq as number } : undefined;
  },

  /** The oldest staged events of a root (by event id, a ULID), read consistently. */
  async staged(table: Table, root: string, limit: number): Promise<StagedEntry[]> {
    const page = await table.query({ pk: `STAGE#${root}`, limit, consistent: true });
    return page.items.map((i) => strip<StagedEntry>(i));
  },

  /**
   * Appends staged events at `previous + 1, + 2, …` in one transaction: each becomes a log entry with a pointer
   * from its id and leaves the stage, and the root's counter moves from `previous` only if it is still `previous`.
   * A concurrent sequencer of the same root makes the conditions fail; the caller re-reads and tries again.
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
          gsi2pk: keys.logTime(e.root),
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
      { ...keys.logRoot(root), root, seq: last, updatedAt: committedAt },
      { condition: previous === undefined ? cond.notExists() : cond.equals('seq', previous), onConflict: 'retry' },
    );
    return entries;
  },

  /** Entries of a root after `seq`, ascending, strongly consistent. */
  async after(table: Table, root: string, seq: number, limit: number): Promise<{ entries: LogEntry[]; more: boolean }> {
    const page = await table.query({ pk: `LOG#${root}`, sk: { gt: seqKey(seq) }, limit, consistent: true });
    return { entries: page.items.map((i) => strip<LogEntry>(i)), more: page.cursor !== undefined };
  },

  async getMany(table: Table, refs: readonly { root: string; seq: number }[]): Promise<Map<string, LogEntry>> {
    const unique = [...new Map(refs.map((r) => [`${r.root}#${r.seq}`, r])).values()];
    const items = await table.getMany(unique.map((r) => keys.logEntry(r.root, r.seq)));
    return new Map(items.map((i) => [`${i.root as string}#${i.seq as number}`, strip<LogEntry>(i)]));
  },

  /** Entries of a root that occurred within [from, to], by the time index, one page at a time. */
  async occurredBetween(
    table: Table,
    root: string,
    from: string,
    to: string,
    opts: { limit: number; cursor?: string },
  ): Promise<{ entries: LogEntry[]; cursor?: string }> {
    const page = await table.query({
      index: 'gsi2',
      pk: keys.logTime(root),
      sk: { between: [`${new Date(from).toISOString()}#`, `${new Date(to).toISOString()}#\uffff`] },
      limit: opts.limit,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { entries: page.items.map((i) => strip<LogEntry>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
};

/** How long finished deliveries stay listed: delivered ones a week, dead letters two weeks. */
const DELIVERED_TTL_DAYS = 7;
const DEAD_TTL_DAYS = 14;

export const deliveries = {
  async get(table: Table, subscriptionId: string, deliveryId: string): Promise<Delivery | undefined> {
    const item = await table.get(keys.delivery(subscriptionId, deliveryId));
    return item ? strip<Delivery>(item) : undefined;
  },

  async getMany(table: Table, subscriptionId: string, deliveryIds: readonly string[]): Promise<Delivery[]> {
    const items = await table.getMany([...new Set(deliveryIds)].map((id) => keys.delivery(subscriptionId, id)));
    return items.map((i) => strip<Delivery>(i));
  },

  /**
   * Writes a delivery in its current state, with the index entries that state needs: pending ones are in the due
   * index, dead ones in the subscription's dead-letter index, delivered ones in neither (and expire). Optimistic on
   * `expectedVersion` (undefined: it must not exist yet).
   */
  save(tx: UnitOfWork, d: Delivery, expectedVersion: number | undefined, now: Date, onConflict: OnConflict): Delivery {
    const saved: Delivery = { ...d, version: (expectedVersion ?? 0) + 1 };
    const index =
      saved.status === 'pending'
        ? {
            gsi1pk: keys.due(dueShardOf(saved.deliveryId)),
            gsi1sk: `${saved.nextAttemptAt ?? now.toISOString()}#${saved.subscriptionId}#${saved.deliveryId}`,
          }
        : saved.status === 'dead'
          ? {
              gsi2pk: keys.dead(saved.subscriptionId),
              gsi2sk: `${saved.deadAt}#${saved.deliveryId}`,
              ttl: ttlAfterDays(now, DEAD_TTL_DAYS),
            }
          : { ttl: ttlAfterDays(now, DELIVERED_TTL_DAYS) };
    tx.put(
      { ...keys.delivery(saved.subscriptionId, saved.deliveryId), ...index, ...saved },
      { condition: expectedVersion === undefined ? cond.notExists() : cond.versionIs(expectedVersion), onConflict },
    );
    return saved;
  },

  /** Drops a delivery (its subscription is gone), if it is still the version read. */
  remove(tx: UnitOfWork, d: Delivery, onConflict: OnConflict): void {
    tx.delete(keys.delivery(d.subscriptionId, d.deliveryId), { condition: cond.versionIs(d.version), onConflict });
  },

  /**
   * Pending deliveries due at `now`, earliest first across every shard, at most `limit` (the index may lag: callers
   * re-read each one). Each shard is read up to `limit`, so the merged first `limit` are the earliest of them all.
   */
  async due(table: Table, now: Date, limit: number): Promise<{ subscriptionId: string; deliveryId: string }[]> {
    const sk = { lte: `${now.toISOString()}#\uffff` };
    const pages = await Promise.all(
      Array.from({ length: DUE_SHARDS }, (_, shard) => table.query({ index: 'gsi1', pk: keys.due(shard), sk, limit })),
    );
    return pages
      .flatMap((p) => p.items)
      .sort((a, b) => String(a.gsi1sk).localeCompare(String(b.gsi1sk)))
      .slice(0, limit)
      .map((i) => ({ subscriptionId: i.subscriptionId as string, deliveryId: i.deliveryId as string }));
  },

  async list(table: Table, subscriptionId: string, opts: { limit: number; cursor?: string }) {
    const page = await table.query({
      pk: `DLV#${subscriptionId}`,
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { items: page.items.map((i) => strip<Delivery>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },

  async dead(table: Table, subscriptionId: string, opts: { limit: number; cursor?: string }) {
    const page = await table.query({
      index: 'gsi2',
      pk: keys.dead(subscriptionId),
      limit: opts.limit,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { items: page.items.map((i) => strip<Delivery>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
};

/** An event whose matching subscriptions did not all fit in the dispatch transaction: the rest, expanded by the job. */
export interface Fanout {
  eventId: string;
  log: { root: string; seq: number };
  subscriptions: { agencyId: string; subscriptionId: string }[];
  /** How many of `subscriptions` already have their delivery. */
  done: number;
  createdAt: string;
}

export const fanouts = {
  create(tx: UnitOfWork, f: Fanout): void {
    tx.put(
      { ...keys.fanout(f.eventId), gsi1pk: 'FANOUTS', gsi1sk: `${f.createdAt}#${f.eventId}`, ...f },
      { condition: cond.notExists(), onConflict: 'retry' },
    );
  },

  async pending(table: Table, limit: number): Promise<Fanout[]> {
    const page = await table.query({ index: 'gsi1', pk: 'FANOUTS', limit });
    return page.items.map((i) => strip<Fanout>(i));
  },

  async get(table: Table, eventId: string): Promise<Fanout | undefined> {
    const item = await table.get(keys.fanout(eventId));
    return item ? strip<Fanout>(item) : undefined;
  },

  /** Records progress; the last step deletes the item. Both conditional on the progress read. */
  advance(tx: UnitOfWork, f: Fanout, done: number): void {
    if (done >= f.subscriptions.length) {
      tx.delete(keys.fanout(f.eventId), { condition: cond.equals('done', f.done), onConflict: 'retry' });
    } else {
      tx.update(keys.fanout(f.eventId), { set: { done } }, { condition: cond.equals('done', f.done), onConflict: 'retry' });
    }
  },
};

export const replays = {
  async get(table: Table, subscriptionId: string, replayId: string): Promise<Replay | undefined> {
    const item = await table.get(keys.replay(subscriptionId, replayId));
    return item ? strip<Replay>(item) : undefined;
  },

  async ofSubscription(table: Table, subscriptionId: string): Promise<Replay[]> {
    const items = await table.queryAll({ pk: `REPLAY#${subscriptionId}` }, 1000);
    return items.map((i) => strip<Replay>(i));
  },

  async pending(table: Table, limit: number): Promise<{ subscriptionId: string; replayId: string }[]> {
    const page = await table.query({ index: 'gsi1', pk: 'REPLAYS', limit });
    return page.items.map((i) => ({ subscriptionId: i.subscriptionId as string, replayId: i.replayId as string }));
  },

  /** Counts a delivery an archive replay queued (a counter: many arrive at once). */
  countQueued(tx: UnitOfWork, r: Pick<Replay, 'subscriptionId' | 'replayId'>): void {
    tx.update(keys.replay(r.subscriptionId, r.replayId), { add: { queued: 1, scanned: 1 } });
  },

  /** Writes a replay, in the pending index until it completes; optimistic on `expectedVersion`. */
  save(tx: UnitOfWork, r: Replay, expectedVersion: number | undefined, onConflict: OnConflict): Replay {
    const saved: Replay = { ...r, version: (expectedVersion ?? 0) + 1 };
    tx.put(
      {
        ...keys.replay(saved.subscriptionId, saved.replayId),
        ...(saved.status === 'pending' ? { gsi1pk: 'REPLAYS', gsi1sk: `${saved.requestedAt}#${saved.replayId}` } : {}),
        ...saved,
      },
      { condition: expectedVersion === undefined ? cond.notExists() : cond.versionIs(expectedVersion), onConflict },
    );
    return saved;
  },
};
