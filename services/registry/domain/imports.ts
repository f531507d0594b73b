import { createHash } from 'node:crypto';
import { PLACE_LEVEL, REGISTER_CHANGES_PER_EVENT, type PlaceKind, type RegisterChange } from '@cocreate/contracts';
import type { ImportPlan, PlannedChange, Roster, SectionSummary, Section } from './import/index.ts';
import type { FileRefusal, RowProblem } from './import/reasons.ts';
import { placeKindOf } from './import/sheets.ts';
import { cellText } from './import/cells.ts';
import type { RegisterSlice } from './model.ts';
import { type PlaceFrame, VILLAGE_KINDS } from './places.ts';

/**
 * A roster import as the registry keeps it (导入记录): created with its upload URLs, dry-run into a report and a
 * plan, then applied by the import job in chunks, each chunk one transaction with its `RegisterImported` part. Pure:
 * statuses and their moves, how a plan is cut into chunks, what of the register a dry run read (its fingerprint).
 */
export type ImportStatus =
  /** Created: the files are to be uploaded to their URLs, then dry-run. */
  | 'awaiting-upload'
  /** The last dry run refused a file whole (too big, macros, wrong columns…): nothing planned. */
  | 'refused'
  /** The last dry run found wrong rows: the report lists them, nothing planned. */
  | 'invalid'
  /** The last dry run found nothing wrong: its plan may be applied. */
  | 'dry-run-clean'
  /** The job is applying the plan chunk by chunk. */
  | 'applying'
  | 'applied'
  /** A chunk failed: `failure` says why; the job tries again when `failure.retryable`. */
  | 'failed';

/** Statuses from which a dry run may run (again): anything not being or already applied. */
export const DRY_RUNNABLE: ReadonlySet<ImportStatus> = new Set(['awaiting-upload', 'refused', 'invalid', 'dry-run-clean', 'failed']);

/** How many failed attempts the job makes at a chunk before it leaves the import failed for good. */
export const MAX_APPLY_ATTEMPTS = 5;

/** Problems and left-out things listed on the record and in answers; the counts say how many there were in all. */
export const MAX_LISTED = 500;

export interface ImportFile {
  name: string;
  contentType: string;
  key: string;
}

export interface ImportProgress {
  /** Changes applied so far, of `total`. */
  done: number;
  total: number;
  /** Chunks (one transaction and one `RegisterImported` part each) applied, of `parts`. */
  partsDone: number;
  parts: number;
}

export interface ImportFailure {
  code: string;
  message: { zh: string; en: string };
  retryable: boolean;
  attempts: number;
}

/** What of the register a dry run read: the sections it compared, and how deep in the place tree it looked. */
export interface SliceNeeds {
  /** Places of these kinds at most are read (a province's tree down to villages reads no households). */
  deepestKind: PlaceKind;
  people: boolean;
  households: boolean;
  properties: boolean;
  memberships: boolean;
}

export interface PlanRef {
  /** A new id per dry run: chunks applied are marked per plan, so a plan made again after a failure starts afresh. */
  id: string;
  /** `inline`: an item beside the record; `s3`: an object in the evidence bucket (a township's thousands of changes). */
  where: 'inline' | 's3';
  key?: string;
  changes: number;
  parts: number;
  fingerprint: string;
  needs: SliceNeeds;
}

export interface ImportRecord {
  importId: string;
  scope: string;
  status: ImportStatus;
  files: ImportFile[];
  removeMissing: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  dryRunAt?: string;
  refusal?: FileRefusal;
  summary?: Record<Section, SectionSummary>;
  problems?: RowProblem[];
  problemCount?: number;
  left?: ImportPlan['report']['left'];
  leftCount?: number;
  plan?: PlanRef;
  progress?: ImportProgress;
  failure?: ImportFailure;
  appliedAt?: string;
  /** Until when a run of the job holds the import (another run leaves it alone). */
  leaseUntil?: string;
  version?: number;
}

/** What the registry keeps about a person beside the public state, sealed as one value in a stored plan. */
export interface PersonSecret {
  fullName: string;
  phone?: string;
  bornOn?: string;
  sex?: 'male' | 'female';
  idCipher: string;
  idHash: string;
  idMasked: string;
}

/** One change of a stored plan: never a clear ID number, name or phone — those are sealed with the field cipher. */
export interface StoredChange {
  change: RegisterChange;
  /** Places: the village and county they lie in, kept on the place's record. */
  frame?: PlaceFrame;
  /** People entered or changed: their `PersonSecret`, encrypted. */
  sealed?: string;
}

export interface StoredPlan {
  changes: StoredChange[];
  /** Where each chunk starts (indexes into `changes`); a chunk ends where the next starts. */
  chunks: number[];
}

/** Writes of a change in the registry's table, counted high (see the apply job). */
export function writesOf(change: RegisterChange): number {
  switch (change.type) {
    case 'PersonRegistered':
      return 2; // the person and the claim of their ID number's hash
    case 'PersonChanged':
    case 'PersonMoved':
      return 3; // the person, and a changed ID number's new claim and released old one
    case 'OwnershipChanged':
      return 1 + change.state.owners.length; // the property and one owner pointer per owner
    case 'MembershipStarted':
    case 'MembershipEnded':
      return 2; // the term and the person's seat on the body
    default:
      return 1;
  }
}

/** One transaction holds 100 writes; a chunk leaves room for its `RegisterImported` part and its done-marker. */
export const WRITES_PER_CHUNK = 96;
/** The part's detail stays far below EventBridge's 256 KB. */
const BYTES_PER_CHUNK = 160 * 1024;

/** Cuts a plan into chunks: each fits one transaction and one `RegisterImported` part (≤ 100 changes). */
export function chunkPlan(changes: readonly { change: RegisterChange }[]): number[] {
  const starts: number[] = [];
  let writes = Infinity;
  let count = 0;
  let bytes = 0;
  changes.forEach(({ change }, i) => {
    const w = writesOf(change);
    const b = JSON.stringify(change).length;
    if (writes + w > WRITES_PER_CHUNK || count >= REGISTER_CHANGES_PER_EVENT || bytes + b > BYTES_PER_CHUNK) {
      starts.push(i);
      writes = 0;
      count = 0;
      bytes = 0;
    }
    writes += w;
    count++;
    bytes += b;
  });
  return starts;
}

export const chunkRange = (plan: StoredPlan, i: number): [number, number] => [plan.chunks[i]!, plan.chunks[i + 1] ?? plan.changes.length];

/** Whether the children of a place of `kind` can hold a place as deep as `deepest`. */
export const descendsInto = (kind: PlaceKind, deepest: PlaceKind): boolean =>
  PLACE_LEVEL[kind] < PLACE_LEVEL[deepest] && kind !== 'household';

/** What of the register a roster needs to be compared with: a places-only roster of the tree reads no people. */
export function sliceNeeds(roster: Roster, removeMissing: boolean): SliceNeeds {
  const listed = (roster.places?.rows ?? []).flatMap((r) => {
    const cell = r.cells.kind;
    const kind = cell === undefined ? undefined : placeKindOf(cellText(cell));
    return kind ? [kind] : [];
  });
  const anyPeople = Boolean(roster.people || roster.properties || roster.memberships);
  const deepest: PlaceKind = anyPeople
    ? 'household'
    : listed.reduce<PlaceKind>((d, k) => (PLACE_LEVEL[k] > PLACE_LEVEL[d] ? k : d), 'province');
  return {
    deepestKind: deepest,
    people: anyPeople,
    households: Boolean(roster.people),
    properties: Boolean(roster.properties),
    memberships: Boolean(roster.memberships) || (Boolean(roster.people) && removeMissing),
  };
}

/**
 * What the register held under the scope when it was read, as one hash of every thing's key and revision: equal
 * fingerprints mean nothing the dry run compared with has changed since.
 */
export function fingerprint(slice: RegisterSlice): string {
  const lines = [
    ...slice.places.map((p) => `place ${p.path} ${p.revision}`),
    ...slice.households.map((h) => `household ${h.path} ${h.revision}`),
    ...slice.people.map((p) => `person ${p.person} ${p.revision}`),
    ...slice.properties.map((p) => `property ${p.path} ${p.revision}`),
    ...slice.memberships.map((m) => `membership ${m.membershipId} ${m.revision}`),
  ].sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/**
 * The village and county each planned place lies in (what its record keeps beside it): from the kinds of the places
 * above it in the plan or the register, then the scope's own frame for what lies above the scope.
 */
export function framesOf(changes: readonly PlannedChange[], slice: RegisterSlice, scopeFrame: PlaceFrame): Map<string, PlaceFrame> {
  const kinds = new Map<string, PlaceKind>(slice.places.map((p) => [p.path, p.kind]));
  for (const { change } of changes) if (change.type === 'PlaceRegistered') kinds.set(change.state.path, change.state.kind);
  const frames = new Map<string, PlaceFrame>();
  for (const { change } of changes) {
    if (change.type !== 'PlaceRegistered' && change.type !== 'PlaceRenamed') continue;
    const frame: PlaceFrame = {};
    for (let p = change.state.path; p.length >= slice.scope.length; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
      const kind = kinds.get(p);
      if (kind && !frame.village && VILLAGE_KINDS.has(kind)) frame.village = p;
      if (kind === 'county' && !frame.county) frame.county = p;
      if (p === slice.scope || !p.includes('/')) break;
    }
    frames.set(change.state.path, { ...scopeFrame, ...frame });
  }
  return frames;
}

/** The public state a change leaves its thing in, as the table keeps it (no `fromHousehold`, no end `reason`). */
export function recordOf(change: RegisterChange): Record<string, unknown> {
  if (change.type === 'PersonMoved') {
    const { fromHousehold: _, ...state } = change.state;
    return state;
  }
  if (change.type === 'MembershipEnded') {
    const { reason: _, ...state } = change.state;
    return state;
  }
  return change.state;
}

/** The thing a change is about, as a key unique across kinds. */
export function thingOf(change: RegisterChange): string {
  switch (change.type) {
    case 'PlaceRegistered':
    case 'PlaceRenamed':
    case 'PlaceRetired':
      return `place ${change.state.path}`;
    case 'HouseholdChanged':
      return `household ${change.state.path}`;
    case 'OwnershipChanged':
      return `property ${change.state.path}`;
    case 'MembershipStarted':
    case 'MembershipEnded':
      return `membership ${change.state.membershipId}`;
    default:
      return `person ${change.state.person}`;
  }
}

/**
 * Whether a planned change is to be written, was written already (the stored thing is exactly its new state, so a
 * chunk applied twice changes nothing), or meets a register that moved on since the dry run.
 */
export function classify(change: RegisterChange, stored: Record<string, unknown> | undefined): 'write' | 'done' | 'changed' {
  const revision = change.state.revision;
  const was = stored?.revision as number | undefined;
  if (was === undefined) return revision === 1 ? 'write' : 'changed';
  if (was === revision - 1) return 'write';
  if (was === revision) {
    const state = recordOf(change);
    return Object.keys(state).every((k) => sameValue(state[k], stored![k])) ? 'done' : 'changed';
  }
  return 'changed';
}

/** Equal values, maps compared by their entries: DynamoDB does not keep a map's keys in the order they were written. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => sameValue(v, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
