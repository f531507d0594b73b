import * as z from 'zod';
import { defineEvent } from '../registry.ts';
import { once } from '../once.ts';
import { Fen, Id, IsoDateTime, PersonId, PlacePath } from '../primitives.ts';
import { BallotChannel, Builder, NeedChannel, ProposalKind, RenovationClass, VillageClass, WorkCategory } from '../vocabulary.ts';
import { AuditFields } from '../settings.ts';

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
  data: () =>
    z.object({
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
  data: () =>
    z.object({
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
  summary:
    'A resident supported a candidate item on the village project list (点单式); total is the count as that support saw it (concurrent supports may each miss the other; the item itself is exact).',
  data: () =>
    z.object({
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
  data: () =>
    z.object({
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
  data: () =>
    z.object({
      proposalId: Id,
      village: PlacePath,
      body: z.string().min(1),
      step: z.number().int().nonnegative(),
      voter: PersonId,
      channel: BallotChannel,
    }),
  example: {
    proposalId: ex.id,
    village: ex.village,
    body: 'representatives-assembly',
    step: 3,
    voter: 'p-majiaqiao-05',
    channel: 'online',
  },
});

/** The plan a project-plan decision carries to the projects service. */
export const ProjectPlan = once(() =>
  z.object({
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
    /** A renovation plan's compound (小区) and the owners' consent poll that passed for it (业主意愿). */
    compound: PlacePath.optional(),
    consentPollId: Id.optional(),
  }),
);
export type ProjectPlan = z.infer<ReturnType<typeof ProjectPlan>>;

const decided = once(() => ({
  proposalId: Id,
  village: PlacePath,
  title: z.string().min(1).max(200),
  decidedAt: IsoDateTime,
  /** The township the decision was filed with (报镇党委备案). */
  filedWith: PlacePath,
}));

/**
 * A decision became final: adopted by its chain, publicly noticed, no sustained objection, filed with the township.
 * The subject depends on the kind; consuming services never read deliberation's table.
 */
export const DecisionFinal = defineEvent({
  type: 'DecisionFinal',
  service: 'deliberation',
  summary: 'A decision became final after its notice period and was filed with the township; carries what it decided.',
  data: () =>
    z.discriminatedUnion('kind', [
      z.object({ ...decided(), kind: z.literal('project-plan'), plan: ProjectPlan() }),
      z.object({
        ...decided(),
        kind: z.literal('project-change'),
        change: z.object({
          projectId: Id,
          changeId: Id,
          description: z.string().max(5000),
          budget: Fen.nonnegative().optional(),
        }),
      }),
      z.object({
        ...decided(),
        kind: z.literal('compact'),
        compact: z.object({ compactId: Id, version: z.number().int().positive() }),
      }),
      z.object({ ...decided(), kind: z.literal('village-classification'), classification: VillageClass }),
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
  data: () => z.object({ village: PlacePath, class: VillageClass, proposalId: Id, decidedAt: IsoDateTime }),
  example: { village: ex.village, class: 'pilot', proposalId: ex.id, decidedAt: '2026-02-01T10:00:00+08:00' },
});

/*
 * The service's own events (after the cross-service ones above). They narrate the chain of a proposal
 * (共同决, 四议两公开), owner consent polls, public notice and the two disclosures, for the bus archive, agency feeds
 * and any later consumer. None carries a secret ballot's choice or a resident's full name.
 */

const BodyName = once(() => z.string().min(1).max(64));
const Tally = once(() =>
  z.object({
    yes: z.number().int().nonnegative(),
    no: z.number().int().nonnegative(),
    abstain: z.number().int().nonnegative(),
    cast: z.number().int().nonnegative(),
  }),
);

/** 项目清单: a candidate item was put on the village's project list, built from triaged needs (点单式). */
export const CandidateListed = defineEvent({
  type: 'CandidateListed',
  service: 'deliberation',
  summary: 'A candidate item was put on the village project list (项目清单), built from triaged needs.',
  data: () =>
    z.object({
      candidateId: Id,
      village: PlacePath,
      title: z.string().min(1).max(200),
      category: WorkCategory,
      needIds: z.array(Id).min(1).max(50),
    }),
  example: { candidateId: ex.id, village: ex.village, title: '村口路灯', category: 'lighting', needIds: [ex.id2] },
});

/** A proposal entered its decision chain (or re-entered it for a new round after being returned or reopened). */
export const ProposalSubmitted = defineEvent({
  type: 'ProposalSubmitted',
  service: 'deliberation',
  summary: 'A proposal entered its decision chain (四议), or re-entered it for a new round; the chain is frozen on it.',
  data: () =>
    z.object({
      proposalId: Id,
      village: PlacePath,
      kind: ProposalKind,
      title: z.string().min(1).max(200),
      round: z.number().int().positive(),
      chain: z.array(BodyName()).min(1),
      submittedBy: z.string().min(1),
    }),
  example: {
    proposalId: ex.id,
    village: ex.village,
    kind: 'project-plan',
    title: '村口道路硬化及排水改造',
    round: 1,
    chain: ['party-branch', 'two-committees', 'party-members-meeting', 'representatives-assembly'],
    submittedBy: 'p-majiaqiao-01',
  },
});

/** A body of the chain resolved: passed (next body or adopted) or failed (returned or rejected), with its tally. */
export const BodyResolved = defineEvent({
  type: 'BodyResolved',
  service: 'deliberation',
  summary: 'A body of a decision chain resolved a proposal: its tally, whether quorum and threshold held, and what follows.',
  data: () =>
    z.object({
      proposalId: Id,
      village: PlacePath,
      round: z.number().int().positive(),
      step: z.number().int().nonnegative(),
      body: BodyName(),
      members: z.number().int().nonnegative(),
      tally: Tally(),
      passed: z.boolean(),
      reason: z.enum(['quorum-not-met', 'threshold-not-met']).optional(),
      outcome: z.enum(['next-body', 'adopted', 'returned', 'rejected']),
    }),
  example: {
    proposalId: ex.id,
    village: ex.village,
    round: 1,
    step: 3,
    body: 'representatives-assembly',
    members: 7,
    tally: { yes: 6, no: 1, abstain: 0, cast: 7 },
    passed: true,
    outcome: 'adopted',
  },
});

/** The last body of the chain passed the proposal: it goes to public notice (公示). */
export const ProposalAdopted = defineEvent({
  type: 'ProposalAdopted',
  service: 'deliberation',
  summary: 'The last body of the chain passed a proposal; its public notice starts.',
  data: () =>
    z.object({
      proposalId: Id,
      village: PlacePath,
      kind: ProposalKind,
      title: z.string().min(1).max(200),
      round: z.number().int().positive(),
      adoptedAt: IsoDateTime,
    }),
  example: {
    proposalId: ex.id,
    village: ex.village,
    kind: 'project-plan',
    title: '村口道路硬化',
    round: 1,
    adoptedAt: '2026-04-01T10:00:00+08:00',
  },
});

/** A body failed a proposal and the chain sends it back to its drafters for revision (退回). */
export const ProposalReturned = defineEvent({
  type: 'ProposalReturned',
  service: 'deliberation',
  summary: 'A body failed a proposal (quorum not met, or not passed where the chain says return); it may be revised and resubmitted.',
  data: () =>
    z.object({
      proposalId: Id,
      village: PlacePath,
      round: z.number().int().positive(),
      step: z.number().int().nonnegative(),
      body: BodyName(),
      reason: z.enum(['quorum-not-met', 'threshold-not-met']),
      note: z.string().max(1000).optional(),
    }),
  example: { proposalId: ex.id, village: ex.village, round: 1, step: 1, body: 'two-committees', reason: 'quorum-not-met' },
});

/** A body failed a proposal where the chain says the matter ends (否决). */
export const ProposalRejected = defineEvent({
  type: 'ProposalRejected',
  service: 'deliberation',
  summary: 'A body voted a proposal down where its chain says the matter ends.',
  data: () =>
    z.object({
      proposalId: Id,
      village: PlacePath,
      kind: ProposalKind,
      round: z.number().int().positive(),
      step: z.number().int().nonnegative(),
      body: BodyName(),
      reason: z.enum(['quorum-not-met', 'threshold-not-met']),
      note: z.string().max(1000).optional(),
    }),
  example: {
    proposalId: ex.id,
    village: ex.village,
    kind: 'project-plan',
    round: 1,
    step: 3,
    body: 'representatives-assembly',
    reason: 'threshold-not-met',
  },
});

/** 公示: an adopted decision is publicly noticed (the first disclosure 第一次公开) until `endsAt`. */
export const NoticeStarted = defineEvent({
  type: 'NoticeStarted',
  service: 'deliberation',
  summary: 'An adopted decision is publicly noticed (公示, the first disclosure) for its notice period.',
  data: () =>
    z.object({
      proposalId: Id,
      village: PlacePath,
      kind: ProposalKind,
      title: z.string().min(1).max(200),
      round: z.number().int().positive(),
      startsAt: IsoDateTime,
      endsAt: IsoDateTime,
      days: z.number().int().positive(),
    }),
  example: {
    proposalId: ex.id,
    village: ex.village,
    kind: 'project-plan',
    title: '村口道路硬化',
    round: 1,
    startsAt: '2026-04-01T10:00:00+08:00',
    endsAt: '2026-04-08T10:00:00+08:00',
    days: 7,
  },
});

/** A resident objected to a noticed decision (异议). The text stays in the service; the event says who and when. */
export const ObjectionRaised = defineEvent({
  type: 'ObjectionRaised',
  service: 'deliberation',
  summary: 'A resident objected to a decision during its public notice.',
  data: () => z.object({ objectionId: Id, proposalId: Id, village: PlacePath, objector: PersonId, round: z.number().int().positive() }),
  example: { objectionId: ex.id2, proposalId: ex.id, village: ex.village, objector: 'p-majiaqiao-11', round: 1 },
});

/** The committee answered an objection; a sustained one reopens the proposal. */
export const ObjectionAnswered = defineEvent({
  type: 'ObjectionAnswered',
  service: 'deliberation',
  summary: 'The committee answered an objection; a sustained objection reopens the proposal.',
  data: () =>
    z.object({
      objectionId: Id,
      proposalId: Id,
      village: PlacePath,
      objector: PersonId,
      sustained: z.boolean(),
      answeredBy: z.string().min(1),
    }),
  example: {
    objectionId: ex.id2,
    proposalId: ex.id,
    village: ex.village,
    objector: 'p-majiaqiao-11',
    sustained: false,
    answeredBy: 'p-majiaqiao-01',
  },
});

/** A sustained objection reopened a noticed decision: it is no longer adopted and must go through its chain again. */
export const ProposalReopened = defineEvent({
  type: 'ProposalReopened',
  service: 'deliberation',
  summary: 'A sustained objection reopened a decision during its notice; it must be revised and pass its chain again.',
  data: () => z.object({ proposalId: Id, village: PlacePath, round: z.number().int().positive(), objectionId: Id }),
  example: { proposalId: ex.id, village: ex.village, round: 1, objectionId: ex.id2 },
});

const ConsentMatter = once(() => z.enum(['renovation', 'maintenance-fund', 'rebuilding', 'common-parts-change', 'other']));
const ConsentRule = once(() => z.enum(['seed-renovation', 'civil-code-major', 'civil-code-ordinary']));

/** 业主意愿: an owner consent poll opened over a community or compound, with the eligible owners and areas fixed. */
export const ConsentPollOpened = defineEvent({
  type: 'ConsentPollOpened',
  service: 'deliberation',
  summary: 'An owner consent poll opened; eligible owners and their exclusive areas (dm²) are fixed at opening.',
  data: () =>
    z.object({
      pollId: Id,
      village: PlacePath,
      scope: PlacePath,
      title: z.string().min(1).max(200),
      matter: ConsentMatter(),
      rule: ConsentRule(),
      owners: z.number().int().nonnegative(),
      /** Total exclusive floor area in square decimetres (0.01 m²), an exact integer. */
      areaDm2: z.number().int().nonnegative(),
      closesAt: IsoDateTime.optional(),
    }),
  example: {
    pollId: ex.id,
    village: 'hubei/huanggang/hongan/chengguan/xingfu',
    scope: 'hubei/huanggang/hongan/chengguan/xingfu',
    title: '老旧小区改造意愿',
    matter: 'renovation',
    rule: 'seed-renovation',
    owners: 12,
    areaDm2: 115550,
  },
});

/** An owner responded to a consent poll (participation); the choice is not published. */
export const ConsentResponded = defineEvent({
  type: 'ConsentResponded',
  service: 'deliberation',
  summary: 'An owner responded to a consent poll (online, or on paper recorded by a cadre); the choice is not published.',
  data: () => z.object({ pollId: Id, village: PlacePath, owner: PersonId, channel: z.enum(['online', 'paper']) }),
  example: { pollId: ex.id, village: 'hubei/huanggang/hongan/chengguan/xingfu', owner: 'p-xingfu-04', channel: 'online' },
});

const Fraction = once(() => z.object({ num: z.number().int().nonnegative(), den: z.number().int().positive() }));

/** One condition of a consent rule, evaluated exactly: the share reached, the share required and the margin. */
export const ConsentCondition = once(() =>
  z.object({
    name: z.string().min(1).max(64),
    measure: z.enum(['owners', 'area', 'property-fee']),
    /** What the share is of: all eligible owners/area, or those who took part. */
    base: z.enum(['eligible', 'participating', 'fees-due']),
    part: z.number().int().nonnegative(),
    whole: z.number().int().nonnegative(),
    required: z.object({ op: z.enum(['at-least', 'more-than']), num: z.number().int().nonnegative(), den: z.number().int().positive() }),
    held: z.boolean(),
    /** Smallest `part` that would have held; `margin` = part − needed (negative: short by that much). */
    needed: z.number().int().nonnegative(),
    margin: z.number().int(),
    share: Fraction().optional(),
  }),
);

/** An owner consent poll closed with its exact result by headcount and area. */
export const ConsentPollClosed = defineEvent({
  type: 'ConsentPollClosed',
  service: 'deliberation',
  summary: 'An owner consent poll closed: counts by headcount and exclusive area, each rule condition with its margin, passed or not.',
  data: () =>
    z.object({
      pollId: Id,
      village: PlacePath,
      scope: PlacePath,
      matter: ConsentMatter(),
      rule: ConsentRule(),
      passed: z.boolean(),
      owners: z.object({
        eligible: z.number().int().nonnegative(),
        participating: z.number().int().nonnegative(),
        agree: z.number().int().nonnegative(),
        disagree: z.number().int().nonnegative(),
        abstain: z.number().int().nonnegative(),
      }),
      areaDm2: z.object({
        eligible: z.number().int().nonnegative(),
        participating: z.number().int().nonnegative(),
        agree: z.number().int().nonnegative(),
        disagree: z.number().int().nonnegative(),
        abstain: z.number().int().nonnegative(),
      }),
      conditions: z.array(ConsentCondition()).min(1),
      closedAt: IsoDateTime,
    }),
  example: {
    pollId: ex.id,
    village: 'hubei/huanggang/hongan/chengguan/xingfu',
    scope: 'hubei/huanggang/hongan/chengguan/xingfu',
    matter: 'renovation',
    rule: 'seed-renovation',
    passed: true,
    owners: { eligible: 12, participating: 9, agree: 8, disagree: 1, abstain: 0 },
    areaDm2: { eligible: 115550, participating: 86000, agree: 76000, disagree: 10000, abstain: 0 },
    conditions: [
      {
        name: 'agree-owners',
        measure: 'owners',
        base: 'eligible',
        part: 8,
        whole: 12,
        required: { op: 'at-least', num: 2, den: 3 },
        held: true,
        needed: 8,
        margin: 0,
        share: { num: 2, den: 3 },
      },
    ],
    closedAt: '2026-03-20T10:00:00+08:00',
  },
});

/** 第二次公开: the implementation result of a final decision, disclosed when its project passed final acceptance. */
export const ImplementationDisclosed = defineEvent({
  type: 'ImplementationDisclosed',
  service: 'deliberation',
  summary: 'The implementation result of a decision was disclosed (the second disclosure) after its project’s final acceptance.',
  data: () =>
    z.object({
      proposalId: Id,
      projectId: Id,
      village: PlacePath,
      acceptedAt: IsoDateTime,
      budget: Fen.nonnegative(),
      spent: Fen.nonnegative(),
      beneficiaries: z.array(PlacePath),
      disclosedAt: IsoDateTime,
    }),
  example: {
    proposalId: ex.id,
    projectId: ex.id2,
    village: ex.village,
    acceptedAt: '2026-09-20T10:00:00+08:00',
    budget: 48_000_000,
    spent: 46_500_000,
    beneficiaries: [`${ex.village}/g1/h01`],
    disclosedAt: '2026-09-20T10:05:00+08:00',
  },
});

/*
 * Rules and settings as policy (issue 12): every change of a chain, a chain floor, a village's settings or a
 * compound's eligibility is an event with who, when, why, and the value before and after.
 */
const StepRuleData = once(() =>
  z.object({
    body: BodyName(),
    quorum: z.object({ op: z.enum(['at-least', 'more-than']), num: z.number().int().nonnegative(), den: z.number().int().positive() }),
    passing: z.object({
      of: z.enum(['cast', 'members']),
      share: z.object({ op: z.enum(['at-least', 'more-than']), num: z.number().int().nonnegative(), den: z.number().int().positive() }),
    }),
    onFail: z.enum(['return', 'end']),
  }),
);
const ChainData = once(() => z.array(StepRuleData()));
const exChain = [
  {
    body: 'party-branch',
    quorum: { op: 'more-than', num: 1, den: 2 },
    passing: { of: 'members', share: { op: 'more-than', num: 1, den: 2 } },
    onFail: 'return',
  },
  {
    body: 'representatives-assembly',
    quorum: { op: 'at-least', num: 2, den: 3 },
    passing: { of: 'cast', share: { op: 'more-than', num: 1, den: 2 } },
    onFail: 'end',
  },
] as const;

/** A village's cadres proposed a change of a decision chain; it takes effect only once the township approves it. */
export const ChainChangeProposed = defineEvent({
  type: 'ChainChangeProposed',
  service: 'deliberation',
  summary: 'A village proposed a change of its decision chain for a kind (before/after, who, why); it awaits township approval.',
  data: () =>
    z.object({
      changeId: Id,
      village: PlacePath,
      kind: ProposalKind,
      before: ChainData(),
      after: ChainData(),
      reason: z.string().min(1).max(2000),
      proposedBy: z.string().min(1),
      proposedAt: IsoDateTime,
    }),
  example: {
    changeId: ex.id,
    village: ex.village,
    kind: 'project-plan',
    before: [...exChain],
    after: [...exChain],
    reason: '增加乡贤理事会听证',
    proposedBy: 'p-majiaqiao-01',
    proposedAt: '2026-03-01T10:00:00+08:00',
  },
});

/** The township approved a village's chain change: from now on, new proposals of the kind follow `after`. */
export const DecisionChainChanged = defineEvent({
  type: 'DecisionChainChanged',
  service: 'deliberation',
  summary: 'A village’s decision chain for a kind changed, approved by the township: before/after, who proposed and approved, why.',
  data: () =>
    z.object({
      changeId: Id,
      village: PlacePath,
      kind: ProposalKind,
      before: ChainData(),
      after: ChainData(),
      reason: z.string().min(1).max(2000),
      proposedBy: z.string().min(1),
      proposedAt: IsoDateTime,
      approvedBy: z.string().min(1),
      approvedAt: IsoDateTime,
      version: z.number().int().positive(),
    }),
  example: {
    changeId: ex.id,
    village: ex.village,
    kind: 'project-plan',
    before: [...exChain],
    after: [...exChain],
    reason: '增加乡贤理事会听证',
    proposedBy: 'p-majiaqiao-01',
    proposedAt: '2026-03-01T10:00:00+08:00',
    approvedBy: 't-qiliping-1',
    approvedAt: '2026-03-02T10:00:00+08:00',
    version: 1,
  },
});

/** The township declined a village's proposed chain change: the chain stays as it was. */
export const ChainChangeDeclined = defineEvent({
  type: 'ChainChangeDeclined',
  service: 'deliberation',
  summary: 'The township declined a village’s proposed decision-chain change, with its reason.',
  data: () =>
    z.object({
      changeId: Id,
      village: PlacePath,
      kind: ProposalKind,
      declinedBy: z.string().min(1),
      declinedAt: IsoDateTime,
      reason: z.string().min(1).max(2000),
    }),
  example: {
    changeId: ex.id,
    village: ex.village,
    kind: 'project-plan',
    declinedBy: 't-qiliping-1',
    declinedAt: '2026-03-02T10:00:00+08:00',
    reason: '理由不充分',
  },
});

const RequiredStepData = once(() =>
  z.object({
    bodies: z.array(BodyName()).min(1),
    quorum: StepRuleData().shape.quorum,
    passing: StepRuleData().shape.passing,
  }),
);
const FloorData = once(() => z.object({ fromFen: Fen.nonnegative(), required: z.array(RequiredStepData()).min(1) }));

/** A county (or the province) set the floor every village chain of a kind must meet (四议 and its rules). */
export const ChainPolicyChanged = defineEvent({
  type: 'ChainPolicyChanged',
  service: 'deliberation',
  summary:
    'A county or province set the floor of decision chains for a kind: required bodies in order, their weakest rules, from an amount.',
  data: () =>
    z.object({
      scope: PlacePath,
      kind: ProposalKind,
      /** Absent when the national floor applied before. */
      before: FloorData().optional(),
      after: FloorData(),
      ...AuditFields,
      version: z.number().int().positive(),
    }),
  example: {
    changeId: ex.id,
    scope: 'hubei/huanggang/hongan',
    kind: 'project-plan',
    after: {
      fromFen: 5_000_000,
      required: [
        { bodies: ['party-branch'], quorum: exChain[0].quorum, passing: exChain[0].passing },
        { bodies: ['representatives-assembly', 'villagers-meeting'], quorum: exChain[1].quorum, passing: exChain[1].passing },
      ],
    },
    changedBy: 'c-hongan-1',
    changedAt: '2026-01-10T10:00:00+08:00',
    reason: '县委组织部关于规范四议两公开的通知',
    version: 1,
  },
});

const SettingsData = once(() =>
  z.object({ supportLimit: z.number().int().positive(), noticeDays: z.record(z.string(), z.number().int().positive()) }),
);

/** A village's deliberation settings (support limit, notice days per kind) changed. */
export const VillageSettingsChanged = defineEvent({
  type: 'VillageSettingsChanged',
  service: 'deliberation',
  summary: 'A village’s deliberation settings changed (support limit, notice days per kind): before/after, who, why.',
  data: () =>
    z.object({
      village: PlacePath,
      before: SettingsData(),
      after: SettingsData(),
      ...AuditFields,
    }),
  example: {
    changeId: ex.id,
    village: ex.village,
    before: { supportLimit: 3, noticeDays: { 'project-plan': 7 } },
    after: { supportLimit: 3, noticeDays: { 'project-plan': 10 } },
    changedBy: 'p-majiaqiao-01',
    changedAt: '2026-02-01T10:00:00+08:00',
    reason: '村民代表会议决定延长公示期',
  },
});

/** An entry of the resources list as residents read it (kind and status as words: the list of them may grow). */
const ResourceData = once(() =>
  z.object({
    kind: z.string(),
    title: z.string(),
    status: z.string(),
    quantity: z.number().optional(),
    unit: z.string().optional(),
    amount: z.number().int().optional(),
    description: z.string().optional(),
  }),
);

/** An entry of a village's resources list (资源清单) was added or changed: before (absent when added) and after. */
export const ResourceListChanged = defineEvent({
  type: 'ResourceListChanged',
  service: 'deliberation',
  summary:
    'An entry of a village’s resources list (资源清单) was added or changed (status, quantity, amount, description): before/after, who, why.',
  data: () =>
    z.object({
      village: PlacePath,
      resourceId: Id,
      before: ResourceData().optional(),
      after: ResourceData(),
      ...AuditFields,
    }),
  example: {
    changeId: ex.id,
    village: ex.village,
    resourceId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0F',
    before: { kind: 'land', title: '村东闲置晒场', status: 'available', quantity: 2, unit: '亩' },
    after: { kind: 'land', title: '村东闲置晒场', status: 'committed', quantity: 2, unit: '亩' },
    changedBy: 'p-majiaqiao-01',
    changedAt: '2026-03-01T10:00:00+08:00',
    reason: '村民代表会议决定用于建设口袋公园',
  },
});

const EligibilityData = once(() => z.object({ multiStorey: z.boolean(), structurallySafe: z.boolean(), onDemolitionPlan: z.boolean() }));

/** A compound's renovation eligibility facts were recorded or changed (多层住宅、结构安全、未列入拆迁计划). */
export const CompoundEligibilityRecorded = defineEvent({
  type: 'CompoundEligibilityRecorded',
  service: 'deliberation',
  summary: 'A compound’s renovation eligibility facts were recorded (multi-storey, structurally safe, on a demolition plan): before/after.',
  data: () =>
    z.object({
      compound: PlacePath,
      village: PlacePath,
      before: EligibilityData().optional(),
      after: EligibilityData(),
      eligible: z.boolean(),
      ...AuditFields,
    }),
  example: {
    changeId: ex.id,
    compound: 'hubei/huanggang/hongan/chengguan/xingfu/c2',
    village: 'hubei/huanggang/hongan/chengguan/xingfu',
    after: { multiStorey: true, structurallySafe: true, onDemolitionPlan: false },
    eligible: true,
    changedBy: 'p-xingfu-01',
    changedAt: '2026-03-01T10:00:00+08:00',
    reason: '住建局房屋安全鉴定',
  },
});

export const deliberationEvents = [
  NeedRaised,
  NeedTriaged,
  CandidateSupported,
  DiscussionHeld,
  BallotCast,
  DecisionFinal,
  VillageClassified,
  CandidateListed,
  ProposalSubmitted,
  BodyResolved,
  ProposalAdopted,
  ProposalReturned,
  ProposalRejected,
  NoticeStarted,
  ObjectionRaised,
  ObjectionAnswered,
  ProposalReopened,
  ConsentPollOpened,
  ConsentResponded,
  ConsentPollClosed,
  ImplementationDisclosed,
  ChainChangeProposed,
  DecisionChainChanged,
  ChainChangeDeclined,
  ChainPolicyChanged,
  VillageSettingsChanged,
  ResourceListChanged,
  CompoundEligibilityRecorded,
] as const;
