import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PATH_TO_CONSTRUCTION,
  V,
  addMilestone,
  api,
  cadre3,
  moveAll,
  openProject,
  secretary,
  supervisor,
  supervisor2,
  treasurer,
} from '../../services/projects/test/helpers.ts';
import { answerJudge, inGroups } from './judging.ts';
import {
  allocateFunds,
  checkLedger,
  getPool,
  getPoolBalance,
  listPostings,
  recordReceipt,
  reversePosting,
} from '../../services/projects/handlers/pools.ts';
import { getProject } from '../../services/projects/handlers/projects.ts';
import { listDisbursements, requestDisbursement } from '../../services/projects/handlers/disbursements.ts';

/**
 * The pool ledger (共建资金池) under random interleavings (issue 16), in the shape of `invariants.int.test.ts`:
 * fast-check draws receipts into 马家桥村's pool, allocations to two projects (named sources or left to choose),
 * disbursement requests, approvals, countersignatures (双签), rejections and reversals, and groups of them are sent at
 * once through the gateway — so two approvals of one request, a rejection racing its countersignature, a reversal
 * racing a request that holds the same money, and allocations and requests racing for the last yuan all happen.
 *
 * Afterwards, whatever order the service saw them in: nothing answered 5xx and every refusal is one the rules name;
 * every request answered 201 is listed once on its project and in the state its answers say (at most one approval,
 * one countersignature, never countersigned and rejected), nothing refused is listed; each project's money —
 * allocated, held, spent — is exactly what the answers reported and never beyond its budget; the pool's running
 * totals moved exactly by the answers (received − reversed receipts, allocations, disbursements, the postings count)
 * with balance = received − spent − transferred and nothing negative; every 2xx posting is in the journal exactly
 * once; every source's money adds up to what it brought, a restricted source paid no other project (渠道不乱、用途不变);
 * and the ledger check (balanced, running balances equal to their entries, holds consistent) passes.
 */
const RUNS = Number(process.env.COCREATE_INVARIANT_RUNS ?? 5);
const SEED =
  process.env.COCREATE_INVARIANT_SEED === 'random' ? Date.now() % 2_147_483_647 : Number(process.env.COCREATE_INVARIANT_SEED ?? 16);
const BUDGETS = [6_000, 4_000];
const requesters = [treasurer, cadre3];
/** Two-committees cadres who approve; the requester approving their own request is drawn too (refused). */
const approvers = [secretary, 'p-majiaqiao-04', 'p-majiaqiao-05'];
const signers = [supervisor, supervisor2];

type Op =
  | { kind: 'receipt'; amount: number; restrictTo: 0 | 1 | 'both' }
  | { kind: 'allocate'; project: number; amount: number; named: number | null }
  | { kind: 'request'; project: number; amount: number; by: number }
  | { kind: 'approve'; d: number; due: boolean; by: number | 'requester' }
  | { kind: 'countersign'; d: number; due: boolean; by: number }
  | { kind: 'reject'; d: number; bySupervisor: boolean }
  | { kind: 'reverse'; posting: number };

/** Mostly a request waiting for this step (as the answers before the group left it); else any, to race and be refused. */
const due = fc.constantFrom(true, true, true, false);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('receipt' as const),
      amount: fc.integer({ min: 500, max: 2_500 }),
      restrictTo: fc.constantFrom(0 as const, 1 as const, 'both' as const, 'both' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('allocate' as const),
      project: fc.nat(1),
      amount: fc.integer({ min: 100, max: 1_200 }),
      named: fc.option(fc.nat(20), { nil: null, freq: 2 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      project: fc.nat(1),
      amount: fc.integer({ min: 50, max: 500 }),
      by: fc.nat(requesters.length - 1),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('approve' as const),
      d: fc.nat(30),
      due: due,
      by: fc.oneof({ weight: 4, arbitrary: fc.nat(approvers.length - 1) }, { weight: 1, arbitrary: fc.constant('requester' as const) }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('countersign' as const), d: fc.nat(30), due: due, by: fc.nat(signers.length - 1) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), d: fc.nat(30), bySupervisor: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverse' as const), posting: fc.nat(30) }) },
);

interface Project {
  projectId: string;
  milestoneId: string;
  budget: number;
}
interface Source {
  sourceId: string;
  postingId: string;
  amount: number;
  allows: number[];
}
interface Allocation {
  postingId: string;
  project: number;
  amount: number;
}
interface Request {
  id: string;
  project: number;
  amount: number;
  requestedBy: string;
  approved: number;
  countersigned: number;
  rejected: number;
}

const pool = V;
const balance = async () => {
  const r = await api.call(getPoolBalance, { query: { pool } }, { as: supervisor });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Record<'received' | 'unallocated' | 'allocated' | 'spent' | 'transferred' | 'balance' | 'postings', number>;
};

/** Every posting in the pool's journal (newest first, paged). */
async function journal(): Promise<{ postingId: string }[]> {
  const all: { postingId: string }[] = [];
  let cursor: string | undefined;
  do {
    const r = await api.call(listPostings, { query: { pool, limit: 200, cursor } }, { as: supervisor });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    all.push(...r.body.items);
    cursor = r.body.cursor;
  } while (cursor);
  return all;
}

type Funds = { available: number; held: number; spent: number; allocated: number };
async function fundsOf(p: Project): Promise<Funds> {
  const r = await api.call(getProject, { params: { projectId: p.projectId } }, { as: secretary });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.funds;
}

interface Listed {
  disbursementId: string;
  status: string;
  amount: number;
  draws: { sourceId: string }[];
}
async function disbursementsOf(p: Project): Promise<Listed[]> {
  const r = await api.call(listDisbursements, { params: { projectId: p.projectId } }, { as: secretary });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items;
}

async function newProject(budget: number, i: number): Promise<Project> {
  const { projectId } = await openProject({ title: `资金池不变量-${i}`, budget });
  await moveAll(projectId, PATH_TO_CONSTRUCTION);
  const m = await addMilestone(projectId, { title: '路基', weight: 10 });
  return { projectId, milestoneId: m.milestoneId, budget };
}

describe('invariants under random interleavings', () => {
  it('the pool ledger: no overdraft, dual control holds, and the books add up', { timeout: 600_000 }, async () => {
    // Two projects under construction for all runs (opening and moving a project costs more than a run's operations):
    // their budgets run out within a few runs, after which allocations race at the budget's edge, where reversals
    // give room back. Each run is judged on what it changed.
    const projects = await Promise.all(BUDGETS.map((b, i) => newProject(b, i)));
    /** Every source booked by any run: a project's money may come from an earlier run's source. */
    const everySource = new Map<string, Source>();
    /** What the runs sent and how it was answered, printed at the end (the README's counts). */
    const seen = new Map<string, number>();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 15, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 40 }),
        async (ops, groups) => {
          runs++;
          const fundsBefore = await Promise.all(projects.map((p) => fundsOf(p)));
          const listedBefore = await Promise.all(
            projects.map(async (p) => new Set((await disbursementsOf(p)).map((d) => d.disbursementId))),
          );
          const before = await balance();
          const journalBefore = new Set((await journal()).map((p) => p.postingId));
          const sources: Source[] = [];
          const allocations: Allocation[] = [];
          const requests: Request[] = [];
          /** Postings any 2xx answer created: receipts, allocations, reversals, countersignatures. */
          const posted: string[] = [];
          const reversed = new Set<string>();
          const { answers, judge: expectOneOf } = answerJudge(seen);

          const run = async (
            o: Op,
            known: {
              sources: readonly Source[];
              requests: readonly Request[];
              waiting: readonly Request[];
              approved: readonly Request[];
              reversible: readonly string[];
            },
          ): Promise<void> => {
            switch (o.kind) {
              case 'receipt': {
                const allows = o.restrictTo === 'both' ? [0, 1] : [o.restrictTo];
                const res = await api.call(
                  recordReceipt,
                  {
                    body: {
                      pool,
                      source: 'township-subsidy',
                      amount: o.amount,
                      from: '七里坪镇人民政府',
                      restriction: { projects: allows.map((i) => projects[i]!.projectId) },
                    },
                  },
                  { as: treasurer },
                );
                expectOneOf('receipt', res, 201, {});
                const s: Source = { sourceId: res.body.sourceId, postingId: res.body.postingId, amount: o.amount, allows };
                sources.push(s);
                everySource.set(s.sourceId, s);
                posted.push(res.body.postingId);
                return;
              }
              case 'allocate': {
                const p = projects[o.project]!;
                const named = o.named === null ? undefined : known.sources[o.named % Math.max(known.sources.length, 1)];
                const res = await api.call(
                  allocateFunds,
                  {
                    params: { projectId: p.projectId },
                    body: { amount: o.amount, ...(named ? { sources: [{ sourceId: named.sourceId, amount: o.amount }] } : {}) },
                  },
                  { as: secretary },
                );
                const ok = expectOneOf('allocate', res, 201, {
                  409: ['insufficient-pool', 'insufficient-source', 'over-budget'],
                  422: ['restricted-source'],
                });
                if (ok) {
                  allocations.push({ postingId: res.body.postingId, project: o.project, amount: o.amount });
                  posted.push(res.body.postingId);
                  const drawn = res.body.sources.reduce((s: number, d: { amount: number }) => s + d.amount, 0);
                  expect(drawn).toBe(o.amount);
                }
                return;
              }
              case 'request': {
                const p = projects[o.project]!;
                const by = requesters[o.by]!;
                const res = await api.call(
                  requestDisbursement,
                  {
                    params: { projectId: p.projectId },
                    body: {
                      milestoneId: p.milestoneId,
                      amount: o.amount,
                      purpose: 'materials',
                      payee: { kind: 'organisation', name: '建材店' },
                      description: '砂石水泥',
                    },
                  },
                  { as: by },
                );
                if (expectOneOf('request', res, 201, { 409: ['insufficient-allocation'] }))
                  requests.push({
                    id: res.body.disbursementId,
                    project: o.project,
                    amount: o.amount,
                    requestedBy: by,
                    approved: 0,
                    countersigned: 0,
                    rejected: 0,
                  });
                return;
              }
              case 'approve':
              case 'countersign':
              case 'reject': {
                const among = o.kind !== 'reject' && o.due ? (o.kind === 'approve' ? known.waiting : known.approved) : known.requests;
                const d = among[o.d % Math.max(among.length, 1)];
                if (!d) return;
                const path = `/projects/projects/${projects[d.project]!.projectId}/disbursements/${d.id}`;
                if (o.kind === 'approve') {
                  const by = o.by === 'requester' ? d.requestedBy : approvers[o.by]!;
                  const res = await api.post(`${path}/approve`, {}, { as: by });
                  if (expectOneOf('approve', res, 200, { 409: ['wrong-status'], 403: ['own-request'] })) d.approved++;
                  if (res.status === 403) expect(by).toBe(d.requestedBy);
                } else if (o.kind === 'countersign') {
                  const res = await api.post(`${path}/countersign`, {}, { as: signers[o.by]! });
                  if (expectOneOf('countersign', res, 200, { 409: ['wrong-status'] })) {
                    d.countersigned++;
                    posted.push(res.body.postingId);
                  }
                } else {
                  const res = await api.post(
                    `${path}/reject`,
                    { reason: '票据不全' },
                    { as: o.bySupervisor ? 'p-majiaqiao-12' : secretary },
                  );
                  if (expectOneOf('reject', res, 200, { 409: ['wrong-status'] })) d.rejected++;
                }
                return;
              }
              case 'reverse': {
                const postingId = known.reversible[o.posting % Math.max(known.reversible.length, 1)];
                if (!postingId) return;
                const res = await api.call(
                  reversePosting,
                  { params: { postingId }, body: { pool, reason: '录入错误' } },
                  { as: secretary },
                );
                if (expectOneOf('reverse', res, 201, { 409: ['already-reversed', 'money-already-used'] })) {
                  expect(reversed.has(postingId), `${postingId} reversed twice`).toBe(false);
                  reversed.add(postingId);
                  posted.push(res.body.reversalId);
                }
                return;
              }
            }
          };

          // Each group at once; an op that names an earlier request, source or posting picks among those known before
          // its group (so racing ops in one group may name the same one).
          for (const group of inGroups(ops, groups)) {
            const known = {
              sources: [...sources],
              requests: [...requests],
              waiting: requests.filter((d) => !d.approved && !d.rejected),
              approved: requests.filter((d) => d.approved && !d.countersigned && !d.rejected),
              reversible: [...sources.map((s) => s.postingId), ...allocations.map((a) => a.postingId)],
            };
            await Promise.all(group.map((o) => run(o, known)));
          }
          expect(answers.filter((a) => a.status >= 500)).toEqual([]);

          // Dual control: one approval and one countersignature at most, never both countersigned and rejected.
          for (const d of requests) {
            expect(d.approved, d.id).toBeLessThanOrEqual(1);
            expect(d.countersigned + d.rejected, d.id).toBeLessThanOrEqual(1);
            if (d.countersigned) expect(d.approved, d.id).toBe(1);
          }
          const statusOf = (d: Request) =>
            d.countersigned ? 'disbursed' : d.rejected ? 'rejected' : d.approved ? 'approved' : 'requested';
          const reversedAmount = (list: readonly { postingId: string; amount: number }[]) =>
            list.filter((x) => reversed.has(x.postingId)).reduce((s, x) => s + x.amount, 0);
          const sum = (list: readonly { amount: number }[]) => list.reduce((s, x) => s + x.amount, 0);

          for (const [i, p] of projects.entries()) {
            const items = (await disbursementsOf(p)).filter((d) => !listedBefore[i]!.has(d.disbursementId));
            const mine = requests.filter((d) => d.project === i);
            // Every 201 once, nothing refused, each in the state its answers say.
            expect(items.map((d) => d.disbursementId).sort()).toEqual(mine.map((d) => d.id).sort());
            for (const d of mine) expect(items.find((x) => x.disbursementId === d.id)!.status, d.id).toBe(statusOf(d));
            // 渠道不乱、用途不变: every source that paid this project allows it.
            for (const d of items) for (const draw of d.draws) expect(everySource.get(draw.sourceId)?.allows, draw.sourceId).toContain(i);

            const f = await fundsOf(p);
            const was = fundsBefore[i]!;
            const allocs = allocations.filter((a) => a.project === i);
            const held = sum(mine.filter((d) => ['requested', 'approved'].includes(statusOf(d))));
            const spent = sum(mine.filter((d) => statusOf(d) === 'disbursed'));
            expect({ allocated: f.allocated - was.allocated, held: f.held - was.held, spent: f.spent - was.spent }).toEqual({
              allocated: sum(allocs) - reversedAmount(allocs),
              held,
              spent,
            });
            expect(f.available).toBeGreaterThanOrEqual(0);
            expect(f.allocated).toBeLessThanOrEqual(p.budget);
          }

          const now = await balance();
          const received = sum(sources) - reversedAmount(sources);
          const allocated = sum(allocations) - reversedAmount(allocations);
          const disbursed = sum(requests.filter((d) => d.countersigned));
          for (const [k, v] of Object.entries(now)) if (k !== 'pool') expect(v, k).toBeGreaterThanOrEqual(0);
          expect({
            received: now.received - before.received,
            unallocated: now.unallocated - before.unallocated,
            allocated: now.allocated - before.allocated,
            spent: now.spent - before.spent,
            transferred: now.transferred - before.transferred,
            balance: now.balance - before.balance,
            postings: now.postings - before.postings,
          }).toEqual({
            received,
            unallocated: received - allocated,
            allocated: allocated - disbursed,
            spent: disbursed,
            transferred: 0,
            balance: received - disbursed,
            postings: posted.length,
          });
          expect(now.balance).toBe(now.received - now.spent - now.transferred);
          expect(now.balance).toBe(now.unallocated + now.allocated);

          // The journal holds each 2xx posting exactly once, and nothing else new.
          const added = (await journal()).map((p) => p.postingId).filter((id) => !journalBefore.has(id));
          expect(added.sort()).toEqual([...posted].sort());

          // Each of this run's sources: what it brought is all somewhere (unallocated, allocated, held, spent).
          const byPool = await api.call(getPool, { query: { pool } }, { as: supervisor });
          expect(byPool.status).toBe(200);
          for (const s of sources) {
            const row = byPool.body.sources.find((x: { sourceId: string }) => x.sourceId === s.sourceId);
            for (const k of ['unallocated', 'allocated', 'held', 'spent'] as const)
              expect(row![k], `${s.sourceId} ${k}`).toBeGreaterThanOrEqual(0);
            expect(row!.unallocated + row!.allocated + row!.held + row!.spent, s.sourceId).toBe(reversed.has(s.postingId) ? 0 : s.amount);
          }

          const check = await api.call(checkLedger, { query: { pool } }, { as: supervisor });
          expect(check.status).toBe(200);
          expect(check.body).toMatchObject({ balanced: true, mismatches: [], holdMismatches: [], negative: [], ok: true });
          expect(check.body.totalDebits).toBe(check.body.totalCredits);
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(runs).toBe(RUNS);
    console.info(`pool invariants, ${RUNS} runs (seed ${SEED}):`, Object.fromEntries([...seen].sort()));
  });
});
