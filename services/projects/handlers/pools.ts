import { z } from 'zod';
import {
  Fen,
  FundSource,
  FundsAllocated,
  FundsReceived,
  FundsTransferred,
  Id,
  IsoDate,
  PlacePath,
  PostingReversed,
} from '@cocreate/contracts';
import { type ServiceContext, type UnitOfWork, defineRoute, newId, problems } from '@cocreate/kernel';
import { isWithin } from '@cocreate/places';
import { chinaDate } from '../domain/dates.ts';
import { type AllocationRefusal, Restriction, planAllocation } from '../domain/funds.ts';
import { SPENDING_STAGES } from '../domain/lifecycle.ts';
import { type Line, allocationLines, parseAccount, receiptLines, reversalLines, transferOutLines, trialBalance } from '../domain/ledger.ts';
import { type SourceRecord, funds, ledger, projects, sources } from '../store.ts';
import { BOOKKEEPERS, READERS, loadProject, projectPlace, requireCommittee } from './common.ts';
import { FundsView, projectFunds } from './views.ts';

/** A pool is kept by a village or community, or by a township (乡镇统筹). */
export async function poolKind(ctx: ServiceContext, pool: string): Promise<'village' | 'township' | undefined> {
  const kind = (await ctx.register.place(pool))?.kind;
  if (kind === 'village' || kind === 'community') return 'village';
  if (kind === 'township') return 'township';
  return undefined;
}

async function requirePool(ctx: ServiceContext, pool: string, pointer = '/pool'): Promise<'village' | 'township'> {
  const kind = await poolKind(ctx, pool);
  if (!kind) {
    throw problems.rule(
      'not-a-pool',
      { zh: '资金池只设在村（社区）或乡镇。', en: 'Fund pools are kept by villages, communities or townships.' },
      {},
      [
        {
          in: pointer === '/pool' ? 'body' : 'query',
          pointer,
          rule: 'pool-place',
          message: { zh: '须为村、社区或乡镇路径', en: 'a village, community or township path' },
        },
      ],
    );
  }
  return kind;
}

export const SourceView = z.object({
  sourceId: Id,
  pool: PlacePath,
  source: FundSource,
  from: z.string(),
  amount: Fen,
  restriction: z.object({ categories: z.array(z.string()).optional(), projects: z.array(z.string()).optional() }).optional(),
  receivedAt: z.string(),
  receivedOn: z.string(),
  recordedBy: z.string(),
  origin: z.enum(['manual', 'contribution', 'award', 'transfer']),
  postingId: Id,
  contributionId: z.string().optional(),
  awardId: z.string().optional(),
  viaPool: z.string().optional(),
  viaSource: z.string().optional(),
  note: z.string().optional(),
});

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
    {
      postingId,
      pool: r.pool,
      kind: 'receipt',
      lines: receiptLines(sourceId, r.amount),
      memo: `${r.source}: ${r.from}`,
      at: r.receivedAt,
      by: r.recordedBy,
      sourceId,
    },
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
  if (bad.length) {
    throw problems.rule(
      'unknown-project',
      { zh: '限定用途中的项目不属于该资金池。', en: 'The restriction names projects that are not this pool’s.' },
      { projects: bad },
      [{ in: 'body', pointer: '/restriction/projects', rule: 'pool-project', message: `unknown here: ${bad.join(', ')}` }],
    );
  }
}

export const recordReceipt = defineRoute({
  method: 'POST',
  path: '/projects/pools/receipts',
  operationId: 'recordReceipt',
  summary: 'Book money into a village or township pool from a named source, with any purpose restriction',
  auth: { roles: ['treasurer', 'cadre', 'township-official'], place: ({ body }) => body.pool },
  body: z.object({
    pool: PlacePath,
    source: FundSource,
    amount: Fen.positive().max(100_000_000_000),
    from: z.string().trim().min(1).max(200),
    restriction: Restriction.optional(),
    receivedOn: IsoDate.optional(),
    note: z.string().trim().max(1000).optional(),
  }),
  response: SourceView,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    await requirePool(ctx, body.pool);
    const today = chinaDate(ctx.now());
    if (body.receivedOn && body.receivedOn > today) {
      throw problems.rule('future-date', { zh: '到账日期不能晚于今天。', en: 'Money cannot be received on a future date.' }, { today }, [
        { in: 'body', pointer: '/receivedOn', rule: 'not-future', message: { zh: `${today} 或之前`, en: `on or before ${today}` } },
      ]);
    }
    await checkRestrictedProjects(ctx, body.pool, body.restriction);
    return bookReceipt(ctx.tx, {
      pool: body.pool,
      source: body.source,
      from: body.from,
      amount: body.amount,
      ...(body.restriction ? { restriction: body.restriction } : {}),
      receivedAt: ctx.now().toISOString(),
      receivedOn: body.receivedOn ?? today,
      recordedBy: ctx.actor.sub,
      origin: 'manual',
      ...(body.note ? { note: body.note } : {}),
    });
  },
});

export const transferToVillage = defineRoute({
  method: 'POST',
  path: '/projects/pools/transfers',
  operationId: 'transferToVillagePool',
  summary: 'Pass money from a township pool to one of its villages’ pools; source kind and restriction travel with it',
  auth: { roles: ['township-official'], place: ({ body }) => body.pool },
  body: z.object({ pool: PlacePath, toVillage: PlacePath, sourceId: Id, amount: Fen.positive() }),
  response: z.object({ transferPostingId: Id, source: SourceView }),
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const [kind, receiverKind] = await Promise.all([requirePool(ctx, body.pool), poolKind(ctx, body.toVillage)]);
    if (kind !== 'township') {
      throw problems.rule(
        'not-a-township-pool',
        { zh: '只有乡镇资金池可以下拨到村。', en: 'Only a township pool passes money on to villages.' },
        {},
        [{ in: 'body', pointer: '/pool', rule: 'township', message: { zh: '须为乡镇路径', en: 'a township path' } }],
      );
    }
    if (receiverKind !== 'village' || !isWithin(body.toVillage, body.pool)) {
      throw problems.rule(
        'not-a-village-of-township',
        { zh: '接收方须是本乡镇的村或社区。', en: 'The receiving pool must be a village or community of this township.' },
        {},
        [
          {
            in: 'body',
            pointer: '/toVillage',
            rule: 'within-township',
            message: { zh: `须为 ${body.pool} 下的村`, en: `a village under ${body.pool}` },
          },
        ],
      );
    }
    const source = await sources.get(ctx.table, body.pool, body.sourceId);
    if (!source) throw problems.notFound({ zh: '资金来源', en: 'The source' });
    const [acct] = await ledger.accounts(ctx.table, body.pool, `src:${body.sourceId}`);
    const balance = acct?.balance ?? 0;
    if (balance < body.amount) {
      throw problems.conflict(
        'insufficient-source',
        { zh: '该来源的未分配余额不足。', en: 'The source has too little unallocated money.' },
        { sourceId: body.sourceId, balance },
      );
    }
    const now = ctx.now().toISOString();
    const transferPostingId = newId();
    ledger.post(
      ctx.tx,
      {
        postingId: transferPostingId,
        pool: body.pool,
        kind: 'transfer-out',
        lines: transferOutLines(body.toVillage, body.sourceId, body.amount),
        memo: `to ${body.toVillage}`,
        at: now,
        by: ctx.actor.sub,
        sourceId: body.sourceId,
      },
      'retry',
    );
    const received = bookReceipt(ctx.tx, {
      pool: body.toVillage,
      source: source.source,
      from: source.from,
      amount: body.amount,
      ...(source.restriction ? { restriction: source.restriction } : {}),
      receivedAt: now,
      receivedOn: chinaDate(ctx.now()),
      recordedBy: ctx.actor.sub,
      origin: 'transfer',
      viaPool: body.pool,
      viaSource: body.sourceId,
    });
    ctx.tx.emit(
      FundsTransferred,
      {
        fromPool: body.pool,
        toPool: body.toVillage,
        sourceId: body.sourceId,
        newSourceId: received.sourceId,
        source: source.source,
        amount: body.amount,
      },
      { place: body.pool },
    );
    return { transferPostingId, source: received };
  },
});

export const allocateFunds = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/allocations',
  operationId: 'allocateFunds',
  summary: 'Allocate pool money to a project, from named sources or the eligible ones oldest first, never against a restriction',
  auth: { roles: ['cadre'], place: projectPlace },
  params: z.object({ projectId: Id }),
  body: z.object({
    amount: Fen.positive(),
    sources: z
      .array(z.object({ sourceId: Id, amount: Fen.positive() }))
      .min(1)
      .max(20)
      .optional(),
  }),
  response: z.object({
    postingId: Id,
    amount: Fen,
    sources: z.array(z.object({ sourceId: Id, source: FundSource, amount: Fen })),
    funds: FundsView,
  }),
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const project = await loadProject(ctx, params.projectId);
    await requireCommittee(ctx, project.village);
    if (!SPENDING_STAGES.includes(project.stage)) {
      throw problems.conflict(
        'not-spending-stage',
        { zh: '项目审批通过后、决算前才能安排资金。', en: 'Money is allocated between approval and the final accounts.' },
        { stage: project.stage, allowedStages: SPENDING_STAGES },
      );
    }
    const ids = body.sources?.map((s) => s.sourceId) ?? [];
    if (new Set(ids).size !== ids.length) {
      throw problems.rule('duplicate-source', { zh: '同一来源只能列一次。', en: 'Name each source once.' }, {}, [
        { in: 'body', pointer: '/sources', rule: 'unique', message: { zh: '每个 sourceId 只能出现一次', en: 'each sourceId once' } },
      ]);
    }
    const pool = project.village;
    const [list, balances, allocatedSoFar] = await Promise.all([
      sources.list(ctx.table, pool),
      ledger.accounts(ctx.table, pool, 'src:'),
      funds.allocatedTotal(ctx.table, project.projectId),
    ]);
    const balanceOf = new Map(balances.map((b) => [b.sourceId, b.balance]));
    const plan = planAllocation({
      amount: body.amount,
      budget: project.budget,
      allocatedSoFar,
      project,
      sources: list.map((s) => ({
        sourceId: s.sourceId,
        source: s.source,
        restriction: s.restriction,
        balance: balanceOf.get(s.sourceId) ?? 0,
      })),
      explicit: body.sources,
    });
    if ('refused' in plan) throw allocationProblem(plan);
    const kindOf = new Map(list.map((s) => [s.sourceId, s.source]));
    const postingId = newId();
    const now = ctx.now().toISOString();
    const restrictionOf = new Map(list.map((s) => [s.sourceId, s.restriction]));
    ledger.post(
      ctx.tx,
      {
        postingId,
        pool,
        kind: 'allocation',
        lines: allocationLines(project.projectId, plan.draws),
        memo: project.title,
        at: now,
        by: ctx.actor.sub,
        projectId: project.projectId,
      },
      'retry',
      // The allocation account carries its source's kind and restriction: spending re-checks them without a read.
      (name) => {
        const a = parseAccount(name);
        return a.kind === 'alloc'
          ? { source: kindOf.get(a.sourceId), ...(restrictionOf.get(a.sourceId) ? { restriction: restrictionOf.get(a.sourceId) } : {}) }
          : {};
      },
    );
    funds.addAllocated(ctx.tx, project.projectId, body.amount, project.budget);
    projects.checkVersion(ctx.tx, project);
    const drawn = plan.draws.map((d) => ({ sourceId: d.sourceId, source: kindOf.get(d.sourceId)!, amount: d.amount }));
    ctx.tx.emit(
      FundsAllocated,
      { postingId, pool, projectId: project.projectId, village: project.village, amount: body.amount, sources: drawn },
      { place: project.village },
    );
    const before = await projectFunds(ctx.table, project);
    const bySource = new Map(before.bySource.map((r) => [r.sourceId, { ...r }]));
    for (const d of plan.draws) {
      const r = bySource.get(d.sourceId) ?? { sourceId: d.sourceId, available: 0, held: 0, spent: 0 };
      r.available += d.amount;
      bySource.set(d.sourceId, r);
    }
    const after: FundsView = {
      ...before,
      available: before.available + body.amount,
      allocated: before.allocated + body.amount,
      bySource: [...bySource.values()].sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1)),
    };
    return { postingId, amount: body.amount, sources: drawn, funds: after };
  },
});

function allocationProblem(r: AllocationRefusal) {
  switch (r.refused) {
    case 'over-budget':
      return problems.conflict(
        'over-budget',
        { zh: '安排的资金将超过项目预算。', en: 'The allocation would exceed the project’s budget.' },
        { room: r.room },
      );
    case 'unknown-source':
      return problems.rule(
        'unknown-source',
        { zh: '资金池中没有所列来源。', en: 'The pool has no such source.' },
        { sourceIds: r.sourceIds },
        [{ in: 'body', pointer: '/sources', rule: 'pool-source', message: `unknown: ${r.sourceIds.join(', ')}` }],
      );
    case 'restricted-source':
      return problems.rule(
        'restricted-source',
        {
          zh: '该来源限定了用途，不能用于本项目（渠道不乱、用途不变）。',
          en: 'The source’s purpose restriction does not allow this project (purposes unchanged).',
        },
        { sourceIds: r.sourceIds },
        [{ in: 'body', pointer: '/sources', rule: 'purpose-restriction', message: `restricted: ${r.sourceIds.join(', ')}` }],
      );
    case 'insufficient-source':
      return problems.conflict(
        'insufficient-source',
        { zh: '该来源的未分配余额不足。', en: 'The source has too little unallocated money.' },
        { sourceId: r.sourceId, balance: r.balance },
      );
    case 'insufficient-pool':
      return problems.conflict(
        'insufficient-pool',
        { zh: '资金池中可用于本项目的资金不足。', en: 'The pool has too little money this project may use.' },
        { available: r.available },
      );
    case 'sources-do-not-add-up':
      return problems.rule(
        'sources-do-not-add-up',
        { zh: '各来源金额之和须等于安排总额。', en: 'The sources’ amounts must add up to the amount.' },
        { total: r.total },
        [{ in: 'body', pointer: '/sources', rule: 'sum', message: { zh: `合计为 ${r.total}`, en: `adds up to ${r.total}` } }],
      );
    case 'too-many-sources':
      return problems.rule(
        'too-many-sources',
        { zh: `一次最多使用 ${r.max} 个来源，请分次安排。`, en: `At most ${r.max} sources at once; split the allocation.` },
        { max: r.max },
      );
  }
}

export const reversePosting = defineRoute({
  method: 'POST',
  path: '/projects/pools/postings/{postingId}/reverse',
  operationId: 'reversePosting',
  summary: 'Correct a receipt or an allocation with a reversing posting (the ledger is never edited)',
  auth: { roles: ['treasurer', 'cadre', 'township-official'], place: ({ body }) => body.pool },
  params: z.object({ postingId: Id }),
  body: z.object({ pool: PlacePath, reason: z.string().trim().min(1).max(1000) }),
  response: z.object({ reversalId: Id, reverses: Id, amount: Fen }),
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    if ((await requirePool(ctx, body.pool)) === 'village' && ctx.actor.role !== 'township-official') await requireCommittee(ctx, body.pool);
    const original = await ledger.posting(ctx.table, body.pool, params.postingId);
    if (!original) throw problems.notFound({ zh: '记账凭证', en: 'The posting' });
    if (original.kind !== 'receipt' && original.kind !== 'allocation') throw notReversible();
    if (original.kind === 'receipt') {
      const s = original.sourceId ? await sources.get(ctx.table, body.pool, original.sourceId) : undefined;
      // Contributions, awards and transfers are corrected where they came from, not by editing the pool.
      if (s?.origin !== 'manual') throw notReversible();
    }
    if (await ledger.isReversed(ctx.table, body.pool, original.postingId)) throw alreadyReversed();
    const reversalId = newId();
    const now = ctx.now().toISOString();
    const used = problems.conflict(
      'money-already-used',
      {
        zh: '这笔钱已被安排或支出，不能冲销；请先冲销后续凭证。',
        en: 'The money has already been allocated or spent; reverse what followed first.',
      },
      { postingId: original.postingId },
    );
    const lines: Line[] = reversalLines(original.lines);
    ledger.post(
      ctx.tx,
      {
        postingId: reversalId,
        pool: body.pool,
        kind: 'reversal',
        lines,
        memo: body.reason,
        at: now,
        by: ctx.actor.sub,
        reverses: original.postingId,
        ...(original.projectId ? { projectId: original.projectId } : {}),
        ...(original.sourceId ? { sourceId: original.sourceId } : {}),
      },
      used,
    );
    ledger.markReversed(ctx.tx, body.pool, original.postingId, reversalId, alreadyReversed());
    if (original.kind === 'allocation' && original.projectId) funds.addAllocated(ctx.tx, original.projectId, -original.amount, 0);
    ctx.tx.emit(
      PostingReversed,
      {
        pool: body.pool,
        postingId: original.postingId,
        reversalId,
        kind: original.kind,
        amount: original.amount,
        reason: body.reason,
        ...(original.projectId ? { projectId: original.projectId } : {}),
      },
      { place: body.pool },
    );
    return { reversalId, reverses: original.postingId, amount: original.amount };
  },
});

const notReversible = () =>
  problems.rule('not-reversible', {
    zh: '只有手工录入的收入和资金安排可以冲销；拨付通过拒绝或退款更正。',
    en: 'Only manually booked receipts and allocations are reversed; disbursements are corrected by rejection or a refund receipt.',
  });
const alreadyReversed = () => problems.conflict('already-reversed', { zh: '该凭证已冲销。', en: 'The posting has already been reversed.' });

// ——— views ———

const PoolQuery = z.object({ pool: PlacePath });

export const PoolView = z.object({
  pool: PlacePath,
  kind: z.enum(['village', 'township']),
  totals: z.object({
    received: Fen,
    unallocated: Fen,
    allocated: Fen,
    held: Fen,
    spent: Fen,
    transferred: Fen,
    /** Money still in the pool: unallocated + allocated + held. */
    balance: Fen,
  }),
  sources: z.array(SourceView.extend({ unallocated: Fen, allocated: Fen, held: Fen, spent: Fen, transferred: Fen, reversed: Fen })),
});

export const getPool = defineRoute({
  method: 'GET',
  path: '/projects/pools',
  operationId: 'getPool',
  summary: 'A pool’s money by source: received, unallocated, allocated, held, spent (各记其功)',
  auth: { roles: READERS, place: ({ query }) => query.pool },
  query: PoolQuery,
  response: PoolView,
  handler: async ({ query }, ctx) => {
    const kind = await requirePool(ctx, query.pool, '/pool');
    return poolView(ctx, query.pool, kind);
  },
});

export async function poolView(ctx: ServiceContext, pool: string, kind: 'village' | 'township'): Promise<z.infer<typeof PoolView>> {
  const [list, accounts] = await Promise.all([sources.list(ctx.table, pool), ledger.accounts(ctx.table, pool)]);
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

const PostingView = z.object({
  postingId: Id,
  pool: PlacePath,
  kind: z.string(),
  lines: z.array(z.object({ account: z.string(), side: z.enum(['debit', 'credit']), amount: Fen })),
  amount: Fen,
  memo: z.string(),
  at: z.string(),
  by: z.string(),
  projectId: z.string().optional(),
  disbursementId: z.string().optional(),
  sourceId: z.string().optional(),
  reverses: z.string().optional(),
});

export const listPostings = defineRoute({
  method: 'GET',
  path: '/projects/pools/postings',
  operationId: 'listPostings',
  summary: 'A pool’s journal, newest first',
  auth: { roles: BOOKKEEPERS, place: ({ query }) => query.pool },
  query: PoolQuery.extend({ limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(2048).optional() }),
  response: z.object({ items: z.array(PostingView), cursor: z.string().optional() }),
  handler: async ({ query }, ctx) => {
    await requirePool(ctx, query.pool, '/pool');
    return ledger.postings(ctx.table, query.pool, { limit: query.limit, cursor: query.cursor });
  },
});

export const checkLedger = defineRoute({
  method: 'GET',
  path: '/projects/pools/ledger-check',
  operationId: 'checkLedger',
  summary: 'Audit a pool: every posting balances, every running balance equals the sum of its entries, none negative',
  auth: { roles: BOOKKEEPERS, place: ({ query }) => query.pool },
  query: PoolQuery,
  response: z.object({
    pool: PlacePath,
    postings: z.number().int(),
    totalDebits: Fen,
    totalCredits: Fen,
    balanced: z.boolean(),
    unbalancedPostings: z.array(z.string()),
    mismatches: z.array(z.object({ account: z.string(), stored: z.number(), fromEntries: z.number() })),
    holdMismatches: z.array(z.string()),
    negative: z.array(z.string()),
    ok: z.boolean(),
  }),
  handler: async ({ query }, ctx) => {
    await requirePool(ctx, query.pool, '/pool');
    // Accounts first, then postings: a posting committing in between shows as a mismatch rather than hiding one.
    const accounts = await ledger.accounts(ctx.table, query.pool);
    const postings = await ledger.allPostings(ctx.table, query.pool);
    return { pool: query.pool, ...trialBalance(postings, accounts) };
  },
});
