import { z } from 'zod';
import { type FundSource, Id, WorkCategory, says } from '@cocreate/contracts';
import { type Draw, MAX_SOURCES_PER_POSTING, pickDraws } from './ledger.ts';

/**
 * Sources of pool money and their purpose restrictions. "Channels not mixed, purposes unchanged" (渠道不乱、用途不变):
 * a source's money is never allocated to, or spent on, a project its restriction does not allow.
 */
export const Restriction = z
  .object({
    /** Project categories the money may pay for. */
    categories: z.array(WorkCategory).min(1).max(16).optional(),
    /** Named projects the money may pay for. */
    projects: z.array(Id).min(1).max(50).optional(),
  })
  .refine(
    (r) => r.categories !== undefined || r.projects !== undefined,
    says({ zh: '限定须列出类别或项目', en: 'a restriction names categories or projects' }),
  );
export type Restriction = z.infer<typeof Restriction>;

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

export type AllocationRefusal =
  | { refused: 'over-budget'; room: number }
  | { refused: 'unknown-source'; sourceIds: string[] }
  | { refused: 'restricted-source'; sourceIds: string[] }
  | { refused: 'insufficient-source'; sourceId: string; balance: number }
  | { refused: 'insufficient-pool'; available: number }
  | { refused: 'sources-do-not-add-up'; total: number }
  | { refused: 'too-many-sources'; max: number };

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
}): { draws: Draw[] } | AllocationRefusal {
  const room = input.budget - input.allocatedSoFar;
  if (input.amount > room) return { refused: 'over-budget', room: Math.max(0, room) };
  const byId = new Map(input.sources.map((s) => [s.sourceId, s]));
  if (input.explicit) {
    const total = input.explicit.reduce((s, d) => s + d.amount, 0);
    if (total !== input.amount) return { refused: 'sources-do-not-add-up', total };
    if (input.explicit.length > MAX_SOURCES_PER_POSTING) return { refused: 'too-many-sources', max: MAX_SOURCES_PER_POSTING };
    const unknown = input.explicit.filter((d) => !byId.has(d.sourceId)).map((d) => d.sourceId);
    if (unknown.length) return { refused: 'unknown-source', sourceIds: unknown };
    const restricted = input.explicit.filter((d) => !permits(byId.get(d.sourceId)!.restriction, input.project)).map((d) => d.sourceId);
    if (restricted.length) return { refused: 'restricted-source', sourceIds: restricted };
    for (const d of input.explicit) {
      const s = byId.get(d.sourceId)!;
      if (s.balance < d.amount) return { refused: 'insufficient-source', sourceId: d.sourceId, balance: s.balance };
    }
    return { draws: input.explicit.map((d) => ({ ...d })) };
  }
  const eligible = input.sources.filter((s) => permits(s.restriction, input.project));
  const picked = pickDraws(eligible, input.amount);
  if ('shortfall' in picked) return { refused: 'insufficient-pool', available: picked.available };
  if (picked.draws.length > MAX_SOURCES_PER_POSTING) return { refused: 'too-many-sources', max: MAX_SOURCES_PER_POSTING };
  return picked;
}

export type HoldRefusal = { refused: 'insufficient-allocation'; available: number } | { refused: 'too-many-sources'; max: number };

/**
 * Chooses which of the project's allocations pay a disbursement: oldest source first, re-checking each source's
 * restriction at the moment of spending (a restriction is honoured twice, at allocation and at spend).
 */
export function planHold(amount: number, project: ProjectPurpose, allocations: readonly SourceBalance[]): { draws: Draw[] } | HoldRefusal {
  const eligible = allocations.filter((a) => permits(a.restriction, project));
  const picked = pickDraws(eligible, amount);
  if ('shortfall' in picked) return { refused: 'insufficient-allocation', available: picked.available };
  if (picked.draws.length > MAX_SOURCES_PER_POSTING) return { refused: 'too-many-sources', max: MAX_SOURCES_PER_POSTING };
  return picked;
}
