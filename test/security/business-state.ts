import { resourceNames } from '@cocreate/kernel';
import { type Snapshot, localClients, takeSnapshot } from '@cocreate/local';
import { manifests } from '@cocreate/suite';
import { fetchOnce } from './callers.ts';

/**
 * Every table's business records, in a form two runs of the same script can be compared in: what the delivery-fault
 * test (a cycle with every event delivered twice and in shuffled order) holds against a normal run.
 *
 * What is left out, and why — each is bookkeeping of *how* a fact arrived, not the fact:
 * - outbox rows (`OUTBOX#`): the relay's queue, dropped by the snapshot itself;
 * - processed-event markers (`INBOX#`): one per delivery a consumer applied; what they guard is compared instead;
 * - idempotency records (`IDEMP#`): an HTTP retry's replay cache, holding the answer's bytes (ids, times);
 * - the register's copies (`REG#`): restored by the reset before each run, the same for both by construction;
 * - the feeds' table as a whole: it records how facts reached agencies (arrival-ordered logs, deliveries whose state
 *   depends on when the real-time deliver job last ran); what an agency relies on — each event delivered once, signed —
 *   the cycle checks at the agency's receiver in both runs;
 * - attributes `ttl` (expiry of bookkeeping rows), and the access log of the registry (`ACCESS#`: who read what, when).
 *
 * What is normalised, and why — values a second run necessarily draws afresh:
 * - ULIDs (`01J…`, 26 Crockford characters) become `<id>`: every run mints new ids, in keys and values alike;
 * - ISO times (`2026-12-03T10:11:12.345Z`, `+08:00`) become `<time>` and epoch numbers in `*At`/`*Ms` fields
 *   `<epoch>`: the two runs happen minutes apart on real time moved by the same steps;
 * - SHA-256 hex digests become `<sha256>` (they hash records holding ids and times);
 * - presigned-upload object keys and ETags carry ids (covered by the ULID rule) and S3's own digests (by the hash rule);
 * - the cycle's agency id ends in the run's start time in base 36 (`hongan-housing-<t>`): `<run>`;
 * - sharded counters (`<base>#NN` / `TALLY`, deliberation's tallies and support counts) add each increment to a random
 *   shard: their shards are summed into one record per counter, which is the counter's business value;
 * - hash-sharded index keys derived from ids (`DUE#<n>`, the feeds' delivery queue) become `DUE#<shard>`;
 * - the feeds' per-jurisdiction log position (`log.seq`) and a delivery's measured latency (`history[].ms`): the log
 *   is in arrival order, which shuffled delivery changes by design (each event is in it once: compared), and
 *   latencies are measurements — as is how long a job's run took (`elapsedMs`, an assessment run's).
 * Everything else is compared as is: amounts, balances, counts, tallies, statuses, versions, who did what, places.
 * Items are compared per table as multisets of their normalised JSON (ids gone, keys no longer identify them).
 */
const LEFT_OUT = /^(OUTBOX|INBOX|IDEMP|REG|ACCESS)#/;
const ULID = /[0-9A-HJKMNP-TV-Z]{26}/g;
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?/g;
const SHA256 = /\b[0-9a-f]{64}\b/g;
const EPOCH_FIELD = /(At|Ms|Epoch|ttl)$/;

export type BusinessState = Map<string, string[]>;
type AttributeValue = Snapshot extends Map<string, Record<string, infer A>[]> ? A : never;

function plain(v: AttributeValue): unknown {
  if (v.S !== undefined) return v.S;
  if (v.N !== undefined) return Number(v.N);
  if (v.BOOL !== undefined) return v.BOOL;
  if (v.NULL !== undefined) return null;
  if (v.M !== undefined) return Object.fromEntries(Object.entries(v.M).map(([k, x]) => [k, plain(x)]));
  if (v.L !== undefined) return v.L.map(plain);
  if (v.SS !== undefined) return [...v.SS].sort();
  if (v.NS !== undefined) return [...v.NS].map(Number).sort((a, b) => a - b);
  if (v.B !== undefined) return `<bytes ${v.B.length}>`;
  return v;
}

const RUN_ID = /hongan-housing-[0-9a-z]{6,10}\b/g;
/** Wall-clock measurements a record keeps of how long something took (an assessment run's `elapsedMs`). */
const MEASURED = /^(elapsedMs|durationMs|latencyMs)$/;
const DUE_SHARD = /^DUE#\d+$/;

export function normalise(value: unknown, field = ''): unknown {
  if (typeof value === 'string') {
    if (DUE_SHARD.test(value)) return 'DUE#<shard>';
    return value.replace(ULID, '<id>').replace(ISO_TIME, '<time>').replace(SHA256, '<sha256>').replace(RUN_ID, 'hongan-housing-<run>');
  }
  if (typeof value === 'number') return MEASURED.test(field) ? '<measured>' : EPOCH_FIELD.test(field) && value > 1e9 ? '<epoch>' : value;
  if (Array.isArray(value)) {
    // A list whose members were ids or times may differ only in order once they are normalised (ids sort by time).
    const items = value.map((v) => normalise(v, field));
    return items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => k !== 'ttl')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalise(v, k)]),
    );
  }
  return value;
}

/** Reads every service table and normalises it (see above). */
export async function businessState(endpoints: { dynamodb: string; s3: string; eventbridge: string }): Promise<BusinessState> {
  const clients = localClients(endpoints);
  const tables = manifests.filter((m) => m.name !== 'feeds').map((m) => resourceNames.table(m.name));
  const snapshot = await takeSnapshot(clients.dynamodb, tables);
  const state: BusinessState = new Map();
  for (const [table, items] of snapshot) {
    const records = items
      .filter((i) => !LEFT_OUT.test(i.pk?.S ?? ''))
      .map((i) => withoutArrivalOrder(plain({ M: i }) as Record<string, unknown>));
    const kept = foldShards(records)
      .map((r) => JSON.stringify(normalise(r)))
      .sort();
    state.set(table, kept);
  }
  return state;
}

/**
 * The feeds' log is in arrival order: an entry's position (`LOG#<root>#<block>` / `<seq>`, an event's pointer `{root, seq}`,
 * a delivery's `log.seq`) and a delivery's measured latency (`history[].ms`) say how the run went, not what happened.
 */
function withoutArrivalOrder(r: Record<string, unknown>): Record<string, unknown> {
  const pk = String(r.pk);
  const out: Record<string, unknown> = { ...r };
  // A log entry's partition is its seq's block, a staged event's the hash of its id: both follow from arrival/ids.
  const block = (v: unknown) => (typeof v === 'string' ? v.replace(/#\d+$/, '#<block>') : v);
  if (pk.startsWith('LOG#') || pk.startsWith('STAGE#')) {
    out.pk = block(out.pk);
    if (pk.startsWith('LOG#')) out.sk = '<seq>';
    if ('gsi2pk' in out) out.gsi2pk = block(out.gsi2pk);
    delete out.seq;
  }
  if (pk.startsWith('EVT#')) delete out.seq;
  if (pk.startsWith('DLV#')) {
    if (out.log && typeof out.log === 'object') out.log = { ...(out.log as object), seq: '<seq>' };
    if (Array.isArray(out.history)) out.history = (out.history as Record<string, unknown>[]).map(({ ms: _ms, ...h }) => h);
  }
  return out;
}

const SHARD = /^(.*)#\d{2}$/;

/** One record per sharded counter: its shards' numbers summed, its other fields as any shard holds them. */
function foldShards(records: Record<string, unknown>[]): Record<string, unknown>[] {
  const counters = new Map<string, Record<string, unknown>>();
  const out: Record<string, unknown>[] = [];
  for (const r of records) {
    const base = r.sk === 'TALLY' && typeof r.pk === 'string' ? SHARD.exec(r.pk)?.[1] : undefined;
    if (base === undefined) {
      out.push(r);
      continue;
    }
    const sum = counters.get(base) ?? { pk: base, sk: 'TALLY', shards: 0 };
    sum.shards = (sum.shards as number) + 1;
    for (const [k, v] of Object.entries(r)) {
      if (k === 'pk' || k === 'sk') continue;
      sum[k] = typeof v === 'number' ? ((sum[k] as number | undefined) ?? 0) + v : v;
    }
    counters.set(base, sum);
  }
  return [...out, ...counters.values()];
}

/** Per table, the records only one side holds (as multisets): empty when the two states are the same. */
export function differences(a: BusinessState, b: BusinessState): Record<string, { onlyInFirst: string[]; onlyInSecond: string[] }> {
  const out: Record<string, { onlyInFirst: string[]; onlyInSecond: string[] }> = {};
  for (const table of new Set([...a.keys(), ...b.keys()])) {
    const left = [...(a.get(table) ?? [])];
    const right = [...(b.get(table) ?? [])];
    const counts = new Map<string, number>();
    for (const r of right) counts.set(r, (counts.get(r) ?? 0) + 1);
    const onlyInFirst: string[] = [];
    for (const l of left) {
      const n = counts.get(l) ?? 0;
      if (n > 0) counts.set(l, n - 1);
      else onlyInFirst.push(l);
    }
    const onlyInSecond = [...counts].flatMap(([r, n]) => Array.from({ length: n }, () => r));
    if (onlyInFirst.length || onlyInSecond.length) out[table] = { onlyInFirst, onlyInSecond };
  }
  return out;
}

/** How many business records each table holds (what the report and README quote). */
export function recordCounts(state: BusinessState): Record<string, number> {
  return Object.fromEntries([...state].map(([t, items]) => [t, items.length]));
}

/**
 * Waits until nothing is left to deliver: the bus idle and no new event relayed for a while (an outbox row committed
 * just before may still be on its way through the table's stream to the relay, and a consumer's own events follow it).
 */
export async function settled(stack: { bus: { idle(): Promise<void>; events(): unknown[] } }, quietMs = 2_000): Promise<void> {
  await settledBy(async () => {
    await stack.bus.idle();
    return stack.bus.events().length;
  }, quietMs);
}

/**
 * `settled` for a stack reached over HTTP, jobs included: its `/_local/idle` answers once the bus is idle and no job
 * runs, with the events and job runs so far — a job started by a write (an assessment run) publishes as it sweeps.
 */
export async function settledOver(url: string, quietMs = 2_000): Promise<void> {
  await settledBy(async () => {
    const res = await fetchOnce(`${url}/_local/idle`);
    if (!res.ok) throw new Error(`local idle: ${res.status} ${await res.text()}`);
    const { events, jobRuns } = (await res.json()) as { events: number; jobRuns: number };
    return `${events} events, ${jobRuns} job runs`;
  }, quietMs);
}

/**
 * `settledOver`, and every service's jobs run until a round of them sets off nothing more: a job that stopped at its
 * time budget (an assessment run of many villages on a busy machine) would otherwise go on at its next scheduled tick,
 * in the middle of whatever a test snapshots next.
 */
export async function drainedOver(url: string, quietMs = 1_000): Promise<void> {
  const events = async () => {
    const res = await fetchOnce(`${url}/_local/idle`);
    return ((await res.json()) as { events: number }).events;
  };
  for (let round = 0; round < 20; round++) {
    await settledOver(url, quietMs);
    const before = await events();
    for (const m of manifests) {
      for (const job of m.jobs) {
        const res = await fetchOnce(`${url}/_local/jobs/${m.name}/${job.name}`, { method: 'POST' });
        if (!res.ok) throw new Error(`job ${m.name}/${job.name}: ${res.status} ${await res.text()}`);
      }
    }
    await settledOver(url, quietMs);
    if ((await events()) === before) return;
  }
  throw new Error('the jobs never drained');
}

/** Until `idleCount` (idle, then how much has happened) answers the same twice `quietMs` apart. */
async function settledBy(idleCount: () => Promise<number | string>, quietMs: number): Promise<void> {
  let seen: number | string = -1;
  for (let i = 0; i < 60; i++) {
    const now = await idleCount();
    if (now === seen) return;
    seen = now;
    await new Promise((r) => setTimeout(r, quietMs));
  }
  throw new Error('the bus never settled');
}
