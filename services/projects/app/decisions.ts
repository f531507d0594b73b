import { type DecisionFinal, ProjectChangeApplied, ProjectOpened } from '@cocreate/contracts';
import type { Delivered, EventContext } from '@cocreate/kernel';
import { projectIdFor } from '../domain/ids.ts';
import { type Amendment, type ChangeRecord, type Project, judgeChangeDecision, projectFromPlan } from '../domain/project.ts';
import { changes, parked, projects } from '../repos/projects.ts';

type Final = Delivered<typeof DecisionFinal>;
export type PlanData = Extract<Final['data'], { kind: 'project-plan' }>;
export type ChangeData = Extract<Final['data'], { kind: 'project-change' }>;

/** A final project-plan decision opens its project, applying the change decisions that arrived before it. */
export async function openProject(d: PlanData, ctx: EventContext): Promise<void> {
  const village = await ctx.register.place(d.village);
  if (!village || (village.kind !== 'village' && village.kind !== 'community')) {
    // A decision for a place this deployment does not know is a bad state, not something to guess around: fail so
    // it is retried and then dead-lettered where operators see it.
    throw new Error(`DecisionFinal ${d.proposalId}: ${d.village} is not a village or community in the places data`);
  }
  const projectId = projectIdFor(d.proposalId);
  // The same decision delivered again under another event id opens nothing new (the id is derived from the proposal).
  if (await projects.get(ctx.table, projectId)) {
    ctx.log.info('project already open for this proposal', { proposalId: d.proposalId, projectId });
    return;
  }
  const now = ctx.now().toISOString();
  const project: Project = projectFromPlan({ proposalId: d.proposalId, village: d.village, decidedAt: d.decidedAt, plan: d.plan }, now);

  // Change decisions that arrived before the project (see README): applied now, in the order they were decided.
  const waiting = (await parked.forProject(ctx.table, projectId))
    .filter((p) => p.status === 'parked' && p.reason === 'unknown-project' && p.village === d.village)
    .sort((a, b) => (a.decidedAt < b.decidedAt ? -1 : 1));
  const planBudget = project.budget;
  const applied: Amendment[] = [];
  for (const p of waiting) {
    const previousBudget = project.budget;
    project.budget = p.budget ?? project.budget;
    const amendment: Amendment = {
      changeId: p.changeId,
      description: p.description,
      previousBudget,
      budget: project.budget,
      direct: false,
      proposalId: p.proposalId,
      appliedAt: now,
    };
    applied.push(amendment);
    parked.markApplied(ctx.tx, p, now);
  }
  project.amendments = applied;

  projects.create(ctx.tx, project, 'retry');
  ctx.tx.emit(
    ProjectOpened,
    {
      projectId,
      village: project.village,
      proposalId: project.proposalId,
      title: project.title,
      category: project.category,
      builder: project.builder,
      budget: planBudget,
      beneficiaries: project.beneficiaries,
      stage: project.stage,
      ...(project.renovationClass ? { renovationClass: project.renovationClass } : {}),
      ...(project.compound ? { compound: project.compound } : {}),
      ...(project.consentPollId ? { consentPollId: project.consentPollId } : {}),
    },
    { place: project.village },
  );
  for (const a of applied) {
    ctx.tx.emit(
      ProjectChangeApplied,
      {
        projectId,
        changeId: a.changeId,
        village: project.village,
        description: a.description,
        budget: a.budget,
        previousBudget: a.previousBudget,
        direct: false,
        proposalId: a.proposalId,
      },
      { place: project.village },
    );
  }
}

/** A final project-change decision is applied to the project waiting for it, or parked (see README). */
export async function applyChange(d: ChangeData, ctx: EventContext): Promise<void> {
  const { projectId, changeId } = d.change;
  const project = await projects.get(ctx.table, projectId);
  const record = project ? await changes.get(ctx.table, projectId, changeId) : undefined;
  const outcome = judgeChangeDecision(project, record, {
    projectId,
    changeId,
    village: d.village,
    description: d.change.description,
    budget: d.change.budget,
  });
  const now = ctx.now().toISOString();
  switch (outcome.outcome) {
    case 'apply': {
      const p = project!;
      const amendment: Amendment = {
        changeId,
        description: d.change.description || outcome.pending.description,
        previousBudget: p.budget,
        budget: outcome.budget,
        direct: false,
        proposalId: d.proposalId,
        appliedAt: now,
      };
      projects.patch(ctx.tx, p, { budget: outcome.budget, updatedAt: now }, { append: { amendments: [amendment] }, removePending: true });
      const base: ChangeRecord = record ?? {
        changeId,
        projectId,
        title: outcome.pending.title,
        description: outcome.pending.description,
        previousBudget: p.budget,
        changesContent: outcome.pending.changesContent,
        class: 'major',
        status: 'pending',
        requestedBy: outcome.pending.requestedBy,
        requestedAt: outcome.pending.requestedAt,
        ...(outcome.pending.budget !== undefined ? { budget: outcome.pending.budget } : {}),
      };
      changes.put(ctx.tx, { ...base, status: 'applied', decidedAt: d.decidedAt, proposalId: d.proposalId });
      ctx.tx.emit(
        ProjectChangeApplied,
        {
          projectId,
          changeId,
          village: p.village,
          description: amendment.description,
          budget: outcome.budget,
          previousBudget: p.budget,
          direct: false,
          proposalId: d.proposalId,
        },
        { place: p.village },
      );
      return;
    }
    case 'already-applied':
      ctx.log.info('project change already applied', { projectId, changeId });
      return;
    case 'withdrawn':
      // The village withdrew the change before deliberation finished: the decision is kept on the change's record,
      // the project is not changed behind the cadres' backs (they may ask for it again).
      changes.put(ctx.tx, { ...record!, status: 'decided-after-withdrawal', decidedAt: d.decidedAt, proposalId: d.proposalId });
      return;
    case 'foreign-village':
      ctx.log.warn('project-change decision of another village ignored', {
        projectId,
        decisionVillage: d.village,
        projectVillage: project?.village,
      });
      return;
    case 'park': {
      if (await parked.get(ctx.table, projectId, changeId)) return;
      parked.park(ctx.tx, {
        projectId,
        changeId,
        village: d.village,
        proposalId: d.proposalId,
        description: d.change.description,
        ...(d.change.budget !== undefined ? { budget: d.change.budget } : {}),
        decidedAt: d.decidedAt,
        parkedAt: now,
        reason: outcome.reason,
        status: 'parked',
      });
      ctx.log.warn('project-change decision parked', { projectId, changeId, reason: outcome.reason });
      return;
    }
  }
}
