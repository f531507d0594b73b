import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { serviceSource } from '../../infra/lib/deployment.ts';
import { type HandlerExport, lambdaBuildOptions } from '../../infra/lib/service/service-function.ts';
import { buildWorkbookChunk, loadsWorkbooks } from '../../infra/lib/service/workbook-chunk.mjs';
import type { BenchRow } from '@cocreate/local/bench';

/**
 * The functions' rows of `pnpm bench`: each function's minified bundle, built with the options CDK uses, and its cold
 * init in fresh Node processes, each beside its baseline measured in the same run — the service's single `lambda.ts`
 * bundle (what every function carried before) and a bare handler that constructs the same SDK clients and nothing
 * else. Figures are printed and written, never judged: a slow machine is a slow machine.
 */
/** A row of the table: the shape every bench file hands back. */
export type Row = BenchRow;

const root = process.cwd();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const out = mkdtempSync(join(tmpdir(), 'cocreate-bench-'));
// The bundles import the AWS SDK from the runtime (lambdaBundling.external): here the lock file's copy stands in for
// the one the Lambda runtime provides, for the bundles and the bare handlers alike.
mkdirSync(join(out, 'node_modules'));
symlinkSync(join(root, 'node_modules', '.pnpm', 'node_modules', '@aws-sdk'), join(out, 'node_modules', '@aws-sdk'));

async function bundle(
  entry: string,
): Promise<{ file: string; bytes: number; top: [string, number][]; workbooks: boolean; imports: string[] }> {
  const r = await build({ ...lambdaBuildOptions(entry), write: false, metafile: true });
  const js = r.outputFiles.find((f) => f.path.endsWith('.mjs'))!;
  const workbooks = loadsWorkbooks(js.text);
  const file = join(out, `${relative(root, entry).replace(/[/.]/g, '_')}.mjs`);
  writeFileSync(file, js.contents);
  const groups = new Map<string, number>();
  for (const o of Object.values(r.metafile.outputs)) {
    for (const [input, v] of Object.entries(o.inputs)) {
      const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input);
      const g = m ? m[1]! : input.split('/').slice(0, 2).join('/');
      groups.set(g, (groups.get(g) ?? 0) + v.bytesInOutput);
    }
  }
  // What the bundle imports from the runtime when it is loaded (not the dynamic imports it makes on first use).
  const imports = Object.values(r.metafile.outputs).flatMap((o) =>
    o.imports.filter((i) => i.external && i.kind === 'import-statement').map((i) => i.path),
  );
  return { file, bytes: js.contents.length, top: [...groups].sort((a, b) => b[1] - a[1]).slice(0, 6), workbooks, imports };
}

/** A handler that does nothing but construct the clients a function builds at init. */
function bareEntry(clients: string[]): string {
  const imports: Record<string, string> = {
    DynamoDBClient: '@aws-sdk/client-dynamodb',
    EventBridgeClient: '@aws-sdk/client-eventbridge',
    S3Client: '@aws-sdk/client-s3',
  };
  const dir = join(root, 'packages', 'kernel', '.bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bare-${clients.join('-')}.ts`);
  writeFileSync(
    file,
    `${clients.map((c) => `import { ${c} } from '${imports[c]}';`).join('\n')}\n` +
      `const clients = [${clients.map((c) => `new ${c}({})`).join(', ')}];\n` +
      `export const handler = async () => ({ statusCode: 200, body: String(clients.length) });\n`,
  );
  return file;
}

const env = {
  ...process.env,
  AWS_REGION: 'cn-north-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  COCREATE_EVENT_BUS: 'bench',
  COCREATE_TABLE: 'bench',
  COCREATE_JWT_ISSUER: 'https://bench.invalid',
  COCREATE_FIELD_KMS_KEY: 'arn:aws-cn:kms:cn-north-1:000000000000:key/bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Milliseconds from a fresh process's first line to the bundle imported (its handlers built); NaN if it failed. */
function initOnce(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
  const ms = Number(r.stdout.trim().split('\n').at(-1));
  return r.status === 0 && Number.isFinite(ms) ? ms : Number.NaN;
}

/**
 * Medians of fresh-process inits of several bundles, measured in turns (a, b, c, a, b, c, …) so that each sees the
 * same load as its baseline: on a shared machine a figure and its baseline measured minutes apart are not comparable.
 */
function coldInits(files: string[], runs: number): number[] {
  const times = files.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) files.forEach((f, j) => times[j]!.push(initOnce(f)));
  return times.map((t) => {
    const ok = t.filter(Number.isFinite).sort((a, b) => a - b);
    return ok.length ? ok[Math.floor(ok.length / 2)]! : Number.NaN;
  });
}

export async function functionRows(opts: { services: string[]; initServices: string[]; runs: number }): Promise<Row[]> {
  const rows: Row[] = [];
  const bare = {
    plain: await bundle(bareEntry(['DynamoDBClient', 'EventBridgeClient'])),
    s3: await bundle(bareEntry(['DynamoDBClient', 'EventBridgeClient', 'S3Client'])),
  };
  for (const service of opts.services) {
    const source = serviceSource(service);
    const shared = await bundle(source.entry);
    const entries = Object.entries(source.entries ?? {}) as [HandlerExport, string][];
    const measureInit = opts.initServices.includes(service);
    for (const [kind, entry] of entries) {
      const b = await bundle(entry);
      const kb = b.bytes / 1024;
      rows.push({
        metric: 'bundle KB (minified)',
        subject: `${service} ${kind}`,
        value: round(kb),
        unit: 'KB',
        baseline: round(shared.bytes / 1024),
        baselineOf: `${service}/lambda.ts (one bundle for all)`,
        ratio: round(b.bytes / shared.bytes, 2),
        goal: '≤ 600 KB',
        load: load(),
      });
      if (!measureInit) continue;
      // The SDK is external, so whether a function builds an S3 client at init shows in its imports, not its parts.
      const usesS3 = b.imports.includes('@aws-sdk/client-s3');
      const base = usesS3 ? bare.s3 : bare.plain;
      const [init, bareInit, sharedInit] = coldInits([b.file, base.file, shared.file], opts.runs) as [number, number, number];
      rows.push({
        metric: `cold init ms (median of ${opts.runs})`,
        subject: `${service} ${kind}`,
        value: round(init),
        unit: 'ms',
        baseline: round(bareInit),
        baselineOf: `bare handler: ${usesS3 ? 'DynamoDB + EventBridge + S3' : 'DynamoDB + EventBridge'} clients`,
        ratio: round(init / bareInit, 2),
        goal: '≤ 1.3× bare',
        load: load(),
      });
      rows.push({
        metric: `cold init ms (median of ${opts.runs})`,
        subject: `${service} ${kind}: before (lambda.ts)`,
        value: round(sharedInit),
        unit: 'ms',
        baseline: round(bareInit),
        baselineOf: 'the same bare handler',
        ratio: round(sharedInit / bareInit, 2),
        goal: '—',
        load: load(),
      });
    }
    if (entries.length > 0) {
      const http = await bundle(source.entries!.http!);
      console.log(`  ${service} http, largest parts: ${http.top.map(([g, n]) => `${g} ${Math.round(n / 1024)} KB`).join(', ')}`);
      if (http.workbooks) {
        const chunk = await buildWorkbookChunk(out, source.entries!.http!, false);
        const bytes = chunk.outputFiles?.[0]?.contents.length ?? 0;
        console.log(
          `  ${service}: workbook.cjs (exceljs, jszip), loaded on the first workbook read or written: ${Math.round(bytes / 1024)} KB`,
        );
      }
    }
  }
  return rows;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
