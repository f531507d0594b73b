import { z } from 'zod';
import {
  FacilitiesHandedOver,
  Fen,
  Id,
  PersonId,
  PlacePath,
  ProjectAccepted,
  ProjectChangeApplied,
  ProjectChangeRequested,
  ProjectChangeWithdrawn,
  ProjectStage,
  ProjectStageChanged,
  SpaceKind,
} from '@cocreate/contracts';
import { defineRoute, newId, problems } from '@cocreate/kernel';
import { isWithin } from '@cocreate/places';
import { DEFAULT_MAJOR_CHANGE_SHARE_BP, classifyChange } from '../domain/change.ts';
import { chinaDate } from '../domain/dates.ts';
import { CHANGEABLE_STAGES, type TransitionRefusal, acceptanceOf, checkTransition, stageLabels } from '../domain/lifecycle.ts';
import { type Amendment, ChangeRecord, type Facility, ParkedDecision, Project } from '../domain/project.ts';
import { changes, ledger, milestones, parked, projects, settings } from '../store.ts';
import { READERS, countyOf, loadProject, projectPlace, requireCommittee } from './common.ts';
import { ProjectView, projectFunds, projectView } from './views.ts';

const ProjectParams = z.object({ projectId: Id });

export const listProjects = defineRoute({
  method: 'GET',
  path: '/projects/projects',
  operationId: 'listProjects',
  summary: 'A village’s projects (项目库) with stage and derived progress',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath }),
  response: z.object({ items: z.array(Project.extend({ progressPercent: z.number() })) }),
  handler: async ({ query }, ctx) => {
    const list = await projects.listByVillage(ctx.table, query.village);
    const items = await Promise.all(
      list.map(async (p) => {
        const ms = await milestones.list(ctx.table, p.projectId);
        const total = ms.reduce((s, m) => s + m.weight, 0);
        const done = ms.filter((m) => m.status === 'completed').reduce((s, m) => s + m.weight, 0);
        return { ...p, progressPercent: total ? Math.floor((done * 1000) / total) / 10 : 0 };
      }),
    );
    return { items };
  },
});

export const getProject = defineRoute({
  method: 'GET',
  path: '/projects/projects/{projectId}',
  operationId: 'getProject',
  summary: 'A project with its milestones, progress, money by source, contributions and changes',
  auth: { roles: READERS, place: projectPlace },
  params: ProjectParams,
  response: ProjectView,
  handler: async ({ params }, ctx) => projectView(ctx.table, await loadProject(ctx, params.projectId)),
});

const FacilityInput = z.object({ name: z.string().trim().min(1).max(200), kind: SpaceKind, place: PlacePath });

export const moveStage = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/transitions',
  operationId: 'moveProjectStage',
  summary: 'Move a project to its next lifecycle stage (illegal moves are refused with the allowed ones)',
  auth: { roles: ['cadre', 'township-official'], place: projectPlace },
  params: ProjectParams,
  body: z.object({
    to: ProjectStage,
    note: z.string().trim().max(1000).optional(),
    /** Initial acceptance: the residents' representatives taking part (村民代表参与初验). */
    representatives: z.array(PersonId).min(1).max(50).optional(),
    /** Final acceptance: the public spaces and facilities handed over for long-term management. */
    facilities: z.array(FacilityInput).max(50).optional(),
  }),
  response: Project,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const project = await loadProject(ctx, params.projectId);
    if (ctx.actor.role === 'cadre') await requireCommittee(ctx, project.village);
    const [ms, allocations, assembly] = await Promise.all([
      milestones.list(ctx.table, project.projectId),
      body.to === 'final-accounts' ? ledger.projectAccounts(ctx.table, project.village, 'alloc', project.projectId) : Promise.resolve([]),
      // Representatives take part in the acceptance held today: the assembly as it sits on this day.
      body.representatives
        ? ctx.register.body(project.village, 'representatives-assembly', chinaDate(ctx.now()))
        : Promise.resolve(undefined),
    ]);
    const verdict = checkTransition(
      {
        stage: project.stage,
        changePending: project.pendingChange !== undefined,
        milestones: ms.map((m) => ({ milestoneId: m.milestoneId, title: m.title, completed: m.status === 'completed' })),
        heldMoney: allocations.reduce((sum, a) => sum + (a.held ?? 0), 0),
        ...(body.representatives
          ? {
              representatives: body.representatives.map((person) => ({
                person,
                isRepresentative: assembly?.members.includes(person) ?? false,
              })),
            }
          : {}),
      },
      body.to,
    );
    if ('refused' in verdict) throw transitionProblem(verdict, project, body.to);
    if (allocations.length > 90) {
      // Closing the books checks every allocation account in one transaction (DynamoDB holds 100 writes).
      throw problems.rule('too-many-sources', {
        zh: '该项目的资金来源过多，无法一次决算，请联系运维。',
        en: 'The project draws on too many sources to close in one step; contact operations.',
      });
    }
    if (body.facilities && body.to !== 'final-acceptance') {
      throw problems.rule(
        'facilities-at-final-acceptance',
        { zh: '设施只在竣工验收时移交。', en: 'Facilities are handed over at final acceptance only.' },
        {},
        [
          {
            in: 'body',
            pointer: '/facilities',
            rule: 'final-acceptance-only',
            message: { zh: '仅用于 to = final-acceptance', en: 'only with to = final-acceptance' },
          },
        ],
      );
    }
    const outside = (body.facilities ?? []).map((f, i) => ({ f, i })).filter(({ f }) => !isWithin(f.place, project.village));
    if (outside.length) {
      throw problems.rule(
        'facility-outside-village',
        { zh: '移交的设施须位于本村。', en: 'Handed-over facilities must lie in the project’s village.' },
        {},
        outside.map(({ i }) => ({
          in: 'body' as const,
          pointer: `/facilities/${i}/place`,
          rule: 'within-village',
          message: { zh: `须在 ${project.village} 之内`, en: `must lie within ${project.village}` },
        })),
      );
    }
    const now = ctx.now().toISOString();
    const facilities: Facility[] = (body.facilities ?? []).map((f) => ({ facilityId: newId(), ...f }));
    const move = { from: project.stage, to: body.to, at: now, by: ctx.actor.sub, ...(body.note ? { note: body.note } : {}) };
    projects.patch(
      ctx.tx,
      project,
      { stage: body.to, updatedAt: now, ...(facilities.length ? { facilities } : {}) },
      { append: { stageHistory: [move] } },
    );
    // The books close only if nothing is held at commit: a request holding money meanwhile makes this recompute
    // (and a request after it finds the project no longer spending).
    for (const a of allocations) ledger.checkNothingHeld(ctx.tx, project.village, a.account);
    ctx.tx.emit(
      ProjectStageChanged,
      { projectId: project.projectId, village: project.village, from: project.stage, to: body.to, beneficiaries: project.beneficiaries },
      { place: project.village },
    );
    const acceptance = acceptanceOf(body.to);
    if (acceptance) {
      const f = await projectFunds(ctx.table, project);
      ctx.tx.emit(
        ProjectAccepted,
        {
          projectId: project.projectId,
          proposalId: project.proposalId,
          village: project.village,
          acceptance,
          acceptedAt: now,
          beneficiaries: project.beneficiaries,
          spent: f.spent,
          budget: project.budget,
        },
        { place: project.village },
      );
    }
    if (body.to === 'final-acceptance' && facilities.length) {
      ctx.tx.emit(FacilitiesHandedOver, { projectId: project.projectId, village: project.village, facilities }, { place: project.village });
    }
    return {
      ...project,
      stage: body.to,
      updatedAt: now,
      version: project.version + 1,
      stageHistory: [...project.stageHistory, move],
      ...(facilities.length ? { facilities } : {}),
    };
  },
});

function transitionProblem(r: TransitionRefusal, project: Project, to: string) {
  switch (r.refused) {
    case 'illegal-transition':
      return problems.conflict(
        'illegal-transition',
        {
          zh: `项目处于“${stageLabels[project.stage].zh}”，不能转到“${to}”；可转入：${r.allowed.map((s) => stageLabels[s].zh).join('、') || '无'}。`,
          en: `The project is at ${project.stage} and cannot move to ${to}; allowed next: ${r.allowed.join(', ') || 'none'}.`,
        },
        { stage: project.stage, allowed: r.allowed },
      );
    case 'change-pending':
      return problems.conflict(
        'change-pending',
        {
          zh: '项目有待审议的重大变更，决定前暂停推进。',
          en: 'A major change awaits deliberation; the project waits until it is decided or withdrawn.',
        },
        { changeId: project.pendingChange?.changeId },
      );
    case 'no-milestones':
      return problems.conflict('no-milestones', { zh: '项目没有任何节点，无法验收。', en: 'The project has no milestones to accept.' });
    case 'milestones-open':
      return problems.conflict(
        'milestones-open',
        { zh: '仍有未完成的节点，不能初验。', en: 'Milestones are still open; initial acceptance needs every one complete.' },
        { open: r.open },
      );
    case 'representatives-required':
      return problems.rule(
        'representatives-required',
        { zh: '初步验收须有村民代表参加。', en: 'Initial acceptance needs residents’ representatives present.' },
        {},
        [
          {
            in: 'body',
            pointer: '/representatives',
            rule: 'required',
            message: { zh: '请列出参加的代表', en: 'name the representatives taking part' },
          },
        ],
      );
    case 'not-representatives':
      return problems.rule(
        'not-representatives',
        { zh: '所列人员不是本村村民代表。', en: 'Some of the people named are not villager representatives here.' },
        { people: r.people },
        [
          {
            in: 'body',
            pointer: '/representatives',
            rule: 'representatives-assembly',
            message: `not representatives: ${r.people.join(', ')}`,
          },
        ],
      );
    case 'disbursements-open':
      return problems.conflict(
        'disbursements-open',
        { zh: '仍有未结的拨付申请，不能决算。', en: 'Disbursements are still awaiting approval; settle them before the final accounts.' },
        { held: r.held },
      );
  }
}

const ChangeBody = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(5000),
  /** True when what is built changes (scope, location, design): always goes back to deliberation. */
  changesContent: z.boolean(),
  budget: Fen.nonnegative().optional(),
});

export const requestChange = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/changes',
  operationId: 'requestProjectChange',
  summary: 'Ask for a change: a small budget adjustment applies directly; content or a larger budget move goes to deliberation',
  auth: { roles: ['cadre'], place: projectPlace },
  params: ProjectParams,
  body: ChangeBody,
  response: z.object({ change: ChangeRecord, waitsForDeliberation: z.boolean(), budget: Fen }),
  status: 201,
  idempotent: true,
  handler: async ({ params, body }, ctx) => {
    const project = await loadProject(ctx, params.projectId);
    await requireCommittee(ctx, project.village);
    if (!CHANGEABLE_STAGES.includes(project.stage)) {
      throw problems.conflict(
        'not-changeable',
        { zh: '项目已进入决算，不能再变更。', en: 'The project is past the point where it can change.' },
        { stage: project.stage },
      );
    }
    if (project.pendingChange) {
      throw problems.conflict(
        'change-pending',
        { zh: '已有一项变更在审议中。', en: 'Another change is already waiting for deliberation.' },
        { changeId: project.pendingChange.changeId },
      );
    }
    const share = (await settings.get(ctx.table, countyOf(project.village)))?.majorChangeShareBp ?? DEFAULT_MAJOR_CHANGE_SHARE_BP;
    const cls = classifyChange(
      project.budget,
      { changesContent: body.changesContent, ...(body.budget !== undefined ? { budget: body.budget } : {}) },
      share,
    );
    if ('refused' in cls) {
      throw problems.rule(
        'empty-change',
        { zh: '变更既未改变内容也未改变预算。', en: 'The change alters neither content nor budget.' },
        {},
        [
          {
            in: 'body',
            pointer: '/budget',
            rule: 'changes-something',
            message: { zh: '请给出不同的预算，或设置 changesContent', en: 'give a different budget or set changesContent' },
          },
        ],
      );
    }
    const now = ctx.now().toISOString();
    const record: ChangeRecord = {
      changeId: newId(),
      projectId: project.projectId,
      title: body.title,
      description: body.description,
      ...(body.budget !== undefined ? { budget: body.budget } : {}),
      previousBudget: project.budget,
      changesContent: body.changesContent,
      class: cls.kind,
      status: cls.kind === 'minor' ? 'applied' : 'pending',
      requestedBy: ctx.actor.sub,
      requestedAt: now,
    };
    changes.put(ctx.tx, record);
    if (cls.kind === 'minor') {
      const amendment: Amendment = {
        changeId: record.changeId,
        description: body.description,
        previousBudget: project.budget,
        budget: body.budget!,
        direct: true,
        appliedAt: now,
      };
      projects.patch(ctx.tx, project, { budget: body.budget!, updatedAt: now }, { append: { amendments: [amendment] } });
      ctx.tx.emit(
        ProjectChangeApplied,
        {
          projectId: project.projectId,
          changeId: record.changeId,
          village: project.village,
          description: body.description,
          budget: body.budget!,
          previousBudget: project.budget,
          direct: true,
        },
        { place: project.village },
      );
      return { change: record, waitsForDeliberation: false, budget: body.budget! };
    }
    projects.patch(ctx.tx, project, {
      pendingChange: {
        changeId: record.changeId,
        title: body.title,
        description: body.description,
        ...(body.budget !== undefined ? { budget: body.budget } : {}),
        changesContent: body.changesContent,
        requestedBy: ctx.actor.sub,
        requestedAt: now,
      },
      updatedAt: now,
    });
    ctx.tx.emit(
      ProjectChangeRequested,
      {
        projectId: project.projectId,
        changeId: record.changeId,
        village: project.village,
        title: body.title,
        description: body.description,
        ...(body.budget !== undefined ? { budget: body.budget } : {}),
        previousBudget: project.budget,
        requestedBy: ctx.actor.sub,
      },
      { place: project.village },
    );
    return { change: record, waitsForDeliberation: true, budget: project.budget };
  },
});

export const withdrawChange = defineRoute({
  method: 'POST',
  path: '/projects/projects/{projectId}/changes/{changeId}/withdraw',
  operationId: 'withdrawProjectChange',
  summary: 'Withdraw a change still waiting for deliberation; the project resumes unchanged',
  auth: { roles: ['cadre'], place: projectPlace },
  params: z.object({ projectId: Id, changeId: Id }),
  response: ChangeRecord,
  idempotent: true,
  handler: async ({ params }, ctx) => {
    const project = await loadProject(ctx, params.projectId);
    await requireCommittee(ctx, project.village);
    const record = await changes.get(ctx.table, project.projectId, params.changeId);
    if (!record) throw problems.notFound({ zh: '变更', en: 'The change' });
    if (project.pendingChange?.changeId !== params.changeId) {
      throw problems.conflict(
        'change-not-pending',
        { zh: '该变更不在审议中。', en: 'That change is not waiting for deliberation.' },
        { current: record.status },
      );
    }
    const now = ctx.now().toISOString();
    projects.patch(ctx.tx, project, { updatedAt: now }, { removePending: true });
    const withdrawn: ChangeRecord = { ...record, status: 'withdrawn' };
    changes.put(ctx.tx, withdrawn);
    ctx.tx.emit(
      ProjectChangeWithdrawn,
      { projectId: project.projectId, changeId: params.changeId, village: project.village, withdrawnBy: ctx.actor.sub },
      { place: project.village },
    );
    return withdrawn;
  },
});

export const listParkedDecisions = defineRoute({
  method: 'GET',
  path: '/projects/parked-decisions',
  operationId: 'listParkedProjectDecisions',
  summary: 'Final project-change decisions that could not be applied when they arrived (unknown project or change)',
  auth: { roles: ['cadre', 'supervisor', 'township-official', 'county-official', 'ops-admin'], place: ({ query }) => query.village },
  query: z.object({ village: PlacePath }),
  response: z.object({ items: z.array(ParkedDecision) }),
  handler: async ({ query }, ctx) => ({ items: await parked.listByVillage(ctx.table, query.village) }),
});
