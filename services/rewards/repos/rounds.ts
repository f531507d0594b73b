import {
  type Item,
  type OnConflict,
  type Table,
  type UnitOfWork,
  type Versioned,
  cond,
  readRecord,
  readVersioned,
  recordOf,
} from '@cocreate/kernel';
import type { Application, Round, RoundResult } from '../domain/rounds.ts';
import { SHARDS, keys, shardOf } from './keys.ts';

/** Award rounds (以奖代补) with their applications, published result and paid village awards. */
export const rounds = {
  get: (table: Table, roundId: string): Promise<Versioned<Round> | undefined> => readVersioned(table, keys.round(roundId)),

  write(tx: UnitOfWork, round: Round, expectedVersion: number | undefined, payoutPending: boolean): void {
    const item: Item = {
      ...keys.round(round.roundId),
      gsi1pk: `ROUNDS#${round.scope}`,
      gsi1sk: `${round.openedAt}#${round.roundId}`,
      ...round,
    };
    if (payoutPending) {
      // Sharded like expiries and holds: a province's rounds waiting for payout do not share one index partition.
      item.gsi2pk = `PAYOUTS#${shardOf(round.roundId)}`;
      item.gsi2sk = `${round.publishedAt}#${round.roundId}`;
    }
    tx.putVersioned(item, expectedVersion, 'retry');
  },

  async listByScope(table: Table, scope: string): Promise<Round[]> {
    const list = await table.queryAll({ index: 'gsi1', pk: `ROUNDS#${scope}` });
    return list.map((i) => recordOf<Round>(i));
  },

  /** Rounds published and not yet fully paid, from every shard, earliest published first. */
  async payoutsPending(table: Table): Promise<string[]> {
    const perShard = await Promise.all(
      Array.from({ length: SHARDS }, (_, shard) => table.queryAll({ index: 'gsi2', pk: `PAYOUTS#${shard}` })),
    );
    return perShard
      .flat()
      .sort((a, b) => String(a.gsi2sk).localeCompare(String(b.gsi2sk)))
      .map((i) => i.roundId as string);
  },

  application: (table: Table, roundId: string, applicant: string): Promise<Versioned<Application> | undefined> =>
    readVersioned(table, keys.application(roundId, applicant)),

  writeApplication(tx: UnitOfWork, app: Application, expectedVersion: number | undefined, onConflict: OnConflict): void {
    tx.putVersioned({ ...keys.application(app.roundId, app.applicant), ...app }, expectedVersion, onConflict);
  },

  async applications(table: Table, roundId: string): Promise<Application[]> {
    const list = await table.queryAll({ pk: `ROUND#${roundId}`, sk: { beginsWith: 'APP#' } });
    return list.map((i) => recordOf<Application>(i));
  },

  /**
   * Counts an application on the round and bumps its version, only while it is open and below the limit: a
   * publication computed without this application then fails its version check and recomputes.
   */
  countApplication(tx: UnitOfWork, roundId: string, max: number): void {
    tx.update(
      keys.round(roundId),
      { add: { applications: 1, version: 1 } },
      {
        condition: cond.and(cond.equals('status', 'open'), {
          expression: '#_n < :_max',
          names: { '#_n': 'applications' },
          values: { ':_max': max },
        }),
        onConflict: 'retry',
      },
    );
  },

  putResult(tx: UnitOfWork, result: RoundResult): void {
    tx.put({ ...keys.result(result.roundId), ...result }, { condition: cond.notExists(), onConflict: 'retry' });
  },

  result: (table: Table, roundId: string): Promise<RoundResult | undefined> => readRecord(table, keys.result(roundId)),

  async paidAwards(table: Table, roundId: string): Promise<Set<string>> {
    const list = await table.queryAll({ pk: `ROUND#${roundId}`, sk: { beginsWith: 'AWARD#' } });
    return new Set(list.map((i) => i.village as string));
  },

  createAward(tx: UnitOfWork, award: { roundId: string; awardId: string; village: string; amount: number; paidAt: string }): void {
    tx.put({ ...keys.award(award.roundId, award.village), ...award }, { condition: cond.notExists(), onConflict: 'retry' });
  },
};
