import * as z from 'zod';
import { once, DutyData, OrgUnitData, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { READERS } from '../app/common.ts';
import {
  assignDuty,
  dutyHistory,
  getOrganisation,
  householdVillage,
  listCouncils,
  listDuties,
  orgUnitHistory,
  setOrgUnit,
} from '../app/organisation.ts';
import { CouncilView } from '../domain/councils.ts';
import { AssignDuty, Duty, OrgLevel, OrgUnit, SetOrgUnit, settingChangeOf } from '../domain/duties.ts';

/** 一约四会 councils, 门前三包 duties and the four-level organisation. */

export const listCouncilsRoute = defineRoute({
  method: 'GET',
  path: '/compacts/councils',
  operationId: 'listCouncils',
  summary: 'The four councils of 一约四会 of a village with their members (from the register; names masked)',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath }),
  response: () => z.object({ village: PlacePath, councils: z.array(CouncilView()) }),
  handler: ({ query }, ctx) => listCouncils(query.village, ctx),
});

export const assignDutyRoute = defineRoute({
  method: 'POST',
  path: '/compacts/duties',
  operationId: 'assignDuty',
  summary: 'Assign (or re-assign) a household its 门前三包 duties and the stretch they cover',
  auth: { roles: ['cadre'], place: ({ body }, ctx) => householdVillage(body.household, ctx) },
  body: () => AssignDuty(),
  response: () => Duty(),
  handler: ({ body }, ctx) => assignDuty(body, ctx),
});

export const listDutiesRoute = defineRoute({
  method: 'GET',
  path: '/compacts/duties',
  operationId: 'listDuties',
  summary: 'The 门前三包 duties of a village’s households (what each household’s door plate says)',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath }),
  response: () => z.object({ items: z.array(Duty()) }),
  handler: ({ query }, ctx) => listDuties(query.village, ctx),
});

export const getDutyHistoryRoute = defineRoute({
  method: 'GET',
  path: '/compacts/duties/history',
  operationId: 'getDutyHistory',
  summary: 'Every assignment of a household’s 门前三包 duties, newest first: before, after, who, when, why',
  auth: { roles: READERS, place: ({ query }) => query.household },
  query: () => z.object({ household: PlacePath, ...pageQuery() }),
  response: () => z.object({ items: z.array(settingChangeOf(DutyData())), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => dutyHistory(query, ctx),
});

export const setOrgUnitRoute = defineRoute({
  method: 'POST',
  path: '/compacts/organisation/units',
  operationId: 'setOrgUnit',
  summary: 'Set a unit of the four-level organisation (镇党委/村党支部/湾组党小组/党员中心户): leader, area and matters',
  auth: { roles: ['cadre', 'township-official'], place: ({ body }) => body.place },
  body: () => SetOrgUnit(),
  response: () => OrgUnit(),
  handler: ({ body }, ctx) => setOrgUnit(body, ctx),
});

export const getOrgUnitHistoryRoute = defineRoute({
  method: 'GET',
  path: '/compacts/organisation/units/history',
  operationId: 'getOrgUnitHistory',
  summary: 'Every change of a unit of the four-level organisation (a level at a place), newest first: before, after, who, when, why',
  auth: { roles: READERS, place: ({ query }) => query.place },
  query: () => z.object({ place: PlacePath, level: OrgLevel(), ...pageQuery() }),
  response: () => z.object({ items: z.array(settingChangeOf(OrgUnitData())), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => orgUnitHistory(query, ctx),
});

const LevelView = once(() => OrgUnit().extend({ levelName: z.object({ zh: z.string(), en: z.string() }) }));

export const getOrganisationRoute = defineRoute({
  method: 'GET',
  path: '/compacts/organisation',
  operationId: 'getOrganisation',
  summary: 'The four-level organisation over a village (“四级组织体系 + 全体户主”): units top-down and the household heads',
  auth: { roles: READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath }),
  response: () =>
    z.object({
      village: PlacePath,
      units: z.array(LevelView()),
      householdHeads: z.number().int(),
    }),
  handler: ({ query }, ctx) => getOrganisation(query.village, ctx),
});

export const organisationRoutes = [
  listCouncilsRoute,
  assignDutyRoute,
  listDutiesRoute,
  getDutyHistoryRoute,
  setOrgUnitRoute,
  getOrgUnitHistoryRoute,
  getOrganisationRoute,
];
