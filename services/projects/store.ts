import type { Table, UnitOfWork } from '@cocreate/kernel';

/**
 * The projects table's layout. Keys are built here and nowhere else.
 *   VILLAGE#<village> / NEED-SEEN#<needId>      a need deliberation announced (the slice's consumer)
 *   VILLAGE#<village> / SUMMARY                 running counters for the village
 */
export const keys = {
  village: (village: string) => `VILLAGE#${village}`,
  needSeen: (village: string, needId: string) => ({ pk: `VILLAGE#${village}`, sk: `NEED-SEEN#${needId}` }),
  summary: (village: string) => ({ pk: `VILLAGE#${village}`, sk: 'SUMMARY' }),
};

export interface NeedSeen {
  needId: string;
  village: string;
  category: string;
  eventId: string;
  seenAt: string;
}

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
