import { type Identity, type RouteContext, type ServiceContext, holds, problems, refusalsOf } from '@cocreate/kernel';
import { OVERSIGHT, type Register, type RegisteredPerson, type Role, villageListScope } from '@cocreate/places';
import { refusals } from '../domain/refusals.ts';

/** The one way a rewards refusal becomes a problem (403, 409 or 422 with the catalogue's code and text). */
export const { refuse, settled, refuseFields } = refusalsOf(refusals);

/** Roles that look after a village's residents and may read their points (not just their own). */
export const STEWARDS: Role[] = ['cadre', 'grid-worker', 'supervisor', ...OVERSIGHT];

/** Whether the caller holds any of `roles` over `place` (finer checks than the route's own). */
export function holdsAny(identity: Identity | undefined, roles: readonly Role[], place: string): boolean {
  return !!identity && roles.some((r) => holds(identity, r, place));
}

/** A person as read in this attempt: the route's place check and the use case share one read. */
export const personOnce = (ctx: RouteContext, id: string): Promise<RegisteredPerson | undefined> =>
  ctx.once(`person:${id}`, () => ctx.register.person(id));

/** People's names as the register has them (already masked), read together; people it does not know are left out. */
export async function namesOf(register: Register, people: Iterable<string>): Promise<Map<string, string>> {
  const found = await Promise.all([...new Set(people)].map((id) => register.person(id)));
  return new Map(found.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
}

/**
 * A list asked for by `village` must name a village or community: asked with a township or county it would answer an
 * empty list that reads as "nothing happened" (issue 12 item 7). Refused with the parameter to use and the villages of
 * that scope (the shared `villageListScope` of @cocreate/places); a scope the register does not know is a 404.
 */
export async function listedVillage(ctx: ServiceContext, village: string): Promise<void> {
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
