import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Two kinds of project: `unit` (pure functions, no processes) and `integration` (handlers and the whole cycle against
 * the real local stack — DynamoDB Local, s3rver, the local bus — started by the project's global setup).
 *
 * An integration project runs its files one after another on its own stack, with its own clock, reset before each
 * file: a test that moves time forward never surprises another mid-flight. `COCREATE_TEST_LANES=N` (what `pnpm test`
 * sets) splits the integration files over N such projects, `integration-1`…`integration-N`, each with its own stack,
 * which run side by side. Files are dealt to lanes by their last measured time (`.cocreate/test-times.json`, written
 * by the slowest-files reporter), else by size.
 */
// Powertools: no EMF metrics or X-Ray outside Lambda; services log only what matters.
const env = {
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  // This machine runs Node 20; Lambda runs 22. The SDK's reminder about that is noise here.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

const root = import.meta.dirname;
const INTEGRATION = ['packages/*/test/**/*.int.test.ts', 'services/*/test/**/*.int.test.ts', 'test/**/*.int.test.ts'];
const LANES = Math.max(1, Math.min(8, Number(process.env.COCREATE_TEST_LANES ?? 1) || 1));

function integrationFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      if (e.name === 'node_modules' || e.name.startsWith('.')) return [];
      const path = join(dir, e.name);
      return e.isDirectory() ? walk(path) : e.name.endsWith('.int.test.ts') ? [relative(root, path)] : [];
    });
  return ['packages', 'services', 'test']
    .flatMap((top) => walk(join(root, top)))
    .filter((f) => f.startsWith('test/') || /^(packages|services)\/[^/]+\/test\//.test(f))
    .sort();
}

/** Files dealt to lanes, longest first, each to the lane with the least work so far. */
function lanes(count: number): string[][] {
  let measured: Record<string, number> = {};
  try {
    measured = JSON.parse(readFileSync(join(root, '.cocreate', 'test-times.json'), 'utf8')) as Record<string, number>;
  } catch {
    // First run on this machine: sizes stand in for times.
  }
  const weight = (f: string) => measured[f] ?? statSync(join(root, f)).size;
  const out = Array.from({ length: count }, () => ({ files: [] as string[], load: 0 }));
  for (const file of integrationFiles().sort((a, b) => weight(b) - weight(a))) {
    const lane = out.reduce((min, l) => (l.load < min.load ? l : min));
    lane.files.push(file);
    lane.load += weight(file);
  }
  return out.map((l) => l.files);
}

const integration = (name: string, include: string[]) => ({
  extends: true as const,
  test: {
    name,
    include,
    exclude: ['**/node_modules/**'],
    globalSetup: ['test/setup/local-stack.ts'],
    setupFiles: ['test/setup/fresh-world.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

export default defineConfig({
  test: {
    env,
    reporters: ['default', './test/setup/slowest-files.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/*/test/**/*.test.ts',
            'services/*/test/**/*.test.ts',
            'infra/test/**/*.test.ts',
            'test/architecture/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          // CDK synthesis in a beforeAll can take a while on a busy machine.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(LANES === 1
        ? [integration('integration', INTEGRATION)]
        : lanes(LANES).map((files, i) => integration(`integration-${i + 1}`, files))),
    ],
  },
});
