import type { Table, UnitOfWork } from '@cocreate/kernel';
import type { NeedSeen } from '../domain/needs.ts';
import { keys } from './keys.ts';

export const needsSeen = {
  record(tx: UnitOfWork, seen: NeedSeen): void {
    tx.put({ ...keys.needSeen(seen.village, seen.needId), ...seen });
    tx.update(keys.summary(seen.village), { add: { needsSeen: 1 }, set: { village: seen.village } });
  },

  async list(table: Table, village: string): Promise<{ count: number; needs: NeedSeen[] }> {
    const [summary, items] = await Promise.all([
      table.get(keys.summary(village)),
      table.queryAll({ pk: keys.village(village), sk: { beginsWith: 'NEED-SEEN#' } }),
    ]);
    return {
      count: (summary?.needsSeen as number | undefined) ?? 0,
      needs: items.map(({ needId, village: v, category, eventId, seenAt }) => ({
        needId: needId as string,
        village: v as string,
        category: category as string,
        eventId: eventId as string,
        seenAt: seenAt as string,
      })),
    };
  },
};
