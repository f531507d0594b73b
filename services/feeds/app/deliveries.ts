import type { Page, RouteContext } from '@cocreate/kernel';
import { type Delivery, redrive } from '../domain/deliveries.ts';
import { notPaused, webhookOnly } from '../domain/subscriptions.ts';
import { deliveries } from '../repos/deliveries.ts';
import { subscriptionFor } from './access.ts';
import { settled } from './refusals.ts';

/** At most this many dead letters per redrive request (one transaction). */
export const MAX_REDRIVE = 50;

type Paging = { limit: number; cursor?: string | undefined };

export async function listDeliveries(agencyId: string, subscriptionId: string, paging: Paging, ctx: RouteContext): Promise<Page<Delivery>> {
  await subscriptionFor(agencyId, subscriptionId, ctx);
  return deliveries.list(ctx.table, subscriptionId, paging);
}

export async function listDeadLetters(
  agencyId: string,
  subscriptionId: string,
  paging: Paging,
  ctx: RouteContext,
): Promise<Page<Delivery>> {
  await subscriptionFor(agencyId, subscriptionId, ctx);
  return deliveries.dead(ctx.table, subscriptionId, paging);
}

/** Sends dead letters again (those named, or the oldest): each gets a fresh 24-hour retry window. */
export async function redriveDeadLetters(
  agencyId: string,
  subscriptionId: string,
  cmd: { deliveryIds?: string[] | undefined },
  ctx: RouteContext,
): Promise<{ redriven: string[]; notDead: string[] }> {
  const { subscription } = await subscriptionFor(agencyId, subscriptionId, ctx);
  const sub = settled(notPaused(settled(webhookOnly(subscription))));
  const chosen = cmd.deliveryIds
    ? await deliveries.getMany(ctx.table, sub.subscriptionId, cmd.deliveryIds)
    : (await deliveries.dead(ctx.table, sub.subscriptionId, { limit: MAX_REDRIVE })).items;
  const now = ctx.now();
  const redriven: string[] = [];
  for (const d of chosen) {
    if (d.status !== 'dead') continue;
    // A concurrent redrive of the same letter loses the version race and is recomputed (then finds it pending).
    deliveries.save(ctx.tx, redrive(d, now), d.version, now, 'retry');
    redriven.push(d.deliveryId);
  }
  if (redriven.length) ctx.tx.startJob('deliver');
  const notDead = (cmd.deliveryIds ?? []).filter((id) => !redriven.includes(id));
  return { redriven, notDead };
}
