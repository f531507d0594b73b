import type { Item, Key, Table, UnitOfWork } from '@cocreate/kernel';
import { cond, problems, recordOf } from '@cocreate/kernel';
import type { LedgerEntry } from './domain/entries.ts';
import type { Lot } from './domain/ledger.ts';
import type { RulesOverride } from './domain/rules.ts';
import type { CatalogueItem, Redemption } from './domain/supermarket.ts';

/**
 * The rewards table's layout. Keys are built here and nowhere else.
 *
 *   ACCT#<person> / ACCT                     points account (balance, held, debt, open lots); versioned — every
 *                                            ledger change bumps it, which serialises a person's entries.
 *                                            gsi2: EXPIRY#<shard> / <next lot expiry>#<person> while it has lots
 *   ACCT#<person> / E#<at>#<seq>             ledger entry (append-only); gsi1: ENTRY#<entryId> / ENTRY
 *   ACCT#<person> / CAP#<activity>#<period>  points earned from an activity in a cap period
 *   SRC#<source> / SRC                       a source fact already applied (once-only crediting, whatever the event id)
 *   BOARD#<village>#<period> / <person>      leaderboard row (earned, deducted) for a month or a year
 *   RULES#<county or village> / RULES        earning-rule overrides
 *   ITEM#<id> / ITEM                         catalogue item; gsi1: CATALOGUE#<place> / <createdAt>#<id>
 *   RDM#<id> / RDM                           redemption; gsi1: ORDERS#<person> / <reservedAt>#<id>;
 *                                            gsi3: SHOP#<item place> / <reservedAt>#<id>;
 *                                            gsi2: HOLDS#<shard> / <expiresAt>#<id> while reserved
 *   ROUND#<id> / ROUND                       award round; gsi1: ROUNDS#<scope> / <openedAt>#<id>;
 *                                            gsi2: PAYOUTS#<shard> / <publishedAt>#<id> while village awards are unpaid
 *   ROUND#<id> / APP#<applicant>             application
 *   ROUND#<id> / RESULT                      published inputs and results
 *   ROUND#<id> / AWARD#<village>             a village award paid into its pool (SubsidyAwarded emitted with it)
 *   KPI#<village> / <year>                   evaluation's KPIs for the year
 *   COOP#<village> / SHARES                  the cooperative's share register (versioned)
 *   COOP#<village> / DIV#<at>#<id>           a dividend distribution with a line per household
 */
export const SHARDS = 8;

const pad = (n: number) => String(n).padStart(10, '0');

export function shardOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % SHARDS;
}

export const keys = {
  account: (person: string): Key => ({ pk: `ACCT#${person}`, sk: 'ACCT' }),
  entry: (person: string, at: string, seq: number): Key => ({ pk: `ACCT#${person}`, sk: `E#${at}#${pad(seq)}` }),
  cap: (person: string, capKey: string): Key => ({ pk: `ACCT#${person}`, sk: `CAP#${capKey}` }),
  source: (source: string): Key => ({ pk: `SRC#${source}`, sk: 'SRC' }),
  board: (village: string, period: string, person: string): Key => ({ pk: `BOARD#${village}#${period}`, sk: person }),
  rules: (scope: string): Key => ({ pk: `RULES#${scope}`, sk: 'RULES' }),
  item: (itemId: string): Key => ({ pk: `ITEM#${itemId}`, sk: 'ITEM' }),
  redemption: (id: string): Key => ({ pk: `RDM#${id}`, sk: 'RDM' }),
  round: (id: string): Key => ({ pk: `ROUND#${id}`, sk: 'ROUND' }),
  application: (roundId: string, applicant: string): Key => ({ pk: `ROUND#${roundId}`, sk: `APP#${applicant}` }),
  result: (roundId: string): Key => ({ pk: `ROUND#${roundId}`, sk: 'RESULT' }),
  award: (roundId: string, village: string): Key => ({ pk: `ROUND#${roundId}`, sk: `AWARD#${village}` }),
  kpi: (village: string, year: number): Key => ({ pk: `KPI#${village}`, sk: String(year) }),
  shares: (village: string): Key => ({ pk: `COOP#${village}`, sk: 'SHARES' }),
  distribution: (village: string, at: string, id: string): Key => ({ pk: `COOP#${village}`, sk: `DIV#${at}#${id}` }),
};

// ---------------------------------------------------------------------------------------------------------------
// Points accounts and the ledger
// ---------------------------------------------------------------------------------------------------------------

export interface AccountRecord {
  person: string;
  village: string;
  household?: string;
  balance: number;
  held: number;
  debt: number;
  lots: Lot[];
  /** Entries written so far (the last entry's seq). */
  seq: number;
  /** Time of the last entry: the next is never earlier, so entry keys sort in seq order. */
  lastAt?: string;
  version: number;
}

export const accounts = {
  async get(table: Table, person: string): Promise<AccountRecord | undefined> {
    const item = await table.get(keys.account(person));
    return item ? { ...recordOf<AccountRecord>(item), version: item.version as number } : undefined;
  },

  async getMany(table: Table, people: string[]): Promise<AccountRecord[]> {
    const items = await table.getMany(people.map((p) => keys.account(p)));
    return items.map((i) => ({ ...recordOf<AccountRecord>(i), version: i.version as number }));
  },

  /** Writes the account as of `record.seq`, only if nobody else moved it since `expectedVersion` (else recompute). */
  write(tx: UnitOfWork, record: Omit<AccountRecord, 'version'>, expectedVersion: number | undefined, nextExpiry: string | undefined): void {
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

  /** Newest first; `from`/`to` bound the entry time (ISO, `to` exclusive). */
  async page(table: Table, person: string, opts: { limit: number; cursor?: string; from?: string; to?: string }) {
    const sk = { between: [`E#${opts.from ?? ''}`, `E#${opts.to ?? '~'}`] as [string, string] };
    const page = await table.query({
      pk: keys.account(person).pk,
      sk,
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return {
      items: page.items.map((i) => recordOf<LedgerEntry>(i)).filter((e) => !opts.to || e.at < opts.to),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    };
  },

  /** The last entry before an instant (the opening balance of a statement period). */
  async lastBefore(table: Table, person: string, at: string): Promise<LedgerEntry | undefined> {
    const page = await table.query({ pk: keys.account(person).pk, sk: { between: ['E#', `E#${at}`] }, forward: false, limit: 1 });
    const item = page.items[0];
    return item ? recordOf<LedgerEntry>(item) : undefined;
  },

  async all(table: Table, person: string): Promise<LedgerEntry[]> {
    const items = await table.queryAll({ pk: keys.account(person).pk, sk: { beginsWith: 'E#' } });
    return items.map((i) => recordOf<LedgerEntry>(i));
  },
};

export const caps = {
  async used(table: Table, person: string, capKey: string): Promise<number> {
    return ((await table.get(keys.cap(person, capKey)))?.used as number | undefined) ?? 0;
  },

  /** Cap counters change only together with the (versioned) account, so a plain ADD is already serialised. */
  add(tx: UnitOfWork, person: string, capKey: string, points: number): void {
    tx.update(keys.cap(person, capKey), { add: { used: points }, setIfMissing: { person, capKey } });
  },
};

/** What became of a source fact (an event's natural key): credited, skipped (and why), or a violation's state. */
export interface SourceRecord {
  source: string;
  outcome: string;
  person?: string;
  entryId?: string;
  entryKey?: Key;
  points?: number;
  at: string;
  eventId?: string;
  [more: string]: unknown;
}

export const sources = {
  async get(table: Table, source: string): Promise<SourceRecord | undefined> {
    const item = await table.get(keys.source(source));
    return item ? recordOf<SourceRecord>(item) : undefined;
  },

  /** Records a source as applied; a concurrent twin makes the whole change recompute (and then skip). */
  create(tx: UnitOfWork, record: SourceRecord): void {
    tx.put({ ...keys.source(record.source), ...record }, { condition: cond.notExists(), onConflict: 'retry' });
  },

  /** Moves a source record on from the state the change was computed from. */
  transition(tx: UnitOfWork, source: string, from: string, set: Record<string, unknown>): void {
    tx.update(keys.source(source), { set }, { condition: cond.equals('outcome', from), onConflict: 'retry' });
  },
};

export interface BoardRecord {
  village: string;
  period: string;
  person: string;
  household?: string;
  earned: number;
  deducted: number;
}

export const boards = {
  add(
    tx: UnitOfWork,
    row: { village: string; period: string; person: string; household?: string },
    change: { earned: number; deducted: number },
  ): void {
    tx.update(keys.board(row.village, row.period, row.person), {
      add: { earned: change.earned, deducted: change.deducted },
      setIfMissing: {
        village: row.village,
        period: row.period,
        person: row.person,
        ...(row.household ? { household: row.household } : {}),
      },
    });
  },

  async list(table: Table, village: string, period: string): Promise<BoardRecord[]> {
    const items = await table.queryAll({ pk: `BOARD#${village}#${period}` });
    return items.map((i) => recordOf<BoardRecord>(i));
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Earning rules
// ---------------------------------------------------------------------------------------------------------------

export interface RulesRecord extends RulesOverride {
  scope: string;
  updatedAt: string;
  updatedBy: string;
}

export const rules = {
  async get(table: Table, scope: string): Promise<RulesRecord | undefined> {
    const item = await table.get(keys.rules(scope));
    return item ? recordOf<RulesRecord>(item) : undefined;
  },

  async getMany(table: Table, scopes: string[]): Promise<Map<string, RulesRecord>> {
    const items = await table.getMany(scopes.map((s) => keys.rules(s)));
    return new Map(items.map((i) => [i.scope as string, recordOf<RulesRecord>(i)]));
  },

  put(tx: UnitOfWork, record: RulesRecord): void {
    tx.put({ ...keys.rules(record.scope), ...record });
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Points supermarket
// ---------------------------------------------------------------------------------------------------------------

const outOfStock = problems.conflict('out-of-stock', {
  zh: '库存不足，该商品已被兑完。',
  en: 'Not enough stock left for this item.',
});

export const items = {
  async get(table: Table, itemId: string): Promise<CatalogueItem | undefined> {
    const item = await table.get(keys.item(itemId));
    return item ? recordOf<CatalogueItem>(item) : undefined;
  },

  create(tx: UnitOfWork, item: CatalogueItem): void {
    tx.put(
      { ...keys.item(item.itemId), gsi1pk: `CATALOGUE#${item.place}`, gsi1sk: `${item.createdAt}#${item.itemId}`, ...item },
      { condition: cond.notExists(), onConflict: 'retry' },
    );
  },

  /** Field changes that do not touch the counters (those only move atomically below). */
  change(tx: UnitOfWork, itemId: string, set: Record<string, unknown>): void {
    tx.update(keys.item(itemId), { set }, { condition: cond.exists(), onConflict: 'retry' });
  },

  restock(tx: UnitOfWork, itemId: string, quantity: number, at: string): void {
    tx.update(keys.item(itemId), { add: { stock: quantity }, set: { updatedAt: at } }, { condition: cond.exists(), onConflict: 'retry' });
  },

  /** Shelf → held, only if the shelf still has that many (the no-oversell guarantee). */
  holdStock(tx: UnitOfWork, itemId: string, quantity: number): void {
    tx.update(
      keys.item(itemId),
      { add: { stock: -quantity, held: quantity } },
      { condition: cond.atLeast('stock', quantity), onConflict: outOfStock },
    );
  },

  /** Held → shelf (cancelled or expired). */
  releaseStock(tx: UnitOfWork, itemId: string, quantity: number): void {
    tx.update(
      keys.item(itemId),
      { add: { stock: quantity, held: -quantity } },
      { condition: cond.atLeast('held', quantity), onConflict: 'retry' },
    );
  },

  /** Held → sold (fulfilled). */
  sellStock(tx: UnitOfWork, itemId: string, quantity: number): void {
    tx.update(
      keys.item(itemId),
      { add: { sold: quantity, held: -quantity } },
      { condition: cond.atLeast('held', quantity), onConflict: 'retry' },
    );
  },

  async listByPlace(table: Table, place: string): Promise<CatalogueItem[]> {
    const list = await table.queryAll({ index: 'gsi1', pk: `CATALOGUE#${place}` });
    return list.map((i) => recordOf<CatalogueItem>(i));
  },
};

export const redemptions = {
  async get(table: Table, id: string): Promise<(Redemption & { version: number }) | undefined> {
    const item = await table.get(keys.redemption(id));
    return item ? { ...recordOf<Redemption>(item), version: item.version as number } : undefined;
  },

  /** Writes a redemption in its new state; reserved ones are indexed for the expiry job. */
  write(tx: UnitOfWork, r: Redemption, expectedVersion: number | undefined): void {
    const item: Item = {
      ...keys.redemption(r.redemptionId),
      gsi1pk: `ORDERS#${r.person}`,
      gsi1sk: `${r.reservedAt}#${r.redemptionId}`,
      gsi3pk: `SHOP#${r.place}`,
      gsi3sk: `${r.reservedAt}#${r.redemptionId}`,
      ...r,
    };
    if (r.status === 'reserved') {
      item.gsi2pk = `HOLDS#${shardOf(r.redemptionId)}`;
      item.gsi2sk = `${r.expiresAt}#${r.redemptionId}`;
    }
    tx.putVersioned(item, expectedVersion, 'retry');
  },

  async ofPerson(table: Table, person: string, opts: { limit: number; cursor?: string }) {
    const page = await table.query({
      index: 'gsi1',
      pk: `ORDERS#${person}`,
      forward: false,
      limit: opts.limit,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { items: page.items.map((i) => recordOf<Redemption>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },

  async ofShop(table: Table, place: string, opts: { limit: number; cursor?: string }) {
    const page = await table.query({
      index: 'gsi3',
      pk: `SHOP#${place}`,
      forward: false,
      limit: opts.limit,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { items: page.items.map((i) => recordOf<Redemption>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },

  async dueForExpiry(table: Table, shard: number, now: string): Promise<string[]> {
    const list = await table.queryAll({ index: 'gsi2', pk: `HOLDS#${shard}`, sk: { lt: `${now}$` } });
    return list.map((i) => i.redemptionId as string);
  },
};
