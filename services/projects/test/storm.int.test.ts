import { describe, expect, it } from 'vitest';
import { LOAD_TEST_TIMEOUT, type RouteBody } from '@cocreate/local/testing';
import {
  PATH_TO_CONSTRUCTION,
  V,
  addMilestone,
  api,
  ledgerOk,
  moveAll,
  openProject,
  receive,
  secretary,
  supervisor,
  treasurer,
} from './helpers.ts';
import { allocateFunds, getPool } from '../handlers/pools.ts';
import { approveDisbursement, countersignDisbursement, requestDisbursement } from '../handlers/disbursements.ts';
import { getProject } from '../handlers/projects.ts';

/**
 * 200 disbursement requests at once against an allocation that covers 142 of them. The balance guards are
 * conditional updates inside each request's transaction, so the losers recompute and are refused: no allocation,
 * source or pool account ever goes below zero, and the ledger still balances afterwards.
 */
describe('a storm of concurrent disbursement requests', () => {
  it(
    'never overdraws: exactly what fits is held, the rest refused, and the ledger balances',
    async () => {
      const { projectId } = await openProject({ title: '并发拨付压力测试', budget: 1_000_000 });
      await moveAll(projectId, PATH_TO_CONSTRUCTION);
      const milestone = await addMilestone(projectId, { title: '路基', weight: 10 });
      // Two sources, so requests near the boundary of the first split across both.
      const a = await receive(V, 6_000, { restriction: { projects: [projectId] }, from: '风暴测试 A' });
      const b = await receive(V, 4_000, { restriction: { projects: [projectId] }, from: '风暴测试 B' });
      const alloc = await api.call(
        allocateFunds,
        {
          params: { projectId },
          body: {
            amount: 10_000,
            sources: [
              { sourceId: a.sourceId, amount: 6_000 },
              { sourceId: b.sourceId, amount: 4_000 },
            ],
          },
        },
        { as: secretary },
      );
      expect(alloc.status).toBe(201);
      // Warm the token cache so the storm is all disbursement requests.
      await api.token(api.person(treasurer));

      const body: RouteBody<typeof requestDisbursement> = {
        milestoneId: milestone.milestoneId,
        amount: 70,
        purpose: 'materials',
        payee: { kind: 'organisation', name: '建材店' },
        description: '砂石',
      };
      const results = await Promise.all(
        Array.from({ length: 200 }, () => api.call(requestDisbursement, { params: { projectId }, body }, { as: treasurer })),
      );
      const statuses = results.map((r) => r.status);
      const accepted = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status === 409);
      expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
      expect(accepted).toHaveLength(Math.floor(10_000 / 70)); // 142
      expect(refused).toHaveLength(200 - 142);
      expect(refused.every((r) => r.body.code === 'insufficient-allocation')).toBe(true);
      for (const r of accepted) expect(r.body.draws.reduce((s: number, d: any) => s + d.amount, 0)).toBe(70);
      expect(accepted.some((r) => r.body.draws.length === 2)).toBe(true);

      let p = (await api.call(getProject, { params: { projectId } }, { as: secretary })).body;
      expect(p.funds).toMatchObject({ available: 60, held: 9_940, spent: 0, allocated: 10_000 });
      for (const s of p.funds.bySource) expect(s.available).toBeGreaterThanOrEqual(0);
      let check = await ledgerOk(V);
      expect(check).toMatchObject({ balanced: true, mismatches: [], holdMismatches: [], negative: [], ok: true });

      // Approve them all, then every countersignature at once: each posts exactly its own held money.
      for (let i = 0; i < accepted.length; i += 20) {
        const batch = await Promise.all(
          accepted
            .slice(i, i + 20)
            .map((r) =>
              api.call(approveDisbursement, { params: { projectId, disbursementId: r.body.disbursementId }, body: {} }, { as: secretary }),
            ),
        );
        expect(batch.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
      }
      const signed = await Promise.all(
        accepted.map((r) =>
          api.call(countersignDisbursement, { params: { projectId, disbursementId: r.body.disbursementId }, body: {} }, { as: supervisor }),
        ),
      );
      expect(signed.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
      p = (await api.call(getProject, { params: { projectId } }, { as: secretary })).body;
      expect(p.funds).toMatchObject({ available: 60, held: 0, spent: 9_940, allocated: 10_000 });
      check = await ledgerOk(V);
      expect(check).toMatchObject({ balanced: true, mismatches: [], holdMismatches: [], negative: [], ok: true });
      expect(check.totalDebits).toBe(check.totalCredits);
      const pool = (await api.call(getPool, { query: { pool: V } }, { as: secretary })).body;
      const mine = pool.sources.filter((s: any) => s.sourceId === a.sourceId || s.sourceId === b.sourceId);
      expect(mine.reduce((s: number, x: any) => s + x.spent, 0)).toBe(9_940);
      for (const s of mine) for (const k of ['unallocated', 'allocated', 'held', 'spent'] as const) expect(s[k]).toBeGreaterThanOrEqual(0);
      expect(pool.totals.unallocated).toBeGreaterThanOrEqual(0);
      expect(pool.totals.balance).toBe(pool.totals.received - pool.totals.spent - pool.totals.transferred);
    },
    LOAD_TEST_TIMEOUT,
  );
});
