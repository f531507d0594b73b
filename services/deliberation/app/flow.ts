import {
  BodyResolved,
  DecisionFinal,
  NoticeStarted,
  ProposalAdopted,
  ProposalRejected,
  ProposalReturned,
  ProposalSubmitted,
  VillageClassified,
} from '@cocreate/contracts';
import type { ServiceContext, UnitOfWork } from '@cocreate/kernel';
import { chinaDay } from '@cocreate/places';
import { type Meeting, type Proposal, type StepOutcome, type StepRecord, decisionOf, finalise, openStep } from '../domain/proposals.ts';
import type { Resolution } from '../domain/votes.ts';
import { proposals } from '../repos/proposals.ts';
import { villages } from '../repos/villages.ts';
import { townshipOf } from './common.ts';

/**
 * The steps of a proposal's life that several entry points share (routes, the projects subscription, the notice
 * job). Each records its writes and events on the caller's unit of work; nothing commits here.
 */

/**
 * The electorate of the step a proposal is at: the body's members on the day the step opens, from the register.
 * The step records them, and its ballots and quorum are judged against that record only.
 */
export async function electorateAt(ctx: ServiceContext, p: Proposal): Promise<string[]> {
  const kind = p.chain[p.step]!.body;
  const body = await ctx.register.body(p.village, kind, chinaDay(ctx.now()));
  if (!body || body.members.length === 0) throw new Error(`${p.village} has no ${kind} to vote`);
  return body.members;
}

/**
 * A round begins (first submission or resubmission): the proposal is saved and its first body's vote opens with
 * `electorate`, the first body's members today.
 */
export function beginRound(
  ctx: ServiceContext,
  tx: UnitOfWork,
  p: Proposal,
  expectedVersion: number | undefined,
  submittedBy: string,
  electorate: readonly string[],
): StepRecord {
  const step = openStep(p, electorate, ctx.now());
  proposals.save(tx, p, expectedVersion);
  proposals.openStep(tx, step);
  tx.emit(
    ProposalSubmitted,
    {
      proposalId: p.proposalId,
      village: p.village,
      kind: p.kind,
      title: p.title,
      round: p.round,
      chain: p.chain.map((s) => s.body),
      submittedBy,
    },
    { place: p.village },
  );
  return step;
}

/**
 * Records a body's resolution and what follows from it: the next body's vote opens, or the proposal is adopted and
 * its notice starts (first disclosure), or it is returned or rejected with the reason.
 */
export async function recordResolution(
  ctx: ServiceContext,
  tx: UnitOfWork,
  input: {
    after: Proposal;
    expectedVersion: number;
    step: StepRecord;
    resolution: Resolution;
    outcome: StepOutcome;
    resolvedBy: string;
    meeting: Meeting;
    note?: string;
  },
): Promise<{ resolved: StepRecord; opened?: StepRecord }> {
  const { after: p, step, resolution, outcome } = input;
  const at = ctx.now().toISOString();
  const resolved: StepRecord = {
    ...step,
    status: resolution.passed ? 'passed' : 'failed',
    resolution,
    outcome,
    resolvedAt: at,
    resolvedBy: input.resolvedBy,
    meeting: input.meeting,
    ...(input.note ? { note: input.note } : {}),
  };
  proposals.resolveStep(tx, resolved);
  proposals.save(tx, p, input.expectedVersion);
  const where = { place: p.village };
  tx.emit(
    BodyResolved,
    {
      proposalId: p.proposalId,
      village: p.village,
      round: p.round,
      step: step.step,
      body: step.body,
      members: resolution.members,
      tally: resolution.tally,
      passed: resolution.passed,
      ...(resolution.reason ? { reason: resolution.reason } : {}),
      outcome,
    },
    where,
  );
  switch (outcome) {
    case 'next-body': {
      const opened = openStep(p, await electorateAt(ctx, p), ctx.now());
      proposals.openStep(tx, opened);
      return { resolved, opened };
    }
    case 'adopted':
      tx.emit(
        ProposalAdopted,
        { proposalId: p.proposalId, village: p.village, kind: p.kind, title: p.title, round: p.round, adoptedAt: at },
        where,
      );
      tx.emit(
        NoticeStarted,
        {
          proposalId: p.proposalId,
          village: p.village,
          kind: p.kind,
          title: p.title,
          round: p.round,
          startsAt: p.notice!.startsAt,
          endsAt: p.notice!.endsAt,
          days: p.notice!.days,
        },
        where,
      );
      return { resolved };
    case 'returned':
      tx.emit(
        ProposalReturned,
        {
          proposalId: p.proposalId,
          village: p.village,
          round: p.round,
          step: step.step,
          body: step.body,
          reason: resolution.reason!,
          ...(input.note ? { note: input.note } : {}),
        },
        where,
      );
      return { resolved };
    case 'rejected':
      tx.emit(
        ProposalRejected,
        {
          proposalId: p.proposalId,
          village: p.village,
          kind: p.kind,
          round: p.round,
          step: step.step,
          body: step.body,
          reason: resolution.reason!,
          ...(input.note ? { note: input.note } : {}),
        },
        where,
      );
      return { resolved };
  }
}

/**
 * The notice ended with no sustained objection: the decision is final and filed with the township (备案). The
 * DecisionFinal event carries what was decided; a classification also sets the village's class.
 */
export async function finaliseProposal(ctx: ServiceContext, tx: UnitOfWork, p: Proposal, expectedVersion: number): Promise<Proposal> {
  const final = finalise(p, await townshipOf(ctx, p.village), ctx.now());
  proposals.save(tx, final, expectedVersion);
  tx.emit(DecisionFinal, decisionOf(final), { place: final.village });
  if (final.subject.kind === 'village-classification') {
    const c = { village: final.village, class: final.subject.classification, proposalId: final.proposalId, decidedAt: final.finalAt! };
    villages.classify(tx, c);
    tx.emit(VillageClassified, c, { place: final.village });
  }
  return final;
}
