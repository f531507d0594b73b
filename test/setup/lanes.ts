import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * How `pnpm test` splits the integration files over lanes. A lane is a vitest process of its own with a local stack of
 * its own (its DynamoDB Local, its clock, its tables), running its files one after another; lanes run side by side.
 * (Lanes as vitest projects of one process did not: vitest runs every project without file parallelism in one
 * sequential group, so two "lanes" took turns.)
 */
export const root = join(import.meta.dirname, '..', '..');
export const TIMES_FILE = join(root, '.cocreate', 'test-times.json');

/** Every integration test file, relative to the repository root. */
export function integrationFiles(): string[] {
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

/**
 * The times a fresh clone deals by (`test/setup/test-times.json`, from a whole `pnpm test` on two lanes): without them
 * a clean clone — CI — would deal by file size, and one lane would end long after the other.
 */
export const BASELINE_TIMES_FILE = join(root, 'test', 'setup', 'test-times.json');

const readTimes = (path: string): Record<string, number> => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
};

/** Each file's last measured time in ms on this machine (written at the end of every run), over the baseline's. */
export function measuredTimes(): Record<string, number> {
  return { ...readTimes(BASELINE_TIMES_FILE), ...readTimes(TIMES_FILE) };
}

/**
 * Files dealt to `count` lanes, longest first, each to the lane with the least work so far. `head` is work a lane
 * starts with (the unit tests run in the first lane's process before its integration files).
 */
export function dealLanes(files: readonly string[], count: number, head: number[] = []): string[][] {
  const measured = measuredTimes();
  // A file never measured weighs its size: about a millisecond of run time per byte of test code, roughly.
  const weight = (f: string) => measured[f] ?? statSync(join(root, f)).size;
  const lanes = Array.from({ length: count }, (_, i) => ({ files: [] as string[], load: head[i] ?? 0 }));
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lane = lanes.reduce((min, l) => (l.load < min.load ? l : min));
    lane.files.push(file);
    lane.load += weight(file);
  }
  return lanes.map((l) => l.files.sort());
}
