import { RectificationOverdue } from '@cocreate/contracts';
import { defineJob } from '@cocreate/kernel';
import { chinaDate } from '../domain/dates.ts';
import { isOverdue } from '../domain/violations.ts';
import { violations } from '../store.ts';

/**
 * Flags rectifications past their deadline (整改逾期). Safe to re-run: each flag is a conditional write on the
 * violation's revision, so a second run (or a concurrent close) never flags twice, and a flagged one leaves the
 * open-rectification index.
 */
export const flagOverdueRectifications = defineJob({
  name: 'flag-overdue-rectifications',
  summary: 'Flag open rectifications whose deadline has passed; announce RectificationOverdue once each',
  schedule: 'rate(1 hour)',
  handler: async (ctx) => {
    const today = chinaDate(ctx.now());
    let cursor: string | undefined;
    let checked = 0;
    let flagged = 0;
    do {
      const page = await violations.openPastDeadline(ctx.table, today, 100, cursor);
      cursor = page.cursor;
      for (const id of page.ids) {
        checked += 1;
        let didFlag = false;
        await ctx.unit(async (tx) => {
          didFlag = false;
          const v = await violations.get(ctx.table, id);
          // Under appeal, closed meanwhile, or cancelled: nothing to flag now (appealed ones are looked at again later).
          if (!v || !isOverdue(v, today)) return;
          violations.save(tx, { ...v, rectification: { ...v.rectification!, status: 'overdue' } }, 'retry');
          tx.emit(
            RectificationOverdue,
            {
              violationId: v.violationId,
              village: v.village,
              household: v.household,
              person: v.person,
              deadline: v.rectification!.deadline,
            },
            { place: v.household },
          );
          didFlag = true;
        });
        if (didFlag) flagged += 1;
      }
      ctx.progress(checked, checked, `${flagged} flagged`);
    } while (cursor);
    return { checked, flagged };
  },
});
