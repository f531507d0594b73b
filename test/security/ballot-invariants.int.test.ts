import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { api, cadreOf, evidence, members, minutes, submitPlanProposal } from '../../services/deliberation/test/helpers.ts';
import { answerJudge, inGroups } from './judging.ts';
import { getProposal, resubmitProposal } from '../../services/deliberation/handlers/proposals.ts';
import { listBallots } from '../../services/deliberation/handlers/ballots.ts';

/**
 * Ballots (决策共谋) under random interleavings (issue 16), in the shape of `invariants.int.test.ts`: fast-check draws,
 * on a fresh proposal of 桃花村 each run, online ballots by the village's twelve household heads (members of the
 * body voting and not, the same voter racing themself, a stale or future step), proxy authorisations and ballots cast
 * by proxies, paper tally sheets imported by a cadre, and the body's resolution with a drawn sign-in — all in groups
 * sent at once, so ballots race each other across channels and race the close, and later groups vote at the next body
 * or after the proposal left the vote.
 *
 * Afterwards: nothing answered 5xx and every refusal is one the rules name; no voter was accepted twice at a step, and
 * every accepted voter is a member of the step's body (ineligible ones were refused); each step's tally is exactly
 * the accepted ballots — cast, yes, no, abstain — and its ballots list holds each of them once with its choice and
 * nothing else; no ballot sent after its step's close was accepted; each step was resolved at most once, and its
 * result is what the step's rule gives for the sign-in and the tally (quorum on the sign-in, passing on the ballots,
 * exact fractions), with the outcome and the proposal's status following from it.
 */
const RUNS = Number(process.env.COCREATE_INVARIANT_RUNS ?? 6);
const SEED =
  process.env.COCREATE_INVARIANT_SEED === 'random' ? Date.now() % 2_147_483_647 : Number(process.env.COCREATE_INVARIANT_SEED ?? 16);
const V = demo.taohua;
const cadre = cadreOf(V);
const people = Array.from({ length: 12 }, (_, i) => `p-taohua-${String(i + 1).padStart(2, '0')}`);
type Choice = 'yes' | 'no' | 'abstain';

/** A person drawn mostly among the members of the body voting (else anyone of the village, member or not). */
type Who = { member: boolean; i: number };
type Op =
  | { kind: 'ballot'; voter: Who; choice: Choice; offset: -1 | 0 | 1 }
  | { kind: 'proxy'; principal: Who; proxy: Who }
  | { kind: 'by-proxy'; known: boolean; principal: Who; proxy: Who; choice: Choice }
  | { kind: 'paper'; lines: { voter: Who; choice: Choice }[] }
  | { kind: 'resolve'; signIn: 'all' | 'voters' | number };

const voter: fc.Arbitrary<Who> = fc.record({ member: fc.constantFrom(true, true, true, false), i: fc.nat(people.length - 1) });
// Yes more often than not, so that bodies pass and later bodies vote too.
const choice = fc.constantFrom<Choice>('yes', 'yes', 'yes', 'no', 'abstain');
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('ballot' as const),
      voter,
      choice,
      offset: fc.constantFrom(0 as const, 0 as const, 0 as const, -1 as const, 1 as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('proxy' as const), principal: voter, proxy: voter }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('by-proxy' as const), known: fc.boolean(), principal: voter, proxy: voter, choice }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('paper' as const),
      lines: fc.array(fc.record({ voter, choice }), { minLength: 1, maxLength: 4 }),
    }),
  },
  // The sign-in: every member, those whose ballots were accepted so far, or a subset of the members as a bit mask.
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('resolve' as const),
      signIn: fc.oneof(fc.constant('all' as const), fc.constant('voters' as const), fc.integer({ min: 1, max: 127 })),
    }),
  },
);

interface Threshold {
  op: 'at-least' | 'more-than';
  num: number;
  den: number;
}
interface StepRule {
  body: string;
  quorum: Threshold;
  passing: { of: 'cast' | 'members'; share: Threshold };
  onFail: 'return' | 'end';
}
/** The rule's fractions, evaluated here on their own: a whole of zero meets nothing. */
const meets = (part: number, whole: number, t: Threshold) =>
  whole > 0 && (t.op === 'at-least' ? part * t.den >= t.num * whole : part * t.den > t.num * whole);

interface Accepted {
  choice: Choice;
  channel: string;
  sentAt: number;
}

describe('invariants under random interleavings', () => {
  it(
    'ballots: one per eligible voter, the tally is the accepted ballots, and the outcome follows the rule',
    { timeout: 600_000 },
    async () => {
      const scan = await evidence(V, 'tally-sheet.pdf');
      const seen = new Map<string, number>();
      let runs = 0;
      let sheets = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(op, { minLength: 10, maxLength: 30 }),
          fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 30 }),
          async (ops, groups) => {
            runs++;
            const { proposal } = await submitPlanProposal(V);
            const proposalId = proposal.proposalId as string;
            const chain = proposal.chain as StepRule[];
            const membersAt = (step: number) => members(V, chain[step]!.body as Parameters<typeof members>[1]);
            /** Accepted ballots by step, then voter. */
            const accepted = new Map<string, Map<string, Accepted>>();
            /** When each step's close was answered, and the sign-in it was closed with. */
            const closed = new Map<string, { at: number; signIn: string[] }>();
            const { answers, judge } = answerJudge(seen);
            const accept = (step: string, who: string, a: Accepted) => {
              const at = accepted.get(step) ?? new Map<string, Accepted>();
              accepted.set(step, at);
              expect(at.has(who), `${who} accepted twice at step ${step}`).toBe(false);
              at.set(who, a);
            };
            const notOpen = ['voting-closed', 'step-not-current'];

            /** Proxy authorisations answered 201, by step. */
            const proxies: { at: string; principal: string; proxy: string }[] = [];
            const pick = (w: Who, step: number) => {
              const body = w.member ? membersAt(step) : people;
              return body[w.i % body.length]!;
            };
            const run = async (o: Op, round: number, current: number, known: readonly (typeof proxies)[number][]): Promise<void> => {
              const here = `${round}/${current}`;
              const sentAt = Date.now();
              const path = `/deliberation/proposals/${proposalId}`;
              switch (o.kind) {
                case 'ballot': {
                  const step = Math.max(0, current + o.offset);
                  const who = pick(o.voter, step);
                  const res = await api.post(`${path}/ballots`, { step, choice: o.choice }, { as: who });
                  if (judge('ballot', res, 201, { 403: ['not-a-member'], 409: ['already-voted', ...notOpen] })) {
                    expect({ voter: res.body.voter, step: res.body.step, round: res.body.round }).toEqual({ voter: who, step, round });
                    accept(`${round}/${step}`, who, { choice: o.choice, channel: 'online', sentAt });
                  }
                  if (res.status === 403) expect(membersAt(step)).not.toContain(who);
                  return;
                }
                case 'proxy': {
                  const [principal, proxy] = [pick(o.principal, current), pick(o.proxy, current)];
                  const res = await api.post(`${path}/proxies`, { step: current, principal, proxy }, { as: principal });
                  const granted = judge('proxy', res, 201, {
                    409: ['already-voted', 'proxy-already-authorised', 'proxy-limit-reached', ...notOpen],
                    422: ['principal-not-a-member', 'proxy-is-principal'],
                  });
                  if (granted) proxies.push({ at: here, principal, proxy });
                  return;
                }
                case 'by-proxy': {
                  // Mostly an authorisation granted before this group; else anyone for anyone (refused unless granted).
                  const granted = known.filter((k) => k.at === here);
                  const [principal, proxy] =
                    o.known && granted.length
                      ? [granted[o.principal.i % granted.length]!.principal, granted[o.principal.i % granted.length]!.proxy]
                      : [pick(o.principal, current), pick(o.proxy, current)];
                  const res = await api.post(`${path}/ballots`, { step: current, choice: o.choice, onBehalfOf: principal }, { as: proxy });
                  const ok = judge('by-proxy', res, 201, {
                    403: ['no-proxy-authorisation', 'not-a-member'],
                    409: ['already-voted', ...notOpen],
                  });
                  if (ok) {
                    expect({ voter: res.body.voter, castBy: res.body.castBy, channel: res.body.channel }).toEqual({
                      voter: principal,
                      castBy: proxy,
                      channel: principal === proxy ? 'online' : 'proxy',
                    });
                    accept(here, principal, { choice: o.choice, channel: res.body.channel, sentAt });
                  }
                  return;
                }
                case 'paper': {
                  const lines = o.lines.map((l, i) => ({ line: i + 1, voter: pick(l.voter, current), choice: l.choice }));
                  const res = await api.post(
                    `${path}/paper-ballots`,
                    { step: current, batchRef: `sheet-${runs}-${++sheets}`, scan, lines },
                    { as: cadre },
                  );
                  if (!judge('paper', res, 200, { 409: notOpen })) return;
                  const firstOnSheet = new Set<string>();
                  for (const v of res.body.lines as { voter: string; choice: Choice; verdict: string; reason?: string }[]) {
                    const key = `paper line ${v.verdict}${v.reason ? ` ${v.reason}` : ''}`;
                    seen.set(key, (seen.get(key) ?? 0) + 1);
                    if (v.verdict === 'accepted') accept(here, v.voter, { choice: v.choice, channel: 'paper', sentAt });
                    else {
                      expect(v.verdict, JSON.stringify(v)).toBe('refused');
                      expect(['not-a-member', 'duplicate-in-sheet', 'already-voted', 'voting-closed']).toContain(v.reason);
                      if (v.reason === 'not-a-member') expect(membersAt(current)).not.toContain(v.voter);
                      if (v.reason === 'duplicate-in-sheet') expect(firstOnSheet.has(v.voter)).toBe(true);
                    }
                    firstOnSheet.add(v.voter);
                  }
                  return;
                }
                case 'resolve': {
                  const body = membersAt(current);
                  const signIn =
                    o.signIn === 'all'
                      ? [...body]
                      : o.signIn === 'voters'
                        ? [...(accepted.get(here)?.keys() ?? [])]
                        : body.filter((_, i) => (o.signIn as number) & (1 << i));
                  if (signIn.length === 0) signIn.push(membersAt(current)[0]!);
                  const res = await api.post(`${path}/resolve`, { step: current, signIn, minutes: await minutes(V) }, { as: cadre });
                  if (judge('resolve', res, 200, { 409: ['step-not-current', 'not-voting'] })) {
                    expect(closed.has(here), `step ${here} resolved twice`).toBe(false);
                    closed.set(here, { at: Date.now(), signIn });
                  }
                  return;
                }
              }
            };

            // Each group at once, at the round and step the proposal was at when the group began; a proposal the last
            // group returned is resubmitted first (a new round from the first body), as its cadres would.
            let resubmitted = 0;
            for (const group of inGroups(ops, groups)) {
              let now = await api.call(getProposal, { params: { proposalId } }, { as: cadre });
              expect(now.status).toBe(200);
              if (now.body.status === 'returned') {
                now = await api.call(resubmitProposal, { params: { proposalId }, body: {} }, { as: cadre });
                expect(now.status, JSON.stringify(now.body)).toBe(200);
                resubmitted++;
              }
              const known = [...proxies];
              await Promise.all(group.map((o) => run(o, now.body.round as number, now.body.step as number, known)));
            }
            expect(answers.filter((a) => a.status >= 500)).toEqual([]);

            const final = await api.call(getProposal, { params: { proposalId } }, { as: cadre });
            expect(final.status).toBe(200);
            const steps = final.body.steps as any[];
            expect(final.body.round).toBe(1 + resubmitted);
            for (const s of steps) {
              const here = `${s.round}/${s.step}`;
              const mine = accepted.get(here) ?? new Map<string, Accepted>();
              const body = membersAt(s.step);
              // Only members of the body, each once (the map's keys), and never after the close.
              for (const [who, a] of mine) {
                expect(body, `${who} at step ${here}`).toContain(who);
                const close = closed.get(here);
                if (close) expect(a.sentAt, `${who}'s ballot sent after step ${here} closed`).toBeLessThan(close.at);
              }
              const count = (c?: Choice) => [...mine.values()].filter((a) => !c || a.choice === c).length;
              expect(s.members).toBe(body.length);
              expect(s.tally, `tally of step ${here}`).toEqual({
                yes: count('yes'),
                no: count('no'),
                abstain: count('abstain'),
                cast: count(),
              });

              const listed = await api.call(
                listBallots,
                { params: { proposalId }, query: { round: s.round, step: s.step, limit: 200 } },
                { as: cadre },
              );
              expect(listed.status).toBe(200);
              const rows = listed.body.items as { voter: string; choice: Choice; channel: string }[];
              expect(rows.map((b) => b.voter).sort(), `ballots of step ${here}`).toEqual([...mine.keys()].sort());
              for (const b of rows)
                expect({ choice: b.choice, channel: b.channel }).toEqual({
                  choice: mine.get(b.voter)!.choice,
                  channel: mine.get(b.voter)!.channel,
                });

              const close = closed.get(here);
              expect(s.status === 'open', `step ${here} is ${s.status}`).toBe(!close);
              if (!close) continue;
              const rule = chain[s.step]!;
              const quorum = meets(close.signIn.length, body.length, rule.quorum);
              const passing = meets(count('yes'), rule.passing.of === 'cast' ? count() : body.length, rule.passing.share);
              const outcome =
                quorum && passing
                  ? s.step === chain.length - 1
                    ? 'adopted'
                    : 'next-body'
                  : !quorum || rule.onFail === 'return'
                    ? 'returned'
                    : 'rejected';
              expect({ signedIn: s.meeting.signedIn, passed: s.resolution.passed, status: s.status, outcome: s.outcome }).toEqual({
                signedIn: close.signIn.length,
                passed: quorum && passing,
                status: quorum && passing ? 'passed' : 'failed',
                outcome,
              });
            }
            // Ballots accepted at steps that never opened would show here.
            expect([...accepted.keys()].filter((k) => !steps.some((s) => `${s.round}/${s.step}` === k))).toEqual([]);
            // The proposal is where the last resolution sent it.
            const last = [...steps].sort((x, y) => x.round - y.round || x.step - y.step).at(-1)!;
            const statusAfter: Record<string, string> = { adopted: 'notice', returned: 'returned', rejected: 'rejected' };
            if (last.status === 'open')
              expect({ status: final.body.status, round: final.body.round, step: final.body.step }).toEqual({
                status: 'voting',
                round: last.round,
                step: last.step,
              });
            else expect(final.body.status).toBe(statusAfter[last.outcome]);
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      expect(runs).toBe(RUNS);
      console.info(`ballot invariants, ${RUNS} runs (seed ${SEED}):`, Object.fromEntries([...seen].sort()));
    },
  );
});
