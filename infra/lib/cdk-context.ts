import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root: esbuild's project root and where `cdk.json` and `pnpm-lock.yaml` live. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The `context` block of `cdk.json` (feature flags and the default `deployment`). The CDK CLI passes it to the app
 * itself; when the app runs directly (`pnpm synth`, tests) it is read from the file so both see the same flags.
 */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}
