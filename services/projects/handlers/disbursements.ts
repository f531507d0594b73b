import * as z from 'zod';
import { once, Id } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import { READERS, projectPlace } from '../app/common.ts';
import {
  approveDisbursement as approve,
  countersignDisbursement as countersign,
  listDisbursements as disbursementsOf,
  rejectDisbursement as reject,
  requestDisbursement as request,
} from '../app/disbursements.ts';
import { Disbursement, RequestDisbursement } from '../domain/disbursements.ts';

const Params = once(() => z.object({ projectId: Id, disbursementId: Id }));

export const requestDisbursement = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/disbursements',
  operationId: 'requestDisbursement',
  summary: 'Request a disbursement against a milestone; the money is held on the project’s allocation until approved',
  auth: { roles: ['treasurer', 'cadre'], place: projectPlace },
  params: () => z.object({ projectId: Id }),
  body: () => RequestDisbursement(),
  response: () => Disbursement(),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => request({ ...body, projectId: params.projectId }, ctx),
});

export const approveDisbursement = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/disbursements/{disbursementId}/approve',
  operationId: 'approveDisbursement',
  summary: 'The village committee approves a disbursement (a two-committees member, not the requester)',
  auth: { roles: ['cadre'], place: projectPlace },
  params: () => Params(),
  response: () => Disbursement(),
  idempotent: true,
  handler: ({ params }, ctx) => approve(params, ctx),
});

export const countersignDisbursement = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/disbursements/{disbursementId}/countersign',
  operationId: 'countersignDisbursement',
  summary: 'The supervision committee countersigns an approved disbursement (another person), which then posts',
  auth: { roles: ['supervisor'], place: projectPlace },
  params: () => Params(),
  response: () => Disbursement(),
  idempotent: true,
  handler: ({ params }, ctx) => countersign(params, ctx),
});

export const rejectDisbursement = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/disbursements/{disbursementId}/reject',
  operationId: 'rejectDisbursement',
  summary: 'Refuse a disbursement not yet posted (committee or supervision committee); the held money goes back',
  auth: { roles: ['cadre', 'supervisor'], place: projectPlace },
  params: () => Params(),
  body: () => z.object({ reason: z.string().trim().min(1).max(1000) }),
  response: () => Disbursement(),
  idempotent: true,
  handler: ({ params, body }, ctx) => reject({ ...params, reason: body.reason }, ctx),
});

export const listDisbursements = defineRoute({
  method: 'GET',
  path: '/projects/projects/{projectId}/disbursements',
  operationId: 'listDisbursements',
  summary: 'A project’s disbursements with their approvals and paying sources',
  auth: { roles: READERS, place: projectPlace },
  params: () => z.object({ projectId: Id }),
  response: () => z.object({ items: z.array(Disbursement()) }),
  handler: ({ params }, ctx) => disbursementsOf(params.projectId, ctx),
});
