import { type RouteContext, problems } from '@cocreate/kernel';
import type { PlaceRecord } from '../domain/model.ts';
import {
  type RegisterPlace,
  type RenamePlace,
  type RetirePlace,
  decideRegisterPlace,
  decideRenamePlace,
  decideRetirePlace,
  ancestorsOf,
  frameOf,
  isPublicPlace,
  walksBelow,
} from '../domain/places.ts';
import { places } from '../repos/places.ts';
import { emitChanges, refuse, requireManager, settled, today } from './common.ts';

export async function registerPlace(cmd: RegisterPlace, ctx: RouteContext): Promise<PlaceRecord> {
  const path = cmd.parent ? `${cmd.parent}/${cmd.id}` : cmd.id;
  requireManager(ctx, cmd.kind, cmd.parent ?? path);
  const [parent, existing] = await Promise.all([cmd.parent ? places.get(ctx.table, cmd.parent) : undefined, places.get(ctx.table, path)]);
  const { state, changes } = settled(decideRegisterPlace(cmd, parent?.place, existing?.place), cmd.parent ? '/parent' : undefined);
  places.write(ctx.tx, state, frameOf(state.kind, state.path, parent?.frame), refuse('place-exists', { path }));
  emitChanges(ctx.tx, changes);
  return state;
}

export async function renamePlace(cmd: RenamePlace, ctx: RouteContext): Promise<PlaceRecord> {
  const stored = await placeOrThrow(cmd.path, ctx);
  requireManager(ctx, stored.place.kind, stored.place.path);
  const { state, changes } = settled(decideRenamePlace(stored.place, cmd));
  places.write(ctx.tx, state, stored.frame, 'retry');
  emitChanges(ctx.tx, changes);
  return state;
}

export async function retirePlace(cmd: RetirePlace, ctx: RouteContext): Promise<PlaceRecord> {
  const [stored, target] = await Promise.all([
    placeOrThrow(cmd.path, ctx),
    cmd.mergedInto ? places.get(ctx.table, cmd.mergedInto) : undefined,
  ]);
  requireManager(ctx, stored.place.kind, stored.place.path);
  const { state, changes } = settled(decideRetirePlace(stored.place, cmd, target?.place), cmd.mergedInto ? '/mergedInto' : undefined);
  places.write(ctx.tx, state, stored.frame, 'retry');
  emitChanges(ctx.tx, changes);
  return state;
}

export async function placeOrThrow(path: string, ctx: RouteContext) {
  const stored = await ctx.once(`place:${path}`, () => places.get(ctx.table, path));
  if (!stored) throw problems.notFound({ zh: '地点', en: 'The place' });
  return stored;
}

export async function getPlace(path: string, ctx: RouteContext) {
  const [stored, children] = await Promise.all([places.get(ctx.table, path), places.children(ctx.table, path)]);
  if (!stored) throw problems.notFound({ zh: '地点', en: 'The place' });
  return { ...stored.place, children };
}

/** How many places a public listing names at most: a county's page needs a few hundred; a province's stops early. */
export const PUBLIC_PLACES_CAP = 3_000;

/**
 * A place as public pages name it, with the places above it and the administrative places below it down to villages
 * (breadth first, so a province answers its cities and counties before the cap cuts the walk).
 */
export async function publicPlaces(path: string, ctx: RouteContext) {
  const on = today(ctx);
  const stored = await places.get(ctx.table, path);
  if (!stored || !isPublicPlace(stored.place, on)) throw problems.notFound({ zh: '地点', en: 'The place' });
  const above = await places.getMany(ctx.table, ancestorsOf(path));
  const below: PlaceRecord[] = [];
  let level: PlaceRecord[] = [stored.place];
  let complete = true;
  while (level.length && complete) {
    const walked = level.filter(walksBelow);
    const children = (await Promise.all(walked.map((p) => places.children(ctx.table, p.path)))).flat().filter((p) => isPublicPlace(p, on));
    const room = PUBLIC_PLACES_CAP - below.length;
    complete = children.length <= room;
    below.push(...children.slice(0, room));
    level = children;
  }
  const entry = (p: PlaceRecord) => ({ path: p.path, kind: p.kind, name: p.name });
  return {
    place: entry(stored.place),
    above: ancestorsOf(path).flatMap((a) => (above.get(a) ? [entry(above.get(a)!.place)] : [])),
    below: below.map(entry),
    complete,
  };
}
