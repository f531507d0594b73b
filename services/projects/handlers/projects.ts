import { VILLAGE_WATCH } from '@cocreate/places';
import * as z from 'zod';
import { once, Fen, Id, PersonId, PlacePath, ProjectStage, SpaceKind } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import { READERS, projectPlace } from '../app/common.ts';
import {
  getProject as projectOf,
  listParkedDecisions as parkedIn,
  listProjects as projectsOf,
  moveStage as move,
  requestChange as askChange,
  withdrawChange as withdraw,
} from '../app/projects.ts';
import { ProjectView } from '../app/views.ts';
import { ChangeRecord, ParkedDecision, Project } from '../domain/project.ts';
import { DesignReviewData, SurveyData, WillingnessData } from '../domain/stages.ts';

const ProjectParams = once(() => z.object({ projectId: Id }));

export const listProjects = defineRoute({
  method: 'GET',
  path: '/projects/projects',
  operationId: 'listProjects',
  summary: 'A village’s projects (项目库) with stage and derived progress',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath }),
  response: () => z.object({ items: z.array(Project().extend({ progressPercent: z.number() })) }),
  handler: ({ query }, ctx) => projectsOf(query.village, ctx),
});

export const getProject = defineRoute({
  method: 'GET',
  path: '/projects/projects/{projectId}',
  operationId: 'getProject',
  summary: 'A project with its milestones, progress, money by source, contributions and changes',
  auth: { roles: READERS, place: projectPlace },
  params: () => ProjectParams(),
  response: () => ProjectView(),
  handler: ({ params }, ctx) => projectOf(params.projectId, ctx),
});

const FacilityInput = once(() => z.object({ name: z.string().trim().min(1).max(200), kind: SpaceKind, place: PlacePath }));

export const moveStage = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/transitions',
  operationId: 'moveProjectStage',
  summary:
    'Move a project to its next lifecycle stage with the data of the stage it leaves (survey findings, willingness survey, design review); illegal moves are refused with the allowed ones',
  auth: { roles: ['cadre', 'township-official'], place: projectPlace },
  params: () => ProjectParams(),
  body: () =>
    z.object({
      to: ProjectStage,
      note: z.string().trim().max(1000).optional(),
      /** Initial acceptance: the residents' representatives taking part (村民代表参与初验). */
      representatives: z.array(PersonId).min(1).max(50).optional(),
      /** Final acceptance: the public spaces and facilities handed over for long-term management. */
      facilities: z.array(FacilityInput()).max(50).optional(),
      /** Entering the willingness survey: what the survey (摸底排查) found. */
      survey: SurveyData().optional(),
      /** Entering the design review: the willingness survey's result — a renovation's passed consent poll. */
      willingness: WillingnessData().optional(),
      /** Entering the implementation plan: the design review's documents as evidence and its conclusion. */
      designReview: DesignReviewData().optional(),
    }),
  response: () => Project(),
  idempotent: true,
  handler: ({ params, body }, ctx) => move({ ...body, projectId: params.projectId }, ctx),
});

export const requestChange = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/changes',
  operationId: 'requestProjectChange',
  summary: 'Ask for a change: a small budget adjustment applies directly; content or a larger budget move goes to deliberation',
  auth: { roles: ['cadre'], place: projectPlace },
  params: () => ProjectParams(),
  body: () =>
    z.object({
      title: z.string().trim().min(1).max(200),
      description: z.string().trim().min(1).max(5000),
      /** True when what is built changes (scope, location, design): always goes back to deliberation. */
      changesContent: z.boolean(),
      budget: Fen.nonnegative().optional(),
    }),
  response: () => z.object({ change: ChangeRecord(), waitsForDeliberation: z.boolean(), budget: Fen }),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => askChange({ ...body, projectId: params.projectId }, ctx),
});

export const withdrawChange = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/changes/{changeId}/withdraw',
  operationId: 'withdrawProjectChange',
  summary: 'Withdraw a change still waiting for deliberation; the project resumes unchanged',
  auth: { roles: ['cadre'], place: projectPlace },
  params: () => z.object({ projectId: Id, changeId: Id }),
  response: () => ChangeRecord(),
  idempotent: true,
  handler: ({ params }, ctx) => withdraw(params, ctx),
});

export const listParkedDecisions = defineRoute({
  method: 'GET',
  path: '/projects/parked-decisions',
  operationId: 'listParkedProjectDecisions',
  summary: 'Final project-change decisions that could not be applied when they arrived (unknown project or change)',
  auth: { roles: [...VILLAGE_WATCH, 'ops-admin'], place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath }),
  response: () => z.object({ items: z.array(ParkedDecision()) }),
  handler: ({ query }, ctx) => parkedIn(query.village, ctx),
});
