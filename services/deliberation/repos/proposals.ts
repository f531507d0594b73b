import { type Item, type OnConflict, type Table, type UnitOfWork, pageOf, readRecord, readVersioned, recordOf } from '@cocreate/kernel';
import type { Objection } from '../domain/notice.ts';
import type { ImplementationDisclosure, Proposal, StepRecord } from '../domain/proposals.ts';
import { keys, dueShardOf } from './keys.ts';
import { shards } from './shards.ts';

function proposalItem(p: Proposal): Item {
  return {
    ...keys.proposal(p.proposalId),
    gsi1pk: keys.villageProposals(p.village),
    gsi1sk: `${p.submittedAt}#${p.proposalId}`,
    // Only a proposal in notice sits in the due-notices index; leaving notice rewrites the item without it.
    ...(p.status === 'notice' && p.notice
      ? { gsi2pk: keys.dueNotices(dueShardOf(p.proposalId)), gsi2sk: `${p.notice.endsAt}#${p.proposalId}` }
      : {}),
    ...p,
  };
}

/** A proposal and what hangs off it in its partition: the steps of its votes, objections, its disclosure. */
export const proposals = {
  getVersioned: (table: Table, id: string) => readVersioned<Proposal>(table, keys.proposal(id)),

  /** Every change of a proposal is optimistic on its version: concurrent changes recompute from fresh reads. */
  save(tx: UnitOfWork, p: Proposal, expectedVersion: number | undefined, onConflict: OnConflict = 'retry'): void {
    tx.putVersioned(proposalItem(p), expectedVersion, onConflict);
  },

  listByVillage: (table: Table, village: string, opts: { limit: number; cursor?: string | undefined }) =>
    pageOf<Proposal>(table, {
      index: 'gsi1',
      pk: keys.villageProposals(village),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    }),

  /** Proposals of one shard whose notice period ended by `now` (oldest first), a page at a time. */
  async dueNotices(table: Table, shard: number, now: string, limit: number, cursor?: string): Promise<{ ids: string[]; cursor?: string }> {
    const res = await table.query({
      index: 'gsi2',
      pk: keys.dueNotices(shard),
      sk: { lte: `${now}~` },
      limit,
      ...(cursor ? { cursor } : {}),
    });
    return { ids: res.items.map((i) => i.proposalId as string), ...(res.cursor ? { cursor: res.cursor } : {}) };
  },

  step: (table: Table, id: string, round: number, step: number) => readRecord<StepRecord>(table, keys.step(id, round, step)),

  /** Every step of every round, in order (a consistent read: a resolve judges the current step on it). */
  async steps(table: Table, id: string): Promise<StepRecord[]> {
    const items = await table.queryAll({ pk: keys.proposal(id).pk, sk: { beginsWith: 'STEP#' }, consistent: true });
    return items.map((i) => recordOf<StepRecord>(i));
  },

  /** Opens a body's vote: the step record with its members, and its zeroed tally shards. */
  openStep(tx: UnitOfWork, s: StepRecord): void {
    tx.create({ ...keys.step(s.proposalId, s.round, s.step), ...s }, 'retry');
    shards.open(tx, keys.tally(s.proposalId, s.round, s.step), { yes: 0, no: 0, abstain: 0, cast: 0 });
  },

  /** Records the resolution on a step that is still open. */
  resolveStep(tx: UnitOfWork, s: StepRecord): void {
    tx.put(
      { ...keys.step(s.proposalId, s.round, s.step), ...s },
      { condition: { expression: '#st = :open', names: { '#st': 'status' }, values: { ':open': 'open' } }, onConflict: 'retry' },
    );
  },

  objectionVersioned: (table: Table, id: string, objectionId: string) => readVersioned<Objection>(table, keys.objection(id, objectionId)),

  saveObjection(tx: UnitOfWork, o: Objection, expectedVersion: number | undefined, onConflict: OnConflict): void {
    tx.putVersioned({ ...keys.objection(o.proposalId, o.objectionId), ...o }, expectedVersion, onConflict);
  },

  async objections(table: Table, id: string): Promise<Objection[]> {
    const items = await table.queryAll({ pk: keys.proposal(id).pk, sk: { beginsWith: 'OBJECTION#' } });
    return items.map((i) => recordOf<Objection>(i));
  },

  disclosure: (table: Table, id: string) => readRecord<ImplementationDisclosure>(table, keys.disclosure(id)),

  /** The second disclosure, once per proposal whatever the number of acceptance events. */
  disclose(tx: UnitOfWork, d: ImplementationDisclosure): void {
    tx.put({ ...keys.disclosure(d.proposalId), ...d }, { condition: { expression: 'attribute_not_exists(pk)' }, onConflict: 'retry' });
  },

  async changeProposal(table: Table, changeId: string): Promise<string | undefined> {
    return (await table.get(keys.change(changeId)))?.proposalId as string | undefined;
  },

  linkChange(tx: UnitOfWork, changeId: string, proposalId: string): void {
    tx.create({ ...keys.change(changeId), changeId, proposalId }, 'retry');
  },
};
