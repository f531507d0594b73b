import { type EvidenceRef, MilestoneCompleted } from '@cocreate/contracts';
import { type EvidenceUploadRequest, type RouteContext, newId, problems } from '@cocreate/kernel';
import { checkPlanning } from '../domain/lifecycle.ts';
import { type Progress, checkCompletion, progressOf } from '../domain/milestones.ts';
import type { Milestone } from '../domain/project.ts';
import { publicPhotosOf } from '../domain/photos.ts';
import { photos } from '../repos/photos.ts';
import { milestones, projects } from '../repos/projects.ts';
import { loadProject, refuse, requireCommittee, settled } from './common.ts';

export interface AddMilestone {
  projectId: string;
  title: string;
  weight: number;
  hiddenWorks: boolean;
  due?: string | undefined;
}

/** Plans a milestone with its weight (hidden works need photo or video evidence to complete). */
export async function addMilestone(cmd: AddMilestone, ctx: RouteContext): Promise<Milestone> {
  const project = await loadProject(ctx, cmd.projectId);
  await requireCommittee(ctx, project.village);
  settled(checkPlanning(project.stage));
  const now = ctx.now().toISOString();
  const m: Milestone = {
    milestoneId: newId(),
    projectId: project.projectId,
    title: cmd.title,
    weight: cmd.weight,
    hiddenWorks: cmd.hiddenWorks,
    ...(cmd.due ? { due: cmd.due } : {}),
    status: 'open',
    evidence: [],
    createdAt: now,
  };
  milestones.create(ctx.tx, m, 'retry');
  // Bumps the project's version, so an initial acceptance judged on the old milestone list cannot commit.
  projects.patch(ctx.tx, project, { updatedAt: now });
  return m;
}

export interface CompleteMilestone {
  projectId: string;
  milestoneId: string;
  evidence: EvidenceRef[];
  note?: string | undefined;
  /** Shown with the milestone's photos on the public board. */
  caption?: string | undefined;
}

/** Completes a milestone; hidden works only with photo or video evidence already uploaded. */
export async function completeMilestone(cmd: CompleteMilestone, ctx: RouteContext): Promise<{ milestone: Milestone; progress: Progress }> {
  const project = await loadProject(ctx, cmd.projectId);
  const list = await milestones.list(ctx.table, project.projectId);
  const m = list.find((x) => x.milestoneId === cmd.milestoneId);
  if (!m) throw problems.notFound({ zh: '节点', en: 'The milestone' });
  // Every reference must lie under this project's village and exist in the bucket before it is accepted.
  const verified = await Promise.all(cmd.evidence.map((ref, i) => ctx.evidence.verify(ref, project.village, `/evidence/${i}`)));
  settled(checkCompletion(project.stage, { hiddenWorks: m.hiddenWorks, completed: m.status === 'completed' }, verified), '/evidence');
  const now = ctx.now().toISOString();
  const done: Milestone = {
    ...m,
    status: 'completed',
    completedAt: now,
    completedBy: ctx.actor.sub,
    evidence: verified,
    ...(cmd.caption ? { caption: cmd.caption } : {}),
  };
  milestones.complete(ctx.tx, done, refuse('already-completed'));
  // 现场照片: its verified pictures go on the public board in the same unit (a refused completion publishes none).
  for (const photo of publicPhotosOf(done, project.stage, verified, now)) photos.put(ctx.tx, photo);
  // Bumps the version read: a concurrent stage move or completion makes this recompute (exact progress in the event).
  projects.patch(ctx.tx, project, { updatedAt: now });
  const progress = progressOf(
    list.map((x) => ({ weight: x.weight, completed: x.status === 'completed' || x.milestoneId === m.milestoneId })),
  );
  ctx.tx.emit(
    MilestoneCompleted,
    {
      projectId: project.projectId,
      milestoneId: m.milestoneId,
      village: project.village,
      title: m.title,
      weight: m.weight,
      hiddenWorks: m.hiddenWorks,
      evidenceCount: verified.length,
      progressPercent: progress.percent,
      completedAt: now,
    },
    { place: project.village },
  );
  return { milestone: done, progress };
}

/** A presigned URL to upload evidence for the project, under its village. */
export async function createEvidenceUpload(projectId: string, request: EvidenceUploadRequest, ctx: RouteContext) {
  const project = await loadProject(ctx, projectId);
  return ctx.evidence.presignUpload(project.village, request);
}
