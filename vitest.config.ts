import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Two kinds of project: `unit` (pure functions, no processes) and `integration` (handlers and the whole cycle against
 * the real local stack — DynamoDB Local, s3rver, the local bus — started by the project's global setup).
 *
 * An integration run has one stack, with one clock, reset before each file: its files run one after another, and a
 * test that moves time forward never surprises another mid-flight. `pnpm test` runs several such processes side by
 * side (test/setup/run.ts), each given its lane's files in `COCREATE_TEST_FILES` (a JSON list).
 */
// Powertools: no EMF metrics or X-Ray outside Lambda; services log only what matters.
const env = {
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  // This machine runs Node 20; Lambda runs 22. The SDK's reminder about that is noise here.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

const INTEGRATION = process.env.COCREATE_TEST_FILES
  ? (JSON.parse(readFileSync(process.env.COCREATE_TEST_FILES, 'utf8')) as string[])
  : ['packages/*/test/**/*.int.test.ts', 'services/*/test/**/*.int.test.ts', 'test/**/*.int.test.ts'];

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
          // Pure functions and synthesis hold no state between files, so the files of a worker share one module
          // graph: each file used to import zod, the contracts, CDK and the services again (63 s of the unit
          // tests' 137 s on this machine; with the graph shared, the whole unit run takes 63 s).
          isolate: false,
          // CDK synthesis in a beforeAll can take a while on a busy machine.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      integration('integration', INTEGRATION),
    ],
  },
});
