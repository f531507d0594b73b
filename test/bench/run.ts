import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { costRows } from './cost.ts';
import { type Row, functionRows } from './functions.ts';

/**
 * `pnpm bench`: the functions' rows (bundle size per function, cold init against a bare handler — see functions.ts),
 * the cost of the demo year per village-month (cost.ts), then every `*.bench.ts` under packages/<pkg>/bench and
 * services/<svc>/bench, one process each. Prints a table and
 * writes reports/bench.json. Speed and memory goals live here, not in timed tests, and no number fails the run:
 * it exits non-zero only when a benchmark itself crashes.
 */
const root = process.cwd();
const started = Date.now();
const runs = Number(process.env.BENCH_INIT_RUNS ?? 15);
console.log(
  `pnpm bench — ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at start`,
);

const rows: Row[] = await functionRows({
  services: ['projects', 'rewards', 'feeds', 'evaluation', 'deliberation', 'registry', 'compacts', 'programme'].filter((s) =>
    existsSync(join(root, 'services', s)),
  ),
  initServices: ['projects', 'rewards'],
  runs,
});

// The cost of the demo year per village-month (cost.ts); BENCH_ONLY_FUNCTIONS or BENCH_SKIP_COST leave it out.
let costFailed = 0;
if (!process.env.BENCH_ONLY_FUNCTIONS && !process.env.BENCH_SKIP_COST) {
  console.log('\ncost: the demo year on a fresh stack');
  try {
    rows.push(...(await costRows()));
  } catch (e) {
    costFailed = 1;
    console.error(`  the cost bench crashed: ${(e as Error).message}`);
  }
}

const table = [
  ['metric', 'subject', 'value', 'baseline', 'ratio', 'goal', 'baseline is', 'load avg'],
  ...rows.map((r) => [r.metric, r.subject, `${r.value} ${r.unit}`, `${r.baseline} ${r.unit}`, `${r.ratio}×`, r.goal, r.baselineOf, r.load]),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => [...row[i]!].length)));
const line = (row: string[]) => `| ${row.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ')} |`;
console.log(`\n${line(table[0]!)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${table.slice(1).map(line).join('\n')}`);

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
let failed = costFailed;
for (const file of process.env.BENCH_ONLY_FUNCTIONS ? [] : files) {
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
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(
  join(root, 'reports', 'bench.json'),
  `${JSON.stringify({ at: new Date().toISOString(), cores: cpus().length, loadavg: loadavg(), seconds: (Date.now() - started) / 1000, rows }, null, 2)}\n`,
);
console.log(
  `\n${files.length} benchmark file(s), ${failed} failed; rows written to reports/bench.json in ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(failed ? 1 : 0);
