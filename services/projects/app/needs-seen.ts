import type { NeedRaised } from '@cocreate/contracts';
import type { Delivered, EventContext, RouteContext } from '@cocreate/kernel';
import type { NeedSeen } from '../domain/needs.ts';
import { needsSeen } from '../repos/needs-seen.ts';
import { listedVillage } from './common.ts';

/** Deliberation announced a need: projects keeps a record so candidate projects can be traced back to it. */
export async function recordNeedSeen(event: Delivered<typeof NeedRaised>, ctx: EventContext): Promise<void> {
  needsSeen.record(ctx.tx, {
    needId: event.data.needId,
    village: event.data.village,
    category: event.data.category,
    eventId: event.meta.id,
    seenAt: ctx.now().toISOString(),
  });
}

export async function listNeedsSeen(
  query: { village: string; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
): Promise<{ count: number; needs: NeedSeen[]; cursor?: string }> {
  await listedVillage(ctx, query.village);
  return needsSeen.list(ctx.table, query.village, query);
}
