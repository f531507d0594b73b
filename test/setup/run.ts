import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { TIMES_FILE, dealLanes, integrationFiles, measuredTimes, root } from './lanes.ts';

/**
 * The tests of `pnpm test` (after the type checks, lint and format): the unit tests and the integration files dealt
 * over `COCREATE_TEST_LANES` lanes (default 2) — one vitest process per lane, each with its own local stack, run side
 * by side; the unit tests run first in lane 1. `--integration` leaves the unit tests out. Ends with the ten slowest
 * files of the run and each file's time kept for the next run's dealing; exits non-zero if any lane failed.
 * Other arguments filter the files as vitest's do (`pnpm test:integration services/feeds`).
 */
const started = Date.now();
const withUnit = !process.argv.includes('--integration');
const count = Math.max(1, Math.min(8, Number(process.env.COCREATE_TEST_LANES ?? 2) || 1));
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = integrationFiles().filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));

const measured = measuredTimes();
// The unit files run before lane 1's integration files; their whole times (imports included) are what lane 1 spends.
const unitWork = Object.entries(measured)
  .filter(([f]) => !f.includes('.int.test.'))
  .reduce((sum, [, ms]) => sum + ms, 0);
const lanes = dealLanes(files, count, withUnit ? [unitWork] : []);

const work = join(root, '.cocreate', 'lanes');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
// The vitest the repository pins (its bin; the package's exports do not list it).
const vitest = join(dirname(createRequire(join(root, 'package.json')).resolve('vitest/package.json')), 'vitest.mjs');

const runLane = (lane: number, laneFiles: string[]) =>
  new Promise<number>((resolve) => {
    const filesList = join(work, `lane-${lane}.json`);
    writeFileSync(filesList, JSON.stringify(laneFiles));
    const projects = [...(lane === 1 && withUnit ? ['--project', 'unit'] : []), ...(laneFiles.length ? ['--project', 'integration'] : [])];
    if (projects.length === 0) return resolve(0);
    const child = spawn(process.execPath, [vitest, 'run', '--passWithNoTests', ...projects, ...filters], {
      cwd: root,
      env: {
        ...process.env,
        COCREATE_TEST_LANE: String(lane),
        COCREATE_TEST_FILES: filesList,
        COCREATE_TEST_TIMES_OUT: join(work, `times-${lane}.json`),
        FORCE_COLOR: process.stdout.isTTY ? '1' : '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Each line says its lane: two vitest processes write to one terminal.
    const prefix = count > 1 ? `[lane ${lane}] ` : '';
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const)
      createInterface({ input: from }).on('line', (line) => to.write(`${prefix}${line}\n`));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

console.log(
  `${files.length} integration files over ${count} lane${count > 1 ? 's' : ''}: ${lanes.map((l, i) => `lane ${i + 1} ${l.length}`).join(', ')}` +
    (withUnit ? ' (the unit tests run first in lane 1)' : ''),
);
const codes = await Promise.all(lanes.map((laneFiles, i) => runLane(i + 1, laneFiles)));

// This run's times: the slowest ten, and every file's time kept for the next run's dealing.
const times: { file: string; ms: number; lane: number }[] = [];
for (let i = 0; i < lanes.length; i++) {
  try {
    const ran = JSON.parse(readFileSync(join(work, `times-${i + 1}.json`), 'utf8')) as Record<string, number>;
    for (const [file, ms] of Object.entries(ran)) times.push({ file, ms, lane: i + 1 });
  } catch {
    // The lane ended before its reporter wrote (it crashed): its failure is in its exit code.
  }
}
times.sort((a, b) => b.ms - a.ms);
if (times.length) {
  writeFileSync(TIMES_FILE, `${JSON.stringify({ ...measured, ...Object.fromEntries(times.map((t) => [t.file, t.ms])) }, null, 2)}\n`);
  console.log('\nslowest test files:');
  for (const t of times.slice(0, 10)) console.log(`  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.file}  [lane ${t.lane}]`);
}
const failed = codes.filter((c) => c !== 0).length;
console.log(
  `\n${failed ? `${failed} of ${codes.length} lanes failed` : `all ${codes.length} lanes passed`} in ${((Date.now() - started) / 1000).toFixed(0)} s` +
    ` (${relative(root, TIMES_FILE)} updated)`,
);
process.exit(failed ? 1 : 0);
