import * as z from 'zod';
import { Id, IsoDateTime } from './primitives.ts';

/**
 * Audited settings (issue 12 item 4): every change of a rule or setting — a chain policy, a county's project rules, an
 * earning rule, a scheme — is kept with who, when, why and the value before and after, and published. One shape for
 * every service, so a history reads alike across the suite; each service names its own settings (`N`).
 */
export interface AuditedChange<T, N extends string = string> {
  changeId: string;
  setting: N;
  /** The place, or the thing (a catalogue item, a scheme), whose setting changed. */
  scope: string;
  /** Which of the scope's settings, where a scope has several of a name (a chain policy per decision kind). */
  kind?: string;
  /** Absent when the setting was at its default. */
  before?: T;
  after: T;
  changedBy: string;
  changedAt: string;
  reason: string;
}

/** One audited change: who (`by`), when (`now`), why, before (absent when there was none) and after. */
export function auditEntry<T, N extends string>(input: {
  changeId: string;
  setting: N;
  scope: string;
  kind?: string | undefined;
  before: T | undefined;
  after: T;
  by: string;
  now: Date;
  reason: string;
}): AuditedChange<T, N> {
  return {
    changeId: input.changeId,
    setting: input.setting,
    scope: input.scope,
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.before !== undefined ? { before: input.before } : {}),
    after: input.after,
    changedBy: input.by,
    changedAt: input.now.toISOString(),
    reason: input.reason,
  };
}

/** What every setting-changed event carries besides the value: the change's id, who, when and why. */
export const AuditFields = {
  changeId: Id,
  changedBy: z.string().min(1),
  changedAt: IsoDateTime,
  /** Why (the meeting or document that decided it). */
  reason: z.string().min(1).max(2000),
};

/** Why a setting changed (the meeting, the document): required on every change. */
export const SettingReason = z.string().trim().min(1).max(2000);

/** A history route's item: a change of one of `names`, whose value has schema `value`, at a scope of schema `scope`. */
export function auditedChangeOf<N extends z.ZodType<string>, T extends z.ZodType>(
  names: N,
  value: T,
  scope: z.ZodType<string> = z.string(),
) {
  return z.object({
    changeId: Id,
    setting: names,
    scope,
    kind: z.string().optional(),
    before: value.optional(),
    after: value,
    changedBy: z.string(),
    changedAt: IsoDateTime,
    reason: z.string(),
  });
}
