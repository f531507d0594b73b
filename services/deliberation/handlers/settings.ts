import { z } from 'zod';
import { PlacePath, ProposalKind } from '@cocreate/contracts';
import { defineRoute } from '@cocreate/kernel';
import { Chain } from '../domain/chains.ts';
import { ChainConfig, SettingsUpdate, VillageSettings } from '../domain/settings.ts';
import { VILLAGE_READERS } from '../app/common.ts';
import { currentChain, currentSettings, putChain as configure, putSettings as setSettings } from '../app/settings.ts';

export const getSettings = defineRoute({
  method: 'GET',
  path: '/deliberation/settings',
  operationId: 'getVillageSettings',
  summary: 'A village’s deliberation settings: per-resident support limit, notice days per kind',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath }),
  response: VillageSettings,
  handler: ({ query }, ctx) => currentSettings(ctx, query.village),
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
  handler: ({ body }, ctx) => setSettings(body, ctx),
});

export const getChain = defineRoute({
  method: 'GET',
  path: '/deliberation/chains',
  operationId: 'getDecisionChain',
  summary: 'The decision chain a kind of proposal follows in a village (the four deliberations unless configured)',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: z.object({ village: PlacePath, kind: ProposalKind }),
  response: ChainConfig,
  handler: ({ query }, ctx) => currentChain(ctx, query.village, query.kind),
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
  handler: ({ body }, ctx) => configure(body, ctx),
});
