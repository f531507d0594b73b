import { type RouteContext, problems } from '@cocreate/kernel';
import { actsFor } from '../domain/agencies.ts';
import type { Subscription } from '../domain/subscriptions.ts';
import { type StoredAgency, agencies } from '../repos/agencies.ts';
import { subscriptions } from '../repos/subscriptions.ts';

/**
 * Authorisation shared by the agency-scoped routes. The kernel has already checked the role over the agency's
 * jurisdiction (the route's `place` resolves to it); here the finer rule: an `agency` user must be one of this
 * agency's members. Someone else's agency reads as not found, never as "exists but forbidden".
 */

/** The agency, read once per request (the route's place check and the use case share the read). */
const agencyOnce = (agencyId: string, ctx: RouteContext) => ctx.once(`agency:${agencyId}`, () => agencies.get(ctx.table, agencyId));

/** The place of an agency-scoped route: the agency's jurisdiction (undefined → 404). */
export const agencyPlace = async ({ params }: { params: { agencyId: string } }, ctx: RouteContext) =>
  (await agencyOnce(params.agencyId, ctx))?.jurisdiction;

export async function agencyFor(agencyId: string, ctx: RouteContext): Promise<StoredAgency> {
  const agency = await agencyOnce(agencyId, ctx);
  if (!agency || !actsFor(agency, ctx.actor)) throw problems.notFound({ zh: '订阅机构', en: 'The agency' });
  return agency;
}

export async function subscriptionFor(
  agencyId: string,
  subscriptionId: string,
  ctx: RouteContext,
): Promise<{ agency: StoredAgency; subscription: Subscription }> {
  const [agency, subscription] = await Promise.all([agencyFor(agencyId, ctx), subscriptions.get(ctx.table, agencyId, subscriptionId)]);
  if (!subscription) throw problems.notFound({ zh: '订阅', en: 'The subscription' });
  return { agency, subscription };
}
