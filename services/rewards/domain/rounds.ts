import { z } from 'zod';
import { AllocationRule, Fen, Id, IsoDateTime, KpiWeights, PlacePath, VillageKpis, WorkCategory } from '@cocreate/contracts';
import { AllocationInputs, AllocationLine } from './allocation.ts';

/**
 * An award round (以奖代补): a budget, who may apply (villages or households), a deadline, a scoring formula over
 * the four KPIs with the round's weights, and the published allocation rule. Open until the deadline for
 * competitive applications (竞争性申报); after it, the round's officials publish the results.
 */
export const MAX_APPLICANTS = 500;

export const OpenRound = z.object({
  /** The county or township running the round. */
  scope: PlacePath,
  title: z.string().trim().min(1).max(200),
  budget: Fen.positive(),
  applicantKind: z.enum(['village', 'household']),
  /** The year of evaluation's participation assessment the village KPIs are taken from. */
  kpiYear: z.number().int().min(2000).max(2100),
  deadline: IsoDateTime,
  weights: KpiWeights,
  rule: AllocationRule,
  /** Who may apply; omitted means every village (or household) in the scope. */
  eligible: z.array(PlacePath).min(1).max(MAX_APPLICANTS).optional(),
  /** Purpose restriction of the money (carried into the village fund pool). */
  restriction: z.object({ categories: z.array(WorkCategory).min(1).optional() }).optional(),
});
export type OpenRound = z.infer<typeof OpenRound>;

export const RoundStatus = z.enum(['open', 'published']);

export const Round = OpenRound.extend({
  roundId: Id,
  status: RoundStatus,
  openedBy: z.string(),
  openedAt: IsoDateTime,
  /** Applications received (bounded by MAX_APPLICANTS). */
  applications: z.number().int().nonnegative(),
  publishedAt: IsoDateTime.optional(),
  publishedBy: z.string().optional(),
  /** Village awards still to be paid into pools (SubsidyAwarded), and those paid. */
  payout: z.object({ due: z.number().int().nonnegative(), paid: z.number().int().nonnegative() }).optional(),
});
export type Round = z.infer<typeof Round>;

export const Application = z.object({
  roundId: Id,
  applicant: PlacePath,
  applicantKind: z.enum(['village', 'household']),
  village: PlacePath,
  statement: z.string(),
  appliedBy: z.string(),
  appliedAt: IsoDateTime,
  status: z.enum(['submitted', 'excluded']),
  /** Household rounds: the KPI figures the round's reviewers entered (villages take evaluation's figures). */
  figures: VillageKpis.optional(),
  figuresBy: z.string().optional(),
  excludedReason: z.string().optional(),
  excludedBy: z.string().optional(),
});
export type Application = z.infer<typeof Application>;

/** A village's KPIs as published by evaluation (ParticipationAssessed), one per village and year. */
export const KpiRecord = z.object({
  village: PlacePath,
  year: z.number().int(),
  kpis: VillageKpis,
  assessmentId: Id,
  assessedAt: IsoDateTime,
});
export type KpiRecord = z.infer<typeof KpiRecord>;

/** Late or repeated assessments: the one published last (then the larger id) stands. */
export function supersedes(
  incoming: Pick<KpiRecord, 'assessedAt' | 'assessmentId'>,
  current?: Pick<KpiRecord, 'assessedAt' | 'assessmentId'>,
): boolean {
  if (!current) return true;
  if (incoming.assessedAt !== current.assessedAt) return incoming.assessedAt > current.assessedAt;
  return incoming.assessmentId > current.assessmentId;
}

export type RoundRefusal =
  | 'round-closed'
  | 'round-still-open'
  | 'round-published'
  | 'not-eligible'
  | 'wrong-applicant-kind'
  | 'figures-not-for-villages'
  | 'deadline-passed'
  | 'bad-weights';

/** Applications are taken strictly before the deadline, while the round is open. */
export function canApply(round: Round, now: string): RoundRefusal | undefined {
  if (round.status !== 'open') return 'round-published';
  if (now >= round.deadline) return 'round-closed';
  return undefined;
}

/** Results are published once, at or after the deadline. */
export function canPublish(round: Round, now: string): RoundRefusal | undefined {
  if (round.status !== 'open') return 'round-published';
  if (now < round.deadline) return 'round-still-open';
  return undefined;
}

/** Whether `applicant` may apply: in the explicit list, or of the right kind inside the scope. */
export function eligible(
  round: Pick<Round, 'eligible' | 'scope'>,
  applicant: string,
  isWithin: (p: string, s: string) => boolean,
): boolean {
  return round.eligible ? round.eligible.includes(applicant) : isWithin(applicant, round.scope);
}

export const ResultLine = AllocationLine.extend({
  awardId: Id.optional(),
  applicantKind: z.enum(['village', 'household']),
  /** Household winners' heads, masked as public notices do (张*明). */
  publicName: z.string().optional(),
});
export type ResultLine = z.infer<typeof ResultLine>;

export const RoundResult = z.object({
  roundId: Id,
  inputs: AllocationInputs,
  inputsHash: z.string(),
  /** Where each village's figures came from (evaluation's assessment ids). */
  kpiSources: z.record(z.string(), z.string()),
  excluded: z.array(z.object({ applicant: PlacePath, reason: z.string() })),
  lines: z.array(ResultLine),
  allocated: Fen.nonnegative(),
  unallocated: Fen.nonnegative(),
  publishedAt: IsoDateTime,
});
export type RoundResult = z.infer<typeof RoundResult>;
