import {
  type Item,
  type Table,
  type UnitOfWork,
  type Versioned,
  cond,
  pageOf,
  readRecord,
  readVersioned,
  recordOf,
  versionedOf,
} from '@cocreate/kernel';
import type { LedgerEntry } from '../domain/entries.ts';
import { type BoardRecord, type Standing, rankKey, scoreOf } from '../domain/leaderboard.ts';
import type { AccountRecord } from '../domain/ledger.ts';
import { keys, shardOf } from './keys.ts';

/** Points accounts: one versioned item per person; every ledger change rewrites it with its entry. */
export const accounts = {
  get: (table: Table, person: string): Promise<Versioned<AccountRecord> | undefined> => readVersioned(table, keys.account(person)),

  async getMany(table: Table, people: string[]): Promise<AccountRecord[]> {
    const items = await table.getMany(people.map((p) => keys.account(p)));
    return items.map((i) => recordOf<AccountRecord>(i));
  },

  /** Writes the account as of `record.seq`, only if nobody else moved it since `expectedVersion` (else recompute). */
  write(tx: UnitOfWork, record: AccountRecord, expectedVersion: number | undefined, nextExpiry: string | undefined): void {
    const item: Item = { ...keys.account(record.person), ...record };
    if (nextExpiry) {
      item.gsi2pk = `EXPIRY#${shardOf(record.person)}`;
      item.gsi2sk = `${nextExpiry}#${record.person}`;
    }
    tx.putVersioned(item, expectedVersion, 'retry');
  },

  /** Accounts with a lot that expires at or before `now` in one shard (the expiry job's work list). */
  async dueForExpiry(table: Table, shard: number, now: string): Promise<string[]> {
    const items = await table.queryAll({ index: 'gsi2', pk: `EXPIRY#${shard}`, sk: { lt: `${now}$` } });
    return items.map((i) => i.person as string);
  },
};

/** Where an entry is stored (a source record keeps it, so a reversal reads the entry back by key). */
export const entryKey = (e: Pick<LedgerEntry, 'person' | 'at' | 'seq'>) => keys.entry(e.person, e.at, e.seq);

/** The append-only ledger: entries under the account's partition, numbered by `seq`. */
export const entries = {
  create(tx: UnitOfWork, entry: LedgerEntry): void {
    tx.put(
      { ...keys.entry(entry.person, entry.at, entry.seq), gsi1pk: `ENTRY#${entry.entryId}`, gsi1sk: 'ENTRY', ...entry },
      { condition: cond.notExists(), onConflict: 'retry' },
    );
  },

  async byId(table: Table, entryId: string): Promise<LedgerEntry | undefined> {
    const page = await table.query({ index: 'gsi1', pk: `ENTRY#${entryId}`, limit: 1 });
    const item = page.items[0];
    return item ? recordOf<LedgerEntry>(item) : undefined;
  },

  at: (table: Table, key: { pk: string; sk: string }): Promise<LedgerEntry | undefined> => readRecord(table, key),

  /** Newest first; `from`/`to` bound the entry time (ISO, `to` exclusive). */
  async page(table: Table, person: string, opts: { limit: number; cursor?: string | undefined; from?: string; to?: string }) {
    const page = await pageOf<LedgerEntry>(table, {
      pk: keys.account(person).pk,
      sk: { between: [`E#${opts.from ?? ''}`, `E#${opts.to ?? '~'}`] },
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { ...page, items: page.items.filter((e) => !opts.to || e.at < opts.to) };
  },

  /** The last entry before an instant (the opening balance of a statement period). */
  async lastBefore(table: Table, person: string, at: string): Promise<LedgerEntry | undefined> {
    const page = await pageOf<LedgerEntry>(table, {
      pk: keys.account(person).pk,
      sk: { between: ['E#', `E#${at}`] },
      forward: false,
      limit: 1,
    });
    return page.items[0];
  },
};

/** Points earned per activity and cap period. */
export const caps = {
  async used(table: Table, person: string, capKey: string): Promise<number> {
    return ((await table.get(keys.cap(person, capKey)))?.used as number | undefined) ?? 0;
  },

  /** Cap counters change only together with the (versioned) account, so a plain ADD is already serialised. */
  add(tx: UnitOfWork, person: string, capKey: string, points: number): void {
    tx.update(keys.cap(person, capKey), { add: { used: points }, setIfMissing: { person, capKey } });
  },
};

/** Standings per village, period and kind (person or household), kept in rank order by gsi3. */
export const boards = {
  async getMany(
    table: Table,
    rows: Pick<BoardRecord, 'village' | 'period' | 'by' | 'subject'>[],
  ): Promise<Map<string, Versioned<BoardRecord>>> {
    const items = await table.getMany(rows.map((r) => keys.board(r.village, r.period, r.by, r.subject)));
    return new Map(items.map((i) => [i.pk + '|' + i.sk, versionedOf<BoardRecord>(i)]));
  },

  keyOf: (r: Pick<BoardRecord, 'village' | 'period' | 'by' | 'subject'>) => {
    const k = keys.board(r.village, r.period, r.by, r.subject);
    return k.pk + '|' + k.sk;
  },

  /** A standing as of the version read: a person's rows move with their (versioned) account, a household's with any member's. */
  save(tx: UnitOfWork, record: BoardRecord, expectedVersion: number | undefined): void {
    tx.putVersioned(
      {
        ...keys.board(record.village, record.period, record.by, record.subject),
        gsi3pk: keys.ranking(record.village, record.period, record.by),
        gsi3sk: rankKey(scoreOf(record), record.ref),
        ...record,
      },
      expectedVersion,
      'retry',
    );
  },

  /** The top of a board: `limit` standings, highest score first (one indexed query, whatever the village's size). */
  async top(table: Table, village: string, period: string, by: Standing, limit: number): Promise<BoardRecord[]> {
    const page = await pageOf<BoardRecord>(table, { index: 'gsi3', pk: keys.ranking(village, period, by), limit });
    return page.items;
  },
};
