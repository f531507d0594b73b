import { z } from 'zod';
import { defineEvent } from '../registry.ts';
import { Fen, Id, IsoDateTime, PersonId, PlacePath } from '../primitives.ts';
import {
  BallotChannel,
  Builder,
  NeedChannel,
  RenovationClass,
  VillageClass,
  WorkCategory,
} from '../vocabulary.ts';

/**
 * Events of the deliberation service (决策共谋). The ones other services consume are fixed here first
 * (DecisionFinal, VillageClassified and the participation-bearing ones); the service adds its own beside them.
 */

const ex = {
  village: 'hubei/huanggang/hongan/qiliping/majiaqiao',
  id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D',
  id2: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0E',
};

/** 群众提: a resident raised a need (possibly recorded on their behalf by a grid worker or cadre). */
export const NeedRaised = defineEvent({
  type: 'NeedRaised',
  service: 'deliberation',
  summary: 'A resident raised a need through one of the intake channels (群众提).',
  data: z.object({
    needId: Id,
    village: PlacePath,
    place: PlacePath,
    category: WorkCategory,
    text: z.string().min(1).max(2000),
    channel: NeedChannel,
    raisedBy: PersonId,
    recordedBy: z.string().min(1),
  }),
  example: {
    needId: ex.id,
    village: ex.village,
    place: `${ex.village}/g1`,
    category: 'roads',
    text: '村口到小学的路一下雨就积水 / the road to the school floods when it rains',
    channel: 'bench-meeting',
    raisedBy: 'p-majiaqiao-07',
    recordedBy: 'p-majiaqiao-grid',
  },
});

/** A cadre triaged a need: accepted onto the needs list (意见被采纳), merged into another, or rejected with a reason. */
export const NeedTriaged = defineEvent({
  type: 'NeedTriaged',
  service: 'deliberation',
  summary: 'A need was triaged: accepted (adopted), merged into another need, or rejected with a reason.',
  data: z.object({
    needId: Id,
    village: PlacePath,
    outcome: z.enum(['accepted', 'merged', 'rejected']),
    category: WorkCategory,
    raisedBy: PersonId,
    mergedInto: Id.optional(),
    reason: z.string().max(1000).optional(),
  }),
  example: { needId: ex.id, village: ex.village, outcome: 'accepted', category: 'roads', raisedBy: 'p-majiaqiao-07' },
});

/** 点单式: a resident supported a candidate item of the village's project list. */
export const CandidateSupported = defineEvent({
  type: 'CandidateSupported',
  service: 'deliberation',
  summary: 'A resident supported a candidate item on the village project list (点单式); total is the running count.',
  data: z.object({
    candidateId: Id,
    village: PlacePath,
    supporter: PersonId,
    household: PlacePath.optional(),
    total: z.number().int().positive(),
  }),
  example: { candidateId: ex.id, village: ex.village, supporter: 'p-majiaqiao-07', household: `${ex.village}/g2/h07`, total: 12 },
});

/** 三方议: a three-party discussion session was held; its residents' attendance counts toward participation. */
export const DiscussionHeld = defineEvent({
  type: 'DiscussionHeld',
  service: 'deliberation',
  summary: 'A three-party discussion (三方议) on a draft plan was held and minuted; the plan got a new version.',
  data: z.object({
    sessionId: Id,
    village: PlacePath,
    planId: Id,
    planVersion: z.number().int().positive(),
    heldAt: IsoDateTime,
    parties: z.array(z.enum(['government', 'society', 'residents'])).min(1),
    /** Attendees who are residents of the places data (for participation); others are counted, not named. */
    residentAttendees: z.array(PersonId),
    otherAttendees: z.number().int().nonnegative(),
  }),
  example: {
    sessionId: ex.id,
    village: ex.village,
    planId: ex.id2,
    planVersion: 2,
    heldAt: '2026-03-02T09:00:00+08:00',
    parties: ['government', 'society', 'residents'],
    residentAttendees: ['p-majiaqiao-04', 'p-majiaqiao-06', 'p-majiaqiao-09'],
    otherAttendees: 3,
  },
});

/** A ballot counted in a body's vote, from any channel. The choice itself is not in the event (ballots may be secret). */
export const BallotCast = defineEvent({
  type: 'BallotCast',
  service: 'deliberation',
  summary: 'A ballot was counted for a body deciding a proposal (online, paper import, or proxy); the choice is not published.',
  data: z.object({
    proposalId: Id,
    village: PlacePath,
    body: z.string().min(1),
    step: z.number().int().nonnegative(),
    voter: PersonId,
    channel: BallotChannel,
  }),
  example: { proposalId: ex.id, village: ex.village, body: 'representatives-assembly', step: 3, voter: 'p-majiaqiao-05', channel: 'online' },
});

/** The plan a project-plan decision carries to the projects service. */
export const ProjectPlan = z.object({
  planId: Id,
  planVersion: z.number().int().positive(),
  title: z.string().min(1).max(200),
  description: z.string().max(5000),
  category: WorkCategory,
  builder: Builder,
  renovationClass: RenovationClass.optional(),
  budget: Fen.nonnegative(),
  /** Household paths that benefit: only they score the project's satisfaction (服务谁、谁评价). */
  beneficiaries: z.array(PlacePath).max(5000),
  /** The contractor chosen through deliberation, for 各方力量助力建. */
  contractor: z.string().max(200).optional(),
  place: PlacePath,
});
export type ProjectPlan = z.infer<typeof ProjectPlan>;

const decided = {
  proposalId: Id,
  village: PlacePath,
  title: z.string().min(1).max(200),
  decidedAt: IsoDateTime,
  /** The township the decision was filed with (报镇党委备案). */
  filedWith: PlacePath,
};

/**
 * A decision became final: adopted by its chain, publicly noticed, no sustained objection, filed with the township.
 * The subject depends on the kind; consuming services never read deliberation's table.
 */
export const DecisionFinal = defineEvent({
  type: 'DecisionFinal',
  service: 'deliberation',
  summary: 'A decision became final after its notice period and was filed with the township; carries what it decided.',
  data: z.discriminatedUnion('kind', [
    z.object({ ...decided, kind: z.literal('project-plan'), plan: ProjectPlan }),
    z.object({
      ...decided,
      kind: z.literal('project-change'),
      change: z.object({
        projectId: Id,
        changeId: Id,
        description: z.string().max(5000),
        budget: Fen.nonnegative().optional(),
      }),
    }),
    z.object({
      ...decided,
      kind: z.literal('compact'),
      compact: z.object({ compactId: Id, version: z.number().int().positive() }),
    }),
    z.object({ ...decided, kind: z.literal('village-classification'), classification: VillageClass }),
  ]),
  example: {
    kind: 'project-plan',
    proposalId: ex.id,
    village: ex.village,
    title: '村口道路硬化及排水改造 / Village-entrance road and drainage',
    decidedAt: '2026-04-10T10:00:00+08:00',
    filedWith: 'hubei/huanggang/hongan/qiliping',
    plan: {
      planId: ex.id2,
      planVersion: 3,
      title: '村口道路硬化及排水改造',
      description: '硬化 400 米道路，新建排水沟。',
      category: 'roads',
      builder: 'cooperative',
      renovationClass: 'basic',
      budget: 48_000_000,
      beneficiaries: [`${ex.village}/g1/h01`, `${ex.village}/g1/h02`],
      place: `${ex.village}/g1`,
    },
  },
});

/** A village was classified (划分两类村), itself decided by a chain. */
export const VillageClassified = defineEvent({
  type: 'VillageClassified',
  service: 'deliberation',
  summary: 'A village was classified as a pilot (试点村) or remediation (整治村) village by a final decision.',
  data: z.object({ village: PlacePath, class: VillageClass, proposalId: Id, decidedAt: IsoDateTime }),
  example: { village: ex.village, class: 'pilot', proposalId: ex.id, decidedAt: '2026-02-01T10:00:00+08:00' },
});


export const deliberationEvents = [
  NeedRaised,
  NeedTriaged,
  CandidateSupported,
  DiscussionHeld,
  BallotCast,
  DecisionFinal,
  VillageClassified,
] as const;
