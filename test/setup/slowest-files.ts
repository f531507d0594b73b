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
/**
 * A file's whole time in its worker: setting up, importing the file and what it imports, then its tests and hooks.
 * Tests and hooks alone left out the imports, which in the unit tests (CDK, esbuild) are most of their time: lane 1,
 * which runs them first, ended 240 s after lane 2 (CI of 1bf12ca: imports 220 s against 75 s).
 */
const wholeTime = (m: TestModule): number => {
  const d = m.diagnostic();
  return d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
};

export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    const times = modules
      .map((m) => ({ file: relative(root, m.moduleId), ms: Math.round(wholeTime(m)), project: m.project.name }))
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
