import { z } from 'zod';
import { DiscussionHeld, Id, PlacePath } from '@cocreate/contracts';
import { EvidenceUploadRequest, type ServiceContext, type Table, defineRoute, newId, problems } from '@cocreate/kernel';
import {
  Discussion,
  NewDiscussion,
  NewPlan,
  Plan,
  PlanVersion,
  type PlanContent,
  checkPlanContent,
  pickContent,
  revise,
  sortAttendees,
} from '../domain/plans.ts';
import { candidates, discussions, plans } from '../store.ts';
import { PageQuery, VILLAGE_READERS, assertVillage, peopleById, refuse, villageOf } from './common.ts';

/* Evidence uploads: minutes, photos, tally-sheet scans, proxy forms, objection attachments ------------------------ */

export const requestEvidenceUpload = defineRoute({
  method: 'POST',
  path: '/deliberation/evidence-uploads',
  operationId: 'requestDeliberationEvidenceUpload',
  summary: 'A presigned URL to upload evidence (minutes, photos, tally-sheet scans, proxy forms) for a village',
  auth: { roles: VILLAGE_READERS, place: ({ body }) => body.village },
  body: EvidenceUploadRequest.extend({ village: PlacePath }),
  response: z.object({
    key: z.string(),
    uploadUrl: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  }),
  status: 201,
  handler: async ({ body }, ctx) => {
    await assertVillage(ctx, body.village);
    return ctx.evidence.presignUpload(body.village, { filename: body.filename, contentType: body.contentType });
  },
});

/* Plans (预案) -------------------------------------------------------------------------------------------------- */

const planVillage = async ({ params }: { params: { planId: string } }, ctx: { table: Table }) =>
  (await plans.getVersioned(ctx.table, params.planId))?.value.village;

/**
 * Checks a plan's place and beneficiaries against the register: the village the place lies in, and the village's
 * households, each read once.
 */
async function checkPlanPlaces(ctx: ServiceContext, village: string, content: Pick<PlanContent, 'place' | 'beneficiaries'>) {
  const [placeVillage, households] = await Promise.all([
    villageOf(ctx, content.place),
    content.beneficiaries.length > 0 ? ctx.register.households(village) : Promise.resolve([]),
  ]);
  const villageByPath = new Map([...households.map((h) => [h.path, h.village] as const), [content.place, placeVillage]]);
  const householdPaths = new Set(households.map((h) => h.path));
  return checkPlanContent(
    content,
    village,
    (p) => villageByPath.get(p),
    (p) => householdPaths.has(p),
  );
}

const PlanView = Plan.extend({
  current: PlanVersion,
  versions: z.array(
    z.object({ version: z.number().int(), createdAt: z.string(), sessionId: z.string().optional(), changeNote: z.string().optional() }),
  ),
});

export const draftPlan = defineRoute({
  method: 'POST',
  path: '/deliberation/plans',
  operationId: 'draftPlan',
  summary: 'Draft a plan (预案), version 1, optionally for a candidate item of the project list (cadres)',
  auth: { roles: ['cadre', 'township-official'], place: ({ body }) => body.village },
  body: NewPlan,
  response: PlanView,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    await assertVillage(ctx, body.village);
    const bad = await checkPlanPlaces(ctx, body.village, body);
    if (bad) throw refuse(bad.refused, {}, bad.pointer);
    const at = ctx.now().toISOString();
    const planId = newId();
    if (body.candidateId) {
      const c = await candidates.getVersioned(ctx.table, body.candidateId);
      if (!c || c.value.village !== body.village) throw refuse('candidate-elsewhere', {}, '/candidateId');
      // The item moves from the menu to planning: it takes no more supports.
      candidates.save(ctx.tx, { ...c.value, status: 'planned', planId }, c.version, 'retry');
    }
    const plan: Plan = {
      planId,
      village: body.village,
      ...(body.candidateId ? { candidateId: body.candidateId } : {}),
      currentVersion: 1,
      title: body.title,
      createdBy: ctx.actor.sub,
      createdAt: at,
      updatedAt: at,
    };
    const v1: PlanVersion = { ...pickContent(body), planId, village: body.village, version: 1, createdAt: at, createdBy: ctx.actor.sub };
    plans.saveHead(ctx.tx, plan, undefined, 'retry');
    plans.addVersion(ctx.tx, v1, 'retry');
    return { ...plan, current: v1, versions: [{ version: 1, createdAt: at }] };
  },
});

export const listPlans = defineRoute({
  method: 'GET',
  path: '/deliberation/plans',
  operationId: 'listPlans',
  summary: 'A village’s plans, newest first',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath, ...PageQuery }),
  response: z.object({ items: z.array(Plan), cursor: z.string().optional() }),
  handler: async ({ query }, ctx) => plans.listByVillage(ctx.table, query.village, query),
});

export const getPlan = defineRoute({
  method: 'GET',
  path: '/deliberation/plans/{planId}',
  operationId: 'getPlan',
  summary: 'A plan: its current version and the list of all versions kept',
  auth: { roles: VILLAGE_READERS, place: planVillage },
  params: z.object({ planId: Id }),
  response: PlanView,
  handler: async ({ params }, ctx) => {
    const head = await plans.getVersioned(ctx.table, params.planId);
    if (!head) throw problems.notFound({ zh: '方案', en: 'The plan' });
    const versions = await plans.versions(ctx.table, params.planId);
    const current = versions.find((v) => v.version === head.value.currentVersion)!;
    return {
      ...head.value,
      current,
      versions: versions.map((v) => ({
        version: v.version,
        createdAt: v.createdAt,
        ...(v.sessionId ? { sessionId: v.sessionId } : {}),
        ...(v.changeNote ? { changeNote: v.changeNote } : {}),
      })),
    };
  },
});

export const getPlanVersion = defineRoute({
  method: 'GET',
  path: '/deliberation/plans/{planId}/versions/{version}',
  operationId: 'getPlanVersion',
  summary: 'One kept version of a plan',
  auth: { roles: VILLAGE_READERS, place: planVillage },
  params: z.object({ planId: Id, version: z.coerce.number().int().positive() }),
  response: PlanVersion,
  handler: async ({ params }, ctx) => {
    const v = await plans.version(ctx.table, params.planId, params.version);
    if (!v) throw problems.notFound({ zh: '方案版本', en: 'The plan version' });
    return v;
  },
});

/* Three-party discussion sessions (三方议) ---------------------------------------------------------------------- */

export const holdDiscussion = defineRoute({
  method: 'POST',
  path: '/deliberation/discussions',
  operationId: 'recordDiscussion',
  summary:
    'Record a three-party discussion of a plan (三方议): parties, attendees, positions, minutes and photos; yields the plan’s next version',
  auth: {
    roles: ['cadre', 'township-official'],
    place: async ({ body }, ctx) => (await plans.getVersioned(ctx.table, body.planId))?.value.village,
  },
  body: NewDiscussion,
  response: z.object({ discussion: Discussion, plan: PlanVersion }),
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const head = await plans.getVersioned(ctx.table, body.planId);
    if (!head) throw problems.notFound({ zh: '方案', en: 'The plan' });
    const village = head.value.village;
    if (body.basedOnVersion !== head.value.currentVersion) {
      throw refuse('stale-plan-version', { currentVersion: head.value.currentVersion });
    }
    const attendees = await peopleById(
      ctx,
      body.attendees.flatMap((a) => ('person' in a ? [a.person] : [])),
    );
    const who = sortAttendees(body.attendees, village, (id) => attendees.get(id)?.village);
    if ('refused' in who) throw refuse(who.refused, {}, who.pointer);
    const current = await plans.version(ctx.table, body.planId, head.value.currentVersion);
    if (!current) throw new Error(`plan ${body.planId} has no version ${head.value.currentVersion}`);
    const now = ctx.now();
    const sessionId = newId();
    const next = revise(current, body.revision, sessionId, ctx.actor.sub, now);
    const bad = await checkPlanPlaces(ctx, village, next);
    if (bad) throw refuse(bad.refused, {}, `/revision${bad.pointer}`);
    const [minutes, photos] = await Promise.all([
      ctx.evidence.verify(body.minutes, village, '/minutes'),
      Promise.all(body.photos.map((p, i) => ctx.evidence.verify(p, village, `/photos/${i}`))),
    ]);
    const heldAt = new Date(body.heldAt).toISOString();
    const discussion: Discussion = {
      sessionId,
      planId: body.planId,
      village,
      basedOnVersion: body.basedOnVersion,
      planVersion: next.version,
      heldAt,
      ...(body.location ? { location: body.location } : {}),
      parties: who.parties,
      attendees: body.attendees,
      residentAttendees: who.residentAttendees,
      otherAttendees: who.otherAttendees,
      positions: body.positions,
      minutes,
      photos,
      recordedBy: ctx.actor.sub,
      recordedAt: now.toISOString(),
    };
    discussions.create(ctx.tx, discussion);
    plans.addVersion(ctx.tx, next, refuse('stale-plan-version'));
    plans.saveHead(
      ctx.tx,
      { ...head.value, currentVersion: next.version, title: next.title, updatedAt: now.toISOString() },
      head.version,
      refuse('stale-plan-version'),
    );
    ctx.tx.emit(
      DiscussionHeld,
      {
        sessionId,
        village,
        planId: body.planId,
        planVersion: next.version,
        heldAt,
        parties: who.parties,
        residentAttendees: who.residentAttendees,
        otherAttendees: who.otherAttendees,
      },
      { place: village },
    );
    return { discussion, plan: next };
  },
});

export const getDiscussion = defineRoute({
  method: 'GET',
  path: '/deliberation/discussions/{sessionId}',
  operationId: 'getDiscussion',
  summary: 'One discussion session, with presigned links to its minutes and photos',
  auth: {
    roles: VILLAGE_READERS,
    place: async ({ params }, ctx) => (await discussions.get(ctx.table, params.sessionId))?.village,
  },
  params: z.object({ sessionId: Id }),
  response: Discussion.extend({ links: z.object({ minutes: z.string(), photos: z.array(z.string()) }) }),
  handler: async ({ params }, ctx) => {
    const d = await discussions.get(ctx.table, params.sessionId);
    if (!d) throw problems.notFound({ zh: '讨论记录', en: 'The discussion' });
    const [minutes, photos] = await Promise.all([
      ctx.evidence.presignDownload(d.minutes.key),
      Promise.all(d.photos.map((p) => ctx.evidence.presignDownload(p.key))),
    ]);
    return { ...d, links: { minutes, photos } };
  },
});

export const listDiscussions = defineRoute({
  method: 'GET',
  path: '/deliberation/plans/{planId}/discussions',
  operationId: 'listPlanDiscussions',
  summary: 'The discussion sessions held on a plan, oldest first',
  auth: { roles: VILLAGE_READERS, place: planVillage },
  params: z.object({ planId: Id }),
  response: z.object({ items: z.array(Discussion) }),
  handler: async ({ params }, ctx) => ({ items: await discussions.listByPlan(ctx.table, params.planId) }),
});
