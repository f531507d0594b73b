import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Metafile, build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { registry } from '@cocreate/contracts';
import { demoSeed } from '@cocreate/places/seed';
import { manifests } from '@cocreate/suite';
import { repoRoot } from '../lib/cdk-context.ts';
import { serviceSource } from '../lib/deployment.ts';
import { type HandlerExport, handlerKinds, lambdaBuildOptions } from '../lib/service/service-function.ts';
import { buildWorkbookChunk, loadsWorkbooks } from '../lib/service/workbook-chunk.mjs';

/**
 * What a deployed function carries, built with the options CDK uses. The register is data a province imports, so no
 * bundle may carry the demo province's people: not their names, not their phone numbers (PIPL; and a real province
 * must not run on them). And a function carries only what it runs: the entry of one kind of function never bundles
 * the machinery of another kind (read from esbuild's metafile, so the check names modules, not sizes).
 */
interface Bundle {
  service: string;
  kind: HandlerExport | 'all';
  code: string;
  /** The modules that put code in the output, relative to the repository. */
  modules: string[];
  /** The packages it imports from the runtime (not bundled). */
  external: string[];
}

/** The most a function's bundle may weigh, minified (issue 17): what a cold start loads and compiles. */
const MAX_BUNDLE_BYTES = 600 * 1024;
const bundles: Bundle[] = [];

const modulesOf = (meta: Metafile) =>
  Object.values(meta.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([file]) => file),
  );

beforeAll(async () => {
  for (const m of manifests) {
    const source = serviceSource(m.name);
    const entries = Object.entries(source.entries ?? {}) as [HandlerExport, string][];
    const targets: [HandlerExport | 'all', string][] = entries.length > 0 ? entries : [['all', source.entry]];
    for (const [kind, entry] of targets) {
      const out = await build({ ...lambdaBuildOptions(entry), write: false, metafile: true });
      bundles.push({
        service: m.name,
        kind,
        code: out.outputFiles
          .filter((f) => f.path.endsWith('.mjs'))
          .map((f) => f.text)
          .join('\n'),
        modules: modulesOf(out.metafile),
        external: Object.values(out.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)),
      });
    }
  }
}, 240_000);

/** esbuild writes non-ASCII text as \uXXXX escapes: read the bundle as the strings it holds. */
const unescaped = (code: string) => code.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The kernel module that runs each kind of function. */
const machinery: Record<HandlerExport, string> = {
  http: 'packages/kernel/src/http.ts',
  events: 'packages/kernel/src/consumer.ts',
  relay: 'packages/kernel/src/relay.ts',
  jobs: 'packages/kernel/src/jobs.ts',
};

describe('deployed bundles', () => {
  it('carry no demo person and no demo place: the register is imported data, not code', () => {
    // The event catalog's examples are published documentation and may name a demo village; nothing else may.
    const examples = JSON.stringify(registry.all().map((c) => c.example));
    const people = demoSeed.people.flatMap((p) => [p.name, p.phone, [...p.name].slice(1).join('')]).filter((s) => [...s].length >= 2);
    const places = demoSeed.places
      .flatMap((p) => [p.name.zh, p.name.en])
      .filter((s) => !examples.includes(s) && !/^\d|^(Group|Compound|Household) /.test(s));
    const forbidden = [...new Set([...people, ...places])];
    expect(forbidden.length).toBeGreaterThan(50);
    for (const { service, kind, code } of bundles) {
      expect(code.length, service).toBeGreaterThan(10_000);
      const text = unescaped(code);
      expect(
        forbidden.filter((s) => text.includes(s)),
        `${service} ${kind} bundle`,
      ).toEqual([]);
    }
  });

  it('are one per kind of function for every service', () => {
    expect(bundles.filter((b) => b.kind === 'all').map((b) => b.service)).toEqual([]);
    for (const m of manifests) {
      const kinds = bundles.filter((b) => b.service === m.name).map((b) => b.kind);
      expect(kinds.sort(), `${m.name}: services/${m.name}/lambda/<kind>.ts`).toEqual([...handlerKinds].sort());
    }
  });

  it("never pull in another kind of function's machinery", () => {
    for (const b of bundles.filter((x): x is Bundle & { kind: HandlerExport } => x.kind !== 'all')) {
      expect(b.modules, `${b.service} ${b.kind}`).toContain(machinery[b.kind]);
      const others = handlerKinds.filter((k) => k !== b.kind).map((k) => machinery[k]);
      expect(
        b.modules.filter((f) => others.includes(f)),
        `${b.service} ${b.kind} bundles another function's entry`,
      ).toEqual([]);
    }
  });

  it("keep the relay free of the service's code and schemas", () => {
    for (const b of bundles.filter((x) => x.kind === 'relay')) {
      const foreign = b.modules.filter(
        (f) => /^services\/|^packages\/contracts\/|\/zod\//.test(f) && !f.endsWith(`${b.service}/lambda/relay.ts`),
      );
      expect(foreign, `${b.service} relay`).toEqual([]);
    }
  });

  it("carry no X-Ray SDK without tracing, only two of zod's locales, and an S3 client only where the service keeps evidence", () => {
    for (const b of bundles.filter((x) => x.kind !== 'all')) {
      const label = `${b.service} ${b.kind}`;
      expect(
        b.modules.filter((f) => f.includes('aws-xray-sdk-core') || f.includes('powertools/tracer')),
        label,
      ).toEqual([]);
      const locales = b.modules.filter((f) => /zod\/v4\/locales\/(?!index)/.test(f)).map((f) => path.basename(f));
      expect(
        locales.filter((f) => f !== 'en.js' && f !== 'zh-CN.js'),
        label,
      ).toEqual([]);
      const evidence = manifests.find((m) => m.name === b.service)?.evidence && b.kind !== 'relay';
      if (!evidence)
        expect(
          [...b.modules, ...b.external].filter((f) => f.includes('@aws-sdk/client-s3')),
          label,
        ).toEqual([]);
    }
  });

  it(`weigh at most ${MAX_BUNDLE_BYTES / 1024} KB each, minified, with the AWS SDK left to the runtime`, () => {
    expect(bundles.length).toBeGreaterThan(20);
    const over = bundles
      .filter((b) => Buffer.byteLength(b.code) > MAX_BUNDLE_BYTES)
      .map((b) => `${b.service} ${b.kind}: ${Math.round(Buffer.byteLength(b.code) / 1024)} KB`);
    expect(over, 'see the largest parts with `BENCH_ONLY_FUNCTIONS=1 pnpm bench`').toEqual([]);
    for (const b of bundles) {
      expect(
        b.modules.filter((f) => /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?@(aws-sdk|smithy)\/|\/(exceljs|jszip)\//.test(f)),
        `${b.service} ${b.kind} bundles what the runtime or the workbook chunk provides`,
      ).toEqual([]);
      expect(
        b.external.filter((p) => !p.startsWith('@aws-sdk/') && !p.startsWith('node:')),
        `${b.service} ${b.kind}`,
      ).toEqual([]);
    }
  });

  it('load the workbook libraries from their own file, and only when a workbook is used', async () => {
    const readers = bundles.filter((b) => loadsWorkbooks(b.code)).map((b) => b.service);
    expect(new Set(readers)).toEqual(new Set(['registry', 'programme']));
    const dir = mkdtempSync(path.join(tmpdir(), 'cocreate-workbook-'));
    try {
      // A function that writes a workbook and reads it back, bundled as the registry's are, beside its chunk.
      const entry = path.join(dir, 'entry.ts');
      writeFileSync(
        entry,
        "import ExcelJS from 'exceljs';\nimport JSZip from 'jszip';\n" +
          'export async function roundTrip() {\n' +
          "  const wb = new ExcelJS.Workbook(); wb.addWorksheet('户 Households').addRow(['户号', 'H-1']);\n" +
          '  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());\n' +
          '  const zip = await JSZip.loadAsync(bytes); const again = new JSZip();\n' +
          "  again.file('a.txt', 'x'); await again.generateAsync({ type: 'uint8array' });\n" +
          '  const read = new ExcelJS.Workbook(); await read.xlsx.load(bytes);\n' +
          '  return { parts: Object.keys(zip.files).length, cell: read.worksheets[0].getRow(1).getCell(2).value };\n}\n',
      );
      const out = await build({ ...lambdaBuildOptions(entry), outfile: path.join(dir, 'index.mjs'), write: true });
      expect(out.errors).toEqual([]);
      const service = path.join(repoRoot, 'services', 'registry', 'lambda', 'http.ts');
      await buildWorkbookChunk(dir, service);
      const fn = (await import(pathToFileURL(path.join(dir, 'index.mjs')).href)) as {
        roundTrip: () => Promise<{ parts: number; cell: unknown }>;
      };
      const result = await fn.roundTrip();
      expect(result.cell).toBe('H-1');
      expect(result.parts).toBeGreaterThan(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it(`weigh at most ${MAX_BUNDLE_BYTES / 1024} KB each with the X-Ray SDK too, as a deployment that traces builds them`, async () => {
    const over: string[] = [];
    for (const m of manifests) {
      const source = serviceSource(m.name);
      for (const entry of Object.values(source.entries ?? { all: source.entry })) {
        const out = await build({ ...lambdaBuildOptions(entry, true), write: false });
        const bytes = out.outputFiles.filter((f) => f.path.endsWith('.mjs')).reduce((n, f) => n + f.contents.length, 0);
        if (bytes > MAX_BUNDLE_BYTES) over.push(`${m.name} ${path.basename(entry)} (traced): ${Math.round(bytes / 1024)} KB`);
      }
    }
    // `import { z }` keeps all of zod (~85 KB more); `import * as z` lets esbuild leave out what no schema uses.
    expect(over, 'see the largest parts with `BENCH_ONLY_FUNCTIONS=1 pnpm bench`').toEqual([]);
  }, 240_000);

  it('bundle the X-Ray SDK when the deployment traces', async () => {
    const out = await build({
      ...lambdaBuildOptions(path.join(repoRoot, 'services', 'rewards', 'lambda', 'http.ts'), true),
      write: false,
      metafile: true,
    });
    expect(modulesOf(out.metafile).some((f) => f.includes('aws-xray-sdk-core'))).toBe(true);
  }, 60_000);
});
