import { type OnConflict, type Table, type UnitOfWork, cond, readRecord, recordOf } from '@cocreate/kernel';
import type { CatalogueItem } from '../domain/supermarket.ts';
import { keys } from './keys.ts';

/** Catalogue items of the points supermarket, with their three stock counters (shelf, held, sold). */
export const items = {
  get: (table: Table, itemId: string): Promise<CatalogueItem | undefined> => readRecord(table, keys.item(itemId)),

  create(tx: UnitOfWork, item: CatalogueItem): void {
    tx.put(
      { ...keys.item(item.itemId), gsi1pk: `CATALOGUE#${item.place}`, gsi1sk: `${item.createdAt}#${item.itemId}`, ...item },
      { condition: cond.notExists(), onConflict: 'retry' },
    );
  },

  /** Field changes that do not touch the counters (those only move atomically below), on the item as last changed. */
  change(tx: UnitOfWork, itemId: string, set: Record<string, unknown>, lastChangedAt: string): void {
    tx.update(keys.item(itemId), { set }, { condition: cond.equals('updatedAt', lastChangedAt), onConflict: 'retry' });
  },

  restock(tx: UnitOfWork, itemId: string, quantity: number, at: string): void {
    tx.update(keys.item(itemId), { add: { stock: quantity }, set: { updatedAt: at } }, { condition: cond.exists(), onConflict: 'retry' });
  },

  /** Shelf → held, only if the shelf still has that many (the no-oversell guarantee); `onConflict` when it has not. */
  holdStock(tx: UnitOfWork, itemId: string, quantity: number, onConflict: OnConflict): void {
    tx.update(keys.item(itemId), { add: { stock: -quantity, held: quantity } }, { condition: cond.atLeast('stock', quantity), onConflict });
  },

  /** Held → shelf (cancelled or expired). */
  releaseStock(tx: UnitOfWork, itemId: string, quantity: number): void {
    tx.update(
      keys.item(itemId),
      { add: { stock: quantity, held: -quantity } },
      { condition: cond.atLeast('held', quantity), onConflict: 'retry' },
    );
  },

  /** Held → sold (fulfilled). */
  sellStock(tx: UnitOfWork, itemId: string, quantity: number): void {
    tx.update(
      keys.item(itemId),
      { add: { sold: quantity, held: -quantity } },
      { condition: cond.atLeast('held', quantity), onConflict: 'retry' },
    );
  },

  async listByPlace(table: Table, place: string): Promise<CatalogueItem[]> {
    const list = await table.queryAll({ index: 'gsi1', pk: `CATALOGUE#${place}` });
    return list.map((i) => recordOf<CatalogueItem>(i));
  },
};
