import * as z from 'zod';
import { defineEvent } from '../registry.ts';
import { EvidenceRef, Id, IsoDate, IsoDateTime, PlacePath } from '../primitives.ts';
import { once } from '../once.ts';

/**
 * Events of the campaign programme service (统筹推进): implementation plans filed upward (实施方案备案), tasks with
 * their responsible leader, unit and person (责任领导/责任单位/责任人员), pilot batches and their coverage, helper
 * teams (帮扶团队) and supervision visits (督导). A provincial agency follows the programme on its feed with these.
 */

const ex = {
  county: 'hubei/huanggang/hongan',
  city: 'hubei/huanggang',
  township: 'hubei/huanggang/hongan/qiliping',
  village: 'hubei/huanggang/hongan/qiliping/majiaqiao',
  id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D',
};

/** The levels that run the campaign and write plans: a township files with its county, a county with its city, a city with the province. */
export const ProgrammeLevel = once(() => z.enum(['township', 'county', 'city']));
export type ProgrammeLevel = z.infer<ReturnType<typeof ProgrammeLevel>>;

const Year = once(() => z.number().int().min(2000).max(2100));
const Comments = once(() => z.string().min(1).max(2000));

/** Whose the plan is and which of its versions an event is about. */
const planRef = once(() => ({
  place: PlacePath,
  level: ProgrammeLevel(),
  year: Year(),
  version: z.number().int().positive(),
  /** The level above, which the plan is filed with (备案). */
  filedWith: PlacePath,
}));

/** A plan version was written (a first draft, or a returned plan revised as a new version). */
export const PlanDrafted = defineEvent({
  type: 'PlanDrafted',
  service: 'programme',
  summary: 'A township, county or city wrote (or revised) its implementation plan for a year (实施方案); not yet filed.',
  data: () =>
    z.object({
      ...planRef(),
      goals: z.number().int().nonnegative(),
      tasks: z.number().int().nonnegative(),
      documents: z.array(EvidenceRef),
    }),
  example: { place: ex.county, level: 'county', year: 2026, version: 1, filedWith: ex.city, goals: 3, tasks: 5, documents: [] },
});

/** A plan version was filed with the level above (报送备案). */
export const PlanFiled = defineEvent({
  type: 'PlanFiled',
  service: 'programme',
  summary: 'An implementation plan version was filed with the level above (报送备案); says whether it met the filing deadline.',
  data: () => z.object({ ...planRef(), filedAt: IsoDateTime, due: IsoDate.optional(), late: z.boolean() }),
  example: {
    place: ex.county,
    level: 'county',
    year: 2026,
    version: 1,
    filedWith: ex.city,
    filedAt: '2026-05-12T02:00:00.000Z',
    due: '2026-05-20',
    late: false,
  },
});

/** The level above returned a filed plan with comments (退回修改). */
export const PlanReturned = defineEvent({
  type: 'PlanReturned',
  service: 'programme',
  summary: 'The level above returned a filed implementation plan with its comments; the author revises it as a new version.',
  data: () => z.object({ ...planRef(), comments: Comments(), returnedAt: IsoDateTime }),
  example: {
    place: ex.county,
    level: 'county',
    year: 2026,
    version: 1,
    filedWith: ex.city,
    comments: '责任分工未落实到人',
    returnedAt: '2026-05-14T02:00:00.000Z',
  },
});

/** The level above acknowledged a filed plan (已备案). */
export const PlanAcknowledged = defineEvent({
  type: 'PlanAcknowledged',
  service: 'programme',
  summary: 'The level above acknowledged a filed implementation plan (已备案).',
  data: () => z.object({ ...planRef(), comments: Comments().optional(), acknowledgedAt: IsoDateTime }),
  example: { place: ex.county, level: 'county', year: 2026, version: 2, filedWith: ex.city, acknowledgedAt: '2026-05-18T02:00:00.000Z' },
});

/** A level set the day by which the plans of the levels below it are due (e.g. 5 月 20 日). */
export const FilingDeadlineSet = defineEvent({
  type: 'FilingDeadlineSet',
  service: 'programme',
  summary: 'A city or county set the day by which the plans of the level below are to be filed with it for a year.',
  data: () => z.object({ place: PlacePath, year: Year(), due: IsoDate }),
  example: { place: ex.city, year: 2026, due: '2026-05-20' },
});

/** A measurable target of a task: what is counted, in which unit, and how much by the deadline. */
export const TaskTarget = once(() =>
  z.object({
    measure: z.string().min(1).max(200),
    unit: z.string().min(1).max(20),
    value: z.number().positive(),
  }),
);

/** A task of a plan with its responsible leader, unit and person (责任领导/责任单位/责任人员). */
export const TaskAssigned = defineEvent({
  type: 'TaskAssigned',
  service: 'programme',
  summary: 'A task of a level’s programme was assigned with its responsible leader, unit and person, a deadline and any target.',
  data: () =>
    z.object({
      taskId: Id,
      place: PlacePath,
      year: Year(),
      title: z.string().min(1).max(200),
      leader: z.string().min(1).max(100),
      unit: z.string().min(1).max(200),
      person: z.string().min(1).max(100),
      due: IsoDate,
      target: TaskTarget().optional(),
    }),
  example: {
    taskId: ex.id,
    place: ex.township,
    year: 2026,
    title: '完成2个试点村美好环境共同缔造项目',
    leader: '张镇长',
    unit: '七里坪镇建设办',
    person: '李干事',
    due: '2026-10-31',
    target: { measure: '试点村项目竣工', unit: '个', value: 2 },
  },
});

/** Someone responsible reported on a task (进展报告), with evidence. */
export const TaskReported = defineEvent({
  type: 'TaskReported',
  service: 'programme',
  summary: 'A status report on a task: the progress note, the measured value reached so far and whether the task is done.',
  data: () =>
    z.object({
      taskId: Id,
      place: PlacePath,
      reportNo: z.number().int().positive(),
      achieved: z.number().nonnegative().optional(),
      done: z.boolean(),
      reportedOn: IsoDate,
      evidence: z.array(EvidenceRef),
    }),
  example: { taskId: ex.id, place: ex.township, reportNo: 1, achieved: 1, done: false, reportedOn: '2026-07-01', evidence: [] },
});

/** What has to have happened in a village for it to count as covered by a batch. */
export const CoverageMilestone = once(() =>
  z.enum([
    'decision-final', // a decision of the village became final (四议两公开 done, filed with the township)
    'project-accepted', // a project of the village passed final acceptance (竣工验收)
    'assessed', // the village's participation was assessed (效果共评)
  ]),
);
export type CoverageMilestone = z.infer<ReturnType<typeof CoverageMilestone>>;

/** A coverage target: a number of villages (累计完成16个村) and/or a share of the scope's villages (覆盖 30 %). */
export const CoverageTarget = once(() =>
  z.object({
    villages: z.number().int().positive().optional(),
    percent: z.number().positive().max(100).optional(),
  }),
);

/** A batch of pilot or demonstration villages (试点村/示范村) was declared. */
export const BatchDeclared = defineEvent({
  type: 'BatchDeclared',
  service: 'programme',
  summary: 'A level declared a batch of pilot or demonstration villages for a year, with its coverage target.',
  data: () =>
    z.object({
      batchId: Id,
      place: PlacePath,
      year: Year(),
      kind: z.enum(['pilot', 'demonstration']),
      name: z.string().min(1).max(200),
      villages: z.array(PlacePath),
      coveredWhen: z.array(CoverageMilestone()),
      target: CoverageTarget(),
      /** Villages (and communities) in the place when declared: what a percent target is a share of. */
      scopeVillages: z.number().int().nonnegative(),
      covered: z.number().int().nonnegative(),
    }),
  example: {
    batchId: ex.id,
    place: ex.county,
    year: 2026,
    kind: 'pilot',
    name: '2026年第一批共同缔造试点村',
    villages: [ex.village],
    coveredWhen: ['decision-final', 'project-accepted'],
    target: { villages: 1 },
    scopeVillages: 8,
    covered: 0,
  },
});

/** A village of a batch reached every milestone the batch counts: the batch's coverage rose. */
export const BatchVillageCovered = defineEvent({
  type: 'BatchVillageCovered',
  service: 'programme',
  summary: 'A village of a pilot batch reached what the batch counts (from the other services’ events); the coverage rose.',
  data: () =>
    z.object({
      batchId: Id,
      place: PlacePath,
      village: PlacePath,
      covered: z.number().int().nonnegative(),
      villages: z.number().int().nonnegative(),
      target: CoverageTarget(),
      targetMet: z.boolean(),
    }),
  example: { batchId: ex.id, place: ex.county, village: ex.village, covered: 1, villages: 1, target: { villages: 1 }, targetMet: true },
});

export const HelperTeamKind = once(() =>
  z.enum([
    'helper-team', // 帮扶团队
    'village-work-team', // 驻村工作队
    'award-counsellor', // 以奖代补项目辅导员
  ]),
);

/** A helper team was formed for a village, with its members and their terms. */
export const HelperTeamFormed = defineEvent({
  type: 'HelperTeamFormed',
  service: 'programme',
  summary: 'A helper team (帮扶团队, 驻村工作队, 项目辅导员) was formed for a village with its members and their terms.',
  data: () =>
    z.object({
      teamId: Id,
      village: PlacePath,
      kind: HelperTeamKind(),
      name: z.string().min(1).max(200),
      members: z.array(z.object({ name: z.string(), unit: z.string(), from: IsoDate, until: IsoDate.optional() })),
    }),
  example: {
    teamId: ex.id,
    village: ex.village,
    kind: 'helper-team',
    name: '马家桥村帮扶团队',
    members: [{ name: '王规划师', unit: '县住建局', from: '2026-03-01', until: '2026-12-31' }],
  },
});

/** A supervision visit (督导) was recorded with its findings and rectification items. */
export const SupervisionRecorded = defineEvent({
  type: 'SupervisionRecorded',
  service: 'programme',
  summary: 'A supervision visit (督导) was recorded at a place with its findings and rectification items, each with a deadline.',
  data: () =>
    z.object({
      visitId: Id,
      place: PlacePath,
      visitedOn: IsoDate,
      findings: z.array(z.string()),
      items: z.array(z.object({ no: z.number().int().positive(), text: z.string(), due: IsoDate })),
    }),
  example: {
    visitId: ex.id,
    place: ex.village,
    visitedOn: '2026-06-10',
    findings: ['项目公示栏未更新'],
    items: [{ no: 1, text: '更新公示栏', due: '2026-06-30' }],
  },
});

/** A rectification item of a supervision visit was closed (整改到位). */
export const SupervisionItemClosed = defineEvent({
  type: 'SupervisionItemClosed',
  service: 'programme',
  summary: 'A rectification item of a supervision visit was closed, on time or late, with its evidence.',
  data: () =>
    z.object({
      visitId: Id,
      place: PlacePath,
      no: z.number().int().positive(),
      closedOn: IsoDate,
      late: z.boolean(),
      evidence: z.array(EvidenceRef),
    }),
  example: { visitId: ex.id, place: ex.village, no: 1, closedOn: '2026-06-25', late: false, evidence: [] },
});

export const programmeEvents = [
  PlanDrafted,
  PlanFiled,
  PlanReturned,
  PlanAcknowledged,
  FilingDeadlineSet,
  TaskAssigned,
  TaskReported,
  BatchDeclared,
  BatchVillageCovered,
  HelperTeamFormed,
  SupervisionRecorded,
  SupervisionItemClosed,
] as const;
