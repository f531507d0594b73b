import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '@cocreate/local';
import { LOAD_TEST_TIMEOUT, LocalApi, eventually, q, uploadToPresigned } from '@cocreate/local/testing';
import { type Body, type Household, type Person, type Place, type PlaceData } from '@cocreate/places';
import { PlaceDirectory } from '@cocreate/places/directory';
import { manifest } from '../manifest.ts';
import { castBallot, listBallots } from '../handlers/ballots.ts';
import { decideChain, putChain, putChainPolicy } from '../handlers/settings.ts';
import { getNeed, listNeeds, raiseNeed, secondNeed, triageNeed } from '../handlers/needs.ts';
import { getTally, resolveProposalStep, submitProposal } from '../handlers/proposals.ts';
import { requestEvidenceUpload } from '../handlers/plans.ts';

/**
 * 500 concurrent ballots into one tally. The demo villages have a dozen voters per body, so this file starts its own
 * local stack (deliberation only) over a synthetic village of 520 households whose villagers' meeting has 520
 * members, and talks to it over HTTP like every other test.
 */
const township = 'hubei/huanggang/loadtest/town';
const village = `${township}/big`;
const HOUSEHOLDS = 520;
const id = (n: number) => `p-big-${String(n).padStart(3, '0')}`;

function bigVillage(): PlaceData {
  const places: Place[] = [
    { path: 'hubei', kind: 'province', name: { zh: '湖北省', en: 'Hubei' } },
    { path: 'hubei/huanggang', kind: 'city', name: { zh: '黄冈市', en: 'Huanggang' } },
    { path: 'hubei/huanggang/loadtest', kind: 'county', name: { zh: '测试县', en: 'Load County' } },
    { path: township, kind: 'township', name: { zh: '测试镇', en: 'Load Town' } },
    { path: village, kind: 'village', name: { zh: '大村', en: 'Big Village' } },
    { path: `${village}/g1`, kind: 'group', name: { zh: '1组', en: 'Group 1' } },
  ];
  const people: Person[] = [];
  const households: Household[] = [];
  for (let n = 1; n <= HOUSEHOLDS; n++) {
    const path = `${village}/g1/h${String(n).padStart(3, '0')}`;
    places.push({ path, kind: 'household', name: { zh: `${n}户`, en: `Household ${n}` } });
    people.push({
      id: id(n),
      name: `村民${n}`,
      phone: '13800000000',
      household: path,
      village,
      roles: n <= 3 ? ['resident', 'cadre'] : ['resident'],
    });
    households.push({ path, village, head: id(n), members: [id(n)], owners: [] });
  }
  const bodies: Body[] = [
    { kind: 'villagers-meeting', village, members: people.map((p) => p.id) },
    { kind: 'two-committees', village, members: [id(1), id(2), id(3)] },
  ];
  return { places, people, households, bodies };
}

const village520 = bigVillage();
const directory = new PlaceDirectory(village520);
/** Every ballot is sent at once: 500 voters plus the duplicates racing them. */
const IN_FLIGHT = 540;

/** Runs every call with at most `limit` in flight; results in call order. */
async function pool<T>(calls: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(calls.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < calls.length) {
        const i = next++;
        out[i] = await calls[i]!();
      }
    }),
  );
  return out;
}
let stack: LocalStack;
let api: LocalApi;

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, services: [manifest], register: village520, retryBaseDelayMs: 50, timeoutScale: 4 });
  api = new LocalApi(stack.url, directory);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe('a hot tally under 500 concurrent ballots', () => {
  it(
    'counts every ballot exactly once, refuses every duplicate, and reads in constant cost',
    async () => {
      const cadre = id(1);
      // One body decides here: the county's floor for classifications says so, and the township approves the chain.
      const rule = {
        quorum: { op: 'more-than', num: 1, den: 2 },
        passing: { of: 'cast', share: { op: 'more-than', num: 1, den: 2 } },
      } as const;
      const county = api.official('c-load-1', 'county-official', 'hubei/huanggang/loadtest');
      const policy = await api.call(
        putChainPolicy,
        {
          body: {
            scope: 'hubei/huanggang/loadtest',
            kind: 'village-classification',
            fromFen: 0,
            required: [{ bodies: ['villagers-meeting'], ...rule }],
            reason: '测试县：村庄分类由村民会议决定',
            expectedVersion: 0,
          },
        },
        { as: county },
      );
      expect(policy.status).toBe(200);
      const chain = await api.call(
        putChain,
        {
          body: {
            village,
            kind: 'village-classification',
            steps: [{ body: 'villagers-meeting', ...rule, onFail: 'end' }],
            expectedVersion: 0,
            reason: '村民会议直接表决',
          },
        },
        { as: cadre },
      );
      expect(chain.status).toBe(202);
      const approved = await api.call(
        decideChain,
        { params: { changeId: chain.body.changeId }, body: { approve: true, reason: '同意' } },
        { as: api.official('t-load-1', 'township-official', township) },
      );
      expect(approved.body).toMatchObject({ status: 'approved', version: 1 });
      const submitted = await api.call(
        submitProposal,
        { body: { kind: 'village-classification', village, classification: 'pilot' } },
        { as: cadre },
      );
      expect(submitted.status).toBe(201);
      const proposalId = submitted.body.proposalId as string;

      const voters = Array.from({ length: 500 }, (_, i) => id(i + 1));
      const choice = (i: number) => (i % 5 === 0 ? 'no' : i % 7 === 0 ? 'abstain' : 'yes');
      const expected = { yes: 0, no: 0, abstain: 0 };
      voters.forEach((_, i) => (expected[choice(i)] += 1));
      // Tokens first, so the burst is only ballots.
      await Promise.all(voters.map((v) => api.token(api.person(v))));
      // 500 first ballots and 40 second attempts by voters already in the burst, all issued at once: 540 requests
      // in flight against one tally.
      const dupes = voters.slice(0, 40);
      const calls = [
        ...voters.map((v, i) => () => api.call(castBallot, { params: { proposalId }, body: { step: 0, choice: choice(i) } }, { as: v })),
        ...dupes.map((v) => () => api.call(castBallot, { params: { proposalId }, body: { step: 0, choice: 'no' } }, { as: v })),
      ];
      // Interleave the duplicates with the first ballots so both requests of a voter race each other.
      calls.sort(() => Math.random() - 0.5);
      const started = Date.now();
      const results = await pool(calls, IN_FLIGHT);
      const elapsed = Date.now() - started;
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(500);
      expect(statuses.filter((s) => s === 409)).toHaveLength(40);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'already-voted')).toBe(true);
      // Whichever of a voter's two requests won, its choice is the one counted: recompute from the winners.
      const winners = { yes: 0, no: 0, abstain: 0 };
      results.forEach((r) => r.status === 201 && (winners[r.body.choice as 'yes' | 'no' | 'abstain'] += 1));

      const tally = await api.call(getTally, { params: { proposalId } }, { as: id(400) });
      expect(tally.body).toMatchObject({ members: HOUSEHOLDS, tally: { ...winners, cast: 500 } });
      const ballots = [];
      let cursor: string | undefined;
      do {
        const page = await api.call(listBallots, { params: { proposalId }, query: { limit: 200, cursor } }, { as: cadre });
        ballots.push(...page.body.items);
        cursor = page.body.cursor;
      } while (cursor);
      expect(new Set(ballots.map((b: { voter: string }) => b.voter)).size).toBe(500);

      const up = await api.call(
        requestEvidenceUpload,
        { body: { village, filename: 'minutes.pdf', contentType: 'application/pdf', size: Buffer.byteLength('村民会议纪要') } },
        { as: cadre },
      );
      await uploadToPresigned(up.body, '村民会议纪要');
      const resolved = await api.call(
        resolveProposalStep,
        { params: { proposalId }, body: { step: 0, signIn: voters, minutes: { key: up.body.key } } },
        { as: cadre },
      );
      expect(resolved.status).toBe(200);
      expect(resolved.body.steps[0]!.tally).toEqual({ ...winners, cast: 500 });
      expect(resolved.body.status).toBe('notice');
      // After the close, a late ballot is refused and the frozen tally does not move.
      expect((await api.call(castBallot, { params: { proposalId }, body: { step: 0, choice: 'yes' } }, { as: id(510) })).status).toBe(409);
      // One BallotCast per counted ballot reached the bus.
      await eventually(
        async () => {
          const res = await api.get(`/_local/bus/events${q({ type: 'BallotCast' })}`);
          return (
            res.body.events.filter((e: { detail: { data: { proposalId: string } } }) => e.detail.data.proposalId === proposalId).length ===
            500
          );
        },
        60_000,
        '500 BallotCast events',
      );
      console.info(
        `500 ballots (+40 duplicates, ${IN_FLIGHT} in flight) answered in ${elapsed} ms; split without duplicates ${JSON.stringify(expected)}`,
      );
    },
    LOAD_TEST_TIMEOUT,
  );
});

describe('a hot need under simultaneous seconds (附议)', () => {
  it(
    'counts every resident once on the sharded counter, refuses each duplicate, and freezes the count when rejected',
    async () => {
      const raiser = id(520);
      const raised = await api.call(
        raiseNeed,
        { body: { place: `${village}/g1`, category: 'roads', channel: 'online', text: '村口道路一下雨就积水，全村都走这条路' } },
        { as: raiser },
      );
      expect(raised.status).toBe(201);
      const needId = raised.body.needId as string;
      const seconders = Array.from({ length: 400 }, (_, i) => id(i + 1));
      await Promise.all(seconders.map((p) => api.token(api.person(p))));
      // 400 first seconds and 40 second tries by the same residents, all at once against one need.
      const dupes = seconders.slice(0, 40);
      const calls = [...seconders, ...dupes].map((p) => () => api.call(secondNeed, { params: { needId }, body: {} }, { as: p }));
      calls.sort(() => Math.random() - 0.5);
      const results = await pool(calls, IN_FLIGHT);
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(400);
      expect(statuses.filter((s) => s === 409)).toHaveLength(40);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'already-supporting')).toBe(true);

      // The read sums the shards: exactly one per resident, in the need and in the village's list.
      const read = await api.call(getNeed, { params: { needId } }, { as: id(450) });
      expect(read.body.supporters).toBe(400);
      const listed = await api.call(listNeeds, { query: { village } }, { as: id(450) });
      expect(listed.body.items.find((n: { needId: string }) => n.needId === needId)!.supporters).toBe(400);

      // Rejected, the need is closed on exactly its 400 supporters: a late second is refused and changes nothing.
      const rejected = await api.call(
        triageNeed,
        { params: { needId }, body: { action: 'reject', reason: '已列入县道改造' } },
        { as: id(1) },
      );
      expect(rejected.body).toMatchObject({ status: 'rejected', supporters: 400 });
      const late = await api.call(secondNeed, { params: { needId }, body: {} }, { as: id(480) });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('need-closed');
      expect((await api.call(getNeed, { params: { needId } }, { as: id(450) })).body.supporters).toBe(400);
    },
    LOAD_TEST_TIMEOUT,
  );
});
