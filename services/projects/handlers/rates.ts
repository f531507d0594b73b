import { z } from 'zod';
import { Fen, IsoDate, PlacePath, WageRateSet } from '@cocreate/contracts';
import { type ServiceContext, defineRoute, problems } from '@cocreate/kernel';
import { DEFAULT_MAJOR_CHANGE_SHARE_BP } from '../domain/change.ts';
import { checkRateChange, checkRateReplace } from '../domain/contributions.ts';
import { chinaDate } from '../domain/dates.ts';
import { rates, settings } from '../store.ts';

async function requireCounty(ctx: ServiceContext, county: string, part: 'body' | 'query'): Promise<void> {
  if ((await ctx.register.place(county))?.kind !== 'county') {
    throw problems.rule('not-a-county', { zh: '请指定一个县（市、区）。', en: 'Name a county.' }, {}, [
      { in: part, pointer: '/county', rule: 'county', message: { zh: '须为县路径', en: 'a county path' } },
    ]);
  }
}

const RateView = z.object({
  county: PlacePath,
  effectiveFrom: IsoDate,
  hourlyWage: Fen,
  setBy: z.string(),
  setAt: z.string(),
  version: z.number().int(),
});

export const setWageRate = defineRoute({
  method: 'POST',
  path: '/projects/wage-rates',
  operationId: 'setWageRate',
  summary: 'A county sets the local hourly wage (当地工时费) from a date on; rates in force are never changed',
  auth: { roles: ['county-official'], place: ({ body }) => body.county },
  body: z.object({ county: PlacePath, effectiveFrom: IsoDate, hourlyWage: Fen.positive().max(1_000_000) }),
  response: RateView,
  status: 201,
  handler: async ({ body }, ctx) => {
    await requireCounty(ctx, body.county, 'body');
    const today = chinaDate(ctx.now());
    const when = checkRateChange(body.effectiveFrom, today);
    if ('refused' in when) {
      throw problems.rule(
        'backdated',
        { zh: '工时费标准只能从今天或以后生效。', en: 'A rate takes effect today or later, never backdated.' },
        { today },
        [{ in: 'body', pointer: '/effectiveFrom', rule: 'not-backdated', message: { zh: `${today} 或之后`, en: `on or after ${today}` } }],
      );
    }
    const existing = await rates.get(ctx.table, body.county, body.effectiveFrom);
    if (existing) {
      const replace = checkRateReplace(existing, today);
      if ('refused' in replace) {
        throw problems.conflict(
          'rate-in-force',
          { zh: '该标准已生效，不能修改；请设定新的生效日期。', en: 'That rate is in force and fixed; set a new one from a later date.' },
          { effectiveFrom: existing.effectiveFrom },
        );
      }
    }
    const r = {
      county: body.county,
      effectiveFrom: body.effectiveFrom,
      hourlyWage: body.hourlyWage,
      setBy: ctx.actor.sub,
      setAt: ctx.now().toISOString(),
    };
    rates.put(ctx.tx, r, existing?.version);
    ctx.tx.emit(
      WageRateSet,
      { county: body.county, effectiveFrom: body.effectiveFrom, hourlyWage: body.hourlyWage },
      { place: body.county },
    );
    return { ...r, version: (existing?.version ?? 0) + 1 };
  },
});

export const listWageRates = defineRoute({
  method: 'GET',
  path: '/projects/wage-rates',
  operationId: 'listWageRates',
  summary: 'A county’s hourly wage rates by effective date, and the one in force today',
  auth: { authenticated: true },
  query: z.object({ county: PlacePath }),
  response: z.object({ county: PlacePath, today: IsoDate, inForce: RateView.optional(), rates: z.array(RateView) }),
  handler: async ({ query }, ctx) => {
    await requireCounty(ctx, query.county, 'query');
    const today = chinaDate(ctx.now());
    const [list, inForce] = await Promise.all([rates.list(ctx.table, query.county), rates.on(ctx.table, query.county, today)]);
    return { county: query.county, today, ...(inForce ? { inForce } : {}), rates: list };
  },
});

const SettingsView = z.object({
  county: PlacePath,
  majorChangeShareBp: z.number().int(),
  setBy: z.string().optional(),
  setAt: z.string().optional(),
});

export const putCountySettings = defineRoute({
  method: 'PUT',
  path: '/projects/county-settings',
  operationId: 'putCountySettings',
  summary: 'A county sets the share of a budget a change may move without going back to deliberation (basis points)',
  auth: { roles: ['county-official'], place: ({ body }) => body.county },
  body: z.object({ county: PlacePath, majorChangeShareBp: z.number().int().min(0).max(10_000) }),
  response: SettingsView,
  handler: async ({ body }, ctx) => {
    await requireCounty(ctx, body.county, 'body');
    const s = { county: body.county, majorChangeShareBp: body.majorChangeShareBp, setBy: ctx.actor.sub, setAt: ctx.now().toISOString() };
    settings.put(ctx.tx, s);
    return s;
  },
});

export const getCountySettings = defineRoute({
  method: 'GET',
  path: '/projects/county-settings',
  operationId: 'getCountySettings',
  summary: 'A county’s project settings (the default applies until it sets its own)',
  auth: { authenticated: true },
  query: z.object({ county: PlacePath }),
  response: SettingsView,
  handler: async ({ query }, ctx) => {
    await requireCounty(ctx, query.county, 'query');
    return (await settings.get(ctx.table, query.county)) ?? { county: query.county, majorChangeShareBp: DEFAULT_MAJOR_CHANGE_SHARE_BP };
  },
});
