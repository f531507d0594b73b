/**
 * Benchmark: deliberation's write path, its hot keys and its reads, each against a baseline measured in the same run,
 * on the embedded local stack (DynamoDB Local, the local bus) with only the deliberation service and a synthetic
 * village of 1,100 households. Each section starts on a fresh DynamoDB Local (the first on a new stack, the next after
 * the stack's reset, which starts a new DynamoDB Local process with empty tables): DynamoDB Local slows as it runs.
 *
 *   npx tsx services/deliberation/bench/deliberation.bench.ts        (pnpm bench runs it with the others)
 *
 * 1. Write: `POST /needs` with an Idempotency-Key (3 items: the need, its NeedRaised outbox row, the idempotency
 *    record) against raw TransactWriteItems of the same 3 items, at 10 and at 50 in flight.
 * 2. Hot keys: 1,000 simultaneous seconds of one need, 1,000 simultaneous supports of one candidate item (点单) and
 *    1,000 simultaneous ballots on one proposal, each against the same 1,000 requests spread over 1,000 different
 *    needs, items or proposals (copies of the hot one, written in the service's layout) through the same HTTP path
 *    in the same run: DynamoDB Local runs every write through one engine, so this is the like-for-like test of a hot
 *    item — near 1× it does not serialise. Beside them, each burst against 1,000 simultaneous raw TransactWriteItems
 *    of the same items (one shard of the same sharded counter), and for the seconds and the supports the same raw
 *    writes on ONE counter item (the supports' shape before they were sharded).
 * 3. Reads: the first page of the needs list and of the proposals list, and one need with its supporters' count, for
 *    villages holding 50 (a full first page: the baseline), 1,000 and 10,000 of them (seeded directly in the table, in
 *    the service's layout), read in turns so a change of load falls on every size alike.
 *
 * Prints a table (the row format of `pnpm bench`: metric, subject, value, baseline, ratio, goal, baseline is, load
 * average) and writes reports/bench-deliberation.json. No figure fails the run; it exits non-zero only if a request
 * answers something other than what the flow expects.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ScanCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { newId } from '@cocreate/kernel';
import { type LocalStack, startLocalStack } from '@cocreate/local';
import { LocalApi } from '@cocreate/local/testing';
import { type Body, type Household, type Person, type Place, type PlaceData } from '@cocreate/places';
import { PlaceDirectory } from '@cocreate/places/directory';
import { manifest } from '../manifest.ts';
import { keys } from '../repos/keys.ts';
import { CANDIDATE_SHARDS } from '../repos/candidates.ts';
import { NEED_SHARDS } from '../repos/needs.ts';
import { SHARDS } from '../repos/shards.ts';
import { type BenchRow as Row, batchWrite, emptyRegister, loadNow, writeRegisterCopy } from '@cocreate/local/bench';

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const COUNTY = 'bench/city/county';
const TOWNSHIP = `${COUNTY}/town`;
const VILLAGE = `${TOWNSHIP}/big`;
const HOUSEHOLDS = 1_100;
const BURST = 1_000;
/**
 * The burst's requests are all issued at once, at most this many in flight from the client: every Lambda of the local
 * stack runs in this one process and shares one DynamoDB Local, whose listen queue overflows (SYN cookies, refused
 * connections) at 1,000 connections opened at once. In AWS each request has its own function.
 */
const BURST_IN_FLIGHT = 250;
/** Requests that warm a route before its bursts, from callers outside the burst (and the copies they write to). */
const WARM = 20;
/** A full first page (50) is the baseline, so every size answers as many items and only the history differs. */
const READ_SIZES = [50, 1_000, 10_000] as const;
const readVillage = (n: number) => `${TOWNSHIP}/r${n}`;
const pid = (n: number) => `p-big-${String(n).padStart(4, '0')}`;

function register(): PlaceData {
  const places: Place[] = [
    { path: 'bench', kind: 'province', name: { zh: '基准省', en: 'Bench province' } },
    { path: 'bench/city', kind: 'city', name: { zh: '基准市', en: 'Bench city' } },
    { path: COUNTY, kind: 'county', name: { zh: '基准县', en: 'Bench county' } },
    { path: TOWNSHIP, kind: 'township', name: { zh: '基准镇', en: 'Bench town' } },
    { path: VILLAGE, kind: 'village', name: { zh: '大村', en: 'Big village' } },
    { path: `${VILLAGE}/g1`, kind: 'group', name: { zh: '1组', en: 'Group 1' } },
    ...READ_SIZES.map((n) => ({ path: readVillage(n), kind: 'village' as const, name: { zh: `读${n}村`, en: `Read ${n}` } })),
  ];
  const people: Person[] = [];
  const households: Household[] = [];
  for (let n = 1; n <= HOUSEHOLDS; n++) {
    const path = `${VILLAGE}/g1/h${String(n).padStart(4, '0')}`;
    places.push({ path, kind: 'household', name: { zh: `${n}户`, en: `Household ${n}` } });
    people.push({
      id: pid(n),
      name: `村民${n}`,
      phone: '13800000000',
      household: path,
      village: VILLAGE,
      roles: n <= 3 ? ['resident', 'cadre'] : ['resident'],
    });
    households.push({ path, village: VILLAGE, head: pid(n), members: [pid(n)], owners: [] });
  }
  const bodies: Body[] = [
    { kind: 'villagers-meeting', village: VILLAGE, members: people.map((p) => p.id) },
    { kind: 'two-committees', village: VILLAGE, members: [pid(1), pid(2), pid(3)] },
  ];
  return { places, people, households, bodies };
}

const data = register();
const directory = new PlaceDirectory(data);
const rows: Row[] = [];
const load = loadNow;
let failures = 0;

function row(metric: string, subject: string, value: number, unit: string, baseline: number, baselineOf: string, goal: string): void {
  const ratio = baseline ? Math.round((value / baseline) * 100) / 100 : 0;
  rows.push({
    metric,
    subject,
    value: Math.round(value * 10) / 10,
    unit,
    baseline: Math.round(baseline * 10) / 10,
    baselineOf,
    ratio,
    goal,
    load: load(),
  });
}

function expectThat(ok: boolean, what: string): void {
  if (ok) return;
  failures++;
  console.error(`unexpected: ${what}`);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface Burst {
  perSecond: number;
  p50: number;
  p95: number;
  ms: number;
  statuses: Map<number, number>;
}

/** Runs every call with at most `inFlight` at once; throughput, latency percentiles and the answers' statuses. */
async function run(calls: (() => Promise<number>)[], inFlight: number): Promise<Burst> {
  const lat: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(inFlight, calls.length) }, async () => {
      while (next < calls.length) {
        const call = calls[next++]!;
        const t = performance.now();
        // A connection reset (the machine saturated) is an answer too: counted as status 0, not a crash of the run.
        const status = await call().catch(() => 0);
        lat.push(performance.now() - t);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const ms = performance.now() - t0;
  lat.sort((a, b) => a - b);
  return { perSecond: (calls.length / ms) * 1000, p50: pct(lat, 50), p95: pct(lat, 95), ms, statuses };
}

/** A raw TransactWriteItems, retried as the kernel retries a lost race (conflicts and DynamoDB Local's lock timeouts). */
async function transact(doc: DynamoDBDocumentClient, items: unknown[]): Promise<number> {
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: items as never }));
      return 200;
    } catch (err) {
      const e = err as { name?: string; message?: string; CancellationReasons?: { Code?: string }[] };
      const lost =
        e.name === 'TransactionConflictException' ||
        (e.name === 'TransactionCanceledException' && (e.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict')) ||
        (e.name === 'InternalServerError' && /waiting for a lock/i.test(e.message ?? ''));
      if (!lost) return 500;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(400, 5 * 2 ** Math.min(attempt, 10))));
    }
  }
  return 503;
}

/** DELIBERATION_BENCH_ONLY=write,hot,reads runs only the sections named (all by default). */
const only = process.env.DELIBERATION_BENCH_ONLY?.split(',');

/** The bench's one stack: started by the first section, given a fresh DynamoDB Local by each later one. */
let shared: LocalStack | undefined;

async function withStack<T>(
  what: string,
  work: (stack: LocalStack, api: LocalApi, raw: { doc: DynamoDBDocumentClient; table: string }) => Promise<T>,
) {
  if (only && !only.some((o) => what.startsWith(o))) return undefined;
  const t0 = Date.now();
  if (shared) {
    // A new DynamoDB Local process with empty tables (the stack's reset, as before each integration test file): the
    // section starts as fresh as on a new stack, without starting the gateway, the bus and S3 again.
    const reset = await fetch(`${shared.url}/_local/reset`, { method: 'POST' });
    if (!reset.ok) throw new Error(`reset: ${reset.status} ${await reset.text()}`);
  } else {
    shared = await startLocalStack({
      port: 0,
      services: [manifest],
      register: emptyRegister,
      logLevel: 'ERROR',
      retryBaseDelayMs: 50,
      timeoutScale: 4,
    });
  }
  const stack = shared;
  const rt = stack.runtimes.get('deliberation')!;
  // The village's register copy as the copy's consumer would write it from the import's events.
  const copied = await writeRegisterCopy(rt.doc, rt.table.name, data);
  console.log(
    `\n${what}: a fresh DynamoDB Local and ${copied} register items copied in ${((Date.now() - t0) / 1000).toFixed(1)} s (load ${load()})`,
  );
  try {
    return await work(stack, new LocalApi(stack.url, directory, false), { doc: rt.doc, table: rt.table.name });
  } catch (err) {
    await stack.stop();
    shared = undefined;
    throw err;
  }
}

const ttl = () => Math.floor(Date.now() / 1000) + 86_400;
const outboxPut = (table: string, type: string) => ({
  Put: {
    TableName: table,
    Item: {
      pk: `OUTBOX#${newId()}`,
      sk: 'OUTBOX',
      source: 'cocreate.deliberation',
      detailType: type,
      detail: '{}',
      createdAt: new Date().toISOString(),
      ttl: ttl(),
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});
const idempotencyPut = (table: string, sub: string, op: string) => ({
  Put: {
    TableName: table,
    Item: { pk: `IDEMP#${sub}#${op}#${newId()}`, sk: 'IDEMP', requestHash: 'x', status: 201, body: '{}', ttl: ttl() },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});
const shardAdd = (table: string, pk: string, deltas: Record<string, number>, opened: boolean) => {
  const names: Record<string, string> = { '#closed': 'closedAt', '#n': 'n' };
  const values: Record<string, number> = { ':n': 1 };
  const adds = Object.entries(deltas).map(([k, v], i) => {
    names[`#d${i}`] = k;
    values[`:d${i}`] = v;
    return `#d${i} :d${i}`;
  });
  return {
    Update: {
      TableName: table,
      Key: { pk, sk: 'TALLY' },
      UpdateExpression: `ADD ${[...adds, '#n :n'].join(', ')}`,
      ConditionExpression: opened ? 'attribute_exists(pk) AND attribute_not_exists(#closed)' : 'attribute_not_exists(#closed)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
};
const shard = (count: number) => String(Math.floor(Math.random() * count)).padStart(2, '0');

function needItem(village: string, n: number, by: string) {
  const needId = newId();
  const createdAt = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  return {
    ...keys.need(needId),
    gsi1pk: keys.villageNeeds(village),
    gsi1sk: `${createdAt}#${needId}`,
    needId,
    village,
    place: village,
    category: 'roads',
    text: `需求 ${n}`,
    channel: 'online',
    raisedBy: by,
    recordedBy: by,
    status: 'raised',
    supporters: 0,
    createdAt,
    version: 1,
  };
}

/** `value` with every string's `from` replaced by `to` (sets, lists and maps kept as they are). */
function renamed(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.replaceAll(from, to);
  if (value instanceof Set) return new Set([...value].map((v) => renamed(v, from, to)));
  if (Array.isArray(value)) return value.map((v) => renamed(v, from, to));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, from, to)]));
  return value;
}

/**
 * `count` copies of a record the service wrote through its route: every item whose key names `id` (the record, its
 * steps, its counter's shards…), written again with a fresh id in its place by BatchWriteItem — what `count` more
 * requests would have stored, without their requests (outbox and idempotency rows are not keyed by the id).
 */
async function copiesOf(raw: { doc: DynamoDBDocumentClient; table: string }, id: string, count: number): Promise<string[]> {
  const model: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await raw.doc.send(
      new ScanCommand({
        TableName: raw.table,
        FilterExpression: 'contains(pk, :id)',
        ExpressionAttributeValues: { ':id': id },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    model.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const ids = Array.from({ length: count }, () => newId());
  await batchWrite(
    raw.doc,
    raw.table,
    ids.flatMap((copy) => model.map((item) => renamed(item, id, copy) as Record<string, unknown>)),
  );
  return ids;
}

interface Page {
  items: unknown[];
  supporters?: number;
}

const fmt = (b: Burst) =>
  `${b.perSecond.toFixed(0)}/s, p50 ${b.p50.toFixed(0)} ms, p95 ${b.p95.toFixed(0)} ms, ${[...b.statuses].map(([s, n]) => `${n}×${s}`).join(' ')}`;

// ── 1. The write path ────────────────────────────────────────────────────────────────────────────────────────────
await withStack('write: raise a need (3 items) vs raw TransactWriteItems', async (_stack, api, raw) => {
  const residents = Array.from({ length: 200 }, (_, i) => pid(i + 10));
  // Tokens first, a few at a time, so the burst is only the writes.
  await run(
    residents.map((p) => async () => (await api.token(api.person(p)), 200)),
    20,
  );
  // Warm both paths (JIT, sockets, the register copy) before measuring.
  const http = (i: number) => async () =>
    (
      await api.post(
        '/deliberation/needs',
        { place: `${VILLAGE}/g1`, category: 'roads', channel: 'online', text: `村口积水 ${i}` },
        { as: residents[i % residents.length]!, idempotencyKey: newId() },
      )
    ).status;
  const rawRaise = (i: number) => () => {
    const by = residents[i % residents.length]!;
    return transact(raw.doc, [
      { Put: { TableName: raw.table, Item: needItem(VILLAGE, i, by) } },
      outboxPut(raw.table, 'NeedRaised'),
      idempotencyPut(raw.table, by, 'raiseNeed'),
    ]);
  };
  await run(
    Array.from({ length: 60 }, (_, i) => http(i)),
    10,
  );
  await run(
    Array.from({ length: 60 }, (_, i) => rawRaise(i)),
    10,
  );
  for (const [inFlight, n] of [
    [10, 300],
    [50, 600],
  ] as const) {
    const base = await run(
      Array.from({ length: n }, (_, i) => rawRaise(i)),
      inFlight,
    );
    const api1 = await run(
      Array.from({ length: n }, (_, i) => http(i)),
      inFlight,
    );
    expectThat(api1.statuses.get(201) === n, `raise at ${inFlight}: ${fmt(api1)}`);
    console.log(`  ${inFlight} in flight — HTTP ${fmt(api1)}; raw ${fmt(base)}`);
    row(
      'write vs raw',
      `POST /needs (3 items) at ${inFlight} in flight`,
      api1.perSecond,
      'req/s',
      base.perSecond,
      'raw TransactWriteItems, same items',
      '≥ 0.7×',
    );
    row('write latency', `POST /needs p95 at ${inFlight} in flight`, api1.p95, 'ms', base.p95, 'raw TransactWriteItems p95', '—');
  }
});

// ── 2. Hot keys ──────────────────────────────────────────────────────────────────────────────────────────────────
await withStack('hot keys: 1,000 simultaneous seconds, supports and ballots on one item vs spread over 1,000', async (_stack, api, raw) => {
  const people = Array.from({ length: BURST }, (_, i) => pid(i + 2));
  // Callers outside the burst's 1,000 warm each route (JIT, sockets, the register copy) before either burst.
  const warmers = Array.from({ length: WARM }, (_, i) => pid(BURST + 2 + i));
  // Tokens first, a few at a time, so the burst is only the writes.
  await run(
    [pid(1), ...people, ...warmers].map((p) => async () => (await api.token(api.person(p)), 200)),
    20,
  );

  /**
   * The same route called by the burst's 1,000 people at once, first spread (person i on copy i), then all on the hot
   * item: spread first, so whatever the run's own growth costs DynamoDB Local falls on the hot burst.
   */
  const hotAndSpread = async (what: string, path: (id: string) => string, body: unknown, hot: string, copies: string[]) => {
    const post = (p: string, id: string) => async () => (await api.post(path(id), body, { as: p, idempotencyKey: newId() })).status;
    const warm = await run(
      warmers.map((p, i) => post(p, copies[BURST + i]!)),
      WARM,
    );
    expectThat(warm.statuses.get(201) === WARM, `${what}, warming: ${fmt(warm)}`);
    const spread = await run(
      people.map((p, i) => post(p, copies[i]!)),
      BURST_IN_FLIGHT,
    );
    expectThat(spread.statuses.get(201) === BURST, `${what}, spread: ${fmt(spread)}`);
    const one = await run(
      people.map((p) => post(p, hot)),
      BURST_IN_FLIGHT,
    );
    return { one, spread };
  };
  const hotRows = (what: string, one: Burst, spread: Burst, spreadOver: string, raw: Burst) => {
    row(
      'hot key vs spread',
      `${BURST} simultaneous ${what}`,
      one.perSecond,
      'req/s',
      spread.perSecond,
      `the same ${BURST} over ${BURST} ${spreadOver}, same route`,
      '≈ 1× (no serialisation)',
    );
    row(
      'hot key vs spread p50',
      `${what}: p50 (p95 ${one.p95.toFixed(0)} ms)`,
      one.p50,
      'ms',
      spread.p50,
      `spread over ${BURST}: p50 (p95 ${spread.p95.toFixed(0)} ms)`,
      '≈ 1×',
    );
    row(
      'hot key vs raw',
      `${BURST} simultaneous ${what}`,
      one.perSecond,
      'req/s',
      raw.perSecond,
      'raw TransactWriteItems, same sharded items',
      '≥ 0.7×',
    );
  };

  // Seconds of one need.
  const need = await api.post(
    '/deliberation/needs',
    { place: `${VILLAGE}/g1`, category: 'roads', channel: 'online', text: '全村的路' },
    { as: pid(1) },
  );
  expectThat(need.status === 201, `raise: ${need.status}`);
  const needId = need.body.needId as string;
  const needCopies = await copiesOf(raw, needId, BURST + WARM);
  const otherNeed = newId();
  const oneItem = newId();
  const rawSeconds = await run(
    people.map(
      (p) => () =>
        transact(raw.doc, [
          {
            Put: {
              TableName: raw.table,
              Item: { ...keys.needSupporter(otherNeed, p), person: p, at: new Date().toISOString() },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          shardAdd(raw.table, `${keys.needSupporters(otherNeed)}#${shard(NEED_SHARDS)}`, { supporters: 1 }, false),
          idempotencyPut(raw.table, p, 'secondNeed'),
        ]),
    ),
    BURST_IN_FLIGHT,
  );
  const serial = await run(
    people.map(
      (p) => () =>
        transact(raw.doc, [
          {
            Put: {
              TableName: raw.table,
              Item: { ...keys.needSupporter(oneItem, p), person: p, at: new Date().toISOString() },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          shardAdd(raw.table, `NEEDCOUNT#${oneItem}`, { supporters: 1 }, false),
          idempotencyPut(raw.table, p, 'secondNeed'),
        ]),
    ),
    BURST_IN_FLIGHT,
  );
  const seconds = await hotAndSpread('seconds', (id) => `/deliberation/needs/${id}/supporters`, {}, needId, needCopies);
  const counted = (await api.get(`/deliberation/needs/${needId}`, { as: pid(1) })).body.supporters;
  const countedCopy = (await api.get(`/deliberation/needs/${needCopies[0]}`, { as: pid(1) })).body.supporters;
  expectThat(
    seconds.one.statuses.get(201) === BURST && counted === BURST && countedCopy === 1,
    `seconds: ${fmt(seconds.one)}, counted ${counted} (a copy: ${countedCopy})`,
  );
  console.log(
    `  seconds — one need ${fmt(seconds.one)}, counted ${counted}; spread over ${BURST} needs ${fmt(seconds.spread)}; ` +
      `raw sharded ${fmt(rawSeconds)}; raw one item ${fmt(serial)}`,
  );
  hotRows('seconds of one need', seconds.one, seconds.spread, 'needs', rawSeconds);
  row(
    'hot key, raw',
    `raw seconds: ${NEED_SHARDS} shards vs one counter item`,
    rawSeconds.perSecond,
    'req/s',
    serial.perSecond,
    'raw, one counter item (serialised)',
    '—',
  );

  // Supports of one candidate item (点单): the need, accepted, goes on the project list; every resident supports it.
  const triaged = await api.post(`/deliberation/needs/${needId}/triage`, { action: 'accept' }, { as: pid(1) });
  const item = await api.post(
    '/deliberation/candidates',
    { village: VILLAGE, title: '全村的路', category: 'roads', needIds: [needId] },
    { as: pid(1) },
  );
  expectThat(triaged.status === 200 && item.status === 201, `candidate: ${triaged.status} ${item.status}`);
  const candidateId = item.body.candidateId as string;
  const candidateCopies = await copiesOf(raw, candidateId, BURST + WARM);
  const rawSupport = (candidate: string, counter: () => string) => (p: string) => () =>
    transact(raw.doc, [
      {
        Put: {
          TableName: raw.table,
          Item: { ...keys.candidateSupport(candidate, p), person: p, at: new Date().toISOString() },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: raw.table,
          Key: keys.supportUse(VILLAGE, `raw-${candidate}-${p}`),
          UpdateExpression: 'ADD #u :one',
          ExpressionAttributeNames: { '#u': 'used' },
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
      shardAdd(raw.table, counter(), { supports: 1 }, false),
      outboxPut(raw.table, 'CandidateSupported'),
      idempotencyPut(raw.table, p, 'supportCandidate'),
    ]);
  const otherCandidate = newId();
  const oneCandidate = newId();
  const rawSupports = await run(
    people.map(rawSupport(otherCandidate, () => `${keys.candidateSupports(otherCandidate)}#${shard(CANDIDATE_SHARDS)}`)),
    BURST_IN_FLIGHT,
  );
  const serialSupports = await run(people.map(rawSupport(oneCandidate, () => `CANDCOUNT#${oneCandidate}`)), BURST_IN_FLIGHT);
  // Each resident supports two items (a copy, then the hot one) of the village's limit of three.
  const supports = await hotAndSpread(
    'supports',
    (id) => `/deliberation/candidates/${id}/supports`,
    undefined,
    candidateId,
    candidateCopies,
  );
  const supported = (await api.get(`/deliberation/candidates/${candidateId}`, { as: pid(1) })).body.supports;
  const supportedCopy = (await api.get(`/deliberation/candidates/${candidateCopies[0]}`, { as: pid(1) })).body.supports;
  expectThat(
    supports.one.statuses.get(201) === BURST && supported === BURST && supportedCopy === 1,
    `supports: ${fmt(supports.one)}, counted ${supported} (a copy: ${supportedCopy})`,
  );
  console.log(
    `  supports — one item ${fmt(supports.one)}, counted ${supported}; spread over ${BURST} items ${fmt(supports.spread)}; ` +
      `raw sharded ${fmt(rawSupports)}; raw one item ${fmt(serialSupports)}`,
  );
  hotRows('supports of one candidate item', supports.one, supports.spread, 'items', rawSupports);
  row(
    'hot key, raw',
    `raw supports: ${CANDIDATE_SHARDS} shards vs one counter item (the shape before)`,
    rawSupports.perSecond,
    'req/s',
    serialSupports.perSecond,
    'raw, one counter item (serialised)',
    '—',
  );

  // Ballots on one proposal: the villagers' meeting alone decides a classification here (the county's floor says so).
  const rule = {
    quorum: { op: 'more-than', num: 1, den: 2 },
    passing: { of: 'cast', share: { op: 'more-than', num: 1, den: 2 } },
  } as const;
  const county = api.official('c-bench', 'county-official', COUNTY);
  const policy = await api.put(
    '/deliberation/chain-policies',
    {
      scope: COUNTY,
      kind: 'village-classification',
      fromFen: 0,
      required: [{ bodies: ['villagers-meeting'], ...rule }],
      reason: '基准',
      expectedVersion: 0,
    },
    { as: county },
  );
  const chain = await api.put(
    '/deliberation/chains',
    {
      village: VILLAGE,
      kind: 'village-classification',
      steps: [{ body: 'villagers-meeting', ...rule, onFail: 'end' }],
      expectedVersion: 0,
      reason: '基准',
    },
    { as: pid(1) },
  );
  const approved = await api.post(
    `/deliberation/chains/changes/${chain.body.changeId}/decision`,
    { approve: true, reason: '同意' },
    { as: api.official('t-bench', 'township-official', TOWNSHIP) },
  );
  const submitted = await api.post(
    '/deliberation/proposals',
    { kind: 'village-classification', village: VILLAGE, classification: 'pilot' },
    { as: pid(1) },
  );
  expectThat(
    policy.status === 200 && chain.status === 202 && approved.status === 200 && submitted.status === 201,
    `proposal set-up: ${submitted.status} ${JSON.stringify(submitted.body)}`,
  );
  const proposalId = submitted.body.proposalId as string;
  const proposalCopies = await copiesOf(raw, proposalId, BURST + WARM);
  const rawStep = newId();
  for (const key of Array.from({ length: SHARDS }, (_, k) => `${keys.tally(rawStep, 1, 0)}#${String(k).padStart(2, '0')}`))
    await transact(raw.doc, [{ Put: { TableName: raw.table, Item: { pk: key, sk: 'TALLY', yes: 0, no: 0, abstain: 0, cast: 0, n: 0 } } }]);
  const rawBallots = await run(
    people.map(
      (p) => () =>
        transact(raw.doc, [
          {
            Put: {
              TableName: raw.table,
              Item: {
                ...keys.ballot(rawStep, 1, 0, p),
                voter: p,
                choice: 'yes',
                channel: 'online',
                castBy: p,
                castAt: new Date().toISOString(),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          shardAdd(raw.table, `${keys.tally(rawStep, 1, 0)}#${shard(SHARDS)}`, { yes: 1, cast: 1 }, true),
          outboxPut(raw.table, 'BallotCast'),
          idempotencyPut(raw.table, p, 'castBallot'),
        ]),
    ),
    BURST_IN_FLIGHT,
  );
  const ballots = await hotAndSpread(
    'ballots',
    (id) => `/deliberation/proposals/${id}/ballots`,
    { step: 0, choice: 'yes' },
    proposalId,
    proposalCopies,
  );
  const tally = (await api.get(`/deliberation/proposals/${proposalId}/tally`, { as: pid(1) })).body.tally;
  const tallyCopy = (await api.get(`/deliberation/proposals/${proposalCopies[0]}/tally`, { as: pid(1) })).body.tally;
  expectThat(
    ballots.one.statuses.get(201) === BURST && tally?.cast === BURST && tallyCopy?.cast === 1,
    `ballots: ${fmt(ballots.one)}, tally ${JSON.stringify(tally)} (a copy: ${JSON.stringify(tallyCopy)})`,
  );
  console.log(
    `  ballots — one proposal ${fmt(ballots.one)}, cast ${tally?.cast}; spread over ${BURST} proposals ${fmt(ballots.spread)}; ` +
      `raw ${fmt(rawBallots)}`,
  );
  hotRows('ballots on one proposal', ballots.one, ballots.spread, 'proposals', rawBallots);
});

// ── 3. Reads at 50, 1,000 and 10,000 records ─────────────────────────────────────────────────────────────────────
await withStack('reads: first pages and a need’s count at 50 / 1,000 / 10,000 records', async (_stack, api, raw) => {
  const reader = api.official('c-bench-reader', 'county-official', COUNTY);
  await api.token(reader);
  // One real proposal, copied in the service's layout into each read village (a proposal's record is large).
  const rule = {
    quorum: { op: 'more-than', num: 1, den: 2 },
    passing: { of: 'cast', share: { op: 'more-than', num: 1, den: 2 } },
  } as const;
  await api.put(
    '/deliberation/chain-policies',
    {
      scope: COUNTY,
      kind: 'village-classification',
      fromFen: 0,
      required: [{ bodies: ['villagers-meeting'], ...rule }],
      reason: '基准',
      expectedVersion: 0,
    },
    { as: api.official('c-bench', 'county-official', COUNTY) },
  );
  const chain = await api.put(
    '/deliberation/chains',
    {
      village: VILLAGE,
      kind: 'village-classification',
      steps: [{ body: 'villagers-meeting', ...rule, onFail: 'end' }],
      expectedVersion: 0,
      reason: '基准',
    },
    { as: pid(1) },
  );
  await api.post(
    `/deliberation/chains/changes/${chain.body.changeId}/decision`,
    { approve: true, reason: '同意' },
    { as: api.official('t-bench', 'township-official', TOWNSHIP) },
  );
  const model = (
    await api.post('/deliberation/proposals', { kind: 'village-classification', village: VILLAGE, classification: 'pilot' }, { as: pid(1) })
  ).body;
  expectThat(typeof model.proposalId === 'string', `model proposal: ${JSON.stringify(model)}`);
  const { steps: _steps, ...proposalRecord } = model as Record<string, unknown>;

  const hotNeed: Record<number, string> = {};
  const t0 = Date.now();
  for (const n of READ_SIZES) {
    const v = readVillage(n);
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < n; i++) {
      const need = needItem(v, i, pid(1 + (i % HOUSEHOLDS)));
      items.push(need);
      const proposalId = newId();
      const submittedAt = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
      items.push({
        ...proposalRecord,
        ...keys.proposal(proposalId),
        gsi1pk: keys.villageProposals(v),
        gsi1sk: `${submittedAt}#${proposalId}`,
        proposalId,
        village: v,
        submittedAt,
        version: 1,
      });
    }
    // The most recent need of the village has n supporters (records and their count on the shards).
    const top = items.at(-2)! as { needId: string };
    hotNeed[n] = top.needId;
    for (let i = 0; i < n; i++) items.push({ ...keys.needSupporter(top.needId, `s-${i}`), person: `s-${i}`, at: new Date().toISOString() });
    for (let k = 0; k < NEED_SHARDS; k++) {
      const share = Math.floor(n / NEED_SHARDS) + (k < n % NEED_SHARDS ? 1 : 0);
      items.push({ pk: `${keys.needSupporters(top.needId)}#${String(k).padStart(2, '0')}`, sk: 'TALLY', supporters: share, n: share });
    }
    await batchWrite(raw.doc, raw.table, items);
  }
  console.log(`  seeded ${READ_SIZES.join(' / ')} needs, proposals and supporters in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const reads: [string, (n: number) => string, (n: number) => (body: Page) => boolean][] = [
    [
      'GET /needs?village (first page of 50)',
      (n) => `/deliberation/needs?village=${encodeURIComponent(readVillage(n))}`,
      (n) => (b) => b.items.length === Math.min(50, n),
    ],
    [
      'GET /proposals?village (first page of 50)',
      (n) => `/deliberation/proposals?village=${encodeURIComponent(readVillage(n))}`,
      (n) => (b) => b.items.length === Math.min(50, n),
    ],
    ['GET /needs/{id} (n supporters)', (n) => `/deliberation/needs/${hotNeed[n]}`, (n) => (b) => b.supporters === n],
  ];
  for (const [what, path, check] of reads) {
    const at = new Map<number, number[]>(READ_SIZES.map((n) => [n, []]));
    for (const n of READ_SIZES) for (let i = 0; i < 5; i++) await api.get(path(n), { as: reader });
    // The sizes in turns (50, 1k, 10k, 50, …): a change of load falls on all of them alike.
    for (let i = 0; i < 30; i++) {
      for (const n of READ_SIZES) {
        const t = performance.now();
        const res = await api.get(path(n), { as: reader });
        at.get(n)!.push(performance.now() - t);
        expectThat(res.status === 200 && check(n)(res.body), `${path(n)}: ${res.status}`);
      }
    }
    const p50 = (n: number) =>
      pct(
        [...at.get(n)!].sort((a, b) => a - b),
        50,
      );
    console.log(`  ${what}: p50 ${READ_SIZES.map((n) => `${p50(n).toFixed(1)} ms at ${n}`).join(', ')}`);
    row('read at 1k vs 50', `${what}`, p50(1_000), 'ms', p50(50), 'same read at 50 records (p50)', '≤ 1.2×');
    row('read at 10k vs 50', `${what}`, p50(10_000), 'ms', p50(50), 'same read at 50 records (p50)', '≤ 1.2×');
  }
});

await shared?.stop();

const table = [
  ['metric', 'subject', 'value', 'baseline', 'ratio', 'goal', 'baseline is', 'load avg'],
  ...rows.map((r) => [r.metric, r.subject, `${r.value} ${r.unit}`, `${r.baseline} ${r.unit}`, `${r.ratio}×`, r.goal, r.baselineOf, r.load]),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => [...r[i]!].length)));
const line = (r: string[]) => `| ${r.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ')} |`;
console.log(`\n${line(table[0]!)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${table.slice(1).map(line).join('\n')}`);
// pnpm bench prints these rows in its table (test/bench/run.ts names the file).
if (process.env.BENCH_ROWS_FILE) writeFileSync(process.env.BENCH_ROWS_FILE, JSON.stringify(rows));
mkdirSync(join(process.cwd(), 'reports'), { recursive: true });
writeFileSync(
  join(process.cwd(), 'reports', 'bench-deliberation.json'),
  `${JSON.stringify({ at: new Date().toISOString(), loadavg: loadavg(), rows }, null, 2)}\n`,
);
process.exit(failures ? 1 : 0);
