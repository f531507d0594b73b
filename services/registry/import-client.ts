import { readFile } from 'node:fs/promises';
import { forEachLimit } from '@cocreate/kernel';
import { basename, extname } from 'node:path';

/**
 * Imports rosters through the registry's HTTP API the way a province's operator does — create the import, upload
 * each file to its presigned URL, dry run, apply, then wait until the import job has applied it — for a list of
 * scopes (e.g. `demoProvinceFixtures()`). Scopes are imported level by level (a province's tree before its villages);
 * the scopes of one level go in parallel. Plain `fetch`, no AWS SDK: it runs against the local stack or a deployment.
 */
export interface RosterUpload {
  name: string;
  bytes: Uint8Array;
  contentType?: string;
}

export interface ScopeImport {
  /** The place the files are for; their paths are relative to it. */
  scope: string;
  /** Paths of CSV/XLSX files, or files in memory: one roster, imported together. */
  files: readonly (string | RosterUpload)[];
}

export interface ImportClientOptions {
  /** The HTTP API, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  /** A bearer token of someone who may import for the scope (a cadre for a village, ops-admin for a province…). */
  token: (scope: string) => string | Promise<string>;
  /**
   * On the local stack: run the import job (`POST /_local/jobs/registry/apply-imports`) instead of waiting for its
   * one-minute schedule. In AWS leave it off; the schedule applies the import and the client polls.
   */
  runJob?: boolean;
  /** Scopes of one level imported at once (default 8). */
  concurrency?: number;
  /** How long to wait for a level to be applied (default 10 minutes). */
  timeoutMs?: number;
  /** Between two looks at an import being applied (default 100 ms). */
  pollMs?: number;
  removeMissing?: boolean;
}

export interface ScopeImported {
  scope: string;
  importId: string;
  status: 'applied';
  summary: Record<string, { added: number; changed: number; unchanged: number; left: number }>;
  progress?: { done: number; total: number; partsDone: number; parts: number };
}

/** An import that did not apply: the scope, the step, and the API's answer (a problem, or the dry run's report). */
export class ImportFailed extends Error {
  constructor(
    readonly scope: string,
    readonly step: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`import of ${scope} failed at ${step} (${status}): ${JSON.stringify(body).slice(0, 2000)}`);
    this.name = 'ImportFailed';
  }
}

/** What the import routes answer, as far as the client reads it. */
interface ImportAnswer {
  importId: string;
  status: string;
  summary: ScopeImported['summary'];
  progress?: ScopeImported['progress'];
  report?: unknown;
  failure?: { retryable: boolean };
  uploads?: { url: string; headers: Record<string, string> }[];
}

const TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xlsm': 'application/vnd.ms-excel.sheet.macroEnabled.12',
};

async function load(file: string | RosterUpload): Promise<Required<RosterUpload>> {
  if (typeof file !== 'string') return { contentType: TYPES[extname(file.name).toLowerCase()] ?? 'application/octet-stream', ...file };
  return {
    name: basename(file),
    bytes: new Uint8Array(await readFile(file)),
    contentType: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
  };
}

/** Imports every scope and returns once all are applied (or throws `ImportFailed` for the first that is not). */
export async function importRosters(scopes: readonly ScopeImport[], opts: ImportClientOptions): Promise<ScopeImported[]> {
  const levels = new Map<number, ScopeImport[]>();
  for (const s of scopes) {
    const depth = s.scope.split('/').length;
    levels.set(depth, [...(levels.get(depth) ?? []), s]);
  }
  const results: ScopeImported[] = [];
  for (const depth of [...levels.keys()].sort((a, b) => a - b)) {
    results.push(...(await importLevel(levels.get(depth)!, opts)));
  }
  return results;
}

async function importLevel(scopes: readonly ScopeImport[], opts: ImportClientOptions): Promise<ScopeImported[]> {
  const api = client(opts);
  // Create, upload, dry run and apply every scope of the level, a few at a time.
  const started: { scope: string; importId: string; body: ImportAnswer }[] = [];
  await forEachLimit(scopes, opts.concurrency ?? 8, async (s) => {
    const files = await Promise.all(s.files.map(load));
    const created = await api.call(s.scope, 'create', 'POST', '/registry/imports', {
      scope: s.scope,
      files: files.map((f) => ({ name: f.name, contentType: f.contentType })),
      ...(opts.removeMissing ? { removeMissing: true } : {}),
    });
    const importId = created.importId;
    await Promise.all(
      (created.uploads ?? []).map(async (u, i) => {
        const res = await fetch(u.url, { method: 'PUT', headers: u.headers, body: files[i]!.bytes });
        if (!res.ok) throw new ImportFailed(s.scope, `upload ${files[i]!.name}`, res.status, await res.text());
      }),
    );
    const dry = await api.call(s.scope, 'dry-run', 'POST', `/registry/imports/${importId}/dry-run`);
    if (dry.status !== 'dry-run-clean') throw new ImportFailed(s.scope, 'dry-run', 200, dry.report);
    const applied = await api.call(s.scope, 'apply', 'POST', `/registry/imports/${importId}/apply`);
    started.push({ scope: s.scope, importId, body: applied });
  });

  // Then wait for the job to apply them all (running it on the local stack).
  const deadline = Date.now() + (opts.timeoutMs ?? 600_000);
  const done = new Map<string, ScopeImported>();
  for (const s of started) if (s.body.status === 'applied') done.set(s.importId, result(s.scope, s.body));
  while (done.size < started.length) {
    if (Date.now() > deadline) throw new ImportFailed(started.find((s) => !done.has(s.importId))!.scope, 'wait', 0, 'timed out');
    if (opts.runJob) {
      const res = await fetch(`${opts.baseUrl}/_local/jobs/registry/apply-imports`, { method: 'POST' });
      await res.text();
    }
    await forEachLimit(
      started.filter((s) => !done.has(s.importId)),
      16,
      async (s) => {
        const now = await api.call(s.scope, 'status', 'GET', `/registry/imports/${s.importId}`);
        if (now.status === 'applied') done.set(s.importId, result(s.scope, now));
        else if (now.status === 'failed' && !now.failure?.retryable) throw new ImportFailed(s.scope, 'apply', 200, now.failure);
      },
    );
    if (done.size < started.length) await new Promise((r) => setTimeout(r, opts.pollMs ?? 100));
  }
  return started.map((s) => done.get(s.importId)!);
}

const result = (scope: string, body: ImportAnswer): ScopeImported => ({
  scope,
  importId: body.importId,
  status: 'applied',
  summary: body.summary,
  ...(body.progress ? { progress: body.progress } : {}),
});

function client(opts: ImportClientOptions) {
  return {
    async call(scope: string, step: string, method: string, path: string, body?: unknown): Promise<ImportAnswer> {
      const res = await fetch(`${opts.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await opts.token(scope)}`,
          'accept-language': 'en',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      const parsed = (text ? JSON.parse(text) : undefined) as ImportAnswer;
      if (res.status >= 300) throw new ImportFailed(scope, step, res.status, parsed);
      return parsed;
    },
  };
}
