import { type OnConflict, type Table, type UnitOfWork, cond, readRecord, recordOf } from '@cocreate/kernel';
import { isWithin } from '@cocreate/places';
import type { Agency } from '../domain/agencies.ts';
import { KEEP_VERSION, keys } from './keys.ts';

/** An agency as stored: its registration and the version edits are conditional on. */
export type StoredAgency = Agency & { version: number };

export const agencies = {
  async get(table: Table, agencyId: string): Promise<StoredAgency | undefined> {
    return readRecord<StoredAgency>(table, keys.agency(agencyId), KEEP_VERSION);
  },

  create(tx: UnitOfWork, agency: Agency, onConflict: OnConflict): void {
    tx.putVersioned(
      { ...keys.agency(agency.agencyId), gsi1pk: 'AGENCIES', gsi1sk: `${agency.jurisdiction}#${agency.agencyId}`, ...agency },
      undefined,
      onConflict,
    );
  },

  /** Adds members to a stored agency (optimistic on its version). */
  addMembers(tx: UnitOfWork, agencyId: string, members: string[], version: number, onConflict: OnConflict): void {
    tx.update(keys.agency(agencyId), { set: { members }, add: { version: 1 } }, { condition: cond.versionIs(version), onConflict });
  },

  /**
   * Counts a subscription in (`+1`, at most `max`: the count lives on the agency item, so concurrent creates cannot
   * pass the limit together) or out (`-1`).
   */
  countSubscriptions(tx: UnitOfWork, agencyId: string, by: 1 | -1, limit?: { max: number; onConflict: OnConflict }): void {
    tx.update(
      keys.agency(agencyId),
      { add: { subscriptionCount: by } },
      limit
        ? {
            condition: {
              expression: 'attribute_not_exists(#c) OR #c < :max',
              names: { '#c': 'subscriptionCount' },
              values: { ':max': limit.max },
            },
            onConflict: limit.onConflict,
          }
        : undefined,
    );
  },

  /** Agencies whose jurisdiction lies inside `scope`. */
  async within(table: Table, scope: string): Promise<StoredAgency[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: 'AGENCIES', sk: { beginsWith: scope } });
    return items.map((i) => recordOf<StoredAgency>(i, KEEP_VERSION)).filter((a) => isWithin(a.jurisdiction, scope));
  },
};

export const members = {
  async agencyOf(table: Table, sub: string): Promise<string | undefined> {
    return (await readRecord<{ agencyId: string }>(table, keys.member(sub)))?.agencyId;
  },

  /** A user joins one agency; joining a second is the conflict `onConflict`. */
  create(tx: UnitOfWork, sub: string, agencyId: string, onConflict: OnConflict): void {
    tx.create({ ...keys.member(sub), agencyId, sub }, onConflict);
  },
};
