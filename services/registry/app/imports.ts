import { createHash } from 'node:crypto';
import * as z from 'zod';
import { once, PlacePath, type PlaceKind, RegisterImported, says } from '@cocreate/contracts';
import {
  type JobContext,
  type Locale,
  Problem,
  type RouteContext,
  type ServiceContext,
  grantFor,
  forEachLimit,
  newId,
  problems,
  reply,
  say,
} from '@cocreate/kernel';
import { type Role, maskIdNumber, OVERSIGHT } from '@cocreate/places';
import { fieldCipher } from '../cipher.ts';
import {
  LIMITS,
  SHEETS,
  type FileRefusal,
  type ImportPlan,
  type PlannedChange,
  type Roster,
  type SheetKind,
  planImport,
  readRoster,
  templateCsv,
  templateWorkbook,
} from '../domain/import/index.ts';
import { cellIdNumber } from '../domain/import/cells.ts';
import { checkIdNumber } from '../domain/import/id-number.ts';
import { FILE_REASONS } from '../domain/import/reasons.ts';
import {
  DRY_RUNNABLE,
  MAX_APPLY_ATTEMPTS,
  MAX_LISTED,
  type ImportFailure,
  type ImportRecord,
  type PersonSecret,
  type StoredChange,
  type StoredPlan,
  chunkPlan,
  chunkRange,
  classify,
  fingerprint,
  framesOf,
  recordOf,
  sliceNeeds,
  thingOf,
} from '../domain/imports.ts';
import type { MembershipRecord, PersonRecord, PlaceRecord, Seat } from '../domain/model.ts';
import { refusals } from '../domain/refusals.ts';
import type { PlaceFrame } from '../domain/places.ts';
import { presignFileUpload, readFile, writeFile } from '../files.ts';
import { households } from '../repos/households.ts';
import { imports, registerSlice, thingsOf } from '../repos/imports.ts';
import { memberships } from '../repos/memberships.ts';
import { idHashes, people } from '../repos/people.ts';
import { places } from '../repos/places.ts';
import { properties } from '../repos/properties.ts';
import { KEEPERS, refuse, today } from './common.ts';

// ── Requests ────────────────────────────────────────────────────────────────────────────────────────────────────

/** What a clerk's spreadsheet program calls a roster file; the reader decides by the bytes, not by the label. */
export const RosterContentType = once(() =>
  z.enum([
    'text/csv',
    'application/csv',
    'text/plain',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.ms-excel.sheet.macroEnabled.12',
    'application/octet-stream',
  ]),
);

export const CreateImport = once(() =>
  z.object({
    /** The village or community (or a place above them, for the tree) the files are for; their paths are relative to it. */
    scope: PlacePath,
    /** One XLSX workbook, or up to four CSV files (one per sheet). */
    files: z
      .array(
        z.object({
          name: z
            .string()
            .min(1)
            .max(200)
            .regex(/^[^/\\\0]+$/, says({ zh: '须为文件名，不能是路径', en: 'a file name, not a path' })),
          contentType: RosterContentType(),
        }),
      )
      .min(1)
      .max(4),
    /** People of the register missing from the people sheet leave (moved away) instead of only being reported. */
    removeMissing: z.boolean().default(false),
  }),
);
export type CreateImport = z.infer<ReturnType<typeof CreateImport>>;

export const TEMPLATE_SHEETS = ['places', 'people', 'properties', 'memberships'] as const satisfies readonly SheetKind[];

// ── Who may import where ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Who imports for a scope: a village's cadres and the officials above it for a village or community; township and
 * county officials (and operations) for their township or county; operations alone above a county.
 */
export function importersOf(kind: string): readonly Role[] {
  if (kind === 'village' || kind === 'community') return KEEPERS;
  if (kind === 'township' || kind === 'county') return [...OVERSIGHT, 'ops-admin'];
  return ['ops-admin'];
}

/** The roles a route lets through before the use case checks the scope's level. */
export const IMPORTERS: readonly Role[] = [...KEEPERS, 'ops-admin'];

/**
 * The scope of an import, and the caller's right to import there. A province not registered yet may be imported by
 * operations: its places sheet registers it (the `.` row); any other scope must be a registered village or above.
 */
async function scopeOrThrow(
  path: string,
  ctx: RouteContext,
): Promise<{ place: PlaceRecord | undefined; frame: PlaceFrame; kind: PlaceKind }> {
  const stored = await ctx.once(`place:${path}`, () => places.get(ctx.table, path));
  const kind: PlaceKind | undefined = stored ? stored.place.kind : path.includes('/') ? undefined : 'province';
  if (!kind || stored?.place.retired || ['group', 'compound', 'building', 'household'].includes(kind)) {
    throw refuse('import-scope-unsuitable', { scope: path });
  }
  if (!ctx.identity || !grantFor(ctx.identity, importersOf(kind), path)) {
    throw refuse('role-may-not-manage-kind', { kind, requiredRoles: importersOf(kind) });
  }
  return { place: stored?.place, frame: stored?.frame ?? {}, kind };
}

export async function importOrThrow(id: string, ctx: Pick<RouteContext, 'once' | 'table'>): Promise<ImportRecord> {
  const imp = await ctx.once(`import:${id}`, () => imports.get(ctx.table, id));
  if (!imp) throw problems.notFound({ zh: '导入', en: 'The import' });
  return imp;
}

/** The place an import's routes are checked against. */
export async function scopeOfImport(id: string, ctx: RouteContext): Promise<string | undefined> {
  return (await ctx.once(`import:${id}`, () => imports.get(ctx.table, id)))?.scope;
}

// ── What callers see ────────────────────────────────────────────────────────────────────────────────────────────

export function importView(r: ImportRecord, locale: Locale) {
  return {
    importId: r.importId,
    scope: r.scope,
    status: r.status,
    files: r.files.map((f) => ({ name: f.name, contentType: f.contentType })),
    removeMissing: r.removeMissing,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    ...(r.dryRunAt ? { dryRunAt: r.dryRunAt } : {}),
    ...(r.summary ? { summary: r.summary } : {}),
    ...(r.dryRunAt
      ? {
          report: {
            ok: r.status !== 'refused' && r.status !== 'invalid',
            ...(r.refusal ? { refusal: { ...r.refusal, message: say(r.refusal.message, locale) } } : {}),
            problems: (r.problems ?? []).map((p) => ({ ...p, message: say(p.message, locale) })),
            problemCount: r.problemCount ?? 0,
            left: r.left ?? [],
            leftCount: r.leftCount ?? 0,
          },
        }
      : {}),
    ...(r.progress ? { progress: r.progress } : {}),
    ...(r.failure
      ? {
          failure: {
            code: r.failure.code,
            message: say(r.failure.message, locale),
            retryable: r.failure.retryable,
            attempts: r.failure.attempts,
          },
        }
      : {}),
    ...(r.appliedAt ? { appliedAt: r.appliedAt } : {}),
  };
}

// ── Create ──────────────────────────────────────────────────────────────────────────────────────────────────────

export async function createImport(cmd: CreateImport, ctx: RouteContext) {
  await scopeOrThrow(cmd.scope, ctx);
  const importId = newId();
  const uploads = await Promise.all(
    cmd.files.map((f) => presignFileUpload(ctx, `${cmd.scope}/imports/${importId.toLowerCase()}`, f.name, f.contentType)),
  );
  const at = ctx.now().toISOString();
  const record = imports.save(ctx.tx, {
    importId,
    scope: cmd.scope,
    status: 'awaiting-upload',
    files: cmd.files.map((f, i) => ({ ...f, key: uploads[i]!.key })),
    removeMissing: cmd.removeMissing,
    createdBy: ctx.actor.sub,
    createdAt: at,
    updatedAt: at,
  });
  return {
    ...importView(record, ctx.locale),
    uploads: cmd.files.map((f, i) => ({
      name: f.name,
      method: 'PUT' as const,
      url: uploads[i]!.uploadUrl,
      headers: uploads[i]!.headers,
      expiresAt: uploads[i]!.expiresAt,
      maxBytes: LIMITS.fileBytes,
    })),
  };
}

export async function getImport(id: string, ctx: RouteContext) {
  return importView(await importOrThrow(id, ctx), ctx.locale);
}

// ── Dry run ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Plans up to this size stay in the table beside the record; larger ones go to the evidence bucket. */
const INLINE_PLAN_BYTES = 96 * 1024;

/** Clears what an earlier dry run left on the record. */
function fresh(r: ImportRecord, at: string): ImportRecord {
  const {
    refusal: _r,
    summary: _s,
    problems: _p,
    problemCount: _pc,
    left: _l,
    leftCount: _lc,
    plan: _plan,
    progress: _pr,
    failure: _f,
    ...rest
  } = r;
  return { ...rest, dryRunAt: at, updatedAt: at };
}

/** The catalogue's refusal of a whole file, its text followed by what was wrong with the file. */
function fileRefused(refusal: FileRefusal): Problem {
  const { message, ...facts } = refusal;
  const p = refuse('import-file-refused', facts);
  const { zh, en } = p.detail!;
  return new Problem(p.status, p.code, p.title, { zh: `${zh}${message.zh}`, en: `${en} ${message.en}` }, p.extensions, [
    { in: 'body', pointer: '', rule: refusal.reason, message },
  ]);
}

/** Keyed hashes of every ID number a roster names (the plan matches people by them without decrypting anything). */
async function hashIdNumbers(roster: Roster): Promise<Map<string, string>> {
  const numbers = new Set<string>();
  const columns: [SheetKind, string][] = [
    ['people', 'idNumber'],
    ['properties', 'ownerIdNumber'],
    ['memberships', 'idNumber'],
  ];
  for (const [kind, column] of columns) {
    for (const row of roster[kind]?.rows ?? []) {
      const cell = row.cells[column];
      const text = cell === undefined ? undefined : cellIdNumber(cell);
      const checked = text === undefined ? undefined : checkIdNumber(text);
      if (checked?.ok) numbers.add(checked.idNumber);
    }
  }
  const cipher = fieldCipher();
  const list = [...numbers];
  const hashes = await Promise.all(list.map((n) => cipher.hash(n)));
  return new Map(list.map((n, i) => [n, hashes[i]!]));
}

/** The plan as it is stored: private fields sealed with the field cipher, places with their frames. */
async function seal(changes: readonly PlannedChange[], frames: Map<string, PlaceFrame>): Promise<StoredChange[]> {
  const cipher = fieldCipher();
  return Promise.all(
    changes.map(async ({ change, private: inClear }): Promise<StoredChange> => {
      const frame =
        'path' in change.state && (change.type === 'PlaceRegistered' || change.type === 'PlaceRenamed')
          ? frames.get(change.state.path)
          : undefined;
      if (!inClear) return { change, ...(frame ? { frame } : {}) };
      const { idNumber, ...kept } = inClear;
      const secret: PersonSecret = { ...kept, idCipher: await cipher.encrypt(idNumber), idMasked: maskIdNumber(idNumber) };
      return { change, sealed: await cipher.encrypt(JSON.stringify(secret)) };
    }),
  );
}

const listed = <T>(items: readonly T[]) => items.slice(0, MAX_LISTED);

export async function dryRun(id: string, ctx: RouteContext) {
  const imp = await importOrThrow(id, ctx);
  if (!DRY_RUNNABLE.has(imp.status)) throw refuse('import-busy', { current: imp.status });
  const scope = await scopeOrThrow(imp.scope, ctx);
  const at = ctx.now().toISOString();

  // The files, each refused whole before any cell is read when it is too big or not a roster.
  const read = await Promise.all(imp.files.map((f) => readFile(ctx, f.key, LIMITS.fileBytes)));
  const missing = imp.files.filter((_, i) => !read[i]!.ok && (read[i] as { why: string }).why === 'missing').map((f) => f.name);
  if (missing.length) throw refuse('import-files-missing', { files: missing });
  const tooLarge = imp.files.find((_, i) => !read[i]!.ok);
  const outcome = tooLarge
    ? ({
        ok: false,
        refusal: { reason: 'file-too-large', file: tooLarge.name, message: FILE_REASONS['file-too-large'](LIMITS.fileBytes / 1024 / 1024) },
      } as const)
    : await readRoster(imp.files.map((f, i) => ({ name: f.name, bytes: (read[i] as { bytes: Uint8Array }).bytes })));

  let plan: ImportPlan | undefined;
  let refusal: FileRefusal | undefined = outcome.ok ? undefined : outcome.refusal;
  let needs: ReturnType<typeof sliceNeeds> | undefined;
  let slice: Awaited<ReturnType<typeof registerSlice>> | undefined;
  if (outcome.ok) {
    needs = sliceNeeds(outcome.roster, imp.removeMissing);
    const [s, hashes] = await Promise.all([registerSlice(ctx.table, scope.place ?? imp.scope, needs), hashIdNumbers(outcome.roster)]);
    slice = s;
    plan = planImport(imp.scope, slice, outcome.roster, {
      today: today(ctx),
      hashId: (n) => hashes.get(n) ?? unhashed(n),
      newPersonId: () => `p-${newId().toLowerCase()}`,
      newId,
      removeMissing: imp.removeMissing,
    });
    refusal = plan.report.refusal;
  }

  if (refusal) {
    // Nothing is planned or written but the refusal on the record, committed on its own: the answer is a problem.
    await ctx.unit(async (tx) => {
      const current = (await imports.get(ctx.table, id))!;
      imports.save(tx, { ...fresh(current, at), status: 'refused', refusal });
    });
    throw fileRefused(refusal);
  }

  const { report, changes, summary } = plan!;
  const base: ImportRecord = {
    ...fresh(imp, at),
    summary,
    problems: listed(report.problems),
    problemCount: report.problems.length,
    left: listed(report.left),
    leftCount: report.left.length,
  };
  if (!report.ok) return importView(imports.save(ctx.tx, { ...base, status: 'invalid' }), ctx.locale);

  const stored: StoredPlan = { changes: await seal(changes, framesOf(changes, slice!, scope.frame)), chunks: [] };
  stored.chunks = chunkPlan(stored.changes);
  const text = JSON.stringify(stored);
  const inline = text.length <= INLINE_PLAN_BYTES;
  const key = inline ? undefined : await writeFile(ctx, `${imp.scope}/imports/${id.toLowerCase()}`, 'plan.json', 'application/json', text);
  if (inline) imports.putPlan(ctx.tx, id, text);
  const record = imports.save(ctx.tx, {
    ...base,
    status: 'dry-run-clean',
    plan: {
      id: newId(),
      where: inline ? 'inline' : 's3',
      ...(key ? { key } : {}),
      changes: changes.length,
      parts: stored.chunks.length,
      fingerprint: fingerprint(slice!),
      needs: needs!,
    },
    progress: { done: 0, total: changes.length, partsDone: 0, parts: stored.chunks.length },
  });
  return importView(record, ctx.locale);
}

function unhashed(n: string): never {
  throw new Error(`no keyed hash computed for an ID number ending ${n.slice(-4)}`);
}

// ── Apply ───────────────────────────────────────────────────────────────────────────────────────────────────────

export async function applyImport(id: string, ctx: RouteContext) {
  const imp = await importOrThrow(id, ctx);
  if (imp.status === 'applying' || imp.status === 'applied') throw refuse('import-busy', { current: imp.status });
  if (imp.status !== 'dry-run-clean' || !imp.plan) throw refuse('import-not-clean', { current: imp.status });
  const scope = await scopeOrThrow(imp.scope, ctx);
  const now = await registerSlice(ctx.table, scope.place ?? imp.scope, imp.plan.needs);
  if (fingerprint(now) !== imp.plan.fingerprint) throw refuse('import-register-changed', { dryRunAt: imp.dryRunAt });
  const at = ctx.now().toISOString();
  const empty = imp.plan.changes === 0;
  const record = imports.save(ctx.tx, {
    ...imp,
    status: empty ? 'applied' : 'applying',
    updatedAt: at,
    ...(empty ? { appliedAt: at } : {}),
  });
  return reply(importView(record, ctx.locale), { status: 202 });
}

// ── The job ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Wall-clock budget of one run (the function has five minutes); the next run resumes where this one stopped. */
const BUDGET_MS = 240_000;
const TIMEOUT_MARGIN_MS = 30_000;
/** A run holds an import this long; a run that died leaves it to the next one after that. */
const LEASE_MS = 5 * 60_000;
/**
 * Chunks of one import are applied one after another (each transaction also advances the record's progress, so two
 * at once would only collide on it); imports run side by side.
 */
export const CHUNK_CONCURRENCY = 1;
export const IMPORT_CONCURRENCY = 4;

/** Changes the record with fresh reads, retried on a lost race. */
async function bump(
  ctx: ServiceContext,
  id: string,
  change: (r: ImportRecord) => ImportRecord | undefined,
): Promise<ImportRecord | undefined> {
  let out: ImportRecord | undefined;
  await ctx.unit(async (tx) => {
    const r = await imports.get(ctx.table, id);
    const next = r && change(r);
    out = next ? imports.save(tx, next) : undefined;
  });
  return out;
}

async function loadPlan(ctx: ServiceContext, r: ImportRecord): Promise<StoredPlan> {
  if (r.plan!.where === 'inline') {
    const text = await imports.plan(ctx.table, r.importId);
    if (!text) throw new Error(`the plan of import ${r.importId} is missing`);
    return JSON.parse(text) as StoredPlan;
  }
  const file = await readFile(ctx, r.plan!.key!, Number.MAX_SAFE_INTEGER);
  if (!file.ok) throw new Error(`the plan of import ${r.importId} is missing from the evidence bucket`);
  return JSON.parse(new TextDecoder().decode(file.bytes)) as StoredPlan;
}

/**
 * What the job meets when a thing it is about to write is no longer at the revision the dry run planned on: the chunk's
 * transaction is abandoned whole, and the import fails for good (the clerk runs the dry run again). An outcome of the job,
 * not an answer to a caller, so it is no Problem.
 */
class RegisterChanged extends Error {
  constructor(readonly thing: string) {
    super(`the register changed since the dry run (${thing})`);
  }
}

/**
 * Applies one chunk as one transaction: every thing written at its planned revision on the condition that the
 * stored one is the revision before (a thing already at its planned state is left alone: applying a chunk twice
 * changes nothing), the chunk's `RegisterImported` part in the outbox, and the chunk's done-marker.
 *
 * The first attempt reads only what the writes are made from — the people the chunk changes (their private fields
 * and ID hash stay unless the roster gives new ones) and the seats of the memberships it records — and assumes every
 * other thing is where the plan left it: new things absent, the rest at the revision before. Every write is
 * conditional on exactly that, so the transaction commits only if the assumption held, and then writes what reading
 * everything would have written. If any condition fails (a thing already applied, or changed by someone else since
 * the dry run) nothing is written and the next attempt reads every thing of the chunk and judges each one
 * (`classify`): done things are left alone, a changed one fails the import. On a first application — nearly every
 * chunk — this saves the read of the chunk's ~100 items per transaction.
 */
async function applyChunk(ctx: ServiceContext, r: ImportRecord, plan: StoredPlan, chunk: number): Promise<number> {
  const [from, to] = chunkRange(plan, chunk);
  const entries = plan.changes.slice(from, to);
  const cipher = fieldCipher();
  const secrets = await Promise.all(
    entries.map(async (e) => (e.sealed ? (JSON.parse(await cipher.decrypt(e.sealed)) as PersonSecret) : undefined)),
  );
  let attempt = 0;
  await ctx.unit(async (tx) => {
    const readAll = attempt++ > 0;
    /** Things the first attempt reads: people it changes (not new ones) and seats; the rest are assumed as planned. */
    const read = (change: StoredChange['change']) => readAll || (thingOf(change).startsWith('person ') && change.state.revision > 1);
    const wanted = {
      places: [] as string[],
      households: [] as string[],
      people: [] as string[],
      properties: [] as string[],
      memberships: [] as string[],
      idHashes: [] as string[],
      seats: [] as [string, string, string][],
    };
    entries.forEach(({ change }, i) => {
      if (change.type === 'MembershipStarted' || change.type === 'MembershipEnded')
        wanted.seats.push([change.state.person, change.state.village, change.state.body]);
      if (!read(change)) return;
      const [kind, key] = thingOf(change).split(' ') as [keyof typeof wanted, string];
      const list = {
        place: wanted.places,
        household: wanted.households,
        person: wanted.people,
        property: wanted.properties,
        membership: wanted.memberships,
      }[kind as string]!;
      list.push(key);
      if (secrets[i]) wanted.idHashes.push(secrets[i].idHash);
    });
    const stored = await thingsOf(ctx.table, wanted);
    const written: StoredChange[] = [];
    const seatTerms = new Map<string, MembershipRecord[]>();
    for (const [i, entry] of entries.entries()) {
      const { change } = entry;
      const was = stored.get(thingOf(change));
      // Not read: assumed at the revision before (or absent), which the write's condition makes sure of.
      const verdict = read(change) ? classify(change, was) : 'write';
      if (verdict === 'changed') throw new RegisterChanged(thingOf(change));
      if (verdict === 'done') continue;
      written.push(entry);
      switch (change.type) {
        case 'PlaceRegistered':
        case 'PlaceRenamed':
        case 'PlaceRetired':
          places.write(tx, change.state, entry.frame ?? {}, 'retry');
          break;
        case 'HouseholdChanged':
          households.write(tx, change.state, 'retry');
          break;
        case 'OwnershipChanged':
          properties.write(tx, change.state);
          for (const person of new Set(change.state.owners.map((o) => o.person))) properties.pointOwner(tx, person, change.state.path);
          break;
        case 'MembershipStarted':
        case 'MembershipEnded': {
          const m = recordOf(change) as MembershipRecord;
          memberships.write(tx, m);
          const seat = `${m.person}|${m.village}|${m.body}`;
          seatTerms.set(seat, [...(seatTerms.get(seat) ?? []), m]);
          break;
        }
        default: {
          const secret = secrets[i];
          const before = was as PersonRecord | undefined;
          const kept: Partial<PersonSecret> = secret ?? pick(before);
          if (secret && secret.idHash !== before?.idHash) {
            const owner = stored.get(`idhash ${secret.idHash}`)?.person as string | undefined;
            if (owner && owner !== change.state.person) throw new RegisterChanged(thingOf(change));
            if (!owner) idHashes.claim(tx, secret.idHash, change.state.person);
            if (before?.idHash) idHashes.release(tx, before.idHash, change.state.person);
          }
          people.write(
            tx,
            {
              ...(recordOf(change) as PersonRecord),
              ...kept,
              ...(secret && before?.idHash === secret.idHash && before.idCipher ? { idCipher: before.idCipher } : {}),
            },
            'retry',
          );
        }
      }
    }
    for (const [seat, terms] of seatTerms) memberships.writeSeat(tx, stored.get(`seat ${seat}`) as Seat | undefined, terms);
    if (written.length) {
      tx.emit(
        RegisterImported,
        { importId: r.importId, scope: r.scope, part: chunk + 1, parts: plan.chunks.length, changes: written.map((e) => e.change) },
        { place: r.scope },
      );
    }
    imports.markChunk(tx, r.importId, r.plan!.id, chunk, entries.length);
    imports.advance(tx, r.importId, entries.length, ctx.now().toISOString());
  });
  return entries.length;
}

function pick(p: PersonRecord | undefined): Partial<PersonSecret> {
  if (!p) return {};
  const { fullName, phone, bornOn, sex, idCipher, idHash, idMasked } = p;
  return Object.fromEntries(
    Object.entries({ fullName, phone, bornOn, sex, idCipher, idHash, idMasked }).filter(([, v]) => v !== undefined),
  );
}

type RunOutcome = 'applied' | 'paused' | 'failed' | 'skipped';

/** Takes the import, applies the chunks not yet applied, and leaves it applied, failed (with the reason) or paused. */
async function runImport(ctx: JobContext, id: string, inBudget: () => boolean): Promise<RunOutcome> {
  const now = () => ctx.now().toISOString();
  const leased = await bump(ctx, id, (r) => {
    const pending = r.status === 'applying' || (r.status === 'failed' && r.failure?.retryable);
    if (!pending || (r.leaseUntil && r.leaseUntil > now())) return undefined;
    return { ...r, status: 'applying', leaseUntil: new Date(ctx.now().getTime() + LEASE_MS).toISOString(), updatedAt: now() };
  });
  if (!leased) return 'skipped';
  try {
    const plan = await loadPlan(ctx, leased);
    const done = await imports.chunksDone(ctx.table, id, leased.plan!.id);
    const doneChanges = [...done.values()].reduce((a, b) => a + b, 0);
    const progress = { done: doneChanges, total: plan.changes.length, partsDone: done.size, parts: plan.chunks.length };
    await bump(ctx, id, (r) => ({ ...r, progress: { ...progress } }));
    const todo = plan.chunks.map((_, i) => i).filter((i) => !done.has(i));
    let paused = false;
    await forEachLimit(todo, CHUNK_CONCURRENCY, async (chunk) => {
      if (!inBudget()) {
        paused = true;
        return;
      }
      const n = await applyChunk(ctx, leased, plan, chunk);
      progress.done += n;
      progress.partsDone++;
      ctx.progress(progress.done, progress.total, id);
    });
    if (paused) {
      await bump(ctx, id, ({ leaseUntil: _l, ...r }) => r);
      return 'paused';
    }
    await bump(ctx, id, ({ leaseUntil: _l, failure: _f, ...r }) => ({ ...r, status: 'applied', appliedAt: now(), updatedAt: now() }));
    return 'applied';
  } catch (err) {
    const changed = err instanceof RegisterChanged;
    ctx.log.warn('import apply failed', { importId: id, error: (err as Error).message });
    await bump(ctx, id, ({ leaseUntil: _l, ...r }) => {
      const attempts = (r.failure?.attempts ?? 0) + 1;
      const [, zh, en] = refusals['import-register-changed'];
      const failure: ImportFailure = changed
        ? { code: 'import-register-changed', message: { zh, en }, retryable: false, attempts }
        : {
            code: 'import-apply-failed',
            message: {
              zh: `导入中断（已完成的部分完整保留），将自动重试：${(err as Error).message}`,
              en: `The import stopped (what was applied is whole) and will be retried: ${(err as Error).message}`,
            },
            retryable: attempts < MAX_APPLY_ATTEMPTS,
            attempts,
          };
      return { ...r, status: 'failed', failure, updatedAt: now() };
    });
    return 'failed';
  }
}

/** The import job: applies every import waiting for it, a few at a time, until none is left or its time runs out. */
export async function runImportJob(ctx: JobContext): Promise<Record<string, number>> {
  const started = Date.now();
  const inBudget = () => Date.now() - started < BUDGET_MS && ctx.remainingMs() > TIMEOUT_MARGIN_MS;
  const seen = new Set<string>();
  const counts: Record<RunOutcome, number> = { applied: 0, paused: 0, failed: 0, skipped: 0 };
  while (inBudget()) {
    const ids = (await imports.pending(ctx.table)).filter((id) => !seen.has(id));
    if (!ids.length) break;
    await forEachLimit(ids, IMPORT_CONCURRENCY, async (id) => {
      seen.add(id);
      counts[await runImport(ctx, id, inBudget)]++;
    });
  }
  return counts;
}

// ── Templates ───────────────────────────────────────────────────────────────────────────────────────────────────

const TEMPLATE_NAMES: Record<SheetKind | 'workbook', { zh: string; en: string }> = {
  places: { zh: '地点模板.csv', en: 'places-template.csv' },
  people: { zh: '人口花名册模板.csv', en: 'people-template.csv' },
  properties: { zh: '房屋与业主模板.csv', en: 'properties-template.csv' },
  memberships: { zh: '组织成员模板.csv', en: 'memberships-template.csv' },
  workbook: { zh: '村情台账导入模板.xlsx', en: 'register-import-template.xlsx' },
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

/** `attachment` with the Chinese name for browsers (RFC 5987 `filename*`) and an ASCII one for the rest. */
export const contentDisposition = (name: { zh: string; en: string }) =>
  `attachment; filename="${name.en}"; filename*=UTF-8''${encodeURIComponent(name.zh)}`;

/** The templates change only with the sheets' columns: stored once per version of them. */
const TEMPLATE_VERSION = createHash('sha256').update(JSON.stringify(SHEETS)).digest('hex').slice(0, 12);

/**
 * A blank template, as a short-lived download URL: the kernel's HTTP handler answers JSON only, so the file is kept
 * in the evidence bucket with its content type and `Content-Disposition`, and the route redirects to it (303).
 */
export async function template(which: SheetKind | 'workbook', ctx: RouteContext) {
  const name = TEMPLATE_NAMES[which];
  const contentType = which === 'workbook' ? XLSX : CSV;
  const file = `${which}-${TEMPLATE_VERSION}`;
  let key = await imports.template(ctx.table, file);
  if (!key) {
    const bytes = which === 'workbook' ? await templateWorkbook() : templateCsv(which);
    key = await writeFile(ctx, 'templates', name.en, contentType, bytes, { 'content-disposition': contentDisposition(name) });
    const stored = key;
    await ctx.unit(async (tx) => imports.putTemplate(tx, file, stored));
  }
  const url = await ctx.evidence.presignDownload(key);
  return reply({ url, filename: name.zh, contentType }, { status: 303, headers: { location: url } });
}
