import { type RegisteredPerson, type Role, ancestorOf } from '@cocreate/places';
import { type RouteContext, type ServiceContext, holds, refusalsOf } from '@cocreate/kernel';
import { refusals } from '../domain/refusals.ts';

/** Everyone who may read a village's deliberation records (the records are the village's public business). */
export const VILLAGE_READERS: readonly Role[] = [
  'resident',
  'household-head',
  'owner',
  'party-member',
  'representative',
  'grid-worker',
  'cadre',
  'supervisor',
  'treasurer',
  'inspector',
  'council-member',
  'expert',
  'township-official',
  'county-official',
];

/** The people of a village who may take part (second a need, object, vote when a member of the body). */
export const VILLAGE_PEOPLE: readonly Role[] = [
  'resident',
  'household-head',
  'owner',
  'party-member',
  'representative',
  'cadre',
  'supervisor',
  'treasurer',
  'inspector',
  'council-member',
];

/** Deliberation's refusals as problems: `refuse(code)` → 403, 409 or 422 with the code and both languages. */
export const { refuse, settled } = refusalsOf(refusals);

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
