import { CountyProjectRulesChanged, WageRateChanged, WageRateSet } from '@cocreate/contracts';
import { type FieldError, type RouteContext, type ServiceContext, newId } from '@cocreate/kernel';
import { type StoredRate, checkRateChange, checkRateReplace } from '../domain/contributions.ts';
import { type CountyRules, type CountySettings, type CountySettingsUpdate, auditEntry, effectiveRules } from '../domain/settings.ts';
import { audit } from '../repos/audit.ts';
import { rates, settings } from '../repos/rates.ts';
import { refuseAt, settled, today } from './common.ts';
import { countyOf } from '@cocreate/places';

async function requireCounty(ctx: ServiceContext, county: string, part: FieldError['in']): Promise<void> {
  if ((await ctx.register.place(county))?.kind !== 'county') throw refuseAt('not-a-county', ['/county'], { in: part });
}

/**
 * A county sets the local hourly wage (当地工时费) from a date on, with its reason; rates in force are never changed.
 * Audited: the rate that applied on that date before (a replaced future rate, or the one in force then) and after.
 */
export async function setWageRate(
  cmd: { county: string; effectiveFrom: string; hourlyWage: number; reason: string },
  ctx: RouteContext,
): Promise<StoredRate> {
  await requireCounty(ctx, cmd.county, 'body');
  const day = today(ctx);
  settled(checkRateChange(cmd.effectiveFrom, day), '/effectiveFrom');
  const [existing, applying] = await Promise.all([
    rates.get(ctx.table, cmd.county, cmd.effectiveFrom),
    rates.on(ctx.table, cmd.county, cmd.effectiveFrom),
  ]);
  if (existing) settled(checkRateReplace(existing, day));
  const r = {
    county: cmd.county,
    effectiveFrom: cmd.effectiveFrom,
    hourlyWage: cmd.hourlyWage,
    setBy: ctx.actor.sub,
    setAt: ctx.now().toISOString(),
  };
  rates.put(ctx.tx, r, existing?.version);
  const entry = auditEntry({
    changeId: newId(),
    setting: 'wage-rate',
    scope: cmd.county,
    before: applying ? { effectiveFrom: applying.effectiveFrom, hourlyWage: applying.hourlyWage } : undefined,
    after: { effectiveFrom: cmd.effectiveFrom, hourlyWage: cmd.hourlyWage },
    by: ctx.actor.sub,
    now: ctx.now(),
    reason: cmd.reason,
  });
  audit.record(ctx.tx, entry);
  ctx.tx.emit(WageRateSet, { county: cmd.county, effectiveFrom: cmd.effectiveFrom, hourlyWage: cmd.hourlyWage }, { place: cmd.county });
  ctx.tx.emit(
    WageRateChanged,
    {
      changeId: entry.changeId,
      county: cmd.county,
      ...(entry.before ? { before: entry.before } : {}),
      after: entry.after,
      changedBy: entry.changedBy,
      changedAt: entry.changedAt,
      reason: entry.reason,
    },
    { place: cmd.county },
  );
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

/** The rules that apply in the county a place lies in (its own over the defaults). */
export async function rulesFor(ctx: ServiceContext, place: string): Promise<CountyRules> {
  const county = await countyOf(ctx.register, place);
  return effectiveRules(county ? (await settings.get(ctx.table, county))?.value : undefined);
}

/**
 * A county sets its project rules — the share of a budget a change may move without deliberation, the
 * renovation-class funding rule — with its reason; audited with before and after.
 */
export async function putCountySettings(cmd: CountySettingsUpdate, ctx: RouteContext): Promise<CountySettings> {
  const [, stored] = await Promise.all([requireCounty(ctx, cmd.county, 'body'), settings.get(ctx.table, cmd.county)]);
  const before = effectiveRules(stored?.value);
  const after: CountyRules = {
    majorChangeShareBp: cmd.majorChangeShareBp ?? before.majorChangeShareBp,
    classFunding: cmd.classFunding ? { ...cmd.classFunding, sources: [...new Set(cmd.classFunding.sources)] } : before.classFunding,
  };
  const at = ctx.now().toISOString();
  settings.put(ctx.tx, { county: cmd.county, ...after, setBy: ctx.actor.sub, setAt: at }, stored?.version);
  const entry = auditEntry({
    changeId: newId(),
    setting: 'county-settings',
    scope: cmd.county,
    before,
    after,
    by: ctx.actor.sub,
    now: ctx.now(),
    reason: cmd.reason,
  });
  audit.record(ctx.tx, entry);
  const version = (stored?.version ?? 0) + 1;
  ctx.tx.emit(
    CountyProjectRulesChanged,
    {
      changeId: entry.changeId,
      county: cmd.county,
      before,
      after,
      changedBy: entry.changedBy,
      changedAt: entry.changedAt,
      reason: entry.reason,
      version,
    },
    { place: cmd.county },
  );
  return { county: cmd.county, ...after, setBy: ctx.actor.sub, setAt: at, version };
}

/** A county's project rules (the defaults apply until it sets its own, version 0). */
export async function getCountySettings(county: string, ctx: RouteContext): Promise<CountySettings> {
  await requireCounty(ctx, county, 'query');
  const stored = await settings.get(ctx.table, county);
  return {
    county,
    ...effectiveRules(stored?.value),
    ...(stored?.value.setBy ? { setBy: stored.value.setBy } : {}),
    ...(stored?.value.setAt ? { setAt: stored.value.setAt } : {}),
    version: stored?.version ?? 0,
  };
}

/** Every change of a county setting, newest first: before, after, who, when, why. */
export async function settingHistory(
  setting: 'county-settings' | 'wage-rate',
  query: { county: string; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
) {
  await requireCounty(ctx, query.county, 'query');
  return audit.history(ctx.table, setting, query.county, query);
}
