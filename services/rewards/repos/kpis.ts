import { type Table, type UnitOfWork, cond, readRecord, recordOf } from '@cocreate/kernel';
import type { KpiRecord } from '../domain/rounds.ts';
import { keys } from './keys.ts';

/** Evaluation's KPIs per village and year, as its ParticipationAssessed events publish them. */
export const kpis = {
  get: (table: Table, village: string, year: number): Promise<KpiRecord | undefined> => readRecord(table, keys.kpi(village, year)),

  async getMany(table: Table, villages: string[], year: number): Promise<Map<string, KpiRecord>> {
    const list = await table.getMany(villages.map((v) => keys.kpi(v, year)));
    return new Map(list.map((i) => [i.village as string, recordOf<KpiRecord>(i)]));
  },

  async ofVillage(table: Table, village: string): Promise<KpiRecord[]> {
    const list = await table.queryAll({ pk: `KPI#${village}` });
    return list.map((i) => recordOf<KpiRecord>(i));
  },

  /** Replaces the record only if it is still the one the decision was made against. */
  put(tx: UnitOfWork, record: KpiRecord, previous: KpiRecord | undefined): void {
    tx.put(
      { ...keys.kpi(record.village, record.year), ...record },
      { condition: previous ? cond.equals('assessmentId', previous.assessmentId) : cond.notExists(), onConflict: 'retry' },
    );
  },
};
