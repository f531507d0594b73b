import { type Table, type UnitOfWork, readRecord, recordOf } from '@cocreate/kernel';
import type { MembershipRecord, Seat } from '../domain/model.ts';
import { keys, writeAtRevision } from './keys.ts';

export const memberships = {
  async get(table: Table, id: string): Promise<MembershipRecord | undefined> {
    return readRecord<MembershipRecord>(table, keys.membership(id));
  },

  /** Every term ever held on a village's body (the roster's history; members on a day are filtered from it). */
  async ofBody(table: Table, village: string, body: string): Promise<MembershipRecord[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: `BODY#${village}#${body}` });
    return items.map((i) => recordOf<MembershipRecord>(i));
  },

  async seat(table: Table, person: string, village: string, body: string): Promise<Seat | undefined> {
    return readRecord<Seat>(table, keys.seat(person, village, body));
  },

  /** Every term a person holds or held, read by key (consistently): what leaving or moving away ends. */
  async ofPerson(table: Table, person: string): Promise<MembershipRecord[]> {
    const seats = await table.queryAll({ pk: `SEAT#${person}`, consistent: true });
    const ids = seats.flatMap((s) => (s.terms as Seat['terms']).map((t) => t.membershipId));
    const items = await table.getMany(ids.map(keys.membership));
    return items.map((i) => recordOf<MembershipRecord>(i));
  },

  write(tx: UnitOfWork, m: MembershipRecord): void {
    writeAtRevision(
      tx,
      { ...keys.membership(m.membershipId), gsi1pk: `BODY#${m.village}#${m.body}`, gsi1sk: `${m.from}#${m.membershipId}`, ...m },
      m.revision,
      'retry',
    );
  },

  /** The seat with terms added or changed (all of one person on one body), at the seat's next revision. */
  writeSeat(tx: UnitOfWork, seat: Seat | undefined, changed: readonly MembershipRecord[]): void {
    const m = changed[0]!;
    const ids = new Set(changed.map((c) => c.membershipId));
    const terms = [
      ...(seat?.terms ?? []).filter((t) => !ids.has(t.membershipId)),
      ...changed.map((c) => ({ membershipId: c.membershipId, from: c.from, ...(c.until ? { until: c.until } : {}) })),
    ];
    const next: Seat = { person: m.person, village: m.village, body: m.body, terms, revision: (seat?.revision ?? 0) + 1 };
    writeAtRevision(tx, { ...keys.seat(m.person, m.village, m.body), ...next }, next.revision, 'retry');
  },
};
