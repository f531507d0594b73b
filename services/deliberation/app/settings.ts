import type { ProposalKind } from '@cocreate/contracts';
import type { RouteContext, ServiceContext } from '@cocreate/kernel';
import { type BodyKind, chinaDay } from '@cocreate/places';
import { type Chain, defaultChain, validateChain } from '../domain/chains.ts';
import { type ChainConfig, type SettingsUpdate, type VillageSettings, effectiveSettings } from '../domain/settings.ts';
import { villages } from '../repos/villages.ts';
import { assertVillage, refuse } from './common.ts';

/** The chain that applies to a kind in a village now: the configured one, or the four deliberations. */
export async function currentChain(ctx: ServiceContext, village: string, kind: ProposalKind): Promise<ChainConfig> {
  const stored = await villages.chain(ctx.table, village, kind);
  if (stored) return { ...stored.value, isDefault: false, version: stored.version };
  return { village, kind, chain: defaultChain(kind), isDefault: true, version: 0 };
}

export async function currentSettings(ctx: ServiceContext, village: string): Promise<VillageSettings> {
  return effectiveSettings(village, (await villages.settings(ctx.table, village))?.value);
}

/** Members of each body of a chain in a village on a day: one register read per body, all at once. */
export async function chainMembers(
  ctx: ServiceContext,
  village: string,
  chain: Chain,
  on: string,
): Promise<ReadonlyMap<BodyKind, string[]>> {
  const kinds = [...new Set(chain.map((s) => s.body))];
  const bodies = await Promise.all(kinds.map((kind) => ctx.register.body(village, kind, on)));
  return new Map(kinds.map((kind, i) => [kind, bodies[i]?.members ?? []]));
}

/** Checks a chain against the members of the village's bodies; throws the first problem as a 422. */
export function assertChainFits(chain: Chain, members: ReadonlyMap<BodyKind, readonly string[]>, pointer = '/steps'): void {
  const problems = validateChain(chain, (body) => members.get(body)?.length ?? 0);
  const first = problems[0];
  if (first) throw refuse(first.code, { step: first.step, body: first.body }, `${pointer}/${first.step}/body`);
}

/** A village's per-resident support limit and notice periods: what is stored over the defaults. */
export async function putSettings(cmd: SettingsUpdate, ctx: RouteContext): Promise<VillageSettings> {
  const [, stored] = await Promise.all([assertVillage(ctx, cmd.village), villages.settings(ctx.table, cmd.village)]);
  const current = effectiveSettings(cmd.village, stored?.value);
  const next: VillageSettings = {
    ...current,
    ...(cmd.supportLimit !== undefined ? { supportLimit: cmd.supportLimit } : {}),
    noticeDays: { ...current.noticeDays, ...(cmd.noticeDays ?? {}) },
    updatedBy: ctx.actor.sub,
    updatedAt: ctx.now().toISOString(),
  };
  villages.saveSettings(ctx.tx, next, stored?.version);
  return next;
}

/** Configures a kind's chain in a village, optimistic on the configuration's version (0: replacing the default). */
export async function putChain(
  cmd: { village: string; kind: ProposalKind; steps: Chain; expectedVersion: number },
  ctx: RouteContext,
): Promise<ChainConfig> {
  await assertVillage(ctx, cmd.village);
  assertChainFits(cmd.steps, await chainMembers(ctx, cmd.village, cmd.steps, chinaDay(ctx.now())));
  const config = {
    village: cmd.village,
    kind: cmd.kind,
    chain: cmd.steps,
    configuredBy: ctx.actor.sub,
    configuredAt: ctx.now().toISOString(),
  };
  villages.saveChain(ctx.tx, config, cmd.expectedVersion === 0 ? undefined : cmd.expectedVersion, refuse('stale-version'));
  return { ...config, isDefault: false, version: cmd.expectedVersion + 1 };
}
