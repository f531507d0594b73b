import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { registry } from '@cocreate/contracts';
import { demoSeed } from '@cocreate/places/seed';
import { manifests } from '@cocreate/suite';
import { repoRoot } from '../lib/cdk-context.ts';
import { lambdaBundling } from '../lib/service/service-function.ts';

/**
 * What a deployed function carries. The register is data a province imports, so no bundle may carry the demo
 * province's people: not their names, not their phone numbers (PIPL; and a real province must not run on them).
 */
const bundles = new Map<string, string>();

beforeAll(async () => {
  for (const m of manifests) {
    const out = await build({
      entryPoints: [path.join(repoRoot, 'services', m.name, 'lambda.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      target: lambdaBundling.target,
      minify: lambdaBundling.minify,
      mainFields: lambdaBundling.mainFields,
      banner: { js: lambdaBundling.banner },
      logLevel: 'silent',
    });
    bundles.set(m.name, out.outputFiles.map((f) => f.text).join('\n'));
  }
}, 120_000);

/** esbuild writes non-ASCII text as \uXXXX escapes: read the bundle as the strings it holds. */
const unescaped = (code: string) => code.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

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
    for (const [service, code] of bundles) {
      expect(code.length, service).toBeGreaterThan(10_000);
      const text = unescaped(code);
      expect(
        forbidden.filter((s) => text.includes(s)),
        `${service} bundle`,
      ).toEqual([]);
    }
  });
});
