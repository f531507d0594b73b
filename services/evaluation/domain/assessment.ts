import * as z from 'zod';
import { once, PlacePath, VillageClass, VillageKpis } from '@cocreate/contracts';
import { yearEnd } from '@cocreate/places';
import { type Counts, COMPONENT_NAMES, METRIC_VERSION, participation } from './participation.ts';
import { DEFAULT_MARGINS, type Margins, type TierDecision, Margins as MarginsSchema, TierOutcome, decideTier } from './tiers.ts';
import { LocalText } from './scheme.ts';

/**
 * The year-end participation assessment of one village (年度群众参与度考核), as the county-wide batch job runs it.
 * Everything it needs is read first (the village's counters, last year's result, this year's result if any, the
 * current tier), then this pure function says what to write. Results are keyed by village + year, and each carries the
 * exact inputs it was computed from: a re-run with the same inputs changes nothing and publishes nothing.
 */
export const StoredDecision = once(() =>
  z.object({
    outcome: TierOutcome(),
    from: VillageClass.optional(),
    to: VillageClass.optional(),
    changePct: z.number().nullable(),
    reason: LocalText(),
    previousScore: z.number().optional(),
    margins: MarginsSchema(),
  }),
);

export const AssessmentResult = once(() =>
  z.object({
    assessmentId: z.string(),
    village: PlacePath,
    county: PlacePath,
    year: z.number().int(),
    households: z.number().int(),
    weightedCount: z.number().int(),
    score: z.number(),
    components: z.record(z.string(), z.object({ count: z.number().int(), perHousehold: z.number() })),
    kpis: VillageKpis(),
    metricVersion: z.number().int(),
    decision: StoredDecision(),
    /** The tier this year's decision leaves the village in (absent when unclassified). */
    tierAfter: VillageClass.optional(),
    /** False when a later classification already superseded this year's tier decision. */
    tierApplied: z.boolean(),
    revision: z.number().int().positive(),
    runId: z.string(),
    assessedAt: z.string(),
    /** Canonical JSON of every input: equal inputs ⇒ equal results (and no new events). */
    inputs: z.string(),
  }),
);
export type AssessmentResult = z.infer<ReturnType<typeof AssessmentResult>>;

export interface TierRecord {
  tier: VillageClass;
  /** When the tier took effect: a classification's decision time, or the end of an assessed year. */
  effectiveAt: string;
}

export interface VillageInputs {
  village: string;
  county: string;
  year: number;
  households: number;
  counts: Counts;
  previous: Pick<AssessmentResult, 'weightedCount' | 'households' | 'score'> | undefined;
  existing: AssessmentResult | undefined;
  tier: TierRecord | undefined;
  margins: Margins;
}

export type VillageOutcome =
  | { kind: 'unchanged'; result: AssessmentResult }
  | {
      kind: 'changed';
      result: AssessmentResult;
      /** The tier record to write (only when the tier actually moves now). */
      tierWrite: TierRecord | undefined;
      decision: TierDecision;
    };

export function assessVillage(inputs: VillageInputs, run: { runId: string; now: string; newId: () => string }): VillageOutcome {
  const { existing, tier, year } = inputs;
  // The tier the year started in: fixed by the first run of the year, so re-runs never move a village twice.
  const from = existing ? existing.decision.from : tier?.tier;
  const figures = participation(inputs.counts, inputs.households);
  const decision = decideTier({
    from,
    previous: inputs.previous ? { weightedCount: inputs.previous.weightedCount, households: inputs.previous.households } : undefined,
    current: figures,
    margins: inputs.margins,
  });
  const canonical = JSON.stringify({
    metric: METRIC_VERSION,
    counts: COMPONENT_NAMES.map((c) => inputs.counts[c]),
    households: inputs.households,
    previous: inputs.previous ? [inputs.previous.weightedCount, inputs.previous.households] : null,
    from: from ?? null,
    margins: [inputs.margins.promoteBp, inputs.margins.demoteBp],
  });
  if (existing && existing.inputs === canonical) return { kind: 'unchanged', result: existing };

  const tierAfter = decision.to;
  const takesEffect = yearEnd(year);
  const superseded = tier !== undefined && tier.effectiveAt > takesEffect;
  const tierWrite = tierAfter && !superseded && tier?.tier !== tierAfter ? { tier: tierAfter, effectiveAt: takesEffect } : undefined;
  const result: AssessmentResult = {
    assessmentId: existing?.assessmentId ?? run.newId(),
    village: inputs.village,
    county: inputs.county,
    year,
    households: figures.households,
    weightedCount: figures.weightedCount,
    score: figures.score,
    components: figures.components,
    kpis: figures.kpis,
    metricVersion: METRIC_VERSION,
    decision: {
      outcome: decision.outcome,
      ...(decision.from ? { from: decision.from } : {}),
      ...(decision.to ? { to: decision.to } : {}),
      changePct: decision.changePct,
      reason: decision.reason,
      ...(inputs.previous ? { previousScore: inputs.previous.score } : {}),
      margins: inputs.margins,
    },
    ...(tierAfter ? { tierAfter } : {}),
    tierApplied: !superseded,
    revision: (existing?.revision ?? 0) + 1,
    runId: run.runId,
    assessedAt: run.now,
    inputs: canonical,
  };
  return { kind: 'changed', result, tierWrite, decision };
}

/* ------------------------------------------------------------------------------------------------------------
 * The county-wide run: a record that shows progress and lets the job resume where it stopped.
 * ------------------------------------------------------------------------------------------------------------ */

export const RunStatus = once(() => z.enum(['queued', 'running', 'done']));

export const AssessmentRun = once(() =>
  z.object({
    runId: z.string(),
    county: PlacePath,
    year: z.number().int(),
    margins: MarginsSchema(),
    status: RunStatus(),
    total: z.number().int().nonnegative(),
    done: z.number().int().nonnegative(),
    changed: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
    tierChanges: z.number().int().nonnegative(),
    startedBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    /** Wall-clock milliseconds the job spent on the run. */
    elapsedMs: z.number().int().nonnegative(),
  }),
);
export type AssessmentRun = z.infer<ReturnType<typeof AssessmentRun>>;

/** A county's run for a year, queued over its villages; margins in percent (two decimals) become basis points. */
export function queueRun(
  cmd: { county: string; year: number; promoteMarginPct?: number | undefined; demoteMarginPct?: number | undefined },
  at: { runId: string; villages: number; startedBy: string; now: string },
): AssessmentRun {
  return {
    runId: at.runId,
    county: cmd.county,
    year: cmd.year,
    margins: {
      promoteBp: cmd.promoteMarginPct === undefined ? DEFAULT_MARGINS.promoteBp : Math.round(cmd.promoteMarginPct * 100),
      demoteBp: cmd.demoteMarginPct === undefined ? DEFAULT_MARGINS.demoteBp : Math.round(cmd.demoteMarginPct * 100),
    },
    status: 'queued',
    total: at.villages,
    done: 0,
    changed: 0,
    unchanged: 0,
    tierChanges: 0,
    startedBy: at.startedBy,
    createdAt: at.now,
    elapsedMs: 0,
  };
}

/** Percent done, one decimal. */
export const progressPct = (run: Pick<AssessmentRun, 'done' | 'total'>): number =>
  run.total === 0 ? 100 : Math.floor((run.done / run.total) * 1000) / 10;

/** A village's current tier and what set it. */
export interface StoredTier extends TierRecord {
  village: string;
  county: string;
  source: 'classification' | 'assessment';
  /** The classification decision or assessed year that set it. */
  basis: string;
}
