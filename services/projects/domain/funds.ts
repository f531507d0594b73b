import * as z from 'zod';
import { once, Fen, FundSource, Id, PlacePath, WorkCategory, refused, says } from '@cocreate/contracts';
import { type Draw, MAX_SOURCES_PER_POSTING, type StoredAccount, pickDraws } from './ledger.ts';
import type { Refused } from './refusals.ts';

/**
 * Sources of pool money and their purpose restrictions. "Channels not mixed, purposes unchanged" (渠道不乱、用途不变):
 * a source's money is never allocated to, or spent on, a project its restriction does not allow.
 */
export const Restriction = once(() =>
  z
    .object({
      /** Project categories the money may pay for. */
      categories: z.array(WorkCategory).min(1).max(16).optional(),
      /** Named projects the money may pay for. */
      projects: z.array(Id).min(1).max(50).optional(),
    })
    .refine(
      (r) => r.categories !== undefined || r.projects !== undefined,
      says({ zh: '限定须列出类别或项目', en: 'a restriction names categories or projects' }),
    ),
);
export type Restriction = z.infer<ReturnType<typeof Restriction>>;

export interface ProjectPurpose {
  projectId: string;
  category: WorkCategory;
}

/**
 * Whether a restriction allows a project. Both parts must hold when both are given (the stricter reading: a source
 * for "roads in project X" may not pay for X's lighting).
 */
export function permits(restriction: Restriction | undefined, project: ProjectPurpose): boolean {
  if (!restriction) return true;
  if (restriction.categories && !restriction.categories.includes(project.category)) return false;
  if (restriction.projects && !restriction.projects.includes(project.projectId)) return false;
  return true;
}

export interface SourceBalance {
  sourceId: string;
  source: FundSource;
  restriction?: Restriction | undefined;
  /** Unallocated (src:S) or, for spending, allocated to the project (alloc:P:S). */
  balance: number;
}

export type AllocationRefusal = Refused<
  | 'over-budget'
  | 'unknown-source'
  | 'restricted-source'
  | 'insufficient-source'
  | 'insufficient-pool'
  | 'sources-do-not-add-up'
  | 'too-many-sources'
  | 'duplicate-source'
  | 'renovation-class-share-exceeded'
>;

/** Renovation classes the county's class rule limits (完善类, 提升类); 基础类 may use the whole of a source. */
export const NON_BASIC_CLASSES = ['improvement', 'enhancement'] as const;

/**
 * What of each source a 完善/提升-class project may still be allocated under the county's rule: for each source of a
 * governed kind, `⌊amount × share⌋` less what such projects were already allocated from it (never below zero).
 */
export function classRoom(
  sources: readonly { sourceId: string; source: FundSource; amount: number }[],
  used: ReadonlyMap<string, number>,
  rule: { nonBasicMaxShareBp: number; sources: readonly FundSource[] },
): Map<string, { room: number; cap: number }> {
  const room = new Map<string, { room: number; cap: number }>();
  for (const s of sources) {
    if (!rule.sources.includes(s.source)) continue;
    const cap = Math.floor((s.amount * rule.nonBasicMaxShareBp) / 10_000);
    room.set(s.sourceId, { room: Math.max(0, cap - (used.get(s.sourceId) ?? 0)), cap });
  }
  return room;
}

/**
 * Plans an allocation of `amount` to a project: from the named sources (each must allow the project and hold
 * enough), or — when none are named — from the eligible sources, oldest first. Never beyond the project's budget.
 */
export function planAllocation(input: {
  amount: number;
  budget: number;
  allocatedSoFar: number;
  project: ProjectPurpose;
  sources: readonly SourceBalance[];
  explicit?: readonly Draw[] | undefined;
  /**
   * For a 完善/提升-class project: what each governed source may still give it under the county's class rule
   * (sources absent from the map are not limited).
   */
  classRoom?: ReadonlyMap<string, { room: number; cap: number }> | undefined;
}): { draws: Draw[] } | AllocationRefusal {
  const named = input.explicit?.map((d) => d.sourceId) ?? [];
  if (new Set(named).size !== named.length) return refused('duplicate-source');
  const room = input.budget - input.allocatedSoFar;
  if (input.amount > room) return refused('over-budget', { room: Math.max(0, room) });
  const byId = new Map(input.sources.map((s) => [s.sourceId, s]));
  if (input.explicit) {
    const total = input.explicit.reduce((s, d) => s + d.amount, 0);
    if (total !== input.amount) return refused('sources-do-not-add-up', { total });
    if (input.explicit.length > MAX_SOURCES_PER_POSTING) return refused('too-many-sources', { max: MAX_SOURCES_PER_POSTING });
    const unknown = input.explicit.filter((d) => !byId.has(d.sourceId)).map((d) => d.sourceId);
    if (unknown.length) return refused('unknown-source', { sourceIds: unknown });
    const restricted = input.explicit.filter((d) => !permits(byId.get(d.sourceId)!.restriction, input.project)).map((d) => d.sourceId);
    if (restricted.length) return refused('restricted-source', { sourceIds: restricted });
    for (const d of input.explicit) {
      const s = byId.get(d.sourceId)!;
      if (s.balance < d.amount) return refused('insufficient-source', { sourceId: d.sourceId, balance: s.balance });
      const limit = input.classRoom?.get(d.sourceId);
      if (limit && limit.room < d.amount)
        return refused('renovation-class-share-exceeded', { sourceId: d.sourceId, room: limit.room, cap: limit.cap });
    }
    return { draws: input.explicit.map((d) => ({ ...d })) };
  }
  const eligible = input.sources.filter((s) => permits(s.restriction, input.project));
  const capped = eligible.map((s) => {
    const limit = input.classRoom?.get(s.sourceId);
    return limit ? { ...s, balance: Math.min(s.balance, limit.room) } : s;
  });
  const picked = pickDraws(capped, input.amount);
  if ('shortfall' in picked) {
    // Enough money, but not enough that the class rule lets this project use: say which rule.
    if (input.classRoom && !('shortfall' in pickDraws(eligible, input.amount)))
      return refused('renovation-class-share-exceeded', { available: picked.available });
    return refused('insufficient-pool', { available: picked.available });
  }
  if (picked.draws.length > MAX_SOURCES_PER_POSTING) return refused('too-many-sources', { max: MAX_SOURCES_PER_POSTING });
  return picked;
}

export type HoldRefusal = Refused<'insufficient-allocation' | 'too-many-sources'>;

/**
 * Chooses which of the project's allocations pay a disbursement: oldest source first, re-checking each source's
 * restriction at the moment of spending (a restriction is honoured twice, at allocation and at spend).
 */
export function planHold(amount: number, project: ProjectPurpose, allocations: readonly SourceBalance[]): { draws: Draw[] } | HoldRefusal {
  const eligible = allocations.filter((a) => permits(a.restriction, project));
  const picked = pickDraws(eligible, amount);
  if ('shortfall' in picked) return refused('insufficient-allocation', { available: picked.available, requested: amount });
  if (picked.draws.length > MAX_SOURCES_PER_POSTING) return refused('too-many-sources', { max: MAX_SOURCES_PER_POSTING });
  return picked;
}

/** Where pool money came from: its kind and restriction (sources never change). */
export const SourceRecord = once(() =>
  z.object({
    sourceId: Id,
    pool: PlacePath,
    source: FundSource,
    from: z.string(),
    amount: Fen,
    /** Documented loosely (as the API always has); typed as the domain's restriction below. */
    restriction: z.object({ categories: z.array(z.string()).optional(), projects: z.array(z.string()).optional() }).optional(),
    receivedAt: z.string(),
    receivedOn: z.string(),
    recordedBy: z.string(),
    origin: z.enum(['manual', 'contribution', 'award', 'transfer']),
    postingId: Id,
    contributionId: z.string().optional(),
    awardId: z.string().optional(),
    viaPool: z.string().optional(),
    viaSource: z.string().optional(),
    note: z.string().optional(),
  }),
);
export type SourceRecord = Omit<z.infer<ReturnType<typeof SourceRecord>>, 'restriction'> & { restriction?: Restriction | undefined };

/** An account's running balance in a pool. */
export interface AccountRecord extends StoredAccount {
  pool: string;
  kind: string;
  sourceId: string;
  projectId?: string;
  /** On allocation accounts: the source's kind and restriction, copied when allocated (sources never change). */
  source?: FundSource;
  restriction?: Restriction;
}

/** A project's money by source: allocated and free, held by requests awaiting approval, spent. */
export interface ProjectFunds {
  available: number;
  held: number;
  spent: number;
  /** available + held + spent. */
  allocated: number;
  bySource: { sourceId: string; available: number; held: number; spent: number }[];
}

/** A project's money from its allocation and spending accounts (the running balances), sources in id order. */
export function projectFundsOf(
  alloc: readonly Pick<AccountRecord, 'sourceId' | 'available' | 'held'>[],
  spent: readonly Pick<AccountRecord, 'sourceId' | 'balance'>[],
  /** Allocations being made now, not yet in the balances read. */
  allocating: readonly Draw[] = [],
): ProjectFunds {
  const bySource = new Map<string, { sourceId: string; available: number; held: number; spent: number }>();
  const row = (sourceId: string) => {
    let r = bySource.get(sourceId);
    if (!r) bySource.set(sourceId, (r = { sourceId, available: 0, held: 0, spent: 0 }));
    return r;
  };
  for (const a of alloc) {
    row(a.sourceId).available += a.available ?? 0;
    row(a.sourceId).held += a.held ?? 0;
  }
  for (const a of spent) row(a.sourceId).spent += a.balance;
  for (const d of allocating) row(d.sourceId).available += d.amount;
  const rows = [...bySource.values()].sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1));
  const sum = (k: 'available' | 'held' | 'spent') => rows.reduce((s, r) => s + r[k], 0);
  return {
    available: sum('available'),
    held: sum('held'),
    spent: sum('spent'),
    allocated: sum('available') + sum('held') + sum('spent'),
    bySource: rows,
  };
}
