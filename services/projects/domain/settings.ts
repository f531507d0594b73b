import * as z from 'zod';
import { once, type AuditedChange, FundSource, IsoDate, IsoDateTime, PlacePath, auditedChangeOf, says } from '@cocreate/contracts';
import { DEFAULT_MAJOR_CHANGE_SHARE_BP } from './change.ts';

/**
 * A county's project rules (issue 12): how much of a budget a change may move without going back to deliberation,
 * and the renovation-class funding rule (「争取资金主要用于基础类改造，可适当用于完善类、提升类」). Every change of a
 * rule or of the hourly wage is kept with who, when, why and the value before and after, and published.
 */

/**
 * The class rule: of each source of the named kinds (the money obtained from government, 争取资金), at most
 * `nonBasicMaxShareBp` of what it brought may be allocated to 完善类 and 提升类 projects; the rest is for 基础类.
 */
export const ClassFunding = once(() =>
  z.object({
    nonBasicMaxShareBp: z.number().int().min(0).max(10_000),
    sources: z.array(FundSource).max(8),
  }),
);
export type ClassFunding = z.infer<ReturnType<typeof ClassFunding>>;

/** The county's default until it sets its own: 30 % of each government source for 完善/提升, the rest for 基础. */
export const DEFAULT_CLASS_FUNDING: ClassFunding = {
  nonBasicMaxShareBp: 3000,
  sources: ['township-subsidy', 'fiscal-award', 'department-funds'],
};

export const CountyRules = once(() =>
  z.object({
    /** Share of a budget a change may move without going back to deliberation, in basis points. */
    majorChangeShareBp: z.number().int().min(0).max(10_000),
    classFunding: ClassFunding(),
  }),
);
export type CountyRules = z.infer<ReturnType<typeof CountyRules>>;

export const CountySettings = once(() =>
  CountyRules().extend({
    county: PlacePath,
    setBy: z.string().optional(),
    setAt: IsoDateTime.optional(),
    version: z.number().int().nonnegative(),
  }),
);
export type CountySettings = z.infer<ReturnType<typeof CountySettings>>;

export const CountySettingsUpdate = once(() =>
  z
    .object({
      county: PlacePath,
      majorChangeShareBp: z.number().int().min(0).max(10_000).optional(),
      classFunding: ClassFunding().optional(),
      /** Why (the county's document or meeting): kept in the settings' history. */
      reason: z.string().trim().min(1).max(2000),
    })
    .refine(
      (u) => u.majorChangeShareBp !== undefined || u.classFunding !== undefined,
      says({ zh: '请设置 majorChangeShareBp 或 classFunding', en: 'set majorChangeShareBp or classFunding' }),
    ),
);
export type CountySettingsUpdate = z.infer<ReturnType<typeof CountySettingsUpdate>>;

/** Stored rules over the defaults (a rule the county never set keeps its default). */
export function effectiveRules(stored: Partial<CountyRules> | undefined): CountyRules {
  return {
    majorChangeShareBp: stored?.majorChangeShareBp ?? DEFAULT_MAJOR_CHANGE_SHARE_BP,
    classFunding: stored?.classFunding ?? DEFAULT_CLASS_FUNDING,
  };
}

export const SettingName = once(() => z.enum(['county-settings', 'wage-rate']));
export type SettingName = z.infer<ReturnType<typeof SettingName>>;

/** A change of one of this service's settings, as every service audits them (`AuditedChange` in @cocreate/contracts). */
export type SettingChange<T> = AuditedChange<T, SettingName>;
export { auditEntry } from '@cocreate/contracts';

/** The history route's item for a setting whose value has schema `value`. */
export const settingChangeOf = <T extends z.ZodType>(value: T) => auditedChangeOf(SettingName(), value, PlacePath);

/** A wage rate as the history shows it: the rate from a date. */
export const RateValue = once(() => z.object({ effectiveFrom: IsoDate, hourlyWage: z.number().int() }));
