import { z } from 'zod';
import { defineEvent } from '../registry.ts';
import { Fen, Id, IsoDate, IsoDateTime, PersonId, PlacePath } from '../primitives.ts';
import { Builder, ContributionKind, FundSource, ProjectStage, SpaceKind, WorkCategory } from '../vocabulary.ts';

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
  data: z.object({
    projectId: Id,
    village: PlacePath,
    proposalId: Id,
    title: z.string().min(1).max(200),
    category: WorkCategory,
    builder: Builder,
    budget: Fen.nonnegative(),
    beneficiaries: z.array(PlacePath),
    stage: ProjectStage,
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
  data: z.object({
    projectId: Id,
    village: PlacePath,
    from: ProjectStage,
    to: ProjectStage,
    beneficiaries: z.array(PlacePath),
  }),
  example: { projectId: ex.project, village: ex.village, from: 'approved', to: 'in-construction', beneficiaries: [`${ex.village}/g1/h01`] },
});

/** A change of content or of more than the set share of the budget goes back to deliberation. */
export const ProjectChangeRequested = defineEvent({
  type: 'ProjectChangeRequested',
  service: 'projects',
  summary: 'A major change to a project (content, or budget beyond the set share) was requested; deliberation must decide it.',
  data: z.object({
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
  data: z.object({
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
  data: z.object({
    entryId: Id,
    pool: PlacePath,
    source: FundSource,
    amount: Fen.positive(),
    from: z.string().max(200),
    restriction: z
      .object({ categories: z.array(WorkCategory).optional(), projects: z.array(Id).optional() })
      .optional(),
  }),
  example: { entryId: ex.id, pool: ex.village, source: 'township-subsidy', amount: 20_000_000, from: '七里坪镇人民政府' },
});

/** Final (or initial) acceptance of a project. */
export const ProjectAccepted = defineEvent({
  type: 'ProjectAccepted',
  service: 'projects',
  summary: 'A project passed initial acceptance (with residents’ representatives) or final acceptance (竣工验收).',
  data: z.object({
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
  data: z.object({
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

export const projectsEvents = [
  ProjectOpened,
  ProjectStageChanged,
  ProjectChangeRequested,
  ContributionRecorded,
  FundsReceived,
  ProjectAccepted,
  FacilitiesHandedOver,
] as const;
