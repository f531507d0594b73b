import { type RegisteredPerson, type Role, VILLAGERS, VILLAGE_COMMUNITY, VILLAGE_OFFICERS, ancestorOf } from '@cocreate/places';
import { type RouteContext, type ServiceContext, holds, problems, refusalsOf } from '@cocreate/kernel';
import { refusals } from '../domain/refusals.ts';

/** Everyone who may read a village's deliberation records (the records are the village's public business). */
export const VILLAGE_READERS: readonly Role[] = [...VILLAGE_COMMUNITY, 'expert'];

/** The people of a village who may take part (second a need, object, vote when a member of the body). */
export const VILLAGE_PEOPLE: readonly Role[] = [...VILLAGERS, ...VILLAGE_OFFICERS];

/** Deliberation's refusals as problems: `refuse(code)` → 403, 409 or 422 with the code and both languages. */
export const { refuse, refuseFields, settled } = refusalsOf(refusals);

/** The village or community a place lies in (itself when it is one). */
export async function villageOf(ctx: ServiceContext, place: string): Promise<string | undefined> {
  return (await ctx.register.villageOf(place))?.path;
}

/** Whether a path names a village or community of the register itself (not a place inside one). */
export async function isVillage(ctx: ServiceContext, path: string): Promise<boolean> {
  const place = await ctx.register.place(path);
  return place?.kind === 'village' || place?.kind === 'community';
}

/** Refuses a path that is not a village or community itself (422). */
export async function assertVillage(ctx: ServiceContext, path: string): Promise<void> {
  if (!(await isVillage(ctx, path))) throw refuse('place-not-in-village');
}

/**
 * A list asked for by `village` must name a village or community: asked with a township or county, it would answer
 * an empty list that reads as "nothing happened". Refused instead with the parameter to use and the villages of that
 * scope to use it with (a scope the register does not know is a 404).
 */
export async function listedVillage(ctx: ServiceContext, village: string): Promise<void> {
  const place = await ctx.register.place(village);
  if (place?.kind === 'village' || place?.kind === 'community') return;
  if (!place) throw problems.notFound({ zh: '村或社区', en: 'The village' });
  const inside = [...(await ctx.register.within(village, 'village')), ...(await ctx.register.within(village, 'community'))];
  const [, zh, en] = refusals['list-needs-a-village'];
  throw refuseFields('list-needs-a-village', [{ in: 'query', pointer: '/village', rule: 'list-needs-a-village', message: { zh, en } }], {
    parameter: 'village',
    scopeKind: place.kind,
    villages: inside.slice(0, 200).map((v) => v.path),
  });
}

/** Whether the caller holds `role` over the village (finer than the route's check, which accepts several roles). */
export function callerHolds(ctx: RouteContext, role: Role, village: string): boolean {
  return ctx.identity !== undefined && holds(ctx.identity, role, village);
}

/** The township a village files its decisions with (报镇党委备案): its nearest township ancestor. */
export async function townshipOf(ctx: ServiceContext, village: string): Promise<string> {
  const township = await ancestorOf(ctx.register, village, 'township');
  if (!township) throw new Error(`no township above ${village}`);
  return township.path;
}

/** People as the register knows them (masked names, household, village), by id: every distinct person read at once. */
export async function peopleById(ctx: ServiceContext, ids: readonly string[]): Promise<ReadonlyMap<string, RegisteredPerson>> {
  const distinct = [...new Set(ids)];
  const people = await Promise.all(distinct.map((id) => ctx.register.person(id)));
  return new Map(people.flatMap((p) => (p ? [[p.id, p] as const] : [])));
}

/** The person behind the caller's token in the register, who must belong to the village. */
export async function personIn(ctx: RouteContext, village: string): Promise<{ id: string; household: string }> {
  const person = await ctx.register.person(ctx.actor.sub);
  if (!person || person.village !== village) throw refuse('resident-elsewhere');
  return { id: person.id, household: person.household };
}
