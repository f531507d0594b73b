import {
  ChainChangeDeclined,
  ChainChangeProposed,
  ChainPolicyChanged,
  DecisionChainChanged,
  type ProposalKind,
  type Refused,
  VillageSettingsChanged,
  isRefused,
} from '@cocreate/contracts';
import { type RouteContext, type ServiceContext, newId, problems } from '@cocreate/kernel';
import { type BodyKind, ancestorOf, chinaDay } from '@cocreate/places';
import { type Chain, defaultChain } from '../domain/chains.ts';
import {
  type ChainChange,
  type DecideChainChange,
  type ProposeChainChange,
  auditEntry,
  chainProblem,
  decideChange,
  proposeChange,
} from '../domain/changes.ts';
import { type ChainPolicy, type PolicyFloor, amountOf, checkFloor, floorApplies, nationalFloor } from '../domain/policy.ts';
import type { ProposalSubject } from '../domain/proposals.ts';
import { type ChainConfig, type SettingsUpdate, type VillageSettings, effectiveSettings } from '../domain/settings.ts';
import { audit, chainChanges, policies } from '../repos/settings.ts';
import { villages } from '../repos/villages.ts';
import { assertVillage, listedVillage, refuse } from './common.ts';

/** The chain that applies to a kind in a village now: the configured one, or the four deliberations. */
export async function currentChain(ctx: ServiceContext, village: string, kind: ProposalKind): Promise<ChainConfig> {
  const stored = await villages.chain(ctx.table, village, kind);
  if (stored) return { ...stored.value, isDefault: false, version: stored.version };
  return { village, kind, chain: defaultChain(kind), isDefault: true, version: 0 };
}

export async function currentSettings(ctx: ServiceContext, village: string): Promise<VillageSettings> {
  return effectiveSettings(village, (await villages.settings(ctx.table, village))?.value);
}

/** The settings a village route answers with: a township or county is refused with the parameter to use. */
export const villageSettings = async (village: string, ctx: RouteContext) => {
  await listedVillage(ctx, village);
  return currentSettings(ctx, village);
};

/** The chain a village route answers with: a township or county is refused with the parameter to use. */
export const villageChain = async (village: string, kind: ProposalKind, ctx: RouteContext) => {
  await listedVillage(ctx, village);
  return currentChain(ctx, village, kind);
};

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

/**
 * The chain floor over a place for a kind: the nearest county's policy, else the province's, else the national
 * floor (the four deliberations for every matter).
 */
export async function policyFor(ctx: ServiceContext, place: string, kind: ProposalKind): Promise<ChainPolicy> {
  const [county, province] = await Promise.all([ancestorOf(ctx.register, place, 'county'), ancestorOf(ctx.register, place, 'province')]);
  for (const scope of [county?.path, province?.path]) {
    if (!scope) continue;
    const stored = await policies.get(ctx.table, scope, kind);
    if (stored) return { ...stored.value, isDefault: false, version: stored.version };
  }
  return nationalFloor(kind);
}

/** Throws a chain's first problem as a 422 naming the step: a body (each once, voting, present) or the floor. */
function throwChainProblem(problem: (Refused<string> & { step: number }) | undefined, pointer: string): void {
  if (!problem) return;
  const body = problem.refused.startsWith('chain-') && !problem.refused.includes('required') ? '/body' : '';
  throw refuse(problem.refused as never, { step: problem.step, ...(problem.detail ?? {}) }, `${pointer}/${problem.step}${body}`);
}

/** Checks a chain against the members of the village's bodies and the floor; throws the first problem as a 422. */
export function assertChainFits(
  chain: Chain,
  members: ReadonlyMap<BodyKind, readonly string[]>,
  floor: Pick<PolicyFloor, 'required'>,
  pointer = '/steps',
): void {
  throwChainProblem(
    chainProblem(chain, (body) => members.get(body)?.length ?? 0, floor),
    pointer,
  );
}

/**
 * The chain a proposal about `subject` must follow: the village's, checked against the bodies today and against the
 * floor when the floor binds the subject's amount (a ¥900,000 plan cannot go to a lighter chain). Answers the members
 * read, so the first body's vote opens with the same read.
 */
export async function chainForProposal(ctx: ServiceContext, village: string, subject: ProposalSubject, pointer = '/chain') {
  const [config, policy] = await Promise.all([currentChain(ctx, village, subject.kind), policyFor(ctx, village, subject.kind)]);
  const members = await chainMembers(ctx, village, config.chain, chinaDay(ctx.now()));
  const binds = floorApplies(policy, amountOf(subject as never));
  assertChainFits(config.chain, members, binds ? policy : { required: [] }, pointer);
  return { config, members };
}

/** The floor check alone, for a chain already frozen on a proposal (answers the problem, throws nothing). */
export function floorProblemOf(chain: Chain, policy: ChainPolicy, subject: ProposalSubject) {
  return floorApplies(policy, amountOf(subject as never)) ? checkFloor(chain, policy) : undefined;
}

/** A village's per-resident support limit and notice periods: what is stored over the defaults; audited. */
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
  const value = (s: VillageSettings) => ({ supportLimit: s.supportLimit, noticeDays: s.noticeDays });
  const entry = auditEntry({
    changeId: newId(),
    setting: 'village-settings',
    scope: cmd.village,
    before: value(current),
    after: value(next),
    by: ctx.actor.sub,
    now: ctx.now(),
    reason: cmd.reason,
  });
  audit.record(ctx.tx, entry);
  ctx.tx.emit(
    VillageSettingsChanged,
    {
      changeId: entry.changeId,
      village: cmd.village,
      before: entry.before!,
      after: entry.after,
      changedBy: entry.changedBy,
      changedAt: entry.changedAt,
      reason: entry.reason,
    },
    { place: cmd.village },
  );
  return next;
}

export async function settingsHistory(query: { village: string; limit: number; cursor?: string | undefined }, ctx: RouteContext) {
  await listedVillage(ctx, query.village);
  return audit.history<{ supportLimit: number; noticeDays: Record<string, number> }>(ctx.table, 'village-settings', query.village, query);
}

/**
 * The cadres propose a chain for a kind in their village: it must fit the village's bodies and the floor, and be
 * based on the chain in force. It waits for the township (202); nothing changes until then.
 */
export async function proposeChainChange(cmd: ProposeChainChange, ctx: RouteContext): Promise<ChainChange> {
  await assertVillage(ctx, cmd.village);
  const [current, policy, members] = await Promise.all([
    currentChain(ctx, cmd.village, cmd.kind),
    policyFor(ctx, cmd.village, cmd.kind),
    chainMembers(ctx, cmd.village, cmd.steps, chinaDay(ctx.now())),
  ]);
  const problem = chainProblem(cmd.steps, (body) => members.get(body)?.length ?? 0, policy);
  const change = proposeChange({ changeId: newId(), current, cmd, by: ctx.actor.sub, now: ctx.now() }, problem);
  if (isRefused(change)) {
    if (change.refused === 'stale-version') throw refuse('stale-version', change.detail ?? {});
    throwChainProblem(change as Refused<string> & { step: number }, '/steps');
  }
  const c = change as ChainChange;
  chainChanges.save(ctx.tx, c, undefined);
  ctx.tx.emit(
    ChainChangeProposed,
    {
      changeId: c.changeId,
      village: c.village,
      kind: c.kind,
      before: c.before,
      after: c.after,
      reason: c.reason,
      proposedBy: c.proposedBy,
      proposedAt: c.proposedAt,
    },
    { place: c.village },
  );
  return c;
}

export async function loadChainChange(ctx: RouteContext, changeId: string) {
  return ctx.once(`chain-change:${changeId}`, () => chainChanges.get(ctx.table, changeId));
}

/** The village a chain change is about (the route's place check). */
export const chainChangeVillage = async ({ params }: { params: { changeId: string } }, ctx: RouteContext) =>
  (await loadChainChange(ctx, params.changeId))?.value.village;

/**
 * The township approves or declines a pending change. Approval re-checks the chain against the bodies and the floor
 * as they are now, and takes effect only on the chain version the change was based on.
 */
export async function decideChainChange(changeId: string, cmd: DecideChainChange, ctx: RouteContext): Promise<ChainChange> {
  const cur = await loadChainChange(ctx, changeId);
  if (!cur) throw problems.notFound({ zh: '决策链修改', en: 'The chain change' });
  const change = cur.value;
  const [current, policy, members] = await Promise.all([
    currentChain(ctx, change.village, change.kind),
    policyFor(ctx, change.village, change.kind),
    chainMembers(ctx, change.village, change.after, chinaDay(ctx.now())),
  ]);
  const problem = cmd.approve ? chainProblem(change.after, (body) => members.get(body)?.length ?? 0, policy) : undefined;
  const decided = decideChange(change, cmd, { currentVersion: current.version, by: ctx.actor.sub, now: ctx.now() }, problem);
  if (isRefused(decided)) {
    if (decided.refused === 'stale-version' || decided.refused === 'change-not-pending')
      throw refuse(decided.refused, decided.detail ?? {});
    throwChainProblem(decided as Refused<string> & { step: number }, '/after');
  }
  const next = decided as ChainChange;
  chainChanges.save(ctx.tx, next, cur.version);
  const where = { place: next.village };
  if (next.status === 'approved') {
    villages.saveChain(
      ctx.tx,
      {
        village: next.village,
        kind: next.kind,
        chain: next.after,
        configuredBy: next.proposedBy,
        configuredAt: next.decidedAt!,
        changeId: next.changeId,
        approvedBy: next.decidedBy!,
      },
      next.baseVersion === 0 ? undefined : next.baseVersion,
      refuse('stale-version'),
    );
    ctx.tx.emit(
      DecisionChainChanged,
      {
        changeId: next.changeId,
        village: next.village,
        kind: next.kind,
        before: next.before,
        after: next.after,
        reason: next.reason,
        proposedBy: next.proposedBy,
        proposedAt: next.proposedAt,
        approvedBy: next.decidedBy!,
        approvedAt: next.decidedAt!,
        version: next.version!,
      },
      where,
    );
  } else {
    ctx.tx.emit(
      ChainChangeDeclined,
      {
        changeId: next.changeId,
        village: next.village,
        kind: next.kind,
        declinedBy: next.decidedBy!,
        declinedAt: next.decidedAt!,
        reason: next.decisionReason!,
      },
      where,
    );
  }
  return next;
}

export async function chainHistory(
  query: { village: string; kind: ProposalKind; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
) {
  await listedVillage(ctx, query.village);
  return chainChanges.history(ctx.table, query.village, query.kind, query);
}

/** A county (or the province) sets the floor for a kind; audited with before and after. */
export async function setPolicy(
  cmd: PolicyFloor & { scope: string; kind: ProposalKind; reason: string; expectedVersion: number },
  ctx: RouteContext,
): Promise<ChainPolicy> {
  const place = await ctx.register.place(cmd.scope);
  if (place?.kind !== 'county' && place?.kind !== 'province') throw refuse('policy-scope-not-county', {}, '/scope');
  const stored = await policies.get(ctx.table, cmd.scope, cmd.kind);
  if ((stored?.version ?? 0) !== cmd.expectedVersion) throw refuse('stale-version', { current: stored?.version ?? 0 });
  const at = ctx.now().toISOString();
  const next = {
    scope: cmd.scope,
    kind: cmd.kind,
    fromFen: cmd.fromFen,
    required: cmd.required,
    setBy: ctx.actor.sub,
    setAt: at,
    reason: cmd.reason,
  };
  policies.save(ctx.tx, next, stored?.version, refuse('stale-version'));
  const floor = (p: PolicyFloor) => ({ fromFen: p.fromFen, required: p.required });
  const entry = auditEntry({
    changeId: newId(),
    setting: 'chain-policy',
    scope: cmd.scope,
    kind: cmd.kind,
    before: stored ? floor(stored.value) : undefined,
    after: floor(next),
    by: ctx.actor.sub,
    now: ctx.now(),
    reason: cmd.reason,
  });
  audit.record(ctx.tx, entry);
  const version = (stored?.version ?? 0) + 1;
  ctx.tx.emit(
    ChainPolicyChanged,
    {
      changeId: entry.changeId,
      scope: cmd.scope,
      kind: cmd.kind,
      ...(entry.before ? { before: entry.before } : {}),
      after: entry.after,
      changedBy: entry.changedBy,
      changedAt: entry.changedAt,
      reason: entry.reason,
      version,
    },
    { place: cmd.scope },
  );
  return { ...next, isDefault: false, version };
}

export const policyHistory = (
  query: { scope: string; kind: ProposalKind; limit: number; cursor?: string | undefined },
  ctx: RouteContext,
) => audit.history<PolicyFloor>(ctx.table, 'chain-policy', query.scope, query);
