import * as z from 'zod';
import {
  once,
  type AuditedChange,
  Id,
  IsoDateTime,
  PlacePath,
  ProposalKind,
  type Refused,
  auditedChangeOf,
  refused,
} from '@cocreate/contracts';
import { type BodyKind } from '@cocreate/places';
import { Chain, validateChain } from './chains.ts';
import { type PolicyFloor, checkFloor } from './policy.ts';
import type { ChainConfig } from './settings.ts';

/**
 * A village's chain changes only by a proposal the township approves (报镇审批): the cadres propose the new chain
 * with a reason; it must fit the village's bodies and the county's floor when proposed and again when approved (the
 * bodies or the floor may have changed meanwhile); it takes effect only if the chain is still the one it was based on.
 * Every proposal, approval and refusal is kept with the chain before and after: the chain's history.
 */
export const ChainChangeStatus = once(() => z.enum(['pending', 'approved', 'declined']));

export const ChainChange = once(() =>
  z.object({
    changeId: Id,
    village: PlacePath,
    kind: ProposalKind,
    status: ChainChangeStatus(),
    /** The chain in force when the change was proposed, and the configuration version it was based on. */
    before: Chain(),
    baseVersion: z.number().int().nonnegative(),
    after: Chain(),
    reason: z.string(),
    proposedBy: z.string(),
    proposedAt: IsoDateTime,
    decidedBy: z.string().optional(),
    decidedAt: IsoDateTime.optional(),
    decisionReason: z.string().optional(),
    /** The configuration version the approval produced. */
    version: z.number().int().positive().optional(),
  }),
);
export type ChainChange = z.infer<ReturnType<typeof ChainChange>>;

export const ProposeChainChange = once(() =>
  z.object({
    village: PlacePath,
    kind: ProposalKind,
    steps: Chain(),
    /** The configuration version this change is based on (0 when replacing the default): a stale one is a 409. */
    expectedVersion: z.number().int().nonnegative(),
    /** Why the chain should change (修改理由), kept in its history. */
    reason: z.string().trim().min(1).max(2000),
  }),
);
export type ProposeChainChange = z.infer<ReturnType<typeof ProposeChainChange>>;

export const DecideChainChange = once(() =>
  z.object({
    approve: z.boolean(),
    reason: z.string().trim().min(1).max(2000),
  }),
);
export type DecideChainChange = z.infer<ReturnType<typeof DecideChainChange>>;

/** The first reason a chain cannot be used in a village: its bodies (each once, voting, present), then the floor. */
export function chainProblem(chain: Chain, memberCount: (body: BodyKind) => number, floor: Pick<PolicyFloor, 'required'>) {
  const structural = validateChain(chain, memberCount)[0];
  if (structural) return { ...refused(structural.code, { step: structural.step, body: structural.body }), step: structural.step };
  return checkFloor(chain, floor);
}

/** A proposed change, or why it cannot even be proposed (stale base, a chain that does not fit). */
export function proposeChange(
  input: { changeId: string; current: ChainConfig; cmd: ProposeChainChange; by: string; now: Date },
  problem: (Refused<string> & { step: number }) | undefined,
): ChainChange | Refused<'stale-version'> | (Refused<string> & { step: number }) {
  if (input.cmd.expectedVersion !== input.current.version) return refused('stale-version', { current: input.current.version });
  if (problem) return problem;
  return {
    changeId: input.changeId,
    village: input.cmd.village,
    kind: input.cmd.kind,
    status: 'pending',
    before: input.current.chain,
    baseVersion: input.current.version,
    after: input.cmd.steps,
    reason: input.cmd.reason,
    proposedBy: input.by,
    proposedAt: input.now.toISOString(),
  };
}

/**
 * The township's decision on a pending change. Approval needs the chain still at the version the change was based
 * on and the new chain still fitting (`problem`, checked afresh); a decline needs neither.
 */
export function decideChange(
  change: ChainChange,
  cmd: DecideChainChange,
  input: { currentVersion: number; by: string; now: Date },
  problem: (Refused<string> & { step: number }) | undefined,
): ChainChange | Refused<'change-not-pending' | 'stale-version'> | (Refused<string> & { step: number }) {
  if (change.status !== 'pending') return refused('change-not-pending', { status: change.status });
  const decided = { decidedBy: input.by, decidedAt: input.now.toISOString(), decisionReason: cmd.reason };
  if (!cmd.approve) return { ...change, status: 'declined', ...decided };
  if (input.currentVersion !== change.baseVersion)
    return refused('stale-version', { current: input.currentVersion, base: change.baseVersion });
  if (problem) return problem;
  return { ...change, status: 'approved', ...decided, version: change.baseVersion + 1 };
}

export const SettingName = once(() => z.enum(['village-settings', 'chain-policy', 'compound-eligibility', 'resource']));
export type SettingName = z.infer<ReturnType<typeof SettingName>>;

/** A change of one of this service's settings, as every service audits them (`AuditedChange` in @cocreate/contracts). */
export type SettingChange<T> = AuditedChange<T, SettingName>;
export { auditEntry } from '@cocreate/contracts';

/** The history route's item for a setting whose value has schema `value`. */
export const settingChangeOf = <T extends z.ZodType>(value: T, scope: z.ZodType<string> = PlacePath) =>
  auditedChangeOf(SettingName(), value, scope);
