import { type Condition, type OnConflict, type Table, type UnitOfWork, cond, pageOf, readRecord, recordOf } from '@cocreate/kernel';
import type { AccountRecord, SourceRecord } from '../domain/funds.ts';
import { type Draw, type Posting, account, effectOf, parseAccount } from '../domain/ledger.ts';
import { keys } from './keys.ts';

/** What a pool's running totals add up, by kind of account; `allocated` holds what is available and held alike. */
type PoolTotalKey = 'received' | 'unallocated' | 'allocated' | 'spent' | 'transferred' | 'balance';
export type PoolTotals = Record<PoolTotalKey | 'postings', number>;
const totalOf: Partial<Record<string, PoolTotalKey>> = {
  fund: 'received',
  src: 'unallocated',
  alloc: 'allocated',
  spent: 'spent',
  xfer: 'transferred',
};

export const ledger = {
  /**
   * Writes a balanced posting (see `postingOf`) and moves every account it touches, in the caller's unit of work.
   * Each line that lowers an account carries the guard "balance ≥ amount" as a condition of its own update: if a
   * concurrent posting got there first the whole unit fails together (`onShortfall`: 'retry' to recompute from fresh
   * balances, or the 409 to answer).
   */
  post(
    tx: UnitOfWork,
    posting: Posting,
    onShortfall: OnConflict,
    /** Attributes an account gets when this posting creates it (e.g. an allocation's source kind and restriction). */
    accountMeta: (account: string) => Record<string, unknown> = () => ({}),
  ): void {
    tx.create({ ...keys.posting(posting.pool, posting.postingId), ...posting }, 'retry');
    const totals: Record<PoolTotalKey, number> = { received: 0, unallocated: 0, allocated: 0, spent: 0, transferred: 0, balance: 0 };
    for (const line of posting.lines) {
      const effect = effectOf(line);
      const parsed = parseAccount(line.account);
      const add: Record<string, number> = {
        balance: effect,
        debits: line.side === 'debit' ? line.amount : 0,
        credits: line.side === 'credit' ? line.amount : 0,
      };
      // Allocation accounts keep available + held = balance: a disbursement pays out of what its request held;
      // everything else moves the available part.
      let guard = 'balance';
      if (parsed.kind === 'alloc') {
        guard = effect < 0 && posting.kind === 'disbursement' ? 'held' : 'available';
        add[guard] = effect;
      }
      const meta = {
        ...accountMeta(line.account),
        account: line.account,
        pool: posting.pool,
        kind: parsed.kind,
        sourceId: parsed.sourceId,
        projectId: parsed.projectId,
      };
      tx.update(
        keys.account(posting.pool, line.account),
        // if_not_exists takes a value: attributes the account does not have are left out.
        { add, setIfMissing: Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) },
        effect < 0 ? { condition: cond.atLeast(guard, -effect), onConflict: onShortfall } : {},
      );
      const total = totalOf[parsed.kind];
      if (total) totals[total] += effect;
      if (parsed.kind === 'src' || parsed.kind === 'alloc') totals.balance += effect;
    }
    // The pool's running totals move in the same transaction as its accounts, so its balance is one read however
    // long its history (a postings count tells the audit how many postings the totals have seen).
    tx.update(keys.poolTotals(posting.pool), {
      add: { ...Object.fromEntries(Object.entries(totals).filter(([, v]) => v !== 0)), postings: 1 },
      setIfMissing: { pool: posting.pool },
    });
  },

  /** The pool's running totals (zeros for a pool nothing was ever booked in). */
  async totals(table: Table, pool: string): Promise<PoolTotals> {
    const item = await table.get(keys.poolTotals(pool));
    const n = (k: string) => (typeof item?.[k] === 'number' ? (item[k] as number) : 0);
    return {
      received: n('received'),
      unallocated: n('unallocated'),
      allocated: n('allocated'),
      spent: n('spent'),
      transferred: n('transferred'),
      balance: n('balance'),
      postings: n('postings'),
    };
  },

  /**
   * A disbursement request holds money on the project's allocation accounts (an encumbrance, 预留 — a memo, not a
   * posting): available → held, each guarded "available ≥ amount" in the request's own transaction.
   */
  hold(tx: UnitOfWork, pool: string, projectId: string, draws: readonly Draw[], onShortfall: OnConflict): void {
    for (const d of draws) {
      tx.update(
        keys.account(pool, account.allocation(projectId, d.sourceId)),
        { add: { available: -d.amount, held: d.amount } },
        { condition: cond.atLeast('available', d.amount), onConflict: onShortfall },
      );
    }
  },

  /** A rejected request gives its held money back to available. */
  release(tx: UnitOfWork, pool: string, projectId: string, draws: readonly Draw[], onConflict: OnConflict): void {
    for (const d of draws) {
      tx.update(
        keys.account(pool, account.allocation(projectId, d.sourceId)),
        { add: { available: d.amount, held: -d.amount } },
        { condition: cond.atLeast('held', d.amount), onConflict },
      );
    }
  },

  /** Asserts nothing is held on an allocation account (the final accounts close only settled books). */
  checkNothingHeld(tx: UnitOfWork, pool: string, accountName: string): void {
    tx.check(
      keys.account(pool, accountName),
      { expression: 'attribute_not_exists(#_held) OR #_held = :_zero', names: { '#_held': 'held' }, values: { ':_zero': 0 } },
      'retry',
    );
  },

  async accounts(table: Table, pool: string, prefix = ''): Promise<AccountRecord[]> {
    const items = await table.queryAll({ pk: keys.poolPk(pool), sk: { beginsWith: `ACCT#${prefix}` } });
    return items.map((i) => recordOf<AccountRecord>(i));
  },

  /** The project's accounts of one kind (alloc or spent) in its pool. */
  projectAccounts(table: Table, pool: string, kind: 'alloc' | 'spent', projectId: string): Promise<AccountRecord[]> {
    return ledger.accounts(table, pool, `${kind}:${projectId}:`);
  },

  /** A page of the journal, newest first. */
  postings(table: Table, pool: string, opts: { limit: number; cursor?: string | undefined }) {
    return pageOf<Posting>(table, {
      pk: keys.poolPk(pool),
      sk: { beginsWith: 'POSTING#' },
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
  },

  async allPostings(table: Table, pool: string): Promise<Posting[]> {
    const items = await table.queryAll({ pk: keys.poolPk(pool), sk: { beginsWith: 'POSTING#' } }, 100_000);
    return items.map((i) => recordOf<Posting>(i));
  },

  posting(table: Table, pool: string, postingId: string): Promise<Posting | undefined> {
    return readRecord<Posting>(table, keys.posting(pool, postingId));
  },

  /** A posting is corrected once: the marker's create fails for a second reversal. */
  markReversed(tx: UnitOfWork, pool: string, postingId: string, reversalId: string, onConflict: OnConflict): void {
    tx.create({ ...keys.reversed(pool, postingId), reversalId }, onConflict);
  },

  async isReversed(table: Table, pool: string, postingId: string): Promise<boolean> {
    return (await table.get(keys.reversed(pool, postingId))) !== undefined;
  },
};

export const sources = {
  create(tx: UnitOfWork, s: SourceRecord): void {
    tx.create({ ...keys.source(s.pool, s.sourceId), ...s }, 'retry');
  },

  async list(table: Table, pool: string): Promise<SourceRecord[]> {
    const items = await table.queryAll({ pk: keys.poolPk(pool), sk: { beginsWith: 'SOURCE#' } });
    return items.map((i) => recordOf<SourceRecord>(i));
  },

  async getMany(table: Table, pool: string, ids: readonly string[]): Promise<SourceRecord[]> {
    if (!ids.length) return [];
    const items = await table.getMany(ids.map((id) => keys.source(pool, id)));
    return items.map((i) => recordOf<SourceRecord>(i));
  },

  get(table: Table, pool: string, sourceId: string): Promise<SourceRecord | undefined> {
    return readRecord<SourceRecord>(table, keys.source(pool, sourceId));
  },

  async awardSeen(table: Table, pool: string, awardId: string): Promise<boolean> {
    return (await table.get(keys.award(pool, awardId))) !== undefined;
  },

  markAward(tx: UnitOfWork, pool: string, awardId: string, sourceId: string): void {
    tx.create({ ...keys.award(pool, awardId), sourceId }, 'retry');
  },
};

/** Project funds: what a project was allocated, guarded against its budget. */
export const funds = {
  async allocatedTotal(table: Table, projectId: string): Promise<number> {
    return ((await table.get(keys.funds(projectId)))?.allocatedTotal as number | undefined) ?? 0;
  },

  /** What 完善/提升-class projects were allocated from each source of the pool (the class rule's running use). */
  async classUse(table: Table, pool: string): Promise<Map<string, number>> {
    const items = await table.queryAll({ pk: keys.poolPk(pool), sk: { beginsWith: 'CLASSUSE#' } });
    return new Map(items.map((i) => [i.sourceId as string, (i.used as number | undefined) ?? 0]));
  },

  /**
   * Adds a 完善/提升-class allocation to a source's running use, never beyond `cap` (the rule's share of the source)
   * when one is given: two allocations at once cannot together pass it. A reversal subtracts (`amount` < 0).
   */
  addClassUse(tx: UnitOfWork, pool: string, sourceId: string, amount: number, cap: number | undefined): void {
    const condition: Condition | undefined =
      amount > 0 && cap !== undefined
        ? {
            expression: 'attribute_not_exists(#_used) OR #_used <= :_usedMax',
            names: { '#_used': 'used' },
            values: { ':_usedMax': cap - amount },
          }
        : undefined;
    tx.update(
      keys.classUse(pool, sourceId),
      { add: { used: amount }, setIfMissing: { pool, sourceId } },
      condition ? { condition, onConflict: 'retry' } : {},
    );
  },

  /** Adds to what the project was allocated, never beyond `cap` (its budget), checked in the same transaction. */
  addAllocated(tx: UnitOfWork, projectId: string, amount: number, cap: number): void {
    const condition: Condition =
      amount > 0
        ? {
            expression: 'attribute_not_exists(#_alloc) OR #_alloc <= :_allocMax',
            names: { '#_alloc': 'allocatedTotal' },
            values: { ':_allocMax': cap - amount },
          }
        : cond.atLeast('allocatedTotal', -amount);
    tx.update(keys.funds(projectId), { add: { allocatedTotal: amount }, setIfMissing: { projectId } }, { condition, onConflict: 'retry' });
  },
};
