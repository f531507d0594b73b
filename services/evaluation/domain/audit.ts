import * as z from 'zod';

/**
 * Evaluation's rules as audited settings (issue 12): a scheme's revisions, the scheme a purpose uses at a place, and a
 * township's mutual-review pairs. Each change is kept with who, when, why, and the value before and after.
 */
export const SettingName = z.enum(['scheme', 'scheme-binding', 'review-pairs']);
export type SettingName = z.infer<typeof SettingName>;

export interface SettingChange<T> {
  changeId: string;
  setting: SettingName;
  scope: string;
  before?: T;
  after: T;
  changedBy: string;
  changedAt: string;
  reason: string;
}

/** One audited change; `before` absent when there was none (the default applied). */
export function auditEntry<T>(input: {
  changeId: string;
  setting: SettingName;
  scope: string;
  before: T | undefined;
  after: T;
  by: string;
  now: Date;
  reason: string;
}): SettingChange<T> {
  return {
    changeId: input.changeId,
    setting: input.setting,
    scope: input.scope,
    ...(input.before !== undefined ? { before: input.before } : {}),
    after: input.after,
    changedBy: input.by,
    changedAt: input.now.toISOString(),
    reason: input.reason,
  };
}

/** The history route's item for a setting whose value has schema `value`. */
export function settingChangeOf<T extends z.ZodType>(value: T) {
  return z.object({
    changeId: z.string(),
    setting: SettingName,
    scope: z.string(),
    before: value.optional(),
    after: value,
    changedBy: z.string(),
    changedAt: z.string(),
    reason: z.string(),
  });
}

export const Reason = z.string().trim().min(1).max(2000);
export const SchemeVersionRef = z.object({ version: z.number().int(), title: z.string(), threshold: z.number(), leaves: z.number().int() });
export const BindingRef = z.object({ schemeId: z.string() });
export const PairsValue = z.array(z.tuple([z.string(), z.string()]));

/** Where a binding's history is kept: the place, the purpose and the stage (or any). */
export const bindingScope = (place: string, purpose: string, stage: string | undefined) => `${place}#${purpose}#${stage ?? 'any'}`;
/** Where a township's pairs for a year are kept. */
export const pairsScope = (township: string, year: number) => `${township}#${year}`;
