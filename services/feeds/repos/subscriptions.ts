import { type Condition, type OnConflict, type Table, type UnitOfWork, cond, readRecord, recordOf } from '@cocreate/kernel';
import { ancestorsOf } from '@cocreate/places';
import type { Subscription } from '../domain/subscriptions.ts';
import { KEEP_VERSION, keys } from './keys.ts';

export const subscriptions = {
  async get(table: Table, agencyId: string, subscriptionId: string): Promise<Subscription | undefined> {
    return readRecord<Subscription>(table, keys.subscription(agencyId, subscriptionId), KEEP_VERSION);
  },

  async ofAgency(table: Table, agencyId: string): Promise<Subscription[]> {
    const items = await table.queryAll({ pk: `AGENCY#${agencyId}`, sk: { beginsWith: 'SUB#' } });
    return items.map((i) => recordOf<Subscription>(i, KEEP_VERSION));
  },

  /** Every subscription whose jurisdiction contains `place` (one query per ancestor of the place). */
  async covering(table: Table, place: string): Promise<Subscription[]> {
    const pages = await Promise.all(ancestorsOf(place).map((a) => table.queryAll({ index: 'gsi1', pk: keys.subsByJurisdiction(a) })));
    return pages.flat().map((i) => recordOf<Subscription>(i, KEEP_VERSION));
  },

  create(tx: UnitOfWork, sub: Subscription, onConflict: OnConflict): void {
    tx.put(
      {
        ...keys.subscription(sub.agencyId, sub.subscriptionId),
        gsi1pk: keys.subsByJurisdiction(sub.jurisdiction),
        gsi1sk: `${sub.agencyId}#${sub.subscriptionId}`,
        ...sub,
      },
      { condition: cond.notExists(), onConflict },
    );
  },

  /**
   * Changes fields of a stored subscription. `bump` for what the agency configures (name, pattern, url, secrets,
   * status): a new version, so edits computed from an older read are refused. Delivery counters change without
   * a bump, so the delivery job never makes an agency's edit fail.
   */
  change(
    tx: UnitOfWork,
    sub: Pick<Subscription, 'agencyId' | 'subscriptionId'>,
    changes: { set?: Record<string, unknown>; remove?: string[] },
    opts: { bump: boolean; condition?: Condition; onConflict: OnConflict },
  ): void {
    tx.update(
      keys.subscription(sub.agencyId, sub.subscriptionId),
      {
        ...(changes.set ? { set: changes.set } : {}),
        ...(changes.remove?.length ? { remove: changes.remove } : {}),
        ...(opts.bump ? { add: { version: 1 } } : {}),
      },
      { condition: opts.condition ? cond.and(cond.exists(), opts.condition) : cond.exists(), onConflict: opts.onConflict },
    );
  },

  delete(tx: UnitOfWork, sub: Pick<Subscription, 'agencyId' | 'subscriptionId'>, version: number, onConflict: OnConflict): void {
    tx.delete(keys.subscription(sub.agencyId, sub.subscriptionId), { condition: cond.versionIs(version), onConflict });
  },
};
