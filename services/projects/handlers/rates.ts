import * as z from 'zod';
import { once, Fen, IsoDate, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import {
  getCountySettings as settingsOf,
  listWageRates as ratesOf,
  putCountySettings as putSettings,
  setWageRate as setRate,
  settingHistory,
} from '../app/rates.ts';
import { StoredRate } from '../domain/contributions.ts';
import { CountyRules, CountySettings, CountySettingsUpdate, RateValue, settingChangeOf } from '../domain/settings.ts';

const Reason = once(() => z.string().trim().min(1).max(2000));
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), cursor: z.string().optional() });

export const setWageRate = defineRoute({
  method: 'POST',
  path: '/projects/wage-rates',
  operationId: 'setWageRate',
  summary: 'A county sets the local hourly wage (当地工时费) from a date on, with the reason; rates in force are never changed (audited)',
  auth: { roles: ['county-official'], place: ({ body }) => body.county },
  body: () => z.object({ county: PlacePath, effectiveFrom: IsoDate, hourlyWage: Fen.positive().max(1_000_000), reason: Reason() }),
  response: () => StoredRate(),
  status: 201,
  handler: ({ body }, ctx) => setRate(body, ctx),
});

export const listWageRates = defineRoute({
  method: 'GET',
  path: '/projects/wage-rates',
  operationId: 'listWageRates',
  summary: 'A county’s hourly wage rates by effective date, and the one in force today',
  auth: { authenticated: true },
  query: () => z.object({ county: PlacePath }),
  response: () => z.object({ county: PlacePath, today: IsoDate, inForce: StoredRate().optional(), rates: z.array(StoredRate()) }),
  handler: ({ query }, ctx) => ratesOf(query.county, ctx),
});

export const wageRateHistory = defineRoute({
  method: 'GET',
  path: '/projects/wage-rates/history',
  operationId: 'getWageRateHistory',
  summary: 'Every hourly-wage change of a county, newest first: the rate that applied before, the new one, who, when, why',
  auth: { authenticated: true },
  query: () => z.object({ county: PlacePath, ...pageQuery() }),
  response: () => page(settingChangeOf(RateValue())),
  handler: ({ query }, ctx) => settingHistory('wage-rate', query, ctx),
});

export const putCountySettings = defineRoute({
  method: 'PUT',
  path: '/projects/county-settings',
  operationId: 'putCountySettings',
  summary:
    'A county sets its project rules, with the reason: the budget share a change may move without deliberation, the renovation-class funding rule (audited)',
  auth: { roles: ['county-official'], place: ({ body }) => body.county },
  body: () => CountySettingsUpdate(),
  response: () => CountySettings(),
  idempotent: true,
  handler: ({ body }, ctx) => putSettings(body, ctx),
});

export const getCountySettings = defineRoute({
  method: 'GET',
  path: '/projects/county-settings',
  operationId: 'getCountySettings',
  summary: 'A county’s project rules (the defaults apply until it sets its own: version 0)',
  auth: { authenticated: true },
  query: () => z.object({ county: PlacePath }),
  response: () => CountySettings(),
  handler: ({ query }, ctx) => settingsOf(query.county, ctx),
});

export const countySettingsHistory = defineRoute({
  method: 'GET',
  path: '/projects/county-settings/history',
  operationId: 'getCountySettingsHistory',
  summary: 'Every change of a county’s project rules, newest first: before, after, who, when, why',
  auth: { authenticated: true },
  query: () => z.object({ county: PlacePath, ...pageQuery() }),
  response: () => page(settingChangeOf(CountyRules())),
  handler: ({ query }, ctx) => settingHistory('county-settings', query, ctx),
});
