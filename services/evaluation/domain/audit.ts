import * as z from 'zod';
import { once, type AuditedChange, SettingReason, auditedChangeOf } from '@cocreate/contracts';

/**
 * Evaluation's rules as audited settings (issue 12): a scheme's revisions, the scheme a purpose uses at a place, and a
 * township's mutual-review pairs. Each change is kept with who, when, why, and the value before and after.
 */
export const SettingName = once(() => z.enum(['scheme', 'scheme-binding', 'review-pairs']));
export type SettingName = z.infer<ReturnType<typeof SettingName>>;

/** A change of one of this service's settings, as every service audits them (`AuditedChange` in @cocreate/contracts). */
export type SettingChange<T> = AuditedChange<T, SettingName>;
export { auditEntry } from '@cocreate/contracts';

/** The history route's item for a setting whose value has schema `value`. */
export const settingChangeOf = <T extends z.ZodType>(value: T) => auditedChangeOf(SettingName(), value);

export const Reason = once(() => SettingReason);
export const SchemeVersionRef = once(() =>
  z.object({ version: z.number().int(), title: z.string(), threshold: z.number(), leaves: z.number().int() }),
);
export const BindingRef = once(() => z.object({ schemeId: z.string() }));
export const PairsValue = once(() => z.array(z.tuple([z.string(), z.string()])));

/** Where a binding's history is kept: the place, the purpose and the stage (or any). */
export const bindingScope = (place: string, purpose: string, stage: string | undefined) => `${place}#${purpose}#${stage ?? 'any'}`;
/** Where a township's pairs for a year are kept. */
export const pairsScope = (township: string, year: number) => `${township}#${year}`;
