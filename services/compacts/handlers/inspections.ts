import { z } from 'zod';
import { Id, InspectionRecorded, IsoDate, PlacePath } from '@cocreate/contracts';
import { type RouteContext, defineRoute, newId, problems } from '@cocreate/kernel';
import { addDays } from '../domain/dates.ts';
import { CreateInspection, Inspection, type InspectionResult, RecordResults, checkResults } from '../domain/inspections.ts';
import { inspections } from '../store.ts';
import { READERS, callerPerson, isOverseer, notFound, today } from './common.ts';

/** Inspections by the sanitation-rating work group (卫生评比工作组). */

const InspectionParams = z.object({ inspectionId: Id });
const inspectionVillage = async ({ params }: { params: { inspectionId: string } }, ctx: RouteContext) =>
  (await inspections.get(ctx.table, params.inspectionId))?.village;

/**
 * The inspector role is not enough: the caller must sit on the village's sanitation-rating work group on the day
 * the act concerns (the inspection's day; the group is re-formed, members leave).
 */
export async function requireRatingGroup(ctx: RouteContext, village: string, on: string): Promise<void> {
  if (!(await ctx.register.isMember(village, 'sanitation-rating-group', ctx.identity?.sub ?? '', on))) {
    throw problems.forbidden({
      zh: '只有本村卫生评比工作组成员可以检查。',
      en: 'Only members of the village’s sanitation-rating work group can inspect.',
    });
  }
}

const RESULT_TEXT = {
  'household-outside-village': { zh: '检查结果中的农户不属于本村。', en: 'A result names a household outside the village.' },
  'duplicate-result': { zh: '同一农户同一事项只能有一个结果。', en: 'Each household and duty item gets one result.' },
  'date-in-future': { zh: '检查日期不能晚于今天。', en: 'The inspection date cannot be in the future.' },
  'date-too-old': { zh: '检查日期过早，只能补录 30 天内的检查。', en: 'Only inspections of the last 30 days can be entered.' },
} as const;

/** Validates results and verifies their evidence; returns them with verified evidence references. */
async function acceptResults(
  ctx: RouteContext,
  village: string,
  conductedOn: string,
  results: InspectionResult[],
): Promise<InspectionResult[]> {
  const ofVillage = new Set((await ctx.register.households(village)).filter((h) => h.village === village).map((h) => h.path));
  const check = checkResults(results, conductedOn, today(ctx), (h) => (ofVillage.has(h) ? village : undefined), village);
  if (check !== 'ok') {
    const pointer = 'index' in check ? `/results/${check.index}/household` : '/conductedOn';
    throw problems.rule(check.rule, RESULT_TEXT[check.rule], {}, [
      { in: 'body', pointer, rule: check.rule, message: RESULT_TEXT[check.rule] },
    ]);
  }
  return Promise.all(
    results.map(async (r, i) =>
      r.evidence?.length
        ? { ...r, evidence: await Promise.all(r.evidence.map((e, j) => ctx.evidence.verify(e, village, `/results/${i}/evidence/${j}`))) }
        : r,
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

export const createInspection = defineRoute({
  method: 'POST',
  path: '/compacts/inspections',
  operationId: 'createInspection',
  summary: 'Schedule an inspection, or record an unannounced one (e.g. a rubbish-sorting spot check) with its results',
  auth: { roles: ['inspector'], place: ({ body }) => body.village },
  body: CreateInspection,
  response: Inspection,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const at = ctx.now().toISOString();
    const sub = ctx.identity!.sub;
    if (body.kind === 'scheduled') {
      await requireRatingGroup(ctx, body.village, today(ctx));
      if (body.scheduledFor < today(ctx)) {
        throw problems.rule(
          'scheduled-in-past',
          { zh: '计划检查日期不能早于今天。', en: 'A scheduled inspection cannot be planned for a past day.' },
          {},
          [{ in: 'body', pointer: '/scheduledFor', rule: 'not-past', message: { zh: '今天或之后', en: 'today or later' } }],
        );
      }
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
  },
});

export const recordInspectionResults = defineRoute({
  method: 'POST',
  path: '/compacts/inspections/{inspectionId}/results',
  operationId: 'recordInspectionResults',
  summary: 'Record the results of a scheduled inspection (once)',
  auth: { roles: ['inspector'], place: inspectionVillage },
  params: InspectionParams,
  body: RecordResults,
  response: Inspection,
  handler: async ({ params, body }, ctx) => {
    const current = await inspections.get(ctx.table, params.inspectionId);
    if (!current) throw notFound.inspection();
    const conductedOn = body.conductedOn ?? today(ctx);
    await requireRatingGroup(ctx, current.village, conductedOn);
    const already = problems.conflict('already-recorded', {
      zh: '该检查的结果已录入。',
      en: 'The results of this inspection were already recorded.',
    });
    if (current.status !== 'scheduled') throw already;
    const results = await acceptResults(ctx, current.village, conductedOn, body.results);
    const at = ctx.now().toISOString();
    const recorded: Inspection = { ...current, status: 'recorded', conductedOn, inspector: ctx.identity!.sub, results, recordedAt: at };
    inspections.recordResults(ctx.tx, recorded, already);
    emitRecorded(ctx, recorded);
    return recorded;
  },
});

/** Residents see their own household's results; overseers see all. */
async function visibleTo(ctx: RouteContext, village: string, i: Inspection): Promise<Inspection> {
  if (isOverseer(ctx, village)) return i;
  const { household } = await callerPerson(ctx);
  return { ...i, results: i.results.filter((r) => r.household === household) };
}

export const listInspections = defineRoute({
  method: 'GET',
  path: '/compacts/inspections',
  operationId: 'listInspections',
  summary: 'A village’s inspections between two dates (default the last 90 days); residents see only their own results',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath, from: IsoDate.optional(), to: IsoDate.optional() }),
  response: z.object({ items: z.array(Inspection) }),
  handler: async ({ query }, ctx) => {
    const to = query.to ?? addDays(today(ctx), 366);
    const from = query.from ?? addDays(today(ctx), -90);
    const list = await inspections.listByVillage(ctx.table, query.village, from, to);
    return { items: await Promise.all(list.map((i) => visibleTo(ctx, query.village, i))) };
  },
});

export const getInspection = defineRoute({
  method: 'GET',
  path: '/compacts/inspections/{inspectionId}',
  operationId: 'getInspection',
  summary: 'One inspection (residents see only their own household’s results)',
  auth: { roles: READERS, place: inspectionVillage },
  params: InspectionParams,
  response: Inspection,
  handler: async ({ params }, ctx) => {
    const i = await inspections.get(ctx.table, params.inspectionId);
    if (!i) throw notFound.inspection();
    return visibleTo(ctx, i.village, i);
  },
});
