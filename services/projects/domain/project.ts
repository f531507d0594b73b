import * as z from 'zod';
import {
  once,
  Builder,
  EvidenceRef,
  Fen,
  Id,
  IsoDate,
  IsoDateTime,
  PersonId,
  PlacePath,
  type ProjectPlan,
  ProjectStage,
  RenovationClass,
  SpaceKind,
  WorkCategory,
} from '@cocreate/contracts';
import { projectIdFor } from './ids.ts';
import { StageRecords } from './stages.ts';

/** Records of the projects service, zod first: the types, the API's response schemas and OpenAPI come from here. */

export const StageMove = once(() =>
  z.object({
    from: ProjectStage,
    to: ProjectStage,
    at: IsoDateTime,
    by: z.string(),
    note: z.string().optional(),
  }),
);
export type StageMove = z.infer<ReturnType<typeof StageMove>>;

export const PendingChange = once(() =>
  z.object({
    changeId: Id,
    title: z.string(),
    description: z.string(),
    budget: Fen.optional(),
    changesContent: z.boolean(),
    requestedBy: z.string(),
    requestedAt: IsoDateTime,
  }),
);
export type PendingChange = z.infer<ReturnType<typeof PendingChange>>;

export const Amendment = once(() =>
  z.object({
    changeId: Id,
    description: z.string(),
    previousBudget: Fen,
    budget: Fen,
    direct: z.boolean(),
    proposalId: Id.optional(),
    appliedAt: IsoDateTime,
  }),
);
export type Amendment = z.infer<ReturnType<typeof Amendment>>;

export const Facility = once(() => z.object({ facilityId: Id, name: z.string(), kind: SpaceKind, place: PlacePath }));
export type Facility = z.infer<ReturnType<typeof Facility>>;

export const Project = once(() =>
  z.object({
    projectId: Id,
    proposalId: Id,
    village: PlacePath,
    place: PlacePath,
    title: z.string(),
    description: z.string(),
    category: WorkCategory,
    builder: Builder,
    renovationClass: RenovationClass.optional(),
    /** A renovation's compound (小区) and the owners' consent poll its plan named (业主意愿). */
    compound: PlacePath.optional(),
    consentPollId: Id.optional(),
    contractor: z.string().optional(),
    budget: Fen,
    beneficiaries: z.array(PlacePath),
    planId: Id,
    planVersion: z.number().int(),
    stage: ProjectStage,
    stageHistory: z.array(StageMove()),
    pendingChange: PendingChange().optional(),
    amendments: z.array(Amendment()),
    facilities: z.array(Facility()),
    /** What the survey stages found and decided (摸底排查, 意愿调查, 设计方案审查), recorded as the project leaves each. */
    stageRecords: StageRecords().optional(),
    openedAt: IsoDateTime,
    decidedAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: z.number().int(),
  }),
);
export type Project = z.infer<ReturnType<typeof Project>>;

export const Milestone = once(() =>
  z.object({
    milestoneId: Id,
    projectId: Id,
    title: z.string(),
    weight: z.number().int().positive(),
    /** 隐蔽工程: covered afterwards, so photo or video evidence is required to complete. */
    hiddenWorks: z.boolean(),
    due: IsoDate.optional(),
    status: z.enum(['open', 'completed']),
    evidence: z.array(EvidenceRef),
    createdAt: IsoDateTime,
    completedAt: IsoDateTime.optional(),
    completedBy: z.string().optional(),
    /** What its photos show, in words for the public board (张榜公布); no names or phone numbers belong here. */
    caption: z.string().optional(),
  }),
);
export type Milestone = z.infer<ReturnType<typeof Milestone>>;

export const ChangeRecord = once(() =>
  z.object({
    changeId: Id,
    projectId: Id,
    title: z.string(),
    description: z.string(),
    budget: Fen.optional(),
    previousBudget: Fen,
    changesContent: z.boolean(),
    class: z.enum(['minor', 'major']),
    status: z.enum(['applied', 'pending', 'withdrawn', 'decided-after-withdrawal']),
    requestedBy: z.string(),
    requestedAt: IsoDateTime,
    decidedAt: IsoDateTime.optional(),
    proposalId: Id.optional(),
  }),
);
export type ChangeRecord = z.infer<ReturnType<typeof ChangeRecord>>;

/** A final project-change decision that could not be applied when it arrived (see README, "out of order"). */
export const ParkedDecision = once(() =>
  z.object({
    projectId: Id,
    changeId: Id,
    village: PlacePath,
    proposalId: Id,
    description: z.string(),
    budget: Fen.optional(),
    decidedAt: IsoDateTime,
    parkedAt: IsoDateTime,
    reason: z.enum(['unknown-project', 'unknown-change']),
    status: z.enum(['parked', 'applied']),
    appliedAt: IsoDateTime.optional(),
  }),
);
export type ParkedDecision = z.infer<ReturnType<typeof ParkedDecision>>;

export interface PlanDecision {
  proposalId: string;
  village: string;
  decidedAt: string;
  plan: ProjectPlan;
}

/** The project a final project-plan decision opens: at the first stage, with the plan's budget, category and builder. */
export function projectFromPlan(d: PlanDecision, now: string): Project {
  const { plan } = d;
  return {
    projectId: projectIdFor(d.proposalId),
    proposalId: d.proposalId,
    village: d.village,
    place: plan.place,
    title: plan.title,
    description: plan.description,
    category: plan.category,
    builder: plan.builder,
    ...(plan.renovationClass ? { renovationClass: plan.renovationClass } : {}),
    ...(plan.compound ? { compound: plan.compound } : {}),
    ...(plan.consentPollId ? { consentPollId: plan.consentPollId } : {}),
    ...(plan.contractor ? { contractor: plan.contractor } : {}),
    budget: plan.budget,
    beneficiaries: [...new Set(plan.beneficiaries)],
    planId: plan.planId,
    planVersion: plan.planVersion,
    stage: 'survey',
    stageHistory: [],
    amendments: [],
    facilities: [],
    openedAt: now,
    decidedAt: d.decidedAt,
    updatedAt: now,
    version: 1,
  };
}

export interface ChangeDecision {
  projectId: string;
  changeId: string;
  village: string;
  description: string;
  budget?: number | undefined;
}

export type ChangeDecisionOutcome =
  /** The pending change it decides: apply it and let the project resume. */
  | { outcome: 'apply'; budget: number; pending: PendingChange }
  /** Already applied (a second copy of the decision under another event id): nothing to do. */
  | { outcome: 'already-applied' }
  /** The village withdrew the change before the decision arrived: recorded on the change, not applied. */
  | { outcome: 'withdrawn' }
  /** No such project here yet: park the decision until it appears. */
  | { outcome: 'park'; reason: 'unknown-project' }
  /** The project exists but never asked for this change: park it for the cadres to look at, apply nothing. */
  | { outcome: 'park'; reason: 'unknown-change' }
  /** A decision of another village cannot change this village's project. */
  | { outcome: 'foreign-village' };

/** What a final project-change decision does to the project it names (or to its absence). */
export function judgeChangeDecision(
  project: Pick<Project, 'village' | 'budget' | 'pendingChange' | 'amendments'> | undefined,
  change: ChangeRecord | undefined,
  d: ChangeDecision,
): ChangeDecisionOutcome {
  if (!project) return { outcome: 'park', reason: 'unknown-project' };
  if (project.village !== d.village) return { outcome: 'foreign-village' };
  if (project.amendments.some((a) => a.changeId === d.changeId)) return { outcome: 'already-applied' };
  if (project.pendingChange?.changeId === d.changeId) {
    return { outcome: 'apply', budget: d.budget ?? project.pendingChange.budget ?? project.budget, pending: project.pendingChange };
  }
  if (change?.status === 'withdrawn' || change?.status === 'decided-after-withdrawal') return { outcome: 'withdrawn' };
  return { outcome: 'park', reason: 'unknown-change' };
}

export const PersonList = once(() => z.array(PersonId).min(1).max(50));
