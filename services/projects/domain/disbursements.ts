import { z } from 'zod';
import { Fen, Id, PersonId } from '@cocreate/contracts';

/**
 * Dual control of spending (双签): a disbursement against a milestone is requested (treasurer 报账员 or cadre), approved
 * by a member of the village two committees (村"两委"), then countersigned by a member of the supervision committee
 * (村务监督委员会) — two different people, neither of them the requester — and only then posted to the ledger.
 */
export const DisbursementStatus = z.enum(['requested', 'approved', 'disbursed', 'rejected']);
export type DisbursementStatus = z.infer<typeof DisbursementStatus>;

export const Purpose = z.enum(['works', 'materials', 'wages', 'services']);
export type Purpose = z.infer<typeof Purpose>;

export const Payee = z.discriminatedUnion('kind', [
  /** A resident (wages, reimbursements): named by id; public views mask the name. */
  z.object({ kind: z.literal('person'), person: PersonId }),
  /** The cooperative company, a contractor, a supplier. */
  z.object({ kind: z.literal('organisation'), name: z.string().trim().min(1).max(200) }),
]);
export type Payee = z.infer<typeof Payee>;

export const RequestDisbursement = z.object({
  milestoneId: Id,
  amount: Fen.positive(),
  purpose: Purpose,
  payee: Payee,
  description: z.string().trim().min(1).max(1000),
});
export type RequestDisbursement = z.infer<typeof RequestDisbursement>;

export interface DisbursementFacts {
  status: DisbursementStatus;
  requestedBy: string;
  approvedBy?: string | undefined;
}

export type ApprovalRefusal =
  | { refused: 'not-committee-member' }
  | { refused: 'own-request' }
  | { refused: 'wrong-status'; status: DisbursementStatus; expected: DisbursementStatus };

/** The committee's approval: a two-committees member, not the requester, of a request still waiting. */
export function checkApproval(d: DisbursementFacts, approver: { sub: string; isCommitteeMember: boolean }): { ok: true } | ApprovalRefusal {
  if (!approver.isCommitteeMember) return { refused: 'not-committee-member' };
  if (d.status !== 'requested') return { refused: 'wrong-status', status: d.status, expected: 'requested' };
  if (approver.sub === d.requestedBy) return { refused: 'own-request' };
  return { ok: true };
}

export type CountersignRefusal =
  | { refused: 'not-supervision-member' }
  | { refused: 'same-person' }
  | { refused: 'own-request' }
  | { refused: 'wrong-status'; status: DisbursementStatus; expected: DisbursementStatus };

/** The supervision committee's countersignature: a member, not the approver, not the requester, after approval. */
export function checkCountersign(
  d: DisbursementFacts,
  signer: { sub: string; isSupervisionMember: boolean },
): { ok: true } | CountersignRefusal {
  if (!signer.isSupervisionMember) return { refused: 'not-supervision-member' };
  if (d.status !== 'approved') return { refused: 'wrong-status', status: d.status, expected: 'approved' };
  if (signer.sub === d.approvedBy) return { refused: 'same-person' };
  if (signer.sub === d.requestedBy) return { refused: 'own-request' };
  return { ok: true };
}

export type RejectionRefusal =
  { refused: 'not-a-controller' } | { refused: 'wrong-status'; status: DisbursementStatus; expected: DisbursementStatus };

/** Either control may refuse a disbursement that has not been posted; the held money goes back to the allocation. */
export function checkRejection(
  d: DisbursementFacts,
  by: { isCommitteeMember: boolean; isSupervisionMember: boolean },
): { ok: true } | RejectionRefusal {
  if (!by.isCommitteeMember && !by.isSupervisionMember) return { refused: 'not-a-controller' };
  if (d.status !== 'requested' && d.status !== 'approved') return { refused: 'wrong-status', status: d.status, expected: 'requested' };
  return { ok: true };
}
