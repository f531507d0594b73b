/**
 * Benchmark (issue 17 item 2): the points leaderboard read at 10, 1,000 and 10,000 residents' standings in one
 * village and period, on the embedded local stack with only the rewards service. The standings are written straight
 * into the table in the layout the ledger keeps them (`boards.save`), then `GET /rewards/leaderboard` (top 10, so each size answers as many rows) is
 * timed: the median of 30 reads per size, against the 10-standing village as the baseline measured in the same run.
 * Goal: within 1.2× from 10 to 10,000. No number fails the run.
 *
 *   npx tsx services/rewards/bench/leaderboard.bench.ts
 */
import { newId } from '@cocreate/kernel';
import { startLocalStack } from '@cocreate/local';
import { LocalApi, q } from '@cocreate/local/testing';
import { demo } from '@cocreate/places/seed';
import { keys } from '../repos/keys.ts';
import { rankKey } from '../domain/leaderboard.ts';
import { manifest } from '../manifest.ts';
import { batchWrite, handBack, loadNow } from '@cocreate/local/bench';

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
const PERIOD = '2026-05';
const SIZES: [number, string][] = [
  [10, demo.majiaqiao],
  [1_000, demo.changsheng],
  [10_000, demo.fengshu],
];
const READS = 30;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const stack = await startLocalStack({ port: 0, services: [manifest], logLevel: 'ERROR' });
  const runtime = stack.runtimes.get('rewards')!;
  const api = new LocalApi(stack.url);
  try {
    for (const [size, village] of SIZES) {
      const items = Array.from({ length: size }, (_, i) => {
        const earned = (i * 7919) % 500;
        const deducted = i % 13 === 0 ? 5 : 0;
        const ref = newId();
        return {
          ...keys.board(village, PERIOD, 'person', `p-bench-${i}`),
          gsi3pk: keys.ranking(village, PERIOD, 'person'),
          gsi3sk: rankKey(earned - deducted, ref),
          village,
          period: PERIOD,
          by: 'person',
          subject: `p-bench-${i}`,
          ref,
          earned,
          deducted,
          version: 1,
        };
      });
      await batchWrite(runtime.doc, runtime.table.name, items);
    }
    // The sizes are read in turns (10, 1k, 10k, 10, …) so a change of machine load falls on all of them alike.
    const reads = SIZES.map(([size, village]) => ({
      size,
      as: api.official('bench-cadre', 'cadre', village),
      url: `/rewards/leaderboard${q({ village, period: PERIOD, limit: 10 })}`,
      times: [] as number[],
      rows: 0,
    }));
    for (const r of reads) {
      const first = await api.get(r.url, { as: r.as }); // warm: token, register cache
      if (first.status !== 200) throw new Error(`leaderboard ${r.size}: ${first.status} ${JSON.stringify(first.body)}`);
      r.rows = first.body.rows.length;
    }
    for (let i = 0; i < READS; i++) {
      for (const r of reads) {
        const t = performance.now();
        await api.get(r.url, { as: r.as });
        r.times.push(performance.now() - t);
      }
    }
    const rows = reads.map((r) => ({ size: r.size, ms: median(r.times), rows: r.rows }));
    const base = rows[0]!.ms;
    const load = loadNow();
    console.log('| metric | subject | value | baseline | ratio | goal | load avg |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of rows) {
      console.log(
        `| leaderboard read (top 10, median of ${READS}) | ${r.size} standings | ${r.ms.toFixed(1)} ms | ${base.toFixed(1)} ms (10) | ${(r.ms / base).toFixed(2)}× | ≤ 1.2× | ${load} |`,
      );
    }
    // pnpm bench collects the rows into its table (test/bench/run.ts).
    handBack(
      rows.slice(1).map((r) => ({
        metric: `read at ${r.size === 1_000 ? '1k' : '10k'} vs 10`,
        subject: `GET /rewards/leaderboard (top 10, ${r.rows} rows; median of ${READS})`,
        value: Math.round(r.ms * 10) / 10,
        unit: 'ms',
        baseline: Math.round(base * 10) / 10,
        baselineOf: 'same read at 10 standings (a full top 10)',
        ratio: Math.round((r.ms / base) * 100) / 100,
        goal: '≤ 1.2×',
        load,
      })),
    );
  } finally {
    await stack.stop();
  }
}

await main();
