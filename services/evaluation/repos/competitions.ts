import {
  type OnConflict,
  type Table,
  type UnitOfWork,
  type Versioned,
  cond,
  pageOf,
  readRecord,
  readVersioned,
  recordOf,
} from '@cocreate/kernel';
import type { Competition, JuryScore, Nomination } from '../domain/competition.ts';
import { keys } from './keys.ts';

export const competitions = {
  get: (table: Table, id: string): Promise<Versioned<Competition> | undefined> => readVersioned<Competition>(table, keys.competition(id)),
  put(tx: UnitOfWork, c: Competition, expectedVersion: number | undefined, onConflict: OnConflict): void {
    tx.putVersioned(
      { ...keys.competition(c.competitionId), gsi1pk: keys.competitionsAt(c.place), gsi1sk: `${c.createdAt}#${c.competitionId}`, ...c },
      expectedVersion,
      onConflict,
    );
  },
  /**
   * Guards a nomination or score on the competition still being in `status`, counting it and bumping the version: a
   * concurrent transition (start judging, decide) read an older version and recomputes, so nothing slips past it.
   */
  touch(tx: UnitOfWork, id: string, status: string, counter: 'nominations' | 'scores', onConflict: OnConflict): void {
    tx.update(keys.competition(id), { add: { [counter]: 1, version: 1 } }, { condition: cond.equals('status', status), onConflict });
  },
  nominate(tx: UnitOfWork, competitionId: string, key: string, n: Nomination, onDuplicate: OnConflict): void {
    tx.create({ ...keys.nomination(competitionId, key), ...n }, onDuplicate);
  },
  nomination: (table: Table, competitionId: string, key: string) => readRecord<Nomination>(table, keys.nomination(competitionId, key)),
  score(tx: UnitOfWork, competitionId: string, key: string, s: JuryScore, onDuplicate: OnConflict): void {
    tx.create({ ...keys.juryScore(competitionId, key, s.juror), ...s }, onDuplicate);
  },
  async nominations(table: Table, id: string): Promise<Nomination[]> {
    return (await table.queryAll({ pk: keys.competition(id).pk, sk: { beginsWith: 'NOM#' } })).map((i) => recordOf<Nomination>(i));
  },
  async scores(table: Table, id: string): Promise<JuryScore[]> {
    return (await table.queryAll({ pk: keys.competition(id).pk, sk: { beginsWith: 'SCORE#' } })).map((i) => recordOf<JuryScore>(i));
  },
  listAt: (table: Table, place: string, opts: { limit: number; cursor?: string | undefined }) =>
    pageOf<Competition>(table, {
      index: 'gsi1',
      pk: keys.competitionsAt(place),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),
};
