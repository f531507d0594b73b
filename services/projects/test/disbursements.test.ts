import { describe, expect, it } from 'vitest';
import {
  type Disbursement,
  RequestDisbursement,
  checkApproval,
  checkCountersign,
  checkRejection,
  decideApproval,
  decideCountersign,
  decideRejection,
} from '../domain/disbursements.ts';

const requested = { status: 'requested' as const, requestedBy: 'p-02' };
const approved = { status: 'approved' as const, requestedBy: 'p-02', approvedBy: 'p-01' };

describe('dual control (双签)', () => {
  it('lets a two-committees member approve someone else’s request', () => {
    expect(checkApproval(requested, { sub: 'p-01', isCommitteeMember: true })).toEqual({ ok: true });
  });

  it('refuses approval by a non-member (a supervision member cannot approve as the committee)', () => {
    expect(checkApproval(requested, { sub: 'p-10', isCommitteeMember: false })).toEqual({
      refused: 'not-committee-member',
      detail: { requiredBody: 'two-committees' },
    });
  });

  it('refuses approving one’s own request, or twice', () => {
    expect(checkApproval(requested, { sub: 'p-02', isCommitteeMember: true })).toEqual({
      refused: 'own-request',
      detail: { rule: 'own-request' },
    });
    expect(checkApproval(approved, { sub: 'p-03', isCommitteeMember: true })).toEqual({
      refused: 'wrong-status',
      detail: { current: 'approved' },
    });
  });

  it('lets a supervision member countersign an approved request', () => {
    expect(checkCountersign(approved, { sub: 'p-10', isSupervisionMember: true })).toEqual({ ok: true });
  });

  it('refuses the same person twice, the requester, non-members and unapproved requests', () => {
    expect(checkCountersign(approved, { sub: 'p-01', isSupervisionMember: true })).toEqual({
      refused: 'same-person',
      detail: { rule: 'two-different-people' },
    });
    expect(checkCountersign({ ...approved, requestedBy: 'p-11' }, { sub: 'p-11', isSupervisionMember: true })).toEqual({
      refused: 'own-request',
      detail: { rule: 'own-request' },
    });
    expect(checkCountersign(approved, { sub: 'p-03', isSupervisionMember: false })).toEqual({
      refused: 'not-supervision-member',
      detail: { requiredBody: 'supervision-committee' },
    });
    expect(checkCountersign(requested, { sub: 'p-10', isSupervisionMember: true })).toEqual({
      refused: 'wrong-status',
      detail: { current: 'requested' },
    });
    expect(checkCountersign({ ...approved, status: 'disbursed' }, { sub: 'p-10', isSupervisionMember: true })).toMatchObject({
      refused: 'wrong-status',
    });
  });

  it('lets either control reject until the money is posted', () => {
    expect(checkRejection(requested, { isCommitteeMember: true, isSupervisionMember: false })).toEqual({ ok: true });
    expect(checkRejection(approved, { isCommitteeMember: false, isSupervisionMember: true })).toEqual({ ok: true });
    expect(checkRejection({ ...approved, status: 'disbursed' }, { isCommitteeMember: true, isSupervisionMember: false })).toMatchObject({
      refused: 'wrong-status',
    });
    expect(checkRejection(requested, { isCommitteeMember: false, isSupervisionMember: false })).toEqual({ refused: 'not-a-controller' });
  });

  it('moves the record on as each step decides: approved, paid by its posting, or rejected with the reason', () => {
    const d: Disbursement = {
      disbursementId: '01DDDDDDDDDDDDDDDDDDDDDDDD',
      projectId: '01PPPPPPPPPPPPPPPPPPPPPPPP',
      village: 'v',
      pool: 'v',
      milestoneId: '01MMMMMMMMMMMMMMMMMMMMMMMM',
      amount: 100,
      purpose: 'materials',
      payee: { kind: 'organisation', name: '建材店' },
      description: '水泥',
      status: 'requested',
      draws: [{ sourceId: '01SSSSSSSSSSSSSSSSSSSSSSSS', source: 'self-raised', amount: 100 }],
      requestedBy: 'p-02',
      requestedAt: '2026-05-01T00:00:00.000Z',
    };
    const approved = decideApproval(d, { sub: 'p-01', isCommitteeMember: true }, '2026-05-02T00:00:00.000Z');
    expect(approved).toEqual({ next: { ...d, status: 'approved', approvedBy: 'p-01', approvedAt: '2026-05-02T00:00:00.000Z' } });
    const a = (approved as { next: Disbursement }).next;
    expect(decideCountersign(a, { sub: 'p-10', isSupervisionMember: true }, '2026-05-03T00:00:00.000Z', 'post-1')).toEqual({
      next: { ...a, status: 'disbursed', countersignedBy: 'p-10', countersignedAt: '2026-05-03T00:00:00.000Z', postingId: 'post-1' },
    });
    expect(decideCountersign(a, { sub: 'p-01', isSupervisionMember: true }, 'x', 'post-1')).toMatchObject({ refused: 'same-person' });
    expect(decideRejection(a, { sub: 'p-10', isCommitteeMember: false, isSupervisionMember: true }, 'at', '发票不全')).toEqual({
      next: { ...a, status: 'rejected', rejectedBy: 'p-10', rejectedAt: 'at', reason: '发票不全' },
    });
    expect(decideApproval(d, { sub: 'p-02', isCommitteeMember: true }, 'at')).toMatchObject({ refused: 'own-request' });
    expect(
      decideRejection({ ...a, status: 'disbursed' }, { sub: 'p-01', isCommitteeMember: true, isSupervisionMember: false }, 'at', 'r'),
    ).toEqual({
      refused: 'wrong-status',
      detail: { current: 'disbursed' },
    });
  });

  it('validates a request: a milestone, positive fen, a payee', () => {
    const ok = RequestDisbursement().safeParse({
      milestoneId: '01MMMMMMMMMMMMMMMMMMMMMMMM',
      amount: 100,
      purpose: 'materials',
      payee: { kind: 'organisation', name: '建材店' },
      description: '水泥',
    });
    expect(ok.success).toBe(true);
    const bad = RequestDisbursement().safeParse({
      milestoneId: 'x',
      amount: 1.5,
      purpose: 'gifts',
      payee: { kind: 'person' },
      description: '',
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(['amount', 'description', 'milestoneId', 'payee', 'purpose']);
  });
});
