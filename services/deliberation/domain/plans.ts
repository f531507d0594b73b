import * as z from 'zod';
import {
  once,
  Builder,
  EvidenceRef,
  Fen,
  Id,
  IsoDateTime,
  PersonId,
  PlacePath,
  type Refused,
  RenovationClass,
  WorkCategory,
  refused,
} from '@cocreate/contracts';

/**
 * Draft plans (预案) and three-party discussions (三方议). A plan is drafted once (version 1); each discussion session
 * records who took part and what they said, holds the minutes and photos as evidence, and produces the plan's next
 * version. Versions are immutable and all kept: a project-plan proposal names the version it carries.
 */
export const PlanContent = once(() =>
  z.object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000),
    category: WorkCategory,
    builder: Builder,
    renovationClass: RenovationClass.optional(),
    /** Estimated budget in fen. */
    budget: Fen.nonnegative(),
    /** Household paths that benefit (服务谁、谁评价). */
    beneficiaries: z.array(PlacePath).max(5000),
    contractor: z.string().trim().max(200).optional(),
    /** Where the work is: the village or a group, compound or household in it. */
    place: PlacePath,
    /** A renovation plan's owners' consent poll that passed for its compound (业主意愿); may be named at submission. */
    consentPollId: Id.optional(),
  }),
);
export type PlanContent = z.infer<ReturnType<typeof PlanContent>>;

export const NewPlan = once(() =>
  PlanContent().extend({
    village: PlacePath,
    candidateId: Id.optional(),
  }),
);
export type NewPlan = z.infer<ReturnType<typeof NewPlan>>;

/** What a discussion may change in the plan; anything left out carries over from the version discussed. */
export const PlanRevision = once(() =>
  PlanContent()
    .partial()
    .extend({
      /** Why it changed (修改说明). */
      changeNote: z.string().trim().min(1).max(2000),
    }),
);
export type PlanRevision = z.infer<ReturnType<typeof PlanRevision>>;

export const PlanVersion = once(() =>
  PlanContent().extend({
    planId: Id,
    version: z.number().int().positive(),
    village: PlacePath,
    createdAt: IsoDateTime,
    createdBy: z.string(),
    /** The discussion session that produced this version (none for the first draft). */
    sessionId: Id.optional(),
    changeNote: z.string().optional(),
  }),
);
export type PlanVersion = z.infer<ReturnType<typeof PlanVersion>>;

export const Plan = once(() =>
  z.object({
    planId: Id,
    village: PlacePath,
    candidateId: Id.optional(),
    currentVersion: z.number().int().positive(),
    title: z.string(),
    createdBy: z.string(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  }),
);
export type Plan = z.infer<ReturnType<typeof Plan>>;

export const Party = once(() =>
  z.enum([
    'government', // 政府 (township, county departments)
    'society', // 社会 (experts, planners, helper teams 专家、规划师、帮扶团队)
    'residents', // 群众 (councils, representatives 理事会、村民代表)
  ]),
);
export type Party = z.infer<ReturnType<typeof Party>>;

export const Attendee = once(() =>
  z.union([
    /** Someone in the register (residents, cadres). */
    z.object({ person: PersonId, party: Party() }),
    /** Someone outside it (an official, an expert): named, with their organisation. */
    z.object({ name: z.string().trim().min(1).max(100), organisation: z.string().trim().max(200).optional(), party: Party() }),
  ]),
);
export type Attendee = z.infer<ReturnType<typeof Attendee>>;

export const NewDiscussion = once(() =>
  z.object({
    planId: Id,
    /** The version discussed: must be the plan's current version (a stale one is a 409). */
    basedOnVersion: z.number().int().positive(),
    heldAt: z.iso.datetime({ offset: true }),
    location: z.string().trim().max(200).optional(),
    attendees: z.array(Attendee()).min(1).max(500),
    positions: z
      .array(z.object({ party: Party(), speaker: z.string().trim().max(100).optional(), text: z.string().trim().min(1).max(5000) }))
      .min(1)
      .max(200),
    minutes: EvidenceRef,
    photos: z.array(EvidenceRef).max(30).default([]),
    revision: PlanRevision(),
  }),
);
export type NewDiscussion = z.infer<ReturnType<typeof NewDiscussion>>;

export const Discussion = once(() =>
  z.object({
    sessionId: Id,
    planId: Id,
    village: PlacePath,
    basedOnVersion: z.number().int().positive(),
    planVersion: z.number().int().positive(),
    heldAt: IsoDateTime,
    location: z.string().optional(),
    parties: z.array(Party()),
    attendees: z.array(Attendee()),
    residentAttendees: z.array(PersonId),
    otherAttendees: z.number().int().nonnegative(),
    positions: z.array(z.object({ party: Party(), speaker: z.string().optional(), text: z.string() })),
    minutes: EvidenceRef,
    photos: z.array(EvidenceRef),
    recordedBy: z.string(),
    recordedAt: IsoDateTime,
  }),
);
export type Discussion = z.infer<ReturnType<typeof Discussion>>;

export type PlanRefusal = 'place-outside-village' | 'beneficiary-not-a-household';

/** A plan's place lies in its village and every beneficiary is a household of the village. */
export function checkPlanContent(
  content: Pick<PlanContent, 'place' | 'beneficiaries'>,
  village: string,
  villageOf: (path: string) => string | undefined,
  isHousehold: (path: string) => boolean,
): { refused: PlanRefusal; pointer: string } | undefined {
  if (villageOf(content.place) !== village) return { refused: 'place-outside-village', pointer: '/place' };
  const bad = content.beneficiaries.findIndex((b) => !isHousehold(b) || villageOf(b) !== village);
  if (bad >= 0) return { refused: 'beneficiary-not-a-household', pointer: `/beneficiaries/${bad}` };
  return undefined;
}

/** A discussion is of the plan's current version: one based on an older version is refused with the current one. */
export function checkDiscussedVersion(
  head: Pick<Plan, 'currentVersion'>,
  basedOnVersion: number,
): Refused<'stale-plan-version'> | undefined {
  return basedOnVersion !== head.currentVersion ? refused('stale-plan-version', { currentVersion: head.currentVersion }) : undefined;
}

/** The next version: the discussed version with the revision applied. */
export function revise(current: PlanVersion, revision: PlanRevision, sessionId: string, by: string, now: Date): PlanVersion {
  const { changeNote, ...changes } = revision;
  const content: PlanContent = { ...pickContent(current), ...stripUndefined(changes) };
  return {
    ...content,
    planId: current.planId,
    village: current.village,
    version: current.version + 1,
    createdAt: now.toISOString(),
    createdBy: by,
    sessionId,
    changeNote,
  };
}

/** 三方: a three-party discussion has government, society and residents at the table. */
export const THREE_PARTIES: readonly Party[] = ['government', 'society', 'residents'];

export type DiscussionRefusal = 'parties-missing' | 'attendee-unknown';

/**
 * Who was there: every party must be represented by at least one attendee; attendees named by person id must exist.
 * Resident attendees are the people of the plan's village (their attendance counts toward participation); everyone
 * else is counted, not named, on the event.
 */
export function sortAttendees(
  attendees: readonly Attendee[],
  village: string,
  villageOfPerson: (id: string) => string | undefined,
): { parties: Party[]; residentAttendees: string[]; otherAttendees: number } | { refused: DiscussionRefusal; pointer: string } {
  const parties = new Set<Party>();
  const residents = new Set<string>();
  let others = 0;
  for (const [i, a] of attendees.entries()) {
    parties.add(a.party);
    if ('person' in a) {
      const v = villageOfPerson(a.person);
      if (v === undefined) return { refused: 'attendee-unknown', pointer: `/attendees/${i}/person` };
      if (v === village) residents.add(a.person);
      else others += 1;
    } else others += 1;
  }
  if (THREE_PARTIES.some((p) => !parties.has(p))) return { refused: 'parties-missing', pointer: '/attendees' };
  return { parties: THREE_PARTIES.filter((p) => parties.has(p)), residentAttendees: [...residents], otherAttendees: others };
}

export function pickContent(v: PlanContent): PlanContent {
  return stripUndefined({
    title: v.title,
    description: v.description,
    category: v.category,
    builder: v.builder,
    renovationClass: v.renovationClass,
    budget: v.budget,
    beneficiaries: v.beneficiaries,
    contractor: v.contractor,
    place: v.place,
    consentPollId: v.consentPollId,
  }) as PlanContent;
}

function stripUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
