import type { Table, UnitOfWork } from '@cocreate/kernel';
import type { NeedSeen } from '../domain/needs.ts';
import { keys } from './keys.ts';

export const needsSeen = {
  record(tx: UnitOfWork, seen: NeedSeen): void {
    tx.put({ ...keys.needSeen(seen.village, seen.needId), ...seen });
    tx.update(keys.summary(seen.village), { add: { needsSeen: 1 }, set: { village: seen.village } });
  },

  /**
   * One page of the needs seen for a village, newest first, with the running count: a read that stays the same size
   * however many needs the village raised (it was every one of them, one query page after another).
   */
  async list(
    table: Table,
    village: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<{ count: number; needs: NeedSeen[]; cursor?: string }> {
    const [summary, found] = await Promise.all([
      table.get(keys.summary(village)),
      table.query({
        pk: keys.village(village),
        sk: { beginsWith: 'NEED-SEEN#' },
        limit: page.limit,
        forward: false,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      }),
    ]);
    return {
      count: (summary?.needsSeen as number | undefined) ?? 0,
      ...(found.cursor ? { cursor: found.cursor } : {}),
      needs: found.items.map(({ needId, village: v, category, eventId, seenAt }) => ({
        needId: needId as string,
        village: v as string,
        category: category as string,
        eventId: eventId as string,
        seenAt: seenAt as string,
      })),
    };
  },
};
