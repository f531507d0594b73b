import { type Condition, type OnConflict, type Table, type UnitOfWork, cond } from '@cocreate/kernel';
import type { FundSource } from '@cocreate/contracts';
import {
  type Draw,
  type Line,
  type PostingKind,
  type StoredAccount,
  account,
  amountOf,
  assertBalanced,
  effectOf,
  parseAccount,
} from './domain/ledger.ts';
import type { Restriction } from './domain/funds.ts';
import type { ChangeRecord, Milestone, ParkedDecision, Project } from './domain/project.ts';
import type { WageRate } from './domain/contributions.ts';

/**
 * The projects table's layout. Keys are built here and nowhere else.
 *   VILLAGE#<village> / NEED-SEEN#<needId>          a need deliberation announced (the slice's consumer)
 *   VILLAGE#<village> / SUMMARY                     running counters for the village
 *   PROJECT#<id> / PROJECT                          the project; gsi1: VILLAGE#<v>#PROJECTS / <openedAt>#<id>
 *   PROJECT#<id> / MILESTONE#<milestoneId>          a milestone with weight, hidden-works flag, evidence
 *   PROJECT#<id> / CHANGE#<changeId>                a change asked for (minor, applied; or major, sent to deliberation)
 *   PROJECT#<id> / PARKED#<changeId>                a project-change decision that could not be applied on arrival;
 *                                                   gsi1: VILLAGE#<v>#PARKED / <parkedAt>#<changeId>
 *   PROJECT#<id> / FUNDS                            allocatedTotal (guarded against the budget)
 *   PROJECT#<id> / TOTALS                           contribution counters by kind
 *   PROJECT#<id> / CONTRIB#<date>#<id>              a contribution; gsi1: HOUSEHOLD#<h>#CONTRIBS / <date>#<id>
 *   PROJECT#<id> / HOUSEHOLD#<household>            the household's counters on this project
 *   PROJECT#<id> / WAGES#<person>                   wages payable to a person on a paid project
 *   PROJECT#<id> / DISB#<disbursementId>            a disbursement and its approvals
 *   HOUSEHOLD#<household> / TOTALS                  the household's counters over all projects
 *   POOL#<pool> / ACCT#<account>                    an account's running balance (debits, credits)
 *   POOL#<pool> / POSTING#<postingId>               an immutable, balanced posting
 *   POOL#<pool> / SOURCE#<sourceId>                 where money came from, its kind and restriction
 *   POOL#<pool> / REVERSED#<postingId>              marks a posting corrected (it is reversed once only)
 *   POOL#<pool> / AWARD#<awardId>                   an award paid in (once, whatever the event id)
 *   COUNTY#<county> / WAGE#<effectiveFrom>          the local hourly wage from a date on
 *   COUNTY#<county> / SETTINGS                      county settings (share of budget a change may move directly)
 */
export const keys = {
  village: (village: string) => `VILLAGE#${village}`,
  needSeen: (village: string, needId: string) => ({ pk: `VILLAGE#${village}`, sk: `NEED-SEEN#${needId}` }),
  summary: (village: string) => ({ pk: `VILLAGE#${village}`, sk: 'SUMMARY' }),
  projectPk: (projectId: string) => `PROJECT#${projectId}`,
  project: (projectId: string) => ({ pk: `PROJECT#${projectId}`, sk: 'PROJECT' }),
  villageProjects: (village: string) => `VILLAGE#${village}#PROJECTS`,
  milestone: (projectId: string, milestoneId: string) => ({ pk: `PROJECT#${projectId}`, sk: `MILESTONE#${milestoneId}` }),
  change: (projectId: string, changeId: string) => ({ pk: `PROJECT#${projectId}`, sk: `CHANGE#${changeId}` }),
  parked: (projectId: string, changeId: string) => ({ pk: `PROJECT#${projectId}`, sk: `PARKED#${changeId}` }),
  villageParked: (village: string) => `VILLAGE#${village}#PARKED`,
  funds: (projectId: string) => ({ pk: `PROJECT#${projectId}`, sk: 'FUNDS' }),
  projectTotals: (projectId: string) => ({ pk: `PROJECT#${projectId}`, sk: 'TOTALS' }),
  contribution: (projectId: string, date: string, id: string) => ({ pk: `PROJECT#${projectId}`, sk: `CONTRIB#${date}#${id}` }),
  householdContributions: (household: string) => `HOUSEHOLD#${household}#CONTRIBS`,
  projectHousehold: (projectId: string, household: string) => ({ pk: `PROJECT#${projectId}`, sk: `HOUSEHOLD#${household}` }),
  householdTotals: (household: string) => ({ pk: `HOUSEHOLD#${household}`, sk: 'TOTALS' }),
  wages: (projectId: string, person: string) => ({ pk: `PROJECT#${projectId}`, sk: `WAGES#${person}` }),
  disbursement: (projectId: string, id: string) => ({ pk: `PROJECT#${projectId}`, sk: `DISB#${id}` }),
  poolPk: (pool: string) => `POOL#${pool}`,
  account: (pool: string, account: string) => ({ pk: `POOL#${pool}`, sk: `ACCT#${account}` }),
  posting: (pool: string, postingId: string) => ({ pk: `POOL#${pool}`, sk: `POSTING#${postingId}` }),
  source: (pool: string, sourceId: string) => ({ pk: `POOL#${pool}`, sk: `SOURCE#${sourceId}` }),
  reversed: (pool: string, postingId: string) => ({ pk: `POOL#${pool}`, sk: `REVERSED#${postingId}` }),
  award: (pool: string, awardId: string) => ({ pk: `POOL#${pool}`, sk: `AWARD#${awardId}` }),
  countyPk: (county: string) => `COUNTY#${county}`,
  wageRate: (county: string, effectiveFrom: string) => ({ pk: `COUNTY#${county}`, sk: `WAGE#${effectiveFrom}` }),
  countySettings: (county: string) => ({ pk: `COUNTY#${county}`, sk: 'SETTINGS' }),
};

/** Drops the storage keys so records leave the store as domain objects. */
function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, ...rest } = item;
  return rest as T;
}

/** Leaves out undefined values (DynamoDB has no undefined). */
function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// ——— needs seen (the foundation slice) ———

export interface NeedSeen {
  needId: string;
  village: string;
  category: string;
  eventId: string;
  seenAt: string;
}

export const needsSeen = {
  record(tx: UnitOfWork, seen: NeedSeen): void {
    tx.put({ ...keys.needSeen(seen.village, seen.needId), ...seen });
    tx.update(keys.summary(seen.village), { add: { needsSeen: 1 }, set: { village: seen.village } });
  },

  async list(table: Table, village: string): Promise<{ count: number; needs: NeedSeen[] }> {
    const [summary, items] = await Promise.all([
      table.get(keys.summary(village)),
      table.queryAll({ pk: keys.village(village), sk: { beginsWith: 'NEED-SEEN#' } }),
    ]);
    return {
      count: (summary?.needsSeen as number | undefined) ?? 0,
      needs: items.map(({ needId, village: v, category, eventId, seenAt }) => ({
        needId: needId as string,
        village: v as string,
        category: category as string,
        eventId: eventId as string,
        seenAt: seenAt as string,
      })),
    };
  },
};

// ——— projects ———

/** Attributes of a project a stage move, a change or a milestone plan may set (never the counters). */
export type ProjectPatch = Partial<Pick<Project, 'stage' | 'budget' | 'pendingChange' | 'facilities' | 'updatedAt'>>;

export const projects = {
  async get(table: Table, projectId: string): Promise<Project | undefined> {
    const item = await table.get(keys.project(projectId));
    return item ? strip<Project>(item) : undefined;
  },

  create(tx: UnitOfWork, p: Project, onConflict: OnConflict): void {
    tx.create(
      { ...keys.project(p.projectId), gsi1pk: keys.villageProjects(p.village), gsi1sk: `${p.openedAt}#${p.projectId}`, ...defined(p) },
      onConflict,
    );
  },

  /** Changes content or stage under optimistic concurrency: the version read must still be the stored one. */
  patch(
    tx: UnitOfWork,
    p: Pick<Project, 'projectId' | 'version'>,
    patch: ProjectPatch,
    opts: { append?: Record<string, unknown[]>; removePending?: boolean } = {},
  ): void {
    const set = defined(patch as Record<string, unknown>);
    tx.update(
      keys.project(p.projectId),
      {
        ...(Object.keys(set).length ? { set } : {}),
        add: { version: 1 },
        ...(opts.append ? { append: opts.append } : {}),
        ...(opts.removePending ? { remove: ['pendingChange'] } : {}),
      },
      { condition: cond.versionIs(p.version), onConflict: 'retry' },
    );
  },

  /** Asserts the project is (still) in one of the stages; a concurrent move makes the whole unit recompute. */
  checkStage(tx: UnitOfWork, projectId: string, stages: readonly string[]): void {
    tx.check(keys.project(projectId), stageIn(stages), 'retry');
  },

  checkVersion(tx: UnitOfWork, p: Pick<Project, 'projectId' | 'version'>): void {
    tx.check(keys.project(p.projectId), cond.versionIs(p.version), 'retry');
  },

  async listByVillage(table: Table, village: string): Promise<Project[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageProjects(village) });
    return items.map((i) => strip<Project>(i));
  },
};

function stageIn(stages: readonly string[]): Condition {
  const values: Record<string, unknown> = {};
  stages.forEach((s, i) => (values[`:_stage${i}`] = s));
  return {
    expression: `#_stage IN (${Object.keys(values).join(', ')})`,
    names: { '#_stage': 'stage' },
    values,
  };
}

// ——— milestones, changes, parked decisions ———

export const milestones = {
  async list(table: Table, projectId: string): Promise<Milestone[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'MILESTONE#' } });
    return items.map((i) => strip<Milestone>(i));
  },

  async get(table: Table, projectId: string, milestoneId: string): Promise<Milestone | undefined> {
    const item = await table.get(keys.milestone(projectId, milestoneId));
    return item ? strip<Milestone>(item) : undefined;
  },

  create(tx: UnitOfWork, m: Milestone, onConflict: OnConflict): void {
    tx.create({ ...keys.milestone(m.projectId, m.milestoneId), ...defined(m) }, onConflict);
  },

  /** Asserts, inside the unit, that the milestone belongs to the project (saves a read on hot paths). */
  checkExists(tx: UnitOfWork, projectId: string, milestoneId: string, onConflict: OnConflict): void {
    tx.check(keys.milestone(projectId, milestoneId), cond.exists(), onConflict);
  },

  complete(tx: UnitOfWork, m: Milestone, onConflict: OnConflict): void {
    tx.update(
      keys.milestone(m.projectId, m.milestoneId),
      { set: defined({ status: 'completed', completedAt: m.completedAt, completedBy: m.completedBy, evidence: m.evidence }) },
      { condition: cond.equals('status', 'open'), onConflict },
    );
  },
};

export const changes = {
  async get(table: Table, projectId: string, changeId: string): Promise<ChangeRecord | undefined> {
    const item = await table.get(keys.change(projectId, changeId));
    return item ? strip<ChangeRecord>(item) : undefined;
  },

  async list(table: Table, projectId: string): Promise<ChangeRecord[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'CHANGE#' } });
    return items.map((i) => strip<ChangeRecord>(i));
  },

  put(tx: UnitOfWork, c: ChangeRecord): void {
    tx.put({ ...keys.change(c.projectId, c.changeId), ...defined(c) });
  },
};

export const parked = {
  park(tx: UnitOfWork, d: ParkedDecision): void {
    tx.put(
      {
        ...keys.parked(d.projectId, d.changeId),
        gsi1pk: keys.villageParked(d.village),
        gsi1sk: `${d.parkedAt}#${d.changeId}`,
        ...defined(d),
      },
      // A second copy of the same decision (another event id) does not overwrite the first.
      { condition: cond.notExists(), onConflict: 'retry' },
    );
  },

  async forProject(table: Table, projectId: string): Promise<ParkedDecision[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'PARKED#' } });
    return items.map((i) => strip<ParkedDecision>(i));
  },

  async get(table: Table, projectId: string, changeId: string): Promise<ParkedDecision | undefined> {
    const item = await table.get(keys.parked(projectId, changeId));
    return item ? strip<ParkedDecision>(item) : undefined;
  },

  markApplied(tx: UnitOfWork, d: ParkedDecision, at: string): void {
    tx.update(
      keys.parked(d.projectId, d.changeId),
      { set: { status: 'applied', appliedAt: at } },
      { condition: cond.equals('status', 'parked'), onConflict: 'retry' },
    );
  },

  async listByVillage(table: Table, village: string): Promise<ParkedDecision[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageParked(village) });
    return items.map((i) => strip<ParkedDecision>(i));
  },
};

// ——— the ledger ———

export interface Posting {
  postingId: string;
  pool: string;
  kind: PostingKind;
  lines: Line[];
  amount: number;
  memo: string;
  at: string;
  by: string;
  projectId?: string;
  disbursementId?: string;
  sourceId?: string;
  reverses?: string;
}

export interface SourceRecord {
  sourceId: string;
  pool: string;
  source: FundSource;
  from: string;
  amount: number;
  restriction?: Restriction;
  receivedAt: string;
  receivedOn: string;
  recordedBy: string;
  origin: 'manual' | 'contribution' | 'award' | 'transfer';
  postingId: string;
  contributionId?: string;
  awardId?: string;
  viaPool?: string;
  viaSource?: string;
  note?: string;
}

export interface AccountRecord extends StoredAccount {
  pool: string;
  kind: string;
  sourceId: string;
  projectId?: string;
  /** On allocation accounts: the source's kind and restriction, copied when allocated (sources never change). */
  source?: FundSource;
  restriction?: Restriction;
}

export const ledger = {
  /**
   * Writes a balanced posting and moves every account it touches, in the caller's unit of work. Each line that
   * lowers an account carries the guard "balance ≥ amount" as a condition of its own update: if a concurrent
   * posting got there first the whole unit fails together (`onShortfall`: 'retry' to recompute from fresh
   * balances, or the 409 to answer).
   */
  post(
    tx: UnitOfWork,
    posting: Omit<Posting, 'amount'>,
    onShortfall: OnConflict,
    /** Attributes an account gets when this posting creates it (e.g. an allocation's source kind and restriction). */
    accountMeta: (account: string) => Record<string, unknown> = () => ({}),
  ): Posting {
    assertBalanced(posting.lines);
    const full: Posting = { ...posting, amount: amountOf(posting.lines) };
    tx.create({ ...keys.posting(posting.pool, posting.postingId), ...defined(full as unknown as Record<string, unknown>) }, 'retry');
    for (const line of posting.lines) {
      const effect = effectOf(line);
      const parsed = parseAccount(line.account);
      const add: Record<string, number> = {
        balance: effect,
        debits: line.side === 'debit' ? line.amount : 0,
        credits: line.side === 'credit' ? line.amount : 0,
      };
      // Allocation accounts keep available + held = balance: a disbursement pays out of what its request held;
      // everything else moves the available part.
      let guard = 'balance';
      if (parsed.kind === 'alloc') {
        guard = effect < 0 && posting.kind === 'disbursement' ? 'held' : 'available';
        add[guard] = effect;
      }
      tx.update(
        keys.account(posting.pool, line.account),
        {
          add,
          setIfMissing: defined({
            ...accountMeta(line.account),
            account: line.account,
            pool: posting.pool,
            kind: parsed.kind,
            sourceId: parsed.sourceId,
            projectId: parsed.projectId,
          }),
        },
        effect < 0 ? { condition: cond.atLeast(guard, -effect), onConflict: onShortfall } : {},
      );
    }
    return full;
  },

  /**
   * A disbursement request holds money on the project's allocation accounts (an encumbrance, 预留 — a memo, not a
   * posting): available → held, each guarded "available ≥ amount" in the request's own transaction.
   */
  hold(tx: UnitOfWork, pool: string, projectId: string, draws: readonly Draw[], onShortfall: OnConflict): void {
    for (const d of draws) {
      tx.update(
        keys.account(pool, account.allocation(projectId, d.sourceId)),
        { add: { available: -d.amount, held: d.amount } },
        { condition: cond.atLeast('available', d.amount), onConflict: onShortfall },
      );
    }
  },

  /** A rejected request gives its held money back to available. */
  release(tx: UnitOfWork, pool: string, projectId: string, draws: readonly Draw[], onConflict: OnConflict): void {
    for (const d of draws) {
      tx.update(
        keys.account(pool, account.allocation(projectId, d.sourceId)),
        { add: { available: d.amount, held: -d.amount } },
        { condition: cond.atLeast('held', d.amount), onConflict },
      );
    }
  },

  /** Asserts nothing is held on an allocation account (the final accounts close only settled books). */
  checkNothingHeld(tx: UnitOfWork, pool: string, accountName: string): void {
    tx.check(
      keys.account(pool, accountName),
      { expression: 'attribute_not_exists(#_held) OR #_held = :_zero', names: { '#_held': 'held' }, values: { ':_zero': 0 } },
      'retry',
    );
  },

  async accounts(table: Table, pool: string, prefix = ''): Promise<AccountRecord[]> {
    const items = await table.queryAll({ pk: keys.poolPk(pool), sk: { beginsWith: `ACCT#${prefix}` } });
    return items.map((i) => strip<AccountRecord>(i));
  },

  /** The project's accounts of one kind (alloc or spent) in its pool. */
  async projectAccounts(table: Table, pool: string, kind: 'alloc' | 'spent', projectId: string): Promise<AccountRecord[]> {
    return ledger.accounts(table, pool, `${kind}:${projectId}:`);
  },

  async postings(table: Table, pool: string, opts: { limit: number; cursor?: string | undefined; forward?: boolean }) {
    const page = await table.query({
      pk: keys.poolPk(pool),
      sk: { beginsWith: 'POSTING#' },
      limit: opts.limit,
      forward: opts.forward ?? false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { items: page.items.map((i) => strip<Posting>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },

  async allPostings(table: Table, pool: string): Promise<Posting[]> {
    const items = await table.queryAll({ pk: keys.poolPk(pool), sk: { beginsWith: 'POSTING#' } }, 100_000);
    return items.map((i) => strip<Posting>(i));
  },

  async posting(table: Table, pool: string, postingId: string): Promise<Posting | undefined> {
    const item = await table.get(keys.posting(pool, postingId));
    return item ? strip<Posting>(item) : undefined;
  },

  /** A posting is corrected once: the marker's create fails for a second reversal. */
  markReversed(tx: UnitOfWork, pool: string, postingId: string, reversalId: string, onConflict: OnConflict): void {
    tx.create({ ...keys.reversed(pool, postingId), reversalId }, onConflict);
  },

  async isReversed(table: Table, pool: string, postingId: string): Promise<boolean> {
    return (await table.get(keys.reversed(pool, postingId))) !== undefined;
  },
};

export const sources = {
  create(tx: UnitOfWork, s: SourceRecord): void {
    tx.create({ ...keys.source(s.pool, s.sourceId), ...defined(s as unknown as Record<string, unknown>) }, 'retry');
  },

  async list(table: Table, pool: string): Promise<SourceRecord[]> {
    const items = await table.queryAll({ pk: keys.poolPk(pool), sk: { beginsWith: 'SOURCE#' } });
    return items.map((i) => strip<SourceRecord>(i));
  },

  async getMany(table: Table, pool: string, ids: readonly string[]): Promise<SourceRecord[]> {
    if (!ids.length) return [];
    const items = await table.getMany(ids.map((id) => keys.source(pool, id)));
    return items.map((i) => strip<SourceRecord>(i));
  },

  async get(table: Table, pool: string, sourceId: string): Promise<SourceRecord | undefined> {
    const item = await table.get(keys.source(pool, sourceId));
    return item ? strip<SourceRecord>(item) : undefined;
  },

  async awardSeen(table: Table, pool: string, awardId: string): Promise<boolean> {
    return (await table.get(keys.award(pool, awardId))) !== undefined;
  },

  markAward(tx: UnitOfWork, pool: string, awardId: string, sourceId: string): void {
    tx.create({ ...keys.award(pool, awardId), sourceId }, 'retry');
  },
};

// ——— project funds (the allocation cap) ———

export const funds = {
  async allocatedTotal(table: Table, projectId: string): Promise<number> {
    return ((await table.get(keys.funds(projectId)))?.allocatedTotal as number | undefined) ?? 0;
  },

  /** Adds to what the project was allocated, never beyond `cap` (its budget), checked in the same transaction. */
  addAllocated(tx: UnitOfWork, projectId: string, amount: number, cap: number): void {
    const condition: Condition =
      amount > 0
        ? {
            expression: 'attribute_not_exists(#_alloc) OR #_alloc <= :_allocMax',
            names: { '#_alloc': 'allocatedTotal' },
            values: { ':_allocMax': cap - amount },
          }
        : cond.atLeast('allocatedTotal', -amount);
    tx.update(keys.funds(projectId), { add: { allocatedTotal: amount }, setIfMissing: { projectId } }, { condition, onConflict: 'retry' });
  },
};

// ——— wage rates and county settings ———

export interface StoredRate extends WageRate {
  county: string;
  setBy: string;
  setAt: string;
  version: number;
}

export const rates = {
  async list(table: Table, county: string): Promise<StoredRate[]> {
    const items = await table.queryAll({ pk: keys.countyPk(county), sk: { beginsWith: 'WAGE#' } });
    return items.map((i) => strip<StoredRate>(i));
  },

  /** The rate in force on a date: the latest effective on or before it (one read). */
  async on(table: Table, county: string, date: string): Promise<StoredRate | undefined> {
    const page = await table.query({ pk: keys.countyPk(county), sk: { between: ['WAGE#', `WAGE#${date}`] }, forward: false, limit: 1 });
    const item = page.items[0];
    return item ? strip<StoredRate>(item) : undefined;
  },

  async get(table: Table, county: string, effectiveFrom: string): Promise<StoredRate | undefined> {
    const item = await table.get(keys.wageRate(county, effectiveFrom));
    return item ? strip<StoredRate>(item) : undefined;
  },

  put(tx: UnitOfWork, r: Omit<StoredRate, 'version'>, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.wageRate(r.county, r.effectiveFrom), ...r }, expectedVersion, 'retry');
  },
};

export interface CountySettings {
  county: string;
  majorChangeShareBp: number;
  setBy: string;
  setAt: string;
}

export const settings = {
  async get(table: Table, county: string): Promise<CountySettings | undefined> {
    const item = await table.get(keys.countySettings(county));
    return item ? strip<CountySettings>(item) : undefined;
  },

  put(tx: UnitOfWork, s: CountySettings): void {
    tx.put({ ...keys.countySettings(s.county), ...s });
  },
};

// ——— contributions and their running counters ———

export interface ContributionRecord {
  contributionId: string;
  projectId: string;
  village: string;
  household: string;
  person?: string;
  kind: 'money' | 'labour' | 'materials' | 'land' | 'ideas';
  value: number;
  paid: boolean;
  contributedOn: string;
  hours?: number;
  hourlyWage?: number;
  quantity?: number;
  unit?: string;
  unitPrice?: number;
  area?: number;
  termMonths?: number;
  description?: string;
  note?: string;
  /** For money: the pool source it became. */
  sourceId?: string;
  recordedBy: string;
  recordedAt: string;
}

/** The counters kept per project, per household and per household-on-project (flat names: ADD needs no parent map). */
export interface Totals {
  count: number;
  value: number;
  /** Labour given in kind (volunteer) vs paid as wages. */
  inKindValue: number;
  wagesValue: number;
  hours: number;
  money: number;
  labour: number;
  materials: number;
  land: number;
  ideas: number;
  /** Counts by kind. */
  moneyCount: number;
  labourCount: number;
  materialsCount: number;
  landCount: number;
  ideasCount: number;
  landArea: number;
}

export const emptyTotals = (): Totals => ({
  count: 0,
  value: 0,
  inKindValue: 0,
  wagesValue: 0,
  hours: 0,
  money: 0,
  labour: 0,
  materials: 0,
  land: 0,
  ideas: 0,
  moneyCount: 0,
  labourCount: 0,
  materialsCount: 0,
  landCount: 0,
  ideasCount: 0,
  landArea: 0,
});

function totalsOf(item: Record<string, unknown> | undefined): Totals {
  const t = emptyTotals();
  if (!item) return t;
  for (const k of Object.keys(t) as (keyof Totals)[]) if (typeof item[k] === 'number') t[k] = item[k];
  return t;
}

export const contributions = {
  /** Records a contribution and moves the three sets of running counters in the same transaction. */
  record(tx: UnitOfWork, c: ContributionRecord): void {
    tx.create(
      {
        ...keys.contribution(c.projectId, c.contributedOn, c.contributionId),
        gsi1pk: keys.householdContributions(c.household),
        gsi1sk: `${c.contributedOn}#${c.contributionId}`,
        ...defined(c as unknown as Record<string, unknown>),
      },
      'retry',
    );
    const add: Record<string, number> = {
      count: 1,
      value: c.value,
      [c.kind]: c.value,
      [`${c.kind}Count`]: 1,
      hours: c.hours ?? 0,
      landArea: c.area ?? 0,
      inKindValue: c.paid ? 0 : c.kind === 'money' ? 0 : c.value,
      wagesValue: c.paid ? c.value : 0,
    };
    tx.update(keys.projectTotals(c.projectId), { add, setIfMissing: { projectId: c.projectId } });
    tx.update(keys.projectHousehold(c.projectId, c.household), { add, setIfMissing: { projectId: c.projectId, household: c.household } });
    tx.update(keys.householdTotals(c.household), { add, setIfMissing: { household: c.household, village: c.village } });
  },

  async projectTotals(table: Table, projectId: string): Promise<Totals> {
    return totalsOf(await table.get(keys.projectTotals(projectId)));
  },

  async householdTotals(table: Table, household: string): Promise<Totals> {
    return totalsOf(await table.get(keys.householdTotals(household)));
  },

  /** Each household's counters on a project. */
  async byHousehold(table: Table, projectId: string): Promise<{ household: string; totals: Totals }[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'HOUSEHOLD#' } });
    return items.map((i) => ({ household: i.household as string, totals: totalsOf(i) }));
  },

  async forProject(table: Table, projectId: string): Promise<ContributionRecord[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'CONTRIB#' } });
    return items.map((i) => strip<ContributionRecord>(i));
  },

  async forHousehold(table: Table, household: string): Promise<ContributionRecord[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.householdContributions(household) });
    return items.map((i) => strip<ContributionRecord>(i));
  },
};

// ——— wages payable (paid projects) ———

export interface WagesPayable {
  projectId: string;
  person: string;
  /** Everything earned. */
  accrued: number;
  /** Earned and not yet requested for payment. */
  due: number;
  paid: number;
}

export const wages = {
  accrue(tx: UnitOfWork, projectId: string, person: string, amount: number): void {
    tx.update(keys.wages(projectId, person), { add: { accrued: amount, due: amount, paid: 0 }, setIfMissing: { projectId, person } });
  },

  /** A wage disbursement request takes from what is due, never more (checked in the same transaction). */
  request(tx: UnitOfWork, projectId: string, person: string, amount: number): void {
    tx.update(keys.wages(projectId, person), { add: { due: -amount } }, { condition: cond.atLeast('due', amount), onConflict: 'retry' });
  },

  /** A rejected wage request is due again. */
  restore(tx: UnitOfWork, projectId: string, person: string, amount: number): void {
    tx.update(keys.wages(projectId, person), { add: { due: amount } }, { condition: cond.exists(), onConflict: 'retry' });
  },

  markPaid(tx: UnitOfWork, projectId: string, person: string, amount: number): void {
    tx.update(keys.wages(projectId, person), { add: { paid: amount } }, { condition: cond.exists(), onConflict: 'retry' });
  },

  async get(table: Table, projectId: string, person: string): Promise<WagesPayable | undefined> {
    const item = await table.get(keys.wages(projectId, person));
    return item ? strip<WagesPayable>(item) : undefined;
  },

  async forProject(table: Table, projectId: string): Promise<WagesPayable[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'WAGES#' } });
    return items.map((i) => strip<WagesPayable>(i));
  },
};

// ——— disbursements ———

export interface DisbursementRecord {
  disbursementId: string;
  projectId: string;
  village: string;
  pool: string;
  milestoneId: string;
  amount: number;
  purpose: 'works' | 'materials' | 'wages' | 'services';
  payee: { kind: 'person'; person: string } | { kind: 'organisation'; name: string };
  description: string;
  status: 'requested' | 'approved' | 'disbursed' | 'rejected';
  draws: { sourceId: string; source: FundSource; amount: number }[];
  requestedBy: string;
  requestedAt: string;
  approvedBy?: string;
  approvedAt?: string;
  countersignedBy?: string;
  countersignedAt?: string;
  postingId?: string;
  rejectedBy?: string;
  rejectedAt?: string;
  reason?: string;
}

export const disbursements = {
  create(tx: UnitOfWork, d: DisbursementRecord): void {
    tx.create({ ...keys.disbursement(d.projectId, d.disbursementId), ...defined(d as unknown as Record<string, unknown>) }, 'retry');
  },

  async get(table: Table, projectId: string, id: string): Promise<DisbursementRecord | undefined> {
    const item = await table.get(keys.disbursement(projectId, id));
    return item ? strip<DisbursementRecord>(item) : undefined;
  },

  /** Moves the status on only from the one it was read in: a concurrent approval makes this unit recompute. */
  advance(
    tx: UnitOfWork,
    d: Pick<DisbursementRecord, 'projectId' | 'disbursementId'>,
    from: DisbursementRecord['status'],
    set: Partial<DisbursementRecord>,
  ): void {
    tx.update(
      keys.disbursement(d.projectId, d.disbursementId),
      { set: defined(set as Record<string, unknown>) },
      { condition: cond.equals('status', from), onConflict: 'retry' },
    );
  },

  async forProject(table: Table, projectId: string): Promise<DisbursementRecord[]> {
    const items = await table.queryAll({ pk: keys.projectPk(projectId), sk: { beginsWith: 'DISB#' } });
    return items.map((i) => strip<DisbursementRecord>(i));
  },
};
