import { type Table, type UnitOfWork, type Versioned, cond, pageOf, readRecord, readVersioned } from '@cocreate/kernel';
import type { Activity, Seat } from '../domain/activities.ts';
import { keys } from './keys.ts';

type PageOpts = { limit: number; cursor?: string | undefined };

export interface ActivityTotals {
  attended: number;
  noShows: number;
  minutes: number;
  points: number;
}

/** Volunteer activities: the activity (versioned counters), its code key, seats, waiting list and totals. */
export const activities = {
  get: (table: Table, id: string): Promise<Versioned<Activity & { organiser: string }> | undefined> =>
    readVersioned(table, keys.activity(id)),

  /** Every change of places or the waiting list is conditional on the version read: a lost race recomputes. */
  save(tx: UnitOfWork, a: Activity & { organiser: string }, expectedVersion: number | undefined): void {
    tx.putVersioned(
      { ...keys.activity(a.activityId), gsi1pk: keys.activities(a.village), gsi1sk: `${a.startsAt}#${a.activityId}`, ...a },
      expectedVersion,
      'retry',
    );
  },

  page: (table: Table, village: string, opts: PageOpts) =>
    pageOf<Activity & { organiser: string }>(table, {
      index: 'gsi1',
      pk: keys.activities(village),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),

  secret: async (table: Table, id: string): Promise<string | undefined> =>
    (await readRecord<{ secret: string }>(table, keys.activitySecret(id)))?.secret,

  createSecret(tx: UnitOfWork, id: string, secret: string): void {
    tx.create({ ...keys.activitySecret(id), secret }, 'retry');
  },

  totals: async (table: Table, id: string): Promise<ActivityTotals> => {
    const t = await readRecord<Partial<ActivityTotals>>(table, keys.activityTotals(id));
    return { attended: t?.attended ?? 0, noShows: t?.noShows ?? 0, minutes: t?.minutes ?? 0, points: t?.points ?? 0 };
  },

  /** Totals only grow, each seat's change counted once (the seat's versioned write is in the same transaction). */
  addTotals(tx: UnitOfWork, id: string, change: Partial<ActivityTotals>): void {
    tx.update(keys.activityTotals(id), { add: change });
  },
};

export const seats = {
  get: (table: Table, id: string, person: string): Promise<Versioned<Seat> | undefined> => readVersioned(table, keys.seat(id, person)),

  save(tx: UnitOfWork, seat: Seat, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.seat(seat.activityId, seat.person), ...seat }, expectedVersion, 'retry');
  },

  page: (table: Table, id: string, opts: PageOpts) =>
    pageOf<Seat>(table, {
      pk: keys.activity(id).pk,
      sk: { beginsWith: 'SEAT#' },
      limit: opts.limit,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),
};

/** The waiting list in order: one item per waiting seat, keyed by its number. */
export const waitingList = {
  async first(table: Table, id: string): Promise<{ person: string; seq: number } | undefined> {
    const page = await table.query({ pk: keys.activity(id).pk, sk: { beginsWith: 'WAIT#' }, limit: 1, consistent: true });
    const item = page.items[0];
    return item ? { person: item.person as string, seq: item.seq as number } : undefined;
  },

  add(tx: UnitOfWork, id: string, seq: number, person: string): void {
    tx.create({ ...keys.wait(id, seq), person, seq }, 'retry');
  },

  remove(tx: UnitOfWork, id: string, seq: number): void {
    tx.delete(keys.wait(id, seq), { condition: cond.exists(), onConflict: 'retry' });
  },
};
