/**
 * Benchmark: a township's rosters imported through the registry's HTTP API on the embedded local stack (DynamoDB
 * Local, s3rver, the local bus, every service), the way a province's operator imports them (`importRosters`).
 *
 *   npx tsx services/registry/bench/township-import.bench.ts                  # 30 villages, 10,000 households, 30,000 people
 *   REGISTRY_BENCH_VILLAGES=2 REGISTRY_BENCH_HOUSEHOLDS=234 npx tsx services/registry/bench/township-import.bench.ts
 *
 * Scale: REGISTRY_BENCH_VILLAGES (default 30), REGISTRY_BENCH_HOUSEHOLDS (all villages together; default 10,000 per
 * 30 villages), REGISTRY_BENCH_PEOPLE_PER_HOUSEHOLD (default 3, at most 8), REGISTRY_BENCH_CATCHUP_TIMEOUT_S.
 * REGISTRY_BENCH_ALONE=1 runs the stack with the registry only (no service copies the register or logs its events):
 * the import's own work against the same baseline, to tell it from what the copies and feeds' log add.
 * REGISTRY_BENCH_TABLES=registry puts the registry's table on a DynamoDB Local of its own (the rest share one), =each
 * every table on its own (as tables in AWS share no server); the default, shared, is one instance for all, as
 * `pnpm dev` and the tests run. Every DynamoDB Local here, the baseline's too, compiles its hot code fully
 * (`dynamoLifetime: 'long'`): the run takes minutes.
 *
 * 1. Generates the township as roster CSVs (the fixture writer's CSV and GB 11643 ID numbers): per village a compound
 *    block of flats b1 (a fifth of the households, each owned by its head with a floor area; the roster import lets a
 *    village hold buildings, not compounds) and groups of 40 households;
 *    heads, spouses and children with valid, unique ID numbers; the party branch, the two committees, the
 *    supervision committee and one representative per ten households.
 * 2. Registers province → city → county → township through the API, imports the villages' places as the township's
 *    roster, then imports every village (create, upload, dry run, apply, the import job) — timed.
 * 3. Waits until every service that keeps a copy of the register has taken every part of the import (its event
 *    function's deliveries on the local bus), then scans its table until it holds every place, person, household,
 *    property and membership: the time until each copy has caught up.
 * 4. Scans the registry's table (each copy's items are those of the scan that found it caught up): items and bytes
 *    (attribute names + values, as DynamoDB sizes items) per person and per item family, and from them the write
 *    units, events and storage per person — and a province of 26,000 villages, 18 million households, 55 million
 *    people at that mix.
 * 5. The raw baseline: stops the stack, starts a FRESH DynamoDB Local of its own (the same jar, in memory, like the
 *    stack's), creates the registry's table on it (gsi1, a stream: the shape the stack gives it) and writes the same
 *    register items the import wrote (places, households, people, ID hashes, properties, owner pointers, memberships,
 *    seats, scanned in step 4) with raw BatchWriteItem, 25 items a call, as many calls at once as the import job
 *    applies imports — timed. Both sides start on an empty DynamoDB Local: the import on the stack's (which also
 *    carries every service's copy of the register and the feeds' log, as a deployment does), the baseline on its own.
 *    (On the import's instance, filled with the registry and every copy, DynamoDB Local slows so much as it fills that
 *    the baseline did not finish in 18 minutes at full scale.) The ratio import ÷ raw in people rows/s is the goal
 *    (≥ 0.5×).
 * 6. The atomic floor: the same items again, on another fresh DynamoDB Local, in transactions of a chunk's size
 *    (`WRITES_PER_CHUNK`), each item on the condition that it is new — timed. An import that applies each chunk in one
 *    transaction with its event cannot be faster than this on DynamoDB Local, so `raw ÷ floor` is the most the ratio
 *    above can reach here, and `floor ÷ import` says how near the import comes to it.
 *
 * Also printed: every service's DynamoDB calls during the import (operation, table, calls, items, summed latency),
 * the load average at the start, before the baseline and at the end, and the bench's wall time.
 *
 * No timing is asserted. It exits non-zero only if an import fails or a copy never catches up.
 */
import {
  type AttributeValue,
  BatchWriteItemCommand,
  type DynamoDBClient,
  ScanCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { type BodyKind, RegisterImported } from '@cocreate/contracts';
import { outboxDetail, resourceNames } from '@cocreate/kernel';
import { functionArn, localDynamoClient, namedTables, startLocalStack } from '@cocreate/local';
import { handBack } from '@cocreate/local/bench';
import { manifests } from '@cocreate/suite';
import { ensureTable, startDynamoLocal } from '@cocreate/local/dynamo';
import { cpus, loadavg } from 'node:os';
import { bodyName, placeKindName } from '../domain/import/sheets.ts';
import { type RosterUpload, type ScopeImport, type ScopeImported, importRosters } from '../import-client.ts';
import { manifest as registryManifest } from '../manifest.ts';
import { TITLES, idNumber, rosterCsv } from '../scripts/write-demo-fixtures.ts';
import { IMPORT_CONCURRENCY } from '../app/imports.ts';
import { WRITES_PER_CHUNK } from '../domain/imports.ts';

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const int = (name: string, fallback: number) => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? fallback : Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not ${v}`);
  return n;
};
const VILLAGES = int('REGISTRY_BENCH_VILLAGES', 30);
const HOUSEHOLDS = int('REGISTRY_BENCH_HOUSEHOLDS', Math.round((10_000 * VILLAGES) / 30));
const PER_HOUSEHOLD = Math.min(8, int('REGISTRY_BENCH_PEOPLE_PER_HOUSEHOLD', 3));
const ALONE = process.env.REGISTRY_BENCH_ALONE === '1';
/** Which tables share a DynamoDB Local: `shared` (all on one, as `pnpm dev` and the tests run), `registry` (the
 * registry's apart, the rest on one), `each` (every table on its own, as tables in AWS share no server). */
const TABLES = process.env.REGISTRY_BENCH_TABLES ?? 'shared';
if (!['shared', 'registry', 'each'].includes(TABLES)) throw new Error(`REGISTRY_BENCH_TABLES is shared, registry or each, not ${TABLES}`);
/** Deliveries the local bus runs at once per event function (the stack's default when unset). */
const DELIVERY_CONCURRENCY = process.env.REGISTRY_BENCH_DELIVERY_CONCURRENCY ? int('REGISTRY_BENCH_DELIVERY_CONCURRENCY', 1) : undefined;
if (HOUSEHOLDS < VILLAGES) throw new Error('at least one household per village');
if (HOUSEHOLDS > 7000 * 56) throw new Error('at most 392,000 households (unique ID numbers)');

// ── The township as roster files ───────────────────────────────────────────────────────────────────────────────

const PROVINCE = 'bench';
const CITY = `${PROVINCE}/city`;
const COUNTY = `${CITY}/county`;
const TOWNSHIP = `${COUNTY}/town`;
/** The tree registered before the timed import: these places are not the import's work. */
const TREE_DEPTH = TOWNSHIP.split('/').length + 1;
const REGION = '421122';
const GROUP_SIZE = 40;
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'];
const MEN = ['建国', '志强', '国庆', '永福', '明', '伟', '军', '勇', '磊', '涛'];
const WOMEN = ['秀英', '桂兰', '丽', '春花', '红梅', '玉梅', '淑芬', '雪梅', '金凤', '小红'];
/** First possible date of birth of the head, the spouse, and each further member (children: some under 18). */
const BORN_FROM = ['1950-01-01', '1952-03-01', '1990-01-01', '1995-06-01', '1998-01-01', '2000-01-01', '2003-01-01', '2005-01-01'];
const TERM_FROM = '2026-01-01';
const OWNED_FROM = '2020-01-01';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const utf8 = new TextEncoder();

interface Village {
  id: string;
  path: string;
  files: RosterUpload[];
  places: number;
  households: number;
  people: number;
  properties: number;
  memberships: number;
}

/** One village's rosters; `first` is the township-wide index of its first household (ID numbers stay unique). */
function village(vi: number, households: number, first: number): Village {
  const id = `v${pad(vi + 1, 2)}`;
  const inBuilding = Math.ceil(households / 5);
  const places: Record<string, string>[] = [{ path: 'b1', kind: placeKindName('building'), zh: '1号楼', en: 'Building 1' }];
  for (let g = 0; g * GROUP_SIZE < households - inBuilding; g++)
    places.push({ path: `g${g + 1}`, kind: placeKindName('group'), zh: `${g + 1}组`, en: `Group ${g + 1}` });
  const people: Record<string, string>[] = [];
  const properties: Record<string, string>[] = [];
  const heads: { idNumber: string; fullName: string }[] = [];
  for (let k = 0; k < households; k++) {
    const gh = first + k;
    const path = k < inBuilding ? `b1/h${pad(k + 1, 4)}` : `g${Math.floor((k - inBuilding) / GROUP_SIZE) + 1}/h${pad(k + 1, 4)}`;
    places.push({ path, kind: placeKindName('household'), zh: `${k + 1}户`, en: `Household ${k + 1}` });
    const surname = SURNAMES[gh % SURNAMES.length]!;
    for (let m = 0; m < PER_HOUSEHOLD; m++) {
      const sex = m === 0 ? 'male' : m === 1 ? 'female' : (gh + m) % 2 ? 'male' : 'female';
      const given = (sex === 'male' ? MEN : WOMEN)[(gh * 7 + m * 3) % 10]!;
      const fullName = m === 1 ? SURNAMES[(gh + 7) % SURNAMES.length]! + given : surname + given;
      const bornOn = addDays(BORN_FROM[m]!, gh % 7000);
      // (date of birth, serial) is unique per person: the date runs over 7,000 days, the serial over member and block.
      const idNo = idNumber(REGION, bornOn, m + 8 * Math.floor(gh / 7000), sex);
      const relation = m === 0 ? '户主' : m === 1 ? '配偶' : sex === 'male' ? '子' : '女';
      people.push({
        fullName,
        idNumber: idNo,
        sex: sex === 'male' ? '男' : '女',
        bornOn,
        phone: `139${pad((gh * 8 + m) % 100_000_000, 8)}`,
        household: path,
        relation,
        resident: gh % 10 === 9 ? '否' : '是',
        partyMember: m === 0 && gh % 15 === 0 ? '是' : '否',
      });
      if (m === 0) {
        heads.push({ idNumber: idNo, fullName });
        if (k < inBuilding)
          properties.push({ path, ownerIdNumber: idNo, ownerName: fullName, area: (60 + (gh % 80) + 0.5).toFixed(1), from: OWNED_FROM });
      }
    }
  }
  const seats: [BodyKind, number[]][] = [
    ['party-branch', [0, 1, 2, 3, 4]],
    ['two-committees', [0, 5, 6, 7, 8]],
    ['supervision-committee', [9, 10, 11]],
    ['representatives-assembly', heads.map((_, k) => k).filter((k) => k % 10 === 3)],
  ];
  const memberships = seats.flatMap(([kind, ks]) =>
    ks
      .filter((k) => k < heads.length)
      .map((k, i) => ({
        body: bodyName(kind),
        idNumber: heads[k]!.idNumber,
        fullName: heads[k]!.fullName,
        title: TITLES[kind]?.[i === 0 ? 0 : 1] ?? '代表',
        from: TERM_FROM,
      })),
  );
  const csv = (name: string, text: string): RosterUpload => ({ name, bytes: utf8.encode(text), contentType: 'text/csv' });
  return {
    id,
    path: `${TOWNSHIP}/${id}`,
    files: [
      csv('places.csv', rosterCsv('places', places)),
      csv('people.csv', rosterCsv('people', people)),
      csv('properties.csv', rosterCsv('properties', properties)),
      csv('memberships.csv', rosterCsv('memberships', memberships)),
    ],
    places: places.length,
    households,
    people: people.length,
    properties: properties.length,
    memberships: memberships.length,
  };
}

function township(): Village[] {
  const out: Village[] = [];
  for (let vi = 0, first = 0; vi < VILLAGES; vi++) {
    const n = Math.floor(HOUSEHOLDS / VILLAGES) + (vi < HOUSEHOLDS % VILLAGES ? 1 : 0);
    out.push(village(vi, n, first));
    first += n;
  }
  return out;
}

// ── Item sizes, as DynamoDB counts them ─────────────────────────────────────────────────────────────────────────

type Item = Record<string, AttributeValue>;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function valueSize(v: AttributeValue): number {
  if (v.S !== undefined) return bytes(v.S);
  if (v.N !== undefined) return Math.ceil(v.N.replace(/^-|\.|e.*$/gi, '').replace(/^0+/, '').length / 2) + 1;
  if (v.B !== undefined) return v.B.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.L !== undefined) return 3 + v.L.reduce((n, e) => n + 1 + valueSize(e), 0);
  if (v.M !== undefined) return 3 + Object.entries(v.M).reduce((n, [k, e]) => n + 1 + bytes(k) + valueSize(e), 0);
  if (v.SS !== undefined) return v.SS.reduce((n, s) => n + bytes(s), 0);
  if (v.NS !== undefined) return v.NS.reduce((n, s) => n + s.length, 0);
  return 0;
}
/** Attribute names + values: the size a write is billed on (1 WRU per started KB) and the table stores. */
const itemSize = (item: Item) => Object.entries(item).reduce((n, [k, v]) => n + bytes(k) + valueSize(v), 0);
const kb = (size: number) => Math.max(1, Math.ceil(size / 1024));
/** DynamoDB adds 100 bytes of overhead to every item it stores (and to every index entry). */
const STORED_OVERHEAD = 100;

const familyOf = (pk: string) => (pk.startsWith('REG#') ? pk.split('#').slice(0, 2).join('#') : pk.split('#')[0]!);

async function scanAll(db: DynamoDBClient, table: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

function countFamilies(items: readonly Item[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(familyOf(i.pk!.S!), (counts.get(familyOf(i.pk!.S!)) ?? 0) + 1);
  return counts;
}

/** Raw BatchWriteItem: 25 items a call, `width` calls at once, unprocessed items sent again. */
async function batchWrite(db: DynamoDBClient, table: string, items: readonly Item[], width: number): Promise<number> {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  let calls = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, batches.length) }, async () => {
      while (next < batches.length) {
        let requests = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
        while (requests.length) {
          calls++;
          const out = await db.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
          requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
        }
      }
    }),
  );
  return calls;
}

/**
 * The same items in transactions of a chunk's size, each put on the condition a first application puts on a new item
 * (none there yet), `width` transactions at once: what writing them atomically costs before any of the import's own
 * work (no outbox part, no reads, no markers).
 */
async function transactWrite(db: DynamoDBClient, table: string, items: readonly Item[], width: number): Promise<number> {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += WRITES_PER_CHUNK) chunks.push(items.slice(i, i + WRITES_PER_CHUNK));
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, chunks.length) }, async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++]!;
        await db.send(
          new TransactWriteItemsCommand({
            TransactItems: chunk.map((Item) => ({ Put: { TableName: table, Item, ConditionExpression: 'attribute_not_exists(pk)' } })),
          }),
        );
      }
    }),
  );
  return chunks.length;
}

// ── The run ─────────────────────────────────────────────────────────────────────────────────────────────────────

const benchStarted = Date.now();
const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const num = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Families the import writes in the registry's table: the register itself (not the import's own bookkeeping). */
const REGISTER_FAMILIES = new Set(['PLACE', 'HOUSEHOLD', 'PERSON', 'IDHASH', 'PROPERTY', 'OWNER', 'MEMBERSHIP', 'SEAT']);

/** Province on paper: 26,000 villages and communities, 18 million households, about 55 million people. */
const PROVINCE_PEOPLE = 55_000_000;
/** us-east-1 on-demand list prices (USD) — China regions: CNY prices on amazonaws.cn, to be substituted. */
const PRICE = { perMillionWru: 0.625, perGbMonth: 0.25, pitrPerGbMonth: 0.2, perMillionEvents: 1.0, perMillionLambda: 0.2 };

async function main(): Promise<void> {
  const villages = township();
  const people = villages.reduce((n, v) => n + v.people, 0);
  const expected = {
    places: 4 + villages.length + villages.reduce((n, v) => n + v.places, 0),
    people,
    households: HOUSEHOLDS,
    properties: villages.reduce((n, v) => n + v.properties, 0),
    memberships: villages.reduce((n, v) => n + v.memberships, 0),
  };
  console.log(
    `scale: ${VILLAGES} villages, ${num(HOUSEHOLDS)} households, ${PER_HOUSEHOLD} people per household = ${num(people)} people, ` +
      `${num(expected.properties)} properties, ${num(expected.memberships)} memberships, ${num(expected.places)} places` +
      ` (REGISTRY_BENCH_VILLAGES, REGISTRY_BENCH_HOUSEHOLDS, REGISTRY_BENCH_PEOPLE_PER_HOUSEHOLD)` +
      `${ALONE ? '; the registry ALONE (REGISTRY_BENCH_ALONE=1)' : ''}` +
      `; deliveries per event function at once: ${DELIVERY_CONCURRENCY ?? 'the stack default'}; load average ${loadAverage()}`,
  );
  const roster = villages.reduce((n, v) => n + v.files.reduce((m, f) => m + f.bytes.length, 0), 0);
  console.log(`rosters: ${villages.length * 4} CSV files, ${num(roster / 1024 / 1024, 1)} MB`);

  const t0 = Date.now();
  // All services; no demo province: the township is the whole register.
  const stack = await startLocalStack({
    // REGISTRY_BENCH_ALONE=1: the registry without the services that copy the register (what its own work costs).
    services: ALONE ? manifests.filter((m) => m.name === 'registry') : manifests,
    port: 0,
    register: { places: [], people: [], households: [], bodies: [] },
    logLevel: 'ERROR',
    retryBaseDelayMs: 50,
    timeoutScale: 4,
    ...(TABLES === 'shared' ? {} : { tablesApart: TABLES === 'each' ? manifests.map((m) => m.name) : ['registry'] }),
    // A run of minutes: DynamoDB Local's Java compiles its hot code fully, here and on the raw baseline's instance.
    dynamoLifetime: 'long',
    ...(DELIVERY_CONCURRENCY === undefined ? {} : { deliveryConcurrency: DELIVERY_CONCURRENCY }),
  });
  let stopped: Promise<void> | undefined;
  const stopStack = () => (stopped ??= stack.stop());
  const copies = [...stack.runtimes.values()]
    .filter((rt) => rt.manifest.keepsRegister)
    .map((rt) => ({ service: rt.manifest.name, scope: rt.manifest.keepsRegister!, table: resourceNames.table(rt.manifest.name) }));
  console.log(
    `stack up in ${secs(Date.now() - t0)}: ${stack.runtimes.size} services; copies of the register in ${copies.map((c) => `${c.service} (${c.scope})`).join(', ')}`,
  );
  // Every service's DynamoDB calls while the import runs, by operation and table (the stream pumps' reads are the
  // local stack's own and not counted): where the work goes.
  const calls = new Map<string, { calls: number; items: number; ms: number }>();
  const counting = { on: false };
  for (const mws of new Set([...stack.runtimes.values()].map((rt) => rt.doc.middlewareStack))) {
    mws.add(
      (next, context) => async (args) => {
        if (!counting.on) return next(args);
        const input = args.input as {
          TableName?: string;
          TransactItems?: Record<string, { TableName?: string }>[];
          RequestItems?: Record<string, unknown[] | { Keys: unknown[] }>;
        };
        const tx = input.TransactItems;
        const batch = input.RequestItems && Object.entries(input.RequestItems)[0];
        const table = namedTables(input)[0] ?? '?';
        const items = tx?.length ?? (batch ? (Array.isArray(batch[1]) ? batch[1].length : batch[1].Keys.length) : 1);
        const key = `${(context.commandName ?? '?').replace(/Command$/, '')} ${table.replace(/^.*?-(?=[a-z]+$)/, '')}`;
        const started = performance.now();
        try {
          return await next(args);
        } finally {
          const e = calls.get(key) ?? { calls: 0, items: 0, ms: 0 };
          e.calls++;
          e.items += items;
          e.ms += performance.now() - started;
          calls.set(key, e);
        }
      },
      { step: 'initialize', name: 'benchCallCounter' },
    );
  }
  const db = localDynamoClient(stack.endpoints.dynamodb, stack.tableEndpoint);

  const tokens = new Map<string, Promise<string>>();
  const token = (role: string, place: string) => {
    const key = `${role} ${place}`;
    if (!tokens.has(key))
      tokens.set(
        key,
        stack.issuer.sign({ sub: `bench-${role}`, roles: [{ role: role as never, place }] }).then((t) => t.token),
      );
    return tokens.get(key)!;
  };
  const scopeToken = (scope: string) => (scope === TOWNSHIP ? token('township-official', TOWNSHIP) : token('cadre', scope));

  // The apply step of each import, as the client sends it (only to report the apply phase on its own).
  const marks = { firstApply: Number.POSITIVE_INFINITY };
  const realFetch = globalThis.fetch;
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    if (init?.method === 'POST' && String(input instanceof Request ? input.url : input).endsWith('/apply'))
      marks.firstApply = Math.min(marks.firstApply, Date.now());
    return realFetch(input, init);
  }) as typeof fetch;

  let failed = false;
  try {
    // The tree above the villages, through the API, then the villages as the township's roster.
    const ops = await token('ops-admin', PROVINCE);
    const tree: [string | undefined, string, string, string][] = [
      [undefined, 'bench', 'province', '基准省'],
      [PROVINCE, 'city', 'city', '基准市'],
      [CITY, 'county', 'county', '基准县'],
      [COUNTY, 'town', 'township', '基准镇'],
    ];
    for (const [parent, id, kind, zh] of tree) {
      const res = await realFetch(`${stack.url}/registry/places`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ops}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...(parent ? { parent } : {}), id, kind, name: { zh, en: id } }),
      });
      if (res.status !== 201) throw new Error(`registering ${id}: ${res.status} ${await res.text()}`);
    }
    const villageRows = villages.map((v, i) => ({ path: v.id, kind: placeKindName('village'), zh: `${i + 1}村`, en: `Village ${i + 1}` }));
    await importRosters(
      [{ scope: TOWNSHIP, files: [{ name: 'places.csv', bytes: utf8.encode(rosterCsv('places', villageRows)), contentType: 'text/csv' }] }],
      {
        baseUrl: stack.url,
        token: scopeToken,
        runJob: true,
      },
    );
    await realFetch(`${stack.url}/_local/bus/idle`).then((r) => r.text());

    // 2. The import, timed.
    const scopes: ScopeImport[] = villages.map((v) => ({ scope: v.path, files: v.files }));
    marks.firstApply = Number.POSITIVE_INFINITY;
    counting.on = true;
    // The parts each copy's event function has taken so far (the township's places roster's, above).
    const eventFunction = (service: (typeof copies)[number]['service']) => functionArn(resourceNames.eventFunction(service));
    const deliveredBefore = new Map(copies.map((c) => [c.service, stack.bus.deliveredTo(eventFunction(c.service), RegisterImported.type)]));
    const partsDelivered = (service: (typeof copies)[number]['service']) =>
      stack.bus.deliveredTo(eventFunction(service), RegisterImported.type) - deliveredBefore.get(service)!;
    const started = Date.now();
    let results: ScopeImported[];
    try {
      results = await importRosters(scopes, { baseUrl: stack.url, token: scopeToken, runJob: true, timeoutMs: 6 * 3600_000, pollMs: 250 });
    } catch (err) {
      console.error(`the import failed: ${(err as Error).message}`);
      failed = true;
      return;
    }
    const ended = Date.now();
    const importMs = ended - started;
    counting.on = false;
    console.log(`\nDynamoDB calls during the import (every service; operation, table: calls, items, summed latency)`);
    for (const [k, e] of [...calls].sort((a, b) => b[1].ms - a[1].ms))
      console.log(`  ${k}: ${num(e.calls)} calls, ${num(e.items)} items, ${secs(e.ms)} (${num(e.ms / e.calls, 1)} ms each)`);
    const applyMs = ended - marks.firstApply;
    const changes = results.reduce((n, r) => n + (r.progress?.total ?? 0), 0);
    const parts = results.reduce((n, r) => n + (r.progress?.parts ?? 0), 0);
    const peopleAdded = results.reduce((n, r) => n + (r.summary.people?.added ?? 0), 0);
    if (peopleAdded !== people) console.log(`!! people added ${peopleAdded}, expected ${people}`);
    console.log(
      `\nimported ${results.length} villages in ${secs(importMs)} (create, upload, dry run, apply, job); from the first apply: ${secs(applyMs)}`,
    );
    console.log(`  ${num(people)} people rows, ${num(changes)} changes in ${num(parts)} parts (chunks)`);

    // 3. Copies catching up.
    const want = (scope: string): Record<string, number> =>
      scope === 'places'
        ? { 'REG#KIDS': expected.places }
        : {
            'REG#KIDS': expected.places,
            'REG#PERSON': expected.people,
            'REG#HH': expected.households,
            'REG#PROP': expected.properties,
            'REG#BODY': expected.memberships,
          };
    const caughtUp = new Map<string, number>();
    const timeoutMs = int('REGISTRY_BENCH_CATCHUP_TIMEOUT_S', Math.max(300, Math.ceil(people / 50))) * 1000;
    const last = new Map<string, Map<string, number>>();
    /** Each copy's items as the scan that found it caught up read them: nothing writes to it after, so step 4 counts these. */
    const scanned = new Map<string, Item[]>();
    // A copy is looked at once its event function has taken every part: scanning its table again and again while
    // its consumer still writes to the same DynamoDB Local slowed the very catching-up it timed. A copy the scan finds
    // short (a part delivered twice, one lost) is scanned again each round until it holds everything.
    while (caughtUp.size < copies.length && Date.now() - ended < timeoutMs) {
      await Promise.all(
        copies
          .filter((c) => !caughtUp.has(c.service) && partsDelivered(c.service) >= parts)
          .map(async (c) => {
            const at = Date.now();
            const items = await scanAll(db, c.table);
            const counts = countFamilies(items);
            last.set(c.service, counts);
            if (Object.entries(want(c.scope)).every(([f, n]) => (counts.get(f) ?? 0) >= n)) {
              caughtUp.set(c.service, at);
              scanned.set(c.service, items);
            }
          }),
      );
      if (caughtUp.size < copies.length) await new Promise((r) => setTimeout(r, 100));
    }
    await realFetch(`${stack.url}/_local/bus/idle`).then((r) => r.text());
    const deadLetters = ((await (await realFetch(`${stack.url}/_local/bus/dead-letters`)).json()) as unknown[]).length;
    console.log(`\ncopies (each scanned once its event function had taken every part; dead letters on the bus: ${deadLetters})`);
    console.log('| service | keeps | caught up after the import | after its start |');
    console.log('|---|---|---|---|');
    for (const c of copies) {
      const at = caughtUp.get(c.service);
      if (at === undefined) {
        failed = true;
        const got = Object.entries(want(c.scope))
          .map(([f, n]) => `${f} ${last.get(c.service)?.get(f) ?? 0}/${n}`)
          .join(', ');
        console.log(`| ${c.service} | ${c.scope} | NEVER within ${secs(timeoutMs)} (${got}) | |`);
      } else console.log(`| ${c.service} | ${c.scope} | ${secs(at - ended)} | ${secs(at - started)} |`);
    }

    // The register items the import wrote (scanned now; written again in step 5 on a fresh DynamoDB Local).
    const registryTable = resourceNames.table('registry');
    const registryItems = await scanAll(db, registryTable);
    const written = registryItems.filter((i) => {
      const family = familyOf(i.pk!.S!);
      return REGISTER_FAMILIES.has(family) && !(family === 'PLACE' && i.pk!.S!.slice('PLACE#'.length).split('/').length <= TREE_DEPTH);
    });
    const writtenSet = new Set(written);

    // 4. Items and bytes per person in each table.
    const tables = [{ service: 'registry', table: registryTable, items: registryItems }];
    for (const c of copies)
      tables.push({ service: c.service, table: c.table, items: scanned.get(c.service) ?? (await scanAll(db, c.table)) });
    const indexAttrs = (service: string) => stack.runtimes.get(service)!.manifest.table.indexes.map((i) => i.partitionKey);
    console.log(
      `\nitems and bytes per person (${num(people)} people; bytes = attribute names + values; stored = + ${STORED_OVERHEAD} B per item and per index entry)`,
    );
    console.log('| table | family | items | per person | bytes | bytes per person |');
    console.log('|---|---|---|---|---|---|');
    const perTable: { service: string; items: number; bytes: number; stored: number; registerItems: Item[]; inbox: Item[] }[] = [];
    for (const t of tables) {
      const families = new Map<string, { items: number; bytes: number }>();
      let stored = 0;
      const attrs = indexAttrs(t.service);
      for (const i of t.items) {
        const f = familyOf(i.pk!.S!);
        const size = itemSize(i);
        const e = families.get(f) ?? { items: 0, bytes: 0 };
        e.items++;
        e.bytes += size;
        families.set(f, e);
        stored += size + STORED_OVERHEAD + attrs.filter((a) => i[a]).length * (size + STORED_OVERHEAD);
      }
      for (const [f, e] of [...families].sort(([a], [b]) => a.localeCompare(b))) {
        console.log(
          `| ${t.service} | ${f} | ${num(e.items)} | ${num(e.items / people, 3)} | ${num(e.bytes)} | ${num(e.bytes / people, 1)} |`,
        );
      }
      const items = t.items.length;
      const total = t.items.reduce((n, i) => n + itemSize(i), 0);
      console.log(
        `| **${t.service}** | all | ${num(items)} | ${num(items / people, 3)} | ${num(total)} | ${num(total / people, 1)} (stored ${num(stored / people, 1)}) |`,
      );
      perTable.push({
        service: t.service,
        items,
        bytes: total,
        stored,
        registerItems: t.items.filter((i) => (t.service === 'registry' ? writtenSet.has(i) : i.pk!.S!.startsWith('REG#'))),
        inbox: t.items.filter((i) => i.pk!.S!.startsWith('INBOX#register-copy#')),
      });
    }

    // 4b. Per person: write units, events, invocations, storage — and the province at that mix.
    const importIds = new Set(results.map((r) => r.importId));
    const events = stack.bus
      .events()
      .filter(
        (e) => e['detail-type'] === RegisterImported.type && importIds.has((e.detail as { data: { importId: string } }).data.importId),
      );
    const eventBytes = events.map((e) => bytes(JSON.stringify(e.detail)) + bytes(e['detail-type']) + bytes(e.source));
    const eventChunks = eventBytes.reduce((n, b) => n + Math.ceil(b / 65_536), 0);
    const importRecords = registryItems.filter((i) => i.sk?.S === 'IMPORT' && importIds.has(i.pk!.S!.slice('IMPORT#'.length)));
    // The parts' outbox rows as the registry stored them (a detail over 4 KB gzipped: kernel `outboxDetail` reads either way).
    const partRows = registryItems.filter((i) => {
      if (i.sk?.S !== 'OUTBOX' || i.detailType?.S !== RegisterImported.type) return false;
      const detail = outboxDetail({ detail: i.detail?.S, detailGz: i.detailGz?.S }) || '{}';
      return importIds.has((JSON.parse(detail) as { data?: { importId?: string } }).data?.importId ?? '');
    });
    const recordKb = importRecords.reduce((n, i) => n + kb(itemSize(i)), 0) / Math.max(1, importRecords.length);
    const reg = perTable[0]!;
    // Registry: every register item once in a transaction (2 WRU/KB) and its gsi1 entry (1 WRU/KB); per chunk the
    // RegisterImported outbox row (2 WRU/KB of the row as stored), the done-marker (2) and the import record's progress (2 WRU/KB + its gsi1 entry).
    const regWru =
      reg.registerItems.reduce((n, i) => n + 2 * kb(itemSize(i)) + (i.gsi1pk ? kb(itemSize(i)) : 0), 0) +
      partRows.reduce((n, i) => n + 2 * kb(itemSize(i)), 0) +
      parts * (2 + 3 * recordKb);
    console.log(
      `\nper person, from these figures (WRU: transactional 2 per KB, index entries 1 per KB; the copies write each part in one transaction plus the event's processed marker)`,
    );
    console.log('| table | import WRU | WRU per person | stored GB per million people |');
    console.log('|---|---|---|---|');
    console.log(`| registry | ${num(regWru)} | ${num(regWru / people, 2)} | ${num(((reg.stored / people) * 1e6) / 1e9, 3)} |`);
    let copyWru = 0;
    let stored = reg.stored;
    for (const t of perTable.slice(1)) {
      const wru = t.registerItems.reduce((n, i) => n + 2 * kb(itemSize(i)), 0) + t.inbox.reduce((n, i) => n + 2 * kb(itemSize(i)), 0);
      copyWru += wru;
      stored += t.stored;
      console.log(`| ${t.service} | ${num(wru)} | ${num(wru / people, 2)} | ${num(((t.stored / people) * 1e6) / 1e9, 3)} |`);
    }
    const eventsPerPerson = events.length / people;
    const invocationsPerPerson = (events.length * copies.length + parts) / people;
    console.log(
      `RegisterImported events: ${events.length} (${num(eventsPerPerson, 4)} per person; ${(changes / Math.max(1, events.length)).toFixed(1)} changes each; ${num(Math.max(...eventBytes, 0))} B the largest; ${eventChunks} billed 64 KB chunks; their ${num(partRows.length)} outbox rows ${num(partRows.reduce((n, i) => n + itemSize(i), 0) / Math.max(1, partRows.length))} B on average as stored, the detail gzipped over 4 KB, against ${num(eventBytes.reduce((n, b) => n + b, 0) / Math.max(1, eventBytes.length))} B published)`,
    );
    console.log(
      `Lambda invocations: ${events.length} × ${copies.length} copying services + ${parts} relay batches (at most one per chunk) = ${num(events.length * copies.length + parts)} (${num(invocationsPerPerson, 4)} per person), besides ~4 HTTP calls and a few status polls per village and the job's runs`,
    );

    const scale = PROVINCE_PEOPLE / people;
    const wru = (regWru + copyWru) * scale;
    const gb = (stored * scale) / 1e9;
    const ev = eventChunks * scale;
    const inv = (events.length * copies.length + parts) * scale;
    console.log(
      `\nprovince at this mix (× ${num(scale, 1)}: ${num(PROVINCE_PEOPLE)} people), us-east-1 on-demand list prices in USD (China regions: CNY on amazonaws.cn, substitute):`,
    );
    console.log(
      `  import: ${num(wru / 1e6, 1)} M WRU ($${num((wru / 1e6) * PRICE.perMillionWru, 0)}), ${num(ev / 1e6, 2)} M events ($${num((ev / 1e6) * PRICE.perMillionEvents, 0)}), ${num(inv / 1e6, 2)} M invocations ($${num((inv / 1e6) * PRICE.perMillionLambda, 0)} in requests)`,
    );
    console.log(
      `  held: ${num(gb, 1)} GB in all tables ($${num(gb * PRICE.perGbMonth, 0)} a month, PITR $${num(gb * PRICE.pitrPerGbMonth, 0)} a month)`,
    );

    // 5. Raw BatchWriteItem of the same register items, on a fresh DynamoDB Local of its own (the stack is stopped
    //    first: the import's instance holds the registry and every copy, and DynamoDB Local slows as it fills).
    globalThis.fetch = realFetch;
    await stopStack();
    const loadBefore = loadAverage();
    // Each baseline on a fresh instance: the second does not start on the first's items and stream records.
    const onFreshInstance = async <T>(write: (db: DynamoDBClient) => Promise<T>): Promise<{ ms: number; out: T }> => {
      const dynamo = await startDynamoLocal({ startupMs: 120_000, lifetime: 'long' });
      try {
        // The client the stack's services use (its connection pool, its unsigned requests): the same client on all sides.
        const db = localDynamoClient(dynamo.endpoint);
        try {
          // The registry's own table name and shape (gsi1, a stream), as the stack creates it.
          await ensureTable(db, registryManifest, registryTable);
          const started = Date.now();
          const out = await write(db);
          return { ms: Date.now() - started, out };
        } finally {
          db.destroy();
        }
      } finally {
        await dynamo.stop();
      }
    };
    const { ms: rawMs, out: rawCalls } = await onFreshInstance((db) => batchWrite(db, registryTable, written, IMPORT_CONCURRENCY));
    const { ms: atomicMs, out: atomicCalls } = await onFreshInstance((db) => transactWrite(db, registryTable, written, IMPORT_CONCURRENCY));
    const rate = (n: number, ms: number) => n / (ms / 1000);
    const ratio = rawMs / importMs;
    const applyRatio = rawMs / applyMs;
    console.log(
      `\nraw baseline: the same ${num(written.length)} register items the import wrote (places, households, people, ID hashes, ` +
        `properties, owner pointers, memberships, seats; ${num(written.reduce((n, i) => n + itemSize(i), 0) / 1024 / 1024, 2)} MB) ` +
        `with BatchWriteItem, ${num(rawCalls)} calls of ≤ 25 items, ${IMPORT_CONCURRENCY} at once (the import job's imports at once), ` +
        `into the registry's table (gsi1, a stream) on a FRESH DynamoDB Local of its own, nothing else running on it ` +
        `(load average ${loadBefore} before): ${secs(rawMs)}`,
    );
    console.log(
      `atomic floor: the same items with TransactWriteItems, ${num(atomicCalls)} transactions of ≤ ${WRITES_PER_CHUNK} (a chunk's writes), ` +
        `each item on the condition that it is new, ${IMPORT_CONCURRENCY} at once, on another fresh DynamoDB Local: ${secs(atomicMs)} — ` +
        `${(rawMs / atomicMs).toFixed(2)}× raw, the most an import that applies each chunk in one transaction can reach here`,
    );
    console.log(
      ALONE
        ? "(the import ran on the stack's own fresh DynamoDB Local, the registry alone)"
        : TABLES === 'shared'
          ? "(the import ran on the stack's own fresh DynamoDB Local, with every service and their copies of the register on it)"
          : `(the import ran with every service, ${TABLES === 'each' ? 'each table' : "the registry's table"} on a fresh DynamoDB Local of its own, all on this machine's ${cpus().length} cores)`,
    );
    console.log('| | time | people rows/s | changes/s | register items/s | × raw |');
    console.log('|---|---|---|---|---|---|');
    console.log(
      `| import, end to end | ${secs(importMs)} | ${num(rate(people, importMs))} | ${num(rate(changes, importMs))} | ${num(rate(written.length, importMs))} | ${ratio.toFixed(2)} |`,
    );
    console.log(
      `| import, from the first apply | ${secs(applyMs)} | ${num(rate(people, applyMs))} | ${num(rate(changes, applyMs))} | ${num(rate(written.length, applyMs))} | ${applyRatio.toFixed(2)} |`,
    );
    console.log(
      `| the same items in transactions, fresh DynamoDB Local | ${secs(atomicMs)} | ${num(rate(people, atomicMs))} | ${num(rate(changes, atomicMs))} | ${num(rate(written.length, atomicMs))} | ${(rawMs / atomicMs).toFixed(2)} |`,
    );
    console.log(
      `| raw BatchWriteItem, fresh DynamoDB Local | ${secs(rawMs)} | ${num(rate(people, rawMs))} | ${num(rate(changes, rawMs))} | ${num(rate(written.length, rawMs))} | 1.00 |`,
    );
    console.log(
      `goal ≥ 0.5× raw: end to end ${ratio >= 0.5 ? 'MET' : 'NOT MET'} (${ratio.toFixed(2)}×); from the first apply ${applyRatio >= 0.5 ? 'MET' : 'NOT MET'} (${applyRatio.toFixed(2)}×); ` +
        `against the atomic floor ${(atomicMs / importMs).toFixed(2)}× end to end`,
    );
    // pnpm bench collects these rows into its table (test/bench/run.ts).
    const slowest = copies.reduce<{ service: string; ms: number } | undefined>((worst, c) => {
      const ms = (caughtUp.get(c.service) ?? Number.POSITIVE_INFINITY) - ended;
      return worst && worst.ms >= ms ? worst : { service: c.service, ms };
    }, undefined);
    const load = loadAverage();
    const how = ALONE
      ? 'the registry alone'
      : TABLES === 'shared'
        ? 'every service on one DynamoDB Local'
        : `every service, tables apart (${TABLES})`;
    handBack([
      {
        metric: 'import vs raw',
        subject: `township import, ${VILLAGES} villages / ${num(people)} people, ${how} (people rows/s)`,
        value: Math.round(rate(people, importMs)),
        unit: 'rows/s',
        baseline: Math.round(rate(people, rawMs)),
        baselineOf: `raw BatchWriteItem of the same ${num(written.length)} register items, fresh DynamoDB Local`,
        ratio: Math.round(ratio * 100) / 100,
        goal: '≥ 0.5×',
        load,
      },
      {
        metric: 'import vs atomic floor',
        subject: `the same township import against the same items in transactions of ${WRITES_PER_CHUNK} (people rows/s)`,
        value: Math.round(rate(people, importMs)),
        unit: 'rows/s',
        baseline: Math.round(rate(people, atomicMs)),
        baselineOf: `TransactWriteItems of the same ${num(written.length)} register items, fresh DynamoDB Local`,
        ratio: Math.round((atomicMs / importMs) * 100) / 100,
        goal: '—',
        load,
      },
      ...(slowest
        ? [
            {
              metric: 'copies caught up',
              subject: `every copy of the register, after the import (the last: ${slowest.service})`,
              value: Number.isFinite(slowest.ms) ? Math.round(slowest.ms / 100) / 10 : -1,
              unit: 's',
              baseline: 0,
              baselineOf: '—',
              ratio: 0,
              goal: '—',
              load,
            },
          ]
        : []),
    ]);
    console.log(`\nbench wall time ${secs(Date.now() - benchStarted)}; load average ${loadAverage()} at the end`);
  } finally {
    globalThis.fetch = realFetch;
    await stopStack();
    if (failed) process.exitCode = 1;
  }
}

await main();
