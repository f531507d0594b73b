import { z } from 'zod';
import { PlacePath, ProposalKind } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import type { BodyKind } from '@cocreate/places';
import { Chain, defaultChain, validateChain } from '../domain/chains.ts';
import { ChainConfig, SettingsUpdate, VillageSettings, effectiveSettings } from '../domain/settings.ts';
import { villages } from '../store.ts';
import type { ServiceContext } from '@cocreate/kernel';
import { VILLAGE_READERS, assertVillage, dayInChina, refuse } from './common.ts';

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

const VillageQuery = z.object({ village: PlacePath });

export const getSettings = defineRoute({
  method: 'GET',
  path: '/deliberation/settings',
  operationId: 'getVillageSettings',
  summary: 'A village’s deliberation settings: per-resident support limit, notice days per kind',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: VillageQuery,
  response: VillageSettings,
  handler: async ({ query }, ctx) => currentSettings(ctx, query.village),
});

export const putSettings = defineRoute({
  method: 'PUT',
  path: '/deliberation/settings',
  operationId: 'setVillageSettings',
  summary: 'Set the village’s per-resident support limit and notice periods (cadres)',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: SettingsUpdate,
  response: VillageSettings,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    const [, stored] = await Promise.all([assertVillage(ctx, body.village), villages.settings(ctx.table, body.village)]);
    const current = effectiveSettings(body.village, stored?.value);
    const next: VillageSettings = {
      ...current,
      ...(body.supportLimit !== undefined ? { supportLimit: body.supportLimit } : {}),
      noticeDays: { ...current.noticeDays, ...(body.noticeDays ?? {}) },
      updatedBy: ctx.actor.sub,
      updatedAt: ctx.now().toISOString(),
    };
    villages.saveSettings(ctx.tx, next, stored?.version);
    return next;
  },
});

export const getChain = defineRoute({
  method: 'GET',
  path: '/deliberation/chains',
  operationId: 'getDecisionChain',
  summary: 'The decision chain a kind of proposal follows in a village (the four deliberations unless configured)',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath, kind: ProposalKind }),
  response: ChainConfig,
  handler: async ({ query }, ctx) => currentChain(ctx, query.village, query.kind),
});

export const putChain = defineRoute({
  method: 'PUT',
  path: '/deliberation/chains',
  operationId: 'configureDecisionChain',
  summary: 'Configure the decision chain for a kind in a village (cadres); proposals already running keep theirs',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: z.object({
    village: PlacePath,
    kind: ProposalKind,
    steps: Chain,
    /** The configuration version this change is based on (0 when replacing the default): a stale one is a 409. */
    expectedVersion: z.number().int().nonnegative(),
  }),
  response: ChainConfig,
  idempotent: true,
  handler: async ({ body }, ctx) => {
    await assertVillage(ctx, body.village);
    assertChainFits(body.steps, await chainMembers(ctx, body.village, body.steps, dayInChina(ctx.now())));
    const config = {
      village: body.village,
      kind: body.kind,
      chain: body.steps,
      configuredBy: ctx.actor.sub,
      configuredAt: ctx.now().toISOString(),
    };
    villages.saveChain(ctx.tx, config, body.expectedVersion === 0 ? undefined : body.expectedVersion, refuse('stale-version'));
    return { ...config, isDefault: false, version: body.expectedVersion + 1 };
  },
});
