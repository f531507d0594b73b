import { problems, type RouteContext } from '@cocreate/kernel';
import { type Agency, actsFor } from '../domain/agencies.ts';
import type { Subscription } from '../domain/subscriptions.ts';
import { agencies, subscriptions } from '../store.ts';

/**
 * Authorisation shared by the agency-scoped routes. The kernel has already checked the role over the agency's
 * jurisdiction (the route's `place` resolves to it); here the finer rule: an `agency` user must be one of this
 * agency's members. Someone else's agency reads as not found, never as "exists but forbidden".
 */

/** The place of an agency-scoped route: the agency's jurisdiction (undefined → 404). */
export const agencyPlace = async ({ params }: { params: { agencyId: string } }, ctx: RouteContext) =>
  (await agencies.get(ctx.table, params.agencyId))?.jurisdiction;

export async function agencyFor(agencyId: string, ctx: RouteContext): Promise<Agency & { version: number }> {
  const agency = await agencies.get(ctx.table, agencyId);
  if (!agency || !actsFor(agency, ctx.actor)) throw problems.notFound({ zh: '订阅机构', en: 'The agency' });
  return agency;
}

export async function subscriptionFor(
  agencyId: string,
  subscriptionId: string,
  ctx: RouteContext,
): Promise<{ agency: Agency & { version: number }; subscription: Subscription }> {
  const agency = await agencyFor(agencyId, ctx);
  const subscription = await subscriptions.get(ctx.table, agencyId, subscriptionId);
  if (!subscription) throw problems.notFound({ zh: '订阅', en: 'The subscription' });
  return { agency, subscription };
}

export const webhookOnly = (sub: Subscription) => {
  if (sub.delivery.mode !== 'webhook') {
    throw problems.rule('not-a-webhook-subscription', {
      zh: '该订阅为拉取模式，没有推送投递；请从 GET /feeds/events 读取。',
      en: 'This is a pull subscription: nothing is pushed; read GET /feeds/events instead.',
    });
  }
};
