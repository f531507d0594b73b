import type {
  BallotCast,
  CandidateSupported,
  ContributionRecorded,
  DiscussionHeld,
  EventData,
  NeedRaised,
  ReviewSubmitted,
  SpaceAdopted,
  UpkeepLogged,
  VillageKpis,
} from '@cocreate/contracts';
import { yearOf } from '@cocreate/places';
import { Ratio } from './ratio.ts';

/**
 * THE participation metric (群众参与度), defined once, here. Every village, every year, the same way:
 *
 *   count_c        = facts of component c in the village that year (each fact counted once, see `factOf`)
 *   perHousehold_c = count_c / households            (households of the village in the register)
 *   score          = Σ_c weight_c × perHousehold_c   (exact rational; shown with 2 decimals)
 *
 * and the four KPIs the rewards service's award rounds score (以奖代补), each 0–100:
 *
 *   kpi_k = min(100, 100 × (Σ_{c in k} weight_c × perHousehold_c) / target_k)   (1 decimal)
 *
 * A village with no households in the register scores 0 everywhere. Change a weight or a target only together
 * with METRIC_VERSION: results are keyed by inputs, and a new version re-scores every village on the next run.
 */
export const METRIC_VERSION = 1;

export type KpiName = keyof VillageKpis;

export const COMPONENTS = {
  needsRaised: { weight: 3, kpi: 'deliberationDepth', event: 'NeedRaised', zh: '提出需求', en: 'Needs raised' },
  supports: { weight: 1, kpi: 'deliberationDepth', event: 'CandidateSupported', zh: '点单支持', en: 'Project-list supports' },
  ballots: { weight: 1, kpi: 'deliberationDepth', event: 'BallotCast', zh: '参与表决', en: 'Ballots cast' },
  discussionAttendance: { weight: 2, kpi: 'deliberationDepth', event: 'DiscussionHeld', zh: '三方议事出席', en: 'Discussion attendance' },
  contributions: { weight: 3, kpi: 'buildResults', event: 'ContributionRecorded', zh: '投工投劳出资', en: 'Contributions' },
  adoptions: { weight: 3, kpi: 'managementMechanism', event: 'SpaceAdopted', zh: '认领公共空间', en: 'Spaces adopted' },
  upkeep: { weight: 1, kpi: 'managementMechanism', event: 'UpkeepLogged', zh: '管护记录', en: 'Upkeep logged' },
  reviews: { weight: 2, kpi: 'evaluationResponse', event: 'ReviewSubmitted', zh: '参与评价', en: 'Reviews submitted' },
} as const satisfies Record<string, { weight: number; kpi: KpiName; event: string; zh: string; en: string }>;

export type Component = keyof typeof COMPONENTS;
export const COMPONENT_NAMES = Object.keys(COMPONENTS) as Component[];

/** Weighted points per household that earn a KPI full marks (100). */
export const KPI_TARGETS: Record<KpiName, number> = {
  deliberationDepth: 10, // 共谋程度: e.g. 1 need, 2 supports, 3 ballots, 1 attendance per household
  buildResults: 6, // 共建成效: 2 contributions per household
  managementMechanism: 6, // 共管机制: e.g. half an adoption and 4–5 upkeep logs per household
  evaluationResponse: 4, // 共评反响: 2 reviews per household
};

export type Counts = Record<Component, number>;

export const zeroCounts = (): Counts => Object.fromEntries(COMPONENT_NAMES.map((c) => [c, 0])) as Counts;

export interface ParticipationFigures {
  households: number;
  /** Σ weight × count: with `households`, the exact score (numerator / households). */
  weightedCount: number;
  score: number;
  components: Record<Component, { count: number; perHousehold: number }>;
  kpis: VillageKpis;
}

/** The exact score as a ratio (0 without households). */
export const exactScore = (weightedCount: number, households: number): Ratio =>
  households > 0 ? Ratio.of(weightedCount, households) : Ratio.ZERO;

export function participation(counts: Counts, households: number): ParticipationFigures {
  const perHousehold = (n: number) => (households > 0 ? Ratio.of(n, households) : Ratio.ZERO);
  const weightedCount = COMPONENT_NAMES.reduce((sum, c) => sum + COMPONENTS[c].weight * counts[c], 0);
  const kpis = {} as VillageKpis;
  for (const k of Object.keys(KPI_TARGETS) as KpiName[]) {
    const points = COMPONENT_NAMES.filter((c) => COMPONENTS[c].kpi === k).reduce((sum, c) => sum + COMPONENTS[c].weight * counts[c], 0);
    kpis[k] = perHousehold(points).mul(Ratio.of(100, KPI_TARGETS[k])).min(Ratio.of(100)).round(1);
  }
  return {
    households,
    weightedCount,
    score: exactScore(weightedCount, households).round(2),
    components: Object.fromEntries(
      COMPONENT_NAMES.map((c) => [c, { count: counts[c], perHousehold: perHousehold(counts[c]).round(2) }]),
    ) as ParticipationFigures['components'],
    kpis,
  };
}

/* ------------------------------------------------------------------------------------------------------------
 * Which event is which fact. Each fact has a natural key, so a fact re-published under a new event id still counts
 * once; the year is the fact's own date where the event carries one, else when it occurred, in China time (UTC+8).
 * ------------------------------------------------------------------------------------------------------------ */

export interface Fact {
  component: Component;
  village: string;
  year: number;
  /** Unique per fact within the component. */
  key: string;
  /** How many participations the fact is worth (attendees of a discussion; 1 otherwise). */
  count: number;
}

export const factOf = {
  needRaised: (d: EventData<typeof NeedRaised>, occurredAt: string): Fact => ({
    component: 'needsRaised',
    village: d.village,
    year: yearOf(occurredAt),
    key: d.needId,
    count: 1,
  }),
  candidateSupported: (d: EventData<typeof CandidateSupported>, occurredAt: string): Fact => ({
    component: 'supports',
    village: d.village,
    year: yearOf(occurredAt),
    key: `${d.candidateId}#${d.supporter}`,
    count: 1,
  }),
  ballotCast: (d: EventData<typeof BallotCast>, occurredAt: string): Fact => ({
    component: 'ballots',
    village: d.village,
    year: yearOf(occurredAt),
    key: `${d.proposalId}#${d.body}#${d.step}#${d.voter}`,
    count: 1,
  }),
  discussionHeld: (d: EventData<typeof DiscussionHeld>): Fact => ({
    component: 'discussionAttendance',
    village: d.village,
    year: yearOf(d.heldAt),
    key: d.sessionId,
    count: new Set(d.residentAttendees).size,
  }),
  contributionRecorded: (d: EventData<typeof ContributionRecorded>): Fact => ({
    component: 'contributions',
    village: d.village,
    year: yearOf(d.contributedOn),
    key: d.contributionId,
    count: 1,
  }),
  spaceAdopted: (d: EventData<typeof SpaceAdopted>): Fact => ({
    component: 'adoptions',
    village: d.village,
    year: yearOf(d.adoptedOn),
    key: `${d.spaceId}#${d.person}#${d.adoptedOn}`,
    count: 1,
  }),
  upkeepLogged: (d: EventData<typeof UpkeepLogged>): Fact => ({
    component: 'upkeep',
    village: d.village,
    year: yearOf(d.loggedAt),
    key: d.upkeepId,
    count: 1,
  }),
  /**
   * Reviews count for the village only when the reviewer lives there: a juror from the county or a partner village
   * scoring this village is not this village's residents participating.
   */
  reviewSubmitted: (d: EventData<typeof ReviewSubmitted>, occurredAt: string, reviewerVillage: string | undefined): Fact | undefined =>
    reviewerVillage === d.village
      ? { component: 'reviews', village: d.village, year: yearOf(occurredAt), key: d.responseId, count: 1 }
      : undefined,
};
