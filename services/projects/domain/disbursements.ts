import * as z from 'zod';
import { once, Fen, type FundSource, Id, PersonId, isRefused, refused } from '@cocreate/contracts';
import { documentedAs } from './documented.ts';
import type { Refused } from './refusals.ts';

/**
 * Dual control of spending (双签): a disbursement against a milestone is requested (treasurer 报账员 or cadre), approved
 * by a member of the village two committees (村"两委"), then countersigned by a member of the supervision committee
 * (村务监督委员会) — two different people, neither of them the requester — and only then posted to the ledger.
 */
export const DisbursementStatus = once(() => z.enum(['requested', 'approved', 'disbursed', 'rejected']));
export type DisbursementStatus = z.infer<ReturnType<typeof DisbursementStatus>>;

export const Purpose = once(() => z.enum(['works', 'materials', 'wages', 'services']));
export type Purpose = z.infer<ReturnType<typeof Purpose>>;

export const Payee = once(() =>
  z.discriminatedUnion('kind', [
    /** A resident (wages, reimbursements): named by id; public views mask the name. */
    z.object({ kind: z.literal('person'), person: PersonId }),
    /** The cooperative company, a contractor, a supplier. */
    z.object({ kind: z.literal('organisation'), name: z.string().trim().min(1).max(200) }),
  ]),
);
export type Payee = z.infer<ReturnType<typeof Payee>>;

export const RequestDisbursement = once(() =>
  z.object({
    milestoneId: Id,
    amount: Fen.positive(),
    purpose: Purpose(),
    payee: Payee(),
    description: z.string().trim().min(1).max(1000),
  }),
);
export type RequestDisbursement = z.infer<ReturnType<typeof RequestDisbursement>>;

/** A disbursement and its approvals: the record stored, the API's view and what the public board shows are this. */
export const Disbursement = once(() =>
  z.object({
    disbursementId: Id,
    projectId: Id,
    village: z.string(),
    pool: z.string(),
    milestoneId: Id,
    amount: z.number().int(),
    purpose: Purpose(),
    payee: Payee(),
    description: z.string(),
    status: DisbursementStatus(),
    /** The sources paying it (held at the request, spent at the countersignature). */
    draws: z.array(z.object({ sourceId: Id, source: documentedAs<FundSource>(), amount: z.number().int() })),
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
  }),
);
export type Disbursement = z.infer<ReturnType<typeof Disbursement>>;

export interface DisbursementFacts {
  status: DisbursementStatus;
  requestedBy: string;
  approvedBy?: string | undefined;
}

export type ApprovalRefusal = Refused<'not-committee-member' | 'own-request' | 'wrong-status'>;

const wrongStatus = (d: DisbursementFacts) => refused('wrong-status', { current: d.status });

/** The committee's approval: a two-committees member, not the requester, of a request still waiting. */
export function checkApproval(d: DisbursementFacts, approver: { sub: string; isCommitteeMember: boolean }): { ok: true } | ApprovalRefusal {
  if (!approver.isCommitteeMember) return refused('not-committee-member', { requiredBody: 'two-committees' });
  if (d.status !== 'requested') return wrongStatus(d);
  if (approver.sub === d.requestedBy) return refused('own-request', { rule: 'own-request' });
  return { ok: true };
}

export type CountersignRefusal = Refused<'not-supervision-member' | 'same-person' | 'own-request' | 'wrong-status'>;

/** The supervision committee's countersignature: a member, not the approver, not the requester, after approval. */
export function checkCountersign(
  d: DisbursementFacts,
  signer: { sub: string; isSupervisionMember: boolean },
): { ok: true } | CountersignRefusal {
  if (!signer.isSupervisionMember) return refused('not-supervision-member', { requiredBody: 'supervision-committee' });
  if (d.status !== 'approved') return wrongStatus(d);
  if (signer.sub === d.approvedBy) return refused('same-person', { rule: 'two-different-people' });
  if (signer.sub === d.requestedBy) return refused('own-request', { rule: 'own-request' });
  return { ok: true };
}

export type RejectionRefusal = Refused<'not-a-controller' | 'wrong-status'>;

/** Either control may refuse a disbursement that has not been posted; the held money goes back to the allocation. */
export function checkRejection(
  d: DisbursementFacts,
  by: { isCommitteeMember: boolean; isSupervisionMember: boolean },
): { ok: true } | RejectionRefusal {
  if (!by.isCommitteeMember && !by.isSupervisionMember) return refused('not-a-controller');
  if (d.status !== 'requested' && d.status !== 'approved') return wrongStatus(d);
  return { ok: true };
}

/** The committee's approval as a decision: the request approved by `approver` at `at`, or the refusal. */
export function decideApproval(
  d: Disbursement,
  approver: { sub: string; isCommitteeMember: boolean },
  at: string,
): { next: Disbursement } | ApprovalRefusal {
  const verdict = checkApproval(d, approver);
  if (isRefused(verdict)) return verdict;
  return { next: { ...d, status: 'approved', approvedBy: approver.sub, approvedAt: at } };
}

/** The countersignature as a decision: the disbursement paid by posting `postingId`, or the refusal. */
export function decideCountersign(
  d: Disbursement,
  signer: { sub: string; isSupervisionMember: boolean },
  at: string,
  postingId: string,
): { next: Disbursement } | CountersignRefusal {
  const verdict = checkCountersign(d, signer);
  if (isRefused(verdict)) return verdict;
  return { next: { ...d, status: 'disbursed', countersignedBy: signer.sub, countersignedAt: at, postingId } };
}

/** A rejection as a decision: the disbursement refused for `reason` (its held money goes back), or the refusal. */
export function decideRejection(
  d: Disbursement,
  by: { sub: string; isCommitteeMember: boolean; isSupervisionMember: boolean },
  at: string,
  reason: string,
): { next: Disbursement } | RejectionRefusal {
  const verdict = checkRejection(d, by);
  if (isRefused(verdict)) return verdict;
  return { next: { ...d, status: 'rejected', rejectedBy: by.sub, rejectedAt: at, reason } };
}
