import * as z from 'zod';
import { once, type Builder, ContributionKind, Fen, Id, IsoDate, PersonId, PlacePath, refused } from '@cocreate/contracts';
import type { Refused } from './refusals.ts';

/**
 * Contributions (出钱出力出物让地出点子): money enters the pool; labour hours are valued at the county's local hourly
 * wage (当地工时费) in force on the work date — paid as wages on cooperative-built projects (合作公司带动建), an in-kind
 * contribution otherwise; materials at quantity × agreed price; land by area and term; ideas are recorded, unvalued.
 */
const common = once(() => ({
  household: PlacePath,
  /** Who in the household contributed (required for labour: hours belong to a person). */
  person: PersonId.optional(),
  contributedOn: IsoDate,
  note: z.string().trim().max(1000).optional(),
}));

export const RecordContribution = once(() =>
  z.discriminatedUnion('kind', [
    z.object({ ...common(), kind: z.literal('money'), amount: Fen.positive().max(100_000_000_00) }),
    z.object({
      ...common(),
      kind: z.literal('labour'),
      person: PersonId,
      /** Hours worked that day, in quarter hours. */
      hours: z.number().positive().max(24).multipleOf(0.25),
    }),
    z.object({
      ...common(),
      kind: z.literal('materials'),
      description: z.string().trim().min(1).max(500),
      /** Up to three decimals (e.g. 2.5 tonnes). */
      quantity: z.number().positive().max(1_000_000).multipleOf(0.001),
      unit: z.string().trim().min(1).max(20),
      /** Agreed price per unit, fen. */
      unitPrice: Fen.nonnegative().max(100_000_000),
    }),
    z.object({
      ...common(),
      kind: z.literal('land'),
      description: z.string().trim().min(1).max(500),
      /** Square metres given up (让地). */
      area: z.number().positive().max(1_000_000),
      /** Months the land is lent; absent when given for good. */
      termMonths: z.number().int().positive().max(1200).optional(),
    }),
    z.object({ ...common(), kind: z.literal('ideas'), description: z.string().trim().min(1).max(2000) }),
  ]),
);
export type RecordContribution = z.infer<ReturnType<typeof RecordContribution>>;

/** On cooperative-built projects residents work for an hourly wage; on the others their labour is given. */
export function labourIsPaid(builder: Builder): boolean {
  return builder === 'cooperative';
}

/** Rounds a non-negative rational n/d to the nearest integer, halves up, exactly. */
function roundDiv(n: bigint, d: bigint): number {
  return Number((n * 2n + d) / (2n * d));
}

/** hours × hourly wage, in fen, rounded to the nearest fen (hours come in quarter hours). */
export function valueLabour(hours: number, hourlyWage: number): number {
  const quarters = BigInt(Math.round(hours * 4));
  return roundDiv(quarters * BigInt(hourlyWage), 4n);
}

/** quantity × agreed unit price, in fen, rounded to the nearest fen (quantities to three decimals). */
export function valueMaterials(quantity: number, unitPrice: number): number {
  const milli = BigInt(Math.round(quantity * 1000));
  return roundDiv(milli * BigInt(unitPrice), 1000n);
}

export interface WageRate {
  effectiveFrom: string;
  hourlyWage: number;
}

/** The rate in force on a date: the latest whose effective date is on or before it. */
export function rateOn(rates: readonly WageRate[], date: string): WageRate | undefined {
  let best: WageRate | undefined;
  for (const r of rates) if (r.effectiveFrom <= date && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best;
}

export type RateRefusal = Refused<'rate-in-force' | 'backdated'>;

/**
 * A county sets rates ahead: a rate takes effect today or later, and once in force it is fixed (labour was valued
 * with it). A rate announced for a future date may be replaced until that date.
 */
export function checkRateChange(effectiveFrom: string, today: string): { ok: true } | RateRefusal {
  if (effectiveFrom < today) return refused('backdated', { today });
  return { ok: true };
}

export function checkRateReplace(existing: WageRate, today: string): { ok: true } | RateRefusal {
  if (existing.effectiveFrom <= today) return refused('rate-in-force', { effectiveFrom: existing.effectiveFrom });
  return { ok: true };
}

export interface Valuation {
  value: number;
  paid: boolean;
  hours?: number;
  hourlyWage?: number;
}

export type ValuationRefusal = Refused<'no-wage-rate' | 'future-date'>;

/**
 * Values a contribution. Labour needs the rate in force on its work date; nothing is recorded for a day that has
 * not happened yet.
 */
export function valueContribution(
  c: RecordContribution,
  builder: Builder,
  today: string,
  rateFor: (date: string) => WageRate | undefined,
): Valuation | ValuationRefusal {
  if (c.contributedOn > today) return refused('future-date', { today });
  switch (c.kind) {
    case 'money':
      return { value: c.amount, paid: false };
    case 'labour': {
      const rate = rateFor(c.contributedOn);
      if (!rate) return refused('no-wage-rate', { date: c.contributedOn });
      return { value: valueLabour(c.hours, rate.hourlyWage), paid: labourIsPaid(builder), hours: c.hours, hourlyWage: rate.hourlyWage };
    }
    case 'materials':
      return { value: valueMaterials(c.quantity, c.unitPrice), paid: false };
    case 'land':
    case 'ideas':
      return { value: 0, paid: false };
  }
}

/** A contribution as recorded (valued; money also booked as a pool source). */
export const ContributionRecord = once(() =>
  z.object({
    contributionId: Id,
    projectId: Id,
    village: PlacePath,
    household: PlacePath,
    person: z.string().optional(),
    kind: ContributionKind,
    value: Fen,
    paid: z.boolean(),
    contributedOn: z.string(),
    hours: z.number().optional(),
    hourlyWage: Fen.optional(),
    quantity: z.number().optional(),
    unit: z.string().optional(),
    unitPrice: Fen.optional(),
    area: z.number().optional(),
    termMonths: z.number().optional(),
    description: z.string().optional(),
    note: z.string().optional(),
    /** For money: the pool source it became. */
    sourceId: z.string().optional(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  }),
);
export type ContributionRecord = z.infer<ReturnType<typeof ContributionRecord>>;

/** The counters kept per project, per household and per household-on-project (flat names: ADD needs no parent map). */
export interface Totals {
  count: number;
  value: number;
  /** Labour given in kind (volunteer) vs paid as wages. */
  inKindValue: number;
  wagesValue: number;
  hours: number;
  money: number;
  labour: number;
  materials: number;
  land: number;
  ideas: number;
  /** Counts by kind. */
  moneyCount: number;
  labourCount: number;
  materialsCount: number;
  landCount: number;
  ideasCount: number;
  landArea: number;
}

export const emptyTotals = (): Totals => ({
  count: 0,
  value: 0,
  inKindValue: 0,
  wagesValue: 0,
  hours: 0,
  money: 0,
  labour: 0,
  materials: 0,
  land: 0,
  ideas: 0,
  moneyCount: 0,
  labourCount: 0,
  materialsCount: 0,
  landCount: 0,
  ideasCount: 0,
  landArea: 0,
});

export const WagesPayable = once(() =>
  z.object({
    projectId: Id,
    person: z.string(),
    /** Everything earned. */
    accrued: Fen,
    /** Earned and not yet requested for payment. */
    due: Fen,
    paid: Fen,
  }),
);
export type WagesPayable = z.infer<ReturnType<typeof WagesPayable>>;

/** A county's hourly wage from a date on. */
export const StoredRate = once(() =>
  z.object({
    county: PlacePath,
    effectiveFrom: IsoDate,
    hourlyWage: Fen,
    setBy: z.string(),
    setAt: z.string(),
    version: z.number().int(),
  }),
);
export type StoredRate = z.infer<ReturnType<typeof StoredRate>>;
