import { VILLAGE_WATCH } from '@cocreate/places';
import * as z from 'zod';
import { once, Id, IsoDate, PlacePath } from '@cocreate/contracts';
import { type RouteContext, defineRoute } from '@cocreate/kernel';
import { READERS } from '../app/common.ts';
import {
  compactVillage,
  draftAmendment,
  draftCompact,
  editDraft,
  getCompact,
  getVersion,
  listCompacts,
  listParkedDecisions,
  submitDraft,
  versionInForceOn,
} from '../app/compacts.ts';
import { Compact, CompactVersion, DraftAmendment, DraftCompact, EditDraft } from '../domain/compacts.ts';

/** Compacts: drafting, amending, submitting for deliberation, and reading the version in force on any date. */

const CompactParams = once(() => z.object({ compactId: Id }));
const VersionParams = once(() => z.object({ compactId: Id, version: z.coerce.number().int().positive().max(1_000_000) }));
const ofCompact = ({ params }: { params: { compactId: string } }, ctx: RouteContext) => compactVillage(params.compactId, ctx);

export const draftCompactRoute = defineRoute({
  method: 'POST',
  path: '/compacts/compacts',
  operationId: 'draftCompact',
  summary: 'Draft a compact (村规民约 or 管护公约): its version 1, editable until submitted for deliberation',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: () => DraftCompact(),
  response: () => CompactVersion(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => draftCompact(body, ctx),
});

export const draftAmendmentRoute = defineRoute({
  method: 'POST',
  path: '/compacts/compacts/{compactId}/versions',
  operationId: 'draftAmendment',
  summary: 'Draft an amendment: a new version, starting from the version in force (else the latest) unless articles are given',
  auth: { roles: ['cadre'], place: ofCompact },
  params: () => CompactParams(),
  body: () => DraftAmendment(),
  response: () => CompactVersion(),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => draftAmendment(params.compactId, body, ctx),
});

export const editDraftRoute = defineRoute({
  method: 'PATCH',
  path: '/compacts/compacts/{compactId}/versions/{version}',
  operationId: 'editDraft',
  summary: 'Edit a draft version (title, articles, proposed start date); refused once submitted or with a stale revision',
  auth: { roles: ['cadre'], place: ofCompact },
  params: () => VersionParams(),
  body: () => EditDraft(),
  response: () => CompactVersion(),
  handler: ({ params, body }, ctx) => editDraft(params.compactId, params.version, body, ctx),
});

export const submitDraftRoute = defineRoute({
  method: 'POST',
  path: '/compacts/compacts/{compactId}/versions/{version}/submit',
  operationId: 'submitDraft',
  summary: 'Submit a draft for deliberation: its text is frozen; deliberation’s final decision brings it into force',
  auth: { roles: ['cadre'], place: ofCompact },
  params: () => VersionParams(),
  response: () => CompactVersion(),
  handler: ({ params }, ctx) => submitDraft(params.compactId, params.version, ctx),
});

const CompactSummary = once(() => Compact().extend({ inForceVersion: z.number().int().positive().optional() }));

export const listCompactsRoute = defineRoute({
  method: 'GET',
  path: '/compacts/compacts',
  operationId: 'listCompacts',
  summary: 'A village’s compacts, each with the version in force today',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath }),
  response: () => z.object({ items: z.array(CompactSummary()) }),
  handler: ({ query }, ctx) => listCompacts(query.village, ctx),
});

export const getCompactRoute = defineRoute({
  method: 'GET',
  path: '/compacts/compacts/{compactId}',
  operationId: 'getCompact',
  summary: 'A compact with all its versions (drafts, submitted, adopted with their in-force dates)',
  auth: { roles: READERS, place: ofCompact },
  params: () => CompactParams(),
  response: () => z.object({ compact: Compact(), versions: z.array(CompactVersion()), inForceVersion: z.number().int().optional() }),
  handler: ({ params }, ctx) => getCompact(params.compactId, ctx),
});

export const getVersionRoute = defineRoute({
  method: 'GET',
  path: '/compacts/compacts/{compactId}/versions/{version}',
  operationId: 'getCompactVersion',
  summary: 'One version of a compact',
  auth: { roles: READERS, place: ofCompact },
  params: () => VersionParams(),
  response: () => CompactVersion(),
  handler: ({ params }, ctx) => getVersion(params.compactId, params.version, ctx),
});

export const versionInForceOnRoute = defineRoute({
  method: 'GET',
  path: '/compacts/compacts/{compactId}/in-force',
  operationId: 'getVersionInForce',
  summary: 'The version of a compact in force on a date (default today, China time)',
  auth: { roles: READERS, place: ofCompact },
  params: () => CompactParams(),
  query: () => z.object({ on: IsoDate.optional() }),
  response: () => CompactVersion(),
  handler: ({ params, query }, ctx) => versionInForceOn(params.compactId, query.on, ctx),
});

const ParkedView = once(() =>
  z.object({
    compactId: z.string(),
    version: z.number().int(),
    village: z.string(),
    proposalId: z.string(),
    title: z.string(),
    decidedAt: z.string(),
    eventId: z.string(),
    reason: z.string(),
    parkedAt: z.string(),
  }),
);

export const listParkedDecisionsRoute = defineRoute({
  method: 'GET',
  path: '/compacts/decisions/parked',
  operationId: 'listParkedCompactDecisions',
  summary: 'Final decisions on compacts that wait for their draft (or name the wrong village): nothing is lost',
  auth: { roles: [...VILLAGE_WATCH, 'ops-admin'], place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath }),
  response: () => z.object({ items: z.array(ParkedView()) }),
  handler: ({ query }, ctx) => listParkedDecisions(query.village, ctx),
});

export const compactRoutes = [
  draftCompactRoute,
  draftAmendmentRoute,
  editDraftRoute,
  submitDraftRoute,
  listCompactsRoute,
  getCompactRoute,
  getVersionRoute,
  versionInForceOnRoute,
  listParkedDecisionsRoute,
];
