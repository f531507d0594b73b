import { z } from 'zod';
import { type Identity, type RouteContext, holds } from '@cocreate/kernel';
import type { RegisteredPerson, Register, Role } from '@cocreate/places';
import type { PostingContext } from './posting.ts';
import { says } from '@cocreate/contracts';

/** Roles that look after a village's residents and may read their points (not just their own). */
export const STEWARDS: Role[] = ['cadre', 'grid-worker', 'supervisor', 'township-official', 'county-official'];

/** Whether the caller holds any of `roles` over `place` (finer checks than the route's own). */
export function holdsAny(identity: Identity | undefined, roles: readonly Role[], place: string): boolean {
  return !!identity && roles.some((r) => holds(identity, r, place));
}

export const posting = (ctx: RouteContext): PostingContext => ({
  table: ctx.table,
  register: ctx.register,
  tx: ctx.tx,
  now: ctx.now,
  actor: ctx.actor.sub,
});

/** A person as read in this attempt: the route's place check and the handler share one read. */
export const personOnce = (ctx: RouteContext, id: string): Promise<RegisteredPerson | undefined> =>
  ctx.once(`person:${id}`, () => ctx.register.person(id));

/** People's names as the register has them (already masked), read together; people it does not know are left out. */
export async function namesOf(register: Register, people: Iterable<string>): Promise<Map<string, string>> {
  const found = await Promise.all([...new Set(people)].map((id) => register.person(id)));
  return new Map(found.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
}

export const Page = {
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
};

/** A month `2026-05` or a year `2026` (China time). */
export const Period = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, says({ zh: '月份 YYYY-MM 或年份 YYYY', en: 'a month YYYY-MM or a year YYYY' }));
