import type { ReviewStage } from '@cocreate/contracts';
import { type Condition, type Item, type Key, type OnConflict, Problem, type Table, type UnitOfWork, cond } from '@cocreate/kernel';
import type { AssessmentResult, AssessmentRun, TierRecord } from './domain/assessment.ts';
import type { Competition } from './domain/competition.ts';
import type { Component, Counts } from './domain/participation.ts';
import { COMPONENT_NAMES, zeroCounts } from './domain/participation.ts';
import type { Rectification } from './domain/rectification.ts';
import type { ResponseRecord, Review } from './domain/review.ts';
import type { SchemeVersion } from './domain/scheme.ts';
import type { VillageReview } from './domain/village-review.ts';

/**
 * The evaluation table's layout. Keys are built here and nowhere else.
 *
 *   SCHEME#<id>        / HEAD                      latest version of a scheme; gsi1 SCHEMES#<place> / <savedAt>#<id>
 *   SCHEME#<id>        / V#<000001>                one immutable version (what reviews record)
 *   BINDING#<place>    / <purpose>#<stage|any>     the scheme a purpose uses at a place and below
 *   PROJECT#<pid>      / PROJECT                   what evaluation knows of a project (may start as a placeholder)
 *   PROJECT#<pid>      / STAGE#<stage>#<kind>      guard: a stage's review of a kind opens once
 *   REVIEW#<rid>       / REVIEW                    a review; gsi1 REVIEWS#<village> / <openedAt>#<rid>;
 *                                                  gsi2 (while open) OPEN-REVIEWS / <closesAt>#<rid>
 *   REVIEW#<rid>       / ELIGIBLE                  who may answer (households compacted, or member ids)
 *   REVIEW#<rid>       / RESP#<responseId>         a response (reviewer visible to the supervision committee only)
 *   REVIEW#<rid>       / BY#<household|person>     one response per household (satisfaction) or person (quality)
 *   RECT#<id>          / RECT                      a rectification item; gsi1 RECTS#<village> / <openedAt>#<id>
 *   COMP#<id>          / COMP                      a competition or rating; gsi1 COMPS#<place> / <createdAt>#<id>
 *   COMP#<id>          / NOM#<kind:id>             a nomination
 *   COMP#<id>          / SCORE#<kind:id>#<juror>   one juror's score of one nominee
 *   VREVIEW#<village>  / Y#<year>                  the village review chain; gsi1 VREVIEWS#<county>#<year> / <village>
 *   PAIRS#<township>   / Y#<year>                  the township's mutual-review pairs
 *   PART#<village>     / Y#<year>                  participation counters: the ONE item the assessment reads
 *   PART#<village>     / F#<component>#<key>       a counted fact (so a fact counts once whatever its event id)
 *   RESULT#<village>   / Y#<year>                  assessment result; gsi1 RESULTS#<county>#<year> / <village>
 *   TIER#<village>     / TIER                      current tier; gsi1 TIERS#<county> / <village>
 *   RUN#<runId>        / RUN                       an assessment run; gsi1 RUNS#<county> / <createdAt>#<runId>;
 *                                                  gsi2 (while active) ACTIVE-RUNS / <createdAt>#<runId>
 *   RUNGUARD#<county>  / Y#<year>                  one active run per county and year
 */
const year = (y: number) => `Y#${y}`;

export const keys = {
  schemeHead: (id: string): Key => ({ pk: `SCHEME#${id}`, sk: 'HEAD' }),
  schemeVersion: (id: string, v: number): Key => ({ pk: `SCHEME#${id}`, sk: `V#${String(v).padStart(6, '0')}` }),
  schemesAt: (place: string) => `SCHEMES#${place}`,
  binding: (place: string, purpose: string, stage: string | undefined): Key => ({
    pk: `BINDING#${place}`,
    sk: `${purpose}#${stage ?? 'any'}`,
  }),
  project: (pid: string): Key => ({ pk: `PROJECT#${pid}`, sk: 'PROJECT' }),
  projectStage: (pid: string, stage: string, kind: string): Key => ({ pk: `PROJECT#${pid}`, sk: `STAGE#${stage}#${kind}` }),
  review: (rid: string): Key => ({ pk: `REVIEW#${rid}`, sk: 'REVIEW' }),
  reviewEligible: (rid: string): Key => ({ pk: `REVIEW#${rid}`, sk: 'ELIGIBLE' }),
  response: (rid: string, responseId: string): Key => ({ pk: `REVIEW#${rid}`, sk: `RESP#${responseId}` }),
  responder: (rid: string, who: string): Key => ({ pk: `REVIEW#${rid}`, sk: `BY#${who}` }),
  reviewsOf: (village: string) => `REVIEWS#${village}`,
  openReviews: 'OPEN-REVIEWS',
  rectification: (id: string): Key => ({ pk: `RECT#${id}`, sk: 'RECT' }),
  rectificationsOf: (village: string) => `RECTS#${village}`,
  competition: (id: string): Key => ({ pk: `COMP#${id}`, sk: 'COMP' }),
  competitionsAt: (place: string) => `COMPS#${place}`,
  nomination: (id: string, nominee: string): Key => ({ pk: `COMP#${id}`, sk: `NOM#${nominee}` }),
  juryScore: (id: string, nominee: string, juror: string): Key => ({ pk: `COMP#${id}`, sk: `SCORE#${nominee}#${juror}` }),
  villageReview: (village: string, y: number): Key => ({ pk: `VREVIEW#${village}`, sk: year(y) }),
  villageReviewsOf: (county: string, y: number) => `VREVIEWS#${county}#${y}`,
  pairs: (township: string, y: number): Key => ({ pk: `PAIRS#${township}`, sk: year(y) }),
  counters: (village: string, y: number): Key => ({ pk: `PART#${village}`, sk: year(y) }),
  fact: (village: string, component: Component, key: string): Key => ({ pk: `PART#${village}`, sk: `F#${component}#${key}` }),
  result: (village: string, y: number): Key => ({ pk: `RESULT#${village}`, sk: year(y) }),
  resultsOf: (county: string, y: number) => `RESULTS#${county}#${y}`,
  tier: (village: string): Key => ({ pk: `TIER#${village}`, sk: 'TIER' }),
  tiersOf: (county: string) => `TIERS#${county}`,
  run: (runId: string): Key => ({ pk: `RUN#${runId}`, sk: 'RUN' }),
  runsOf: (county: string) => `RUNS#${county}`,
  activeRuns: 'ACTIVE-RUNS',
  runGuard: (county: string, y: number): Key => ({ pk: `RUNGUARD#${county}`, sk: year(y) }),
};

const STORAGE = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'version']);

/** Drops the storage attributes so records leave the store as domain objects. */
export function strip<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE.has(k))) as T;
}

const versionOf = (item: Item | undefined): number | undefined => item?.version as number | undefined;

async function getStripped<T>(table: Table, key: Key): Promise<T | undefined> {
  const item = await table.get(key);
  return item ? strip<T>(item) : undefined;
}

/* ---------------------------------------------------------------- schemes */

export interface SchemeHead {
  schemeId: string;
  place: string;
  title: SchemeVersion['title'];
  latest: number;
  savedAt: string;
  template?: string | undefined;
}

export const schemes = {
  async head(table: Table, id: string): Promise<(SchemeHead & { version: number }) | undefined> {
    const item = await table.get(keys.schemeHead(id));
    return item ? { ...strip<SchemeHead>(item), version: item.version as number } : undefined;
  },
  /** A version item keeps its `version` (the scheme's version number, not an optimistic-concurrency counter). */
  async version(table: Table, id: string, v: number): Promise<SchemeVersion | undefined> {
    const item = await table.get(keys.schemeVersion(id, v));
    return item ? { ...strip<SchemeVersion>(item), version: item.version as number } : undefined;
  },
  /** Saves a new version; the head's version guards against two editors saving at once. */
  save(tx: UnitOfWork, s: SchemeVersion, expectedHeadVersion: number | undefined, onConflict: OnConflict): void {
    tx.create({ ...keys.schemeVersion(s.schemeId, s.version), ...s }, onConflict);
    const head: SchemeHead = {
      schemeId: s.schemeId,
      place: s.place,
      title: s.title,
      latest: s.version,
      savedAt: s.savedAt,
      template: s.template,
    };
    tx.putVersioned(
      { ...keys.schemeHead(s.schemeId), gsi1pk: keys.schemesAt(s.place), gsi1sk: `${s.savedAt}#${s.schemeId}`, ...head },
      expectedHeadVersion,
      onConflict,
    );
  },
  async listAt(table: Table, place: string, opts: { limit: number; cursor?: string | undefined }) {
    const page = await table.query({
      index: 'gsi1',
      pk: keys.schemesAt(place),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { items: page.items.map((i) => strip<SchemeHead>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
};

export interface Binding {
  place: string;
  purpose: string;
  stage?: string | undefined;
  schemeId: string;
  boundBy: string;
  boundAt: string;
}

export const bindings = {
  put(tx: UnitOfWork, b: Binding): void {
    tx.put({ ...keys.binding(b.place, b.purpose, b.stage), ...b });
  },
  /** The bindings for a purpose (stage-specific and any-stage) at each of the given places. */
  async forPlaces(table: Table, places: readonly string[], purpose: string, stage: string | undefined): Promise<Binding[]> {
    const ks = places.flatMap((p) => [keys.binding(p, purpose, undefined), ...(stage ? [keys.binding(p, purpose, stage)] : [])]);
    return (await table.getMany(ks)).map((i) => strip<Binding>(i));
  },
  async at(table: Table, place: string): Promise<Binding[]> {
    return (await table.queryAll({ pk: `BINDING#${place}` })).map((i) => strip<Binding>(i));
  },
};

/* ---------------------------------------------------------------- projects and reviews */

export interface ProjectRecord {
  projectId: string;
  village: string;
  title?: string | undefined;
  stage?: string | undefined;
  /** Stages whose reviews are open (or were). */
  reviewedStages: ReviewStage[];
  superseded: ReviewStage[];
  known: boolean;
  updatedAt: string;
}

export const projects = {
  async get(table: Table, pid: string): Promise<(ProjectRecord & { version: number }) | undefined> {
    const item = await table.get(keys.project(pid));
    return item ? { ...strip<ProjectRecord>(item), version: item.version as number } : undefined;
  },
  put(tx: UnitOfWork, p: ProjectRecord, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.project(p.projectId), ...p }, expectedVersion, 'retry');
  },
  guardStage(tx: UnitOfWork, pid: string, stage: string, kind: string, reviewId: string): void {
    tx.create({ ...keys.projectStage(pid, stage, kind), reviewId }, 'retry');
  },
  async stageReviews(table: Table, pid: string): Promise<string[]> {
    const items = await table.queryAll({ pk: keys.project(pid).pk, sk: { beginsWith: 'STAGE#' } });
    return items.map((i) => i.reviewId as string);
  },
};

export interface Eligible {
  households: string[];
  members: string[];
}

export const reviews = {
  get: (table: Table, rid: string) => getStripped<Review>(table, keys.review(rid)),
  async eligible(table: Table, rid: string): Promise<Eligible> {
    const item = await table.get(keys.reviewEligible(rid));
    return { households: (item?.households as string[]) ?? [], members: (item?.members as string[]) ?? [] };
  },
  create(tx: UnitOfWork, r: Review, eligible: Eligible): void {
    tx.create(
      {
        ...keys.review(r.reviewId),
        gsi1pk: keys.reviewsOf(r.village),
        gsi1sk: `${r.openedAt}#${r.reviewId}`,
        gsi2pk: keys.openReviews,
        gsi2sk: `${r.closesAt}#${r.reviewId}`,
        ...r,
      },
      'retry',
    );
    tx.create({ ...keys.reviewEligible(r.reviewId), ...eligible }, 'retry');
  },
  /** A response, its one-per-household/person guard, and the review's counter (only while the review is open). */
  respond(tx: UnitOfWork, r: ResponseRecord, guard: string, onDuplicate: OnConflict, onClosed: OnConflict): void {
    tx.create({ ...keys.responder(r.reviewId, guard), responseId: r.responseId }, onDuplicate);
    tx.create({ ...keys.response(r.reviewId, r.responseId), ...r }, 'retry');
    tx.update(keys.review(r.reviewId), { add: { responses: 1 } }, { condition: cond.equals('status', 'open'), onConflict: onClosed });
  },
  async responses(table: Table, rid: string): Promise<ResponseRecord[]> {
    const items = await table.queryAll({ pk: keys.review(rid).pk, sk: { beginsWith: 'RESP#' } });
    return items.map((i) => strip<ResponseRecord>(i));
  },
  /** Publishes: only from open, and only if no response slipped in since they were read. */
  publish(tx: UnitOfWork, rid: string, results: unknown, publishedAt: string, responsesRead: number): void {
    tx.update(
      keys.review(rid),
      { set: { status: 'published', results, publishedAt }, remove: ['gsi2pk', 'gsi2sk'] },
      { condition: cond.and(cond.equals('status', 'open'), cond.equals('responses', responsesRead)), onConflict: 'retry' },
    );
  },
  async results(table: Table, rid: string): Promise<unknown> {
    return (await table.get(keys.review(rid)))?.results;
  },
  async listByVillage(table: Table, village: string, opts: { limit: number; cursor?: string | undefined }) {
    const page = await table.query({
      index: 'gsi1',
      pk: keys.reviewsOf(village),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { items: page.items.map((i) => strip<Review & { results?: unknown }>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
  async dueBy(table: Table, nowIso: string, limit: number): Promise<string[]> {
    const page = await table.query({ index: 'gsi2', pk: keys.openReviews, sk: { lte: `${nowIso}#~` }, limit });
    return page.items.map((i) => i.reviewId as string);
  },
};

/* ---------------------------------------------------------------- rectifications */

export const rectifications = {
  async get(table: Table, id: string): Promise<(Rectification & { version: number }) | undefined> {
    const item = await table.get(keys.rectification(id));
    return item ? { ...strip<Rectification>(item), version: item.version as number } : undefined;
  },
  put(tx: UnitOfWork, r: Rectification, expectedVersion: number | undefined, onConflict: OnConflict): void {
    tx.putVersioned(
      {
        ...keys.rectification(r.rectificationId),
        gsi1pk: keys.rectificationsOf(r.village),
        gsi1sk: `${r.openedAt}#${r.rectificationId}`,
        ...r,
      },
      expectedVersion,
      onConflict,
    );
  },
  async listByVillage(table: Table, village: string, opts: { limit: number; cursor?: string | undefined }) {
    const page = await table.query({
      index: 'gsi1',
      pk: keys.rectificationsOf(village),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { items: page.items.map((i) => strip<Rectification>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
};

/* ---------------------------------------------------------------- competitions */

export interface Nomination {
  nominationId: string;
  nominee: { kind: 'household' | 'person' | 'village'; id: string };
  village: string;
  nominatedBy: string;
  reason?: string | undefined;
  nominatedAt: string;
}

export interface JuryScore {
  nominee: Nomination['nominee'];
  juror: string;
  scores: Record<string, number>;
  overall: number;
  scoredAt: string;
}

export const competitions = {
  async get(table: Table, id: string): Promise<(Competition & { version: number }) | undefined> {
    const item = await table.get(keys.competition(id));
    return item ? { ...strip<Competition>(item), version: item.version as number } : undefined;
  },
  put(tx: UnitOfWork, c: Competition, expectedVersion: number | undefined, onConflict: OnConflict): void {
    tx.putVersioned(
      { ...keys.competition(c.competitionId), gsi1pk: keys.competitionsAt(c.place), gsi1sk: `${c.createdAt}#${c.competitionId}`, ...c },
      expectedVersion,
      onConflict,
    );
  },
  /**
   * Guards a nomination or score on the competition still being in `status`, counting it and bumping the version: a
   * concurrent transition (start judging, decide) read an older version and recomputes, so nothing slips past it.
   */
  touch(tx: UnitOfWork, id: string, status: string, counter: 'nominations' | 'scores', onConflict: OnConflict): void {
    tx.update(keys.competition(id), { add: { [counter]: 1, version: 1 } }, { condition: cond.equals('status', status), onConflict });
  },
  nominate(tx: UnitOfWork, competitionId: string, key: string, n: Nomination, onDuplicate: OnConflict): void {
    tx.create({ ...keys.nomination(competitionId, key), ...n }, onDuplicate);
  },
  nomination: (table: Table, competitionId: string, key: string) => getStripped<Nomination>(table, keys.nomination(competitionId, key)),
  score(tx: UnitOfWork, competitionId: string, key: string, s: JuryScore, onDuplicate: OnConflict): void {
    tx.create({ ...keys.juryScore(competitionId, key, s.juror), ...s }, onDuplicate);
  },
  async nominations(table: Table, id: string): Promise<Nomination[]> {
    return (await table.queryAll({ pk: keys.competition(id).pk, sk: { beginsWith: 'NOM#' } })).map((i) => strip<Nomination>(i));
  },
  async scores(table: Table, id: string): Promise<JuryScore[]> {
    return (await table.queryAll({ pk: keys.competition(id).pk, sk: { beginsWith: 'SCORE#' } })).map((i) => strip<JuryScore>(i));
  },
  async listAt(table: Table, place: string, opts: { limit: number; cursor?: string | undefined }) {
    const page = await table.query({
      index: 'gsi1',
      pk: keys.competitionsAt(place),
      limit: opts.limit,
      forward: false,
      ...(opts.cursor ? { cursor: opts.cursor } : {}),
    });
    return { items: page.items.map((i) => strip<Competition>(i)), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
};

/* ---------------------------------------------------------------- village review chain */

export interface Pairs {
  township: string;
  year: number;
  pairs: [string, string][];
  locked: boolean;
  setBy: string;
  setAt: string;
}

export const villageReviews = {
  async get(table: Table, village: string, y: number): Promise<(VillageReview & { version: number }) | undefined> {
    const item = await table.get(keys.villageReview(village, y));
    return item ? { ...strip<VillageReview>(item), version: item.version as number } : undefined;
  },
  put(tx: UnitOfWork, r: VillageReview, expectedVersion: number | undefined): void {
    tx.putVersioned(
      { ...keys.villageReview(r.village, r.year), gsi1pk: keys.villageReviewsOf(r.county, r.year), gsi1sk: r.village, ...r },
      expectedVersion,
      'retry',
    );
  },
  async listByCounty(table: Table, county: string, y: number): Promise<VillageReview[]> {
    return (await table.queryAll({ index: 'gsi1', pk: keys.villageReviewsOf(county, y) })).map((i) => strip<VillageReview>(i));
  },
  async pairs(table: Table, township: string, y: number): Promise<(Pairs & { version: number }) | undefined> {
    const item = await table.get(keys.pairs(township, y));
    return item ? { ...strip<Pairs>(item), version: item.version as number } : undefined;
  },
  putPairs(tx: UnitOfWork, p: Pairs, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.pairs(p.township, p.year), ...p }, expectedVersion, 'retry');
  },
};

/* ---------------------------------------------------------------- participation counters */

const attr = (c: Component) => `n_${c}`;

export const counters = {
  /** O(1) per event: one conditional fact record and one ADD on the village-year counter item. */
  count(tx: UnitOfWork, f: { village: string; year: number; component: Component; key: string; count: number }, at: string): void {
    tx.create({ ...keys.fact(f.village, f.component, f.key), count: f.count, year: f.year, at }, 'retry');
    tx.update(keys.counters(f.village, f.year), {
      add: { [attr(f.component)]: f.count },
      set: { village: f.village, year: f.year, updatedAt: at },
    });
  },
  factSeen: async (table: Table, village: string, component: Component, key: string) =>
    !!(await table.get(keys.fact(village, component, key))),
  fromItem(item: Item | undefined): Counts {
    const counts = zeroCounts();
    for (const c of COMPONENT_NAMES) counts[c] = (item?.[attr(c)] as number | undefined) ?? 0;
    return counts;
  },
  async get(table: Table, village: string, y: number): Promise<Counts> {
    return counters.fromItem(await table.get(keys.counters(village, y)));
  },
};

/* ---------------------------------------------------------------- assessment results, tiers, runs */

export interface StoredTier extends TierRecord {
  village: string;
  county: string;
  source: 'classification' | 'assessment';
  /** The classification decision or assessed year that set it. */
  basis: string;
}

export const tiers = {
  async get(table: Table, village: string): Promise<(StoredTier & { version: number }) | undefined> {
    const item = await table.get(keys.tier(village));
    return item ? { ...strip<StoredTier>(item), version: item.version as number } : undefined;
  },
  put(tx: UnitOfWork, t: StoredTier, expectedVersion: number | undefined): void {
    tx.putVersioned({ ...keys.tier(t.village), gsi1pk: keys.tiersOf(t.county), gsi1sk: t.village, ...t }, expectedVersion, 'retry');
  },
  async listByCounty(table: Table, county: string): Promise<StoredTier[]> {
    return (await table.queryAll({ index: 'gsi1', pk: keys.tiersOf(county) })).map((i) => strip<StoredTier>(i));
  },
};

export const results = {
  put(tx: UnitOfWork, r: AssessmentResult, expectedVersion: number | undefined): void {
    tx.putVersioned(
      { ...keys.result(r.village, r.year), gsi1pk: keys.resultsOf(r.county, r.year), gsi1sk: r.village, ...r },
      expectedVersion,
      'retry',
    );
  },
  async get(table: Table, village: string, y: number): Promise<(AssessmentResult & { version: number }) | undefined> {
    const item = await table.get(keys.result(village, y));
    return item ? { ...strip<AssessmentResult>(item), version: item.version as number } : undefined;
  },
  async listByCounty(table: Table, county: string, y: number): Promise<AssessmentResult[]> {
    return (await table.queryAll({ index: 'gsi1', pk: keys.resultsOf(county, y) })).map((i) => strip<AssessmentResult>(i));
  },
};

/** Everything the assessment needs of one village, as stored items (read in batches of 25 villages). */
export interface VillageRead {
  counters: Item | undefined;
  existing: Item | undefined;
  previous: Item | undefined;
  tier: Item | undefined;
}

export async function readVillages(table: Table, villages: readonly string[], y: number): Promise<Map<string, VillageRead>> {
  const ks = villages.flatMap((v) => [keys.counters(v, y), keys.result(v, y), keys.result(v, y - 1), keys.tier(v)]);
  const items = await table.getMany(ks);
  const byKey = new Map(items.map((i) => [`${i.pk}|${i.sk}`, i]));
  const at = (k: Key) => byKey.get(`${k.pk}|${k.sk}`);
  return new Map(
    villages.map((v) => [
      v,
      { counters: at(keys.counters(v, y)), existing: at(keys.result(v, y)), previous: at(keys.result(v, y - 1)), tier: at(keys.tier(v)) },
    ]),
  );
}

export const storedVersion = versionOf;

export const runs = {
  async get(table: Table, runId: string): Promise<(AssessmentRun & { version: number; leaseUntil?: string }) | undefined> {
    const item = await table.get(keys.run(runId));
    return item ? { ...strip<AssessmentRun & { leaseUntil?: string }>(item), version: item.version as number } : undefined;
  },
  create(tx: UnitOfWork, run: AssessmentRun, onRunning: OnConflict): void {
    tx.create({ ...keys.runGuard(run.county, run.year), runId: run.runId }, onRunning);
    tx.putVersioned(
      {
        ...keys.run(run.runId),
        gsi1pk: keys.runsOf(run.county),
        gsi1sk: `${run.createdAt}#${run.runId}`,
        gsi2pk: keys.activeRuns,
        gsi2sk: `${run.createdAt}#${run.runId}`,
        ...run,
      },
      undefined,
      'retry',
    );
  },
  async guard(table: Table, county: string, y: number): Promise<string | undefined> {
    return (await table.get(keys.runGuard(county, y)))?.runId as string | undefined;
  },
  async active(table: Table): Promise<string[]> {
    return (await table.queryAll({ index: 'gsi2', pk: keys.activeRuns })).map((i) => i.runId as string);
  },
  /** Takes the run for this worker until `leaseUntil` (another invocation finds it leased and leaves it alone). */
  lease(tx: UnitOfWork, runId: string, nowIso: string, leaseUntil: string, startedAt: string): void {
    const free: Condition = {
      expression: 'attribute_exists(pk) AND #st <> :done AND (attribute_not_exists(#lease) OR #lease < :now)',
      names: { '#st': 'status', '#lease': 'leaseUntil' },
      values: { ':done': 'done', ':now': nowIso },
    };
    tx.update(
      keys.run(runId),
      { set: { leaseUntil, status: 'running' }, setIfMissing: { startedAt } },
      { condition: free, onConflict: leaseTaken },
    );
  },
  release(tx: UnitOfWork, runId: string): void {
    tx.update(keys.run(runId), { remove: ['leaseUntil'] });
  },
  progress(
    tx: UnitOfWork,
    runId: string,
    delta: { done: number; changed: number; unchanged: number; tierChanges: number; elapsedMs: number },
  ): void {
    tx.update(keys.run(runId), { add: delta });
  },
  finish(tx: UnitOfWork, run: Pick<AssessmentRun, 'runId' | 'county' | 'year'>, finishedAt: string): void {
    tx.update(
      keys.run(run.runId),
      { set: { status: 'done', finishedAt }, remove: ['gsi2pk', 'gsi2sk', 'leaseUntil'] },
      { condition: cond.equals('status', 'running'), onConflict: leaseTaken },
    );
    tx.delete(keys.runGuard(run.county, run.year));
  },
  async listByCounty(table: Table, county: string, limit: number) {
    const page = await table.query({ index: 'gsi1', pk: keys.runsOf(county), limit, forward: false });
    return page.items.map((i) => strip<AssessmentRun>(i));
  },
};

/** Marker problem for "another worker holds this run": caught by the job, never shown to a caller. */
export const leaseTaken = new Problem(409, 'run-leased', { zh: '考核任务正由其他进程执行', en: 'The run is held by another worker' });
