import * as z from 'zod';
import { once, PersonId, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { AddPerson, ChangeHead, ChangePerson, MovePerson, PersonLeaves, RegisterHousehold } from '../domain/people.ts';
import {
  changeHead,
  changePerson,
  getHousehold,
  getPerson,
  listPeople,
  movePerson,
  personLeaves,
  registerHousehold,
  registerPerson,
  villageOfPerson,
} from '../app/people.ts';
import { KEEPERS, READERS } from '../app/common.ts';
import { HouseholdView, PersonView } from '../app/views.ts';

const PersonParams = once(() => z.object({ personId: PersonId }));
const personVillage = ({ params }: { params: { personId: string } }, ctx: Parameters<typeof villageOfPerson>[1]) =>
  villageOfPerson(params.personId, ctx);

export const registerHouseholdRoute = defineRoute({
  method: 'POST',
  path: '/registry/households',
  operationId: 'registerHousehold',
  summary: 'Register a household (户) with its head and members',
  auth: { roles: KEEPERS, place: ({ body }) => body.parent },
  body: () => RegisterHousehold(),
  response: () => HouseholdView(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => registerHousehold(body, ctx),
});

export const getHouseholdRoute = defineRoute({
  method: 'GET',
  path: '/registry/households',
  operationId: 'getHousehold',
  summary: 'A household with its members (masked)',
  auth: { roles: READERS, place: ({ query }) => query.path },
  query: () => z.object({ path: PlacePath }),
  response: () => HouseholdView(),
  handler: ({ query }, ctx) => getHousehold(query.path, ctx),
});

export const changeHeadRoute = defineRoute({
  method: 'POST',
  path: '/registry/households/head',
  operationId: 'changeHouseholdHead',
  summary: 'Change the head of a household (户主变更) to one of its members',
  auth: { roles: KEEPERS, place: ({ body }) => body.household },
  body: () => ChangeHead(),
  response: () => HouseholdView().omit({ people: true }),
  idempotent: true,
  handler: ({ body }, ctx) => changeHead(body, ctx),
});

export const registerPersonRoute = defineRoute({
  method: 'POST',
  path: '/registry/people',
  operationId: 'registerPerson',
  summary: 'Register a person in a household (a birth, a move in)',
  auth: { roles: KEEPERS, place: ({ body }) => body.household },
  body: () => AddPerson(),
  response: () => PersonView(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => registerPerson(body, ctx),
});

export const listPeopleRoute = defineRoute({
  method: 'GET',
  path: '/registry/people',
  operationId: 'listPeople',
  summary: 'A village’s or a household’s people (masked), a page at a time',
  auth: { roles: READERS, place: ({ query }) => query.household ?? query.village },
  query: () =>
    z.object({
      village: PlacePath,
      household: PlacePath.optional(),
      ...pageQuery({ max: 500, fallback: 100 }),
    }),
  response: () => z.object({ items: z.array(PersonView()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => listPeople(query, ctx),
});

export const getPersonRoute = defineRoute({
  method: 'GET',
  path: '/registry/people/{personId}',
  operationId: 'getPerson',
  summary: 'One person (masked)',
  auth: { roles: READERS, place: personVillage },
  params: () => PersonParams(),
  response: () => PersonView(),
  handler: ({ params }, ctx) => getPerson(params.personId, ctx),
});

export const changePersonRoute = defineRoute({
  method: 'PATCH',
  path: '/registry/people/{personId}',
  operationId: 'changePerson',
  summary: 'Change or correct a person (name, phone, ID number, party membership, residence)',
  auth: { roles: KEEPERS, place: personVillage },
  params: () => PersonParams(),
  body: () => ChangePerson(),
  response: () => PersonView(),
  idempotent: true,
  handler: ({ params, body }, ctx) => changePerson(params.personId, body, ctx),
});

export const movePersonRoute = defineRoute({
  method: 'POST',
  path: '/registry/people/{personId}/move',
  operationId: 'movePerson',
  summary: 'Move a person to another household (PersonMoved, HouseholdChanged for both)',
  auth: { roles: KEEPERS, place: personVillage },
  params: () => PersonParams(),
  body: () => MovePerson(),
  response: () => PersonView(),
  idempotent: true,
  handler: ({ params, body }, ctx) => movePerson(params.personId, body, ctx),
});

export const personLeavesRoute = defineRoute({
  method: 'POST',
  path: '/registry/people/{personId}/leave',
  operationId: 'personLeaves',
  summary: 'A person died or moved away: they leave their household and every body that day',
  auth: { roles: KEEPERS, place: personVillage },
  params: () => PersonParams(),
  body: () => PersonLeaves(),
  response: () => PersonView(),
  idempotent: true,
  handler: ({ params, body }, ctx) => personLeaves(params.personId, body, ctx),
});

export const peopleRoutes = [
  registerHouseholdRoute,
  getHouseholdRoute,
  changeHeadRoute,
  registerPersonRoute,
  listPeopleRoute,
  getPersonRoute,
  changePersonRoute,
  movePersonRoute,
  personLeavesRoute,
];
