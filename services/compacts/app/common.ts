import type { EvidenceRef } from '@cocreate/contracts';
import { type RouteContext, type ServiceContext, problems } from '@cocreate/kernel';
import {
  OVERSIGHT,
  type Place,
  type RegisteredHousehold,
  type Role,
  VILLAGE_COMMUNITY,
  chinaDay,
  rolesWithout,
  villageListScope,
} from '@cocreate/places';
import { refusals } from '../domain/refusals.ts';
import { refuse, refuseFields } from './refusals.ts';

/** Everyone who lives or serves in a village may read its compacts, duties, spaces and councils. */
export const READERS: readonly Role[] = rolesWithout(VILLAGE_COMMUNITY, 'owner');

/** Those who oversee records about households (violations, inspections) beyond their own household. */
export const OVERSEERS: readonly Role[] = ['cadre', 'supervisor', 'inspector', 'council-member', ...OVERSIGHT];

/** Today's date in China for this request or event. */
export const today = (ctx: Pick<ServiceContext, 'now'>): string => chinaDay(ctx.now());

/** The village (or community) a place lies in, or a 422 naming the field. */
export async function villageOf(ctx: Pick<ServiceContext, 'register'>, place: string, pointer: string): Promise<string> {
  const village = (await ctx.register.villageOf(place))?.path;
  if (!village) throw refuse('place-not-in-village', {}, pointer);
  return village;
}

/** The place at `path` if it is a village or community (what compacts, spaces, boards and evidence belong to). */
export async function villageAt(ctx: Pick<ServiceContext, 'register'>, path: string): Promise<Place | undefined> {
  const place = await ctx.register.place(path);
  return place?.kind === 'village' || place?.kind === 'community' ? place : undefined;
}

/** The village or community at `path`, or a 422 on the body's `/village`. */
export async function requireVillage(ctx: Pick<ServiceContext, 'register'>, path: string): Promise<Place> {
  const village = await villageAt(ctx, path);
  if (!village) throw refuse('not-a-village', {}, '/village');
  return village;
}

/** A household as read in this attempt: the route's place check and the handler share one read. */
export const householdOnce = (ctx: RouteContext, path: string): Promise<RegisteredHousehold | undefined> =>
  ctx.once(`household:${path}`, () => ctx.register.household(path));

/** The caller as the register knows them (no household or village for officials, who are not residents). */
export async function callerPerson(
  ctx: RouteContext,
): Promise<{ sub: string; household: string | undefined; village: string | undefined }> {
  const sub = ctx.identity?.sub ?? 'anonymous';
  const person = await ctx.once(`person:${sub}`, () => ctx.register.person(sub));
  return { sub, household: person?.household, village: person?.village };
}

/** People's names as the register has them (already masked), read together; people it does not know are left out. */
export async function namesOf(ctx: Pick<ServiceContext, 'register'>, people: Iterable<string>): Promise<Map<string, string>> {
  const found = await Promise.all([...new Set(people)].map((id) => ctx.register.person(id)));
  return new Map(found.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
}

/** Whether the caller's token holds `role` over `place` (a second role besides the one the route matched). */
export function callerHolds(ctx: RouteContext, role: Role, place: string): boolean {
  return (ctx.identity?.grants ?? []).some((g) => g.role === role && (place === g.place || place.startsWith(`${g.place}/`)));
}

/** Whether the caller oversees a village's records about households (not only their own household's). */
export function isOverseer(ctx: RouteContext, village: string): boolean {
  return OVERSEERS.some((role) => callerHolds(ctx, role, village));
}

/** Evidence references of a request, verified as the village's uploads (`at` names the field of each). */
export function verifiedEvidence(
  ctx: Pick<ServiceContext, 'evidence'>,
  refs: readonly EvidenceRef[] | undefined,
  village: string,
  at = '/evidence',
): Promise<EvidenceRef[]> {
  return Promise.all((refs ?? []).map((ref, i) => ctx.evidence.verify(ref, village, `${at}/${i}`)));
}

export const notFound = {
  compact: () => problems.notFound({ zh: '公约', en: 'The compact' }),
  version: () => problems.notFound({ zh: '公约版本', en: 'The compact version' }),
  space: () => problems.notFound({ zh: '公共空间', en: 'The space' }),
  adoption: () => problems.notFound({ zh: '认领记录', en: 'The adoption' }),
  inspection: () => problems.notFound({ zh: '检查记录', en: 'The inspection' }),
  violation: () => problems.notFound({ zh: '违约记录', en: 'The violation' }),
  board: () => problems.notFound({ zh: '红黑榜', en: 'The red/black list' }),
};

/**
 * A list asked for by `village` must name a village or community: asked with a township or county it would answer an
 * empty list that reads as "nothing happened" (issue 12 item 7). Refused with the parameter to use and the villages of
 * that scope (the shared `villageListScope` of @cocreate/places); a scope the register does not know is a 404.
 */
export async function listedVillage(ctx: Pick<ServiceContext, 'register'>, village: string): Promise<void> {
  const scope = await villageListScope(ctx.register, village);
  if (!scope) throw problems.notFound({ zh: '村或社区', en: 'The village' });
  if (scope.village) return;
  const [, zh, en] = refusals['list-needs-a-village'];
  throw refuseFields('list-needs-a-village', [{ in: 'query', pointer: '/village', rule: 'list-needs-a-village', message: { zh, en } }], {
    parameter: 'village',
    scopeKind: scope.scopeKind,
    villages: scope.villages,
  });
}

/** A list's window of days, `from` to `to` (each defaulted around today); a window that ends before it starts is refused. */
export function dateWindow(query: { from?: string | undefined; to?: string | undefined }, defaults: { from: string; to: string }) {
  const from = query.from ?? defaults.from;
  const to = query.to ?? defaults.to;
  if (from > to) throw refuse('dates-reversed', { from, to });
  return { from, to };
}
