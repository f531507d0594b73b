import { DutyAssigned, type DutyData, OrgUnitChanged, type OrgUnitData } from '@cocreate/contracts';
import { type RouteContext, newId, problems } from '@cocreate/kernel';
import { isWithin, parentOf } from '@cocreate/places';
import { COUNCILS, councilsOf } from '../domain/councils.ts';
import {
  type AssignDuty,
  type Duty,
  ORG_LEVELS,
  type OrgLevel,
  type OrgUnit,
  type SetOrgUnit,
  assign,
  checkOrgSetter,
  checkOrgUnit,
  setUnit,
} from '../domain/duties.ts';
import { audit, duties, organisation } from '../repos/organisation.ts';
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
  const { next: duty, change } = assign(
    current,
    { ...body, village: household.village, household: household.path, person: household.head, from: body.from ?? today(ctx) },
    { dutyId: newId(), changeId: newId(), by: ctx.actor.sub, now: ctx.now() },
  );
  // Two cadres assigning at once: each recomputes from the other's result, the last one stands; each is audited.
  duties.save(ctx.tx, duty, current?.revision, 'retry');
  audit.record(ctx.tx, change);
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
      ...(change.before ? { before: change.before } : {}),
      changeId: change.changeId,
      changedBy: change.changedBy,
      changedAt: change.changedAt,
      reason: change.reason,
    },
    { place: duty.household },
  );
  return duty;
}

/** A household's duty assignments, newest first: before, after, who, when, why. */
export const dutyHistory = (query: { household: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) =>
  audit.history<DutyData>(ctx.table, 'duty', query.household, query);

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
  const current = await organisation.get(ctx.table, body.place, body.level);
  const { next, change } = setUnit(current?.value, body, { changeId: newId(), by: ctx.actor.sub, now: ctx.now() });
  // Two setters at once: the second recomputes its `before` from the first's unit, so the history chains.
  organisation.save(ctx.tx, next, township, current?.version);
  audit.record(ctx.tx, change);
  ctx.tx.emit(
    OrgUnitChanged,
    {
      level: next.level,
      place: next.place,
      township,
      ...(change.before ? { before: change.before } : {}),
      after: change.after,
      changeId: change.changeId,
      changedBy: change.changedBy,
      changedAt: change.changedAt,
      reason: change.reason,
    },
    { place: next.place },
  );
  return next;
}

/** A unit's changes (a level at a place), newest first: before, after, who, when, why. */
export const orgUnitHistory = (query: { place: string; level: OrgLevel; limit: number; cursor?: string | undefined }, ctx: RouteContext) =>
  audit.history<OrgUnitData>(ctx.table, 'org-unit', query.place, { ...query, kind: query.level });

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
