import { type FundSource, FundsAllocated, FundsReceived, FundsTransferred, PostingReversed } from '@cocreate/contracts';
import { type RouteContext, type ServiceContext, type UnitOfWork, newId, problems } from '@cocreate/kernel';
import { isWithin } from '@cocreate/places';
import {
  type AccountRecord,
  type ProjectFunds,
  type Restriction,
  type SourceRecord,
  NON_BASIC_CLASSES,
  classRoom,
  planAllocation,
  projectFundsOf,
} from '../domain/funds.ts';
import { checkSpending } from '../domain/lifecycle.ts';
import {
  type Draw,
  type Posting,
  type TrialBalance,
  allocationLines,
  parseAccount,
  postingOf,
  receiptLines,
  reversalLines,
  transferOutLines,
  trialBalance,
} from '../domain/ledger.ts';
import { type PoolTotals, funds, ledger, sources } from '../repos/ledger.ts';
import { projects } from '../repos/projects.ts';
import { loadProject, refuse, requireCommittee, settled, today } from './common.ts';
import { rulesFor } from './rates.ts';
import type { PoolView } from './views.ts';

type PoolKind = 'village' | 'township';

/** A pool is kept by a village or community, or by a township (乡镇统筹). */
export async function poolKind(ctx: ServiceContext, pool: string): Promise<PoolKind | undefined> {
  const kind = (await ctx.register.place(pool))?.kind;
  if (kind === 'village' || kind === 'community') return 'village';
  if (kind === 'township') return 'township';
  return undefined;
}

async function requirePool(ctx: ServiceContext, pool: string): Promise<PoolKind> {
  const kind = await poolKind(ctx, pool);
  if (!kind) throw refuse('not-a-pool', {}, '/pool');
  return kind;
}

/**
 * Books money into a pool: a new source (with its restriction) and the balanced receipt posting Dr src:S / Cr fund:S,
 * with FundsReceived, all in the caller's unit of work. Used by the receipts route, money contributions, awards
 * and township transfers alike.
 */
export function bookReceipt(tx: UnitOfWork, r: Omit<SourceRecord, 'sourceId' | 'postingId'> & { sourceId?: string }): SourceRecord {
  const sourceId = r.sourceId ?? newId();
  const postingId = newId();
  const record: SourceRecord = { ...r, sourceId, postingId };
  ledger.post(
    tx,
    postingOf({
      postingId,
      pool: r.pool,
      kind: 'receipt',
      lines: receiptLines(sourceId, r.amount),
      memo: `${r.source}: ${r.from}`,
      at: r.receivedAt,
      by: r.recordedBy,
      sourceId,
    }),
    'retry',
  );
  sources.create(tx, record);
  tx.emit(
    FundsReceived,
    {
      entryId: sourceId,
      pool: r.pool,
      source: r.source,
      amount: r.amount,
      from: r.from.slice(0, 200),
      ...(r.restriction ? { restriction: r.restriction } : {}),
    },
    { place: r.pool },
  );
  return record;
}

/** Named projects of a restriction must be projects of the pool's place. */
async function checkRestrictedProjects(ctx: ServiceContext, pool: string, restriction: Restriction | undefined): Promise<void> {
  const ids = restriction?.projects ?? [];
  const found = await Promise.all(ids.map((id) => projects.get(ctx.table, id)));
  const bad = ids.filter((_, i) => !found[i] || !isWithin(found[i]!.village, pool));
  if (bad.length) throw refuse('unknown-project', { projects: bad }, '/restriction/projects');
}

export interface RecordReceipt {
  pool: string;
  source: FundSource;
  amount: number;
  from: string;
  restriction?: Restriction | undefined;
  receivedOn?: string | undefined;
  note?: string | undefined;
}

/** Books money into a village or township pool from a named source, with any purpose restriction. */
export async function recordReceipt(cmd: RecordReceipt, ctx: RouteContext): Promise<SourceRecord> {
  await requirePool(ctx, cmd.pool);
  const day = today(ctx);
  if (cmd.receivedOn && cmd.receivedOn > day) throw refuse('future-date', { today: day }, '/receivedOn');
  await checkRestrictedProjects(ctx, cmd.pool, cmd.restriction);
  return bookReceipt(ctx.tx, {
    pool: cmd.pool,
    source: cmd.source,
    from: cmd.from,
    amount: cmd.amount,
    ...(cmd.restriction ? { restriction: cmd.restriction } : {}),
    receivedAt: ctx.now().toISOString(),
    receivedOn: cmd.receivedOn ?? day,
    recordedBy: ctx.actor.sub,
    origin: 'manual',
    ...(cmd.note ? { note: cmd.note } : {}),
  });
}

export interface TransferToVillage {
  pool: string;
  toVillage: string;
  sourceId: string;
  amount: number;
}

/** Passes money from a township pool to one of its villages' pools; source kind and restriction travel with it. */
export async function transferToVillage(
  cmd: TransferToVillage,
  ctx: RouteContext,
): Promise<{ transferPostingId: string; source: SourceRecord }> {
  const [kind, receiverKind] = await Promise.all([requirePool(ctx, cmd.pool), poolKind(ctx, cmd.toVillage)]);
  if (kind !== 'township') throw refuse('not-a-township-pool', {}, '/pool');
  if (receiverKind !== 'village' || !isWithin(cmd.toVillage, cmd.pool)) throw refuse('not-a-village-of-township', {}, '/toVillage');
  const source = await sources.get(ctx.table, cmd.pool, cmd.sourceId);
  if (!source) throw problems.notFound({ zh: '资金来源', en: 'The source' });
  const [acct] = await ledger.accounts(ctx.table, cmd.pool, `src:${cmd.sourceId}`);
  const balance = acct?.balance ?? 0;
  if (balance < cmd.amount) throw refuse('insufficient-source', { sourceId: cmd.sourceId, balance });
  const now = ctx.now().toISOString();
  const transferPostingId = newId();
  ledger.post(
    ctx.tx,
    postingOf({
      postingId: transferPostingId,
      pool: cmd.pool,
      kind: 'transfer-out',
      lines: transferOutLines(cmd.toVillage, cmd.sourceId, cmd.amount),
      memo: `to ${cmd.toVillage}`,
      at: now,
      by: ctx.actor.sub,
      sourceId: cmd.sourceId,
    }),
    'retry',
  );
  const received = bookReceipt(ctx.tx, {
    pool: cmd.toVillage,
    source: source.source,
    from: source.from,
    amount: cmd.amount,
    ...(source.restriction ? { restriction: source.restriction } : {}),
    receivedAt: now,
    receivedOn: today(ctx),
    recordedBy: ctx.actor.sub,
    origin: 'transfer',
    viaPool: cmd.pool,
    viaSource: cmd.sourceId,
  });
  ctx.tx.emit(
    FundsTransferred,
    {
      fromPool: cmd.pool,
      toPool: cmd.toVillage,
      sourceId: cmd.sourceId,
      newSourceId: received.sourceId,
      source: source.source,
      amount: cmd.amount,
    },
    { place: cmd.pool },
  );
  return { transferPostingId, source: received };
}

export interface AllocateFunds {
  projectId: string;
  amount: number;
  sources?: Draw[] | undefined;
}

export interface Allocation {
  postingId: string;
  amount: number;
  sources: { sourceId: string; source: FundSource; amount: number }[];
  /** The project's money with this allocation in it. */
  funds: ProjectFunds;
}

/** Allocates pool money to a project, from named sources or the eligible ones oldest first, never against a restriction. */
export async function allocateFunds(cmd: AllocateFunds, ctx: RouteContext): Promise<Allocation> {
  const project = await loadProject(ctx, cmd.projectId);
  await requireCommittee(ctx, project.village);
  settled(checkSpending(project.stage));
  const pool = project.village;
  // 完善/提升-class renovations may use only the county's share of each government source (争取资金主要用于基础类).
  const nonBasic = (NON_BASIC_CLASSES as readonly string[]).includes(project.renovationClass ?? 'basic');
  const [list, balances, allocatedSoFar, alloc, spent, rules, used] = await Promise.all([
    sources.list(ctx.table, pool),
    ledger.accounts(ctx.table, pool, 'src:'),
    funds.allocatedTotal(ctx.table, project.projectId),
    // The project's money before this allocation: the response adds the allocation to it.
    ledger.projectAccounts(ctx.table, pool, 'alloc', project.projectId),
    ledger.projectAccounts(ctx.table, pool, 'spent', project.projectId),
    nonBasic ? rulesFor(ctx, pool) : Promise.resolve(undefined),
    nonBasic ? funds.classUse(ctx.table, pool) : Promise.resolve(new Map<string, number>()),
  ]);
  const room = rules ? classRoom(list, used, rules.classFunding) : undefined;
  const balanceOf = new Map(balances.map((b) => [b.sourceId, b.balance]));
  const plan = settled(
    planAllocation({
      amount: cmd.amount,
      budget: project.budget,
      allocatedSoFar,
      project,
      sources: list.map((s) => ({
        sourceId: s.sourceId,
        source: s.source,
        restriction: s.restriction,
        balance: balanceOf.get(s.sourceId) ?? 0,
      })),
      explicit: cmd.sources,
      classRoom: room,
    }),
    '/sources',
  );
  const byId = new Map(list.map((s) => [s.sourceId, s]));
  const postingId = newId();
  ledger.post(
    ctx.tx,
    postingOf({
      postingId,
      pool,
      kind: 'allocation',
      lines: allocationLines(project.projectId, plan.draws),
      memo: project.title,
      at: ctx.now().toISOString(),
      by: ctx.actor.sub,
      projectId: project.projectId,
    }),
    'retry',
    // The allocation account carries its source's kind and restriction: spending re-checks them without a read.
    (name) => {
      const a = parseAccount(name);
      const s = a.kind === 'alloc' ? byId.get(a.sourceId) : undefined;
      return s ? { source: s.source, ...(s.restriction ? { restriction: s.restriction } : {}) } : {};
    },
  );
  funds.addAllocated(ctx.tx, project.projectId, cmd.amount, project.budget);
  // Every source's use by 完善/提升 projects is counted (a reversal subtracts it), and held to the cap where the rule governs.
  if (nonBasic) for (const d of plan.draws) funds.addClassUse(ctx.tx, pool, d.sourceId, d.amount, room?.get(d.sourceId)?.cap);
  projects.checkVersion(ctx.tx, project);
  const drawn = plan.draws.map((d) => ({ sourceId: d.sourceId, source: byId.get(d.sourceId)!.source, amount: d.amount }));
  ctx.tx.emit(
    FundsAllocated,
    { postingId, pool, projectId: project.projectId, village: project.village, amount: cmd.amount, sources: drawn },
    { place: project.village },
  );
  return { postingId, amount: cmd.amount, sources: drawn, funds: projectFundsOf(alloc, spent, plan.draws) };
}

/** Corrects a receipt or an allocation with a reversing posting (the ledger is never edited). */
export async function reversePosting(
  cmd: { postingId: string; pool: string; reason: string },
  ctx: RouteContext,
): Promise<{ reversalId: string; reverses: string; amount: number }> {
  if ((await requirePool(ctx, cmd.pool)) === 'village' && ctx.actor.role !== 'township-official') await requireCommittee(ctx, cmd.pool);
  const original = await ledger.posting(ctx.table, cmd.pool, cmd.postingId);
  if (!original) throw problems.notFound({ zh: '记账凭证', en: 'The posting' });
  if (original.kind !== 'receipt' && original.kind !== 'allocation') throw refuse('not-reversible');
  if (original.kind === 'receipt') {
    const s = original.sourceId ? await sources.get(ctx.table, cmd.pool, original.sourceId) : undefined;
    // Contributions, awards and transfers are corrected where they came from, not by editing the pool.
    if (s?.origin !== 'manual') throw refuse('not-reversible');
  }
  if (await ledger.isReversed(ctx.table, cmd.pool, original.postingId)) throw refuse('already-reversed');
  const reversalId = newId();
  ledger.post(
    ctx.tx,
    postingOf({
      postingId: reversalId,
      pool: cmd.pool,
      kind: 'reversal',
      lines: reversalLines(original.lines),
      memo: cmd.reason,
      at: ctx.now().toISOString(),
      by: ctx.actor.sub,
      reverses: original.postingId,
      ...(original.projectId ? { projectId: original.projectId } : {}),
      ...(original.sourceId ? { sourceId: original.sourceId } : {}),
    }),
    refuse('money-already-used', { postingId: original.postingId }),
  );
  ledger.markReversed(ctx.tx, cmd.pool, original.postingId, reversalId, refuse('already-reversed'));
  if (original.kind === 'allocation' && original.projectId) {
    funds.addAllocated(ctx.tx, original.projectId, -original.amount, 0);
    // A 完善/提升 project's allocation gives its sources' class room back.
    const project = await projects.get(ctx.table, original.projectId);
    if ((NON_BASIC_CLASSES as readonly string[]).includes(project?.renovationClass ?? 'basic')) {
      for (const l of original.lines) {
        const a = parseAccount(l.account);
        if (a.kind === 'alloc') funds.addClassUse(ctx.tx, cmd.pool, a.sourceId, -l.amount, undefined);
      }
    }
  }
  ctx.tx.emit(
    PostingReversed,
    {
      pool: cmd.pool,
      postingId: original.postingId,
      reversalId,
      kind: original.kind,
      amount: original.amount,
      reason: cmd.reason,
      ...(original.projectId ? { projectId: original.projectId } : {}),
    },
    { place: cmd.pool },
  );
  return { reversalId, reverses: original.postingId, amount: original.amount };
}

/** A pool's money by source: received, unallocated, allocated, held, spent (各记其功). */
export async function getPool(pool: string, ctx: RouteContext): Promise<PoolView> {
  return poolView(ctx, pool, await requirePool(ctx, pool));
}

export async function poolView(ctx: ServiceContext, pool: string, kind: PoolKind): Promise<PoolView> {
  const [list, accounts] = await Promise.all([sources.list(ctx.table, pool), ledger.accounts(ctx.table, pool)]);
  return poolViewOf(pool, kind, list, accounts);
}

/** A pool's money by source from its sources and its accounts' running balances. */
export function poolViewOf(pool: string, kind: PoolKind, list: readonly SourceRecord[], accounts: readonly AccountRecord[]): PoolView {
  const per = new Map(
    list.map((s) => [s.sourceId, { ...s, unallocated: 0, allocated: 0, held: 0, spent: 0, transferred: 0, received: 0 }]),
  );
  for (const a of accounts) {
    const row = per.get(a.sourceId);
    if (!row) continue;
    const k = parseAccount(a.account).kind;
    if (k === 'src') row.unallocated += a.balance;
    else if (k === 'alloc') {
      row.allocated += a.available ?? 0;
      row.held += a.held ?? 0;
    } else if (k === 'spent') row.spent += a.balance;
    else if (k === 'xfer') row.transferred += a.balance;
    else if (k === 'fund') row.received += a.balance;
  }
  const rows = [...per.values()];
  const sum = (k: 'unallocated' | 'allocated' | 'held' | 'spent' | 'transferred' | 'received') => rows.reduce((s, r) => s + r[k], 0);
  return {
    pool,
    kind,
    totals: {
      received: sum('received'),
      unallocated: sum('unallocated'),
      allocated: sum('allocated'),
      held: sum('held'),
      spent: sum('spent'),
      transferred: sum('transferred'),
      balance: sum('unallocated') + sum('allocated') + sum('held'),
    },
    // `received` per source is its fund account (what it brought, net of reversals); `amount` is what was booked.
    sources: rows.map(({ received, ...r }) => ({ ...r, reversed: r.amount - received })),
  };
}

/**
 * A pool's balance and totals from its running totals: one read, however many receipts and postings it has seen
 * (the by-source view above grows with its sources).
 */
export async function getPoolBalance(pool: string, ctx: RouteContext): Promise<{ pool: string } & PoolTotals> {
  await requirePool(ctx, pool);
  return { pool, ...(await ledger.totals(ctx.table, pool)) };
}

/** A pool's journal, newest first. */
export async function listPostings(
  query: { pool: string; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
): Promise<{ items: Posting[]; cursor?: string }> {
  await requirePool(ctx, query.pool);
  return ledger.postings(ctx.table, query.pool, query);
}

/** Audits a pool: every posting balances, every running balance equals the sum of its entries, none negative. */
export async function checkLedger(pool: string, ctx: RouteContext): Promise<{ pool: string } & TrialBalance> {
  await requirePool(ctx, pool);
  // Accounts first, then postings: a posting committing in between shows as a mismatch rather than hiding one.
  const accounts = await ledger.accounts(ctx.table, pool);
  const postings = await ledger.allPostings(ctx.table, pool);
  return { pool, ...trialBalance(postings, accounts) };
}
