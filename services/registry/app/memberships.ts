import { type RouteContext, newId, problems } from '@cocreate/kernel';
import type { BodyKind } from '@cocreate/contracts';
import type { MembershipRecord } from '../domain/model.ts';
import { type EndMembership, type StartMembership, decideEndMembership, decideStartMembership, membersOn } from '../domain/memberships.ts';
import { VILLAGE_KINDS } from '../domain/places.ts';
import { memberships } from '../repos/memberships.ts';
import { people } from '../repos/people.ts';
import { places } from '../repos/places.ts';
import { emitChanges, refuse, settled, today } from './common.ts';

export async function startMembership(cmd: StartMembership, ctx: RouteContext): Promise<MembershipRecord> {
  const [village, person, seat] = await Promise.all([
    places.get(ctx.table, cmd.village),
    people.get(ctx.table, cmd.person),
    memberships.seat(ctx.table, cmd.person, cmd.village, cmd.body),
  ]);
  if (!village || !VILLAGE_KINDS.has(village.place.kind) || village.place.retired) throw refuse('not-a-village', {}, '/village');
  if (!person) throw refuse('person-unknown', { person: cmd.person }, '/person');
  if (person.left) throw refuse('person-left', { person: cmd.person });
  const { state, changes } = settled(decideStartMembership(cmd, newId(), seat?.terms ?? []));
  memberships.write(ctx.tx, state);
  memberships.writeSeat(ctx.tx, seat, [state]);
  emitChanges(ctx.tx, changes);
  return state;
}

export async function membershipOrThrow(membershipId: string, ctx: RouteContext): Promise<MembershipRecord> {
  const m = await ctx.once(`membership:${membershipId}`, () => memberships.get(ctx.table, membershipId));
  if (!m) throw problems.notFound({ zh: '任职记录', en: 'The membership' });
  return m;
}

export async function endMembership(membershipId: string, cmd: EndMembership, ctx: RouteContext): Promise<MembershipRecord> {
  const m = await membershipOrThrow(membershipId, ctx);
  const seat = await memberships.seat(ctx.table, m.person, m.village, m.body);
  const { state, changes } = settled(decideEndMembership(m, cmd), '/until');
  memberships.write(ctx.tx, state);
  memberships.writeSeat(ctx.tx, seat, [state]);
  emitChanges(ctx.tx, changes);
  return state;
}

/** 某日的组织成员: who sat on a village's body on a day (today by default), with masked names. */
export async function bodyMembers(query: { village: string; body: BodyKind; on?: string | undefined }, ctx: RouteContext) {
  const on = query.on ?? today(ctx);
  const terms = membersOn(await memberships.ofBody(ctx.table, query.village, query.body), on);
  const names = await people.getMany(
    ctx.table,
    terms.map((t) => t.person),
  );
  return {
    village: query.village,
    body: query.body,
    on,
    members: terms.map((t) => ({ ...t, maskedName: names.get(t.person)?.maskedName ?? '' })),
  };
}
