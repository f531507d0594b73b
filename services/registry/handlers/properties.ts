import * as z from 'zod';
import { IsoDate, PlacePath } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import { RecordOwner, RecordSale } from '../domain/properties.ts';
import { getProperty, recordOwner, recordSale } from '../app/properties.ts';
import { KEEPERS, READERS } from '../app/common.ts';
import { PropertyView } from '../app/views.ts';
import { PropertyState } from '@cocreate/contracts';

export const recordOwnerRoute = defineRoute({
  method: 'POST',
  path: '/registry/properties/owners',
  operationId: 'recordOwner',
  summary: 'Record an owner’s share of a property (业主, 专有部分面积) from a day',
  auth: { roles: KEEPERS, place: ({ body }) => body.property },
  body: () => RecordOwner(),
  response: () => PropertyState(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => recordOwner(body, ctx),
});

export const recordSaleRoute = defineRoute({
  method: 'POST',
  path: '/registry/properties/sales',
  operationId: 'recordSale',
  summary: 'Record a sale: the seller’s term ends and the buyer’s begins the same day',
  auth: { roles: KEEPERS, place: ({ body }) => body.property },
  body: () => RecordSale(),
  response: () => PropertyState(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => recordSale(body, ctx),
});

export const getPropertyRoute = defineRoute({
  method: 'GET',
  path: '/registry/properties',
  operationId: 'getProperty',
  summary: 'A property’s owner history and its owners on a day (today by default)',
  auth: { roles: READERS, place: ({ query }) => query.path },
  query: () => z.object({ path: PlacePath, on: IsoDate.optional() }),
  response: () => PropertyView(),
  handler: ({ query }, ctx) => getProperty(query, ctx),
});

export const propertyRoutes = [recordOwnerRoute, recordSaleRoute, getPropertyRoute];
