import {
  type HouseholdState,
  type MembershipState,
  type OwnershipTerm,
  type PersonState,
  type PlaceKind,
  type PropertyState,
  type RegisterChange,
  type BodyKind,
} from '@cocreate/contracts';
import { isWithin, maskName } from '@cocreate/places';
import type { PersonPrivate, RegisterSlice } from '../model.ts';
import { publicPerson } from '../people.ts';
import { addYears, cellArea, cellDate, cellIdNumber, cellText } from './cells.ts';
import { checkIdNumber } from './id-number.ts';
import { FILE_REASONS, ROW_REASONS, type FileRefusal, type RowProblem, type RowReason } from './reasons.ts';
import { LIMITS, type Cell, type Roster, type RosterRow, type RosterSheet } from './read.ts';
import {
  bodyKindOf,
  CHILD_KINDS,
  SHEET_KINDS,
  endReasonOf,
  HEAD_RELATION,
  placeKindName,
  placeKindOf,
  sexOf,
  yesNo,
  type EndReason,
} from './sheets.ts';

/**
 * Planning an import (导入): what a roster would change in the register under its scope, as the changes to apply in a
 * safe order (places parent-first, then people, households, properties, memberships), each carrying the whole new
 * state with its next revision. The same roster against the register it produced plans nothing; an edited one plans
 * only the differences. Nothing is removed because it is missing from a file — except people, when asked.
 */
export interface PlanOptions {
  /** Today in China (yyyy-mm-dd): the day people missing from the roster leave, when they are made to. */
  today: string;
  /** The keyed hash of a normalised ID number, as the register keeps it in `idHash`. */
  hashId: (idNumber: string) => string;
  newPersonId: () => string;
  newId: () => string;
  /** People of the register missing from the people sheet leave (PersonLeft) instead of only being reported. */
  removeMissing?: boolean;
}

/** What only the registry keeps about a person, in clear: the service encrypts the ID number before storing it. */
export type PersonInClear = Omit<PersonPrivate, 'idCipher' | 'idHash'> & { idNumber: string; idHash: string };

export interface PlannedChange {
  /** Exactly what the event (or the import part) carries: no name, phone or ID number. */
  change: RegisterChange;
  /** For people entered or changed: what the registry stores beside the public state. */
  private?: PersonInClear;
}

export type Section = 'places' | 'people' | 'households' | 'properties' | 'memberships';

/** Something of the register the roster does not mention: listed for the clerk, changed only as the options say. */
export interface LeftCandidate {
  section: Section;
  /** The place or property path, the person id, or the membership id. */
  key: string;
  maskedName?: string;
}

export interface ImportReport {
  /** True when the plan may be applied: the files were read and no row is wrong. */
  ok: boolean;
  refusal?: FileRefusal;
  /** Every wrong row; rows that are fine are not listed. */
  problems: RowProblem[];
  left: LeftCandidate[];
}

export interface SectionSummary {
  added: number;
  changed: number;
  unchanged: number;
  left: number;
}

export interface ImportPlan {
  report: ImportReport;
  /** Empty unless the report is ok: an import is applied whole or not at all. */
  changes: PlannedChange[];
  summary: Record<Section, SectionSummary>;
}

const VILLAGE_KINDS: ReadonlySet<PlaceKind> = new Set(['village', 'community']);
const RELATIVE_PATH = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;
const PERSON_ID = /^[a-z0-9-]{1,64}$/;

const emptySummary = (): Record<Section, SectionSummary> => ({
  places: { added: 0, changed: 0, unchanged: 0, left: 0 },
  people: { added: 0, changed: 0, unchanged: 0, left: 0 },
  households: { added: 0, changed: 0, unchanged: 0, left: 0 },
  properties: { added: 0, changed: 0, unchanged: 0, left: 0 },
  memberships: { added: 0, changed: 0, unchanged: 0, left: 0 },
});

/**
 * A value as text with object keys in order: a record read back from DynamoDB keeps no attribute order, so two equal
 * states can list their keys differently.
 */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v !== null && typeof v === 'object'
      ? `{${Object.entries(v)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
          .join(',')}}`
      : JSON.stringify(v);

/** Two states hold the same values (a missing field and an undefined one are the same; key order does not count). */
function same(a: object, b: object, keys: readonly string[]): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return keys.every((k) => canonical(ra[k]) === canonical(rb[k]));
}

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

interface PersonRow {
  row: RosterRow;
  person?: string;
  fullName: string;
  idNumber: string;
  bornOn: string;
  sex: 'male' | 'female';
  phone?: string;
  household: string;
  village: string;
  head: boolean;
  resident: boolean;
  partyMember: boolean;
}

export function planImport(scope: string, current: RegisterSlice, parsed: Roster, options: PlanOptions): ImportPlan {
  const problems: RowProblem[] = [];
  const summary = emptySummary();
  const left: LeftCandidate[] = [];
  const flag = <R extends RowReason>(
    sheet: RosterSheet,
    row: RosterRow,
    column: string,
    reason: R,
    ...args: Parameters<(typeof ROW_REASONS)[R]>
  ) => {
    const message = (ROW_REASONS[reason] as (...a: unknown[]) => RowProblem['message'])(...args);
    problems.push({ sheet: sheet.kind, sheetName: sheet.name, line: row.line, column: sheet.headers[column] ?? column, reason, message });
  };
  /** A cell's text, or a problem when a required one is blank. */
  const required = (sheet: RosterSheet, row: RosterRow, column: string): Cell | undefined => {
    const cell = row.cells[column];
    if (cell === undefined) flag(sheet, row, column, 'missing-value');
    return cell;
  };
  const relative = (sheet: RosterSheet, row: RosterRow, column: string): string | undefined => {
    const cell = required(sheet, row, column);
    if (cell === undefined) return undefined;
    const rel = cellText(cell).replace(/^\/+|\/+$/g, '');
    if (rel === '.') return scope;
    if (!RELATIVE_PATH.test(rel)) return void flag(sheet, row, column, 'bad-path');
    return `${scope}/${rel}`;
  };
  const date = (sheet: RosterSheet, row: RosterRow, column: string): string | undefined => {
    const cell = row.cells[column];
    if (cell === undefined) return undefined;
    const iso = cellDate(cell);
    if (iso === undefined) flag(sheet, row, column, 'bad-date');
    return iso;
  };
  const changes: {
    places: PlannedChange[];
    people: PlannedChange[];
    households: PlannedChange[];
    properties: PlannedChange[];
    memberships: PlannedChange[];
  } = {
    places: [],
    people: [],
    households: [],
    properties: [],
    memberships: [],
  };

  // ── Places ────────────────────────────────────────────────────────────────────────────────────────────────────
  const places = new Map<string, { kind: PlaceKind }>(current.places.map((p) => [p.path, p]));
  const registered = new Map(current.places.map((p) => [p.path, p]));
  const placeSheet = parsed.places;
  if (placeSheet) {
    const rows: { row: RosterRow; path: string; kind: PlaceKind; name: { zh: string; en: string } }[] = [];
    const lineOf = new Map<string, number>();
    for (const row of placeSheet.rows) {
      const path = relative(placeSheet, row, 'path');
      const kindCell = required(placeSheet, row, 'kind');
      const kind = kindCell === undefined ? undefined : placeKindOf(cellText(kindCell));
      if (kindCell !== undefined && kind === undefined) flag(placeSheet, row, 'kind', 'unknown-place-kind');
      const zhCell = required(placeSheet, row, 'zh');
      const zh = zhCell === undefined ? undefined : cellText(zhCell);
      const en = row.cells.en === undefined ? zh : cellText(row.cells.en);
      if (zh !== undefined && zh.length > 100) flag(placeSheet, row, 'zh', 'too-long', 100);
      if (en !== undefined && en.length > 200) flag(placeSheet, row, 'en', 'too-long', 200);
      if (path === undefined) continue;
      const earlier = lineOf.get(path);
      if (earlier !== undefined) {
        flag(placeSheet, row, 'path', 'duplicate-place', earlier);
        continue;
      }
      lineOf.set(path, row.line);
      const was = registered.get(path);
      if (was && kind && was.kind !== kind) flag(placeSheet, row, 'kind', 'kind-changed', placeKindName(was.kind));
      if (kind && zh && en && zh.length <= 100 && en.length <= 200) rows.push({ row, path, kind, name: { zh, en } });
    }
    for (const r of rows) places.set(r.path, { kind: r.kind });
    const valid = rows.filter(({ row, path, kind }) => {
      if (path === scope) return true;
      const parent = places.get(path.slice(0, path.lastIndexOf('/')));
      if (!parent) return void flag(placeSheet, row, 'path', 'unknown-parent');
      if (!CHILD_KINDS[parent.kind].includes(kind))
        return void flag(placeSheet, row, 'kind', 'kind-not-allowed', placeKindName(parent.kind));
      return true;
    });
    const depth = (p: string) => p.split('/').length;
    for (const { path, kind, name } of [...valid].sort((a, b) => depth(a.path) - depth(b.path) || a.row.line - b.row.line)) {
      const was = registered.get(path);
      if (!was) {
        changes.places.push({ change: { type: 'PlaceRegistered', state: { path, kind, name, revision: 1 } } });
        summary.places.added++;
      } else if (was.name.zh !== name.zh || was.name.en !== name.en) {
        changes.places.push({ change: { type: 'PlaceRenamed', state: { ...was, name, revision: was.revision + 1 } } });
        summary.places.changed++;
      } else summary.places.unchanged++;
    }
    // A sheet of the tree down to villages says nothing about their groups: only places of the kinds it lists are missing.
    const listed = new Set(rows.map((r) => r.kind));
    for (const p of current.places) {
      if (p.path !== scope && listed.has(p.kind) && !p.retired && !lineOf.has(p.path)) {
        left.push({ section: 'places', key: p.path });
        summary.places.left++;
      }
    }
  }

  /** The village or community a path lies in: the scope is one, or lies above them (an import is for a village or more). */
  const villageOf = (path: string): string | undefined => {
    for (let p = path; isWithin(p, scope); p = p.slice(0, p.lastIndexOf('/'))) {
      const kind = places.get(p)?.kind;
      if (kind && VILLAGE_KINDS.has(kind)) return p;
      if (!p.includes('/')) break;
    }
    return undefined;
  };

  // ── People ────────────────────────────────────────────────────────────────────────────────────────────────────
  const peopleSheet = parsed.people;
  const personRows: PersonRow[] = [];
  const byHash = new Map(current.people.filter((p) => p.idHash).map((p) => [p.idHash!, p]));
  const registeredPeople = new Map(current.people.map((p) => [p.person, p]));
  if (peopleSheet) {
    const perVillage = new Map<string, number>();
    for (const row of peopleSheet.rows) {
      const cell = row.cells.household;
      const household = cell === undefined ? undefined : `${scope}/${cellText(cell)}`;
      const village = household && villageOf(household);
      if (village) perVillage.set(village, (perVillage.get(village) ?? 0) + 1);
    }
    for (const [village, count] of perVillage) {
      if (count > LIMITS.peoplePerVillage) {
        const refusal: FileRefusal = {
          reason: 'too-many-people',
          file: peopleSheet.name,
          sheet: peopleSheet.name,
          message: FILE_REASONS['too-many-people'](LIMITS.peoplePerVillage, village),
        };
        return { report: { ok: false, refusal, problems: [], left: [] }, changes: [], summary: emptySummary() };
      }
    }

    const idLines = new Map<string, number>();
    const personLines = new Map<string, number>();
    for (const row of peopleSheet.rows) {
      let ok = true;
      const bad = <R extends RowReason>(column: string, reason: R, ...args: Parameters<(typeof ROW_REASONS)[R]>) => {
        flag(peopleSheet, row, column, reason, ...args);
        ok = false;
      };
      const personCell = row.cells.person;
      const person = personCell === undefined ? undefined : cellText(personCell);
      if (person !== undefined && !PERSON_ID.test(person)) bad('person', 'bad-person-id');
      const nameCell = required(peopleSheet, row, 'fullName');
      const fullName = nameCell === undefined ? '' : cellText(nameCell);
      if (nameCell === undefined) ok = false;
      else if ([...fullName].length > 60) bad('fullName', 'too-long', 60);

      const idCell = required(peopleSheet, row, 'idNumber');
      let id: ReturnType<typeof checkIdNumber> | undefined;
      if (idCell === undefined) ok = false;
      else {
        const text = cellIdNumber(idCell);
        if (text === undefined) bad('idNumber', 'id-number-as-number');
        else {
          id = checkIdNumber(text);
          if (!id.ok) bad('idNumber', id.reason);
        }
      }
      const checked = id?.ok ? id : undefined;
      if (checked) {
        const earlier = idLines.get(checked.idNumber);
        if (earlier !== undefined) bad('idNumber', 'duplicate-person', earlier);
        else idLines.set(checked.idNumber, row.line);
      }
      if (person !== undefined) {
        const earlier = personLines.get(person);
        if (earlier !== undefined) bad('person', 'duplicate-person-id', earlier);
        else personLines.set(person, row.line);
      }

      const sexCell = row.cells.sex;
      const sex = sexCell === undefined ? undefined : sexOf(cellText(sexCell));
      if (sexCell !== undefined && sex === undefined) bad('sex', 'bad-sex');
      if (sex && checked && sex !== checked.sex) bad('sex', 'sex-not-matching-id');
      const bornOn = date(peopleSheet, row, 'bornOn');
      if (row.cells.bornOn !== undefined && bornOn === undefined) ok = false;
      if (bornOn && checked && bornOn !== checked.bornOn) bad('bornOn', 'born-on-not-matching-id', checked.bornOn);

      const phoneCell = row.cells.phone;
      const phone = phoneCell === undefined ? undefined : cellText(phoneCell);
      if (phone !== undefined && !/^\+?[\d\s-]{3,20}$/.test(phone)) bad('phone', 'bad-phone');

      const household = relative(peopleSheet, row, 'household');
      let village: string | undefined;
      if (household === undefined) ok = false;
      else {
        const place = places.get(household);
        if (!place) bad('household', 'unknown-household');
        else if (place.kind !== 'household') bad('household', 'not-a-household');
        else if (!(village = villageOf(household))) bad('household', 'not-in-a-village');
      }
      const relationCell = required(peopleSheet, row, 'relation');
      if (relationCell === undefined) ok = false;
      const flagOf = (column: 'resident' | 'partyMember', absent: boolean) => {
        const cell = row.cells[column];
        if (cell === undefined) return absent;
        const v = yesNo(cellText(cell));
        if (v === undefined) bad(column, 'bad-yes-no');
        return v ?? absent;
      };
      const resident = flagOf('resident', true);
      const partyMember = flagOf('partyMember', false);
      if (!ok || !checked || !household || !village) continue;
      personRows.push({
        row,
        ...(person !== undefined ? { person } : {}),
        fullName,
        idNumber: checked.idNumber,
        bornOn: checked.bornOn,
        sex: checked.sex,
        ...(phone !== undefined ? { phone: phone.replace(/\s/g, '') } : {}),
        household,
        village,
        head: cellText(relationCell!) === HEAD_RELATION,
        resident,
        partyMember,
      });
    }

    // Every household of the sheet has exactly one head: flagged on its second head, or its first row.
    const heads = new Map<string, PersonRow[]>();
    const firstRow = new Map<string, PersonRow>();
    for (const p of personRows) {
      if (!firstRow.has(p.household)) firstRow.set(p.household, p);
      if (p.head) heads.set(p.household, [...(heads.get(p.household) ?? []), p]);
    }
    for (const [household, first] of firstRow) {
      const hs = heads.get(household) ?? [];
      if (hs.length !== 1) flag(peopleSheet, (hs[1] ?? first).row, 'relation', 'household-head', hs.length);
    }
  }

  // Matching: by person id, else by ID number (the register's keyed hash), else a new person.
  const hashes = new Map(personRows.map((p) => [p, options.hashId(p.idNumber)]));
  const matchedIds = new Map<PersonRow, string>();
  for (const p of personRows) {
    const byId = byHash.get(hashes.get(p)!);
    if (p.person !== undefined) {
      if (byId && byId.person !== p.person) flag(peopleSheet!, p.row, 'idNumber', 'id-number-of-another-person', byId.person);
      matchedIds.set(p, p.person);
    } else if (byId) matchedIds.set(p, byId.person);
  }
  const claimed = new Map<string, number>();
  for (const [p, id] of matchedIds) {
    const earlier = claimed.get(id);
    if (earlier !== undefined) flag(peopleSheet!, p.row, p.person !== undefined ? 'person' : 'idNumber', 'duplicate-person-id', earlier);
    else claimed.set(id, p.row.line);
  }
  for (const p of personRows) if (!matchedIds.has(p)) matchedIds.set(p, options.newPersonId());
  const idOf = (p: PersonRow) => matchedIds.get(p)!;

  const inSheet = new Set(personRows.map(idOf));
  const missing = peopleSheet ? current.people.filter((p) => !p.left && !inSheet.has(p.person)) : [];
  const leaving = new Set(options.removeMissing ? missing.map((p) => p.person) : []);
  for (const p of personRows) {
    const person = idOf(p);
    const was = registeredPeople.get(person);
    const state: PersonState = defined({
      person,
      maskedName: maskName(p.fullName),
      household: p.household,
      village: p.village,
      partyMember: p.partyMember,
      resident: p.resident,
      votingAgeFrom: addYears(p.bornOn, 18),
      revision: (was?.revision ?? 0) + 1,
    });
    const inClear: PersonInClear = defined({
      fullName: p.fullName,
      phone: p.phone,
      idNumber: p.idNumber,
      idHash: hashes.get(p)!,
      bornOn: p.bornOn,
      sex: p.sex,
    });
    if (!was) {
      changes.people.push({ change: { type: 'PersonRegistered', state }, private: inClear });
      summary.people.added++;
    } else if (
      same(was, state, ['maskedName', 'household', 'village', 'partyMember', 'resident', 'votingAgeFrom', 'left']) &&
      same(was, inClear, ['fullName', 'phone', 'idHash', 'bornOn', 'sex'])
    ) {
      summary.people.unchanged++;
    } else if (was.household !== state.household) {
      changes.people.push({ change: { type: 'PersonMoved', state: { ...state, fromHousehold: was.household } }, private: inClear });
      summary.people.changed++;
    } else {
      changes.people.push({ change: { type: 'PersonChanged', state }, private: inClear });
      summary.people.changed++;
    }
  }
  for (const p of missing) {
    left.push({ section: 'people', key: p.person, maskedName: p.maskedName });
    summary.people.left++;
    if (leaving.has(p.person)) {
      changes.people.push({
        change: {
          type: 'PersonLeft',
          state: { ...publicPerson(p), left: { on: options.today, reason: 'moved-away' }, revision: p.revision + 1 },
        },
      });
    }
  }

  // ── Households: from the sheet's rows; a household without rows only loses who moved out or left ────────────────
  if (peopleSheet) {
    const members = new Map<string, { head?: string; members: string[] }>();
    for (const p of personRows) {
      const h = members.get(p.household) ?? { members: [] };
      if (p.head) h.head = idOf(p);
      h.members.push(idOf(p));
      members.set(p.household, h);
    }
    const registeredHouseholds = new Map(current.households.map((h) => [h.path, h]));
    const stays = (person: string) => !inSheet.has(person) && !leaving.has(person);
    for (const [path, h] of members) {
      const was = registeredHouseholds.get(path);
      const all = [h.head!, ...h.members.filter((m) => m !== h.head), ...(was?.members.filter(stays) ?? [])];
      const state: HouseholdState = { path, village: villageOf(path)!, head: h.head!, members: all, revision: (was?.revision ?? 0) + 1 };
      if (!was) {
        changes.households.push({ change: { type: 'HouseholdChanged', state } });
        summary.households.added++;
      } else if (same(was, state, ['village', 'head', 'members'])) summary.households.unchanged++;
      else {
        changes.households.push({ change: { type: 'HouseholdChanged', state } });
        summary.households.changed++;
      }
    }
    for (const was of current.households) {
      if (members.has(was.path)) continue;
      const remaining = was.members.filter(stays);
      if (remaining.length === was.members.length) summary.households.unchanged++;
      else if (remaining.includes(was.head)) {
        changes.households.push({
          change: { type: 'HouseholdChanged', state: { ...was, members: remaining, revision: was.revision + 1 } },
        });
        summary.households.changed++;
      } else {
        left.push({ section: 'households', key: was.path });
        summary.households.left++;
      }
    }
  }

  // ── Who a reference in the properties or memberships sheet means ─────────────────────────────────────────────
  const known = new Map<string, { fullName: string; village: string }>();
  for (const p of current.people) known.set(p.person, { fullName: p.fullName, village: p.village });
  for (const p of personRows) known.set(idOf(p), { fullName: p.fullName, village: p.village });
  const byNumber = new Map(personRows.map((p) => [p.idNumber, idOf(p)]));
  const resolve = (sheet: RosterSheet, row: RosterRow, personColumn: string, idColumn: string, nameColumn: string): string | undefined => {
    const personCell = row.cells[personColumn];
    const idCell = row.cells[idColumn];
    if (personCell === undefined && idCell === undefined) return void flag(sheet, row, personColumn, 'missing-value');
    let person: string | undefined;
    if (personCell !== undefined) {
      person = cellText(personCell);
      if (!known.has(person)) return void flag(sheet, row, personColumn, 'unknown-person');
    }
    if (idCell !== undefined) {
      const text = cellIdNumber(idCell);
      if (text === undefined) return void flag(sheet, row, idColumn, 'id-number-as-number');
      const id = checkIdNumber(text);
      if (!id.ok) return void flag(sheet, row, idColumn, id.reason);
      const found = byNumber.get(id.idNumber) ?? byHash.get(options.hashId(id.idNumber))?.person;
      if (!found) return void flag(sheet, row, idColumn, 'unknown-person');
      if (person !== undefined && found !== person) return void flag(sheet, row, idColumn, 'id-number-of-another-person', found);
      person = found;
    }
    const nameCell = row.cells[nameColumn];
    if (nameCell !== undefined && cellText(nameCell) !== known.get(person!)!.fullName)
      return void flag(sheet, row, nameColumn, 'name-not-matching');
    return person;
  };
  const term = (sheet: RosterSheet, row: RosterRow): { from?: string; until?: string; ok: boolean } => {
    const fromCell = required(sheet, row, 'from');
    const from = date(sheet, row, 'from');
    const until = date(sheet, row, 'until');
    const ok = fromCell !== undefined && from !== undefined && (row.cells.until === undefined || until !== undefined);
    if (ok && until !== undefined && until <= from!) {
      flag(sheet, row, 'until', 'end-before-start');
      return { ok: false };
    }
    return { from, until, ok };
  };

  // ── Properties ────────────────────────────────────────────────────────────────────────────────────────────────
  const propertySheet = parsed.properties;
  if (propertySheet) {
    type Owners = { village: string; terms: OwnershipTerm[]; lines: Map<string, number> };
    const owners = new Map<string, Owners>();
    for (const row of propertySheet.rows) {
      const path = relative(propertySheet, row, 'path');
      const place = path && places.get(path);
      let village: string | undefined;
      if (path && !place) flag(propertySheet, row, 'path', 'unknown-household');
      else if (place && place.kind !== 'household') flag(propertySheet, row, 'path', 'not-a-household');
      else if (path && !(village = villageOf(path))) flag(propertySheet, row, 'path', 'not-in-a-village');
      const person = resolve(propertySheet, row, 'ownerPerson', 'ownerIdNumber', 'ownerName');
      const areaCell = required(propertySheet, row, 'area');
      const area = areaCell === undefined ? undefined : cellArea(areaCell);
      const areaOk = area !== undefined && area > 0 && area <= 100_000;
      if (areaCell !== undefined && !areaOk) flag(propertySheet, row, 'area', 'bad-area');
      const { from, until, ok } = term(propertySheet, row);
      if (!path || !village || !person || !areaOk || !ok) continue;
      const p: Owners = owners.get(path) ?? { village, terms: [], lines: new Map() };
      const key = `${person}|${from}`;
      const earlier = p.lines.get(key);
      if (earlier !== undefined) {
        flag(propertySheet, row, 'ownerPerson' in row.cells ? 'ownerPerson' : 'ownerIdNumber', 'duplicate-row', earlier);
        continue;
      }
      p.lines.set(key, row.line);
      p.terms.push(defined({ person, area: area!, from: from!, until }));
      owners.set(path, p);
    }
    const registeredProperties = new Map(current.properties.map((p) => [p.path, p]));
    const byStart = (a: { from: string; person: string }, b: { from: string; person: string }) =>
      a.from.localeCompare(b.from) || a.person.localeCompare(b.person);
    for (const [path, p] of owners) {
      const was = registeredProperties.get(path);
      const state: PropertyState = { path, village: p.village, owners: [...p.terms].sort(byStart), revision: (was?.revision ?? 0) + 1 };
      if (!was) {
        changes.properties.push({ change: { type: 'OwnershipChanged', state } });
        summary.properties.added++;
      } else if (same({ ...was, owners: [...was.owners].sort(byStart).map(defined) }, state, ['village', 'owners']))
        summary.properties.unchanged++;
      else {
        changes.properties.push({ change: { type: 'OwnershipChanged', state } });
        summary.properties.changed++;
      }
    }
    for (const was of current.properties) {
      if (!owners.has(was.path)) {
        left.push({ section: 'properties', key: was.path });
        summary.properties.left++;
      }
    }
  }

  // ── Memberships ───────────────────────────────────────────────────────────────────────────────────────────────
  const memberSheet = parsed.memberships;
  const registeredMemberships = new Map(current.memberships.map((m) => [`${m.village}|${m.body}|${m.person}|${m.from}`, m]));
  const seenMemberships = new Set<string>();
  if (memberSheet) {
    const rows: {
      row: RosterRow;
      key: string;
      body: BodyKind;
      person: string;
      village: string;
      title?: string;
      from: string;
      until?: string;
      reason: EndReason;
    }[] = [];
    const lines = new Map<string, number>();
    for (const row of memberSheet.rows) {
      const bodyCell = required(memberSheet, row, 'body');
      const body = bodyCell === undefined ? undefined : bodyKindOf(cellText(bodyCell));
      if (bodyCell !== undefined && !body) flag(memberSheet, row, 'body', 'unknown-body');
      const person = resolve(memberSheet, row, 'person', 'idNumber', 'fullName');
      const title = row.cells.title === undefined ? undefined : cellText(row.cells.title);
      if (title !== undefined && title.length > 40) flag(memberSheet, row, 'title', 'too-long', 40);
      const { from, until, ok } = term(memberSheet, row);
      const reasonCell = row.cells.endReason;
      const reason = reasonCell === undefined ? 'term-ended' : endReasonOf(cellText(reasonCell));
      if (!reason) flag(memberSheet, row, 'endReason', 'unknown-end-reason');
      else if (reasonCell !== undefined && row.cells.until === undefined) flag(memberSheet, row, 'endReason', 'end-reason-without-end');
      if (
        !body ||
        !person ||
        !ok ||
        !reason ||
        (title !== undefined && title.length > 40) ||
        (reasonCell !== undefined && until === undefined)
      )
        continue;
      const village = known.get(person)!.village;
      const key = `${village}|${body}|${person}|${from}`;
      const earlier = lines.get(key);
      if (earlier !== undefined) {
        flag(memberSheet, row, 'from', 'duplicate-row', earlier);
        continue;
      }
      lines.set(key, row.line);
      rows.push(defined({ row, key, body, person, village, title, from: from!, until, reason }));
    }
    // One person holds one seat on a body at a time: terms of the same person on the same body may not overlap.
    const bySeat = new Map<string, typeof rows>();
    for (const r of rows)
      bySeat.set(`${r.village}|${r.body}|${r.person}`, [...(bySeat.get(`${r.village}|${r.body}|${r.person}`) ?? []), r]);
    const overlapping = new Set<(typeof rows)[number]>();
    for (const terms of bySeat.values()) {
      const sorted = [...terms].sort((a, b) => a.from.localeCompare(b.from));
      sorted.slice(1).forEach((r, i) => {
        const before = sorted[i]!;
        if (before.until === undefined || before.until > r.from) {
          const [earlier, later] = before.row.line < r.row.line ? [before, r] : [r, before];
          flag(memberSheet, later.row, 'from', 'overlapping-terms', earlier.row.line);
          overlapping.add(later);
        }
      });
    }
    for (const r of rows) {
      if (overlapping.has(r)) continue;
      seenMemberships.add(r.key);
      const was = registeredMemberships.get(r.key);
      const state: MembershipState = defined({
        membershipId: was?.membershipId ?? options.newId(),
        village: r.village,
        body: r.body,
        person: r.person,
        title: r.title,
        from: r.from,
        until: r.until,
        revision: (was?.revision ?? 0) + 1,
      });
      if (!was) {
        changes.memberships.push({ change: { type: 'MembershipStarted', state } });
        summary.memberships.added++;
      } else if (same(was, state, ['title', 'until'])) summary.memberships.unchanged++;
      else {
        changes.memberships.push({
          change: state.until ? { type: 'MembershipEnded', state: { ...state, reason: r.reason } } : { type: 'MembershipStarted', state },
        });
        summary.memberships.changed++;
      }
    }
    for (const m of current.memberships) {
      if (!seenMemberships.has(`${m.village}|${m.body}|${m.person}|${m.from}`) && m.until === undefined) {
        left.push({ section: 'memberships', key: m.membershipId });
        summary.memberships.left++;
      }
    }
  }
  // Who leaves gives up every seat still held, from the day they leave.
  for (const m of current.memberships) {
    if (!leaving.has(m.person) || seenMemberships.has(`${m.village}|${m.body}|${m.person}|${m.from}`)) continue;
    if (m.until !== undefined && m.until <= options.today) continue;
    const until = m.from > options.today ? m.from : options.today;
    changes.memberships.push({ change: { type: 'MembershipEnded', state: { ...m, until, reason: 'left', revision: m.revision + 1 } } });
  }

  const ok = problems.length === 0;
  problems.sort((a, b) => SHEET_KINDS.indexOf(a.sheet) - SHEET_KINDS.indexOf(b.sheet) || a.line - b.line);
  return {
    report: { ok, problems, left },
    changes: ok ? [...changes.places, ...changes.people, ...changes.households, ...changes.properties, ...changes.memberships] : [],
    summary,
  };
}
