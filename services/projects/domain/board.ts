import * as z from 'zod';
import { once, Builder, Fen, FundSource, ProjectStage, WorkCategory } from '@cocreate/contracts';
import { maskName } from '@cocreate/places';
import { type Disbursement, DisbursementStatus, type Purpose } from './disbursements.ts';
import { stageLabels } from './lifecycle.ts';
import type { Progress } from './milestones.ts';

/**
 * The village disclosure board (村务公开栏, 公开): every project with stage, budget, sources, schedule, progress,
 * contributions and every disbursement — names masked as public notices mask them (张*明). Pure: the handler
 * gathers the records and a name lookup; this shapes what the public sees.
 */
type Locale = 'zh-CN' | 'en';
const say = (t: { zh: string; en: string }, locale: Locale) => (locale === 'en' ? t.en : t.zh);

export const sourceLabels: Readonly<Record<FundSource, { zh: string; en: string }>> = {
  'township-subsidy': { zh: '镇级直补', en: 'Township subsidy' },
  'self-raised': { zh: '群众自筹', en: 'Residents’ own money' },
  'worthies-donation': { zh: '乡贤捐助', en: 'Local worthies’ donation' },
  'fiscal-award': { zh: '财政奖补', en: 'Fiscal award' },
  'department-funds': { zh: '部门资金', en: 'Department funds' },
  'helper-unit': { zh: '帮扶单位', en: 'Helper unit' },
  'social-investment': { zh: '社会投资', en: 'Social investment' },
  'maintenance-fund': { zh: '维修资金', en: 'Maintenance fund' },
};

const purposeLabels: Readonly<Record<Purpose, { zh: string; en: string }>> = {
  works: { zh: '工程款', en: 'Works' },
  materials: { zh: '材料款', en: 'Materials' },
  wages: { zh: '务工工资', en: 'Wages' },
  services: { zh: '服务费', en: 'Services' },
};

export const BoardSource = once(() =>
  z.object({
    sourceId: z.string(),
    source: FundSource,
    label: z.string(),
    from: z.string(),
    allocated: Fen,
    spent: Fen,
  }),
);
export const BoardDisbursement = once(() =>
  z.object({
    disbursementId: z.string(),
    milestone: z.string(),
    amount: Fen,
    purpose: z.string(),
    payee: z.string(),
    status: DisbursementStatus(),
    requestedAt: z.string(),
    approvedBy: z.string().optional(),
    approvedAt: z.string().optional(),
    countersignedBy: z.string().optional(),
    disbursedAt: z.string().optional(),
    sources: z.array(z.object({ label: z.string(), amount: Fen })),
  }),
);
export const BoardProject = once(() =>
  z.object({
    projectId: z.string(),
    title: z.string(),
    category: WorkCategory,
    builder: Builder,
    stage: ProjectStage,
    stageLabel: z.string(),
    budget: Fen,
    changePending: z.boolean(),
    amendments: z.array(z.object({ description: z.string(), previousBudget: Fen, budget: Fen, appliedAt: z.string() })),
    schedule: z.object({
      openedAt: z.string(),
      stages: z.array(z.object({ stage: ProjectStage, label: z.string(), at: z.string() })),
      milestones: z.array(
        z.object({
          title: z.string(),
          weight: z.number(),
          hiddenWorks: z.boolean(),
          due: z.string().optional(),
          completed: z.boolean(),
          completedAt: z.string().optional(),
          evidenceCount: z.number(),
        }),
      ),
    }),
    progress: z.object({ completedWeight: z.number(), totalWeight: z.number(), percent: z.number() }),
    money: z.object({ allocated: Fen, held: Fen, spent: Fen }),
    sources: z.array(BoardSource()),
    contributions: z.object({
      count: z.number(),
      value: Fen,
      money: Fen,
      labourHours: z.number(),
      labourValue: Fen,
      materials: Fen,
      landArea: z.number(),
      ideas: z.number(),
      households: z.array(z.object({ household: z.string(), head: z.string(), count: z.number(), value: Fen, hours: z.number() })),
    }),
    disbursements: z.array(BoardDisbursement()),
  }),
);
export type BoardProject = z.infer<ReturnType<typeof BoardProject>>;

export interface BoardInput {
  project: {
    projectId: string;
    title: string;
    category: WorkCategory;
    builder: Builder;
    stage: ProjectStage;
    budget: number;
    openedAt: string;
    pendingChange?: unknown;
    stageHistory: { to: ProjectStage; at: string }[];
    amendments: { description: string; previousBudget: number; budget: number; appliedAt: string }[];
  };
  milestones: {
    milestoneId: string;
    title: string;
    weight: number;
    hiddenWorks: boolean;
    due?: string | undefined;
    status: string;
    completedAt?: string | undefined;
    evidence: unknown[];
  }[];
  progress: Progress;
  funds: {
    held: number;
    spent: number;
    allocated: number;
    bySource: { sourceId: string; available: number; held: number; spent: number }[];
  };
  sources: { sourceId: string; source: FundSource; from: string; origin: string }[];
  contributions: {
    totals: {
      count: number;
      value: number;
      money: number;
      hours: number;
      labour: number;
      materials: number;
      landArea: number;
      ideasCount: number;
    };
    households: { household: string; totals: { count: number; value: number; hours: number } }[];
  };
  disbursements: Pick<
    Disbursement,
    | 'disbursementId'
    | 'milestoneId'
    | 'amount'
    | 'purpose'
    | 'payee'
    | 'status'
    | 'requestedAt'
    | 'approvedBy'
    | 'approvedAt'
    | 'countersignedBy'
    | 'countersignedAt'
    | 'draws'
  >[];
}

export interface Names {
  /** A person's name as the register gives it (already masked there; masked again here, which changes nothing). */
  person(id: string): string | undefined;
  /** A household's public label (group and number) and its head's id. */
  household(path: string): { label: { zh: string; en: string }; head?: string | undefined } | undefined;
}

/**
 * The people whose names a village's boards show: payees, approvers and countersigners of disbursements, and the
 * heads of contributing households. The handler reads just these names before shaping the boards.
 */
export function peopleShown(inputs: readonly BoardInput[], headOf: (household: string) => string | undefined): string[] {
  const ids = new Set<string>();
  for (const input of inputs) {
    for (const d of input.disbursements) {
      if (d.payee.kind === 'person') ids.add(d.payee.person);
      if (d.approvedBy) ids.add(d.approvedBy);
      if (d.countersignedBy) ids.add(d.countersignedBy);
    }
    for (const h of input.contributions.households) {
      const head = headOf(h.household);
      if (head) ids.add(head);
    }
  }
  return [...ids];
}

/** 张*明; an unknown person shows as asterisks, never as an id. */
export function publicName(names: Names, person: string): string {
  const n = names.person(person);
  return n ? maskName(n) : '***';
}

/** Where money came from, as the board shows it: residents' money by household label, never by a person's name. */
export function publicFrom(names: Names, s: { from: string; origin: string }, locale: Locale): string {
  if (s.origin === 'contribution') {
    const h = names.household(s.from);
    return h ? say(h.label, locale) : '***';
  }
  return s.from;
}

export function boardProject(input: BoardInput, names: Names, locale: Locale): BoardProject {
  const { project } = input;
  const sourceById = new Map(input.sources.map((s) => [s.sourceId, s]));
  const milestoneTitle = new Map(input.milestones.map((m) => [m.milestoneId, m.title]));
  const sourceLabel = (id: string, kind: FundSource) => {
    const s = sourceById.get(id);
    return `${say(sourceLabels[kind], locale)}${s ? ` · ${publicFrom(names, s, locale)}` : ''}`;
  };
  return {
    projectId: project.projectId,
    title: project.title,
    category: project.category,
    builder: project.builder,
    stage: project.stage,
    stageLabel: say(stageLabels[project.stage], locale),
    budget: project.budget,
    changePending: project.pendingChange !== undefined,
    amendments: project.amendments.map(({ description, previousBudget, budget, appliedAt }) => ({
      description,
      previousBudget,
      budget,
      appliedAt,
    })),
    schedule: {
      openedAt: project.openedAt,
      stages: project.stageHistory.map((m) => ({ stage: m.to, label: say(stageLabels[m.to], locale), at: m.at })),
      milestones: input.milestones.map((m) => ({
        title: m.title,
        weight: m.weight,
        hiddenWorks: m.hiddenWorks,
        ...(m.due ? { due: m.due } : {}),
        completed: m.status === 'completed',
        ...(m.completedAt ? { completedAt: m.completedAt } : {}),
        evidenceCount: m.evidence.length,
      })),
    },
    progress: input.progress,
    money: { allocated: input.funds.allocated, held: input.funds.held, spent: input.funds.spent },
    sources: input.funds.bySource.map((b) => {
      const s = sourceById.get(b.sourceId);
      const kind: FundSource = s?.source ?? 'self-raised';
      return {
        sourceId: b.sourceId,
        source: kind,
        label: say(sourceLabels[kind], locale),
        from: s ? publicFrom(names, s, locale) : '',
        allocated: b.available + b.held + b.spent,
        spent: b.spent,
      };
    }),
    contributions: {
      count: input.contributions.totals.count,
      value: input.contributions.totals.value,
      money: input.contributions.totals.money,
      labourHours: input.contributions.totals.hours,
      labourValue: input.contributions.totals.labour,
      materials: input.contributions.totals.materials,
      landArea: input.contributions.totals.landArea,
      ideas: input.contributions.totals.ideasCount,
      households: input.contributions.households.map((h) => {
        const info = names.household(h.household);
        return {
          household: info ? say(info.label, locale) : '***',
          head: info?.head ? publicName(names, info.head) : '***',
          count: h.totals.count,
          value: h.totals.value,
          hours: h.totals.hours,
        };
      }),
    },
    disbursements: input.disbursements.map((d) => ({
      disbursementId: d.disbursementId,
      milestone: milestoneTitle.get(d.milestoneId) ?? '',
      amount: d.amount,
      purpose: say(purposeLabels[d.purpose], locale),
      payee: d.payee.kind === 'person' ? publicName(names, d.payee.person) : d.payee.name,
      status: d.status,
      requestedAt: d.requestedAt,
      ...(d.approvedBy ? { approvedBy: publicName(names, d.approvedBy) } : {}),
      ...(d.approvedAt ? { approvedAt: d.approvedAt } : {}),
      ...(d.countersignedBy ? { countersignedBy: publicName(names, d.countersignedBy) } : {}),
      ...(d.countersignedAt ? { disbursedAt: d.countersignedAt } : {}),
      sources: d.draws.map((x) => ({ label: sourceLabel(x.sourceId, x.source), amount: x.amount })),
    })),
  };
}
