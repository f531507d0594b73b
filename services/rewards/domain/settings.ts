import * as z from 'zod';
import { once, type AuditedChange, SettingReason, auditedChangeOf } from '@cocreate/contracts';

/**
 * Audited settings (issue 12 item 4): every change of an earning rule set or of a catalogue item's offer is kept with
 * who, when, why and the value before and after, and published as an event. The same shape as deliberation's audited
 * settings (`AuditedChange` in @cocreate/contracts), so a history reads alike across the suite.
 */
export const SettingName = once(() => z.enum(['earning-rules', 'catalogue-item', 'cooperative-shares']));
export type SettingName = z.infer<ReturnType<typeof SettingName>>;

/** A change of one of this service's settings, as every service audits them (`AuditedChange` in @cocreate/contracts). */
export type SettingChange<T> = AuditedChange<T, SettingName>;
export { auditEntry } from '@cocreate/contracts';

/** The history route's item for a setting whose value has schema `value`. */
export const settingChangeOf = <T extends z.ZodType>(value: T) => auditedChangeOf(SettingName(), value);

/** Why a setting changes (the meeting or notice that decided it): required on every change. */
export const Reason = once(() => SettingReason.describe('Why (the meeting or notice that decided it); kept in the history'));
