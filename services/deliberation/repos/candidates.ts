import { type OnConflict, type Table, type UnitOfWork, pageOf, readVersioned } from '@cocreate/kernel';
import type { Candidate } from '../domain/lists.ts';
import { keys } from './keys.ts';

export const candidates = {
  getVersioned: (table: Table, id: string) => readVersioned<Candidate>(table, keys.candidate(id)),

  save(tx: UnitOfWork, c: Candidate, expectedVersion: number | undefined, onConflict: OnConflict): void {
    tx.putVersioned(
      { ...keys.candidate(c.candidateId), gsi1pk: keys.villageCandidates(c.village), gsi1sk: `${c.createdAt}#${c.candidateId}`, ...c },
      expectedVersion,
      onConflict,
    );
  },

  /** One more support: the exact running total read plus one, or recompute (the event carries the exact total). */
  countSupport(tx: UnitOfWork, candidateId: string, readTotal: number, at: string): void {
    tx.update(
      keys.candidate(candidateId),
      { set: { supports: readTotal + 1, lastSupportedAt: at }, add: { version: 1 } },
      {
        condition: {
          expression: '#s = :s AND #st = :open',
          names: { '#s': 'supports', '#st': 'status' },
          values: { ':s': readTotal, ':open': 'open' },
        },
        onConflict: 'retry',
      },
    );
  },

  addSupport(tx: UnitOfWork, candidateId: string, person: string, household: string | undefined, at: string, duplicate: OnConflict): void {
    tx.create({ ...keys.candidateSupport(candidateId, person), person, ...(household ? { household } : {}), at }, duplicate);
  },

  async hasSupport(table: Table, candidateId: string, person: string): Promise<boolean> {
    return (await table.get(keys.candidateSupport(candidateId, person))) !== undefined;
  },

  listByVillage: (table: Table, village: string, opts: { limit: number; cursor?: string | undefined }) =>
    pageOf<Candidate>(table, {
      index: 'gsi1',
      pk: keys.villageCandidates(village),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),
};
