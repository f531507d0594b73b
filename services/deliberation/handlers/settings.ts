import * as z from 'zod';
import { once, Id, PlacePath, ProposalKind } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import { ChainChange, DecideChainChange, ProposeChainChange, settingChangeOf } from '../domain/changes.ts';
import { ChainPolicy, PolicyFloor } from '../domain/policy.ts';
import { CompoundEligibility, RecordEligibility } from '../domain/renovation.ts';
import { ChainConfig, SettingsUpdate, VillageSettings } from '../domain/settings.ts';
import { VILLAGE_READERS } from '../app/common.ts';
import { eligibilityHistory, getEligibility as eligibility, recordEligibility as record } from '../app/renovation.ts';
import {
  chainChangeVillage,
  chainHistory,
  decideChainChange,
  policyFor,
  policyHistory,
  proposeChainChange,
  putSettings as setSettings,
  setPolicy,
  settingsHistory,
  villageChain,
  villageSettings,
} from '../app/settings.ts';

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), cursor: z.string().optional() });

export const getSettings = defineRoute({
  method: 'GET',
  path: '/deliberation/settings',
  operationId: 'getVillageSettings',
  summary: 'A village’s deliberation settings: per-resident support limit, notice days per kind',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath }),
  response: () => VillageSettings(),
  handler: ({ query }, ctx) => villageSettings(query.village, ctx),
});

export const putSettings = defineRoute({
  method: 'PUT',
  path: '/deliberation/settings',
  operationId: 'setVillageSettings',
  summary: 'Set the village’s per-resident support limit and notice periods, with the reason (cadres; audited)',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: () => SettingsUpdate(),
  response: () => VillageSettings(),
  idempotent: true,
  handler: ({ body }, ctx) => setSettings(body, ctx),
});

const SettingsValue = once(() => z.object({ supportLimit: z.number().int(), noticeDays: z.record(z.string(), z.number().int()) }));

export const getSettingsHistory = defineRoute({
  method: 'GET',
  path: '/deliberation/settings/history',
  operationId: 'getVillageSettingsHistory',
  summary: 'Every change of a village’s deliberation settings, newest first: before, after, who, when, why',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, ...pageQuery() }),
  response: () => page(settingChangeOf(SettingsValue())),
  handler: ({ query }, ctx) => settingsHistory(query, ctx),
});

export const getChain = defineRoute({
  method: 'GET',
  path: '/deliberation/chains',
  operationId: 'getDecisionChain',
  summary: 'The decision chain a kind of proposal follows in a village (the four deliberations unless changed)',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, kind: ProposalKind }),
  response: () => ChainConfig(),
  handler: ({ query }, ctx) => villageChain(query.village, query.kind, ctx),
});

export const putChain = defineRoute({
  method: 'PUT',
  path: '/deliberation/chains',
  operationId: 'proposeDecisionChain',
  summary:
    'Propose another decision chain for a kind in a village (cadres): it must keep the county’s required bodies, order and rules, and takes effect once the township approves',
  auth: { roles: ['cadre'], place: ({ body }) => body.village },
  body: () => ProposeChainChange(),
  response: () => ChainChange(),
  status: 202,
  idempotent: true,
  handler: ({ body }, ctx) => proposeChainChange(body, ctx),
});

export const decideChain = defineRoute({
  method: 'POST',
  path: '/deliberation/chains/changes/{changeId}/decision',
  operationId: 'decideDecisionChainChange',
  summary: 'Approve or decline a village’s proposed chain change (township officials); approval re-checks the floor',
  auth: { roles: ['township-official'], place: chainChangeVillage },
  params: () => z.object({ changeId: Id }),
  body: () => DecideChainChange(),
  response: () => ChainChange(),
  idempotent: true,
  handler: ({ params, body }, ctx) => decideChainChange(params.changeId, body, ctx),
});

export const getChainHistory = defineRoute({
  method: 'GET',
  path: '/deliberation/chains/history',
  operationId: 'getDecisionChainHistory',
  summary: 'Every proposed change of a village’s chain for a kind, newest first: before, after, who proposed, who decided, why',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.village },
  query: () => z.object({ village: PlacePath, kind: ProposalKind, ...pageQuery() }),
  response: () => page(ChainChange()),
  handler: ({ query }, ctx) => chainHistory(query, ctx),
});

export const getChainPolicy = defineRoute({
  method: 'GET',
  path: '/deliberation/chain-policies',
  operationId: 'getChainPolicy',
  summary: 'The floor of decision chains for a kind over a place: the county’s, else the province’s, else the national 四议',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.place },
  query: () => z.object({ place: PlacePath, kind: ProposalKind }),
  response: () => ChainPolicy(),
  handler: ({ query }, ctx) => policyFor(ctx, query.place, query.kind),
});

export const putChainPolicy = defineRoute({
  method: 'PUT',
  path: '/deliberation/chain-policies',
  operationId: 'setChainPolicy',
  summary: 'Set the floor of decision chains for a kind in a county or province (county officials; audited)',
  auth: { roles: ['county-official'], place: ({ body }) => body.scope },
  body: () =>
    PolicyFloor().extend({
      scope: PlacePath,
      kind: ProposalKind,
      reason: z.string().trim().min(1).max(2000),
      /** The policy version this change is based on (0 when none is set for the scope): a stale one is a 409. */
      expectedVersion: z.number().int().nonnegative(),
    }),
  response: () => ChainPolicy(),
  idempotent: true,
  handler: ({ body }, ctx) => setPolicy(body, ctx),
});

export const getChainPolicyHistory = defineRoute({
  method: 'GET',
  path: '/deliberation/chain-policies/history',
  operationId: 'getChainPolicyHistory',
  summary: 'Every change of a county’s or province’s chain floor for a kind, newest first',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.scope },
  query: () => z.object({ scope: PlacePath, kind: ProposalKind, ...pageQuery() }),
  response: () => page(settingChangeOf(PolicyFloor())),
  handler: ({ query }, ctx) => policyHistory(query, ctx),
});

const Facts = once(() => z.object({ multiStorey: z.boolean(), structurallySafe: z.boolean(), onDemolitionPlan: z.boolean() }));

export const putCompoundEligibility = defineRoute({
  method: 'PUT',
  path: '/deliberation/compound-eligibility',
  operationId: 'recordCompoundEligibility',
  summary:
    'Record a compound’s renovation eligibility: multi-storey, structurally safe, on a demolition plan (cadres, township officials; audited)',
  auth: { roles: ['cadre', 'township-official'], place: ({ body }) => body.compound },
  body: () => RecordEligibility(),
  response: () => CompoundEligibility(),
  idempotent: true,
  handler: ({ body }, ctx) => record(body, ctx),
});

export const getCompoundEligibility = defineRoute({
  method: 'GET',
  path: '/deliberation/compound-eligibility',
  operationId: 'getCompoundEligibility',
  summary: 'A compound’s recorded renovation eligibility and which facts fail',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.compound },
  query: () => z.object({ compound: PlacePath }),
  response: () => CompoundEligibility().extend({ eligible: z.boolean(), failing: z.array(z.string()) }),
  handler: ({ query }, ctx) => eligibility(query.compound, ctx),
});

export const getCompoundEligibilityHistory = defineRoute({
  method: 'GET',
  path: '/deliberation/compound-eligibility/history',
  operationId: 'getCompoundEligibilityHistory',
  summary: 'Every change of a compound’s renovation eligibility facts, newest first',
  auth: { roles: VILLAGE_READERS, place: ({ query }) => query.compound },
  query: () => z.object({ compound: PlacePath, ...pageQuery() }),
  response: () => page(settingChangeOf(Facts())),
  handler: ({ query }, ctx) => eligibilityHistory(query, ctx),
});
