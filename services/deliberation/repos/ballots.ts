import { type Item, type OnConflict, type Table, type UnitOfWork, pageOf, readRecord, recordOf } from '@cocreate/kernel';
import type { Ballot, PaperImport, ProxyAuthorisation, Tally } from '../domain/votes.ts';
import { keys } from './keys.ts';
import { shards } from './shards.ts';

/** Where a step's votes live: its ballots (one per voter), its tally's shards, its proxies and paper sheets. */
export interface StepRef {
  proposalId: string;
  round: number;
  step: number;
}

export const ballots = {
  get: (table: Table, s: StepRef, voter: string) => readRecord<Ballot>(table, keys.ballot(s.proposalId, s.round, s.step, voter)),

  async ofVoters(table: Table, s: StepRef, voters: readonly string[]): Promise<Map<string, Ballot>> {
    const items = await table.getMany(voters.map((v) => keys.ballot(s.proposalId, s.round, s.step, v)));
    return new Map(items.map((i) => [i.voter as string, recordOf<Ballot>(i)]));
  },

  /** A page of a step's counted ballots (a paper file's claims being counted are not ballots yet). */
  async page(table: Table, s: StepRef, opts: { limit: number; cursor?: string | undefined }) {
    const page = await pageOf<Ballot & { pending?: boolean }>(table, {
      pk: keys.ballots(s.proposalId, s.round, s.step),
      limit: opts.limit,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { ...page, items: page.items.filter((b) => !b.pending) as Ballot[] };
  },

  /** The running tally's shards (sum them with the domain's `sumTallies`). */
  tally: (table: Table, s: StepRef) => shards.read(table, keys.tally(s.proposalId, s.round, s.step)),

  /** Freezes the tally on exactly what was read (see `shards.freeze`): the step's vote is closed. */
  freezeTally: (tx: UnitOfWork, read: readonly Item[], at: string) => shards.freeze(tx, read, at),

  /**
   * Counts a ballot: the voter's ballot record (created only if the voter has none, from any channel — that
   * conditional write is what makes each voter count once) and the running tally, in the caller's transaction.
   */
  count(tx: UnitOfWork, s: StepRef, ballot: Ballot, alreadyVoted: OnConflict, closed: OnConflict): void {
    tx.create({ ...keys.ballot(s.proposalId, s.round, s.step, ballot.voter), ...ballot }, alreadyVoted);
    shards.add(tx, keys.tally(s.proposalId, s.round, s.step), { [ballot.choice]: 1, cast: 1 }, closed);
  },

  /** Counts the ballots of a paper sheet's lines: one record per voter, one tally increment for all of them. */
  countMany(tx: UnitOfWork, s: StepRef, counted: readonly Ballot[], deltas: Tally, alreadyVoted: OnConflict, closed: OnConflict): void {
    for (const ballot of counted) tx.create({ ...keys.ballot(s.proposalId, s.round, s.step, ballot.voter), ...ballot }, alreadyVoted);
    if (deltas.cast > 0) shards.add(tx, keys.tally(s.proposalId, s.round, s.step), { ...deltas }, closed);
  },

  /** Asserts, in the caller's transaction, that the voter has no counted ballot (`voted` when they have one). */
  notVoted(tx: UnitOfWork, s: StepRef, voter: string, voted: OnConflict): void {
    tx.check(keys.ballot(s.proposalId, s.round, s.step, voter), { expression: 'attribute_not_exists(pk)' }, voted);
  },

  proxy: (table: Table, s: StepRef, principal: string) =>
    readRecord<ProxyAuthorisation>(table, keys.proxy(s.proposalId, s.round, s.step, principal)),

  async proxiesHeld(table: Table, s: StepRef, proxy: string): Promise<number> {
    return ((await table.get(keys.proxiesHeld(s.proposalId, s.round, s.step, proxy)))?.held as number | undefined) ?? 0;
  },

  authoriseProxy(tx: UnitOfWork, a: ProxyAuthorisation, limit: number, duplicate: OnConflict, limitReached: OnConflict): void {
    tx.create({ ...keys.proxy(a.proposalId, a.round, a.step, a.principal), ...a }, duplicate);
    tx.update(
      keys.proxiesHeld(a.proposalId, a.round, a.step, a.proxy),
      { add: { held: 1 } },
      {
        condition: { expression: 'attribute_not_exists(#held) OR #held < :limit', names: { '#held': 'held' }, values: { ':limit': limit } },
        onConflict: limitReached,
      },
    );
  },

  /**
   * Claims a voter's ballot for a paper file being counted (all-or-nothing): the ballot record, marked pending, created
   * only if the voter has none — or holds this same file's claim from an interrupted upload, which is taken over.
   */
  claim(tx: UnitOfWork, s: StepRef, ballot: Ballot & { batchRef: string }, lost: OnConflict): void {
    tx.put(
      { ...keys.ballot(s.proposalId, s.round, s.step, ballot.voter), ...ballot, pending: true },
      {
        condition: {
          expression: 'attribute_not_exists(pk) OR (#pending = :t AND #batch = :b)',
          names: { '#pending': 'pending', '#batch': 'batchRef' },
          values: { ':t': true, ':b': ballot.batchRef },
        },
        onConflict: lost,
      },
    );
  },

  /** Gives back a claim of this file (the file was not counted). */
  release(tx: UnitOfWork, s: StepRef, voter: string, batchRef: string): void {
    tx.delete(keys.ballot(s.proposalId, s.round, s.step, voter), {
      condition: {
        expression: '#pending = :t AND #batch = :b',
        names: { '#pending': 'pending', '#batch': 'batchRef' },
        values: { ':t': true, ':b': batchRef },
      },
      onConflict: 'retry',
    });
  },

  /**
   * A claim of a counted file becomes the voter's counted ballot — only while it is still this file's pending claim,
   * so two confirmers of one file (a resumed upload beside the first) never confirm, nor announce, a ballot twice.
   */
  confirm(tx: UnitOfWork, s: StepRef, voter: string, batchRef: string): void {
    tx.update(
      keys.ballot(s.proposalId, s.round, s.step, voter),
      { remove: ['pending'] },
      {
        condition: {
          expression: '#pending = :t AND #batch = :b',
          names: { '#pending': 'pending', '#batch': 'batchRef' },
          values: { ':t': true, ':b': batchRef },
        },
        onConflict: 'retry',
      },
    );
  },

  /** Asserts the step's vote is still open (`closed` otherwise). */
  stepOpen(tx: UnitOfWork, s: StepRef, closed: OnConflict): void {
    tx.check(
      keys.step(s.proposalId, s.round, s.step),
      { expression: '#st = :open', names: { '#st': 'status' }, values: { ':open': 'open' } },
      closed,
    );
  },

  /** Adds a whole file's counts to the running tally at once (`closed` once the vote was closed). */
  addToTally(tx: UnitOfWork, s: StepRef, deltas: Tally, closed: OnConflict): void {
    shards.add(tx, keys.tally(s.proposalId, s.round, s.step), { ...deltas }, closed);
  },

  /** Records a counted file, once per reference and step (`exists` when the reference was used). */
  createPaper(tx: UnitOfWork, p: PaperImport, exists: OnConflict): void {
    tx.create({ ...keys.paper(p.proposalId, p.round, p.step, p.batchRef), ...p }, exists);
  },

  paper: (table: Table, s: StepRef, batchRef: string) =>
    readRecord<PaperImport>(table, keys.paper(s.proposalId, s.round, s.step, batchRef)),

  savePaper(tx: UnitOfWork, p: PaperImport): void {
    tx.put({ ...keys.paper(p.proposalId, p.round, p.step, p.batchRef), ...p });
  },
};
