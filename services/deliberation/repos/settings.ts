import type { ProposalKind } from '@cocreate/contracts';
import { type OnConflict, type Table, type UnitOfWork, auditTrailOf, pageOf, readVersioned } from '@cocreate/kernel';
import type { ChainChange, SettingName } from '../domain/changes.ts';
import type { ChainPolicy } from '../domain/policy.ts';
import type { CompoundEligibility } from '../domain/renovation.ts';
import { keys } from './keys.ts';

export type PageOpts = { limit: number; cursor?: string | undefined };
const page = (opts: PageOpts) => ({ limit: opts.limit, forward: false, ...(opts.cursor ? { cursor: opts.cursor } : {}) });

/** Proposed chain changes, each a record of its own, listed per village and kind: the chain's history. */
export const chainChanges = {
  get: (table: Table, id: string) => readVersioned<ChainChange>(table, keys.chainChange(id)),

  save(tx: UnitOfWork, c: ChainChange, expectedVersion: number | undefined, onConflict: OnConflict = 'retry'): void {
    tx.putVersioned(
      { ...keys.chainChange(c.changeId), gsi1pk: keys.chainChanges(c.village, c.kind), gsi1sk: `${c.proposedAt}#${c.changeId}`, ...c },
      expectedVersion,
      onConflict,
    );
  },

  history: (table: Table, village: string, kind: ProposalKind, opts: PageOpts) =>
    pageOf<ChainChange>(table, { index: 'gsi1', pk: keys.chainChanges(village, kind), ...page(opts) }),
};

/** A county's or province's chain floor per kind. */
export const policies = {
  get: (table: Table, scope: string, kind: ProposalKind) =>
    readVersioned<Omit<ChainPolicy, 'version' | 'isDefault'>>(table, keys.policy(scope, kind)),

  save(
    tx: UnitOfWork,
    p: Omit<ChainPolicy, 'version' | 'isDefault'> & { scope: string },
    expectedVersion: number | undefined,
    stale: OnConflict,
  ): void {
    tx.putVersioned({ ...keys.policy(p.scope, p.kind), ...p }, expectedVersion, stale);
  },
};

/** A compound's recorded renovation eligibility. */
export const eligibility = {
  get: (table: Table, compound: string) => readVersioned<CompoundEligibility>(table, keys.eligibility(compound)),

  save(tx: UnitOfWork, e: CompoundEligibility, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.eligibility(e.compound), ...e }, expectedVersion, 'retry');
  },
};

/** Every audited change of a setting, newest first per setting and scope (and kind): the kernel's audit trail. */
export const audit = auditTrailOf<SettingName>(keys.audit);
