import * as z from 'zod';
import { defineEvent } from '../registry.ts';
import { once } from '../once.ts';
import { Fen, Id, IsoDate, IsoDateTime, PersonId, PlacePath } from '../primitives.ts';
import { Builder, ContributionKind, FundSource, ProjectStage, RenovationClass, SpaceKind, WorkCategory } from '../vocabulary.ts';
import { AuditFields } from '../settings.ts';

/**
 * Events of the projects-and-funds service (发展共建). The ones other services consume are fixed here first;
 * the service adds its own beside them.
 */

const ex = {
  village: 'hubei/huanggang/hongan/qiliping/majiaqiao',
  project: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0P',
  proposal: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D',
  id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0X',
};

/** A project opened from a final project-plan decision. */
export const ProjectOpened = defineEvent({
  type: 'ProjectOpened',
  service: 'projects',
  summary: 'A project opened from a final project-plan decision, with its budget, category, builder and beneficiaries.',
  data: () =>
    z.object({
      projectId: Id,
      village: PlacePath,
      proposalId: Id,
      title: z.string().min(1).max(200),
      category: WorkCategory,
      builder: Builder,
      budget: Fen.nonnegative(),
      beneficiaries: z.array(PlacePath),
      stage: ProjectStage,
      /** A renovation's class (基础/完善/提升), compound (小区) and the consent poll its plan named. */
      renovationClass: RenovationClass.optional(),
      compound: PlacePath.optional(),
      consentPollId: Id.optional(),
    }),
  example: {
    projectId: ex.project,
    village: ex.village,
    proposalId: ex.proposal,
    title: '村口道路硬化及排水改造',
    category: 'roads',
    builder: 'cooperative',
    budget: 48_000_000,
    beneficiaries: [`${ex.village}/g1/h01`, `${ex.village}/g1/h02`],
    stage: 'survey',
  },
});

/** A project moved along its lifecycle. */
export const ProjectStageChanged = defineEvent({
  type: 'ProjectStageChanged',
  service: 'projects',
  summary: 'A project moved from one lifecycle stage to the next.',
  data: () =>
    z.object({
      projectId: Id,
      village: PlacePath,
      from: ProjectStage,
      to: ProjectStage,
      beneficiaries: z.array(PlacePath),
      /** Leaving the survey (摸底排查): how many findings it recorded. */
      findings: z.number().int().nonnegative().optional(),
      /** Leaving the willingness survey of a renovation: the owners' consent poll that passed (业主意愿). */
      consentPollId: Id.optional(),
      /** Leaving the design review: how many documents it recorded as evidence. */
      designDocuments: z.number().int().nonnegative().optional(),
    }),
  example: { projectId: ex.project, village: ex.village, from: 'approved', to: 'in-construction', beneficiaries: [`${ex.village}/g1/h01`] },
});

/** A change of content or of more than the set share of the budget goes back to deliberation. */
export const ProjectChangeRequested = defineEvent({
  type: 'ProjectChangeRequested',
  service: 'projects',
  summary: 'A major change to a project (content, or budget beyond the set share) was requested; deliberation must decide it.',
  data: () =>
    z.object({
      projectId: Id,
      changeId: Id,
      village: PlacePath,
      title: z.string().min(1).max(200),
      description: z.string().min(1).max(5000),
      budget: Fen.nonnegative().optional(),
      previousBudget: Fen.nonnegative(),
      requestedBy: z.string().min(1),
    }),
  example: {
    projectId: ex.project,
    changeId: ex.id,
    village: ex.village,
    title: '道路延长 100 米',
    description: '延长至小学门口。',
    budget: 60_000_000,
    previousBudget: 48_000_000,
    requestedBy: 'p-majiaqiao-01',
  },
});

/** A household contributed money, labour, materials, land or ideas (出钱出力出物让地出点子). */
export const ContributionRecorded = defineEvent({
  type: 'ContributionRecorded',
  service: 'projects',
  summary: 'A household contributed money, labour hours, materials, land or ideas to a project; value in fen.',
  data: () =>
    z.object({
      contributionId: Id,
      projectId: Id,
      village: PlacePath,
      household: PlacePath,
      person: PersonId.optional(),
      kind: ContributionKind,
      /** Valued in fen (labour at the local hourly wage of the day; ideas are 0). */
      value: Fen.nonnegative(),
      hours: z.number().nonnegative().optional(),
      /** On paid (cooperative) projects labour hours become wages payable rather than an in-kind contribution. */
      paid: z.boolean(),
      contributedOn: IsoDate,
    }),
  example: {
    contributionId: ex.id,
    projectId: ex.project,
    village: ex.village,
    household: `${ex.village}/g1/h03`,
    person: 'p-majiaqiao-03',
    kind: 'labour',
    value: 48_000,
    hours: 8,
    paid: false,
    contributedOn: '2026-05-12',
  },
});

/** Money entered a fund pool from a source (with any purpose restriction). */
export const FundsReceived = defineEvent({
  type: 'FundsReceived',
  service: 'projects',
  summary: 'Money entered a village (or township) fund pool from a named source, with any purpose restriction.',
  data: () =>
    z.object({
      entryId: Id,
      pool: PlacePath,
      source: FundSource,
      amount: Fen.positive(),
      from: z.string().max(200),
      restriction: z.object({ categories: z.array(WorkCategory).optional(), projects: z.array(Id).optional() }).optional(),
    }),
  example: { entryId: ex.id, pool: ex.village, source: 'township-subsidy', amount: 20_000_000, from: '七里坪镇人民政府' },
});

/** Final (or initial) acceptance of a project. */
export const ProjectAccepted = defineEvent({
  type: 'ProjectAccepted',
  service: 'projects',
  summary: 'A project passed initial acceptance (with residents’ representatives) or final acceptance (竣工验收).',
  data: () =>
    z.object({
      projectId: Id,
      proposalId: Id,
      village: PlacePath,
      acceptance: z.enum(['initial', 'final']),
      acceptedAt: IsoDateTime,
      beneficiaries: z.array(PlacePath),
      spent: Fen.nonnegative(),
      budget: Fen.nonnegative(),
    }),
  example: {
    projectId: ex.project,
    proposalId: ex.proposal,
    village: ex.village,
    acceptance: 'final',
    acceptedAt: '2026-09-20T10:00:00+08:00',
    beneficiaries: [`${ex.village}/g1/h01`],
    spent: 46_500_000,
    budget: 48_000_000,
  },
});

/** On final acceptance the project hands its new spaces and facilities over for long-term management (长效管理). */
export const FacilitiesHandedOver = defineEvent({
  type: 'FacilitiesHandedOver',
  service: 'projects',
  summary: 'A finished project handed its new public spaces and facilities over for long-term management.',
  data: () =>
    z.object({
      projectId: Id,
      village: PlacePath,
      facilities: z
        .array(
          z.object({
            facilityId: Id,
            name: z.string().min(1).max(200),
            kind: SpaceKind,
            place: PlacePath,
          }),
        )
        .min(1),
    }),
  example: {
    projectId: ex.project,
    village: ex.village,
    facilities: [{ facilityId: ex.id, name: '村口排水沟', kind: 'facility', place: `${ex.village}/g1` }],
  },
});

// ——— The service's own events (consumed by agencies' feeds and the disclosure board's subscribers) ———

const Draw = once(() => z.object({ sourceId: Id, source: FundSource, amount: Fen.positive() }));

/** A payee as events carry it: a resident by id (never a name), or an organisation by name. */
const Payee = once(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('person'), person: PersonId }),
    z.object({ kind: z.literal('organisation'), name: z.string().min(1).max(200) }),
  ]),
);

/** A milestone completed; progress is derived from the weights of completed milestones only. */
export const MilestoneCompleted = defineEvent({
  type: 'MilestoneCompleted',
  service: 'projects',
  summary: 'A project milestone was completed (hidden works only with photo/video evidence); progress is derived from weights.',
  data: () =>
    z.object({
      projectId: Id,
      milestoneId: Id,
      village: PlacePath,
      title: z.string().min(1).max(200),
      weight: z.number().int().positive(),
      hiddenWorks: z.boolean(),
      evidenceCount: z.number().int().nonnegative(),
      /** Completed weight over total weight, in percent with one decimal. */
      progressPercent: z.number().min(0).max(100),
      completedAt: IsoDateTime,
    }),
  example: {
    projectId: ex.project,
    milestoneId: ex.id,
    village: ex.village,
    title: '排水管道敷设（隐蔽工程）',
    weight: 30,
    hiddenWorks: true,
    evidenceCount: 2,
    progressPercent: 55.5,
    completedAt: '2026-06-01T16:00:00+08:00',
  },
});

/** A major change was withdrawn by the village before deliberation decided it; the project resumes unchanged. */
export const ProjectChangeWithdrawn = defineEvent({
  type: 'ProjectChangeWithdrawn',
  service: 'projects',
  summary: 'A pending project change was withdrawn before deliberation decided it; the project resumes unchanged.',
  data: () => z.object({ projectId: Id, changeId: Id, village: PlacePath, withdrawnBy: z.string().min(1) }),
  example: { projectId: ex.project, changeId: ex.id, village: ex.village, withdrawnBy: 'p-majiaqiao-01' },
});

/** A change took effect: a minor budget change directly, or a major one after deliberation's final decision. */
export const ProjectChangeApplied = defineEvent({
  type: 'ProjectChangeApplied',
  service: 'projects',
  summary: 'A project change took effect: a minor budget change directly, or a major change after deliberation decided it.',
  data: () =>
    z.object({
      projectId: Id,
      changeId: Id,
      village: PlacePath,
      description: z.string().max(5000),
      budget: Fen.nonnegative(),
      previousBudget: Fen.nonnegative(),
      /** True for a minor budget change within the set share (no deliberation needed). */
      direct: z.boolean(),
      /** The deliberation proposal that decided it (major changes). */
      proposalId: Id.optional(),
    }),
  example: {
    projectId: ex.project,
    changeId: ex.id,
    village: ex.village,
    description: '延长至小学门口。',
    budget: 60_000_000,
    previousBudget: 48_000_000,
    direct: false,
    proposalId: ex.proposal,
  },
});

/** Pool money was earmarked for a project (Dr allocation, Cr source), source by source. */
export const FundsAllocated = defineEvent({
  type: 'FundsAllocated',
  service: 'projects',
  summary: 'Fund-pool money was allocated to a project, each source named, never against its purpose restriction.',
  data: () =>
    z.object({
      postingId: Id,
      pool: PlacePath,
      projectId: Id,
      village: PlacePath,
      amount: Fen.positive(),
      sources: z.array(Draw()).min(1),
    }),
  example: {
    postingId: ex.id,
    pool: ex.village,
    projectId: ex.project,
    village: ex.village,
    amount: 20_000_000,
    sources: [{ sourceId: ex.proposal, source: 'township-subsidy', amount: 20_000_000 }],
  },
});

/** A township pool passed money to one of its villages' pools, source kind and restriction unchanged. */
export const FundsTransferred = defineEvent({
  type: 'FundsTransferred',
  service: 'projects',
  summary: 'A township fund pool passed money on to a village pool; the source kind and purpose restriction travel with it.',
  data: () =>
    z.object({
      fromPool: PlacePath,
      toPool: PlacePath,
      sourceId: Id,
      newSourceId: Id,
      source: FundSource,
      amount: Fen.positive(),
    }),
  example: {
    fromPool: 'hubei/huanggang/hongan/qiliping',
    toPool: ex.village,
    sourceId: ex.id,
    newSourceId: ex.proposal,
    source: 'township-subsidy',
    amount: 5_000_000,
  },
});

/** A disbursement against a milestone was requested; the money is held until approval and countersignature. */
export const DisbursementRequested = defineEvent({
  type: 'DisbursementRequested',
  service: 'projects',
  summary: 'A disbursement against a project milestone was requested; the money is held on the project’s allocation.',
  data: () =>
    z.object({
      disbursementId: Id,
      projectId: Id,
      village: PlacePath,
      milestoneId: Id,
      amount: Fen.positive(),
      purpose: z.enum(['works', 'materials', 'wages', 'services']),
      payee: Payee(),
      requestedBy: z.string().min(1),
    }),
  example: {
    disbursementId: ex.id,
    projectId: ex.project,
    village: ex.village,
    milestoneId: ex.proposal,
    amount: 1_200_000,
    purpose: 'materials',
    payee: { kind: 'organisation', name: '红安县七里坪建材店' },
    requestedBy: 'p-majiaqiao-02',
  },
});

/** The village committee approved a disbursement; it still needs the supervision committee's countersignature. */
export const DisbursementApproved = defineEvent({
  type: 'DisbursementApproved',
  service: 'projects',
  summary: 'A member of the village two committees approved a disbursement; it awaits the supervision countersignature.',
  data: () => z.object({ disbursementId: Id, projectId: Id, village: PlacePath, amount: Fen.positive(), approvedBy: PersonId }),
  example: { disbursementId: ex.id, projectId: ex.project, village: ex.village, amount: 1_200_000, approvedBy: 'p-majiaqiao-01' },
});

/** A disbursement was refused by the committee or the supervision committee; its held money went back. */
export const DisbursementRejected = defineEvent({
  type: 'DisbursementRejected',
  service: 'projects',
  summary: 'A disbursement was rejected by the village committee or the supervision committee; the held money was released.',
  data: () =>
    z.object({
      disbursementId: Id,
      projectId: Id,
      village: PlacePath,
      amount: Fen.positive(),
      rejectedBy: PersonId,
      reason: z.string().min(1).max(1000),
    }),
  example: {
    disbursementId: ex.id,
    projectId: ex.project,
    village: ex.village,
    amount: 1_200_000,
    rejectedBy: 'p-majiaqiao-10',
    reason: '发票不全',
  },
});

/** Money left the pool: approved, countersigned, posted (Dr spent, Cr held) source by source (各记其功). */
export const FundsDisbursed = defineEvent({
  type: 'FundsDisbursed',
  service: 'projects',
  summary: 'A disbursement was approved, countersigned by the supervision committee and posted; every paying source named.',
  data: () =>
    z.object({
      disbursementId: Id,
      postingId: Id,
      pool: PlacePath,
      projectId: Id,
      village: PlacePath,
      milestoneId: Id,
      amount: Fen.positive(),
      purpose: z.enum(['works', 'materials', 'wages', 'services']),
      payee: Payee(),
      sources: z.array(Draw()).min(1),
      requestedBy: z.string().min(1),
      approvedBy: PersonId,
      countersignedBy: PersonId,
      disbursedAt: IsoDateTime,
    }),
  example: {
    disbursementId: ex.id,
    postingId: ex.proposal,
    pool: ex.village,
    projectId: ex.project,
    village: ex.village,
    milestoneId: ex.id,
    amount: 1_200_000,
    purpose: 'materials',
    payee: { kind: 'organisation', name: '红安县七里坪建材店' },
    sources: [{ sourceId: ex.proposal, source: 'township-subsidy', amount: 1_200_000 }],
    requestedBy: 'p-majiaqiao-02',
    approvedBy: 'p-majiaqiao-01',
    countersignedBy: 'p-majiaqiao-10',
    disbursedAt: '2026-06-02T10:00:00+08:00',
  },
});

/** A posting was corrected by a reversing posting (the ledger is append-only). */
export const PostingReversed = defineEvent({
  type: 'PostingReversed',
  service: 'projects',
  summary: 'A fund-pool posting (a receipt or an allocation) was corrected by a reversing posting; history is never edited.',
  data: () =>
    z.object({
      pool: PlacePath,
      postingId: Id,
      reversalId: Id,
      kind: z.enum(['receipt', 'allocation']),
      amount: Fen.positive(),
      reason: z.string().min(1).max(1000),
      projectId: Id.optional(),
    }),
  example: { pool: ex.village, postingId: ex.id, reversalId: ex.proposal, kind: 'receipt', amount: 100_000, reason: '金额录入错误' },
});

/** A county set its local hourly wage (当地工时费) from a date on. */
export const WageRateSet = defineEvent({
  type: 'WageRateSet',
  service: 'projects',
  summary: 'A county set the local hourly wage (当地工时费) in force from a date; labour is valued at the rate of its work date.',
  data: () => z.object({ county: PlacePath, effectiveFrom: IsoDate, hourlyWage: Fen.positive() }),
  example: { county: 'hubei/huanggang/hongan', effectiveFrom: '2026-05-01', hourlyWage: 2_000 },
});

/*
 * Rules and settings as audited policy (issue 12): every change of a county's project rules or of its hourly wage is an
 * event with who, when, why, and the value before and after.
 */
const CountyRulesData = once(() =>
  z.object({
    majorChangeShareBp: z.number().int().min(0).max(10_000),
    classFunding: z.object({ nonBasicMaxShareBp: z.number().int().min(0).max(10_000), sources: z.array(FundSource) }),
  }),
);

/** A county changed its project rules: the share a change may move directly, the renovation-class funding rule. */
export const CountyProjectRulesChanged = defineEvent({
  type: 'CountyProjectRulesChanged',
  service: 'projects',
  summary:
    'A county changed its project rules (the budget share a change may move without deliberation; the share of government sources 完善/提升-class renovations may use): before/after, who, why.',
  data: () =>
    z.object({
      county: PlacePath,
      before: CountyRulesData(),
      after: CountyRulesData(),
      ...AuditFields,
      version: z.number().int().positive(),
    }),
  example: {
    changeId: ex.id,
    county: 'hubei/huanggang/hongan',
    before: {
      majorChangeShareBp: 1000,
      classFunding: { nonBasicMaxShareBp: 3000, sources: ['township-subsidy', 'fiscal-award', 'department-funds'] },
    },
    after: {
      majorChangeShareBp: 1000,
      classFunding: { nonBasicMaxShareBp: 2000, sources: ['township-subsidy', 'fiscal-award', 'department-funds'] },
    },
    changedBy: 'c-hongan-1',
    changedAt: '2026-03-01T10:00:00+08:00',
    reason: '县住建局关于老旧小区改造资金使用的通知',
    version: 1,
  },
});

const RateData = once(() => z.object({ effectiveFrom: IsoDate, hourlyWage: Fen.positive() }));

/** A county set or replaced its hourly wage from a date: the rate that would have applied that day, and the new one. */
export const WageRateChanged = defineEvent({
  type: 'WageRateChanged',
  service: 'projects',
  summary:
    'A county set or replaced its local hourly wage (当地工时费) from a date: the rate that applied on that date before (if any) and after, who, why.',
  data: () =>
    z.object({
      county: PlacePath,
      before: RateData().optional(),
      after: RateData(),
      ...AuditFields,
    }),
  example: {
    changeId: ex.id,
    county: 'hubei/huanggang/hongan',
    before: { effectiveFrom: '2026-01-01', hourlyWage: 1_800 },
    after: { effectiveFrom: '2026-05-01', hourlyWage: 2_000 },
    changedBy: 'c-hongan-1',
    changedAt: '2026-04-20T10:00:00+08:00',
    reason: '县人社局公布的农村务工日工资标准调整',
  },
});

export const projectsEvents = [
  ProjectOpened,
  ProjectStageChanged,
  ProjectChangeRequested,
  ContributionRecorded,
  FundsReceived,
  ProjectAccepted,
  FacilitiesHandedOver,
  MilestoneCompleted,
  ProjectChangeWithdrawn,
  ProjectChangeApplied,
  FundsAllocated,
  FundsTransferred,
  DisbursementRequested,
  DisbursementApproved,
  DisbursementRejected,
  FundsDisbursed,
  PostingReversed,
  WageRateSet,
  CountyProjectRulesChanged,
  WageRateChanged,
] as const;
