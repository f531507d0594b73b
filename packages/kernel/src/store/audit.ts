import type { AuditedChange } from '@cocreate/contracts';
import { pageOf } from './records.ts';
import type { Page, Table } from './table.ts';
import type { UnitOfWork } from './unit.ts';

/** Which page of a setting's history: `kind` where a scope has several settings of one name (a chain per kind). */
export interface AuditPage {
  limit: number;
  cursor?: string | undefined;
  kind?: string | undefined;
}

/** The audit trail of a service's settings: each change kept once, read back newest first. */
export interface AuditTrail<N extends string> {
  /** Records a change in the unit of work, beside the setting's new value and its event. */
  record<T>(tx: UnitOfWork, entry: AuditedChange<T, N>): void;
  /** One page of a setting's changes at a scope, newest first. */
  history<T>(table: Table, setting: N, scope: string, page: AuditPage): Promise<Page<AuditedChange<T, N>>>;
}

/**
 * The audit-trail repository of a service (issue 12 item 4, issue 13): every audited change of a setting is one item
 * under the partition the service's own `keys.audit(setting, scope, kind?)` names, sorted by `<changedAt>#<changeId>`,
 * so a history is a single query, newest first, and each service keeps its table layout.
 */
export function auditTrailOf<N extends string>(partition: (setting: N, scope: string, kind?: string) => string): AuditTrail<N> {
  return {
    record(tx, entry) {
      tx.create({ pk: partition(entry.setting, entry.scope, entry.kind), sk: `${entry.changedAt}#${entry.changeId}`, ...entry }, 'retry');
    },
    history: (table, setting, scope, page) =>
      pageOf(table, {
        pk: partition(setting, scope, page.kind),
        limit: page.limit,
        forward: false,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      }),
  };
}
