import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

const root = join(import.meta.dirname, '..', '..');

/**
 * At the end of a run, the ten slowest test files with their times, and every file's time kept in
 * `.cocreate/test-times.json` (merged with earlier runs) so the integration lanes can be balanced by time.
 */
export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    const times = modules
      .map((m) => ({ file: relative(root, m.moduleId), ms: m.diagnostic().duration, project: m.project.name }))
      .filter((t) => t.ms > 0)
      .sort((a, b) => b.ms - a.ms);
    if (times.length === 0) return;
    console.log('\nslowest test files:');
    for (const t of times.slice(0, 10)) console.log(`  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.file}  [${t.project}]`);
    const path = join(root, '.cocreate', 'test-times.json');
    let known: Record<string, number> = {};
    try {
      known = JSON.parse(readFileSync(path, 'utf8')) as Record<string, number>;
    } catch {
      // none yet
    }
    for (const t of times) known[t.file] = Math.round(t.ms);
    mkdirSync(join(root, '.cocreate'), { recursive: true });
    writeFileSync(path, `${JSON.stringify(known, null, 2)}\n`);
  }
}
