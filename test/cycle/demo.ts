import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startLocalStack } from '@cocreate/local';
import { manifests, seedDemoProvince } from '@cocreate/suite';
import { runCycle } from './cycle.ts';

/**
 * `pnpm demo`: a full co-creation year for 幸福社区 against the local stack, through the HTTP API only, narrated.
 * Starts its own embedded stack unless `--url` points at a running one (`pnpm dev`). Writes a JSON report and exits
 * non-zero if any step or check failed.
 */
const { values } = parseArgs({ options: { url: { type: 'string' }, report: { type: 'string', default: 'reports/cycle-report.json' } } });

const stack = values.url
  ? undefined
  : await startLocalStack({ services: manifests, seedRegister: seedDemoProvince, port: 0, retryBaseDelayMs: 100 });
const url = values.url ?? stack!.url;
console.log(`共同缔造 — one year in 幸福社区 (Xingfu Community, Hong'an), against ${url}`);
let ok = false;
try {
  const report = await runCycle(url);
  mkdirSync(values.report!.replace(/\/[^/]*$/, '') || '.', { recursive: true });
  writeFileSync(values.report!, `${JSON.stringify(report, null, 2)}\n`);
  ok = report.ok;
  console.log(`\n${ok ? '✓ the whole cycle ran' : `✗ the cycle failed: ${report.error}`}`);
  console.log(
    `  events seen on the bus: ${Object.values(report.eventsOnBus).reduce((a, b) => a + b, 0)} of ${Object.keys(report.eventsOnBus).length} types`,
  );
  console.log(`  agency receiver: ${JSON.stringify({ ...report.agencyReceiver, byType: undefined })}`);
  console.log(`  report: ${values.report}`);
} finally {
  await stack?.stop();
}
process.exit(ok ? 0 : 1);
