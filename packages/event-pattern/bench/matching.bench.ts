import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { compilePattern, prepareEvent } from '../src/index.ts';

/**
 * How fast the agency-feed fan-out can match: one event against N compiled subscription patterns, the way the feeds
 * dispatcher does for every event on the bus. Prints figures; asserts nothing.
 */
const event = {
  version: '0',
  id: '6f87d04b-9f74-4f04-a780-7c4a0e6fd7b1',
  'detail-type': 'FundsDisbursed',
  source: 'cocreate.projects',
  account: '000000000000',
  time: '2026-11-28T10:00:00Z',
  region: 'cn-north-1',
  resources: [],
  detail: {
    meta: { id: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D', place: 'hubei/huanggang/hongan/qiliping/majiaqiao', version: 1 },
    data: { amount: 1_250_000, source: 'township-subsidy', category: 'roads', payee: 'cooperative' },
  },
};

const shapes = [
  (i: number) => ({
    source: ['cocreate.projects'],
    'detail-type': ['FundsDisbursed'],
    detail: { data: { amount: [{ numeric: ['>', i * 1000] }] } },
  }),
  (i: number) => ({ detail: { meta: { place: [{ prefix: `hubei/huanggang/c${i % 40}` }] } } }),
  (i: number) => ({ source: [{ 'anything-but': ['cocreate.rewards'] }], detail: { data: { category: ['roads', 'water', `x${i}`] } } }),
  (i: number) => ({ $or: [{ 'detail-type': [`T${i}`] }, { detail: { data: { payee: [{ 'equals-ignore-case': 'COOPERATIVE' }] } } }] }),
  (i: number) => ({ detail: { data: { source: [{ wildcard: `township-*${i % 3 ? '' : 'y'}` }] } } }),
];

/** A row of `pnpm bench`'s table (the shape of test/bench/functions.ts's Row; baselineOf '—' when it has none). */
interface Row {
  metric: string;
  subject: string;
  value: number;
  unit: string;
  baseline: number;
  baselineOf: string;
  ratio: number;
  goal: string;
  load: string;
}

const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Hands the rows to `pnpm bench`, which prints them in its table (test/bench/run.ts names the file). */
const handBack = (rows: readonly Row[]) => {
  if (process.env.BENCH_ROWS_FILE) writeFileSync(process.env.BENCH_ROWS_FILE, JSON.stringify(rows));
};

const rows: Row[] = [];

function bench(n: number, prepared: boolean): number {
  const matchers = Array.from({ length: n }, (_, i) => compilePattern(shapes[i % shapes.length]!(i)));
  const rounds = Math.max(50, Math.floor(200_000 / n));
  let matched = 0;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    // The dispatcher flattens each event once and reuses it for every subscription.
    const e = prepared ? prepareEvent(event) : event;
    for (const m of matchers) if (m(e)) matched++;
  }
  const ns = Number(process.hrtime.bigint() - t0);
  const perEvent = ns / rounds / 1e3;
  console.log(
    `  ${String(n).padStart(6)} subscriptions: ${perEvent.toFixed(1).padStart(9)} µs per event  ` +
      `(${((n * rounds) / (ns / 1e9) / 1e6).toFixed(2)} M pattern checks/s, ${matched / rounds} matched)`,
  );
  return perEvent;
}

console.log('event-pattern: one event against N compiled agency patterns (event prepared once)');
const prepared = new Map([10, 100, 1_000, 10_000].map((n) => [n, bench(n, true)]));
console.log('the same, flattening the raw event for every pattern');
const raw = new Map([10, 1_000].map((n) => [n, bench(n, false)]));

// pnpm bench collects the rows into its table (test/bench/run.ts).
const load = loadNow();
const row = (n: number, baseline?: number) =>
  rows.push({
    metric: 'pattern matching',
    subject: `event-pattern: one event against ${n.toLocaleString('en')} agency patterns, prepared once`,
    value: Math.round(prepared.get(n)! * 10) / 10,
    unit: 'µs',
    baseline: baseline === undefined ? 0 : Math.round(baseline * 10) / 10,
    baselineOf: baseline === undefined ? '—' : 'the same, the event flattened for every pattern',
    ratio: baseline === undefined ? 0 : Math.round((prepared.get(n)! / baseline) * 100) / 100,
    goal: '—',
    load,
  });
row(1_000, raw.get(1_000));
row(10_000);
handBack(rows);
