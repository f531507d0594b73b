import {
  CompactRectificationClosed,
  type EvidenceRef,
  RectificationOverdue,
  ViolationAppealed,
  ViolationOverturned,
  ViolationRecorded,
  ViolationUpheld,
} from '@cocreate/contracts';
import { type JobContext, type RouteContext, newId } from '@cocreate/kernel';
import { addDays, chinaDay } from '@cocreate/places';
import {
  RECORD_POINTERS,
  type RecordViolation,
  type Violation,
  appeal,
  checkRecording,
  closeRectification as closed,
  isOverdue,
  recordedViolation,
  rule,
} from '../domain/violations.ts';
import { compacts } from '../repos/compacts.ts';
import { inspections } from '../repos/inspections.ts';
import { violations } from '../repos/violations.ts';
import {
  callerHolds,
  callerPerson,
  dateWindow,
  householdOnce,
  isOverseer,
  listedVillage,
  notFound,
  today,
  verifiedEvidence,
} from './common.ts';
import { requireRatingGroup } from './inspections.ts';
import { refuse, settled } from './refusals.ts';

/** Violations, appeals to the morality review council, and rectification to closure. */

const violationOnce = (ctx: RouteContext, violationId: string) =>
  ctx.once(`violation:${violationId}`, () => violations.get(ctx.table, violationId));

/** The village of a violation (what the routes' place checks ask; read once per attempt). */
export const violationVillage = async (violationId: string, ctx: RouteContext) => (await violationOnce(ctx, violationId))?.village;

async function violationOrThrow(violationId: string, ctx: RouteContext): Promise<Violation> {
  const v = await violationOnce(ctx, violationId);
  if (!v) throw notFound.violation();
  return v;
}

/** Inspectors must sit on the sanitation-rating work group when they record; cadres record as cadres. */
async function requireRecorder(ctx: RouteContext, village: string): Promise<void> {
  if (!callerHolds(ctx, 'cadre', village)) await requireRatingGroup(ctx, village, today(ctx));
}

/** Records a violation: the article of the version in force on its date applies, with its agreed handling. */
export async function recordViolation(body: RecordViolation, ctx: RouteContext): Promise<Violation> {
  const household = (await householdOnce(ctx, body.household))!;
  const village = household.village;
  await requireRecorder(ctx, village);
  const [compact, inspection] = await Promise.all([
    compacts.getWithVersions(ctx.table, body.compactId),
    body.inspectionId ? inspections.get(ctx.table, body.inspectionId) : undefined,
  ]);
  const checked = checkRecording(body, {
    household,
    compact: compact && { village: compact.compact.village, versions: compact.versions },
    inspectionVillage: inspection?.village,
    today: today(ctx),
  });
  if ('refused' in checked) throw refuse(checked.refused, {}, RECORD_POINTERS[checked.refused]);
  const evidence = await verifiedEvidence(ctx, body.evidence, village);
  const violation = recordedViolation(body, household, checked, {
    violationId: newId(),
    evidence,
    by: ctx.identity!.sub,
    at: ctx.now().toISOString(),
    on: today(ctx),
  });
  violations.create(ctx.tx, violation);
  ctx.tx.emit(
    ViolationRecorded,
    {
      violationId: violation.violationId,
      village,
      household: violation.household,
      person: violation.person,
      compactId: violation.compactId,
      compactVersion: violation.compactVersion,
      articleId: violation.articleId,
      violationType: violation.violationType,
      occurredOn: violation.occurredOn,
      handling: violation.handling,
    },
    { place: violation.household },
  );
  return violation;
}

/** A resident sees only their own household's violations; overseers see the village's. */
async function canSee(ctx: RouteContext, v: Violation): Promise<boolean> {
  return isOverseer(ctx, v.village) || (await callerPerson(ctx)).household === v.household;
}

/** A village's violations by date (default the last 90 days); residents see only their own household's. */
export async function listViolations(query: { village: string; from?: string | undefined; to?: string | undefined }, ctx: RouteContext) {
  await listedVillage(ctx, query.village);
  const { from, to } = dateWindow(query, { from: addDays(today(ctx), -90), to: today(ctx) });
  const list = await violations.listByVillage(ctx.table, query.village, from, to);
  const seen = await Promise.all(list.map((v) => canSee(ctx, v)));
  return { items: list.filter((_, i) => seen[i]) };
}

export async function getViolation(violationId: string, ctx: RouteContext): Promise<Violation> {
  const v = await violationOnce(ctx, violationId);
  if (!v || !(await canSee(ctx, v))) throw notFound.violation();
  return v;
}

/** A member of the household appeals to the morality review council, once, within 15 days. */
export async function appealViolation(violationId: string, reason: string, ctx: RouteContext): Promise<Violation> {
  const v = await violationOrThrow(violationId, ctx);
  const caller = await callerPerson(ctx);
  const out = settled(appeal(v, caller, reason, ctx.now(), today(ctx)));
  // Two appeals at once: the loser recomputes and finds the violation already appealed.
  const saved = violations.save(ctx.tx, out, 'retry');
  ctx.tx.emit(
    ViolationAppealed,
    {
      violationId: v.violationId,
      village: v.village,
      household: v.household,
      person: v.person,
      appealedBy: caller.sub,
      appealedAt: out.appeal!.at,
    },
    { place: v.household },
  );
  return saved;
}

/** The council upholds or overturns an appealed violation (overturned: consequences reversed). */
export async function ruleOnAppeal(
  violationId: string,
  body: { outcome: 'uphold' | 'overturn'; reason: string },
  ctx: RouteContext,
): Promise<Violation> {
  const v = await violationOrThrow(violationId, ctx);
  // The council as it stands on the ruling day (换届: last term's members no longer rule).
  const [caller, onCouncil] = await Promise.all([
    callerPerson(ctx),
    ctx.register.isMember(v.village, 'morality-review-council', ctx.actor.sub, today(ctx)),
  ]);
  const out = settled(rule(v, { sub: caller.sub, household: caller.household, onCouncil }, body.outcome, body.reason, ctx.now()));
  // Two rulings at once: the loser recomputes and finds the appeal decided.
  const saved = violations.save(ctx.tx, out, 'retry');
  const data = {
    violationId: v.violationId,
    village: v.village,
    household: v.household,
    person: v.person,
    decidedAt: out.ruling!.at,
    reason: body.reason,
  };
  if (out.status === 'overturned') ctx.tx.emit(ViolationOverturned, data, { place: v.household });
  else ctx.tx.emit(ViolationUpheld, data, { place: v.household });
  return saved;
}

/** Checks and closes a violation's rectification (整改销号), on time or late. */
export async function closeRectification(
  violationId: string,
  body: { note: string; evidence?: EvidenceRef[] | undefined },
  ctx: RouteContext,
): Promise<Violation> {
  const v = await violationOrThrow(violationId, ctx);
  await requireRecorder(ctx, v.village);
  const evidence = await verifiedEvidence(ctx, body.evidence, v.village);
  const out = settled(closed(v, await callerPerson(ctx), today(ctx), body.note, evidence));
  const saved = violations.save(ctx.tx, out, 'retry');
  const r = out.rectification!;
  ctx.tx.emit(
    CompactRectificationClosed,
    {
      violationId: v.violationId,
      village: v.village,
      household: v.household,
      person: v.person,
      deadline: r.deadline,
      closedOn: r.closedOn!,
      late: r.late ?? false,
    },
    { place: v.household },
  );
  return saved;
}

/**
 * Flags rectifications past their deadline (整改逾期). Safe to re-run: each flag is a conditional write on the
 * violation's revision, so a second run (or a concurrent close) never flags twice, and a flagged one leaves the
 * open-rectification index.
 */
export async function flagOverdueRectifications(ctx: JobContext): Promise<{ checked: number; flagged: number }> {
  const day = chinaDay(ctx.now());
  let cursor: string | undefined;
  let checked = 0;
  let flagged = 0;
  do {
    const page = await violations.openPastDeadline(ctx.table, day, 100, cursor);
    cursor = page.cursor;
    for (const id of page.ids) {
      checked += 1;
      let didFlag = false;
      await ctx.unit(async (tx) => {
        didFlag = false;
        const v = await violations.get(ctx.table, id);
        // Under appeal, closed meanwhile, or cancelled: nothing to flag now (appealed ones are looked at again later).
        if (!v || !isOverdue(v, day)) return;
        violations.save(tx, { ...v, rectification: { ...v.rectification!, status: 'overdue' } }, 'retry');
        tx.emit(
          RectificationOverdue,
          {
            violationId: v.violationId,
            village: v.village,
            household: v.household,
            person: v.person,
            deadline: v.rectification!.deadline,
          },
          { place: v.household },
        );
        didFlag = true;
      });
      if (didFlag) flagged += 1;
    }
    ctx.progress(checked, checked, `${flagged} flagged`);
  } while (cursor);
  return { checked, flagged };
}
