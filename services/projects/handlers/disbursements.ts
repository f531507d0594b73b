import { z } from 'zod';
import { DisbursementApproved, DisbursementRejected, DisbursementRequested, FundsDisbursed, Id } from '@cocreate/contracts';
import { type RouteContext, defineRoute, newId, problems } from '@cocreate/kernel';
import {
  type ApprovalRefusal,
  type CountersignRefusal,
  Payee,
  Purpose,
  RequestDisbursement,
  checkApproval,
  checkCountersign,
  checkRejection,
} from '../domain/disbursements.ts';
import { planHold } from '../domain/funds.ts';
import { SPENDING_STAGES } from '../domain/lifecycle.ts';
import { spendLines } from '../domain/ledger.ts';
import { type DisbursementRecord, disbursements, ledger, milestones, projects, sources, wages } from '../store.ts';
import { READERS, loadProject, projectPlace, sitsOn, text } from './common.ts';

export const DisbursementView = z.object({
  disbursementId: Id,
  projectId: Id,
  village: z.string(),
  pool: z.string(),
  milestoneId: Id,
  amount: z.number().int(),
  purpose: Purpose,
  payee: Payee,
  description: z.string(),
  status: z.enum(['requested', 'approved', 'disbursed', 'rejected']),
  draws: z.array(z.object({ sourceId: Id, source: z.string(), amount: z.number().int() })),
  requestedBy: z.string(),
  requestedAt: z.string(),
  approvedBy: z.string().optional(),
  approvedAt: z.string().optional(),
  countersignedBy: z.string().optional(),
  countersignedAt: z.string().optional(),
  postingId: z.string().optional(),
  rejectedBy: z.string().optional(),
  rejectedAt: z.string().optional(),
  reason: z.string().optional(),
});

const Params = z.object({ projectId: Id, disbursementId: Id });

async function loadDisbursement(ctx: RouteContext, projectId: string, id: string): Promise<DisbursementRecord> {
  const d = await disbursements.get(ctx.table, projectId, id);
  if (!d) throw problems.notFound({ zh: '拨付申请', en: 'The disbursement' });
  return d;
}

export const requestDisbursement = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/disbursements',
  operationId: 'requestDisbursement',
  summary: 'Request a disbursement against a milestone; the money is held on the project’s allocation until approved',
  auth: { roles: ['treasurer', 'cadre'], place: projectPlace },
  params: z.object({ projectId: Id }),
  body: RequestDisbursement,
  response: DisbursementView,
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const project = await loadProject(ctx, params.projectId);
    if (!SPENDING_STAGES.includes(project.stage)) {
      throw problems.conflict(
        'not-spending-stage',
        { zh: '项目审批通过后、决算前才能申请拨付。', en: 'Disbursements are requested between approval and the final accounts.' },
        { stage: project.stage, allowedStages: SPENDING_STAGES },
      );
    }
    // The milestone must be this project's: checked inside the transaction rather than by a read (hot path).
    milestones.checkExists(
      ctx.tx,
      project.projectId,
      body.milestoneId,
      problems.rule('unknown-milestone', { zh: '该项目没有这个节点。', en: 'The project has no such milestone.' }, {}, [
        {
          in: 'body',
          pointer: '/milestoneId',
          rule: 'project-milestone',
          message: { zh: '须为本项目的节点', en: 'a milestone of this project' },
        },
      ]),
    );
    if (body.payee.kind === 'person' && !(await ctx.register.person(body.payee.person))) {
      throw problems.rule('unknown-person', { zh: '收款人不在人员名册中。', en: 'The payee is not in the places data.' }, {}, [
        {
          in: 'body',
          pointer: '/payee/person',
          rule: 'known-person',
          message: { zh: '须为地点数据中的人员编号', en: 'a person id from the places data' },
        },
      ]);
    }
    if (body.purpose === 'wages') {
      // Wages are paid to the resident who earned them, never more than is due (合作公司带动建: hours become wages payable).
      if (body.payee.kind !== 'person') {
        throw problems.rule('wages-to-a-person', { zh: '工资只能付给本人。', en: 'Wages are paid to the person who earned them.' }, {}, [
          {
            in: 'body',
            pointer: '/payee',
            rule: 'person',
            message: { zh: '工资的收款方 payee.kind 须为 person', en: 'payee.kind must be person for wages' },
          },
        ]);
      }
      const owed = await wages.get(ctx.table, project.projectId, body.payee.person);
      if (!owed || owed.due < body.amount) {
        throw problems.conflict(
          'wages-not-due',
          { zh: '申请的工资超过应付未付的工资。', en: 'More than the wages due to this person was requested.' },
          { due: owed?.due ?? 0 },
        );
      }
      wages.request(ctx.tx, project.projectId, body.payee.person, body.amount);
    }
    const pool = project.village;
    const allocations = (await ledger.projectAccounts(ctx.table, pool, 'alloc', project.projectId)).filter((a) => (a.available ?? 0) > 0);
    // Allocation accounts carry their source's kind and restriction; read the source only if one does not.
    const missing = allocations.filter((a) => !a.source).map((a) => a.sourceId);
    const fetched = new Map((await sources.getMany(ctx.table, pool, missing)).map((s) => [s.sourceId, s]));
    const byId = new Map(
      allocations.map((a) => [
        a.sourceId,
        { source: a.source ?? fetched.get(a.sourceId)!.source, restriction: a.restriction ?? fetched.get(a.sourceId)?.restriction },
      ]),
    );
    const plan = planHold(
      body.amount,
      project,
      allocations.map((a) => ({
        sourceId: a.sourceId,
        source: byId.get(a.sourceId)!.source,
        restriction: byId.get(a.sourceId)!.restriction,
        balance: a.available ?? 0,
      })),
    );
    if ('refused' in plan) {
      if (plan.refused === 'too-many-sources') {
        throw problems.rule(
          'too-many-sources',
          { zh: `一笔拨付最多涉及 ${plan.max} 个来源，请拆分。`, en: `A disbursement draws on at most ${plan.max} sources; split it.` },
          { max: plan.max },
        );
      }
      throw problems.conflict(
        'insufficient-allocation',
        { zh: '项目已安排且未占用的资金不足。', en: 'The project’s allocated, unheld money does not cover this disbursement.' },
        { available: plan.available, requested: body.amount },
      );
    }
    const now = ctx.now().toISOString();
    const disbursementId = newId();
    // Each draw moves available → held under the guard "available ≥ amount" in this transaction: under a storm of
    // requests the losers recompute from fresh balances and are refused once nothing is left — never below zero.
    ledger.hold(ctx.tx, pool, project.projectId, plan.draws, 'retry');
    // …and only while the project still spends (a concurrent move to the final accounts makes this recompute).
    projects.checkStage(ctx.tx, project.projectId, SPENDING_STAGES);
    const d: DisbursementRecord = {
      disbursementId,
      projectId: project.projectId,
      village: project.village,
      pool,
      milestoneId: body.milestoneId,
      amount: body.amount,
      purpose: body.purpose,
      payee: body.payee,
      description: body.description,
      status: 'requested',
      draws: plan.draws.map((x) => ({ ...x, source: byId.get(x.sourceId)!.source })),
      requestedBy: ctx.actor.sub,
      requestedAt: now,
    };
    disbursements.create(ctx.tx, d);
    ctx.tx.emit(
      DisbursementRequested,
      {
        disbursementId,
        projectId: project.projectId,
        village: project.village,
        milestoneId: body.milestoneId,
        amount: body.amount,
        purpose: body.purpose,
        payee: body.payee,
        requestedBy: ctx.actor.sub,
      },
      { place: project.village },
    );
    return d;
  },
});

export const approveDisbursement = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/disbursements/{disbursementId}/approve',
  operationId: 'approveDisbursement',
  summary: 'The village committee approves a disbursement (a two-committees member, not the requester)',
  auth: { roles: ['cadre'], place: projectPlace },
  params: Params,
  response: DisbursementView,
  idempotent: true,
  handler: async ({ params }, ctx) => {
    const project = await loadProject(ctx, params.projectId);
    const [d, isCommitteeMember] = await Promise.all([
      loadDisbursement(ctx, project.projectId, params.disbursementId),
      sitsOn(ctx, project.village, 'two-committees'),
    ]);
    const verdict = checkApproval(d, { sub: ctx.actor.sub, isCommitteeMember });
    if ('refused' in verdict) throw controlProblem(verdict);
    const now = ctx.now().toISOString();
    disbursements.advance(ctx.tx, d, 'requested', { status: 'approved', approvedBy: ctx.actor.sub, approvedAt: now });
    ctx.tx.emit(
      DisbursementApproved,
      { disbursementId: d.disbursementId, projectId: d.projectId, village: d.village, amount: d.amount, approvedBy: ctx.actor.sub },
      { place: d.village },
    );
    return { ...d, status: 'approved' as const, approvedBy: ctx.actor.sub, approvedAt: now };
  },
});

export const countersignDisbursement = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/disbursements/{disbursementId}/countersign',
  operationId: 'countersignDisbursement',
  summary: 'The supervision committee countersigns an approved disbursement (another person), which then posts',
  auth: { roles: ['supervisor'], place: projectPlace },
  params: Params,
  response: DisbursementView,
  idempotent: true,
  handler: async ({ params }, ctx) => {
    const project = await loadProject(ctx, params.projectId);
    const [d, isSupervisionMember] = await Promise.all([
      loadDisbursement(ctx, project.projectId, params.disbursementId),
      sitsOn(ctx, project.village, 'supervision-committee'),
    ]);
    const verdict = checkCountersign(d, { sub: ctx.actor.sub, isSupervisionMember });
    if ('refused' in verdict) throw controlProblem(verdict);
    const now = ctx.now().toISOString();
    const postingId = newId();
    ledger.post(
      ctx.tx,
      {
        postingId,
        pool: d.pool,
        kind: 'disbursement',
        lines: spendLines(d.projectId, d.draws),
        memo: d.description,
        at: now,
        by: ctx.actor.sub,
        projectId: d.projectId,
        disbursementId: d.disbursementId,
      },
      // The held money is this request's own: a failing guard here means the books were tampered with.
      holdMissing(),
    );
    disbursements.advance(ctx.tx, d, 'approved', { status: 'disbursed', countersignedBy: ctx.actor.sub, countersignedAt: now, postingId });
    if (d.purpose === 'wages' && d.payee.kind === 'person') wages.markPaid(ctx.tx, d.projectId, d.payee.person, d.amount);
    ctx.tx.emit(
      FundsDisbursed,
      {
        disbursementId: d.disbursementId,
        postingId,
        pool: d.pool,
        projectId: d.projectId,
        village: d.village,
        milestoneId: d.milestoneId,
        amount: d.amount,
        purpose: d.purpose,
        payee: d.payee,
        sources: d.draws.map((x) => ({ sourceId: x.sourceId, source: x.source, amount: x.amount })),
        requestedBy: d.requestedBy,
        approvedBy: d.approvedBy!,
        countersignedBy: ctx.actor.sub,
        disbursedAt: now,
      },
      { place: d.village },
    );
    return { ...d, status: 'disbursed' as const, countersignedBy: ctx.actor.sub, countersignedAt: now, postingId };
  },
});

export const rejectDisbursement = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/disbursements/{disbursementId}/reject',
  operationId: 'rejectDisbursement',
  summary: 'Refuse a disbursement not yet posted (committee or supervision committee); the held money goes back',
  auth: { roles: ['cadre', 'supervisor'], place: projectPlace },
  params: Params,
  body: z.object({ reason: z.string().trim().min(1).max(1000) }),
  response: DisbursementView,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const project = await loadProject(ctx, params.projectId);
    const d = await loadDisbursement(ctx, project.projectId, params.disbursementId);
    const verdict = checkRejection(d, {
      isCommitteeMember: ctx.actor.role === 'cadre' && (await sitsOn(ctx, project.village, 'two-committees')),
      isSupervisionMember: ctx.actor.role === 'supervisor' && (await sitsOn(ctx, project.village, 'supervision-committee')),
    });
    if ('refused' in verdict) {
      if (verdict.refused === 'not-a-controller') {
        throw problems.forbidden({
          zh: '只有村"两委"或监委会成员可以拒绝拨付。',
          en: 'Only the two committees or the supervision committee may reject a disbursement.',
        });
      }
      throw wrongStatus(verdict.status);
    }
    const now = ctx.now().toISOString();
    ledger.release(ctx.tx, d.pool, d.projectId, d.draws, holdMissing());
    disbursements.advance(ctx.tx, d, d.status, { status: 'rejected', rejectedBy: ctx.actor.sub, rejectedAt: now, reason: body.reason });
    if (d.purpose === 'wages' && d.payee.kind === 'person') wages.restore(ctx.tx, d.projectId, d.payee.person, d.amount);
    ctx.tx.emit(
      DisbursementRejected,
      {
        disbursementId: d.disbursementId,
        projectId: d.projectId,
        village: d.village,
        amount: d.amount,
        rejectedBy: ctx.actor.sub,
        reason: body.reason,
      },
      { place: d.village },
    );
    return { ...d, status: 'rejected' as const, rejectedBy: ctx.actor.sub, rejectedAt: now, reason: body.reason };
  },
});

export const listDisbursements = defineRoute({
  method: 'GET',
  path: '/projects/projects/{projectId}/disbursements',
  operationId: 'listDisbursements',
  summary: 'A project’s disbursements with their approvals and paying sources',
  auth: { roles: READERS, place: projectPlace },
  params: z.object({ projectId: Id }),
  response: z.object({ items: z.array(DisbursementView) }),
  handler: async ({ params }, ctx) => ({ items: await disbursements.forProject(ctx.table, params.projectId) }),
});

const holdMissing = () =>
  problems.conflict('hold-missing', {
    zh: '预留资金不足，账目异常。',
    en: 'The money held for this disbursement is missing; the books need checking.',
  });

function wrongStatus(status: string) {
  return problems.conflict(
    'wrong-status',
    { zh: `该拨付当前状态为 ${status}，不能执行此操作。`, en: `The disbursement is ${status}; this step does not apply.` },
    { current: status },
  );
}

function controlProblem(r: ApprovalRefusal | CountersignRefusal) {
  switch (r.refused) {
    case 'not-committee-member':
      return problems.forbidden(text.notCommittee, { requiredBody: 'two-committees' });
    case 'not-supervision-member':
      return problems.forbidden(text.notSupervision, { requiredBody: 'supervision-committee' });
    case 'own-request':
      return problems.forbidden(
        { zh: '不能审批或会签自己提出的申请。', en: 'You cannot approve or countersign your own request.' },
        { rule: 'own-request' },
      );
    case 'same-person':
      return problems.forbidden(
        { zh: '审批与会签须由两个不同的人完成。', en: 'Approval and countersignature must come from two different people.' },
        { rule: 'two-different-people' },
      );
    case 'wrong-status':
      return wrongStatus(r.status);
  }
}
