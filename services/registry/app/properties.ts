import { type RouteContext, problems } from '@cocreate/kernel';
import { ancestorsOf } from '@cocreate/places';
import type { PropertyRecord } from '../domain/model.ts';
import { type RecordOwner, type RecordSale, decideRecordOwner, decideSale, ownersOn } from '../domain/properties.ts';
import { people } from '../repos/people.ts';
import { places } from '../repos/places.ts';
import { properties } from '../repos/properties.ts';
import { emitChanges, refuse, settled, today } from './common.ts';

/**
 * A property is a household place in an urban community or inside a compound (小区): owners' decisions (业主共同决定)
 * are a community's. Answers the community the property counts in.
 */
export async function flatAt(path: string, ctx: RouteContext): Promise<string> {
  const tree = await ctx.once(`ancestors:${path}`, () => places.getMany(ctx.table, ancestorsOf(path)));
  const self = tree.get(path);
  const village = self?.frame.village;
  const inCompound = [...tree.values()].some((p) => p.place.kind === 'compound');
  if (!self || self.place.kind !== 'household' || !village || (tree.get(village)?.place.kind !== 'community' && !inCompound)) {
    throw refuse('not-a-flat', { path }, '/property');
  }
  return village;
}

/** Each person named must be in the register and not have died or moved away. */
async function requirePeople(ids: readonly { id: string; pointer: string }[], ctx: RouteContext): Promise<void> {
  const found = await people.getMany(
    ctx.table,
    ids.map((i) => i.id),
  );
  for (const { id, pointer } of ids) {
    const p = found.get(id);
    if (!p) throw refuse('person-unknown', { person: id }, pointer);
    if (p.left) throw refuse('person-left', { person: id });
  }
}

export async function recordOwner(cmd: RecordOwner, ctx: RouteContext): Promise<PropertyRecord> {
  const village = await flatAt(cmd.property, ctx);
  const [current] = await Promise.all([
    properties.get(ctx.table, cmd.property),
    requirePeople([{ id: cmd.person, pointer: '/person' }], ctx),
  ]);
  const { state, changes } = settled(decideRecordOwner(current, village, cmd));
  properties.write(ctx.tx, state);
  properties.pointOwner(ctx.tx, cmd.person, state.path);
  emitChanges(ctx.tx, changes);
  return state;
}

export async function recordSale(cmd: RecordSale, ctx: RouteContext): Promise<PropertyRecord> {
  await flatAt(cmd.property, ctx);
  const [current] = await Promise.all([
    properties.get(ctx.table, cmd.property),
    requirePeople([{ id: cmd.buyer, pointer: '/buyer' }], ctx),
  ]);
  const { state, changes } = settled(decideSale(current, cmd));
  properties.write(ctx.tx, state);
  properties.pointOwner(ctx.tx, cmd.buyer, state.path);
  emitChanges(ctx.tx, changes);
  return state;
}

export async function getProperty(query: { path: string; on?: string | undefined }, ctx: RouteContext) {
  const property = await properties.get(ctx.table, query.path);
  if (!property) throw problems.notFound({ zh: '房屋产权记录', en: 'The property' });
  const on = query.on ?? today(ctx);
  return { ...property, on, ownersOn: ownersOn(property, on) };
}
