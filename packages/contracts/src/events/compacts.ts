import { z } from 'zod';
import { defineEvent } from '../registry.ts';
import { Id, IsoDate, IsoDateTime, PersonId, PlacePath } from '../primitives.ts';
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
  data: z.object({
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
const Adopter = z.object({
  kind: z.enum(['household', 'party-member', 'group']),
  /** Household path, person id, or group name. */
  id: z.string().min(1).max(256),
});

/** A space was adopted (认领). */
export const SpaceAdopted = defineEvent({
  type: 'SpaceAdopted',
  service: 'compacts',
  summary: 'A public space, green plot, facility or road section was adopted (认领) by a household, party member or group.',
  data: z.object({
    spaceId: Id,
    village: PlacePath,
    spaceKind: SpaceKind,
    adopter: Adopter,
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
  data: z.object({
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
export const Handling = z.object({
  pointsDeduction: z.number().int().nonnegative().optional(),
  publicListing: z.boolean().optional(),
  rectificationDays: z.number().int().positive().optional(),
  referralTo: z.string().max(100).optional(),
});

/** A violation was recorded under the compact article in force on its date, with that article's handling. */
export const ViolationRecorded = defineEvent({
  type: 'ViolationRecorded',
  service: 'compacts',
  summary: 'A violation was recorded under the article in force on its date, applying that article’s agreed handling.',
  data: z.object({
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
    handling: Handling,
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

/** The morality review council overturned a violation on appeal: its consequences are reversed. */
export const ViolationOverturned = defineEvent({
  type: 'ViolationOverturned',
  service: 'compacts',
  summary: 'The morality review council (道德评议会) overturned a violation on appeal; its consequences are reversed.',
  data: z.object({
    violationId: Id,
    village: PlacePath,
    household: PlacePath,
    person: PersonId,
    decidedAt: IsoDateTime,
    reason: z.string().min(1).max(2000),
  }),
  example: {
    violationId: ex.id2,
    village: ex.village,
    household: `${ex.village}/g2/h08`,
    person: 'p-majiaqiao-08',
    decidedAt: '2026-10-20T15:00:00+08:00',
    reason: '当日垃圾已由家属分类，检查记录有误。',
  },
});

export const compactsEvents = [CompactAdopted, SpaceAdopted, UpkeepLogged, ViolationRecorded, ViolationOverturned] as const;
