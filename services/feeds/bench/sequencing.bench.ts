/**
 * Benchmark: the feeds' event log under a burst, on the embedded local stack (DynamoDB Local, the local bus), with
 * only the feeds service running and a synthetic province of 100 counties.
 *
 *   npx tsx services/feeds/bench/sequencing.bench.ts [oneCounty=600] [perCounty=8] [propagation=40]
 *
 * 1. One county's burst: `oneCounty` events of one county published at once (32 publishers), timed from the first
 *    PutEvents to the bus going idle (every event staged, sequenced and dispatched).
 * 2. A province-wide burst: `perCounty` events in each of the 100 counties, interleaved, timed the same way.
 * 3. Propagation: a webhook subscription to a receiver in this process; events published one at a time, each timed
 *    from PutEvents' 2xx to the signed webhook's arrival (p50, p95).
 * 4. The partition ceiling and the log's write units per event: write units a burst puts on the busiest partition key of the log per event, from the
 *    stored items' sizes (transactional writes cost 2 WCU per KB), against DynamoDB's 1,000 WCU/s per partition.
 *
 * DynamoDB Local enforces no partition throughput, so rows 1–2 measure this machine (load average printed); the
 * ceiling in AWS is row 4's. No figure is asserted.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { NeedRaised } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { startLocalStack } from '@cocreate/local';
import { LocalApi, publishEvent } from '@cocreate/local/testing';
import type { Place, PlaceData } from '@cocreate/places';
import type { ServiceManifest } from '@cocreate/kernel';
import { type BenchRow as Row, handBack, loadNow } from '@cocreate/local/bench';

/**
 * The service under test: this one, or (FEEDS_DIR) a copy of an earlier version of services/feeds inside this
 * directory's parent, for a before/after pair measured under the same load.
 */
const dir = process.env.FEEDS_DIR ? new URL(`${process.env.FEEDS_DIR}/`, import.meta.url) : new URL('../', import.meta.url);
const { manifest } = (await import(new URL('manifest.ts', dir).href)) as { manifest: ServiceManifest };
const LOG_SHARDS = ((await import(new URL('domain/log.ts', dir).href)) as { LOG_SHARDS?: number }).LOG_SHARDS ?? 1;

const ONE_COUNTY = Number(process.argv[2] ?? 600);
const PER_COUNTY = Number(process.argv[3] ?? 8);
const PROPAGATION = Number(process.argv[4] ?? 40);
const COUNTIES = 100;
const PUBLISHERS = 32;

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const county = (i: number) => `bench/city/k${String(i).padStart(3, '0')}`;
const village = (i: number) => `${county(i)}/t/v`;

function province(): PlaceData {
  const places: Place[] = [
    { path: 'bench', kind: 'province', name: { zh: '基准省', en: 'Bench province' } },
    { path: 'bench/city', kind: 'city', name: { zh: '基准市', en: 'Bench city' } },
  ];
  for (let i = 0; i < COUNTIES; i++) {
    places.push(
      { path: county(i), kind: 'county', name: { zh: `县${i}`, en: `County ${i}` } },
      { path: `${county(i)}/t`, kind: 'township', name: { zh: `镇${i}`, en: `Town ${i}` } },
      { path: village(i), kind: 'village', name: { zh: `村${i}`, en: `Village ${i}` } },
    );
  }
  return { places, people: [], households: [], bodies: [] };
}

const load = () => loadavg()[0]!.toFixed(2);

const benchRows: Row[] = [];
const benchRow = (r: Omit<Row, 'load' | 'ratio' | 'baseline' | 'baselineOf'> & { baseline?: number; baselineOf?: string }) =>
  benchRows.push({
    baseline: 0,
    baselineOf: '—',
    ...r,
    ratio: r.baseline ? Math.round((r.value / r.baseline) * 100) / 100 : 0,
    load: loadNow(),
  });
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  const stack = await startLocalStack({ port: 0, services: [manifest], register: province(), logLevel: 'ERROR', retryBaseDelayMs: 50 });
  const api = new LocalApi(stack.url);
  const publish = (i: number, text: string) =>
    publishEvent(
      stack.endpoints.eventbridge,
      NeedRaised,
      { ...NeedRaised.example, needId: newId(), village: village(i), place: village(i), text },
      { place: village(i), actor: 'bench' },
    );
  const idle = async () => {
    for (;;) {
      const res = await api.get('/_local/bus/idle');
      if (res.status === 200) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  /** Publishes `counties[k]` for k = 0…n−1 with PUBLISHERS at once; events/s until the bus is idle again. */
  const burst = async (countyOf: (k: number) => number, n: number) => {
    let next = 0;
    const t = Date.now();
    await Promise.all(
      Array.from({ length: PUBLISHERS }, async () => {
        while (next < n) {
          const k = next++;
          await publish(countyOf(k), `burst ${k}`);
        }
      }),
    );
    await idle();
    const ms = Date.now() - t;
    return { n, ms, perSecond: Math.round(n / (ms / 1000)), load: load() };
  };

  const rows: string[][] = [];
  let stopReceiver = () => {};
  try {
    await idle();
    // A warm-up so the first row does not pay the functions' first calls.
    await burst((k) => k % COUNTIES, 50);

    const one = await burst(() => 7, ONE_COUNTY);
    rows.push(['events/s through one county (local)', `${one.perSecond}/s`, `${one.n} events in ${one.ms} ms`, one.load]);
    const wide = await burst((k) => k % COUNTIES, PER_COUNTY * COUNTIES);
    rows.push(['events/s, 100-county burst (local)', `${wide.perSecond}/s`, `${wide.n} events in ${wide.ms} ms`, wide.load]);
    benchRow({
      metric: 'hot key vs spread',
      subject: `feeds: ${one.n} events of one county, staged → sequenced → dispatched (local)`,
      value: one.perSecond,
      unit: 'events/s',
      baseline: wide.perSecond,
      baselineOf: `${wide.n} events over ${COUNTIES} counties (local)`,
      goal: '≈ 1× (no serialisation)',
    });

    // Propagation: PutEvents 2xx → the signed webhook at the agency's receiver.
    const arrived = new Map<string, number>();
    const server = createServer((req, res) => {
      const id = req.headers['webhook-id'];
      if (typeof id === 'string' && !arrived.has(id)) arrived.set(id, performance.now());
      req.resume().on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const ops = api.official('bench-ops', 'ops-admin', 'bench');
    const reg = await api.post(
      '/feeds/agencies',
      {
        agencyId: 'bench-office',
        name: { zh: '基准办', en: 'Bench office' },
        jurisdiction: 'bench',
        contact: { name: '王', email: 'bench@example.cn' },
        members: ['bench-agency'],
      },
      { as: ops },
    );
    if (reg.status !== 201) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`);
    const agency = api.official('bench-agency', 'agency', 'bench');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const sub = await api.post(
      '/feeds/agencies/bench-office/subscriptions',
      { name: 'all', pattern: { source: [{ prefix: 'cocreate.' }] }, delivery: { mode: 'webhook', url } },
      { as: agency },
    );
    if (sub.status !== 201) throw new Error(`subscribe: ${sub.status} ${JSON.stringify(sub.body)}`);
    const latencies: number[] = [];
    for (let k = 0; k < PROPAGATION; k++) {
      const t = performance.now();
      const id = await publish(k % COUNTIES, `propagation ${k}`);
      const acked = performance.now();
      for (let waited = 0; !arrived.has(id); waited++) {
        if (waited > 1200) throw new Error(`webhook for ${id} not seen in 60 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      latencies.push(arrived.get(id)! - Math.max(acked, t));
    }
    stopReceiver = () => {
      server.closeAllConnections();
      server.close();
    };
    latencies.sort((a, b) => a - b);
    rows.push([
      'propagation PutEvents 2xx → webhook seen (local)',
      `p50 ${Math.round(pct(latencies, 50))} ms, p95 ${Math.round(pct(latencies, 95))} ms`,
      `${latencies.length} events, one at a time`,
      load(),
    ]);
    benchRow({
      metric: 'propagation (local)',
      subject: `feeds: PutEvents 2xx → webhook seen, p95 (p50 ${Math.round(pct(latencies, 50))} ms; ${latencies.length} events)`,
      value: Math.round(pct(latencies, 95)),
      unit: 'ms',
      goal: 'p95 ≤ 300 ms',
    });

    // The ceiling in AWS: the busiest partition key's write units per event during one county's burst.
    const kb = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
    const detail = JSON.stringify({ meta: { id: newId(), type: 'NeedRaised' }, data: { ...NeedRaised.example, text: 'burst 123' } });
    const entryKb = kb(detail.length + 600); // the envelope as text plus the entry's attributes and keys
    // Staging: a put and a delete of the staged event, both transactional (2 WCU per KB); the log: the entry (2 WCU
    // per KB) and its time-index copy (1 WCU per KB). Spread over LOG_SHARDS partitions each.
    const stagePerEvent = 2 * entryKb * 2;
    const logPerEvent = 2 * entryKb + entryKb;
    const shards = LOG_SHARDS;
    const ceiling = Math.floor((1000 * shards) / Math.max(stagePerEvent, logPerEvent));
    rows.push([
      'one county, partition ceiling in AWS',
      `${ceiling}/s`,
      `${Math.max(stagePerEvent, logPerEvent)} WCU/event on the busiest key, ${shards} partition(s) per county, 1,000 WCU/s each`,
      '—',
    ]);
    rows.push([
      'province, partition ceiling in AWS',
      `${ceiling * COUNTIES}/s`,
      `${COUNTIES} counties × ${ceiling}/s: each county's counter is an item of its own, no key is shared by counties`,
      '—',
    ]);
    // What the log costs: stage put + pointer check (one transaction), then per event of a batch the entry, its time
    // index copy, the pointer and the stage delete; the counter once per batch of up to 30.
    const logWrites = 2 * entryKb + 2 + (2 * entryKb + entryKb) + 2 + 2 * entryKb + 2 / 30;
    rows.push(['write units the log costs per event', `${logWrites.toFixed(1)} WCU`, `an event of ${entryKb} KB as stored`, '—']);
    benchRow({
      metric: 'partition ceiling in AWS',
      subject: `feeds: one county (${shards} log partition(s), ${Math.max(stagePerEvent, logPerEvent)} WCU/event on the busiest key)`,
      value: ceiling,
      unit: 'events/s',
      goal: '—',
    });
    benchRow({
      metric: 'partition ceiling in AWS',
      subject: `feeds: a province of ${COUNTIES} counties (no key shared by counties)`,
      value: ceiling * COUNTIES,
      unit: 'events/s',
      goal: '—',
    });
    benchRow({
      metric: 'write units per event',
      subject: `feeds: the log, an event of ${entryKb} KB as stored`,
      value: Math.round(logWrites * 10) / 10,
      unit: 'WCU',
      goal: '—',
    });
  } finally {
    await stack.stop();
    stopReceiver();
  }
  console.log('\n| row | value | how | load avg |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  // pnpm bench collects the rows into its table (test/bench/run.ts).
  handBack(benchRows);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
