import type { EventData, ProjectAccepted, ProjectOpened, ProjectStageChanged } from '@cocreate/contracts';
import type { EventContext } from '@cocreate/kernel';
import { type ProjectEventFacts, noteProjectEvent, stagedReviewTitle } from '../domain/project-reviews.ts';
import type { ReviewKind } from '../domain/review.ts';
import { projects } from '../repos/projects.ts';
import { openReview } from './reviews.ts';
import { resolveScheme } from './schemes.ts';

const KINDS: readonly ReviewKind[] = ['satisfaction', 'quality'];

/**
 * One path for every project event. A stage's two reviews (satisfaction by the event's beneficiary households,
 * quality by representatives, supervisors and experts) open once, each on the scheme bound for it.
 */
export async function onProjectEvent(e: ProjectEventFacts, ctx: EventContext): Promise<void> {
  const stored = await projects.get(ctx.table, e.projectId);
  const now = ctx.now();
  const { next, open } = noteProjectEvent(stored?.value, e, now.toISOString());
  if (open) {
    for (const kind of KINDS) {
      const review = await openReview(ctx.tx, ctx.register, {
        village: e.village,
        kind,
        title: stagedReviewTitle(next.title, open, kind),
        scheme: await resolveScheme(ctx.table, e.village, kind, open),
        projectId: e.projectId,
        projectTitle: next.title,
        stage: open,
        households: kind === 'satisfaction' ? e.beneficiaries : undefined,
        openedBy: 'cocreate.evaluation',
        now,
      });
      projects.guardStage(ctx.tx, e.projectId, open, kind, review.reviewId);
    }
  }
  projects.put(ctx.tx, next, stored?.version);
}

/** What each project event says, in the one shape `onProjectEvent` takes. */
export const projectEventFacts = {
  opened: (d: EventData<typeof ProjectOpened>): ProjectEventFacts => ({
    projectId: d.projectId,
    village: d.village,
    beneficiaries: d.beneficiaries,
    title: d.title,
    stage: d.stage,
    signal: { type: 'opened' },
  }),
  stageChanged: (d: EventData<typeof ProjectStageChanged>): ProjectEventFacts => ({
    projectId: d.projectId,
    village: d.village,
    beneficiaries: d.beneficiaries,
    stage: d.to,
    signal: { type: 'stage-changed', to: d.to },
  }),
  accepted: (d: EventData<typeof ProjectAccepted>): ProjectEventFacts => ({
    projectId: d.projectId,
    village: d.village,
    beneficiaries: d.beneficiaries,
    signal: { type: 'accepted', acceptance: d.acceptance },
  }),
};
