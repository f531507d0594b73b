import { type Condition, type OnConflict, type Table, type UnitOfWork, cond } from '@cocreate/kernel';
import type { Board } from './domain/boards.ts';
import type { Compact, CompactVersion } from './domain/compacts.ts';
import type { Duty, OrgUnit } from './domain/duties.ts';
import type { Inspection } from './domain/inspections.ts';
import type { Adoption, Space, Upkeep } from './domain/spaces.ts';
import type { Violation } from './domain/violations.ts';

/**
 * The compacts table's layout. Keys are built here and nowhere else.
 *
 *   COMPACT#<id> / HEAD                       compact header          gsi1 VILLAGE#<v>#COMPACTS / <createdAt>#<id>
 *   COMPACT#<id> / V#<000001>                 one version (draft, submitted, adopted)
 *   VILLAGE#<v> / MAINTENANCE-COMPACT         which compact is the village's 管护公约 (one per village)
 *   PARKED#<compactId> / V#<000001>           a final decision that arrived before its draft   gsi1 VILLAGE#<v>#PARKED / <parkedAt>
 *   DUTY#<household> / DUTY                   门前三包 of a household  gsi1 VILLAGE#<v>#DUTIES / <household>
 *   ORG#<place> / LEVEL#<level>               a unit of the four-level organisation   gsi1 ORG-UNDER#<township> / <place>#<level>
 *   SPACE#<id> / SPACE                        a registered space with its adopter counter   gsi1 VILLAGE#<v>#SPACES / <registeredAt>#<id>
 *   SPACE#<id> / HOLDER#<kind>#<id>           an adopter currently holding a slot (deleted on release)
 *   ADOPTION#<id> / ADOPTION                  an adoption             gsi1 SPACE#<spaceId>#ADOPTIONS / <adoptedAt>#<id>
 *   ADOPTION#<id> / UPKEEP-DAY#<date>         at most one upkeep log per adoption and day
 *   UPKEEP#<id> / UPKEEP                      an upkeep log           gsi1 VILLAGE#<v>#UPKEEP / <loggedOn>#<id>
 *                                                                     gsi2 ADOPTION#<adoptionId>#UPKEEP / <loggedAt>#<id>
 *   INSPECTION#<id> / INSPECTION              an inspection           gsi1 VILLAGE#<v>#INSPECTIONS / <date>#<id>
 *   VIOLATION#<id> / VIOLATION                a violation             gsi1 VILLAGE#<v>#VIOLATIONS / <occurredOn>#<id>
 *                                              while its rectification is open: gsi2 RECTIFICATIONS#OPEN / <deadline>#<id>
 *   BOARD#<v> / PERIOD#<period>               a published red/black list (one per village and period)
 */
const pad = (n: number) => String(n).padStart(6, '0');

export const keys = {
  compact: (compactId: string) => ({ pk: `COMPACT#${compactId}`, sk: 'HEAD' }),
  version: (compactId: string, version: number) => ({ pk: `COMPACT#${compactId}`, sk: `V#${pad(version)}` }),
  villageCompacts: (village: string) => `VILLAGE#${village}#COMPACTS`,
  maintenanceCompact: (village: string) => ({ pk: `VILLAGE#${village}`, sk: 'MAINTENANCE-COMPACT' }),
  parked: (compactId: string, version: number) => ({ pk: `PARKED#${compactId}`, sk: `V#${pad(version)}` }),
  villageParked: (village: string) => `VILLAGE#${village}#PARKED`,
  duty: (household: string) => ({ pk: `DUTY#${household}`, sk: 'DUTY' }),
  villageDuties: (village: string) => `VILLAGE#${village}#DUTIES`,
  orgUnit: (place: string, level: string) => ({ pk: `ORG#${place}`, sk: `LEVEL#${level}` }),
  orgUnder: (township: string) => `ORG-UNDER#${township}`,
  space: (spaceId: string) => ({ pk: `SPACE#${spaceId}`, sk: 'SPACE' }),
  holder: (spaceId: string, holderKey: string) => ({ pk: `SPACE#${spaceId}`, sk: `HOLDER#${holderKey}` }),
  villageSpaces: (village: string) => `VILLAGE#${village}#SPACES`,
  adoption: (adoptionId: string) => ({ pk: `ADOPTION#${adoptionId}`, sk: 'ADOPTION' }),
  spaceAdoptions: (spaceId: string) => `SPACE#${spaceId}#ADOPTIONS`,
  upkeepDay: (adoptionId: string, date: string) => ({ pk: `ADOPTION#${adoptionId}`, sk: `UPKEEP-DAY#${date}` }),
  upkeep: (upkeepId: string) => ({ pk: `UPKEEP#${upkeepId}`, sk: 'UPKEEP' }),
  villageUpkeep: (village: string) => `VILLAGE#${village}#UPKEEP`,
  adoptionUpkeep: (adoptionId: string) => `ADOPTION#${adoptionId}#UPKEEP`,
  inspection: (inspectionId: string) => ({ pk: `INSPECTION#${inspectionId}`, sk: 'INSPECTION' }),
  villageInspections: (village: string) => `VILLAGE#${village}#INSPECTIONS`,
  violation: (violationId: string) => ({ pk: `VIOLATION#${violationId}`, sk: 'VIOLATION' }),
  villageViolations: (village: string) => `VILLAGE#${village}#VIOLATIONS`,
  openRectifications: 'RECTIFICATIONS#OPEN',
  board: (village: string, period: string) => ({ pk: `BOARD#${village}`, sk: `PERIOD#${period}` }),
  villageBoards: (village: string) => `BOARD#${village}`,
};

/** Drops the storage attributes so records leave the store as domain objects. */
function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, ...rest } = item;
  return rest as T;
}

/** Optimistic concurrency on records with a `revision`: the stored one is the one the change was computed from. */
const revisionIs = (revision: number): Condition => cond.equals('revision', revision);

/** Dates in a GSI sort key `<date>#<id>`: every key of dates from..to inclusive. */
const dateRange = (from: string, to: string): { between: [string, string] } => ({ between: [`${from}#`, `${to}#~`] });

/* ---------------------------------------------------------------- compacts */

export const compacts = {
  async get(table: Table, compactId: string): Promise<Compact | undefined> {
    const item = await table.get(keys.compact(compactId));
    return item ? strip<Compact>(item) : undefined;
  },

  /** The header and every version, in one query of the compact's partition. */
  async getWithVersions(table: Table, compactId: string): Promise<{ compact: Compact; versions: CompactVersion[] } | undefined> {
    const items = await table.queryAll({ pk: `COMPACT#${compactId}` });
    const head = items.find((i) => i.sk === 'HEAD');
    if (!head) return undefined;
    return {
      compact: strip<Compact>(head),
      versions: items.filter((i) => i.sk.startsWith('V#')).map((i) => strip<CompactVersion>(i)),
    };
  },

  async getVersion(table: Table, compactId: string, version: number): Promise<CompactVersion | undefined> {
    const item = await table.get(keys.version(compactId, version));
    return item ? strip<CompactVersion>(item) : undefined;
  },

  async listByVillage(table: Table, village: string): Promise<Compact[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageCompacts(village) });
    return items.map((i) => strip<Compact>(i));
  },

  createHeader(tx: UnitOfWork, compact: Compact, onConflict: OnConflict): void {
    tx.create(
      {
        ...keys.compact(compact.compactId),
        gsi1pk: keys.villageCompacts(compact.village),
        gsi1sk: `${compact.createdAt}#${compact.compactId}`,
        ...compact,
      },
      onConflict,
    );
  },

  /** Moves the header's latest version from `expected` to `next` (so two amendments never get the same number). */
  bumpLatest(tx: UnitOfWork, compactId: string, expected: number, next: number, onConflict: OnConflict): void {
    tx.update(keys.compact(compactId), { set: { latestVersion: next } }, { condition: cond.equals('latestVersion', expected), onConflict });
  },

  createVersion(tx: UnitOfWork, version: CompactVersion, onConflict: OnConflict): void {
    tx.create({ ...keys.version(version.compactId, version.version), ...version }, onConflict);
  },

  /** Saves a changed version; `expectedRevision` is the one it was computed from. */
  saveVersion(tx: UnitOfWork, version: CompactVersion, expectedRevision: number, onConflict: OnConflict): void {
    tx.put({ ...keys.version(version.compactId, version.version), ...version }, { condition: revisionIs(expectedRevision), onConflict });
  },

  async maintenanceCompactOf(table: Table, village: string): Promise<string | undefined> {
    return (await table.get(keys.maintenanceCompact(village)))?.compactId as string | undefined;
  },

  /** Names a village's maintenance compact; only the first one wins. */
  claimMaintenance(tx: UnitOfWork, village: string, compactId: string, onConflict: OnConflict): void {
    tx.create({ ...keys.maintenanceCompact(village), village, compactId }, onConflict);
  },
};

/** A final decision that arrived for a compact version the service does not hold (yet). */
export interface ParkedDecision {
  compactId: string;
  version: number;
  village: string;
  proposalId: string;
  title: string;
  decidedAt: string;
  eventId: string;
  reason: 'unknown-compact' | 'unknown-version' | 'village-mismatch' | 'not-submitted';
  parkedAt: string;
}

export const parked = {
  put(tx: UnitOfWork, d: ParkedDecision): void {
    tx.put({ ...keys.parked(d.compactId, d.version), gsi1pk: keys.villageParked(d.village), gsi1sk: `${d.parkedAt}#${d.compactId}`, ...d });
  },

  async get(table: Table, compactId: string, version: number): Promise<ParkedDecision | undefined> {
    const item = await table.get(keys.parked(compactId, version));
    return item ? strip<ParkedDecision>(item) : undefined;
  },

  remove(tx: UnitOfWork, compactId: string, version: number): void {
    tx.delete(keys.parked(compactId, version));
  },

  async listByVillage(table: Table, village: string): Promise<ParkedDecision[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageParked(village) });
    return items.map((i) => strip<ParkedDecision>(i));
  },
};

/* ---------------------------------------------------------------- duties and organisation */

export const duties = {
  async get(table: Table, household: string): Promise<Duty | undefined> {
    const item = await table.get(keys.duty(household));
    return item ? strip<Duty>(item) : undefined;
  },

  /** Assigns (or re-assigns) a household's duties; `expectedRevision` undefined for the first assignment. */
  save(tx: UnitOfWork, duty: Duty, expectedRevision: number | undefined, onConflict: OnConflict): void {
    tx.put(
      { ...keys.duty(duty.household), gsi1pk: keys.villageDuties(duty.village), gsi1sk: duty.household, ...duty },
      { condition: expectedRevision === undefined ? cond.notExists() : revisionIs(expectedRevision), onConflict },
    );
  },

  async listByVillage(table: Table, village: string): Promise<Duty[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageDuties(village) });
    return items.map((i) => strip<Duty>(i));
  },
};

export const organisation = {
  /** Sets a unit (an upsert: the latest setting of a level at a place is the unit). */
  put(tx: UnitOfWork, unit: OrgUnit, township: string): void {
    tx.put({ ...keys.orgUnit(unit.place, unit.level), gsi1pk: keys.orgUnder(township), gsi1sk: `${unit.place}#${unit.level}`, ...unit });
  },

  /** Every unit under a township (its committee, its villages' branches, cells and central households). */
  async listUnder(table: Table, township: string): Promise<OrgUnit[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.orgUnder(township) });
    return items.map((i) => strip<OrgUnit>(i));
  },
};

/* ---------------------------------------------------------------- spaces and adoption */

export const spaces = {
  async get(table: Table, spaceId: string): Promise<Space | undefined> {
    const item = await table.get(keys.space(spaceId));
    return item ? strip<Space>(item) : undefined;
  },

  create(tx: UnitOfWork, space: Space, onConflict: OnConflict): void {
    tx.create(
      {
        ...keys.space(space.spaceId),
        gsi1pk: keys.villageSpaces(space.village),
        gsi1sk: `${space.registeredAt}#${space.spaceId}`,
        ...space,
      },
      onConflict,
    );
  },

  async listByVillage(table: Table, village: string): Promise<Space[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageSpaces(village) });
    return items.map((i) => strip<Space>(i));
  },

  /**
   * Takes one slot: the counter goes up only while it is below the capacity, in the same transaction as the
   * adoption — two claims on the last slot cannot both commit.
   */
  takeSlot(tx: UnitOfWork, spaceId: string, onConflict: OnConflict): void {
    tx.update(
      keys.space(spaceId),
      { add: { activeAdopters: 1 } },
      {
        condition: { expression: 'attribute_exists(pk) AND #held < #cap', names: { '#held': 'activeAdopters', '#cap': 'capacity' } },
        onConflict,
      },
    );
  },

  freeSlot(tx: UnitOfWork, spaceId: string, onConflict: OnConflict): void {
    tx.update(keys.space(spaceId), { add: { activeAdopters: -1 } }, { condition: cond.atLeast('activeAdopters', 1), onConflict });
  },

  /** One adopter holds at most one slot of a space. */
  hold(tx: UnitOfWork, spaceId: string, holderKey: string, adoptionId: string, onConflict: OnConflict): void {
    tx.create({ ...keys.holder(spaceId, holderKey), adoptionId }, onConflict);
  },

  unhold(tx: UnitOfWork, spaceId: string, holderKey: string, adoptionId: string, onConflict: OnConflict): void {
    tx.delete(keys.holder(spaceId, holderKey), { condition: cond.equals('adoptionId', adoptionId), onConflict });
  },
};

export const adoptions = {
  async get(table: Table, adoptionId: string): Promise<Adoption | undefined> {
    const item = await table.get(keys.adoption(adoptionId));
    return item ? strip<Adoption>(item) : undefined;
  },

  create(tx: UnitOfWork, a: Adoption): void {
    tx.create(
      { ...keys.adoption(a.adoptionId), gsi1pk: keys.spaceAdoptions(a.spaceId), gsi1sk: `${a.adoptedAt}#${a.adoptionId}`, ...a },
      'retry',
    );
  },

  /** Saves the adoption as released; only an active one can be. */
  release(tx: UnitOfWork, a: Adoption, onConflict: OnConflict): void {
    tx.put(
      { ...keys.adoption(a.adoptionId), gsi1pk: keys.spaceAdoptions(a.spaceId), gsi1sk: `${a.adoptedAt}#${a.adoptionId}`, ...a },
      { condition: cond.equals('status', 'active'), onConflict },
    );
  },

  /** Asserts the adoption is still active when something is logged against it. */
  checkActive(tx: UnitOfWork, adoptionId: string, onConflict: OnConflict): void {
    tx.check(keys.adoption(adoptionId), cond.equals('status', 'active'), onConflict);
  },

  async listBySpace(table: Table, spaceId: string): Promise<Adoption[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.spaceAdoptions(spaceId) });
    return items.map((i) => strip<Adoption>(i));
  },
};

export const upkeeps = {
  /** The log, and the marker that keeps it to one per adoption and day. */
  create(tx: UnitOfWork, u: Upkeep, onDuplicateDay: OnConflict): void {
    tx.create({ ...keys.upkeepDay(u.adoptionId, u.loggedOn), upkeepId: u.upkeepId }, onDuplicateDay);
    tx.create(
      {
        ...keys.upkeep(u.upkeepId),
        gsi1pk: keys.villageUpkeep(u.village),
        gsi1sk: `${u.loggedOn}#${u.upkeepId}`,
        gsi2pk: keys.adoptionUpkeep(u.adoptionId),
        gsi2sk: `${u.loggedAt}#${u.upkeepId}`,
        ...u,
      },
      'retry',
    );
  },

  async listByAdoption(table: Table, adoptionId: string): Promise<Upkeep[]> {
    const items = await table.queryAll({ index: 'gsi2', pk: keys.adoptionUpkeep(adoptionId) });
    return items.map((i) => strip<Upkeep>(i));
  },

  async listByVillage(table: Table, village: string, from: string, to: string): Promise<Upkeep[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageUpkeep(village), sk: dateRange(from, to) }, 100_000);
    return items.map((i) => strip<Upkeep>(i));
  },
};

/* ---------------------------------------------------------------- inspections and violations */

const inspectionItem = (i: Inspection) => ({
  ...keys.inspection(i.inspectionId),
  gsi1pk: keys.villageInspections(i.village),
  gsi1sk: `${i.conductedOn ?? i.scheduledFor}#${i.inspectionId}`,
  ...i,
});

export const inspections = {
  async get(table: Table, inspectionId: string): Promise<Inspection | undefined> {
    const item = await table.get(keys.inspection(inspectionId));
    return item ? strip<Inspection>(item) : undefined;
  },

  create(tx: UnitOfWork, i: Inspection): void {
    tx.create(inspectionItem(i), 'retry');
  },

  /** Records the results of a scheduled inspection; only once. */
  recordResults(tx: UnitOfWork, i: Inspection, onConflict: OnConflict): void {
    tx.put(inspectionItem(i), { condition: cond.equals('status', 'scheduled'), onConflict });
  },

  async listByVillage(table: Table, village: string, from: string, to: string): Promise<Inspection[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageInspections(village), sk: dateRange(from, to) }, 100_000);
    return items.map((i) => strip<Inspection>(i));
  },
};

const violationItem = (v: Violation) => ({
  ...keys.violation(v.violationId),
  gsi1pk: keys.villageViolations(v.village),
  gsi1sk: `${v.occurredOn}#${v.violationId}`,
  // Sparse index of rectifications still to be checked for lateness.
  ...(v.rectification?.status === 'open'
    ? { gsi2pk: keys.openRectifications, gsi2sk: `${v.rectification.deadline}#${v.violationId}` }
    : {}),
  ...v,
});

export const violations = {
  async get(table: Table, violationId: string): Promise<Violation | undefined> {
    const item = await table.get(keys.violation(violationId));
    return item ? strip<Violation>(item) : undefined;
  },

  create(tx: UnitOfWork, v: Violation): void {
    tx.create(violationItem(v), 'retry');
  },

  /** Saves a changed violation: its revision moves on from `v.revision`. */
  save(tx: UnitOfWork, v: Violation, onConflict: OnConflict): Violation {
    const next = { ...v, revision: v.revision + 1 };
    tx.put(violationItem(next), { condition: revisionIs(v.revision), onConflict });
    return next;
  },

  async listByVillage(table: Table, village: string, from: string, to: string): Promise<Violation[]> {
    const items = await table.queryAll({ index: 'gsi1', pk: keys.villageViolations(village), sk: dateRange(from, to) }, 100_000);
    return items.map((i) => strip<Violation>(i));
  },

  /** Open rectifications whose deadline is before `today` (a page at a time, oldest deadline first). */
  async openPastDeadline(table: Table, today: string, limit: number, cursor?: string) {
    const page = await table.query({
      index: 'gsi2',
      pk: keys.openRectifications,
      sk: { lt: `${today}#` },
      limit,
      ...(cursor ? { cursor } : {}),
    });
    return { ids: page.items.map((i) => i.violationId as string), ...(page.cursor ? { cursor: page.cursor } : {}) };
  },
};

/* ---------------------------------------------------------------- boards */

export const boards = {
  async get(table: Table, village: string, period: string): Promise<Board | undefined> {
    const item = await table.get(keys.board(village, period));
    return item ? strip<Board>(item) : undefined;
  },

  /** One board per village and period: a second publication finds the first. */
  create(tx: UnitOfWork, b: Board, onConflict: OnConflict): void {
    tx.create({ ...keys.board(b.village, b.period), ...b }, onConflict);
  },

  async listByVillage(table: Table, village: string): Promise<Board[]> {
    const items = await table.queryAll({ pk: keys.villageBoards(village), sk: { beginsWith: 'PERIOD#' } });
    return items.map((i) => strip<Board>(i));
  },
};
