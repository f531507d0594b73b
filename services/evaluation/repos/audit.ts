import { type Table, type UnitOfWork, pageOf } from '@cocreate/kernel';
import type { SettingChange } from '../domain/audit.ts';
import { keys } from './keys.ts';

type PageOpts = { limit: number; cursor?: string | undefined };

/** Every audited change of a setting, newest first per setting and scope. */
export const audit = {
  record<T>(tx: UnitOfWork, entry: SettingChange<T>): void {
    tx.create({ ...keys.audit(entry.setting, entry.scope, `${entry.changedAt}#${entry.changeId}`), ...entry }, 'retry');
  },

  history: <T>(table: Table, setting: string, scope: string, opts: PageOpts) =>
    pageOf<SettingChange<T>>(table, {
      pk: keys.audit(setting, scope, '').pk,
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),
};
