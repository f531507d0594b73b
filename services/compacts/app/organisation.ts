import { DutyAssigned } from '@cocreate/contracts';
import { type RouteContext, newId, problems } from '@cocreate/kernel';
import { isWithin, parentOf } from '@cocreate/places';
import { COUNCILS, councilsOf } from '../domain/councils.ts';
import { type AssignDuty, type Duty, ORG_LEVELS, type OrgUnit, type SetOrgUnit, checkOrgSetter, checkOrgUnit } from '../domain/duties.ts';
import { duties, organisation } from '../repos/organisation.ts';
import { householdOnce, listedVillage, namesOf, today, villageOf } from './common.ts';
import { settled } from './refusals.ts';

/** 一约四会 councils, 门前三包 duties and the four-level organisation. */

/** The village a household lies in (what the duty routes' place check asks; read once per attempt). */
export const householdVillage = async (household: string, ctx: RouteContext): Promise<string | undefined> =>
  (await householdOnce(ctx, household))?.village;

/** The four councils of a village with their members (from the register; names masked). */
export async function listCouncils(village: string, ctx: RouteContext) {
  await listedVillage(ctx, village);
  const bodies = await Promise.all(COUNCILS.map((c) => ctx.register.body(village, c.kind)));
  const members = new Map(COUNCILS.map((c, i) => [c.kind, bodies[i]?.members ?? []]));
  const names = await namesOf(ctx, [...members.values()].flat());
  return {
    village,
    councils: councilsOf(
      (kind) => members.get(kind) ?? [],
      (person) => names.get(person),
    ),
  };
}

export async function assignDuty(body: AssignDuty, ctx: RouteContext): Promise<Duty> {
  const household = (await householdOnce(ctx, body.household))!;
  const current = await duties.get(ctx.table, body.household);
  const duty: Duty = {
    dutyId: newId(),
    village: household.village,
    household: household.path,
    person: household.head,
    items: body.items,
    stretch: body.stretch,
    from: body.from ?? today(ctx),
    assignedBy: ctx.actor.sub,
    assignedAt: ctx.now().toISOString(),
    revision: (current?.revision ?? 0) + 1,
  };
  // Two cadres assigning at once: each recomputes from the other's result, the last one stands.
  duties.save(ctx.tx, duty, current?.revision, 'retry');
  ctx.tx.emit(
    DutyAssigned,
    {
      dutyId: duty.dutyId,
      village: duty.village,
      household: duty.household,
      person: duty.person,
      items: duty.items,
      stretch: duty.stretch,
      from: duty.from,
    },
    { place: duty.household },
  );
  return duty;
}

export async function listDuties(village: string, ctx: RouteContext): Promise<{ items: Duty[] }> {
  await listedVillage(ctx, village);
  return { items: await duties.listByVillage(ctx.table, village) };
}

export async function setOrgUnit(body: SetOrgUnit, ctx: RouteContext): Promise<OrgUnit> {
  const [place, leader] = await Promise.all([ctx.register.place(body.place), ctx.register.person(body.leader)]);
  if (!place) throw problems.notFound({ zh: '地点', en: 'The place' });
  settled(checkOrgSetter(body.level, ctx.actor.role));
  settled(checkOrgUnit(body, place.kind, leader, parentOf));
  const township = body.level === 'township-committee' ? body.place : parentOf(await villageOf(ctx, body.place, '/place'))!;
  const unit: OrgUnit = {
    level: body.level,
    place: body.place,
    leader: body.leader,
    area: body.area,
    matters: body.matters,
    ...(body.linkedHouseholds ? { linkedHouseholds: body.linkedHouseholds } : {}),
    setBy: ctx.actor.sub,
    setAt: ctx.now().toISOString(),
  };
  organisation.put(ctx.tx, unit, township);
  return unit;
}

/** The four-level organisation over a village: units top-down and the number of household heads. */
export async function getOrganisation(village: string, ctx: RouteContext) {
  await listedVillage(ctx, village);
  const township = parentOf(village)!;
  const order = Object.keys(ORG_LEVELS);
  const [all, households] = await Promise.all([organisation.listUnder(ctx.table, township), ctx.register.households(village)]);
  const units = all
    .filter((u) => u.level === 'township-committee' || isWithin(u.place, village))
    .sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level) || a.place.localeCompare(b.place))
    .map((u) => ({ ...u, levelName: { zh: ORG_LEVELS[u.level].zh, en: ORG_LEVELS[u.level].en } }));
  return { village, units, householdHeads: households.length };
}
