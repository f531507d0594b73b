import * as z from 'zod';
import { once, EvidenceRef, Id, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { OFFICIALS } from '../domain/levels.ts';
import { FormTeam, RecordVisit, Team, Visit } from '../domain/support.ts';
import { closeItem, formTeam, listTeams, listVisits, recordVisit, visitOrThrow } from '../app/support.ts';

const TeamView = once(() => Team().extend({ onDuty: z.array(z.string()) }));
const VisitView = once(() => Visit().extend({ overdue: z.array(z.number()) }));

export const formTeamRoute = defineRoute({
  method: 'POST',
  path: '/programme/teams',
  operationId: 'formHelperTeam',
  summary: 'Form a helper team for a village (帮扶团队, 驻村工作队, 以奖代补项目辅导员) with its members and their terms',
  auth: { roles: OFFICIALS, place: ({ body }) => body.village },
  body: () => FormTeam(),
  response: () => Team(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => formTeam(body, ctx),
});

export const listTeamsRoute = defineRoute({
  method: 'GET',
  path: '/programme/teams',
  operationId: 'listHelperTeams',
  summary: 'A village’s helper teams with who is on duty today',
  auth: { roles: [...OFFICIALS, 'cadre'], place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, ...pageQuery() }),
  response: () => z.object({ items: z.array(TeamView()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => listTeams(query, ctx),
});

export const recordVisitRoute = defineRoute({
  method: 'POST',
  path: '/programme/visits',
  operationId: 'recordSupervisionVisit',
  summary: 'Record a supervision visit (督导) at a place with findings and rectification items, each with a deadline',
  auth: { roles: OFFICIALS, place: ({ body }) => body.place },
  body: () => RecordVisit(),
  response: () => VisitView(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => recordVisit(body, ctx),
});

export const listVisitsRoute = defineRoute({
  method: 'GET',
  path: '/programme/visits',
  operationId: 'listSupervisionVisits',
  summary: 'The supervision visits at a place, newest first, with the items past their deadline',
  auth: { roles: [...OFFICIALS, 'cadre'], place: ({ query }) => query.place },
  query: () => z.object({ place: PlacePath, ...pageQuery() }),
  response: () => z.object({ items: z.array(VisitView()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => listVisits(query, ctx),
});

export const closeItemRoute = defineRoute({
  method: 'POST',
  path: '/programme/visits/{visitId}/items/{no}/closure',
  operationId: 'closeSupervisionItem',
  summary: 'Close a rectification item of a visit (整改销号) with a note and evidence',
  auth: { roles: [...OFFICIALS, 'cadre'], place: async ({ params }, ctx) => (await visitOrThrow(ctx, params.visitId)).place },
  params: () => z.object({ visitId: Id, no: z.coerce.number().int().positive() }),
  body: () => z.object({ note: z.string().trim().min(1).max(2000), evidence: z.array(EvidenceRef).max(20).default([]) }),
  response: () => VisitView(),
  idempotent: true,
  handler: ({ params, body }, ctx) => closeItem(params.visitId, params.no, body, ctx),
});

export const supportRoutes = [formTeamRoute, listTeamsRoute, recordVisitRoute, listVisitsRoute, closeItemRoute];
