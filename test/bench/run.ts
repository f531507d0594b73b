import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { costRows } from './cost.ts';
import { type Row, functionRows } from './functions.ts';

/**
 * `pnpm bench`: the functions' rows (bundle size per function, cold init against a bare handler — see functions.ts),
 * the cost of the demo year per village-month (cost.ts), then every `*.bench.ts` under packages/<pkg>/bench and
 * services/<svc>/bench, one process each. A bench file hands its rows back by writing them as JSON to the file named
 * by BENCH_ROWS_FILE (the Row shape of functions.ts), so the table printed at the end holds every row. Each section's
 * wall time is printed as it ends and kept in reports/bench.json (`sections`), with the whole run's. Speed and memory
 * goals live here, not in timed tests, and no number fails the run: it exits non-zero only when a benchmark itself
 * crashes.
 *
 * BENCH_ONLY_FUNCTIONS runs the functions' rows alone; BENCH_SKIP_FUNCTIONS and BENCH_SKIP_COST leave those out;
 * BENCH_FILES=deliberation,rewards runs only the bench files whose path contains one of the words.
 */
const root = process.cwd();
const started = Date.now();
const runs = Number(process.env.BENCH_INIT_RUNS ?? 15);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`pnpm bench — ${cpus().length} cores, load average ${load()} at start`);

interface Section {
  name: string;
  seconds: number;
  rows: number;
  ok: boolean;
  loadAtStart: string;
  loadAtEnd: string;
}
const sections: Section[] = [];
const rows: Row[] = [];

/** Runs one section, timing it; its rows join the table, a crash is counted and the run goes on. */
async function section(name: string, work: () => Promise<Row[]>): Promise<void> {
  const t0 = Date.now();
  const loadAtStart = load();
  let ok = true;
  let got: Row[] = [];
  try {
    got = await work();
  } catch (e) {
    ok = false;
    console.error(`  ${name} crashed: ${(e as Error).message}`);
  }
  rows.push(...got);
  const seconds = Math.round((Date.now() - t0) / 100) / 10;
  sections.push({ name, seconds, rows: got.length, ok, loadAtStart, loadAtEnd: load() });
  console.log(`── ${name}: ${seconds} s, ${got.length} row(s)${ok ? '' : ', FAILED'} (load ${load()})`);
}

if (!process.env.BENCH_SKIP_FUNCTIONS) {
  await section('functions: bundles and cold init', () =>
    functionRows({
      services: ['projects', 'rewards', 'feeds', 'evaluation', 'deliberation', 'registry', 'compacts', 'programme'].filter((s) =>
        existsSync(join(root, 'services', s)),
      ),
      initServices: ['projects', 'rewards'],
      runs,
    }),
  );
}

// The cost of the demo year per village-month (cost.ts); BENCH_ONLY_FUNCTIONS or BENCH_SKIP_COST leave it out.
if (!process.env.BENCH_ONLY_FUNCTIONS && !process.env.BENCH_SKIP_COST) {
  console.log('\ncost: the demo year on a fresh stack');
  await section('cost: the demo year', costRows);
}

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
const only = process.env.BENCH_FILES?.split(',').filter(Boolean);
const chosen = process.env.BENCH_ONLY_FUNCTIONS ? [] : files.filter((f) => !only || only.some((o) => f.includes(o)));
const handback = mkdtempSync(join(tmpdir(), 'cocreate-bench-rows-'));
for (const [i, file] of chosen.entries()) {
  console.log(`\n== ${file}`);
  await section(file, async () => {
    const rowsFile = join(handback, `${i}.json`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', file], {
      stdio: 'inherit',
      env: {
        ...process.env,
        BENCH_ROWS_FILE: rowsFile,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        POWERTOOLS_METRICS_DISABLED: 'true',
        POWERTOOLS_TRACE_ENABLED: 'false',
        POWERTOOLS_LOG_LEVEL: 'ERROR',
      },
    });
    const got = existsSync(rowsFile) ? (JSON.parse(readFileSync(rowsFile, 'utf8')) as Row[]) : [];
    if (r.status !== 0) {
      rows.push(...got);
      throw new Error(`exited with ${r.status ?? r.signal}`);
    }
    return got;
  });
}

const table = [
  ['metric', 'subject', 'value', 'baseline', 'ratio', 'goal', 'baseline is', 'load avg'],
  ...rows.map((r) => [
    r.metric,
    r.subject,
    `${r.value} ${r.unit}`,
    r.baselineOf === '—' ? '—' : `${r.baseline} ${r.unit}`,
    r.baselineOf === '—' ? '—' : `${r.ratio}×`,
    r.goal,
    r.baselineOf,
    r.load,
  ]),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => [...row[i]!].length)));
const line = (row: string[]) => `| ${row.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ')} |`;
console.log(`\n${line(table[0]!)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${table.slice(1).map(line).join('\n')}`);

const seconds = Math.round((Date.now() - started) / 100) / 10;
console.log(
  `\nsections (wall time):\n${sections.map((s) => `  ${String(s.seconds).padStart(7)} s  ${s.name}${s.ok ? '' : ' (FAILED)'}`).join('\n')}`,
);
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(
  join(root, 'reports', 'bench.json'),
  `${JSON.stringify({ at: new Date().toISOString(), cores: cpus().length, loadavg: loadavg(), seconds, sections, rows }, null, 2)}\n`,
);
const failed = sections.filter((s) => !s.ok).length;
console.log(
  `\n${sections.length} section(s), ${failed} failed; ${rows.length} rows written to reports/bench.json in ${Math.round(seconds)} s`,
);
process.exit(failed ? 1 : 0);
