import { z } from 'zod';
import { EvidenceRef, Id, IsoDate, MilestoneCompleted } from '@cocreate/contracts';
import { EvidenceUploadRequest, defineRoute, newId, problems } from '@cocreate/kernel';
import { BUILDING_STAGES, PLANNING_STAGES } from '../domain/lifecycle.ts';
import { type CompletionRefusal, canPlanMilestones, checkCompletion, progressOf } from '../domain/milestones.ts';
import { Milestone } from '../domain/project.ts';
import { milestones, projects } from '../store.ts';
import { loadProject, projectPlace, requireCommittee } from './common.ts';

const ProjectParams = z.object({ projectId: Id });

export const addMilestone = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/milestones',
  operationId: 'addMilestone',
  summary: 'Plan a milestone with its weight; mark hidden works (隐蔽工程) that need photo or video evidence',
  auth: { roles: ['cadre'], place: projectPlace },
  params: ProjectParams,
  body: z.object({
    title: z.string().trim().min(1).max(200),
    weight: z.number().int().min(1).max(1000),
    hiddenWorks: z.boolean().default(false),
    due: IsoDate.optional(),
  }),
  response: Milestone,
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const project = await loadProject(ctx, params.projectId);
    await requireCommittee(ctx, project.village);
    if (!canPlanMilestones(project.stage)) {
      throw problems.conflict(
        'milestones-frozen',
        { zh: '项目已进入验收，不能再增加节点。', en: 'The project is past construction; milestones can no longer be added.' },
        { stage: project.stage, allowedStages: PLANNING_STAGES },
      );
    }
    const now = ctx.now().toISOString();
    const m: Milestone = {
      milestoneId: newId(),
      projectId: project.projectId,
      title: body.title,
      weight: body.weight,
      hiddenWorks: body.hiddenWorks,
      ...(body.due ? { due: body.due } : {}),
      status: 'open',
      evidence: [],
      createdAt: now,
    };
    milestones.create(ctx.tx, m, 'retry');
    // Bumps the project's version, so an initial acceptance judged on the old milestone list cannot commit.
    projects.patch(ctx.tx, project, { updatedAt: now });
    return m;
  },
});

export const completeMilestone = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/milestones/{milestoneId}/complete',
  operationId: 'completeMilestone',
  summary: 'Complete a milestone; hidden works only with photo or video evidence already uploaded',
  auth: { roles: ['cadre', 'contractor'], place: projectPlace },
  params: z.object({ projectId: Id, milestoneId: Id }),
  body: z.object({ evidence: z.array(EvidenceRef).max(20).default([]), note: z.string().trim().max(1000).optional() }),
  response: z.object({
    milestone: Milestone,
    progress: z.object({ completedWeight: z.number(), totalWeight: z.number(), percent: z.number() }),
  }),
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const project = await loadProject(ctx, params.projectId);
    const list = await milestones.list(ctx.table, project.projectId);
    const m = list.find((x) => x.milestoneId === params.milestoneId);
    if (!m) throw problems.notFound({ zh: '节点', en: 'The milestone' });
    // Every reference must lie under this project's village and exist in the bucket before it is accepted.
    const verified = await Promise.all(body.evidence.map((ref, i) => ctx.evidence.verify(ref, project.village, `/evidence/${i}`)));
    const verdict = checkCompletion(project.stage, { hiddenWorks: m.hiddenWorks, completed: m.status === 'completed' }, verified);
    if ('refused' in verdict) throw completionProblem(verdict);
    const now = ctx.now().toISOString();
    const done: Milestone = { ...m, status: 'completed', completedAt: now, completedBy: ctx.actor.sub, evidence: verified };
    milestones.complete(
      ctx.tx,
      done,
      problems.conflict('already-completed', { zh: '该节点已完成。', en: 'The milestone is already complete.' }),
    );
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
  },
});

function completionProblem(r: CompletionRefusal) {
  switch (r.refused) {
    case 'not-building':
      return problems.conflict(
        'not-building',
        { zh: '只有施工或整改阶段才能完成节点。', en: 'Milestones complete only during construction or rectification.' },
        { stage: r.stage, allowedStages: BUILDING_STAGES },
      );
    case 'already-completed':
      return problems.conflict('already-completed', { zh: '该节点已完成。', en: 'The milestone is already complete.' });
    case 'evidence-required':
      return problems.rule(
        'evidence-required',
        { zh: '隐蔽工程须上传照片或视频后才能完成。', en: 'Hidden works need photo or video evidence before they are covered.' },
        {},
        [
          {
            in: 'body',
            pointer: '/evidence',
            rule: 'hidden-works-evidence',
            message: { zh: '至少一张已上传的照片或视频', en: 'at least one uploaded photo or video' },
          },
        ],
      );
    case 'evidence-not-photo-or-video':
      return problems.rule(
        'evidence-not-photo-or-video',
        { zh: '隐蔽工程的证据须为照片或视频。', en: 'Hidden-works evidence must be a photo or a video.' },
        { keys: r.keys },
        [
          {
            in: 'body',
            pointer: '/evidence',
            rule: 'photo-or-video',
            message: { zh: '仅限 image/* 或 video/*', en: 'image/* or video/* only' },
          },
        ],
      );
  }
}

export const EvidenceUpload = z.object({
  key: z.string(),
  uploadUrl: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

export const createEvidenceUpload = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/evidence-uploads',
  operationId: 'createProjectEvidenceUpload',
  summary: 'A presigned URL to upload a photo, video or document for this project (e.g. hidden works before covering)',
  auth: { roles: ['cadre', 'contractor', 'supervisor'], place: projectPlace },
  params: ProjectParams,
  body: EvidenceUploadRequest,
  response: EvidenceUpload,
  status: 201,
  handler: async ({ params, body }, ctx) => {
    const project = await loadProject(ctx, params.projectId);
    return ctx.evidence.presignUpload(project.village, body);
  },
});
