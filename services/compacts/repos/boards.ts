import { type OnConflict, type Table, type UnitOfWork, readRecord, recordOf } from '@cocreate/kernel';
import type { Board } from '../domain/boards.ts';
import { keys } from './keys.ts';

export const boards = {
  get(table: Table, village: string, period: string): Promise<Board | undefined> {
    return readRecord<Board>(table, keys.board(village, period));
  },

  /** One board per village and period: a second publication finds the first. */
  create(tx: UnitOfWork, b: Board, onConflict: OnConflict): void {
    tx.create({ ...keys.board(b.village, b.period), ...b }, onConflict);
  },

  async listByVillage(table: Table, village: string): Promise<Board[]> {
    const items = await table.queryAll({ pk: keys.villageBoards(village), sk: { beginsWith: 'PERIOD#' } });
    return items.map((i) => recordOf<Board>(i));
  },
};
