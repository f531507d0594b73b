import * as z from 'zod';
import { PlacePath } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import { RegisterPlace, RenamePlace, RetirePlace } from '../domain/places.ts';
import { getPlace, publicPlaces, registerPlace, renamePlace, retirePlace } from '../app/places.ts';
import { PLACE_MANAGERS, READERS } from '../app/common.ts';
import { PlaceView, PlaceWithChildren, PublicPlaces } from '../app/views.ts';

export const registerPlaceRoute = defineRoute({
  method: 'POST',
  path: '/registry/places',
  operationId: 'registerPlace',
  summary: 'Register a place under its parent (省市县乡村组、小区、楼栋): operations above the village, officials villages, cadres below',
  auth: { roles: PLACE_MANAGERS, place: ({ body }) => body.parent ?? body.id },
  body: () => RegisterPlace(),
  response: () => PlaceView(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => registerPlace(body, ctx),
});

export const getPlaceRoute = defineRoute({
  method: 'GET',
  path: '/registry/places',
  operationId: 'getPlace',
  summary: 'A place with its children',
  auth: { roles: [...READERS, 'ops-admin'], place: ({ query }) => query.path },
  query: () => z.object({ path: PlacePath }),
  response: () => PlaceWithChildren(),
  handler: ({ query }, ctx) => getPlace(query.path, ctx),
});

export const publicPlacesRoute = defineRoute({
  method: 'GET',
  path: '/registry/public/places',
  operationId: 'getPublicPlaces',
  summary: 'A place as public pages name it, the places above it and the administrative places below it down to villages (no sign-in)',
  auth: { public: true },
  query: () => z.object({ path: PlacePath }),
  response: () => PublicPlaces(),
  handler: ({ query }, ctx) => publicPlaces(query.path, ctx),
});

export const renamePlaceRoute = defineRoute({
  method: 'POST',
  path: '/registry/places/rename',
  operationId: 'renamePlace',
  summary: 'Rename a place (its path, the id records use, stays)',
  auth: { roles: PLACE_MANAGERS, place: ({ body }) => body.path },
  body: () => RenamePlace(),
  response: () => PlaceView(),
  idempotent: true,
  handler: ({ body }, ctx) => renamePlace(body, ctx),
});

export const retirePlaceRoute = defineRoute({
  method: 'POST',
  path: '/registry/places/retire',
  operationId: 'retirePlace',
  summary: 'Retire a place (撤销) or merge a village into another (撤并村); it stays on record',
  auth: { roles: PLACE_MANAGERS, place: ({ body }) => body.path },
  body: () => RetirePlace(),
  response: () => PlaceView(),
  idempotent: true,
  handler: ({ body }, ctx) => retirePlace(body, ctx),
});

export const placeRoutes = [registerPlaceRoute, getPlaceRoute, publicPlacesRoute, renamePlaceRoute, retirePlaceRoute];
