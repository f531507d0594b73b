import { z } from 'zod';
import {
  EvidenceRef,
  Id,
  IsoDate,
  PlacePath,
  CompactRectificationClosed,
  ViolationAppealed,
  ViolationOverturned,
  ViolationRecorded,
  ViolationUpheld,
} from '@cocreate/contracts';
import { type RouteContext, defineRoute, newId, problems } from '@cocreate/kernel';
import { addDays } from '../domain/dates.ts';
import { checkRecordedDate } from '../domain/inspections.ts';
import {
  RecordViolation,
  Violation,
  appeal,
  applicableHandling,
  closeRectification,
  rectificationFor,
  rule,
} from '../domain/violations.ts';
import { compacts, inspections, violations } from '../store.ts';
import { requireRatingGroup } from './inspections.ts';
import { READERS, callerHolds, callerPerson, householdOnce, isOverseer, notFound, today } from './common.ts';

/** Violations, appeals to the morality review council, and rectification to closure. */

const ViolationParams = z.object({ violationId: Id });
const violationVillage = async ({ params }: { params: { violationId: string } }, ctx: RouteContext) =>
  (await violations.get(ctx.table, params.violationId))?.village;

const TEXT = {
  'no-version-in-force': {
    zh: '违约发生之日该公约没有生效的版本。',
    en: 'No version of the compact was in force on the day of the violation.',
  },
  'violation-type-not-in-force': {
    zh: '违约发生之日生效的公约版本没有规定这种违约行为。',
    en: 'The version in force on the day of the violation does not define this violation type.',
  },
  'date-in-future': { zh: '违约日期不能晚于今天。', en: 'The violation date cannot be in the future.' },
  'date-too-old': { zh: '只能登记 30 天内发生的违约。', en: 'Only violations of the last 30 days can be recorded.' },
} as const;

/** Inspectors must sit on the sanitation-rating work group when they record; cadres record as cadres. */
async function requireRecorder(ctx: RouteContext, village: string): Promise<void> {
  if (!callerHolds(ctx, 'cadre', village)) await requireRatingGroup(ctx, village, today(ctx));
}

export const recordViolation = defineRoute({
  method: 'POST',
  path: '/compacts/violations',
  operationId: 'recordViolation',
  summary: 'Record a violation: the article of the version in force on its date applies, with its agreed handling',
  auth: { roles: ['inspector', 'cadre'], place: async ({ body }, ctx) => (await householdOnce(ctx, body.household))?.village },
  body: RecordViolation,
  response: Violation,
  status: 201,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const household = (await householdOnce(ctx, body.household))!;
    const village = household.village;
    await requireRecorder(ctx, village);
    const person = body.person ?? household.head;
    if (!household.members.includes(person)) {
      throw problems.rule(
        'person-not-in-household',
        { zh: '被处理人须是该户成员。', en: 'The person must be a member of the household.' },
        {},
        [
          {
            in: 'body',
            pointer: '/person',
            rule: 'household-member',
            message: { zh: '须为该户成员', en: 'must be a member of the household' },
          },
        ],
      );
    }
    const date = checkRecordedDate(body.occurredOn, today(ctx));
    if (date !== 'ok') {
      throw problems.rule(date, TEXT[date], {}, [{ in: 'body', pointer: '/occurredOn', rule: date, message: TEXT[date] }]);
    }
    const found = await compacts.getWithVersions(ctx.table, body.compactId);
    if (!found || found.compact.village !== village) {
      throw problems.rule(
        'compact-elsewhere',
        { zh: '该公约不是本村的公约。', en: 'That compact is not one of the household’s village.' },
        {},
        [
          {
            in: 'body',
            pointer: '/compactId',
            rule: 'village-compact',
            message: { zh: '须为该户所在村的公约', en: 'must be a compact of the household’s village' },
          },
        ],
      );
    }
    if (body.inspectionId && (await inspections.get(ctx.table, body.inspectionId))?.village !== village) {
      throw problems.rule(
        'inspection-elsewhere',
        { zh: '所引用的检查不属于本村。', en: 'The inspection referred to is not one of this village’s.' },
        {},
        [
          {
            in: 'body',
            pointer: '/inspectionId',
            rule: 'village-inspection',
            message: { zh: '须为本村的检查', en: 'must be an inspection of the village' },
          },
        ],
      );
    }
    const applied = applicableHandling(found.versions, body.violationType, body.occurredOn);
    if ('refused' in applied) {
      const pointer = applied.refused === 'no-version-in-force' ? '/occurredOn' : '/violationType';
      throw problems.rule(applied.refused, TEXT[applied.refused], {}, [
        { in: 'body', pointer, rule: applied.refused, message: TEXT[applied.refused] },
      ]);
    }
    const evidence = await Promise.all((body.evidence ?? []).map((ref, i) => ctx.evidence.verify(ref, village, `/evidence/${i}`)));
    const recordedOn = today(ctx);
    const rectification = rectificationFor(applied.handling, recordedOn);
    const violation: Violation = {
      violationId: newId(),
      village,
      household: household.path,
      person,
      compactId: body.compactId,
      compactVersion: applied.version.version,
      articleId: applied.articleId,
      articleTitle: applied.articleTitle,
      violationType: body.violationType,
      violationName: applied.violationName,
      occurredOn: body.occurredOn,
      description: body.description,
      handling: applied.handling,
      ...(body.inspectionId ? { inspectionId: body.inspectionId } : {}),
      evidence,
      recordedBy: ctx.identity!.sub,
      recordedAt: ctx.now().toISOString(),
      recordedOn,
      status: 'recorded',
      ...(rectification ? { rectification } : {}),
      revision: 1,
    };
    violations.create(ctx.tx, violation);
    ctx.tx.emit(
      ViolationRecorded,
      {
        violationId: violation.violationId,
        village,
        household: violation.household,
        person,
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
  },
});

/** A resident sees only their own household's violations; overseers see the village's. */
async function canSee(ctx: RouteContext, v: Violation): Promise<boolean> {
  return isOverseer(ctx, v.village) || (await callerPerson(ctx)).household === v.household;
}

export const listViolations = defineRoute({
  method: 'GET',
  path: '/compacts/violations',
  operationId: 'listViolations',
  summary: 'A village’s violations by date (default the last 90 days); residents see only their own household’s',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath, from: IsoDate.optional(), to: IsoDate.optional() }),
  response: z.object({ items: z.array(Violation) }),
  handler: async ({ query }, ctx) => {
    const to = query.to ?? today(ctx);
    const from = query.from ?? addDays(today(ctx), -90);
    const list = await violations.listByVillage(ctx.table, query.village, from, to);
    const seen = await Promise.all(list.map((v) => canSee(ctx, v)));
    return { items: list.filter((_, i) => seen[i]) };
  },
});

export const getViolation = defineRoute({
  method: 'GET',
  path: '/compacts/violations/{violationId}',
  operationId: 'getViolation',
  summary: 'One violation with its appeal, ruling and rectification',
  auth: { roles: READERS, place: violationVillage },
  params: ViolationParams,
  response: Violation,
  handler: async ({ params }, ctx) => {
    const v = await violations.get(ctx.table, params.violationId);
    if (!v || !(await canSee(ctx, v))) throw notFound.violation();
    return v;
  },
});

const APPEAL_TEXT = {
  'not-your-household': { zh: '只能对本户的违约记录提出申诉。', en: 'You can only appeal a violation of your own household.' },
  'already-appealed': { zh: '每条违约记录只能申诉一次。', en: 'A violation can be appealed only once.' },
  'appeal-window-closed': { zh: '申诉期限（登记后 15 天内）已过。', en: 'The appeal period (15 days after recording) has passed.' },
} as const;

export const appealViolation = defineRoute({
  method: 'POST',
  path: '/compacts/violations/{violationId}/appeal',
  operationId: 'appealViolation',
  summary: 'Appeal a violation of your household to the morality review council (once, within 15 days)',
  auth: { roles: ['resident'], place: violationVillage },
  params: ViolationParams,
  body: z.object({ reason: z.string().trim().min(1).max(2000) }).strict(),
  response: Violation,
  handler: async ({ params, body }, ctx) => {
    const v = await violations.get(ctx.table, params.violationId);
    if (!v) throw notFound.violation();
    const caller = await callerPerson(ctx);
    const out = appeal(v, caller, body.reason, ctx.now(), today(ctx));
    if ('refused' in out) {
      if (out.refused === 'not-your-household') throw problems.forbidden(APPEAL_TEXT[out.refused]);
      if (out.refused === 'already-appealed') throw problems.conflict(out.refused, APPEAL_TEXT[out.refused]);
      throw problems.rule(out.refused, APPEAL_TEXT[out.refused]);
    }
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
  },
});

const RULING_TEXT = {
  'not-on-council': {
    zh: '只有本村道德评议会成员可以作出评议决定。',
    en: 'Only members of the village’s morality review council can rule.',
  },
  'own-household': { zh: '不能评议本户的申诉。', en: 'A member cannot rule on an appeal of their own household.' },
  'recorded-it': { zh: '登记该违约的人不能评议其申诉。', en: 'Whoever recorded the violation cannot rule on its appeal.' },
  'not-under-appeal': { zh: '该违约记录没有待评议的申诉。', en: 'This violation has no appeal awaiting a ruling.' },
} as const;

export const ruleOnAppeal = defineRoute({
  method: 'POST',
  path: '/compacts/violations/{violationId}/ruling',
  operationId: 'ruleOnAppeal',
  summary: 'The morality review council upholds or overturns an appealed violation (overturned: consequences reversed)',
  auth: { roles: ['council-member'], place: violationVillage },
  params: ViolationParams,
  body: z.object({ outcome: z.enum(['uphold', 'overturn']), reason: z.string().trim().min(1).max(2000) }).strict(),
  response: Violation,
  handler: async ({ params, body }, ctx) => {
    const v = await violations.get(ctx.table, params.violationId);
    if (!v) throw notFound.violation();
    // The council as it stands on the ruling day (换届: last term's members no longer rule).
    const [caller, onCouncil] = await Promise.all([
      callerPerson(ctx),
      ctx.register.isMember(v.village, 'morality-review-council', ctx.actor.sub, today(ctx)),
    ]);
    const out = rule(v, { sub: caller.sub, household: caller.household, onCouncil }, body.outcome, body.reason, ctx.now());
    if ('refused' in out) {
      if (out.refused === 'not-under-appeal') throw problems.conflict(out.refused, RULING_TEXT[out.refused]);
      throw problems.forbidden(RULING_TEXT[out.refused], {}, out.refused);
    }
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
  },
});

const CLOSE_TEXT = {
  'own-household': { zh: '不能为本户的整改销号。', en: 'Nobody closes their own household’s rectification.' },
  'no-rectification': { zh: '该违约的处理不要求整改。', en: 'This violation’s handling requires no rectification.' },
  'already-closed': { zh: '整改已经销号。', en: 'The rectification was already closed.' },
  overturned: { zh: '该违约已被撤销，无需整改。', en: 'The violation was overturned; nothing to rectify.' },
} as const;

export const closeViolationRectification = defineRoute({
  method: 'POST',
  path: '/compacts/violations/{violationId}/rectification/close',
  operationId: 'closeRectification',
  summary: 'Check and close a violation’s rectification (整改销号), on time or late',
  auth: { roles: ['inspector', 'cadre'], place: violationVillage },
  params: ViolationParams,
  body: z.object({ note: z.string().trim().min(1).max(1000), evidence: z.array(EvidenceRef).max(5).optional() }).strict(),
  response: Violation,
  handler: async ({ params, body }, ctx) => {
    const v = await violations.get(ctx.table, params.violationId);
    if (!v) throw notFound.violation();
    await requireRecorder(ctx, v.village);
    const evidence = await Promise.all((body.evidence ?? []).map((ref, i) => ctx.evidence.verify(ref, v.village, `/evidence/${i}`)));
    const out = closeRectification(v, await callerPerson(ctx), today(ctx), body.note, evidence);
    if ('refused' in out) {
      if (out.refused === 'own-household') throw problems.forbidden(CLOSE_TEXT[out.refused], {}, out.refused);
      if (out.refused === 'no-rectification') throw problems.rule(out.refused, CLOSE_TEXT[out.refused]);
      throw problems.conflict(out.refused, CLOSE_TEXT[out.refused]);
    }
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
  },
});
