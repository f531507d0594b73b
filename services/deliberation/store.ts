import type { ProposalKind } from '@cocreate/contracts';
import { type Condition, type Item, type Key, type OnConflict, type Table, type UnitOfWork } from '@cocreate/kernel';
import type { ConsentPoll } from './domain/consent.ts';
import type { Candidate, Resource } from './domain/lists.ts';
import type { Need } from './domain/needs.ts';
import type { Objection } from './domain/notice.ts';
import type { Discussion, Plan, PlanVersion } from './domain/plans.ts';
import type { Proposal, StepRecord } from './domain/proposals.ts';
import type { ChainConfig, VillageSettings } from './domain/settings.ts';
import type { Ballot } from './domain/votes.ts';

/**
 * The deliberation table's layout. Keys are built here and nowhere else.
 *
 *   NEED#<id> / NEED                           a need; gsi1: VILLAGE#<v>#NEEDS / <createdAt>#<id>
 *   NEED#<id> / SUPPORTER#<person>             a resident seconding it (附议), once per person
 *   VILLAGE#<v> / SETTINGS                     support limit, notice days per kind
 *   VILLAGE#<v> / CHAIN#<kind>                 the configured decision chain for a kind (versioned)
 *   VILLAGE#<v> / CLASSIFICATION               the village's class from its last final classification decision
 *   VILLAGE#<v> / SUPPORT-USE#<person>         how many candidate items a resident supports (the limit's counter)
 *   RESOURCE#<id> / RESOURCE                   resources list; gsi1: VILLAGE#<v>#RESOURCES / <createdAt>#<id>
 *   CANDIDATE#<id> / CANDIDATE                 project list item; gsi1: VILLAGE#<v>#CANDIDATES / <createdAt>#<id>
 *   CANDIDATE#<id> / SUPPORT#<person>          a resident's support of it, once per person
 *   PLAN#<id> / PLAN                           a draft plan's head; gsi1: VILLAGE#<v>#PLANS / <createdAt>#<id>
 *   PLAN#<id> / V#<000001>                     each version, immutable
 *   DISCUSSION#<id> / DISCUSSION               a three-party session; gsi1: PLAN#<planId>#DISCUSSIONS / <heldAt>#<id>
 *   PROPOSAL#<id> / PROPOSAL                   a proposal; gsi1: VILLAGE#<v>#PROPOSALS / <submittedAt>#<id>;
 *                                              gsi2 (only while noticed): DUE#NOTICE#<shard> / <endsAt>#<id>
 *   PROPOSAL#<id> / STEP#<round>#<step>        one body's vote (members, rule, resolution)
 *   PROPOSAL#<id> / PROXY#<round>#<step>#<principal>     a proxy authorisation (委托书)
 *   PROPOSAL#<id> / PROXIES-HELD#<round>#<step>#<proxy>  how many principals a proxy holds (the limit's counter)
 *   PROPOSAL#<id> / PAPER#<round>#<step>#<batchRef>      a paper sheet import and its per-line verdicts
 *   PROPOSAL#<id> / OBJECTION#<id>             an objection during notice
 *   PROPOSAL#<id> / DISCLOSURE#IMPLEMENTATION  the second disclosure (may arrive before the proposal is known)
 *   BALLOTS#<id>#<round>#<step> / VOTER#<person>  the one counted ballot of a voter (any channel)
 *   TALLY#<id>#<round>#<step>#<shard> / TALLY  one of SHARDS running counters of a vote
 *   CHANGE#<changeId> / CHANGE                 which proposal decides a project change (dedupe by change id)
 *   POLL#<id> / POLL                           owner consent poll; gsi1: VILLAGE#<v>#POLLS / <openedAt>#<id>;
 *                                              gsi2 (only while open with a deadline): DUE#POLL#<shard> / <closesAt>#<id>
 *   POLL#<id> / RESPONSE#<person>              an owner's one response
 *   POLLTALLY#<id>#<shard> / TALLY             one of SHARDS running consent counters
 */
export const keys = {
  need: (needId: string) => ({ pk: `NEED#${needId}`, sk: 'NEED' }),
  needSupporter: (needId: string, person: string) => ({ pk: `NEED#${needId}`, sk: `SUPPORTER#${person}` }),
  villageNeeds: (village: string) => `VILLAGE#${village}#NEEDS`,
  settings: (village: string) => ({ pk: `VILLAGE#${village}`, sk: 'SETTINGS' }),
  chain: (village: string, kind: ProposalKind) => ({ pk: `VILLAGE#${village}`, sk: `CHAIN#${kind}` }),
  classification: (village: string) => ({ pk: `VILLAGE#${village}`, sk: 'CLASSIFICATION' }),
  supportUse: (village: string, person: string) => ({ pk: `VILLAGE#${village}`, sk: `SUPPORT-USE#${person}` }),
  resource: (id: string) => ({ pk: `RESOURCE#${id}`, sk: 'RESOURCE' }),
  villageResources: (village: string) => `VILLAGE#${village}#RESOURCES`,
  candidate: (id: string) => ({ pk: `CANDIDATE#${id}`, sk: 'CANDIDATE' }),
  candidateSupport: (id: string, person: string) => ({ pk: `CANDIDATE#${id}`, sk: `SUPPORT#${person}` }),
  villageCandidates: (village: string) => `VILLAGE#${village}#CANDIDATES`,
  plan: (id: string) => ({ pk: `PLAN#${id}`, sk: 'PLAN' }),
  planVersion: (id: string, version: number) => ({ pk: `PLAN#${id}`, sk: `V#${String(version).padStart(6, '0')}` }),
  villagePlans: (village: string) => `VILLAGE#${village}#PLANS`,
  discussion: (id: string) => ({ pk: `DISCUSSION#${id}`, sk: 'DISCUSSION' }),
  planDiscussions: (planId: string) => `PLAN#${planId}#DISCUSSIONS`,
  proposal: (id: string) => ({ pk: `PROPOSAL#${id}`, sk: 'PROPOSAL' }),
  villageProposals: (village: string) => `VILLAGE#${village}#PROPOSALS`,
  step: (id: string, round: number, step: number) => ({ pk: `PROPOSAL#${id}`, sk: `STEP#${pad(round)}#${pad(step)}` }),
  proxy: (id: string, round: number, step: number, principal: string) => ({
    pk: `PROPOSAL#${id}`,
    sk: `PROXY#${pad(round)}#${pad(step)}#${principal}`,
  }),
  proxiesHeld: (id: string, round: number, step: number, proxy: string) => ({
    pk: `PROPOSAL#${id}`,
    sk: `PROXIES-HELD#${pad(round)}#${pad(step)}#${proxy}`,
  }),
  paper: (id: string, round: number, step: number, batchRef: string) => ({
    pk: `PROPOSAL#${id}`,
    sk: `PAPER#${pad(round)}#${pad(step)}#${batchRef}`,
  }),
  objection: (id: string, objectionId: string) => ({ pk: `PROPOSAL#${id}`, sk: `OBJECTION#${objectionId}` }),
  disclosure: (id: string) => ({ pk: `PROPOSAL#${id}`, sk: 'DISCLOSURE#IMPLEMENTATION' }),
  ballots: (id: string, round: number, step: number) => `BALLOTS#${id}#${pad(round)}#${pad(step)}`,
  ballot: (id: string, round: number, step: number, voter: string) => ({ pk: keys.ballots(id, round, step), sk: `VOTER#${voter}` }),
  tally: (id: string, round: number, step: number) => `TALLY#${id}#${pad(round)}#${pad(step)}`,
  change: (changeId: string) => ({ pk: `CHANGE#${changeId}`, sk: 'CHANGE' }),
  poll: (id: string) => ({ pk: `POLL#${id}`, sk: 'POLL' }),
  villagePolls: (village: string) => `VILLAGE#${village}#POLLS`,
  pollResponse: (id: string, person: string) => ({ pk: `POLL#${id}`, sk: `RESPONSE#${person}` }),
  pollTally: (id: string) => `POLLTALLY#${id}`,
  dueNotices: (shard: number) => `DUE#NOTICE#${shard}`,
  duePolls: (shard: number) => `DUE#POLL#${shard}`,
};

/**
 * The due indexes (notices ending, polls closing) span the whole province: each is spread over DUE_SHARDS
 * partitions by record id, so a hundred counties' deadlines never rest on one partition, and the jobs read every
 * shard.
 */
export const DUE_SHARDS = 8;

export function dueShardOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % DUE_SHARDS;
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

/** Drops the storage keys so records leave the store as domain objects. */
function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, version: _v, ...rest } = item;
  return rest as T;
}

export interface Versioned<T> {
  value: T;
  version: number;
}

async function getVersioned<T>(table: Table, key: Key): Promise<Versioned<T> | undefined> {
  const item = await table.get(key);
  return item ? { value: strip<T>(item), version: (item.version as number | undefined) ?? 0 } : undefined;
}

async function getPlain<T>(table: Table, key: Key): Promise<T | undefined> {
  const item = await table.get(key);
  return item ? strip<T>(item) : undefined;
}

async function page<T>(table: Table, index: 'gsi1', pk: string, opts: { limit: number; cursor?: string; forward?: boolean }) {
  const res = await table.query({
    index,
    pk,
    limit: opts.limit,
    forward: opts.forward ?? false,
    ...(opts.cursor ? { cursor: opts.cursor } : {}),
  });
  return { items: res.items.map((i) => strip<T>(i)), ...(res.cursor ? { cursor: res.cursor } : {}) };
}

/* ------------------------------------------------------------------------------------------------------------- */
/* Sharded running counters                                                                                      */
/* ------------------------------------------------------------------------------------------------------------- */

/**
 * A running tally is SHARDS items, each in its own partition. A ballot adds to one shard chosen at random, so
 * concurrent ballots rarely touch the same item (DynamoDB serialises or cancels transactions on a shared item);
 * reading a tally is one BatchGet of SHARDS items, whatever the number of ballots. Each shard counts its
 * increments in `n`; closing a vote freezes every shard on the `n` it read, so a ballot that slips in between makes
 * the close recompute rather than miss it, and a ballot after the close is refused.
 */
export const SHARDS = 16;

export const shards = {
  keys: (base: string): Key[] => Array.from({ length: SHARDS }, (_, k) => ({ pk: `${base}#${String(k).padStart(2, '0')}`, sk: 'TALLY' })),

  /** Creates the shards of a new counter (all zero). */
  open(tx: UnitOfWork, base: string, zero: Record<string, number>): void {
    for (const key of shards.keys(base))
      tx.put({ ...key, ...zero, n: 0 }, { condition: { expression: 'attribute_not_exists(pk)' }, onConflict: 'retry' });
  },

  /** Adds deltas to one random shard; refused with `closed` once the counter is frozen (or never opened). */
  add(tx: UnitOfWork, base: string, deltas: Record<string, number>, closed: OnConflict): void {
    const all = shards.keys(base);
    const key = all[Math.floor(Math.random() * all.length)]!;
    tx.update(
      key,
      { add: { ...deltas, n: 1 } },
      {
        condition: { expression: 'attribute_exists(pk) AND attribute_not_exists(#closed)', names: { '#closed': 'closedAt' } },
        onConflict: closed,
      },
    );
  },

  async read(table: Table, base: string): Promise<Item[]> {
    return table.getMany(shards.keys(base));
  },

  /**
   * Freezes the counter on exactly what was read: each shard must still hold the `n` read (else the whole unit is
   * recomputed), and no shard takes another increment afterwards.
   */
  freeze(tx: UnitOfWork, read: readonly Item[], at: string): void {
    for (const item of read) {
      const n = (item.n as number | undefined) ?? 0;
      const condition: Condition = {
        expression: '#n = :n AND attribute_not_exists(#closed)',
        names: { '#n': 'n', '#closed': 'closedAt' },
        values: { ':n': n },
      };
      tx.update({ pk: item.pk, sk: item.sk }, { set: { closedAt: at } }, { condition, onConflict: 'retry' });
    }
  },
};

/* ------------------------------------------------------------------------------------------------------------- */
/* Needs                                                                                                         */
/* ------------------------------------------------------------------------------------------------------------- */

export const needs = {
  async get(table: Table, needId: string): Promise<Need | undefined> {
    return getPlain<Need>(table, keys.need(needId));
  },

  async getVersioned(table: Table, needId: string): Promise<Versioned<Need> | undefined> {
    return getVersioned<Need>(table, keys.need(needId));
  },

  create(tx: UnitOfWork, need: Need): void {
    tx.put({
      ...keys.need(need.needId),
      gsi1pk: keys.villageNeeds(need.village),
      gsi1sk: `${need.createdAt}#${need.needId}`,
      ...need,
      version: 1,
    });
  },

  /** Writes a changed need if nobody changed it since it was read. */
  save(tx: UnitOfWork, need: Need, expectedVersion: number, onConflict: OnConflict = 'retry'): void {
    tx.put(
      {
        ...keys.need(need.needId),
        gsi1pk: keys.villageNeeds(need.village),
        gsi1sk: `${need.createdAt}#${need.needId}`,
        ...need,
        version: expectedVersion + 1,
      },
      { condition: versionCondition(expectedVersion), onConflict },
    );
  },

  async listByVillage(table: Table, village: string, opts: { limit: number; cursor?: string }) {
    return page<Need>(table, 'gsi1', keys.villageNeeds(village), opts);
  },

  async supporters(table: Table, needId: string): Promise<string[]> {
    const items = await table.queryAll({ pk: keys.need(needId).pk, sk: { beginsWith: 'SUPPORTER#' } });
    return items.map((i) => i.person as string);
  },

  /** A supporter record plus the need's running count; the record's existence makes it once per person. */
  addSupporter(tx: UnitOfWork, needId: string, person: string, at: string, via: string | undefined, duplicate: OnConflict): void {
    tx.create({ ...keys.needSupporter(needId, person), person, at, ...(via ? { via } : {}) }, duplicate);
  },
};

/** Condition of an optimistic write: the stored version is the one read (items written before versions count as 0). */
function versionCondition(expected: number): Condition {
  return expected === 0
    ? { expression: 'attribute_exists(pk) AND attribute_not_exists(#v)', names: { '#v': 'version' } }
    : { expression: '#v = :v', names: { '#v': 'version' }, values: { ':v': expected } };
}

/* ------------------------------------------------------------------------------------------------------------- */
/* Village settings, chains, classification                                                                      */
/* ------------------------------------------------------------------------------------------------------------- */

export const villages = {
  async settings(table: Table, village: string): Promise<Versioned<Partial<VillageSettings>> | undefined> {
    return getVersioned<Partial<VillageSettings>>(table, keys.settings(village));
  },

  saveSettings(tx: UnitOfWork, settings: VillageSettings, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.settings(settings.village), ...settings }, expectedVersion, 'retry');
  },

  async chain(table: Table, village: string, kind: ProposalKind): Promise<Versioned<ChainConfig> | undefined> {
    return getVersioned<ChainConfig>(table, keys.chain(village, kind));
  },

  saveChain(
    tx: UnitOfWork,
    config: Omit<ChainConfig, 'version' | 'isDefault'>,
    expectedVersion: number | undefined,
    stale: OnConflict,
  ): void {
    tx.putVersioned({ ...keys.chain(config.village, config.kind), ...config }, expectedVersion, stale);
  },

  async classification(table: Table, village: string) {
    return getPlain<{ village: string; class: string; proposalId: string; decidedAt: string }>(table, keys.classification(village));
  },

  /** The latest final classification wins (a later decision replaces an earlier one; a replayed earlier one does not). */
  classify(tx: UnitOfWork, c: { village: string; class: string; proposalId: string; decidedAt: string }): void {
    tx.put(
      { ...keys.classification(c.village), ...c },
      {
        condition: { expression: 'attribute_not_exists(pk) OR #at <= :at', names: { '#at': 'decidedAt' }, values: { ':at': c.decidedAt } },
        onConflict: 'retry',
      },
    );
  },

  async supportUse(table: Table, village: string, person: string): Promise<number> {
    const item = await table.get(keys.supportUse(village, person));
    return (item?.used as number | undefined) ?? 0;
  },

  /** Counts one more support against the resident's limit, refusing (`limitReached`) when it is used up. */
  useSupport(tx: UnitOfWork, village: string, person: string, limit: number, limitReached: OnConflict): void {
    tx.update(
      keys.supportUse(village, person),
      { add: { used: 1 }, set: { village, person } },
      {
        condition: { expression: 'attribute_not_exists(#used) OR #used < :limit', names: { '#used': 'used' }, values: { ':limit': limit } },
        onConflict: limitReached,
      },
    );
  },
};

/* ------------------------------------------------------------------------------------------------------------- */
/* Resources and candidates                                                                                      */
/* ------------------------------------------------------------------------------------------------------------- */

export const resources = {
  async get(table: Table, id: string): Promise<Resource | undefined> {
    const v = await getVersioned<Resource>(table, keys.resource(id));
    return v ? { ...v.value, version: v.version } : undefined;
  },

  async getMany(table: Table, ids: readonly string[]): Promise<Resource[]> {
    const items = await table.getMany(ids.map((id) => keys.resource(id)));
    return items.map((i) => ({ ...strip<Resource>(i), version: i.version as number }));
  },

  save(tx: UnitOfWork, r: Resource, expectedVersion: number | undefined, stale: OnConflict): void {
    const { version: _v, ...rest } = r;
    tx.putVersioned(
      { ...keys.resource(r.resourceId), gsi1pk: keys.villageResources(r.village), gsi1sk: `${r.createdAt}#${r.resourceId}`, ...rest },
      expectedVersion,
      stale,
    );
  },

  async listByVillage(table: Table, village: string, opts: { limit: number; cursor?: string }) {
    const res = await table.query({
      index: 'gsi1',
      pk: keys.villageResources(village),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return {
      items: res.items.map((i) => ({ ...strip<Resource>(i), version: i.version as number })),
      ...(res.cursor ? { cursor: res.cursor } : {}),
    };
  },
};

export const candidates = {
  async getVersioned(table: Table, id: string): Promise<Versioned<Candidate> | undefined> {
    return getVersioned<Candidate>(table, keys.candidate(id));
  },

  save(tx: UnitOfWork, c: Candidate, expectedVersion: number | undefined, onConflict: OnConflict): void {
    tx.putVersioned(
      { ...keys.candidate(c.candidateId), gsi1pk: keys.villageCandidates(c.village), gsi1sk: `${c.createdAt}#${c.candidateId}`, ...c },
      expectedVersion,
      onConflict,
    );
  },

  /** One more support: the exact running total read plus one, or recompute (the event carries the exact total). */
  countSupport(tx: UnitOfWork, candidateId: string, readTotal: number, at: string): void {
    tx.update(
      keys.candidate(candidateId),
      { set: { supports: readTotal + 1, lastSupportedAt: at }, add: { version: 1 } },
      {
        condition: {
          expression: '#s = :s AND #st = :open',
          names: { '#s': 'supports', '#st': 'status' },
          values: { ':s': readTotal, ':open': 'open' },
        },
        onConflict: 'retry',
      },
    );
  },

  addSupport(tx: UnitOfWork, candidateId: string, person: string, household: string | undefined, at: string, duplicate: OnConflict): void {
    tx.create({ ...keys.candidateSupport(candidateId, person), person, ...(household ? { household } : {}), at }, duplicate);
  },

  async hasSupport(table: Table, candidateId: string, person: string): Promise<boolean> {
    return (await table.get(keys.candidateSupport(candidateId, person))) !== undefined;
  },

  async listByVillage(table: Table, village: string, opts: { limit: number; cursor?: string }) {
    return page<Candidate>(table, 'gsi1', keys.villageCandidates(village), opts);
  },
};

/* ------------------------------------------------------------------------------------------------------------- */
/* Plans and discussions                                                                                         */
/* ------------------------------------------------------------------------------------------------------------- */

export const plans = {
  async getVersioned(table: Table, planId: string): Promise<Versioned<Plan> | undefined> {
    return getVersioned<Plan>(table, keys.plan(planId));
  },

  // A version item's own `version` attribute is the plan version number (version items are immutable, never
  // written optimistically), so it is read back rather than stripped like an optimistic-concurrency version.
  async version(table: Table, planId: string, version: number): Promise<PlanVersion | undefined> {
    const item = await table.get(keys.planVersion(planId, version));
    return item ? { ...strip<PlanVersion>(item), version: item.version as number } : undefined;
  },

  async versions(table: Table, planId: string): Promise<PlanVersion[]> {
    const items = await table.queryAll({ pk: keys.plan(planId).pk, sk: { beginsWith: 'V#' } });
    return items.map((i) => ({ ...strip<PlanVersion>(i), version: i.version as number }));
  },

  /** The head moves to the new version only if it is still at the version the change was based on. */
  saveHead(tx: UnitOfWork, plan: Plan, expectedVersion: number | undefined, stale: OnConflict): void {
    tx.putVersioned(
      { ...keys.plan(plan.planId), gsi1pk: keys.villagePlans(plan.village), gsi1sk: `${plan.createdAt}#${plan.planId}`, ...plan },
      expectedVersion,
      stale,
    );
  },

  addVersion(tx: UnitOfWork, v: PlanVersion, stale: OnConflict): void {
    tx.create({ ...keys.planVersion(v.planId, v.version), ...v }, stale);
  },

  async listByVillage(table: Table, village: string, opts: { limit: number; cursor?: string }) {
    return page<Plan>(table, 'gsi1', keys.villagePlans(village), opts);
  },
};

export const discussions = {
  async get(table: Table, id: string): Promise<Discussion | undefined> {
    return getPlain<Discussion>(table, keys.discussion(id));
  },

  create(tx: UnitOfWork, d: Discussion): void {
    tx.create(
      { ...keys.discussion(d.sessionId), gsi1pk: keys.planDiscussions(d.planId), gsi1sk: `${d.heldAt}#${d.sessionId}`, ...d },
      'retry',
    );
  },

  async listByPlan(table: Table, planId: string): Promise<Discussion[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.planDiscussions(planId) });
    return items.map((i) => strip<Discussion>(i));
  },
};

/* ------------------------------------------------------------------------------------------------------------- */
/* Proposals, steps, ballots                                                                                     */
/* ------------------------------------------------------------------------------------------------------------- */

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

export const proposals = {
  async getVersioned(table: Table, id: string): Promise<Versioned<Proposal> | undefined> {
    return getVersioned<Proposal>(table, keys.proposal(id));
  },

  /** Every change of a proposal is optimistic on its version: concurrent changes recompute from fresh reads. */
  save(tx: UnitOfWork, p: Proposal, expectedVersion: number | undefined, onConflict: OnConflict = 'retry'): void {
    tx.putVersioned(proposalItem(p), expectedVersion, onConflict);
  },

  async listByVillage(table: Table, village: string, opts: { limit: number; cursor?: string }) {
    return page<Proposal>(table, 'gsi1', keys.villageProposals(village), opts);
  },

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

  async step(table: Table, id: string, round: number, step: number): Promise<StepRecord | undefined> {
    return getPlain<StepRecord>(table, keys.step(id, round, step));
  },

  async steps(table: Table, id: string): Promise<StepRecord[]> {
    const items = await table.queryAll({ pk: keys.proposal(id).pk, sk: { beginsWith: 'STEP#' } });
    return items.map((i) => strip<StepRecord>(i));
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

  async ballot(table: Table, id: string, round: number, step: number, voter: string): Promise<Ballot | undefined> {
    return getPlain<Ballot>(table, keys.ballot(id, round, step, voter));
  },

  async ballotsOf(table: Table, id: string, round: number, step: number, voters: readonly string[]): Promise<Map<string, Ballot>> {
    const items = await table.getMany(voters.map((v) => keys.ballot(id, round, step, v)));
    return new Map(items.map((i) => [i.voter as string, strip<Ballot>(i)]));
  },

  async ballots(table: Table, id: string, round: number, step: number, opts: { limit: number; cursor?: string }) {
    const res = await table.query({
      pk: keys.ballots(id, round, step),
      limit: opts.limit,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { items: res.items.map((i) => strip<Ballot>(i)), ...(res.cursor ? { cursor: res.cursor } : {}) };
  },

  /**
   * Counts a ballot: the voter's ballot record (created only if the voter has none, from any channel — that
   * conditional write is what makes each voter count once) and the running tally, in the caller's transaction.
   */
  countBallot(tx: UnitOfWork, id: string, round: number, step: number, ballot: Ballot, alreadyVoted: OnConflict, closed: OnConflict): void {
    tx.create({ ...keys.ballot(id, round, step, ballot.voter), ...ballot }, alreadyVoted);
    shards.add(tx, keys.tally(id, round, step), { [ballot.choice]: 1, cast: 1 }, closed);
  },

  async proxy(table: Table, id: string, round: number, step: number, principal: string) {
    return getPlain<ProxyAuthorisation>(table, keys.proxy(id, round, step, principal));
  },

  async proxiesHeld(table: Table, id: string, round: number, step: number, proxy: string): Promise<number> {
    return ((await table.get(keys.proxiesHeld(id, round, step, proxy)))?.held as number | undefined) ?? 0;
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

  async paper(table: Table, id: string, round: number, step: number, batchRef: string) {
    return getPlain<PaperImport>(table, keys.paper(id, round, step, batchRef));
  },

  savePaper(tx: UnitOfWork, p: PaperImport): void {
    tx.put({ ...keys.paper(p.proposalId, p.round, p.step, p.batchRef), ...p });
  },

  async objectionVersioned(table: Table, id: string, objectionId: string): Promise<Versioned<Objection> | undefined> {
    return getVersioned<Objection>(table, keys.objection(id, objectionId));
  },

  saveObjection(tx: UnitOfWork, o: Objection, expectedVersion: number | undefined, onConflict: OnConflict): void {
    tx.putVersioned({ ...keys.objection(o.proposalId, o.objectionId), ...o }, expectedVersion, onConflict);
  },

  async objections(table: Table, id: string): Promise<Objection[]> {
    const items = await table.queryAll({ pk: keys.proposal(id).pk, sk: { beginsWith: 'OBJECTION#' } });
    return items.map((i) => strip<Objection>(i));
  },

  async disclosure(table: Table, id: string) {
    return getPlain<ImplementationDisclosure>(table, keys.disclosure(id));
  },

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

export interface ProxyAuthorisation {
  authorisationId: string;
  proposalId: string;
  round: number;
  step: number;
  principal: string;
  proxy: string;
  /** The written authorisation (委托书) scan; absent when the principal granted it online themself. */
  evidence?: { key: string; contentType?: string };
  grantedBy: string;
  grantedAt: string;
}

export interface PaperImport {
  proposalId: string;
  round: number;
  step: number;
  batchRef: string;
  scan: { key: string; contentType?: string };
  importedBy: string;
  importedAt: string;
  accepted: number;
  refused: number;
  lines: unknown[];
}

export interface ImplementationDisclosure {
  proposalId: string;
  projectId: string;
  village: string;
  acceptedAt: string;
  budget: number;
  spent: number;
  beneficiaries: string[];
  disclosedAt: string;
  /** False when the acceptance arrived before (or without) the proposal being known here. */
  proposalKnown: boolean;
}

/* ------------------------------------------------------------------------------------------------------------- */
/* Owner consent polls                                                                                           */
/* ------------------------------------------------------------------------------------------------------------- */

function pollItem(p: ConsentPoll, ownerAreas: Record<string, number>): Item {
  return {
    ...keys.poll(p.pollId),
    gsi1pk: keys.villagePolls(p.village),
    gsi1sk: `${p.openedAt}#${p.pollId}`,
    ...(p.status === 'open' && p.closesAt ? { gsi2pk: keys.duePolls(dueShardOf(p.pollId)), gsi2sk: `${p.closesAt}#${p.pollId}` } : {}),
    ...p,
    ownerAreas,
  };
}

export const polls = {
  async getVersioned(table: Table, id: string): Promise<(Versioned<ConsentPoll> & { ownerAreas: Record<string, number> }) | undefined> {
    const item = await table.get(keys.poll(id));
    if (!item) return undefined;
    const { ownerAreas, ...rest } = strip<ConsentPoll & { ownerAreas: Record<string, number> }>(item);
    return { value: rest, version: item.version as number, ownerAreas };
  },

  /** The eligible owners (person → area in dm²) are fixed on the poll item when it opens. */
  save(
    tx: UnitOfWork,
    p: ConsentPoll,
    ownerAreas: Record<string, number>,
    expectedVersion: number | undefined,
    onConflict: OnConflict = 'retry',
  ): void {
    tx.putVersioned(pollItem(p, ownerAreas), expectedVersion, onConflict);
  },

  open(tx: UnitOfWork, p: ConsentPoll, ownerAreas: Record<string, number>): void {
    polls.save(tx, p, ownerAreas, undefined);
    shards.open(tx, keys.pollTally(p.pollId), {
      agreeOwners: 0,
      agreeArea: 0,
      disagreeOwners: 0,
      disagreeArea: 0,
      abstainOwners: 0,
      abstainArea: 0,
    });
  },

  async response(table: Table, id: string, person: string) {
    return getPlain<{ owner: string; channel: string; recordedBy: string; at: string }>(table, keys.pollResponse(id, person));
  },

  respond(
    tx: UnitOfWork,
    pollId: string,
    r: {
      owner: string;
      choice: string;
      areaDm2: number;
      channel: 'online' | 'paper';
      recordedBy: string;
      at: string;
      evidence?: { key: string };
    },
    deltas: Record<string, number>,
    duplicate: OnConflict,
    closed: OnConflict,
  ): void {
    tx.create({ ...keys.pollResponse(pollId, r.owner), ...r }, duplicate);
    shards.add(tx, keys.pollTally(pollId), deltas, closed);
  },

  async listByVillage(table: Table, village: string, opts: { limit: number; cursor?: string }) {
    const res = await table.query({
      index: 'gsi1',
      pk: keys.villagePolls(village),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return {
      items: res.items.map((i) => {
        const { ownerAreas: _o, ...rest } = strip<ConsentPoll & { ownerAreas: unknown }>(i);
        return rest;
      }),
      ...(res.cursor ? { cursor: res.cursor } : {}),
    };
  },

  /** Open polls of one shard whose closing time passed by `now` (earliest first), a page at a time. */
  async due(table: Table, shard: number, now: string, limit: number, cursor?: string): Promise<{ ids: string[]; cursor?: string }> {
    const res = await table.query({
      index: 'gsi2',
      pk: keys.duePolls(shard),
      sk: { lte: `${now}~` },
      limit,
      ...(cursor ? { cursor } : {}),
    });
    return { ids: res.items.map((i) => i.pollId as string), ...(res.cursor ? { cursor: res.cursor } : {}) };
  },
};
