import { type EventContract, type RegisterChange, registerChangeEvents } from '@cocreate/contracts';
import { type RouteContext, type UnitOfWork, grantFor, refusalsOf } from '@cocreate/kernel';
import { OVERSIGHT, type PlaceKind, type Role, chinaDay } from '@cocreate/places';
import { managersOf } from '../domain/places.ts';
import { refusals } from '../domain/refusals.ts';

/** Who may change a village's register: its cadres (村"两委"), and the township and county above it. */
export const KEEPERS: readonly Role[] = ['cadre', ...OVERSIGHT];

/** Who may read the register's masked views: its keepers and the village's supervision committee. */
export const READERS: readonly Role[] = [...KEEPERS, 'supervisor'];

/** Everyone who registers places of some level (the use case then checks the level, see `managersOf`). */
export const PLACE_MANAGERS: readonly Role[] = ['ops-admin', ...KEEPERS];

/** The registry's refusals as problems (`refuse`), and domain decisions settled into values or thrown (`settled`). */
export const { refuse, settled } = refusalsOf(refusals);

/** Today in China (UTC+8, no daylight saving): the day rules about terms and ages are asked of. */
export function today(ctx: Pick<RouteContext, 'now'>): string {
  return chinaDay(ctx.now());
}

/** The caller must hold a role that manages places of `kind` over `place` (finer than the route's own check). */
export function requireManager(ctx: RouteContext, kind: PlaceKind, place: string): void {
  if (!ctx.identity || !grantFor(ctx.identity, managersOf(kind), place)) {
    throw refuse('role-may-not-manage-kind', { kind, requiredRoles: managersOf(kind) });
  }
}

/** Each single change's event, by its type: the one list of them is the contracts'. */
const contracts = new Map<string, EventContract>(registerChangeEvents.map((c) => [c.type, c]));

/** The place an event is filed under: the thing's own path, a person's household, a body's village. */
function placeOf(change: RegisterChange): string {
  const s = change.state as { path?: string; household?: string; village: string };
  return s.path ?? s.household ?? s.village;
}

/** Records each change as its event, committed with the change itself (outbox). */
export function emitChanges(tx: UnitOfWork, changes: readonly RegisterChange[]): void {
  for (const c of changes) tx.emit(contracts.get(c.type)!, c.state as never, { place: placeOf(c) });
}
