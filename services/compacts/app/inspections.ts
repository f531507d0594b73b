import { InspectionRecorded, isRefused } from '@cocreate/contracts';
import { type RouteContext, newId } from '@cocreate/kernel';
import { addDays } from '@cocreate/places';
import {
  type CreateInspection,
  type Inspection,
  type InspectionResult,
  type RecordResults,
  checkResults,
  checkScheduledFor,
} from '../domain/inspections.ts';
import { inspections } from '../repos/inspections.ts';
import { callerPerson, dateWindow, isOverseer, listedVillage, notFound, today, verifiedEvidence } from './common.ts';
import { refuse, settled } from './refusals.ts';

/** Inspections by the sanitation-rating work group (卫生评比工作组). */

const inspectionOnce = (ctx: RouteContext, inspectionId: string) =>
  ctx.once(`inspection:${inspectionId}`, () => inspections.get(ctx.table, inspectionId));

/** The village of an inspection (what the routes' place checks ask; read once per attempt). */
export const inspectionVillage = async (inspectionId: string, ctx: RouteContext) => (await inspectionOnce(ctx, inspectionId))?.village;

async function inspectionOrThrow(inspectionId: string, ctx: RouteContext): Promise<Inspection> {
  const found = await inspectionOnce(ctx, inspectionId);
  if (!found) throw notFound.inspection();
  return found;
}

/**
 * The inspector role is not enough: the caller must sit on the village's sanitation-rating work group on the day
 * the act concerns (the inspection's day; the group is re-formed, members leave).
 */
export async function requireRatingGroup(ctx: RouteContext, village: string, on: string): Promise<void> {
  if (!(await ctx.register.isMember(village, 'sanitation-rating-group', ctx.identity?.sub ?? '', on))) throw refuse('not-in-rating-group');
}

/** Validates results and verifies their evidence; returns them with verified evidence references. */
async function acceptResults(
  ctx: RouteContext,
  village: string,
  conductedOn: string,
  results: InspectionResult[],
): Promise<InspectionResult[]> {
  const ofVillage = new Set((await ctx.register.households(village)).filter((h) => h.village === village).map((h) => h.path));
  const check = checkResults(results, conductedOn, today(ctx), (h) => (ofVillage.has(h) ? village : undefined), village);
  if (isRefused(check)) {
    const index = check.detail?.index;
    throw refuse(check.refused, {}, index === undefined ? '/conductedOn' : `/results/${String(index)}/household`);
  }
  return Promise.all(
    results.map(async (r, i) =>
      r.evidence?.length ? { ...r, evidence: await verifiedEvidence(ctx, r.evidence, village, `/results/${i}/evidence`) } : r,
    ),
  );
}

function emitRecorded(ctx: RouteContext, i: Inspection): void {
  ctx.tx.emit(
    InspectionRecorded,
    {
      inspectionId: i.inspectionId,
      village: i.village,
      kind: i.kind,
      topic: i.topic,
      conductedOn: i.conductedOn!,
      inspector: i.inspector!,
      results: i.results.map((r) => ({
        household: r.household,
        item: r.item,
        outcome: r.outcome,
        hasEvidence: (r.evidence?.length ?? 0) > 0,
      })),
    },
    { place: i.village },
  );
}

/** Schedules an inspection, or records an unannounced one with its results. */
export async function createInspection(body: CreateInspection, ctx: RouteContext): Promise<Inspection> {
  const at = ctx.now().toISOString();
  const sub = ctx.identity!.sub;
  if (body.kind === 'scheduled') {
    await requireRatingGroup(ctx, body.village, today(ctx));
    settled(checkScheduledFor(body.scheduledFor, today(ctx)), '/scheduledFor');
    const scheduled: Inspection = {
      inspectionId: newId(),
      village: body.village,
      kind: 'scheduled',
      topic: body.topic,
      status: 'scheduled',
      scheduledFor: body.scheduledFor,
      scheduledBy: sub,
      results: [],
      createdAt: at,
    };
    inspections.create(ctx.tx, scheduled);
    return scheduled;
  }
  const conductedOn = body.conductedOn ?? today(ctx);
  await requireRatingGroup(ctx, body.village, conductedOn);
  const results = await acceptResults(ctx, body.village, conductedOn, body.results);
  const recorded: Inspection = {
    inspectionId: newId(),
    village: body.village,
    kind: 'unannounced',
    topic: body.topic,
    status: 'recorded',
    conductedOn,
    inspector: sub,
    results,
    createdAt: at,
    recordedAt: at,
  };
  inspections.create(ctx.tx, recorded);
  emitRecorded(ctx, recorded);
  return recorded;
}

/** Records the results of a scheduled inspection (once). */
export async function recordInspectionResults(inspectionId: string, body: RecordResults, ctx: RouteContext): Promise<Inspection> {
  const current = await inspectionOrThrow(inspectionId, ctx);
  const conductedOn = body.conductedOn ?? today(ctx);
  await requireRatingGroup(ctx, current.village, conductedOn);
  if (current.status !== 'scheduled') throw refuse('already-recorded');
  const results = await acceptResults(ctx, current.village, conductedOn, body.results);
  const at = ctx.now().toISOString();
  const recorded: Inspection = { ...current, status: 'recorded', conductedOn, inspector: ctx.identity!.sub, results, recordedAt: at };
  inspections.recordResults(ctx.tx, recorded, refuse('already-recorded'));
  emitRecorded(ctx, recorded);
  return recorded;
}

/** Residents see their own household's results; overseers see all. */
async function visibleTo(ctx: RouteContext, village: string, i: Inspection): Promise<Inspection> {
  if (isOverseer(ctx, village)) return i;
  const { household } = await callerPerson(ctx);
  return { ...i, results: i.results.filter((r) => r.household === household) };
}

/** A village's inspections between two dates (default from 90 days back to a year ahead). */
export async function listInspections(query: { village: string; from?: string | undefined; to?: string | undefined }, ctx: RouteContext) {
  await listedVillage(ctx, query.village);
  const { from, to } = dateWindow(query, { from: addDays(today(ctx), -90), to: addDays(today(ctx), 366) });
  const list = await inspections.listByVillage(ctx.table, query.village, from, to);
  return { items: await Promise.all(list.map((i) => visibleTo(ctx, query.village, i))) };
}

export async function getInspection(inspectionId: string, ctx: RouteContext): Promise<Inspection> {
  const i = await inspectionOrThrow(inspectionId, ctx);
  return visibleTo(ctx, i.village, i);
}
