import type { SubsidyAwarded } from '@cocreate/contracts';
import type { Delivered, EventContext } from '@cocreate/kernel';
import { sources } from '../repos/ledger.ts';
import { today } from './common.ts';
import { bookReceipt } from './pools.ts';

/**
 * Pays an award in lieu of subsidies (以奖代补) into the village's pool as a fiscal-award source, carrying the round's
 * purpose restriction. Once per award, however many copies of the event arrive.
 */
export async function payInAward(event: Delivered<typeof SubsidyAwarded>, ctx: EventContext): Promise<void> {
  const a = event.data;
  const kind = (await ctx.register.place(a.village))?.kind;
  if (kind !== 'village' && kind !== 'community') {
    throw new Error(`SubsidyAwarded ${a.awardId}: ${a.village} is not a village or community in the places data`);
  }
  if (await sources.awardSeen(ctx.table, a.village, a.awardId)) {
    ctx.log.info('award already paid in', { awardId: a.awardId });
    return;
  }
  const categories = a.restriction?.categories;
  const received = bookReceipt(ctx.tx, {
    pool: a.village,
    source: 'fiscal-award',
    from: a.title,
    amount: a.amount,
    ...(categories && categories.length ? { restriction: { categories } } : {}),
    receivedAt: ctx.now().toISOString(),
    receivedOn: today(ctx),
    recordedBy: event.meta.actor.sub,
    origin: 'award',
    awardId: a.awardId,
  });
  sources.markAward(ctx.tx, a.village, a.awardId, received.sourceId);
}
