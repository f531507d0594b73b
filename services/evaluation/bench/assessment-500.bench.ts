/**
 * Benchmark: the year-end participation assessment of a county of 500 villages, on the embedded local stack
 * (DynamoDB Local, the local bus), with only the evaluation service running and a synthetic county.
 *
 *   npx tsx services/evaluation/bench/assessment-500.bench.ts [villages=500] [householdsPerVillage=30]
 *
 * 1. Feeds the participation consumers through the bus: a classification per village, and for two years one
 *    NeedRaised and one DiscussionHeld per village (attendance varies so some villages rise, some fall).
 * 2. Runs the baseline year's assessment, then the next year's (with tier moves), then re-runs the next year.
 * 3. Prints wall-clock figures, progress as the job reports it, and checks that the re-run changed nothing and
 *    published nothing. No timing is asserted; the figures are for reading.
 */
import { DiscussionHeld, type EventContract, NeedRaised, VillageClassified } from '@cocreate/contracts';
import { newId } from '@cocreate/kernel';
import { startLocalStack } from '@cocreate/local';
import { LocalApi, publishEvent, q } from '@cocreate/local/testing';
import { type Household, type Place, type PlaceData } from '@cocreate/places';
import { manifest } from '../manifest.ts';
import { emptyRegister, handBack, loadNow, writeRegisterCopy } from '@cocreate/local/bench';

const VILLAGES = Number(process.argv[2] ?? 500);
const HOUSEHOLDS = Number(process.argv[3] ?? 30);
const TOWNSHIP_SIZE = 20;
const [Y0, Y1] = [2020, 2021];
const COUNTY = 'bench/city/county';

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function syntheticCounty(): { data: PlaceData; villages: string[] } {
  const places: Place[] = [
    { path: 'bench', kind: 'province', name: { zh: '基准省', en: 'Bench province' } },
    { path: 'bench/city', kind: 'city', name: { zh: '基准市', en: 'Bench city' } },
    { path: COUNTY, kind: 'county', name: { zh: '基准县', en: 'Bench county' } },
  ];
  const households: Household[] = [];
  const villages: string[] = [];
  for (let i = 0; i < VILLAGES; i++) {
    const town = `${COUNTY}/t${String(Math.floor(i / TOWNSHIP_SIZE)).padStart(3, '0')}`;
    if (i % TOWNSHIP_SIZE === 0) places.push({ path: town, kind: 'township', name: { zh: `镇${i}`, en: `Town ${i}` } });
    const v = `${town}/v${String(i).padStart(4, '0')}`;
    villages.push(v);
    places.push({ path: v, kind: 'village', name: { zh: `村${i}`, en: `Village ${i}` } });
    for (let h = 1; h <= HOUSEHOLDS; h++) {
      const path = `${v}/h${String(h).padStart(3, '0')}`;
      places.push({ path, kind: 'household', name: { zh: `${h}户`, en: `Household ${h}` } });
      households.push({ path, village: v, head: `p-${i}-${h}`, members: [`p-${i}-${h}`], owners: [] });
    }
  }
  return { data: { places, people: [], households, bodies: [] }, villages };
}

/** Attendance per household per year for village i: rises for every 4th village, falls for every 5th. */
function attendance(i: number, year: number): number {
  const base = 20 + (i % 7);
  if (year === Y0) return base;
  if (i % 4 === 0) return Math.round(base * 1.5);
  if (i % 5 === 0) return Math.round(base * 0.5);
  return base;
}

type Entry = { contract: EventContract; data: unknown; place: string; occurredAt: string };

/** Publishes as the producing services' relays would, a few at a time. */
async function publishAll(endpoint: string, entries: Entry[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const e = entries[next++]!;
      await publishEvent(endpoint, e.contract, e.data as never, { place: e.place, occurredAt: e.occurredAt, actor: 'bench' });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const { data, villages } = syntheticCounty();
  const t0 = Date.now();
  const stack = await startLocalStack({ port: 0, services: [manifest], register: emptyRegister, logLevel: 'ERROR', retryBaseDelayMs: 50 });
  // The county's register copy as the copy's consumer would write it from the import's events (test/bench/fixtures.ts).
  const rt = stack.runtimes.get('evaluation')!;
  const copied = await writeRegisterCopy(rt.doc, rt.table.name, data);
  console.log(
    `stack up and ${copied} register items copied in ${secs(Date.now() - t0)}: ${VILLAGES} villages × ${HOUSEHOLDS} households, only the evaluation service`,
  );
  const api = new LocalApi(stack.url);
  const county = api.official('bench-county', 'county-official', COUNTY);
  try {
    // 1. Participation events through the bus and the consumers.
    const entries: Entry[] = [];
    villages.forEach((v, i) => {
      entries.push({
        contract: VillageClassified,
        data: { village: v, class: i % 2 ? 'pilot' : 'remediation', proposalId: newId(), decidedAt: `${Y0}-01-05T10:00:00+08:00` },
        place: v,
        occurredAt: `${Y0}-01-05T02:00:00Z`,
      });
      for (const year of [Y0, Y1]) {
        const at = `${year}-06-01T10:00:00+08:00`;
        entries.push({
          contract: NeedRaised,
          data: {
            needId: newId(),
            village: v,
            place: v,
            category: 'roads',
            text: 'bench',
            channel: 'online',
            raisedBy: `p-${i}-1`,
            recordedBy: `p-${i}-1`,
          },
          place: v,
          occurredAt: at,
        });
        const n = attendance(i, year);
        entries.push({
          contract: DiscussionHeld,
          data: {
            sessionId: newId(),
            village: v,
            planId: newId(),
            planVersion: 1,
            heldAt: at,
            parties: ['residents'],
            residentAttendees: Array.from({ length: n }, (_, k) => `p-${i}-${k}`),
            otherAttendees: 0,
          },
          place: v,
          occurredAt: at,
        });
      }
    });
    const t1 = Date.now();
    await publishAll(stack.endpoints.eventbridge, entries);
    // Wait until the consumers have counted everything: the last village's counters for the last year.
    const expectLast = attendance(VILLAGES - 1, Y1);
    for (;;) {
      const tiers = (await api.get(`/evaluation/tiers${q({ county: COUNTY })}`)).body.items.length as number;
      const lastVillage = villages.at(-1)!;
      const f = (await api.get(`/evaluation/participation${q({ village: lastVillage, year: Y1 })}`, { as: county })).body;
      const allCounted = await Promise.all(
        villages
          .filter((_, i) => i % 50 === 0)
          .map(
            async (v) =>
              (await api.get(`/evaluation/participation${q({ village: v, year: Y1 })}`, { as: county })).body.components.needsRaised
                .count === 1,
          ),
      );
      if (tiers === VILLAGES && f.components.discussionAttendance.count === expectLast && allCounted.every(Boolean)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const ingestMs = Date.now() - t1;
    console.log(
      `consumed ${entries.length} events in ${secs(ingestMs)} (${Math.round(entries.length / (ingestMs / 1000))} events/s, one counter item per village-year)`,
    );

    // 2. The assessments.
    const figures: { what: string; ms: number; run: Record<string, number | string> }[] = [];
    const assess = async (what: string, year: number) => {
      const started = await api.post('/evaluation/assessments', { county: COUNTY, year }, { as: county });
      if (started.status !== 202) throw new Error(`start failed: ${JSON.stringify(started.body)}`);
      const runId = started.body.runId as string;
      const t = Date.now();
      let last = -1;
      let run: Record<string, number | string> = started.body;
      const report = async () => {
        run = (await api.get(`/evaluation/assessments/${runId}`)).body;
        if (run.done !== last) {
          last = run.done as number;
          console.log(`  ${what}: ${run.done}/${run.total} (${run.progressPct}%) after ${secs(Date.now() - t)}`);
        }
      };
      const poller = setInterval(() => void report(), 2000);
      let invocations = 0;
      // Each invocation works for at most its budget and leaves the rest to the next (the schedule's job in AWS).
      while (run.status !== 'done') {
        invocations += 1;
        await api.post('/_local/jobs/evaluation/assessment-runner', {});
        await report();
      }
      clearInterval(poller);
      run.invocations = invocations;
      figures.push({ what, ms: Date.now() - t, run });
    };
    await assess(`baseline ${Y0}`, Y0);
    await assess(`assessment ${Y1}`, Y1);
    const resultsBefore = (await api.get(`/evaluation/assessment-results${q({ county: COUNTY, year: Y1 })}`)).body.items;
    const eventsBefore = (await api.get(`/_local/bus/events${q({ type: 'ParticipationAssessed' })}`)).body.count as number;
    const movesBefore = (await api.get(`/_local/bus/events${q({ type: 'VillageTierChanged' })}`)).body.count as number;
    await assess(`re-run ${Y1}`, Y1);
    await new Promise((r) => setTimeout(r, 2000)); // let the relay publish anything a re-run might (wrongly) have emitted
    const resultsAfter = (await api.get(`/evaluation/assessment-results${q({ county: COUNTY, year: Y1 })}`)).body.items;
    const eventsAfter = (await api.get(`/_local/bus/events${q({ type: 'ParticipationAssessed' })}`)).body.count as number;
    const movesAfter = (await api.get(`/_local/bus/events${q({ type: 'VillageTierChanged' })}`)).body.count as number;

    console.log('\n| run | villages | changed | unchanged | tier changes | job invocations | wall clock | per village |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const f of figures) {
      console.log(
        `| ${f.what} | ${f.run.total} | ${f.run.changed} | ${f.run.unchanged} | ${f.run.tierChanges} | ${f.run.invocations} | ${secs(f.ms)} | ${(f.ms / Number(f.run.total)).toFixed(1)} ms |`,
      );
    }
    const identical = JSON.stringify(resultsBefore) === JSON.stringify(resultsAfter);
    console.log(
      `\nre-run: results identical: ${identical}; ParticipationAssessed on the bus ${eventsBefore} → ${eventsAfter}; VillageTierChanged ${movesBefore} → ${movesAfter}`,
    );
    if (!identical || eventsAfter !== eventsBefore || movesAfter !== movesBefore) process.exitCode = 1;
    // pnpm bench collects the rows into its table (test/bench/run.ts): each run against the first assessment's.
    const load = loadNow();
    const first = figures[0]!;
    handBack([
      {
        metric: 'consumers (local)',
        subject: `evaluation: ${entries.length} participation events through the bus, ${VILLAGES} villages`,
        value: Math.round(entries.length / (ingestMs / 1000)),
        unit: 'events/s',
        baseline: 0,
        baselineOf: '—',
        ratio: 0,
        goal: '—',
        load,
      },
      ...figures.map((f) => ({
        metric: `assessment, ${VILLAGES} villages`,
        subject: `evaluation: ${f.what} (${f.run.changed} changed, ${f.run.tierChanges} tier changes, ${f.run.invocations} job runs)`,
        value: Math.round(f.ms / 100) / 10,
        unit: 's',
        baseline: Math.round(first.ms / 100) / 10,
        baselineOf: f === first ? '—' : `the ${first.what}`,
        ratio: Math.round((f.ms / first.ms) * 100) / 100,
        goal: '—',
        load,
      })),
    ]);
  } finally {
    await stack.stop();
  }
}

await main();
