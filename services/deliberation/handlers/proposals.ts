import * as z from 'zod';
import { Id, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { MeetingRecord, Proposal, ResubmitProposal, SubmitProposal } from '../domain/proposals.ts';
import { VILLAGE_READERS } from '../app/common.ts';
import {
  getProposal as get,
  getTally as tally,
  listProposals as list,
  proposalVillage,
  resolveStep,
  resubmitProposal as resubmit,
  submitProposal as submit,
} from '../app/proposals.ts';
import { ProposalView, StepView } from '../app/views.ts';

export const submitProposal = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals',
  operationId: 'submitProposal',
  summary: 'Submit a proposal into its village’s decision chain (cadres; classification also township officials)',
  auth: { roles: ['cadre', 'township-official'], place: ({ body }) => body.village },
  body: () => SubmitProposal(),
  response: () => ProposalView(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => submit(body, ctx),
});

export const listProposals = defineRoute({
  method: 'GET',
  path: '/deliberation/proposals',
  operationId: 'listProposals',
  summary: 'A village’s proposals, newest first',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, ...pageQuery() }),
  response: () => z.object({ items: z.array(Proposal()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => list(query, ctx),
});

export const getProposal = defineRoute({
  method: 'GET',
  path: '/deliberation/proposals/{proposalId}',
  operationId: 'getProposal',
  summary: 'A proposal with every step of every round (tallies, quorum and passing checks) and its disclosures',
  auth: { roles: VILLAGE_READERS, place: proposalVillage },
  params: () => z.object({ proposalId: Id }),
  response: () => ProposalView(),
  handler: ({ params }, ctx) => get(params.proposalId, ctx),
});

export const getTally = defineRoute({
  method: 'GET',
  path: '/deliberation/proposals/{proposalId}/tally',
  operationId: 'getTally',
  summary: 'The running tally of a step (default: the current one): a constant-cost read of its counters',
  auth: { roles: VILLAGE_READERS, place: proposalVillage },
  params: () => z.object({ proposalId: Id }),
  query: () => z.object({ round: z.coerce.number().int().positive().optional(), step: z.coerce.number().int().nonnegative().optional() }),
  response: () => StepView(),
  handler: ({ params, query }, ctx) => tally(params.proposalId, query, ctx),
});

/**
 * Closes the current body's vote and resolves it: the counters are frozen on exactly the ballots read, so the
 * result counts every ballot that was accepted and nothing else.
 */
export const resolveProposalStep = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/resolve',
  operationId: 'resolveStep',
  summary: 'Close the current body’s vote and resolve it: next body, adopted into notice, returned, or rejected (cadres)',
  auth: { roles: ['cadre'], place: proposalVillage },
  params: () => z.object({ proposalId: Id }),
  body: () =>
    z.object({
      /** The step being closed, as the caller sees it (a guard against closing the next body by a double click). */
      step: z.number().int().nonnegative(),
      note: z.string().trim().max(1000).optional(),
      /** The meeting's record: sign-in (the quorum is judged on it), minutes uploaded as evidence, when it was held. */
      ...MeetingRecord().shape,
    }),
  response: () => ProposalView(),
  handler: ({ params, body }, ctx) => resolveStep(params.proposalId, body, ctx),
});

export const resubmitProposal = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/resubmit',
  operationId: 'resubmitProposal',
  summary:
    'Resubmit a returned or reopened proposal, optionally revised (another plan version, compact version or class): a new round from the first body',
  auth: { roles: ['cadre'], place: proposalVillage },
  params: () => z.object({ proposalId: Id }),
  body: () => ResubmitProposal(),
  response: () => ProposalView(),
  handler: ({ params, body }, ctx) => resubmit(params.proposalId, body, ctx),
});
