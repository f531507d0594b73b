import * as z from 'zod';
import { Id, IsoDateTime } from '@cocreate/contracts';

/**
 * Audited settings (issue 12 item 4): every change of an earning rule set or of a catalogue item's offer is kept with
 * who, when, why and the value before and after, and published as an event. The same shape as deliberation's audited
 * settings (its `auditEntry`), so a history reads alike across the suite.
 */
export const SettingName = z.enum(['earning-rules', 'catalogue-item']);
export type SettingName = z.infer<typeof SettingName>;

export interface SettingChange<T> {
  changeId: string;
  setting: SettingName;
  /** The county or village (earning rules), the item id (catalogue item). */
  scope: string;
  before?: T;
  after: T;
  changedBy: string;
  changedAt: string;
  reason: string;
}

/** One audited change; `before` is absent when nothing was set (the defaults applied). */
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
    changeId: Id,
    setting: SettingName,
    scope: z.string(),
    before: value.optional(),
    after: value,
    changedBy: z.string(),
    changedAt: IsoDateTime,
    reason: z.string(),
  });
}

/** Why a setting changes (the meeting or notice that decided it): required on every change. */
export const Reason = z.string().trim().min(1).max(2000).describe('Why (the meeting or notice that decided it); kept in the history');
