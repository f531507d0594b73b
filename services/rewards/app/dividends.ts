import { CooperativeSharesChanged, DividendDistributed } from '@cocreate/contracts';
import { type RouteContext, newId, problems } from '@cocreate/kernel';
import { type Distribution, type Holding, type ShareRegister, decideDistribution, holdingFaults } from '../domain/dividends.ts';
import { auditEntry } from '../domain/settings.ts';
import { audit } from '../repos/audit.ts';
import { coop } from '../repos/coop.ts';
import { listedVillage, refuse, refuseFields, settled } from './common.ts';

/** Dividends (股金、分红) of the village cooperative company: its share register and distributions by shares. */

/**
 * Replaces the share register: member households of the village, each listed once. The change is kept in its history
 * with the holdings before and after, and published (an audited setting, issue 12).
 */
export async function putShares(cmd: { village: string; holdings: Holding[]; reason: string }, ctx: RouteContext): Promise<ShareRegister> {
  const [households, current] = await Promise.all([ctx.register.households(cmd.village), coop.register(ctx.table, cmd.village)]);
  const ofVillage = new Set(households.filter((h) => h.village === cmd.village).map((h) => h.path));
  const faults = holdingFaults(cmd.holdings, ofVillage);
  if (faults.length) {
    throw refuseFields(
      'bad-holdings',
      faults.map((f) => ({
        in: 'body' as const,
        pointer: `/holdings/${f.index}/household`,
        rule: f.rule,
        message:
          f.rule === 'unique'
            ? { zh: '重复列出', en: 'listed twice' }
            : { zh: `不是 ${cmd.village} 的住户`, en: `not a household of ${cmd.village}` },
      })),
    );
  }
  const reg = { village: cmd.village, holdings: cmd.holdings, updatedAt: ctx.now().toISOString(), updatedBy: ctx.actor.sub };
  coop.writeRegister(ctx.tx, reg, current?.version);
  const entry = auditEntry({
    changeId: newId(),
    setting: 'cooperative-shares',
    scope: cmd.village,
    before: current ? { holdings: current.value.holdings } : undefined,
    after: { holdings: cmd.holdings },
    by: ctx.actor.sub,
    now: ctx.now(),
    reason: cmd.reason,
  });
  audit.record(ctx.tx, entry);
  ctx.tx.emit(CooperativeSharesChanged, { village: cmd.village, ...entry }, { place: cmd.village });
  return reg;
}

export async function sharesHistory(query: { village: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  await listedVillage(ctx, query.village);
  return audit.history<{ holdings: Holding[] }>(ctx.table, 'cooperative-shares', query.village, query);
}

export async function sharesOf(village: string, ctx: RouteContext): Promise<ShareRegister> {
  await listedVillage(ctx, village);
  const reg = await coop.register(ctx.table, village);
  if (!reg) throw problems.notFound({ zh: '该村的股东名册', en: 'The village’s share register' });
  return reg.value;
}

/** Splits a distributable profit among the member households by shares, against the register as read. */
export async function distribute(
  cmd: { village: string; title: string; amount: number; decisionRef?: string | undefined },
  ctx: RouteContext,
): Promise<Distribution> {
  const reg = await coop.register(ctx.table, cmd.village);
  const d = settled(
    decideDistribution(reg?.value, reg?.version ?? 0, {
      distributionId: newId(),
      village: cmd.village,
      title: cmd.title,
      amount: cmd.amount,
      distributedAt: ctx.now().toISOString(),
      distributedBy: ctx.actor.sub,
      ...(cmd.decisionRef ? { decisionRef: cmd.decisionRef } : {}),
    }),
  );
  coop.checkRegister(ctx.tx, cmd.village, d.registerVersion);
  coop.createDistribution(ctx.tx, d);
  ctx.tx.emit(
    DividendDistributed,
    {
      distributionId: d.distributionId,
      village: d.village,
      title: d.title,
      amount: d.amount,
      totalShares: d.totalShares,
      allocations: d.lines,
    },
    { place: d.village },
  );
  return d;
}

/** A village's distributions, newest first; `household` narrows each to that household's line and adds its total. */
export async function dividendsOf(query: { village: string; household?: string | undefined }, ctx: RouteContext) {
  await listedVillage(ctx, query.village);
  if (query.household && (await ctx.register.household(query.household))?.village !== query.village) {
    throw refuse('household-elsewhere');
  }
  const list = await coop.distributions(ctx.table, query.village);
  if (!query.household) return { items: list };
  const items = list.map((d) => ({ ...d, lines: d.lines.filter((l) => l.household === query.household) }));
  return { items, householdTotal: items.reduce((s, d) => s + d.lines.reduce((t, l) => t + l.amount, 0), 0) };
}
