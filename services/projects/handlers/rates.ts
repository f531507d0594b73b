import * as z from 'zod';
import { Fen, IsoDate, PlacePath } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import {
  getCountySettings as settingsOf,
  listWageRates as ratesOf,
  putCountySettings as putSettings,
  setWageRate as setRate,
} from '../app/rates.ts';
import { CountySettings, StoredRate } from '../domain/contributions.ts';

export const setWageRate = defineRoute({
  method: 'POST',
  path: '/projects/wage-rates',
  operationId: 'setWageRate',
  summary: 'A county sets the local hourly wage (当地工时费) from a date on; rates in force are never changed',
  auth: { roles: ['county-official'], place: ({ body }) => body.county },
  body: z.object({ county: PlacePath, effectiveFrom: IsoDate, hourlyWage: Fen.positive().max(1_000_000) }),
  response: StoredRate,
  status: 201,
  handler: ({ body }, ctx) => setRate(body, ctx),
});

export const listWageRates = defineRoute({
  method: 'GET',
  path: '/projects/wage-rates',
  operationId: 'listWageRates',
  summary: 'A county’s hourly wage rates by effective date, and the one in force today',
  auth: { authenticated: true },
  query: z.object({ county: PlacePath }),
  response: z.object({ county: PlacePath, today: IsoDate, inForce: StoredRate.optional(), rates: z.array(StoredRate) }),
  handler: ({ query }, ctx) => ratesOf(query.county, ctx),
});

/** A county's settings, or the default until it sets its own (then nobody set it). */
const SettingsView = CountySettings.partial({ setBy: true, setAt: true });

export const putCountySettings = defineRoute({
  method: 'PUT',
  path: '/projects/county-settings',
  operationId: 'putCountySettings',
  summary: 'A county sets the share of a budget a change may move without going back to deliberation (basis points)',
  auth: { roles: ['county-official'], place: ({ body }) => body.county },
  body: z.object({ county: PlacePath, majorChangeShareBp: z.number().int().min(0).max(10_000) }),
  response: SettingsView,
  handler: ({ body }, ctx) => putSettings(body, ctx),
});

export const getCountySettings = defineRoute({
  method: 'GET',
  path: '/projects/county-settings',
  operationId: 'getCountySettings',
  summary: 'A county’s project settings (the default applies until it sets its own)',
  auth: { authenticated: true },
  query: z.object({ county: PlacePath }),
  response: SettingsView,
  handler: ({ query }, ctx) => settingsOf(query.county, ctx),
});
