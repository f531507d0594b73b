import * as z from 'zod';
import { once, CoverageMilestone, CoverageTarget, Id, PlacePath, type VillageClass } from '@cocreate/contracts';
import { MAX_BATCH_VILLAGES } from './limits.ts';
import { type Refused, refused } from './refusals.ts';

/**
 * Pilot and demonstration batches (试点村/示范村) and their coverage. Nobody types progress in: what the programme
 * knows of a village is only what the other services published (a final decision, a project's final acceptance, an
 * assessment), kept here as the village's milestones; a village counts as covered by a batch once it has reached every
 * milestone the batch counts, and the batch's count of covered villages is a running aggregate.
 */

export const DeclareBatch = once(() =>
  z.object({
    place: PlacePath,
    year: z.number().int().min(2000).max(2100),
    kind: z.enum(['pilot', 'demonstration']),
    name: z.string().trim().min(1).max(200),
    villages: z.array(PlacePath).min(1),
    coveredWhen: z.array(CoverageMilestone()).min(1).default(['decision-final', 'project-accepted']),
    target: CoverageTarget(),
  }),
);
export type DeclareBatch = z.infer<ReturnType<typeof DeclareBatch>>;

export const Batch = once(() =>
  DeclareBatch().extend({
    batchId: Id,
    scopeVillages: z.number().int().nonnegative(),
    covered: z.number().int().nonnegative(),
  }),
);
export type Batch = z.infer<ReturnType<typeof Batch>>;

/** What the programme knows of a village from the other services' events. */
export interface VillageState {
  village: string;
  /** When each milestone was first reached (the event's own time). */
  milestones: Partial<Record<CoverageMilestone, string>>;
  tier?: VillageClass;
  /** When the tier held was decided: a decision older than it arriving late changes nothing. */
  tierAt?: string;
  /** Assessed participation per year, in hundredths. */
  scores?: Record<string, number>;
  /** When each year's score held was assessed: events arrive in any order, and the latest assessment counts. */
  scoredAt?: Record<string, string>;
}

/** A village's place in a batch: whether it already counts. */
export interface Membership {
  batchId: string;
  village: string;
  coveredWhen: CoverageMilestone[];
  covered: boolean;
}

export function reachedAll(state: VillageState | undefined, coveredWhen: readonly CoverageMilestone[]): boolean {
  return state !== undefined && coveredWhen.every((m) => state.milestones[m] !== undefined);
}

/** Declaring a batch: a target it can meet, villages named once, each a village or community of the place. */
export function decideBatch(cmd: DeclareBatch, scope: ReadonlySet<string>): true | Refused {
  if (cmd.target.villages === undefined && cmd.target.percent === undefined) return refused('no-coverage-target');
  if (cmd.villages.length > MAX_BATCH_VILLAGES) return refused('too-many-villages');
  if (new Set(cmd.villages).size !== cmd.villages.length) return refused('duplicate-village');
  const outside = cmd.villages.filter((v) => !scope.has(v));
  if (outside.length) return refused('village-outside-place', { villages: outside });
  const needed = Math.max(cmd.target.villages ?? 0, Math.ceil(((cmd.target.percent ?? 0) * scope.size) / 100));
  if (needed > cmd.villages.length) return refused('target-beyond-batch', { needed, named: cmd.villages.length });
  return true;
}

export function targetMet(batch: Pick<Batch, 'target' | 'scopeVillages'>, covered: number): boolean {
  const { villages, percent } = batch.target;
  return (
    (villages === undefined || covered >= villages) &&
    (percent === undefined || (batch.scopeVillages > 0 && (covered * 100) / batch.scopeVillages >= percent))
  );
}

/** Coverage as a share of the place's villages (one decimal). */
export const coveragePercent = (covered: number, scopeVillages: number): number =>
  scopeVillages === 0 ? 0 : Math.round((covered * 1000) / scopeVillages) / 10;

/**
 * A milestone a village's event shows: the village's state after it, and the memberships it newly covers. A milestone
 * reached before keeps its first time (a second accepted project changes nothing for coverage).
 */
export function reachMilestone(
  state: VillageState | undefined,
  village: string,
  milestone: CoverageMilestone,
  at: string,
  memberships: readonly Membership[],
): { state: VillageState; first: boolean; covers: Membership[] } {
  const current: VillageState = state ?? { village, milestones: {} };
  if (current.milestones[milestone] !== undefined) return { state: current, first: false, covers: [] };
  const next: VillageState = { ...current, milestones: { ...current.milestones, [milestone]: at } };
  const covers = memberships.filter((m) => !m.covered && reachedAll(next, m.coveredWhen));
  return { state: next, first: true, covers };
}

/**
 * A village's participation assessed for a year: counted once per village and year — a re-run of the year's
 * assessment replaces the village's score in the sums rather than adding a second one. Events arrive in any order:
 * an assessment older than the one held changes no score.
 */
export function assessVillage(
  state: VillageState | undefined,
  village: string,
  year: number,
  hundredths: number,
  at: string,
): { state: VillageState; participationSum: number; participationCount: number } {
  const current: VillageState = state ?? { village, milestones: {} };
  const key = String(year);
  const before = current.scores?.[key];
  const heldAt = current.scoredAt?.[key];
  if (before !== undefined && heldAt !== undefined && at < heldAt) return { state: current, participationSum: 0, participationCount: 0 };
  return {
    state: { ...current, scores: { ...current.scores, [key]: hundredths }, scoredAt: { ...current.scoredAt, [key]: at } },
    participationSum: hundredths - (before ?? 0),
    participationCount: before === undefined ? 1 : 0,
  };
}

/**
 * A village classed (试点村/整治村) by its own decision or moved by the year-end assessment. Events arrive in any
 * order: a decision older than the tier held leaves it (`from` is then the tier held, so nothing moves).
 */
export function classifyVillage(
  state: VillageState | undefined,
  village: string,
  to: VillageClass,
  at: string,
): { state: VillageState; from: VillageClass | undefined; to: VillageClass } {
  const current: VillageState = state ?? { village, milestones: {} };
  if (current.tier !== undefined && current.tierAt !== undefined && at < current.tierAt)
    return { state: current, from: current.tier, to: current.tier };
  return { state: { ...current, tier: to, tierAt: at }, from: current.tier, to };
}
