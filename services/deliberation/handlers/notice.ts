import * as z from 'zod';
import { once, Id, PlacePath, ProposalKind } from '@cocreate/contracts';
import { defineJob, defineRoute } from '@cocreate/kernel';
import { NewObjection, Objection, ObjectionAnswer } from '../domain/notice.ts';
import { ProposalStatus } from '../domain/proposals.ts';
import { VILLAGE_PEOPLE, VILLAGE_READERS } from '../app/common.ts';
import {
  answerObjectionOf,
  closeDueNotices as closeDue,
  listObjections as list,
  publicBoard as board,
  raiseObjectionTo,
} from '../app/notice.ts';
import { proposalVillage } from '../app/proposals.ts';
import { StepView } from '../app/views.ts';

const ProposalParams = once(() => z.object({ proposalId: Id }));

/** 异议: a person of the village objects to a decision during its public notice. */
export const raiseObjectionRoute = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/objections',
  operationId: 'raiseObjection',
  summary: 'Object to a decision during its public notice (公示期内提出异议)',
  auth: { roles: VILLAGE_PEOPLE, place: proposalVillage },
  params: () => ProposalParams(),
  body: () => NewObjection(),
  response: () => Objection(),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => raiseObjectionTo(params.proposalId, body, ctx),
});

const ObjectionView = once(() =>
  Objection().omit({ objector: true }).extend({ objector: z.string().optional(), objectorName: z.string().optional() }),
);

export const listObjections = defineRoute({
  method: 'GET',
  path: '/deliberation/proposals/{proposalId}/objections',
  operationId: 'listObjections',
  summary: 'Objections to a decision and their answers; objectors’ names are masked except for cadres and supervisors',
  auth: { roles: VILLAGE_READERS, place: proposalVillage },
  params: () => ProposalParams(),
  response: () => z.object({ items: z.array(ObjectionView()) }),
  handler: ({ params }, ctx) => list(params.proposalId, ctx),
});

/**
 * The committee's answer. Sustained: the proposal reopens (it must be revised and pass its chain again). Dismissed
 * after the period ended with nothing else pending: the decision becomes final right away.
 */
export const answerObjectionRoute = defineRoute({
  method: 'POST',
  path: '/deliberation/proposals/{proposalId}/objections/{objectionId}/answer',
  operationId: 'answerObjection',
  summary: 'Answer an objection (cadres): sustained reopens the proposal; dismissed lets the notice run out',
  auth: { roles: ['cadre'], place: proposalVillage },
  params: () => z.object({ proposalId: Id, objectionId: Id }),
  body: () => ObjectionAnswer(),
  response: () => Objection().extend({ proposalStatus: ProposalStatus() }),
  idempotent: true,
  handler: ({ params, body }, ctx) => answerObjectionOf(params, body, ctx),
});

/**
 * 公示期满: every five minutes, decisions whose notice ended with no objection pending become final and are filed
 * with the township. Re-running changes nothing already final (each proposal commits on its version).
 */
export const closeDueNotices = defineJob({
  name: 'close-due-notices',
  summary: 'Make final every decision whose public notice ended with no sustained or pending objection',
  schedule: 'rate(5 minutes)',
  handler: (ctx) => closeDue(ctx),
});

/* 公开栏: the public board of a village's decisions and their two disclosures -------------------------------------- */

const BoardItem = once(() =>
  z.object({
    proposalId: Id,
    kind: ProposalKind,
    title: z.string(),
    status: ProposalStatus(),
    round: z.number().int(),
    notice: z.object({ startsAt: z.string(), endsAt: z.string(), days: z.number().int() }).optional(),
    adoptedAt: z.string().optional(),
    finalAt: z.string().optional(),
    filedWith: z.string().optional(),
    /** How each body of the adopting round voted. */
    resolutions: z.array(StepView()),
    implementation: z
      .object({ acceptedAt: z.string(), budget: z.number().int(), spent: z.number().int(), disclosedAt: z.string() })
      .optional(),
  }),
);

export const publicBoard = defineRoute({
  method: 'GET',
  path: '/deliberation/board',
  operationId: 'getPublicBoard',
  summary: 'The public disclosure board (公开栏): decisions under notice or final, how each body voted, and implementation results',
  auth: { public: true },
  query: () => z.object({ village: PlacePath, limit: z.coerce.number().int().min(1).max(50).default(20) }),
  response: () => z.object({ village: PlacePath, items: z.array(BoardItem()) }),
  handler: ({ query }, ctx) => board(query, ctx),
});
