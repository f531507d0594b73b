import { z } from 'zod';
import { DutyAssigned, PlacePath } from '@cocreate/contracts';
import { defineRoute, newId, problems } from '@cocreate/kernel';
import { isWithin, parentOf } from '@cocreate/places';
import { COUNCILS, CouncilView, councilsOf } from '../domain/councils.ts';
import { AssignDuty, Duty, ORG_LEVELS, OrgUnit, SetOrgUnit, checkOrgUnit } from '../domain/duties.ts';
import { duties, organisation } from '../store.ts';
import { READERS, householdOnce, namesOf, today, villageOf } from './common.ts';

/** 一约四会 councils, 门前三包 duties and the four-level organisation. */

export const listCouncils = defineRoute({
  method: 'GET',
  path: '/compacts/councils',
  operationId: 'listCouncils',
  summary: 'The four councils of 一约四会 of a village with their members (from the register; names masked)',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath }),
  response: z.object({ village: PlacePath, councils: z.array(CouncilView) }),
  handler: async ({ query }, ctx) => {
    const bodies = await Promise.all(COUNCILS.map((c) => ctx.register.body(query.village, c.kind)));
    const members = new Map(COUNCILS.map((c, i) => [c.kind, bodies[i]?.members ?? []]));
    const names = await namesOf(ctx, [...members.values()].flat());
    return {
      village: query.village,
      councils: councilsOf(
        (kind) => members.get(kind) ?? [],
        (person) => names.get(person),
      ),
    };
  },
});

export const assignDuty = defineRoute({
  method: 'POST',
  path: '/compacts/duties',
  operationId: 'assignDuty',
  summary: 'Assign (or re-assign) a household its 门前三包 duties and the stretch they cover',
  auth: { roles: ['cadre'], place: async ({ body }, ctx) => (await householdOnce(ctx, body.household))?.village },
  body: AssignDuty,
  response: Duty,
  handler: async ({ body }, ctx) => {
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
  },
});

export const listDuties = defineRoute({
  method: 'GET',
  path: '/compacts/duties',
  operationId: 'listDuties',
  summary: 'The 门前三包 duties of a village’s households (what each household’s door plate says)',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath }),
  response: z.object({ items: z.array(Duty) }),
  handler: async ({ query }, ctx) => ({ items: await duties.listByVillage(ctx.table, query.village) }),
});

const ORG_TEXT: Record<Exclude<ReturnType<typeof checkOrgUnit>, 'ok'>, { zh: string; en: string }> = {
  'wrong-place-kind': {
    zh: '该层级的组织须对应相应的地点（镇、村、湾组或农户）。',
    en: 'The place does not match the level (township, village, group or household).',
  },
  'leader-not-party-member': { zh: '负责人须为党员。', en: 'The leader must be a party member.' },
  'leader-elsewhere': { zh: '负责人须居住在该组织的范围内。', en: 'The leader must live within the unit’s place.' },
  'linked-households-only-for-central-household': {
    zh: '只有党员中心户联系农户。',
    en: 'Only a central household links neighbouring households.',
  },
  'linked-household-outside-group': {
    zh: '联系户须是同一湾组的其他农户。',
    en: 'Linked households must be other households of the same group.',
  },
};

export const setOrgUnit = defineRoute({
  method: 'POST',
  path: '/compacts/organisation/units',
  operationId: 'setOrgUnit',
  summary: 'Set a unit of the four-level organisation (镇党委/村党支部/湾组党小组/党员中心户): leader, area and matters',
  auth: { roles: ['cadre', 'township-official'], place: ({ body }) => body.place },
  body: SetOrgUnit,
  response: OrgUnit,
  handler: async ({ body }, ctx) => {
    const [place, leader] = await Promise.all([ctx.register.place(body.place), ctx.register.person(body.leader)]);
    if (!place) throw problems.notFound({ zh: '地点', en: 'The place' });
    if (body.level === 'township-committee' && ctx.actor.role !== 'township-official') {
      throw problems.forbidden({ zh: '镇党委的责任由乡镇干部设置。', en: 'Only township officials set the township committee.' });
    }
    const check = checkOrgUnit(body, place.kind, leader, parentOf);
    if (check !== 'ok') throw problems.rule(check, ORG_TEXT[check]);
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
  },
});

const LevelView = OrgUnit.extend({ levelName: z.object({ zh: z.string(), en: z.string() }) });

export const getOrganisation = defineRoute({
  method: 'GET',
  path: '/compacts/organisation',
  operationId: 'getOrganisation',
  summary: 'The four-level organisation over a village (“四级组织体系 + 全体户主”): units top-down and the household heads',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath }),
  response: z.object({
    village: PlacePath,
    units: z.array(LevelView),
    householdHeads: z.number().int(),
  }),
  handler: async ({ query }, ctx) => {
    const township = parentOf(query.village)!;
    const order = Object.keys(ORG_LEVELS);
    const units = (await organisation.listUnder(ctx.table, township))
      .filter((u) => u.level === 'township-committee' || isWithin(u.place, query.village))
      .sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level) || a.place.localeCompare(b.place))
      .map((u) => ({ ...u, levelName: { zh: ORG_LEVELS[u.level].zh, en: ORG_LEVELS[u.level].en } }));
    return { village: query.village, units, householdHeads: (await ctx.register.households(query.village)).length };
  },
});
