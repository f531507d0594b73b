import * as z from 'zod';
import { once, AllocationRule, Fen, Id, IsoDateTime, KpiWeights, PlacePath, VillageKpis, WorkCategory } from '@cocreate/contracts';
import { type Refused, refused } from '@cocreate/contracts';
import { type Allocation, AllocationInputs, AllocationLine, inputsHash, weightsSum } from './allocation.ts';

/**
 * An award round (以奖代补): a budget, who may apply (villages or households), a deadline, a scoring formula over
 * the four KPIs with the round's weights, and the published allocation rule. Open until the deadline for
 * competitive applications (竞争性申报); after it, the round's officials publish the results.
 */
export const MAX_APPLICANTS = 500;

export const OpenRound = once(() =>
  z.object({
    /** The county or township running the round. */
    scope: PlacePath,
    title: z.string().trim().min(1).max(200),
    budget: Fen.positive(),
    applicantKind: z.enum(['village', 'household']),
    /** The year of evaluation's participation assessment the village KPIs are taken from. */
    kpiYear: z.number().int().min(2000).max(2100),
    deadline: IsoDateTime,
    weights: KpiWeights(),
    rule: AllocationRule(),
    /** Who may apply; omitted means every village (or household) in the scope. */
    eligible: z.array(PlacePath).min(1).max(MAX_APPLICANTS).optional(),
    /** Purpose restriction of the money (carried into the village fund pool). */
    restriction: z.object({ categories: z.array(WorkCategory).min(1).optional() }).optional(),
  }),
);
export type OpenRound = z.infer<ReturnType<typeof OpenRound>>;

export const RoundStatus = once(() => z.enum(['open', 'published']));

export const Round = once(() =>
  OpenRound().extend({
    roundId: Id,
    status: RoundStatus(),
    /** Who opened it (the officials' own answers; public views leave it out). */
    openedBy: z.string().optional(),
    openedAt: IsoDateTime,
    /** Applications received (bounded by MAX_APPLICANTS). */
    applications: z.number().int().nonnegative(),
    publishedAt: IsoDateTime.optional(),
    publishedBy: z.string().optional(),
    /** Village awards still to be paid into pools (SubsidyAwarded), and those paid. */
    payout: z.object({ due: z.number().int().nonnegative(), paid: z.number().int().nonnegative() }).optional(),
  }),
);
export type Round = z.infer<ReturnType<typeof Round>>;

export const Application = once(() =>
  z.object({
    roundId: Id,
    applicant: PlacePath,
    applicantKind: z.enum(['village', 'household']),
    village: PlacePath,
    statement: z.string(),
    appliedBy: z.string(),
    appliedAt: IsoDateTime,
    status: z.enum(['submitted', 'excluded']),
    /** Household rounds: the KPI figures the round's reviewers entered (villages take evaluation's figures). */
    figures: VillageKpis().optional(),
    figuresBy: z.string().optional(),
    excludedReason: z.string().optional(),
    excludedBy: z.string().optional(),
  }),
);
export type Application = z.infer<ReturnType<typeof Application>>;

/** A village's KPIs as published by evaluation (ParticipationAssessed), one per village and year. */
export const KpiRecord = once(() =>
  z.object({
    village: PlacePath,
    year: z.number().int(),
    kpis: VillageKpis(),
    assessmentId: Id,
    assessedAt: IsoDateTime,
  }),
);
export type KpiRecord = z.infer<ReturnType<typeof KpiRecord>>;

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

export const ResultLine = once(() =>
  AllocationLine().extend({
    awardId: Id.optional(),
    applicantKind: z.enum(['village', 'household']),
    /** Household winners' heads, masked as public notices do (张*明). */
    publicName: z.string().optional(),
  }),
);
export type ResultLine = z.infer<ReturnType<typeof ResultLine>>;

export const RoundResult = once(() =>
  z.object({
    roundId: Id,
    inputs: AllocationInputs(),
    inputsHash: z.string(),
    /** Where each village's figures came from (evaluation's assessment ids). */
    kpiSources: z.record(z.string(), z.string()),
    excluded: z.array(z.object({ applicant: PlacePath, reason: z.string() })),
    lines: z.array(ResultLine()),
    allocated: Fen.nonnegative(),
    unallocated: Fen.nonnegative(),
    publishedAt: IsoDateTime,
  }),
);
export type RoundResult = z.infer<ReturnType<typeof RoundResult>>;

const applicantKindOk = (kind: string | undefined, wanted: Round['applicantKind']) =>
  wanted === 'village' ? kind === 'village' || kind === 'community' : kind === 'household';

export type OpenRefusal = Refused<'scope-not-county-or-township' | 'bad-weights' | 'deadline-passed' | 'bad-eligible'>;

/**
 * Opening a round: run by a county or township, weights summing to 100, a deadline in the future, and any explicit
 * applicants distinct places of the round's kind inside its scope. `bad-weights` names the sum (`sum`),
 * `bad-eligible` the positions of the places that are not right (`indexes`).
 */
export function decideOpenRound(
  cmd: OpenRound,
  facts: {
    roundId: string;
    by: string;
    now: Date;
    scopeKind: string | undefined;
    /** The kind of each `eligible` place inside the scope (undefined outside it or unknown). */
    eligibleKinds: readonly (string | undefined)[];
    isWithin: (p: string, s: string) => boolean;
  },
): Round | OpenRefusal {
  if (facts.scopeKind !== 'county' && facts.scopeKind !== 'township') return refused('scope-not-county-or-township');
  const sum = weightsSum(cmd.weights);
  if (sum !== 100) return refused('bad-weights', { sum });
  if (Date.parse(cmd.deadline) <= facts.now.getTime()) return refused('deadline-passed');
  const list = cmd.eligible ?? [];
  const indexes = list.flatMap((p, i) =>
    !facts.isWithin(p, cmd.scope) || !applicantKindOk(facts.eligibleKinds[i], cmd.applicantKind) ? [i] : [],
  );
  if (indexes.length || new Set(list).size !== list.length) return refused('bad-eligible', { indexes });
  return {
    ...cmd,
    deadline: new Date(cmd.deadline).toISOString(),
    roundId: facts.roundId,
    status: 'open',
    openedBy: facts.by,
    openedAt: facts.now.toISOString(),
    applications: 0,
  };
}

export type ApplyRefusal = Refused<
  | 'round-published'
  | 'round-closed'
  | 'too-many-applications'
  | 'wrong-applicant-kind'
  | 'not-eligible'
  | 'village-applies-through-cadres'
  | 'household-applies-through-head'
>;

/**
 * A competitive application (竞争性申报): while the round is open and below its limit, from an eligible place of the
 * round's kind; a village applies through its cadres, a household through its head (or a cadre on its behalf).
 */
export function decideApplication(
  round: Round,
  cmd: { applicant: string; statement: string },
  facts: {
    now: string;
    by: string;
    applicantKind: string | undefined;
    village: string;
    cadre: boolean;
    householdHead: string | undefined;
    isWithin: (p: string, s: string) => boolean;
  },
): Application | ApplyRefusal {
  const closed = canApply(round, facts.now);
  if (closed) return refused(closed as 'round-published' | 'round-closed');
  if (round.applications >= MAX_APPLICANTS) return refused('too-many-applications');
  if (!applicantKindOk(facts.applicantKind, round.applicantKind)) return refused('wrong-applicant-kind');
  if (!eligible(round, cmd.applicant, facts.isWithin)) return refused('not-eligible');
  if (round.applicantKind === 'village' && !facts.cadre) return refused('village-applies-through-cadres');
  if (round.applicantKind === 'household' && !facts.cadre && facts.householdHead !== facts.by) {
    return refused('household-applies-through-head');
  }
  return {
    roundId: round.roundId,
    applicant: cmd.applicant,
    applicantKind: round.applicantKind,
    village: facts.village,
    statement: cmd.statement,
    appliedBy: facts.by,
    appliedAt: facts.now,
    status: 'submitted',
  };
}

/** A household round's reviewers enter an applicant's figures, while the round is open. */
export function decideFigures(
  round: Round,
  app: Application,
  figures: VillageKpis,
  by: string,
): Application | Refused<'round-published' | 'figures-not-for-villages'> {
  if (round.status !== 'open') return refused('round-published');
  if (round.applicantKind !== 'household') return refused('figures-not-for-villages');
  return { ...app, figures, figuresBy: by };
}

/** The round's officials exclude an application with a published reason, while the round is open. */
export function decideExclusion(round: Round, app: Application, reason: string, by: string): Application | Refused<'round-published'> {
  if (round.status !== 'open') return refused('round-published');
  return { ...app, status: 'excluded', excludedReason: reason, excludedBy: by };
}

/**
 * What a publication allocates: after the deadline, every application still taking part with its figures (a
 * village's from evaluation, a household's as entered), sorted by applicant. `figures-missing` names who lacks them.
 */
export function publicationInputs(
  round: Round,
  apps: readonly Application[],
  figures: ReadonlyMap<string, VillageKpis>,
  now: string,
): AllocationInputs | Refused<'round-published' | 'round-still-open' | 'figures-missing'> {
  const not = canPublish(round, now);
  if (not) return refused(not as 'round-published' | 'round-still-open');
  const taking = apps.filter((a) => a.status === 'submitted');
  const missing = taking.filter((a) => !figures.has(a.applicant)).map((a) => a.applicant);
  if (missing.length) return refused('figures-missing', { missing });
  return {
    budget: round.budget,
    weights: round.weights,
    rule: round.rule,
    applicants: taking
      .map((a) => ({ applicant: a.applicant, kpis: figures.get(a.applicant)! }))
      .sort((a, b) => (a.applicant < b.applicant ? -1 : 1)),
  };
}

/** The published round and its result: an award id per positive award; village awards wait for their payout. */
export function decidePublication(
  round: Round,
  apps: readonly Application[],
  inputs: AllocationInputs,
  allocation: Allocation,
  facts: {
    now: string;
    by: string;
    newId: () => string;
    /** Where each village's figures came from (evaluation's assessment ids). */
    kpiSources: Record<string, string>;
    /** Household winners' masked head names by applicant. */
    publicNames: ReadonlyMap<string, string>;
  },
): { round: Round; result: RoundResult; payoutPending: boolean } {
  const lines: ResultLine[] = allocation.lines.map((l) => {
    const publicName = facts.publicNames.get(l.applicant);
    return {
      ...l,
      applicantKind: round.applicantKind,
      ...(l.amount > 0 ? { awardId: facts.newId() } : {}),
      ...(publicName ? { publicName } : {}),
    };
  });
  const result: RoundResult = {
    roundId: round.roundId,
    inputs,
    inputsHash: inputsHash(inputs),
    kpiSources: facts.kpiSources,
    excluded: apps.filter((a) => a.status === 'excluded').map((a) => ({ applicant: a.applicant, reason: a.excludedReason ?? '' })),
    lines,
    allocated: allocation.allocated,
    unallocated: allocation.unallocated,
    publishedAt: facts.now,
  };
  const due = round.applicantKind === 'village' ? lines.filter((l) => l.amount > 0).length : 0;
  const published: Round = {
    ...round,
    status: 'published',
    publishedAt: facts.now,
    publishedBy: facts.by,
    ...(due ? { payout: { due, paid: 0 } } : {}),
  };
  return { round: published, result, payoutPending: due > 0 };
}
