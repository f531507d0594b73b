import * as z from 'zod';
import { once } from '../once.ts';
import { defineEvent } from '../registry.ts';
import { Id, IsoDate, IsoDateTime, PersonId, PlacePath } from '../primitives.ts';
import { AuditFields } from '../settings.ts';
import { SpaceKind } from '../vocabulary.ts';

/**
 * Events of the governance-compacts service (建设共管). The ones other services consume are fixed here first;
 * the service adds its own beside them.
 */

const ex = {
  village: 'hubei/huanggang/hongan/qiliping/majiaqiao',
  id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0C',
  id2: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0V',
};

/** A compact version came into force (村规民约, 管护公约) after deliberation's final decision. */
export const CompactAdopted = defineEvent({
  type: 'CompactAdopted',
  service: 'compacts',
  summary: 'A compact version came into force after deliberation’s final decision.',
  data: () =>
    z.object({
      compactId: Id,
      village: PlacePath,
      version: z.number().int().positive(),
      title: z.string().min(1).max(200),
      kind: z.enum(['village-rules', 'maintenance']),
      inForceFrom: IsoDate,
      proposalId: Id,
    }),
  example: {
    compactId: ex.id,
    village: ex.village,
    version: 1,
    title: '马家桥村村规民约',
    kind: 'village-rules',
    inForceFrom: '2026-04-15',
    proposalId: ex.id2,
  },
});

/** Who adopted a space: a household, a party member, or a group. */
const Adopter = once(() =>
  z.object({
    kind: z.enum(['household', 'party-member', 'group']),
    /** Household path, person id, or group name. */
    id: z.string().min(1).max(256),
  }),
);
export const SpaceAdopter = once(() => Adopter());
export type SpaceAdopter = z.infer<ReturnType<typeof Adopter>>;

/** A space was adopted (认领). */
export const SpaceAdopted = defineEvent({
  type: 'SpaceAdopted',
  service: 'compacts',
  summary: 'A public space, green plot, facility or road section was adopted (认领) by a household, party member or group.',
  data: () =>
    z.object({
      spaceId: Id,
      village: PlacePath,
      spaceKind: SpaceKind,
      adopter: Adopter(),
      person: PersonId,
      household: PlacePath.optional(),
      adoptedOn: IsoDate,
    }),
  example: {
    spaceId: ex.id,
    village: ex.village,
    spaceKind: 'green-plot',
    adopter: { kind: 'household', id: `${ex.village}/g1/h03` },
    person: 'p-majiaqiao-03',
    household: `${ex.village}/g1/h03`,
    adoptedOn: '2026-10-01',
  },
});

/** An adopter logged upkeep of a space. */
export const UpkeepLogged = defineEvent({
  type: 'UpkeepLogged',
  service: 'compacts',
  summary: 'An adopter logged upkeep of an adopted space (with optional photo evidence).',
  data: () =>
    z.object({
      upkeepId: Id,
      spaceId: Id,
      village: PlacePath,
      person: PersonId,
      household: PlacePath.optional(),
      loggedAt: IsoDateTime,
      hasEvidence: z.boolean(),
    }),
  example: {
    upkeepId: ex.id2,
    spaceId: ex.id,
    village: ex.village,
    person: 'p-majiaqiao-03',
    household: `${ex.village}/g1/h03`,
    loggedAt: '2026-10-05T08:30:00+08:00',
    hasEvidence: true,
  },
});

/** The handling an article agreed for a violation type. */
export const Handling = once(() =>
  z.object({
    pointsDeduction: z.number().int().nonnegative().optional(),
    publicListing: z.boolean().optional(),
    rectificationDays: z.number().int().positive().optional(),
    referralTo: z.string().max(100).optional(),
  }),
);

/** A violation was recorded under the compact article in force on its date, with that article's handling. */
export const ViolationRecorded = defineEvent({
  type: 'ViolationRecorded',
  service: 'compacts',
  summary: 'A violation was recorded under the article in force on its date, applying that article’s agreed handling.',
  data: () =>
    z.object({
      violationId: Id,
      village: PlacePath,
      household: PlacePath,
      /** The person whose points the deduction falls on (the household head unless named). */
      person: PersonId,
      compactId: Id,
      compactVersion: z.number().int().positive(),
      articleId: z.string().min(1).max(64),
      violationType: z.string().min(1).max(100),
      occurredOn: IsoDate,
      handling: Handling(),
    }),
  example: {
    violationId: ex.id2,
    village: ex.village,
    household: `${ex.village}/g2/h08`,
    person: 'p-majiaqiao-08',
    compactId: ex.id,
    compactVersion: 1,
    articleId: 'art-5',
    violationType: 'rubbish-not-sorted',
    occurredOn: '2026-10-12',
    handling: { pointsDeduction: 5, publicListing: true, rectificationDays: 7 },
  },
});

/** What the morality review council (道德评议会) decided on an appeal: the same facts whether it upheld or overturned. */
const appealDecision = once(() =>
  z.object({
    violationId: Id,
    village: PlacePath,
    household: PlacePath,
    person: PersonId,
    decidedAt: IsoDateTime,
    reason: z.string().min(1).max(2000),
  }),
);

/** The morality review council overturned a violation on appeal: its consequences are reversed. */
export const ViolationOverturned = defineEvent({
  type: 'ViolationOverturned',
  service: 'compacts',
  summary: 'The morality review council (道德评议会) overturned a violation on appeal; its consequences are reversed.',
  data: appealDecision,
  example: {
    violationId: ex.id2,
    village: ex.village,
    household: `${ex.village}/g2/h08`,
    person: 'p-majiaqiao-08',
    decidedAt: '2026-10-20T15:00:00+08:00',
    reason: '当日垃圾已由家属分类，检查记录有误。',
  },
});

/* ---------------------------------------------------------------------------------------------------------------
 * The service's other events (consumed by evaluation, feeds and agencies; nobody needs to read compacts' table).
 * ------------------------------------------------------------------------------------------------------------- */

/** The three guarantees in front of the door (门前三包): sanitation 卫生, order 秩序, greenery 绿化. */
export const DutyItem = once(() => z.enum(['sanitation', 'order', 'greenery']));
export type DutyItem = z.infer<ReturnType<typeof DutyItem>>;

/** A later version of a compact came into force, replacing the one in force before it (修订). */
export const CompactAmended = defineEvent({
  type: 'CompactAmended',
  service: 'compacts',
  summary: 'An amended version of a compact came into force, replacing the previous version from its in-force date.',
  data: () =>
    z.object({
      compactId: Id,
      village: PlacePath,
      kind: z.enum(['village-rules', 'maintenance']),
      fromVersion: z.number().int().positive(),
      toVersion: z.number().int().positive(),
      inForceFrom: IsoDate,
      proposalId: Id,
      articles: z.object({
        added: z.array(z.string().min(1).max(64)),
        removed: z.array(z.string().min(1).max(64)),
        changed: z.array(z.string().min(1).max(64)),
      }),
    }),
  example: {
    compactId: ex.id,
    village: ex.village,
    kind: 'village-rules',
    fromVersion: 1,
    toVersion: 2,
    inForceFrom: '2026-09-01',
    proposalId: ex.id2,
    articles: { added: ['art-9'], removed: [], changed: ['art-5'] },
  },
});

/** 门前三包: a household was assigned its duties and the stretch in front of its door they cover. */
/** What a household's 门前三包 duty says: the items, the stretch and from when (what its audit keeps before and after). */
export const DutyData = once(() =>
  z.object({ items: z.array(DutyItem()).min(1).max(3), stretch: z.string().min(1).max(500), from: IsoDate }),
);
export type DutyData = z.infer<ReturnType<typeof DutyData>>;

export const DutyAssigned = defineEvent({
  type: 'DutyAssigned',
  service: 'compacts',
  summary:
    'A household was assigned the three guarantees in front of its door (门前三包) with the stretch they cover; a re-assignment carries the duty before, who, when and why.',
  data: () =>
    z.object({
      dutyId: Id,
      village: PlacePath,
      household: PlacePath,
      /** The household head, who answers for the duties. */
      person: PersonId,
      items: z.array(DutyItem()).min(1).max(3),
      stretch: z.string().min(1).max(500),
      from: IsoDate,
      /** The duty this assignment replaced (absent for a household's first). */
      before: DutyData().optional(),
      // The audit fields arrived after the first publication: optional, so events published before them still parse.
      ...z.object(AuditFields).partial().shape,
    }),
  example: {
    dutyId: ex.id,
    village: ex.village,
    household: `${ex.village}/g1/h03`,
    person: 'p-majiaqiao-03',
    items: ['sanitation', 'order', 'greenery'],
    stretch: '门前至村道 20 米及东侧绿化带 / 20 m from the door to the road and the green strip to the east',
    from: '2026-05-01',
    changeId: ex.id2,
    changedBy: 'p-majiaqiao-01',
    changedAt: '2026-05-01T09:00:00+08:00',
    reason: '村民代表会议确定门前三包责任区 / set by the representatives’ meeting',
  },
});

/** The four levels of the organisation (镇党委 / 村党支部 / 湾组党小组 / 党员中心户). */
export const OrgLevel = once(() => z.enum(['township-committee', 'village-branch', 'group-cell', 'central-household']));
export type OrgLevel = z.infer<ReturnType<typeof OrgLevel>>;

/** What a unit of the four-level organisation says: its leader, area, matters and (a central household's) linked households. */
export const OrgUnitData = once(() =>
  z.object({
    leader: PersonId,
    area: z.string().min(1).max(500),
    matters: z.array(z.string().min(1).max(200)).min(1).max(30),
    linkedHouseholds: z.array(PlacePath).max(50).optional(),
  }),
);
export type OrgUnitData = z.infer<ReturnType<typeof OrgUnitData>>;

/** A unit of the four-level organisation (四级组织体系) was set or changed: before (absent when new), after, who, when, why. */
export const OrgUnitChanged = defineEvent({
  type: 'OrgUnitChanged',
  service: 'compacts',
  summary:
    'A unit of the four-level organisation (镇党委/村党支部/湾组党小组/党员中心户) was set or changed — leader, area, matters: before/after, who, when, why.',
  data: () =>
    z.object({
      level: OrgLevel(),
      place: PlacePath,
      /** The township the unit lies under (its committee's place for the top level). */
      township: PlacePath,
      before: OrgUnitData().optional(),
      after: OrgUnitData(),
      ...AuditFields,
    }),
  example: {
    level: 'group-cell',
    place: `${ex.village}/g1`,
    township: 'hubei/huanggang/hongan/qiliping',
    before: { leader: 'p-majiaqiao-03', area: '一组', matters: ['环境卫生'] },
    after: { leader: 'p-majiaqiao-04', area: '一组及村道', matters: ['环境卫生', '公共空间管护'] },
    changeId: ex.id2,
    changedBy: 'p-majiaqiao-01',
    changedAt: '2026-05-01T09:00:00+08:00',
    reason: '党员大会改选湾组党小组组长 / the party members’ meeting elected a new cell leader',
  },
});

/** A public space, green plot, facility or road section entered the village registry (possibly from a hand-over). */
export const SpaceRegistered = defineEvent({
  type: 'SpaceRegistered',
  service: 'compacts',
  summary: 'A public space, green plot, facility or road section entered the village registry, under a compact.',
  data: () =>
    z.object({
      spaceId: Id,
      village: PlacePath,
      spaceKind: SpaceKind,
      name: z.string().min(1).max(200),
      place: PlacePath,
      /** How many adopters it may have at once (usually 1). */
      capacity: z.number().int().positive(),
      /** The compact (usually the village's 管护公约) that governs its upkeep. */
      compactId: Id.optional(),
      source: z.enum(['registered', 'handed-over']),
      projectId: Id.optional(),
    }),
  example: {
    spaceId: ex.id,
    village: ex.village,
    spaceKind: 'facility',
    name: '村口排水沟',
    place: `${ex.village}/g1`,
    capacity: 1,
    compactId: ex.id2,
    source: 'handed-over',
    projectId: ex.id2,
  },
});

/** An adopter gave up an adopted space; the slot is free again. */
export const SpaceReleased = defineEvent({
  type: 'SpaceReleased',
  service: 'compacts',
  summary: 'An adoption (认领) ended: the adopter released the space, or a cadre ended it.',
  data: () =>
    z.object({
      spaceId: Id,
      adoptionId: Id,
      village: PlacePath,
      spaceKind: SpaceKind,
      adopter: Adopter(),
      person: PersonId,
      household: PlacePath.optional(),
      adoptedOn: IsoDate,
      releasedOn: IsoDate,
      releasedBy: z.string().min(1),
    }),
  example: {
    spaceId: ex.id,
    adoptionId: ex.id2,
    village: ex.village,
    spaceKind: 'green-plot',
    adopter: { kind: 'household', id: `${ex.village}/g1/h03` },
    person: 'p-majiaqiao-03',
    household: `${ex.village}/g1/h03`,
    adoptedOn: '2026-10-01',
    releasedOn: '2027-03-31',
    releasedBy: 'p-majiaqiao-03',
  },
});

/** One household's result on one duty item in an inspection. */
export const InspectionOutcome = once(() => z.enum(['pass', 'fail']));

/** A (scheduled or unannounced) inspection by the sanitation-rating work group recorded its results. */
export const InspectionRecorded = defineEvent({
  type: 'InspectionRecorded',
  service: 'compacts',
  summary: 'A scheduled or unannounced inspection (e.g. a rubbish-sorting check) recorded a result per household and duty item.',
  data: () =>
    z.object({
      inspectionId: Id,
      village: PlacePath,
      kind: z.enum(['scheduled', 'unannounced']),
      topic: z.string().min(1).max(200),
      conductedOn: IsoDate,
      inspector: PersonId,
      results: z
        .array(z.object({ household: PlacePath, item: DutyItem(), outcome: InspectionOutcome(), hasEvidence: z.boolean() }))
        .min(1)
        .max(600),
    }),
  example: {
    inspectionId: ex.id,
    village: ex.village,
    kind: 'unannounced',
    topic: '垃圾分类突击检查 / unannounced rubbish-sorting check',
    conductedOn: '2026-10-12',
    inspector: 'p-majiaqiao-09',
    results: [
      { household: `${ex.village}/g2/h08`, item: 'sanitation', outcome: 'fail', hasEvidence: true },
      { household: `${ex.village}/g2/h07`, item: 'sanitation', outcome: 'pass', hasEvidence: false },
    ],
  },
});

/** A household appealed a violation (once) to the morality review council. */
export const ViolationAppealed = defineEvent({
  type: 'ViolationAppealed',
  service: 'compacts',
  summary: 'A household appealed a recorded violation to the morality review council (道德评议会); it may appeal once.',
  data: () =>
    z.object({
      violationId: Id,
      village: PlacePath,
      household: PlacePath,
      person: PersonId,
      appealedBy: PersonId,
      appealedAt: IsoDateTime,
    }),
  example: {
    violationId: ex.id2,
    village: ex.village,
    household: `${ex.village}/g2/h08`,
    person: 'p-majiaqiao-08',
    appealedBy: 'p-majiaqiao-08',
    appealedAt: '2026-10-13T19:00:00+08:00',
  },
});

/** The morality review council upheld a violation on appeal: its handling stands. */
export const ViolationUpheld = defineEvent({
  type: 'ViolationUpheld',
  service: 'compacts',
  summary: 'The morality review council (道德评议会) upheld a violation on appeal; its handling stands.',
  data: appealDecision,
  example: {
    violationId: ex.id2,
    village: ex.village,
    household: `${ex.village}/g2/h08`,
    person: 'p-majiaqiao-08',
    decidedAt: '2026-10-20T15:00:00+08:00',
    reason: '检查照片清楚显示垃圾未分类。',
  },
});

/** A violation's rectification (整改) was checked and closed. */
export const CompactRectificationClosed = defineEvent({
  type: 'RectificationClosed',
  service: 'compacts',
  summary: 'The rectification (整改) a violation required was checked and closed, on time or late.',
  data: () =>
    z.object({
      violationId: Id,
      village: PlacePath,
      household: PlacePath,
      person: PersonId,
      deadline: IsoDate,
      closedOn: IsoDate,
      /** Closed after the deadline. */
      late: z.boolean(),
    }),
  example: {
    violationId: ex.id2,
    village: ex.village,
    household: `${ex.village}/g2/h08`,
    person: 'p-majiaqiao-08',
    deadline: '2026-10-19',
    closedOn: '2026-10-17',
    late: false,
  },
});

/** A rectification passed its deadline without being closed (flagged by the service's job). */
export const RectificationOverdue = defineEvent({
  type: 'RectificationOverdue',
  service: 'compacts',
  summary: 'A rectification (整改) passed its deadline without being closed.',
  data: () =>
    z.object({
      violationId: Id,
      village: PlacePath,
      household: PlacePath,
      person: PersonId,
      deadline: IsoDate,
    }),
  example: {
    violationId: ex.id2,
    village: ex.village,
    household: `${ex.village}/g2/h08`,
    person: 'p-majiaqiao-08',
    deadline: '2026-10-19',
  },
});

const BoardEntry = once(() =>
  z.object({
    household: PlacePath,
    /** The household head. */
    person: PersonId,
    score: z.number().int(),
  }),
);

/** 红黑榜: a village's red and black lists for a period were computed by the published rule and posted. */
export const RedBlackListPublished = defineEvent({
  type: 'RedBlackListPublished',
  service: 'compacts',
  summary: 'A village’s red and black lists (红黑榜) for a period were computed by the published rule and posted.',
  data: () =>
    z.object({
      village: PlacePath,
      period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/),
      from: IsoDate,
      to: IsoDate,
      rule: z.string().min(1).max(40),
      red: z.array(BoardEntry()).max(5000),
      black: z.array(BoardEntry()).max(5000),
    }),
  example: {
    village: ex.village,
    period: '2026-10',
    from: '2026-10-01',
    to: '2026-10-31',
    rule: 'red-black-v1',
    red: [{ household: `${ex.village}/g2/h07`, person: 'p-majiaqiao-07', score: 7 }],
    black: [{ household: `${ex.village}/g2/h08`, person: 'p-majiaqiao-08', score: -8 }],
  },
});

export const compactsEvents = [
  CompactAdopted,
  CompactAmended,
  DutyAssigned,
  OrgUnitChanged,
  SpaceRegistered,
  SpaceAdopted,
  SpaceReleased,
  UpkeepLogged,
  InspectionRecorded,
  ViolationRecorded,
  ViolationAppealed,
  ViolationUpheld,
  ViolationOverturned,
  CompactRectificationClosed,
  RectificationOverdue,
  RedBlackListPublished,
] as const;
