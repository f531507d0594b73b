import { DisbursementApproved, DisbursementRejected, DisbursementRequested, FundsDisbursed } from '@cocreate/contracts';
import { type RouteContext, newId, problems } from '@cocreate/kernel';
import {
  type Disbursement,
  type RequestDisbursement,
  decideApproval,
  decideCountersign,
  decideRejection,
} from '../domain/disbursements.ts';
import { planHold } from '../domain/funds.ts';
import { SPENDING_STAGES, checkSpending } from '../domain/lifecycle.ts';
import { postingOf, spendLines } from '../domain/ledger.ts';
import { wages } from '../repos/contributions.ts';
import { disbursements } from '../repos/disbursements.ts';
import { ledger, sources } from '../repos/ledger.ts';
import { milestones, projects } from '../repos/projects.ts';
import { loadProject, refuse, settled, sitsOn } from './common.ts';

async function loadDisbursement(ctx: RouteContext, projectId: string, id: string): Promise<Disbursement> {
  const d = await disbursements.get(ctx.table, projectId, id);
  if (!d) throw problems.notFound({ zh: '拨付申请', en: 'The disbursement' });
  return d;
}

/** Requests a disbursement against a milestone; the money is held on the project's allocation until approved. */
export async function requestDisbursement(cmd: RequestDisbursement & { projectId: string }, ctx: RouteContext): Promise<Disbursement> {
  const project = await loadProject(ctx, cmd.projectId);
  settled(checkSpending(project.stage));
  // The milestone must be this project's: checked inside the transaction rather than by a read (hot path).
  milestones.checkExists(ctx.tx, project.projectId, cmd.milestoneId, refuse('unknown-milestone', {}, '/milestoneId'));
  if (cmd.payee.kind === 'person' && !(await ctx.register.person(cmd.payee.person))) throw refuse('unknown-person', {}, '/payee/person');
  if (cmd.purpose === 'wages') {
    // Wages are paid to the resident who earned them, never more than is due (合作公司带动建: hours become wages payable).
    if (cmd.payee.kind !== 'person') throw refuse('wages-to-a-person', {}, '/payee');
    const owed = await wages.get(ctx.table, project.projectId, cmd.payee.person);
    if (!owed || owed.due < cmd.amount) throw refuse('wages-not-due', { due: owed?.due ?? 0 });
    wages.request(ctx.tx, project.projectId, cmd.payee.person, cmd.amount);
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
  const plan = settled(
    planHold(
      cmd.amount,
      project,
      allocations.map((a) => ({ sourceId: a.sourceId, ...byId.get(a.sourceId)!, balance: a.available ?? 0 })),
    ),
  );
  const now = ctx.now().toISOString();
  const disbursementId = newId();
  // Each draw moves available → held under the guard "available ≥ amount" in this transaction: under a storm of
  // requests the losers recompute from fresh balances and are refused once nothing is left — never below zero.
  ledger.hold(ctx.tx, pool, project.projectId, plan.draws, 'retry');
  // …and only while the project still spends (a concurrent move to the final accounts makes this recompute).
  projects.checkStage(ctx.tx, project.projectId, SPENDING_STAGES);
  const d: Disbursement = {
    disbursementId,
    projectId: project.projectId,
    village: project.village,
    pool,
    milestoneId: cmd.milestoneId,
    amount: cmd.amount,
    purpose: cmd.purpose,
    payee: cmd.payee,
    description: cmd.description,
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
      milestoneId: cmd.milestoneId,
      amount: cmd.amount,
      purpose: cmd.purpose,
      payee: cmd.payee,
      requestedBy: ctx.actor.sub,
    },
    { place: project.village },
  );
  return d;
}

type DisbursementRef = { projectId: string; disbursementId: string };

/** The village committee approves a disbursement (a two-committees member, not the requester). */
export async function approveDisbursement(ref: DisbursementRef, ctx: RouteContext): Promise<Disbursement> {
  const project = await loadProject(ctx, ref.projectId);
  const [d, isCommitteeMember] = await Promise.all([
    loadDisbursement(ctx, project.projectId, ref.disbursementId),
    sitsOn(ctx, project.village, 'two-committees'),
  ]);
  const { next } = settled(decideApproval(d, { sub: ctx.actor.sub, isCommitteeMember }, ctx.now().toISOString()));
  disbursements.advance(ctx.tx, d, d.status, { status: next.status, approvedBy: next.approvedBy, approvedAt: next.approvedAt });
  ctx.tx.emit(
    DisbursementApproved,
    { disbursementId: d.disbursementId, projectId: d.projectId, village: d.village, amount: d.amount, approvedBy: ctx.actor.sub },
    { place: d.village },
  );
  return next;
}

/** The supervision committee countersigns an approved disbursement (another person), which then posts. */
export async function countersignDisbursement(ref: DisbursementRef, ctx: RouteContext): Promise<Disbursement> {
  const project = await loadProject(ctx, ref.projectId);
  const [d, isSupervisionMember] = await Promise.all([
    loadDisbursement(ctx, project.projectId, ref.disbursementId),
    sitsOn(ctx, project.village, 'supervision-committee'),
  ]);
  const now = ctx.now().toISOString();
  const postingId = newId();
  const { next } = settled(decideCountersign(d, { sub: ctx.actor.sub, isSupervisionMember }, now, postingId));
  ledger.post(
    ctx.tx,
    postingOf({
      postingId,
      pool: d.pool,
      kind: 'disbursement',
      lines: spendLines(d.projectId, d.draws),
      memo: d.description,
      at: now,
      by: ctx.actor.sub,
      projectId: d.projectId,
      disbursementId: d.disbursementId,
    }),
    // The held money is this request's own: a failing guard here means the books were tampered with.
    refuse('hold-missing'),
  );
  disbursements.advance(ctx.tx, d, d.status, {
    status: next.status,
    countersignedBy: next.countersignedBy,
    countersignedAt: next.countersignedAt,
    postingId,
  });
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
  return next;
}

/** Either control refuses a disbursement not yet posted; the held money goes back. */
export async function rejectDisbursement(ref: DisbursementRef & { reason: string }, ctx: RouteContext): Promise<Disbursement> {
  const project = await loadProject(ctx, ref.projectId);
  const d = await loadDisbursement(ctx, project.projectId, ref.disbursementId);
  const by = {
    sub: ctx.actor.sub,
    isCommitteeMember: ctx.actor.role === 'cadre' && (await sitsOn(ctx, project.village, 'two-committees')),
    isSupervisionMember: ctx.actor.role === 'supervisor' && (await sitsOn(ctx, project.village, 'supervision-committee')),
  };
  const { next } = settled(decideRejection(d, by, ctx.now().toISOString(), ref.reason));
  ledger.release(ctx.tx, d.pool, d.projectId, d.draws, refuse('hold-missing'));
  disbursements.advance(ctx.tx, d, d.status, {
    status: next.status,
    rejectedBy: next.rejectedBy,
    rejectedAt: next.rejectedAt,
    reason: next.reason,
  });
  if (d.purpose === 'wages' && d.payee.kind === 'person') wages.restore(ctx.tx, d.projectId, d.payee.person, d.amount);
  ctx.tx.emit(
    DisbursementRejected,
    {
      disbursementId: d.disbursementId,
      projectId: d.projectId,
      village: d.village,
      amount: d.amount,
      rejectedBy: ctx.actor.sub,
      reason: ref.reason,
    },
    { place: d.village },
  );
  return next;
}

/** A project's disbursements with their approvals and paying sources. */
export async function listDisbursements(projectId: string, ctx: RouteContext): Promise<{ items: Disbursement[] }> {
  return { items: await disbursements.forProject(ctx.table, projectId) };
}
