import { ProjectAccepted, ProjectOpened, ProjectStage, ProjectStageChanged } from '@cocreate/contracts';
import { type EventContext, defineSubscription } from '@cocreate/kernel';
import { type ProjectSignal, openingDecision, reviewStageFor, stagedReviewTitle } from '../domain/project-reviews.ts';
import type { ReviewKind } from '../domain/review.ts';
import { type ProjectRecord, projects } from '../store.ts';
import { openReview } from './review-lifecycle.ts';
import { resolveScheme } from './schemes.ts';

interface Signal {
  projectId: string;
  village: string;
  beneficiaries: readonly string[];
  title?: string | undefined;
  stage?: string | undefined;
  signal: ProjectSignal;
}

const KINDS: readonly ReviewKind[] = ['satisfaction', 'quality'];

/**
 * One path for every project event, whatever order they arrive in. The project record starts as a placeholder if
 * the first event we see is not ProjectOpened (e.g. ProjectAccepted first) and is filled in when it comes. A stage's
 * two reviews (satisfaction by the event's beneficiary households, quality by representatives, supervisors and
 * experts) open once; an earlier stage arriving after a later one is noted as superseded, not opened.
 */
async function onProjectSignal(s: Signal, ctx: EventContext): Promise<void> {
  const stored = await projects.get(ctx.table, s.projectId);
  const now = ctx.now();
  const { version, ...rest } = stored ?? { version: undefined };
  const project: ProjectRecord = stored
    ? { ...(rest as ProjectRecord) }
    : { projectId: s.projectId, village: s.village, reviewedStages: [], superseded: [], known: false, updatedAt: now.toISOString() };
  if (s.signal.type === 'opened') project.known = true;
  if (s.title) project.title = s.title;
  // Stage changes may arrive out of order: keep the furthest stage seen.
  const order = (x: string | undefined) => (x ? ProjectStage.options.indexOf(x as ProjectStage) : -1);
  if (s.stage && order(s.stage) > order(project.stage)) project.stage = s.stage;
  project.updatedAt = now.toISOString();

  const stage = reviewStageFor(s.signal);
  if (stage) {
    const decision = openingDecision(stage, project.reviewedStages);
    if (decision === 'open') {
      for (const kind of KINDS) {
        const scheme = await resolveScheme(ctx.table, s.village, kind, stage);
        const { place: _place, ...snapshot } = scheme as typeof scheme & { place?: string };
        const review = await openReview(ctx.tx, ctx.register, {
          village: s.village,
          kind,
          title: stagedReviewTitle(project.title, stage, kind),
          scheme: snapshot,
          projectId: s.projectId,
          projectTitle: project.title,
          stage,
          households: kind === 'satisfaction' ? s.beneficiaries : undefined,
          openedBy: 'cocreate.evaluation',
          now,
        });
        projects.guardStage(ctx.tx, s.projectId, stage, kind, review.reviewId);
      }
      project.reviewedStages = [...project.reviewedStages, stage];
    } else if (decision === 'superseded' && !project.superseded.includes(stage)) {
      project.superseded = [...project.superseded, stage];
    }
  }
  projects.put(ctx.tx, project, version);
}

export const onProjectOpened = defineSubscription({
  name: 'project-opened',
  summary: 'A project opened: open its before-stage reviews (事前预评, the plan)',
  events: [ProjectOpened],
  handler: async (event, ctx) => {
    const d = event.data;
    await onProjectSignal(
      {
        projectId: d.projectId,
        village: d.village,
        beneficiaries: d.beneficiaries,
        title: d.title,
        stage: d.stage,
        signal: { type: 'opened' },
      },
      ctx,
    );
  },
});

export const onProjectStageChanged = defineSubscription({
  name: 'project-stage-changed',
  summary: 'A project entered construction: open its during-stage reviews (事中评价, build quality)',
  events: [ProjectStageChanged],
  handler: async (event, ctx) => {
    const d = event.data;
    await onProjectSignal(
      {
        projectId: d.projectId,
        village: d.village,
        beneficiaries: d.beneficiaries,
        stage: d.to,
        signal: { type: 'stage-changed', to: d.to },
      },
      ctx,
    );
  },
});

export const onProjectAccepted = defineSubscription({
  name: 'project-accepted',
  summary: 'A project passed final acceptance: open its after-stage reviews (事后评估, the benefit), beneficiaries only',
  events: [ProjectAccepted],
  handler: async (event, ctx) => {
    const d = event.data;
    await onProjectSignal(
      {
        projectId: d.projectId,
        village: d.village,
        beneficiaries: d.beneficiaries,
        signal: { type: 'accepted', acceptance: d.acceptance },
      },
      ctx,
    );
  },
});

export const projectSubscriptions = [onProjectOpened, onProjectStageChanged, onProjectAccepted];
