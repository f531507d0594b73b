import * as z from 'zod';
import { StepRule } from '../domain/chains.ts';
import { type ImplementationDisclosure, Proposal, type StepRecord } from '../domain/proposals.ts';
import type { Tally } from '../domain/votes.ts';
import { once } from '@cocreate/contracts';

/** What the proposal routes answer with, shared by the proposal, ballot and notice routes. */
const TallyView = once(() => z.object({ yes: z.number().int(), no: z.number().int(), abstain: z.number().int(), cast: z.number().int() }));
const Check = once(() =>
  z.object({
    part: z.number().int(),
    whole: z.number().int(),
    required: z.object({ op: z.string(), num: z.number().int(), den: z.number().int() }),
    held: z.boolean(),
    needed: z.number().int(),
    margin: z.number().int(),
  }),
);

export const StepView = once(() =>
  z.object({
    round: z.number().int(),
    step: z.number().int(),
    body: z.string(),
    rule: StepRule(),
    members: z.number().int(),
    status: z.enum(['open', 'passed', 'failed']),
    openedAt: z.string(),
    tally: TallyView(),
    resolvedAt: z.string().optional(),
    resolution: z.object({ passed: z.boolean(), reason: z.string().optional(), quorum: Check(), passing: Check() }).optional(),
    outcome: z.string().optional(),
    note: z.string().optional(),
    /** The meeting that resolved it: how many signed in (the sign-in itself stays with the record), its minutes. */
    meeting: z.object({ signedIn: z.number().int(), minutes: z.string(), heldAt: z.string() }).optional(),
  }),
);
export type StepView = z.infer<ReturnType<typeof StepView>>;

const Disclosure = once(() =>
  z.object({
    projectId: z.string(),
    acceptedAt: z.string(),
    budget: z.number().int(),
    spent: z.number().int(),
    beneficiaries: z.array(z.string()),
    disclosedAt: z.string(),
  }),
);

export const ProposalView = once(() =>
  Proposal().extend({
    steps: z.array(StepView()),
    implementation: Disclosure().optional(),
  }),
);
export type ProposalView = z.infer<ReturnType<typeof ProposalView>>;

export function stepView(s: StepRecord, tally: Tally): StepView {
  return {
    round: s.round,
    step: s.step,
    body: s.body,
    rule: s.rule,
    members: s.members.length,
    status: s.status,
    openedAt: s.openedAt,
    tally,
    ...(s.resolvedAt ? { resolvedAt: s.resolvedAt } : {}),
    ...(s.resolution
      ? {
          resolution: {
            passed: s.resolution.passed,
            ...(s.resolution.reason ? { reason: s.resolution.reason } : {}),
            quorum: s.resolution.quorum,
            passing: s.resolution.passing,
          },
        }
      : {}),
    ...(s.outcome ? { outcome: s.outcome } : {}),
    ...(s.note ? { note: s.note } : {}),
    ...(s.meeting ? { meeting: { signedIn: s.meeting.signIn.length, minutes: s.meeting.minutes.key, heldAt: s.meeting.heldAt } } : {}),
  };
}

/** A proposal with its steps (in order, each with its tally) and its second disclosure when there is one. */
export function proposalView(p: Proposal, steps: readonly StepView[], disclosure: ImplementationDisclosure | undefined): ProposalView {
  return {
    ...p,
    steps: [...steps].sort((a, b) => a.round - b.round || a.step - b.step),
    ...(disclosure
      ? {
          implementation: {
            projectId: disclosure.projectId,
            acceptedAt: disclosure.acceptedAt,
            budget: disclosure.budget,
            spent: disclosure.spent,
            beneficiaries: disclosure.beneficiaries,
            disclosedAt: disclosure.disclosedAt,
          },
        }
      : {}),
  };
}
