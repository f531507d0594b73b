import { DiscussionHeld } from '@cocreate/contracts';
import type { z } from 'zod';
import { type EvidenceUploadRequest, type RouteContext, type ServiceContext, newId, problems } from '@cocreate/kernel';
import {
  type Discussion,
  type NewDiscussion,
  type NewPlan,
  type Plan,
  type PlanContent,
  type PlanVersion,
  checkDiscussedVersion,
  checkPlanContent,
  pickContent,
  revise,
  sortAttendees,
} from '../domain/plans.ts';
import { candidates } from '../repos/candidates.ts';
import { discussions, plans } from '../repos/plans.ts';
import { assertVillage, listedVillage, peopleById, refuse, settled, villageOf } from './common.ts';

/** A presigned upload of evidence for a village (minutes, photos, tally-sheet scans, proxy forms). */
export async function requestEvidenceUpload(
  cmd: z.infer<ReturnType<typeof EvidenceUploadRequest>> & { village: string },
  ctx: RouteContext,
) {
  await assertVillage(ctx, cmd.village);
  return ctx.evidence.presignUpload(cmd.village, cmd);
}

const loadPlan = (ctx: Pick<RouteContext, 'table' | 'once'>, planId: string) =>
  ctx.once(`plan:${planId}`, () => plans.getVersioned(ctx.table, planId));

export const planVillage = async (planId: string, ctx: RouteContext) => (await loadPlan(ctx, planId))?.value.village;

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

type VersionSummary = { version: number; createdAt: string; sessionId?: string; changeNote?: string };
export type PlanView = Plan & { current: PlanVersion; versions: VersionSummary[] };

/** 预案: a plan's version 1, optionally for a candidate item of the project list, which moves on to planning. */
export async function draftPlan(cmd: NewPlan, ctx: RouteContext): Promise<PlanView> {
  await assertVillage(ctx, cmd.village);
  const bad = await checkPlanPlaces(ctx, cmd.village, cmd);
  if (bad) throw refuse(bad.refused, {}, bad.pointer);
  const at = ctx.now().toISOString();
  const planId = newId();
  if (cmd.candidateId) {
    const [c, read] = await Promise.all([
      candidates.getVersioned(ctx.table, cmd.candidateId),
      candidates.supportShards(ctx.table, cmd.candidateId),
    ]);
    if (!c || c.value.village !== cmd.village) throw refuse('candidate-elsewhere', {}, '/candidateId');
    // The item moves from the menu to planning: it takes no more supports (its counter is closed on the supports it
    // has; one counted meanwhile makes this recompute).
    candidates.save(ctx.tx, { ...c.value, status: 'planned', planId }, c.version, 'retry');
    candidates.freezeSupports(ctx.tx, cmd.candidateId, read, at);
  }
  const plan: Plan = {
    planId,
    village: cmd.village,
    ...(cmd.candidateId ? { candidateId: cmd.candidateId } : {}),
    currentVersion: 1,
    title: cmd.title,
    createdBy: ctx.actor.sub,
    createdAt: at,
    updatedAt: at,
  };
  const v1: PlanVersion = { ...pickContent(cmd), planId, village: cmd.village, version: 1, createdAt: at, createdBy: ctx.actor.sub };
  plans.saveHead(ctx.tx, plan, undefined, 'retry');
  plans.addVersion(ctx.tx, v1, 'retry');
  return { ...plan, current: v1, versions: [{ version: 1, createdAt: at }] };
}

/** A plan: its current version and the list of all versions kept. */
export async function getPlan(planId: string, ctx: RouteContext): Promise<PlanView> {
  const head = await loadPlan(ctx, planId);
  if (!head) throw problems.notFound({ zh: '方案', en: 'The plan' });
  const versions = await plans.versions(ctx.table, planId);
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
}

export async function getPlanVersion(planId: string, version: number, ctx: RouteContext): Promise<PlanVersion> {
  const v = await plans.version(ctx.table, planId, version);
  if (!v) throw problems.notFound({ zh: '方案版本', en: 'The plan version' });
  return v;
}

/**
 * 三方议: a three-party discussion of a plan's current version — parties, attendees, positions, minutes and photos —
 * which yields the plan's next version.
 */
export async function holdDiscussion(cmd: NewDiscussion, ctx: RouteContext): Promise<{ discussion: Discussion; plan: PlanVersion }> {
  const head = await loadPlan(ctx, cmd.planId);
  if (!head) throw problems.notFound({ zh: '方案', en: 'The plan' });
  const village = head.value.village;
  settled(checkDiscussedVersion(head.value, cmd.basedOnVersion));
  const attendees = await peopleById(
    ctx,
    cmd.attendees.flatMap((a) => ('person' in a ? [a.person] : [])),
  );
  const who = sortAttendees(cmd.attendees, village, (id) => attendees.get(id)?.village);
  if ('refused' in who) throw refuse(who.refused, {}, who.pointer);
  const current = await plans.version(ctx.table, cmd.planId, head.value.currentVersion);
  if (!current) throw new Error(`plan ${cmd.planId} has no version ${head.value.currentVersion}`);
  const now = ctx.now();
  const sessionId = newId();
  const next = revise(current, cmd.revision, sessionId, ctx.actor.sub, now);
  const bad = await checkPlanPlaces(ctx, village, next);
  if (bad) throw refuse(bad.refused, {}, `/revision${bad.pointer}`);
  const [minutes, photos] = await Promise.all([
    ctx.evidence.verify(cmd.minutes, village, '/minutes'),
    Promise.all(cmd.photos.map((p, i) => ctx.evidence.verify(p, village, `/photos/${i}`))),
  ]);
  const heldAt = new Date(cmd.heldAt).toISOString();
  const discussion: Discussion = {
    sessionId,
    planId: cmd.planId,
    village,
    basedOnVersion: cmd.basedOnVersion,
    planVersion: next.version,
    heldAt,
    ...(cmd.location ? { location: cmd.location } : {}),
    parties: who.parties,
    attendees: cmd.attendees,
    residentAttendees: who.residentAttendees,
    otherAttendees: who.otherAttendees,
    positions: cmd.positions,
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
      planId: cmd.planId,
      planVersion: next.version,
      heldAt,
      parties: who.parties,
      residentAttendees: who.residentAttendees,
      otherAttendees: who.otherAttendees,
    },
    { place: village },
  );
  return { discussion, plan: next };
}

const loadDiscussion = (ctx: Pick<RouteContext, 'table' | 'once'>, id: string) =>
  ctx.once(`discussion:${id}`, () => discussions.get(ctx.table, id));

export const discussionVillage = async (sessionId: string, ctx: RouteContext) => (await loadDiscussion(ctx, sessionId))?.village;

/** One discussion session, with presigned links to its minutes and photos. */
export async function getDiscussion(sessionId: string, ctx: RouteContext) {
  const d = await loadDiscussion(ctx, sessionId);
  if (!d) throw problems.notFound({ zh: '讨论记录', en: 'The discussion' });
  const [minutes, photos] = await Promise.all([
    ctx.evidence.presignDownload(d.minutes.key),
    Promise.all(d.photos.map((p) => ctx.evidence.presignDownload(p.key))),
  ]);
  return { ...d, links: { minutes, photos } };
}

export const listPlans = (query: { village: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) =>
  listedVillage(ctx, query.village).then(() => plans.listByVillage(ctx.table, query.village, query));

export const listDiscussions = async (planId: string, ctx: RouteContext) => ({ items: await discussions.listByPlan(ctx.table, planId) });
