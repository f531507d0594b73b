import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { TIMES_FILE, measuredTimes } from './lanes.ts';

const root = join(import.meta.dirname, '..', '..');

/**
 * At the end of a run, the ten slowest test files with their times, and every file's time kept in
 * `.cocreate/test-times.json` (merged with earlier runs) so the integration lanes can be balanced by time. Under
 * `pnpm test`'s lanes (`COCREATE_TEST_TIMES_OUT`), a lane writes its times there and the runner (test/setup/run.ts)
 * prints the slowest over all lanes.
 */
export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    const times = modules
      .map((m) => ({ file: relative(root, m.moduleId), ms: Math.round(m.diagnostic().duration), project: m.project.name }))
      .filter((t) => t.ms > 0)
      .sort((a, b) => b.ms - a.ms);
    if (times.length === 0) return;
    const out = process.env.COCREATE_TEST_TIMES_OUT;
    if (out) {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify(Object.fromEntries(times.map((t) => [t.file, t.ms]))));
      return;
    }
    console.log('\nslowest test files:');
    for (const t of times.slice(0, 10)) console.log(`  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.file}  [${t.project}]`);
    const known = measuredTimes();
    for (const t of times) known[t.file] = t.ms;
    mkdirSync(dirname(TIMES_FILE), { recursive: true });
    writeFileSync(TIMES_FILE, `${JSON.stringify(known, null, 2)}\n`);
  }
}
