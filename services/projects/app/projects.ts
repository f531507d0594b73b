import {
  FacilitiesHandedOver,
  ProjectAccepted,
  ProjectChangeApplied,
  ProjectChangeRequested,
  ProjectChangeWithdrawn,
  type ProjectStage,
  ProjectStageChanged,
  type SpaceKind,
  isRefused,
} from '@cocreate/contracts';
import { type RouteContext, newId, problems } from '@cocreate/kernel';
import { isWithin } from '@cocreate/places';
import { decideChange } from '../domain/change.ts';
import { acceptanceOf, decideStageMove } from '../domain/lifecycle.ts';
import {
  DATA_LEAVING,
  type DesignReviewData,
  type StageRecords,
  type SurveyData,
  type WillingnessData,
  checkStageData,
} from '../domain/stages.ts';
import type { RefusalCode } from '../domain/refusals.ts';
import { progressOf } from '../domain/milestones.ts';
import type { ChangeRecord, Facility, ParkedDecision, Project } from '../domain/project.ts';
import { ledger } from '../repos/ledger.ts';
import { polls } from '../repos/polls.ts';
import { changes, milestones, parked, projects } from '../repos/projects.ts';
import { listedVillage, loadProject, refuse, refuseAt, requireCommittee, settled, today } from './common.ts';
import { rulesFor } from './rates.ts';
import { type ProjectView, projectView } from './views.ts';

/** Where in the request a stage move's rule refusals point. */
const POINTERS: Partial<Record<RefusalCode, string>> = {
  'representatives-required': '/representatives',
  'not-representatives': '/representatives',
  'facilities-at-final-acceptance': '/facilities',
};

/** A village's projects (项目库) with their derived progress. */
export async function listProjects(village: string, ctx: RouteContext): Promise<{ items: (Project & { progressPercent: number })[] }> {
  await listedVillage(ctx, village);
  const list = await projects.listByVillage(ctx.table, village);
  const items = await Promise.all(
    list.map(async (p) => {
      const ms = await milestones.list(ctx.table, p.projectId);
      return { ...p, progressPercent: progressOf(ms.map((m) => ({ weight: m.weight, completed: m.status === 'completed' }))).percent };
    }),
  );
  return { items };
}

export async function getProject(projectId: string, ctx: RouteContext): Promise<ProjectView> {
  return projectView(ctx.table, await loadProject(ctx, projectId));
}

export interface MoveStage {
  projectId: string;
  to: ProjectStage;
  note?: string | undefined;
  /** Initial acceptance: the residents' representatives taking part (村民代表参与初验). */
  representatives?: string[] | undefined;
  /** Final acceptance: the public spaces and facilities handed over for long-term management. */
  facilities?: { name: string; kind: SpaceKind; place: string }[] | undefined;
  /** Leaving the survey stages: what each found or decided (issue 12). */
  survey?: SurveyData | undefined;
  willingness?: WillingnessData | undefined;
  designReview?: DesignReviewData | undefined;
}

/**
 * The data of the survey stage the move closes, checked and with its evidence verified under the village: what the
 * project keeps of it, and what the stage-change event says of it.
 */
async function stageDataOf(project: Project, cmd: MoveStage, ctx: RouteContext) {
  const verify = (refs: readonly { key: string }[] | undefined, pointer: string) =>
    Promise.all((refs ?? []).map((ref, i) => ctx.evidence.verify(ref, project.village, `${pointer}/${i}`)));
  const [surveyEvidence, willingnessEvidence, documents, poll] = await Promise.all([
    verify(cmd.survey?.evidence, '/survey/evidence'),
    verify(cmd.willingness?.evidence, '/willingness/evidence'),
    verify(cmd.designReview?.documents, '/designReview/documents'),
    cmd.willingness?.consentPollId ? polls.get(ctx.table, cmd.willingness.consentPollId) : Promise.resolve(undefined),
  ]);
  const problem = checkStageData(project, project.stage, cmd, {
    poll,
    designTypes: documents.map((d) => d.contentType),
    within: (place) => isWithin(place, project.village),
  });
  if (problem) throw refuse(problem.refused, problem.detail ?? {}, problem.pointer);
  const due = DATA_LEAVING[project.stage];
  if (!due) return undefined;
  const stamp = { recordedAt: ctx.now().toISOString(), recordedBy: ctx.actor.sub };
  const records: StageRecords = { ...(project.stageRecords ?? {}) };
  if (due === 'survey') records.survey = { ...cmd.survey!, evidence: surveyEvidence, ...stamp };
  if (due === 'willingness') records.willingness = { ...cmd.willingness!, evidence: willingnessEvidence, ...stamp };
  if (due === 'designReview') records.designReview = { ...cmd.designReview!, documents, ...stamp };
  const summary = {
    ...(due === 'survey' ? { findings: cmd.survey!.findings.length } : {}),
    ...(due === 'willingness' && cmd.willingness?.consentPollId ? { consentPollId: cmd.willingness.consentPollId } : {}),
    ...(due === 'designReview' ? { designDocuments: documents.length } : {}),
  };
  return { records, summary };
}

/** Moves a project to its next lifecycle stage; illegal moves are refused with the allowed ones. */
export async function moveStage(cmd: MoveStage, ctx: RouteContext): Promise<Project> {
  const project = await loadProject(ctx, cmd.projectId);
  if (ctx.actor.role === 'cadre') await requireCommittee(ctx, project.village);
  const acceptance = acceptanceOf(cmd.to);
  const [ms, allocations, spentAccounts, assembly] = await Promise.all([
    milestones.list(ctx.table, project.projectId),
    cmd.to === 'final-accounts' ? ledger.projectAccounts(ctx.table, project.village, 'alloc', project.projectId) : Promise.resolve([]),
    // What was spent goes into the acceptance event.
    acceptance ? ledger.projectAccounts(ctx.table, project.village, 'spent', project.projectId) : Promise.resolve([]),
    // Representatives take part in the acceptance held today: the assembly as it sits on this day.
    cmd.representatives ? ctx.register.body(project.village, 'representatives-assembly', today(ctx)) : Promise.resolve(undefined),
  ]);
  const outside = (cmd.facilities ?? []).flatMap((f, i) => (isWithin(f.place, project.village) ? [] : [`/facilities/${i}/place`]));
  const facilities: Facility[] | undefined = cmd.facilities?.map((f) => ({ facilityId: newId(), ...f }));
  const now = ctx.now().toISOString();
  const decision = decideStageMove(
    project,
    {
      changePending: project.pendingChange !== undefined,
      pendingChangeId: project.pendingChange?.changeId,
      milestones: ms.map((m) => ({ milestoneId: m.milestoneId, title: m.title, completed: m.status === 'completed' })),
      heldMoney: allocations.reduce((sum, a) => sum + (a.held ?? 0), 0),
      accountsToClose: allocations.length,
      ...(cmd.representatives
        ? {
            representatives: cmd.representatives.map((person) => ({
              person,
              isRepresentative: assembly?.members.includes(person) ?? false,
            })),
          }
        : {}),
    },
    { to: cmd.to, note: cmd.note, by: ctx.actor.sub, at: now, facilities },
  );
  const { next, move } = settled(decision, isRefused(decision) ? POINTERS[decision.refused] : undefined);
  // Facilities must lie in the village: one field error for each that does not.
  if (outside.length) throw refuseAt('facility-outside-village', outside);
  const data = await stageDataOf(project, cmd, ctx);
  if (data) next.stageRecords = data.records;
  projects.patch(
    ctx.tx,
    project,
    {
      stage: next.stage,
      updatedAt: next.updatedAt,
      ...(facilities?.length ? { facilities } : {}),
      ...(data ? { stageRecords: data.records } : {}),
    },
    { append: { stageHistory: [move] } },
  );
  // The books close only if nothing is held at commit: a request holding money meanwhile makes this recompute
  // (and a request after it finds the project no longer spending).
  for (const a of allocations) ledger.checkNothingHeld(ctx.tx, project.village, a.account);
  ctx.tx.emit(
    ProjectStageChanged,
    {
      projectId: project.projectId,
      village: project.village,
      from: project.stage,
      to: cmd.to,
      beneficiaries: project.beneficiaries,
      ...(data?.summary ?? {}),
    },
    { place: project.village },
  );
  if (acceptance) {
    ctx.tx.emit(
      ProjectAccepted,
      {
        projectId: project.projectId,
        proposalId: project.proposalId,
        village: project.village,
        acceptance,
        acceptedAt: now,
        beneficiaries: project.beneficiaries,
        spent: spentAccounts.reduce((sum, a) => sum + a.balance, 0),
        budget: project.budget,
      },
      { place: project.village },
    );
  }
  if (cmd.to === 'final-acceptance' && facilities?.length) {
    ctx.tx.emit(FacilitiesHandedOver, { projectId: project.projectId, village: project.village, facilities }, { place: project.village });
  }
  return next;
}

export interface RequestChange {
  projectId: string;
  title: string;
  description: string;
  /** True when what is built changes (scope, location, design): always goes back to deliberation. */
  changesContent: boolean;
  budget?: number | undefined;
}

/** A small budget adjustment applies directly; content or a larger budget move waits for deliberation. */
export async function requestChange(
  cmd: RequestChange,
  ctx: RouteContext,
): Promise<{ change: ChangeRecord; waitsForDeliberation: boolean; budget: number }> {
  const project = await loadProject(ctx, cmd.projectId);
  await requireCommittee(ctx, project.village);
  const share = (await rulesFor(ctx, project.village)).majorChangeShareBp;
  const now = ctx.now().toISOString();
  const outcome = settled(
    decideChange(
      project,
      {
        changeId: newId(),
        title: cmd.title,
        description: cmd.description,
        changesContent: cmd.changesContent,
        budget: cmd.budget,
        requestedBy: ctx.actor.sub,
        requestedAt: now,
      },
      share,
    ),
    '/budget',
  );
  const { record } = outcome;
  changes.put(ctx.tx, record);
  if (outcome.kind === 'minor') {
    const { amendment } = outcome;
    projects.patch(ctx.tx, project, { budget: amendment.budget, updatedAt: now }, { append: { amendments: [amendment] } });
    ctx.tx.emit(
      ProjectChangeApplied,
      {
        projectId: project.projectId,
        changeId: record.changeId,
        village: project.village,
        description: amendment.description,
        budget: amendment.budget,
        previousBudget: amendment.previousBudget,
        direct: true,
      },
      { place: project.village },
    );
    return { change: record, waitsForDeliberation: false, budget: amendment.budget };
  }
  projects.patch(ctx.tx, project, { pendingChange: outcome.pending, updatedAt: now });
  ctx.tx.emit(
    ProjectChangeRequested,
    {
      projectId: project.projectId,
      changeId: record.changeId,
      village: project.village,
      title: record.title,
      description: record.description,
      ...(record.budget !== undefined ? { budget: record.budget } : {}),
      previousBudget: record.previousBudget,
      requestedBy: record.requestedBy,
    },
    { place: project.village },
  );
  return { change: record, waitsForDeliberation: true, budget: project.budget };
}

/** Withdraws a change still waiting for deliberation; the project resumes unchanged. */
export async function withdrawChange(cmd: { projectId: string; changeId: string }, ctx: RouteContext): Promise<ChangeRecord> {
  const project = await loadProject(ctx, cmd.projectId);
  await requireCommittee(ctx, project.village);
  const record = await changes.get(ctx.table, project.projectId, cmd.changeId);
  if (!record) throw problems.notFound({ zh: '变更', en: 'The change' });
  if (project.pendingChange?.changeId !== cmd.changeId) throw refuse('change-not-pending', { current: record.status });
  projects.patch(ctx.tx, project, { updatedAt: ctx.now().toISOString() }, { removePending: true });
  const withdrawn: ChangeRecord = { ...record, status: 'withdrawn' };
  changes.put(ctx.tx, withdrawn);
  ctx.tx.emit(
    ProjectChangeWithdrawn,
    { projectId: project.projectId, changeId: cmd.changeId, village: project.village, withdrawnBy: ctx.actor.sub },
    { place: project.village },
  );
  return withdrawn;
}

/** Final project-change decisions that could not be applied when they arrived. */
export async function listParkedDecisions(village: string, ctx: RouteContext): Promise<{ items: ParkedDecision[] }> {
  await listedVillage(ctx, village);
  return { items: await parked.listByVillage(ctx.table, village) };
}
