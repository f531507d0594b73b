import { auditTrailOf } from '@cocreate/kernel';
import type { SettingName } from '../domain/settings.ts';
import { keys } from './keys.ts';

/** Every audited change of a setting, newest first per setting and scope: the kernel's audit trail on this table. */
export const audit = auditTrailOf<SettingName>(keys.audit);
