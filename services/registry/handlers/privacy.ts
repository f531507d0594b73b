import * as z from 'zod';
import { once, PersonId, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { villageOfPerson } from '../app/people.ts';
import { Purpose, accessLogOf, exportPerson, fullRecord } from '../app/privacy.ts';
import { KEEPERS } from '../app/common.ts';
import { AccessEntryView, FullPerson, PersonExport } from '../app/views.ts';

const PersonParams = once(() => z.object({ personId: PersonId }));

export const fullRecordRoute = defineRoute({
  method: 'GET',
  path: '/registry/people/{personId}/record',
  operationId: 'getPersonRecord',
  summary: 'A person’s full record, unmasked: needs a purpose, and the read is logged for the county',
  auth: { roles: KEEPERS, place: ({ params }, ctx) => villageOfPerson(params.personId, ctx) },
  params: () => PersonParams(),
  query: () => z.object({ purpose: Purpose() }),
  response: () => FullPerson(),
  handler: ({ params, query }, ctx) => fullRecord(params.personId, query.purpose, ctx),
});

export const exportPersonRoute = defineRoute({
  method: 'GET',
  path: '/registry/people/{personId}/export',
  operationId: 'exportPerson',
  summary: 'Everything the registry holds about a person (subject-access request), unmasked and logged',
  auth: { roles: KEEPERS, place: ({ params }, ctx) => villageOfPerson(params.personId, ctx) },
  params: () => PersonParams(),
  query: () => z.object({ purpose: Purpose() }),
  response: () => PersonExport(),
  handler: ({ params, query }, ctx) => exportPerson(params.personId, query.purpose, ctx),
});

export const accessLogRoute = defineRoute({
  method: 'GET',
  path: '/registry/access-log',
  operationId: 'listAccessLog',
  summary: 'Reads of unmasked personal data in a county, newest first (who, when, which person, why)',
  auth: { roles: ['county-official'], place: ({ query }) => query.county },
  query: () =>
    z.object({
      county: PlacePath,
      ...pageQuery({ max: 100, fallback: 50 }),
    }),
  response: () => z.object({ items: z.array(AccessEntryView()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => accessLogOf(query, ctx),
});

export const privacyRoutes = [fullRecordRoute, exportPersonRoute, accessLogRoute];
