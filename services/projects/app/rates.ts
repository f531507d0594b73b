import { WageRateSet } from '@cocreate/contracts';
import type { FieldError, RouteContext, ServiceContext } from '@cocreate/kernel';
import { DEFAULT_MAJOR_CHANGE_SHARE_BP } from '../domain/change.ts';
import { type CountySettings, type StoredRate, checkRateChange, checkRateReplace } from '../domain/contributions.ts';
import { rates, settings } from '../repos/rates.ts';
import { refuseAt, settled, today } from './common.ts';

async function requireCounty(ctx: ServiceContext, county: string, part: FieldError['in']): Promise<void> {
  if ((await ctx.register.place(county))?.kind !== 'county') throw refuseAt('not-a-county', ['/county'], { in: part });
}

/** A county sets the local hourly wage (当地工时费) from a date on; rates in force are never changed. */
export async function setWageRate(
  cmd: { county: string; effectiveFrom: string; hourlyWage: number },
  ctx: RouteContext,
): Promise<StoredRate> {
  await requireCounty(ctx, cmd.county, 'body');
  const day = today(ctx);
  settled(checkRateChange(cmd.effectiveFrom, day), '/effectiveFrom');
  const existing = await rates.get(ctx.table, cmd.county, cmd.effectiveFrom);
  if (existing) settled(checkRateReplace(existing, day));
  const r = {
    county: cmd.county,
    effectiveFrom: cmd.effectiveFrom,
    hourlyWage: cmd.hourlyWage,
    setBy: ctx.actor.sub,
    setAt: ctx.now().toISOString(),
  };
  rates.put(ctx.tx, r, existing?.version);
  ctx.tx.emit(WageRateSet, { county: cmd.county, effectiveFrom: cmd.effectiveFrom, hourlyWage: cmd.hourlyWage }, { place: cmd.county });
  return { ...r, version: (existing?.version ?? 0) + 1 };
}

/** A county's hourly wage rates by effective date, and the one in force today. */
export async function listWageRates(
  county: string,
  ctx: RouteContext,
): Promise<{ county: string; today: string; inForce?: StoredRate; rates: StoredRate[] }> {
  await requireCounty(ctx, county, 'query');
  const day = today(ctx);
  const [list, inForce] = await Promise.all([rates.list(ctx.table, county), rates.on(ctx.table, county, day)]);
  return { county, today: day, ...(inForce ? { inForce } : {}), rates: list };
}

/** A county sets the share of a budget a change may move without going back to deliberation (basis points). */
export async function putCountySettings(cmd: { county: string; majorChangeShareBp: number }, ctx: RouteContext): Promise<CountySettings> {
  await requireCounty(ctx, cmd.county, 'body');
  const s = { county: cmd.county, majorChangeShareBp: cmd.majorChangeShareBp, setBy: ctx.actor.sub, setAt: ctx.now().toISOString() };
  settings.put(ctx.tx, s);
  return s;
}

/** A county's project settings (the default applies until it sets its own). */
export async function getCountySettings(
  county: string,
  ctx: RouteContext,
): Promise<CountySettings | { county: string; majorChangeShareBp: number }> {
  await requireCounty(ctx, county, 'query');
  return (await settings.get(ctx.table, county)) ?? { county, majorChangeShareBp: DEFAULT_MAJOR_CHANGE_SHARE_BP };
}
