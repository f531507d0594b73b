import * as z from 'zod';
import { once, EvidenceRef, Id, IsoDate, IsoDateTime, PersonId, PlacePath, type Refused, refused } from '@cocreate/contracts';
import { addDays } from '@cocreate/places';
import { ArticleHandling, type CompactVersion, ViolationTypeCode, findViolationType, versionInForce } from './compacts.ts';
import { checkRecordedDate } from './inspections.ts';

/**
 * Violations of a compact. A violation references the article of the version in force on the day it happened and
 * applies that article's agreed handling (points deduction, public listing, rectification within N days, referral to
 * a council). The household may appeal once; the morality review council upholds or overturns.
 *
 *   recorded ──appeal──▶ appealed ──uphold──▶ upheld
 *                                 └─overturn─▶ overturned (consequences reversed; rectification cancelled)
 *   rectification: open ──close──▶ closed;  open ──deadline passed──▶ overdue ──close──▶ closed (late)
 */

/** A household may appeal within this many days of the violation being recorded (inclusive). */
export const APPEAL_WINDOW_DAYS = 15;

export const RecordViolation = once(() =>
  z
    .object({
      household: PlacePath,
      /** The household member the deduction falls on; default the household head. */
      person: PersonId.optional(),
      compactId: Id,
      violationType: ViolationTypeCode(),
      occurredOn: IsoDate,
      description: z.string().trim().min(1).max(2000),
      /** The inspection that found it, if any. */
      inspectionId: Id.optional(),
      evidence: z.array(EvidenceRef).max(5).optional(),
    })
    .strict(),
);
export type RecordViolation = z.infer<ReturnType<typeof RecordViolation>>;

export const ViolationStatus = once(() => z.enum(['recorded', 'appealed', 'upheld', 'overturned']));
export type ViolationStatus = z.infer<ReturnType<typeof ViolationStatus>>;

export const Rectification = once(() =>
  z.object({
    deadline: IsoDate,
    status: z.enum(['open', 'overdue', 'closed', 'cancelled']),
    closedOn: IsoDate.optional(),
    closedBy: z.string().optional(),
    note: z.string().optional(),
    evidence: z.array(EvidenceRef).optional(),
    late: z.boolean().optional(),
  }),
);
export type Rectification = z.infer<ReturnType<typeof Rectification>>;

export const Violation = once(() =>
  z.object({
    violationId: Id,
    village: PlacePath,
    household: PlacePath,
    person: PersonId,
    compactId: Id,
    compactVersion: z.number().int().positive(),
    articleId: z.string(),
    articleTitle: z.string(),
    violationType: z.string(),
    violationName: z.string(),
    occurredOn: IsoDate,
    description: z.string(),
    handling: ArticleHandling(),
    inspectionId: Id.optional(),
    evidence: z.array(EvidenceRef),
    recordedBy: z.string(),
    recordedAt: IsoDateTime,
    recordedOn: IsoDate,
    status: ViolationStatus(),
    appeal: z.object({ by: PersonId, at: IsoDateTime, reason: z.string() }).optional(),
    ruling: z.object({ outcome: z.enum(['upheld', 'overturned']), by: PersonId, at: IsoDateTime, reason: z.string() }).optional(),
    rectification: Rectification().optional(),
    revision: z.number().int().positive(),
  }),
);
export type Violation = z.infer<ReturnType<typeof Violation>>;

export type HandlingRefusal = 'no-version-in-force' | 'violation-type-not-in-force';

/**
 * The article and handling that apply to a violation of type `code` on `occurredOn`: those of the version in force
 * that day. A type the version in force does not define cannot be recorded (the rule did not exist then).
 */
export function applicableHandling(
  versions: readonly CompactVersion[],
  code: string,
  occurredOn: string,
):
  | { version: CompactVersion; articleId: string; articleTitle: string; violationName: string; handling: ArticleHandling }
  | Refused<HandlingRefusal> {
  const version = versionInForce(versions, occurredOn);
  if (!version) return refused('no-version-in-force');
  const found = findViolationType(version, code);
  if (!found) return refused('violation-type-not-in-force');
  return {
    version,
    articleId: found.article.articleId,
    articleTitle: found.article.title,
    violationName: found.type.name,
    handling: found.type.handling,
  };
}

export type RecordRefusal =
  'person-not-in-household' | 'date-in-future' | 'date-too-old' | 'compact-elsewhere' | 'inspection-elsewhere' | HandlingRefusal;

/** The field of the request each refusal of a recording is about. */
export const RECORD_POINTERS: Record<RecordRefusal, string> = {
  'person-not-in-household': '/person',
  'date-in-future': '/occurredOn',
  'date-too-old': '/occurredOn',
  'compact-elsewhere': '/compactId',
  'inspection-elsewhere': '/inspectionId',
  'no-version-in-force': '/occurredOn',
  'violation-type-not-in-force': '/violationType',
};

/** What recording a violation is checked against: the household, the compact and the inspection it names. */
export interface RecordingFacts {
  household: { path: string; village: string; head: string; members: readonly string[] };
  /** The compact named, with its versions (undefined: no such compact). */
  compact: { village: string; versions: readonly CompactVersion[] } | undefined;
  /** The village of the inspection named (undefined: none named, or no such inspection). */
  inspectionVillage: string | undefined;
  today: string;
}

export type Applied = Exclude<ReturnType<typeof applicableHandling>, Refused>;

/**
 * Whether a violation can be recorded, and what applies: the person it falls on (a member of the household, by
 * default its head) and the article and handling of the version in force on the day it happened.
 */
export function checkRecording(
  body: RecordViolation,
  facts: RecordingFacts,
): { person: string; applied: Applied } | Refused<RecordRefusal> {
  const person = body.person ?? facts.household.head;
  if (!facts.household.members.includes(person)) return refused('person-not-in-household');
  const date = checkRecordedDate(body.occurredOn, facts.today);
  if (date !== 'ok') return date;
  const village = facts.household.village;
  if (!facts.compact || facts.compact.village !== village) return refused('compact-elsewhere');
  if (body.inspectionId && facts.inspectionVillage !== village) return refused('inspection-elsewhere');
  const applied = applicableHandling(facts.compact.versions, body.violationType, body.occurredOn);
  if ('refused' in applied) return applied;
  return { person, applied };
}

/** The violation recorded: the handling applies, with the rectification it asks for due from `recordedOn`. */
export function recordedViolation(
  body: RecordViolation,
  household: { path: string; village: string },
  checked: { person: string; applied: Applied },
  recording: { violationId: string; evidence: z.infer<typeof EvidenceRef>[]; by: string; at: string; on: string },
): Violation {
  const { person, applied } = checked;
  const rectification = rectificationFor(applied.handling, recording.on);
  return {
    violationId: recording.violationId,
    village: household.village,
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
    evidence: recording.evidence,
    recordedBy: recording.by,
    recordedAt: recording.at,
    recordedOn: recording.on,
    status: 'recorded',
    ...(rectification ? { rectification } : {}),
    revision: 1,
  };
}

/** The rectification a handling asks for: due N days after the violation was recorded (the household learns of it then). */
export function rectificationFor(handling: ArticleHandling, recordedOn: string): Rectification | undefined {
  return handling.rectificationDays ? { deadline: addDays(recordedOn, handling.rectificationDays), status: 'open' } : undefined;
}

export type AppealRefusal = 'not-your-household' | 'already-appealed' | 'appeal-window-closed';

/** A member of the household appeals, once, within the window. */
export function appeal(
  v: Violation,
  caller: { sub: string; household: string | undefined },
  reason: string,
  now: Date,
  today: string,
): Violation | Refused<AppealRefusal> {
  if (caller.household !== v.household) return refused('not-your-household');
  if (v.appeal || v.status !== 'recorded') return refused('already-appealed');
  if (today > addDays(v.recordedOn, APPEAL_WINDOW_DAYS)) return refused('appeal-window-closed');
  return { ...v, status: 'appealed', appeal: { by: caller.sub, at: now.toISOString(), reason } };
}

export type RulingRefusal = 'not-on-council' | 'own-household' | 'recorded-it' | 'not-under-appeal';

/**
 * A member of the morality review council records the council's ruling. Nobody rules on an appeal of their own
 * household, nor on a violation they recorded themselves.
 */
export function rule(
  v: Violation,
  member: { sub: string; household: string | undefined; onCouncil: boolean },
  outcome: 'uphold' | 'overturn',
  reason: string,
  now: Date,
): Violation | Refused<RulingRefusal> {
  if (!member.onCouncil) return refused('not-on-council');
  if (member.household === v.household) return refused('own-household');
  if (member.sub === v.recordedBy) return refused('recorded-it');
  if (v.status !== 'appealed') return refused('not-under-appeal');
  const ruling = {
    outcome: outcome === 'uphold' ? ('upheld' as const) : ('overturned' as const),
    by: member.sub,
    at: now.toISOString(),
    reason,
  };
  if (ruling.outcome === 'upheld') return { ...v, status: 'upheld', ruling };
  // Overturned: the consequences are reversed, so the household owes no rectification any more.
  const rectification =
    v.rectification && v.rectification.status !== 'closed' ? { ...v.rectification, status: 'cancelled' as const } : v.rectification;
  return { ...v, status: 'overturned', ruling, ...(rectification ? { rectification } : {}) };
}

export type CloseRefusal = 'own-household' | 'no-rectification' | 'already-closed' | 'overturned';

/**
 * An inspector or cadre checks the rectification and closes it; after the deadline it is closed late. Nobody signs
 * off their own household's rectification.
 */
export function closeRectification(
  v: Violation,
  closer: { sub: string; household: string | undefined },
  today: string,
  note: string,
  evidence: z.infer<typeof EvidenceRef>[],
): Violation | Refused<CloseRefusal> {
  if (closer.household === v.household) return refused('own-household');
  if (!v.rectification) return refused('no-rectification');
  if (v.status === 'overturned' || v.rectification.status === 'cancelled') return refused('overturned');
  if (v.rectification.status === 'closed') return refused('already-closed');
  return {
    ...v,
    rectification: {
      ...v.rectification,
      status: 'closed',
      closedOn: today,
      closedBy: closer.sub,
      note,
      evidence,
      late: today > v.rectification.deadline,
    },
  };
}

/**
 * Overdue: the deadline day has passed (the deadline itself is still in time) and it is still open. A violation
 * under appeal is not flagged while the council has not ruled; once upheld, it is.
 */
export function isOverdue(v: Pick<Violation, 'status' | 'rectification'>, today: string): boolean {
  return (
    !!v.rectification &&
    v.rectification.status === 'open' &&
    v.rectification.deadline < today &&
    (v.status === 'recorded' || v.status === 'upheld')
  );
}
