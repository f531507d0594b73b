import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure functions, no processes) and `integration` (handlers and the whole cycle against the
 * real local stack — DynamoDB Local, s3rver, the local bus — started once by the global setup).
 */
// Powertools: no EMF metrics or X-Ray outside Lambda; services log only what matters.
const env = {
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  // This machine runs Node 20; Lambda runs 22. The SDK's reminder about that is noise here.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

export default defineConfig({
  test: {
    env,
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
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['packages/*/test/**/*.int.test.ts', 'services/*/test/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/setup/local-stack.ts'],
          setupFiles: ['test/setup/fresh-world.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One shared stack with one clock, reset before each file: files run one after another so a test that
          // moves time forward (notice periods, expiry) never surprises another mid-flight.
          fileParallelism: false,
        },
      },
    ],
  },
});
