import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `pnpm bench`: runs every `*.bench.ts` under packages/<pkg>/bench and services/<svc>/bench, one process each, and
 * prints their figures. Speed and memory goals live here, not in timed tests.
 */
const root = process.cwd();
const files: string[] = [];
for (const top of ['packages', 'services']) {
  for (const pkg of readdirSync(join(root, top))) {
    const dir = join(root, top, pkg, 'bench');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)
      .filter((f) => f.endsWith('.bench.ts'))
      .sort())
      files.push(join(top, pkg, 'bench', f));
  }
}
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', file], {
    stdio: 'inherit',
    env: {
      ...process.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    },
  });
  if (r.status !== 0) failed++;
}
console.log(`\n${files.length} benchmark file(s), ${failed} failed`);
process.exit(failed ? 1 : 0);
