import { createHash } from 'node:crypto';
import * as z from 'zod';
import { once, AllocationRule, Fen, KpiWeights, PlacePath, VillageKpis } from '@cocreate/contracts';
import { byString, largestRemainder } from './apportion.ts';

/**
 * Awards in lieu of subsidies (以奖代补): scoring and the differential allocation (差额式奖补).
 *
 * Score. Each KPI (0–100) is taken to two decimals; the score is Σ weightₖ × KPIₖ / 100 with integer percentage
 * weights summing to 100, computed in integers (units of 1/10 000 point) so every machine gets the same number.
 *
 * Allocation rule `proportional-above-threshold`, published with the round:
 *  1. Only applicants whose score is strictly above the threshold take part; their claim is `score − threshold`.
 *  2. The budget is shared in proportion to the claims. Anyone whose share would reach the per-applicant cap gets
 *     exactly the cap and leaves; the rest of the budget is shared again among the others (repeat until no one
 *     else reaches the cap).
 *  3. The last sharing is exact to the fen by largest remainder: everyone gets the floor of their exact share, and
 *     the fen left over go one each to the largest remainders; equal remainders go to the higher score, then to the
 *     applicant whose place path sorts first.
 *  4. What cannot be given (nobody above the threshold, or everyone capped) stays unallocated. The allocation never
 *     exceeds the budget; otherwise it is exactly the budget.
 */
export const RoundApplicant = once(() => z.object({ applicant: PlacePath, kpis: VillageKpis() }));
export type RoundApplicant = z.infer<ReturnType<typeof RoundApplicant>>;

export const AllocationInputs = once(() =>
  z.object({
    budget: Fen.positive(),
    weights: KpiWeights(),
    rule: AllocationRule(),
    applicants: z.array(RoundApplicant()).max(1000),
  }),
);
export type AllocationInputs = z.infer<ReturnType<typeof AllocationInputs>>;
export type KpiWeights = z.infer<ReturnType<typeof KpiWeights>>;
export type AllocationRule = z.infer<ReturnType<typeof AllocationRule>>;

export const AllocationLine = once(() =>
  z.object({
    applicant: PlacePath,
    kpis: VillageKpis(),
    /** Score to four decimals (exact: an integer number of 1/10 000 points). */
    score: z.number(),
    /** 1 = best; equal scores share a rank (1, 2, 2, 4). */
    rank: z.number().int().positive(),
    eligible: z.boolean(),
    capped: z.boolean(),
    amount: Fen.nonnegative(),
  }),
);
export type AllocationLine = z.infer<ReturnType<typeof AllocationLine>>;

export interface Allocation {
  lines: AllocationLine[];
  allocated: number;
  unallocated: number;
}

const KPI_KEYS = ['deliberationDepth', 'buildResults', 'managementMechanism', 'evaluationResponse'] as const;

/** What the four weights add up to; they must be integer percentages summing to 100. */
export const weightsSum = (w: KpiWeights): number => KPI_KEYS.reduce((s, k) => s + w[k], 0);

export function weightsProblem(w: KpiWeights): string | undefined {
  const sum = weightsSum(w);
  return sum === 100 ? undefined : `weights sum to ${sum}, not 100`;
}

/** Score in integer units of 1/10 000 point. */
export function scoreUnits(kpis: VillageKpis, w: KpiWeights): number {
  return KPI_KEYS.reduce((s, k) => s + w[k] * Math.round(kpis[k] * 100), 0);
}

const UNITS = 10_000;

export function allocate(inputs: AllocationInputs): Allocation {
  const problem = weightsProblem(inputs.weights);
  if (problem) throw new Error(problem);
  const seen = new Set<string>();
  for (const a of inputs.applicants) {
    if (seen.has(a.applicant)) throw new Error(`applicant ${a.applicant} appears twice`);
    seen.add(a.applicant);
  }
  const threshold = Math.round(inputs.rule.threshold * 100) * 100;
  const cap = inputs.rule.capPerApplicant === undefined ? undefined : BigInt(inputs.rule.capPerApplicant);
  const scored = inputs.applicants.map((a) => {
    const units = scoreUnits(a.kpis, inputs.weights);
    return { ...a, units, excess: BigInt(Math.max(0, units - threshold)) };
  });
  const unitsOf = new Map(scored.map((s) => [s.applicant, s.units]));
  // Equal remainders: higher score first, then place path order.
  const tieBreak = (a: string, b: string) => unitsOf.get(b)! - unitsOf.get(a)! || byString(a, b);

  const amount = new Map<string, bigint>();
  const cappedSet = new Set<string>();
  let remaining = BigInt(inputs.budget);
  let active = scored.filter((s) => s.excess > 0n);
  for (;;) {
    const sum = active.reduce((s, a) => s + a.excess, 0n);
    if (!active.length || cap === undefined) break;
    const over = active.filter((a) => remaining * a.excess >= cap * sum);
    if (!over.length) break;
    for (const a of over) {
      amount.set(a.applicant, cap);
      cappedSet.add(a.applicant);
      remaining -= cap;
    }
    active = active.filter((a) => !cappedSet.has(a.applicant));
  }
  if (active.length) {
    const shares = largestRemainder(
      remaining,
      active.map((a) => ({ key: a.applicant, weight: a.excess })),
      tieBreak,
    );
    for (const [k, v] of shares) amount.set(k, v);
    remaining = 0n;
  }

  const order = [...scored].sort((a, b) => b.units - a.units || byString(a.applicant, b.applicant));
  const lines: AllocationLine[] = order.map((s) => ({
    applicant: s.applicant,
    kpis: s.kpis,
    score: s.units / UNITS,
    rank: 1 + order.filter((o) => o.units > s.units).length,
    eligible: s.excess > 0n,
    capped: cappedSet.has(s.applicant),
    amount: Number(amount.get(s.applicant) ?? 0n),
  }));
  const allocated = lines.reduce((s, l) => s + l.amount, 0);
  return { lines, allocated, unallocated: inputs.budget - allocated };
}

/** JSON with object keys sorted, so the same inputs always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => byString(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 of the canonical inputs: anyone holding the published inputs can check they are the ones used. */
export function inputsHash(inputs: AllocationInputs): string {
  return createHash('sha256').update(canonicalJson(inputs)).digest('hex');
}
