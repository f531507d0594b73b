import { describe, expect, it } from 'vitest';
import { demo } from '@cocreate/places/seed';
import { type RouteBody, eventually } from '@cocreate/local/testing';
import {
  api,
  busEvents,
  cadreOf,
  evidence,
  eventuallyOnBus,
  head,
  members,
  minutes,
  passSteps,
  resolve,
  submitPlanProposal,
  supervisorOf,
  vote,
} from './helpers.ts';
import { authoriseProxy, castBallot, importPaperBallots, listBallots } from '../handlers/ballots.ts';
import { getProposal, getTally, resolveProposalStep, resubmitProposal, submitProposal } from '../handlers/proposals.ts';
import { holdDiscussion } from '../handlers/plans.ts';
import { publicBoard } from '../handlers/notice.ts';

const v = demo.majiaqiao;
const cadre = cadreOf(v);
const township = demo.qiliping;

describe('the four deliberations (四议) and two disclosures (两公开) of a project plan', () => {
  it('runs body by body, is noticed, and becomes final carrying the plan version it adopted', async () => {
    const { plan, proposal } = await submitPlanProposal(v);
    expect(proposal).toMatchObject({ status: 'voting', round: 1, step: 0, kind: 'project-plan', secret: false });
    expect(proposal.chain.map((s: { body: string }) => s.body)).toEqual([
      'party-branch',
      'two-committees',
      'party-members-meeting',
      'representatives-assembly',
    ]);
    expect(proposal.steps).toEqual([
      expect.objectContaining({ body: 'party-branch', members: 3, status: 'open', tally: { yes: 0, no: 0, abstain: 0, cast: 0 } }),
    ]);
    const id = proposal.proposalId;

    // The plan gets a new version while the proposal runs: the proposal keeps carrying version 1.
    const minutes = await evidence(v);
    const talk = await api.call(
      holdDiscussion,
      {
        body: {
          planId: plan.planId,
          basedOnVersion: 1,
          heldAt: new Date().toISOString(),
          attendees: [
            { name: '镇建设办', party: 'government' },
            { name: '规划师', party: 'society' },
            { person: head(v, 4), party: 'residents' },
          ],
          positions: [{ party: 'residents', text: '预算偏高' }],
          minutes,
          revision: { budget: 40_000_000, changeNote: '压缩预算' },
        },
      },
      { as: cadre },
    );
    expect(talk.status).toBe(201);

    // The party branch (3 members) passes with more than half of all its members.
    for (const m of members(v, 'party-branch').slice(0, 2)) expect((await vote(id, 0, m)).status).toBe(201);
    const first = await resolve(id, v, 0);
    expect(first.status).toBe(200);
    expect(first.body.steps[0]).toMatchObject({
      status: 'passed',
      tally: { yes: 2, cast: 2 },
      resolution: { passed: true, quorum: { part: 2, whole: 3, held: true } },
    });
    expect(first.body.steps[1]).toMatchObject({ body: 'two-committees', status: 'open', members: 5 });

    const adopted = await passSteps(id, v, 1, 4);
    expect(adopted!.status).toBe('notice');
    expect(adopted!.steps.map((s: { body: string; status: string }) => [s.body, s.status])).toEqual([
      ['party-branch', 'passed'],
      ['two-committees', 'passed'],
      ['party-members-meeting', 'passed'],
      ['representatives-assembly', 'passed'],
    ]);
    const endsAt = Date.parse(adopted!.notice!.endsAt);
    expect(endsAt - Date.parse(adopted!.notice!.startsAt)).toBe(7 * 86_400_000);
    await eventuallyOnBus('NoticeStarted', (d) => d.proposalId === id);
    const onBoard = await api.call(publicBoard, { query: { village: v } });
    expect(onBoard.status).toBe(200);
    expect(onBoard.body.items.find((i: { proposalId: string }) => i.proposalId === id)).toMatchObject({
      status: 'notice',
      resolutions: expect.any(Array),
    });

    // The notice runs out (the clock moves, the scheduled close runs): final, filed with the township.
    await api.post('/_local/clock', { advance: 'P7DT1H' });
    const final = await api.call(getProposal, { params: { proposalId: id } }, { as: head(v, 9) });
    expect(final.body).toMatchObject({ status: 'final', filedWith: township });
    const [decision] = await eventuallyOnBus('DecisionFinal', (d) => d.proposalId === id);
    expect(decision!.detail.data).toMatchObject({
      kind: 'project-plan',
      village: v,
      filedWith: township,
      plan: {
        planId: plan.planId,
        planVersion: 1,
        budget: 48_000_000,
        category: 'roads',
        builder: 'cooperative',
        beneficiaries: [`${v}/g1/h01`, `${v}/g1/h02`],
      },
    });
    expect(await busEvents('DecisionFinal', (d) => d.proposalId === id)).toHaveLength(1);
  });
});

describe('who may do what', () => {
  it('a representative of another village cannot vote; a resident outside the body cannot vote; residents cannot resolve or submit', async () => {
    const { proposal } = await submitPlanProposal(v);
    const id = proposal.proposalId;
    const outsider = await vote(id, 0, 'p-changsheng-05'); // a representative — of 长胜村
    expect(outsider.status).toBe(403);
    const nonMember = await vote(id, 0, head(v, 10));
    expect(nonMember.status).toBe(403);
    expect(nonMember.body.reason).toBe('not-a-member');
    const meeting = { signIn: members(v, 'party-branch'), minutes: await minutes(v) };
    expect(
      (await api.call(resolveProposalStep, { params: { proposalId: id }, body: { step: 0, ...meeting } }, { as: head(v, 9) })).status,
    ).toBe(403);
    const plan = proposal.subject.kind === 'project-plan' ? proposal.subject.plan : expect.unreachable('a plan proposal');
    expect(
      (await api.call(submitProposal, { body: { kind: 'project-plan', village: v, planId: plan.planId } }, { as: head(v, 9) })).status,
    ).toBe(403);
    // A cadre of another county cannot see it at all.
    expect((await api.call(getProposal, { params: { proposalId: id } }, { as: 'p-fengshu-01' })).status).toBe(403);
  });

  it('bad input is a problem naming the field, and nothing is written', async () => {
    // raw: invalid input on purpose
    const res = await api.post('/deliberation/proposals', { kind: 'referendum', village: v }, { as: cadre });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    const { proposal } = await submitPlanProposal(v);
    // raw: invalid input on purpose
    const bad = await api.post(`/deliberation/proposals/${proposal.proposalId}/ballots`, { step: 0, choice: 'maybe' }, { as: head(v, 1) });
    expect(bad.status).toBe(422);
    expect(bad.body.errors![0]!.pointer).toBe('/choice');
    const tally = await api.call(getTally, { params: { proposalId: proposal.proposalId } }, { as: cadre });
    expect(tally.body.tally.cast).toBe(0);
  });
});

describe('failing bodies', () => {
  it('a tie at the representatives’ assembly does not pass: the proposal is rejected with the reason', async () => {
    const { proposal } = await submitPlanProposal(v);
    const id = proposal.proposalId;
    await passSteps(id, v, 0, 3);
    const reps = members(v, 'representatives-assembly'); // 7: quorum needs 5 ballots
    await Promise.all([
      vote(id, 3, reps[0]!, 'yes'),
      vote(id, 3, reps[1]!, 'yes'),
      vote(id, 3, reps[2]!, 'yes'),
      vote(id, 3, reps[3]!, 'no'),
      vote(id, 3, reps[4]!, 'no'),
      vote(id, 3, reps[5]!, 'no'),
    ]);
    const r = await resolve(id, v, 3);
    expect(r.body.status).toBe('rejected');
    expect(r.body.stoppedBy).toMatchObject({ step: 3, body: 'representatives-assembly', reason: 'threshold-not-met' });
    expect(r.body.steps[3]!.resolution!.passing).toMatchObject({ part: 3, whole: 6, held: false, needed: 4, margin: -1 });
    await eventuallyOnBus('ProposalRejected', (d) => d.proposalId === id && d.reason === 'threshold-not-met');
    // Nothing moves a rejected proposal.
    expect((await api.call(resubmitProposal, { params: { proposalId: id }, body: {} }, { as: cadre })).status).toBe(409);
  });

  it('a missed quorum returns the proposal; revised, it is resubmitted for a new round from the first body', async () => {
    const { plan, proposal } = await submitPlanProposal(v);
    const id = proposal.proposalId;
    await passSteps(id, v, 0, 1);
    // Two committees: 5 members, quorum more than half → 3 ballots; only 2 come.
    await vote(id, 1, head(v, 1));
    await vote(id, 1, head(v, 2));
    const r = await resolve(id, v, 1);
    expect(r.body).toMatchObject({
      status: 'returned',
      stoppedBy: { round: 1, step: 1, body: 'two-committees', reason: 'quorum-not-met' },
    });
    expect(r.body.steps[1]!.resolution!.quorum).toMatchObject({ part: 2, whole: 5, needed: 3, margin: -1, held: false });
    await eventuallyOnBus('ProposalReturned', (d) => d.proposalId === id && d.reason === 'quorum-not-met');
    // The step is closed: a late ballot is refused and does not count.
    const late = await vote(id, 1, head(v, 3));
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'voting-closed', current: 'returned' });

    const minutes = await evidence(v);
    const talk = await api.call(
      holdDiscussion,
      {
        body: {
          planId: plan.planId,
          basedOnVersion: 1,
          heldAt: new Date().toISOString(),
          attendees: [
            { name: '镇干部', party: 'government' },
            { name: '专家', party: 'society' },
            { person: head(v, 6), party: 'residents' },
          ],
          positions: [{ party: 'society', text: '建议分期实施' }],
          minutes,
          revision: { budget: 30_000_000, changeNote: '分期实施' },
        },
      },
      { as: cadre },
    );
    expect(talk.status).toBe(201);
    const again = await api.call(resubmitProposal, { params: { proposalId: id }, body: { planVersion: 2 } }, { as: cadre });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'voting', round: 2, step: 0, subject: { plan: { planVersion: 2, budget: 30_000_000 } } });
    expect(again.body.steps.filter((s: { round: number }) => s.round === 1)).toHaveLength(2);
    expect(again.body.steps.at(-1)).toMatchObject({ round: 2, step: 0, status: 'open' });
  });

  it('only the current step can be voted on or closed', async () => {
    const { proposal } = await submitPlanProposal(v);
    const id = proposal.proposalId;
    expect((await vote(id, 1, head(v, 1))).status).toBe(409);
    expect((await resolve(id, v, 2)).body.code).toBe('step-not-current');
  });
});

describe('each body’s meeting leaves a record', () => {
  it('resolving takes the sign-in (members only, once each) and the minutes; the quorum is judged on the sign-in', async () => {
    const { proposal } = await submitPlanProposal(v);
    const id = proposal.proposalId;
    const branch = members(v, 'party-branch');
    expect(branch.length).toBeGreaterThanOrEqual(3);
    await Promise.all(branch.map((m) => vote(id, 0, m)));
    const close = (body: Record<string, unknown>) =>
      // raw: invalid input on purpose
      api.post(`/deliberation/proposals/${id}/resolve`, { step: 0, ...body }, { as: cadre });
    // No sign-in or no minutes: a problem naming the field.
    expect((await close({ minutes: await minutes(v) })).body.errors![0]!.pointer).toBe('/signIn');
    expect((await close({ signIn: branch })).body.errors![0]!.pointer).toBe('/minutes');
    // Someone who is not on the party branch signed in; someone signed twice.
    const outsider = await close({ signIn: [...branch, head(v, 10)], minutes: await minutes(v) });
    expect(outsider.body).toMatchObject({
      code: 'attendee-not-a-member',
      person: head(v, 10),
      errors: [{ pointer: `/signIn/${branch.length}` }],
    });
    const twice = await close({ signIn: [branch[0], branch[0]], minutes: await minutes(v) });
    expect(twice.body).toMatchObject({ code: 'attendee-listed-twice' });
    // Minutes that were never uploaded are not evidence.
    expect((await close({ signIn: branch, minutes: { key: `deliberation/${v}/never-uploaded.pdf` } })).status).toBe(422);
    // Everyone voted, but only one member signed in: more than half must attend, so the quorum is not met.
    const alone = await resolve(id, v, 0, { signIn: branch.slice(0, 1) });
    expect(alone.status).toBe(200);
    expect(alone.body).toMatchObject({ status: 'returned', stoppedBy: { reason: 'quorum-not-met' } });
    expect(alone.body.steps[0]).toMatchObject({
      tally: { yes: branch.length, cast: branch.length },
      resolution: { quorum: { part: 1, whole: branch.length, held: false } },
      meeting: { signedIn: 1 },
    });
    expect(alone.body.steps[0]!.meeting!.minutes).toMatch(/^deliberation\//);
  });
});

describe('closing a vote twice at once', () => {
  it('resolves of one step arriving together and just after each other: one closes it, the others answer 409 with the reason, never a 5xx', async () => {
    for (let round = 0; round < 3; round++) {
      const { proposal } = await submitPlanProposal(v);
      const id = proposal.proposalId;
      for (const m of members(v, 'party-branch').slice(0, 2)) expect((await vote(id, 0, m)).status).toBe(201);
      // Staggered over the winner's commit, some read the proposal before it and the step after it.
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => new Promise((r) => setTimeout(r, i * 8)).then(() => resolve(id, v, 0))),
      );
      const codes = answers.map((a) => [a.status, a.body.code]);
      expect(
        answers.filter((a) => a.status === 200),
        JSON.stringify(codes),
      ).toHaveLength(1);
      for (const lost of answers.filter((a) => a.status !== 200)) {
        expect(lost.status, JSON.stringify(codes)).toBe(409);
        expect(lost.body).toMatchObject({ status: 409, code: 'step-not-current', currentStep: 1 });
      }
      // The step was closed once, on both ballots, and the next body opened once.
      const now = (await api.call(getProposal, { params: { proposalId: id } }, { as: cadre })).body;
      expect(now).toMatchObject({ status: 'voting', step: 1 });
      expect(now.steps[0]).toMatchObject({ status: 'passed', tally: { yes: 2, cast: 2 } });
    }
  });
});

describe('each voter counts once across channels (online, paper, proxy)', () => {
  it('refuses a second ballot from any channel with the reason, and reports conflicting paper lines', async () => {
    const { proposal } = await submitPlanProposal(v);
    const id = proposal.proposalId;
    await passSteps(id, v, 0, 2);
    // Party members' meeting: members are households 1–7.
    const [a, b, c, d, e] = [head(v, 1), head(v, 2), head(v, 3), head(v, 4), head(v, 5)];
    expect((await vote(id, 2, a)).status).toBe(201);
    const twice = await vote(id, 2, a, 'no');
    expect(twice.status).toBe(409);
    // Refused from the ballot's conditional create: the rule and the voter, nothing read again.
    expect(twice.body).toMatchObject({ code: 'already-voted', voter: a });

    // d authorises a resident outside the meeting to vote for them; then d's own ballot is refused.
    const grant = await api.call(
      authoriseProxy,
      { params: { proposalId: id }, body: { step: 2, principal: d, proxy: head(v, 12) } },
      { as: d },
    );
    expect(grant.status).toBe(201);
    const byProxy = await api.call(
      castBallot,
      { params: { proposalId: id }, body: { step: 2, choice: 'yes', onBehalfOf: d } },
      { as: head(v, 12) },
    );
    expect(byProxy.status).toBe(201);
    expect(byProxy.body).toMatchObject({ voter: d, channel: 'proxy', castBy: head(v, 12) });
    expect((await vote(id, 2, d)).body).toMatchObject({ code: 'already-voted', voter: d });
    // How the counted ballot came in is on the step's ballots list.
    const listed = await api.call(listBallots, { params: { proposalId: id }, query: { step: 2 } }, { as: cadre });
    expect(listed.body.items.find((b: { voter: string }) => b.voter === d)).toMatchObject({ channel: 'proxy', castBy: head(v, 12) });
    // A principal who voted cannot authorise a proxy any more.
    const late = await api.call(
      authoriseProxy,
      { params: { proposalId: id }, body: { step: 2, principal: a, proxy: head(v, 12) } },
      { as: a },
    );
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'already-voted', voter: a });
    // Someone without an authorisation cannot vote for e.
    const unauthorised = await api.call(
      castBallot,
      { params: { proposalId: id }, body: { step: 2, choice: 'no', onBehalfOf: e } },
      { as: head(v, 11) },
    );
    expect(unauthorised.status).toBe(403);
    expect(unauthorised.body).toMatchObject({ reason: 'no-proxy-authorisation', voter: e });

    const scan = await evidence(v, 'sheet-7.jpg', 'image/jpeg');
    const sheet: RouteBody<typeof importPaperBallots> = {
      step: 2,
      batchRef: `sheet-${Date.now()}`,
      scan,
      lines: [
        { line: 1, voter: a, choice: 'no' }, // voted online already
        { line: 2, voter: b, choice: 'yes' },
        { line: 3, voter: b, choice: 'no' }, // twice on the sheet
        { line: 4, voter: head(v, 11), choice: 'yes' }, // not a party member
        { line: 5, voter: c, choice: 'abstain' },
        { line: 6, voter: d, choice: 'no' }, // voted by proxy
      ],
    };
    const imported = await api.call(importPaperBallots, { params: { proposalId: id }, body: sheet }, { as: cadre });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ accepted: 2, alreadyCounted: 0, refused: 4 });
    expect(imported.body.lines.map((l: { line: number; verdict: string; reason?: string }) => [l.line, l.verdict, l.reason])).toEqual([
      [1, 'refused', 'already-voted'],
      [2, 'accepted', undefined],
      [3, 'refused', 'duplicate-in-sheet'],
      [4, 'refused', 'not-a-member'],
      [5, 'accepted', undefined],
      [6, 'refused', 'already-voted'],
    ]);
    expect(imported.body.lines[0]!.existing).toEqual({ channel: 'online' });
    expect(imported.body.lines[5]!.existing).toEqual({ channel: 'proxy' });

    // Re-importing the same sheet counts nothing twice; b then cannot vote online.
    const again = await api.call(importPaperBallots, { params: { proposalId: id }, body: sheet }, { as: cadre });
    expect(again.body).toMatchObject({ accepted: 0, alreadyCounted: 2, refused: 4 });
    expect((await vote(id, 2, b)).body).toMatchObject({ code: 'already-voted', voter: b });
    // The same reference with another scan is refused.
    const other = await api.call(
      importPaperBallots,
      { params: { proposalId: id }, body: { ...sheet, scan: await evidence(v, 'x.jpg', 'image/jpeg') } },
      { as: cadre },
    );
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'paper-sheet-conflict', batchRef: sheet.batchRef });

    const tally = await api.call(getTally, { params: { proposalId: id } }, { as: head(v, 8) });
    expect(tally.body).toMatchObject({ body: 'party-members-meeting', members: 7, tally: { yes: 3, no: 0, abstain: 1, cast: 4 } });
    // One BallotCast per counted ballot, whatever the channel: a, d (proxy), b and c (paper).
    await eventually(
      async () => (await busEvents('BallotCast', (x) => x.proposalId === id && x.step === 2)).length >= 4,
      20_000,
      'four BallotCast',
    );
    const cast = await busEvents('BallotCast', (x) => x.proposalId === id && x.step === 2);
    expect(cast.map((e) => `${e.detail.data.voter}:${e.detail.data.channel}`).sort()).toEqual(
      [`${a}:online`, `${b}:paper`, `${c}:paper`, `${d}:proxy`].sort(),
    );
  });

  it('one voter’s ballots arriving at the same moment by all three channels: exactly one counts', async () => {
    const { proposal } = await submitPlanProposal(v);
    const id = proposal.proposalId;
    const voter = head(v, 3);
    const proxy = head(v, 12);
    expect(
      (await api.call(authoriseProxy, { params: { proposalId: id }, body: { step: 0, principal: voter, proxy } }, { as: voter })).status,
    ).toBe(201);
    const scan = await evidence(v, 'sheet.jpg', 'image/jpeg');
    const [online, byProxy, paper] = await Promise.all([
      vote(id, 0, voter, 'yes'),
      api.call(castBallot, { params: { proposalId: id }, body: { step: 0, choice: 'no', onBehalfOf: voter } }, { as: proxy }),
      api.call(
        importPaperBallots,
        {
          params: { proposalId: id },
          body: { step: 0, batchRef: `race-${Date.now()}`, scan, lines: [{ line: 1, voter, choice: 'abstain' }] },
        },
        { as: cadre },
      ),
    ]);
    const counted = [online.status === 201, byProxy.status === 201, paper.body.accepted === 1].filter(Boolean);
    expect(counted).toHaveLength(1);
    for (const r of [online, byProxy]) if (r.status !== 201) expect(r.body.code).toBe('already-voted');
    if (paper.body.accepted !== 1) expect(paper.body.lines[0]).toMatchObject({ verdict: 'refused', reason: 'already-voted' });
    const tally = await api.call(getTally, { params: { proposalId: id } }, { as: cadre });
    expect(tally.body.tally.cast).toBe(1);
  });

  it('a proxy needs the voter themself or a cadre with the signed form, and holds at most three', async () => {
    const { proposal } = await submitPlanProposal(v);
    const id = proposal.proposalId;
    await passSteps(id, v, 0, 2);
    const proxy = head(v, 12);
    const byOther = await api.call(
      authoriseProxy,
      { params: { proposalId: id }, body: { step: 2, principal: head(v, 1), proxy } },
      { as: head(v, 9) },
    );
    expect(byOther.status).toBe(403);
    expect(byOther.body.reason).toBe('not-principal-or-cadre');
    const noForm = await api.call(
      authoriseProxy,
      { params: { proposalId: id }, body: { step: 2, principal: head(v, 2), proxy } },
      { as: cadre },
    );
    expect(noForm.status).toBe(422);
    expect(noForm.body).toMatchObject({ code: 'authorisation-evidence-required', errors: [{ pointer: '/evidence' }] });
    const form = await evidence(v, 'proxy.jpg', 'image/jpeg');
    for (const n of [1, 2, 3]) {
      expect(
        (
          await api.call(
            authoriseProxy,
            { params: { proposalId: id }, body: { step: 2, principal: head(v, n), proxy, evidence: form } },
            { as: cadre },
          )
        ).status,
      ).toBe(201);
    }
    const fourth = await api.call(
      authoriseProxy,
      { params: { proposalId: id }, body: { step: 2, principal: head(v, 4), proxy, evidence: form } },
      { as: cadre },
    );
    expect(fourth.body.code).toBe('proxy-limit-reached');
    // A principal authorises one proxy per step.
    const second = await api.call(
      authoriseProxy,
      { params: { proposalId: id }, body: { step: 2, principal: head(v, 1), proxy: head(v, 10), evidence: form } },
      { as: cadre },
    );
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('proxy-already-authorised');
    const outsider = await api.call(
      authoriseProxy,
      { params: { proposalId: id }, body: { step: 2, principal: head(v, 5), proxy: 'p-changsheng-05' } },
      { as: head(v, 5) },
    );
    expect(outsider.body.code).toBe('proxy-elsewhere');
  });
});

describe('secret ballots', () => {
  it('totals are public; individual choices only for the supervision committee', async () => {
    const { proposal } = await submitPlanProposal(v, { secret: true });
    const id = proposal.proposalId;
    await vote(id, 0, head(v, 1), 'yes');
    await vote(id, 0, head(v, 2), 'no');
    const asResident = await api.call(listBallots, { params: { proposalId: id } }, { as: head(v, 7) });
    expect(asResident.body).toMatchObject({ secret: true, choicesVisible: false });
    expect(asResident.body.items).toHaveLength(2);
    expect(asResident.body.items.every((b: { choice?: string }) => b.choice === undefined)).toBe(true);
    expect(asResident.body.items[0]!.voterName).toMatch(/\*/);
    const asCadre = await api.call(listBallots, { params: { proposalId: id } }, { as: cadre });
    expect(asCadre.body.choicesVisible).toBe(false);
    const asSupervisor = await api.call(listBallots, { params: { proposalId: id } }, { as: supervisorOf(v) });
    expect(asSupervisor.body.choicesVisible).toBe(true);
    expect(asSupervisor.body.items.map((b) => b.choice).sort()).toEqual(['no', 'yes']);
    const tally = await api.call(getTally, { params: { proposalId: id } }, { as: head(v, 7) });
    expect(tally.body.tally).toEqual({ yes: 1, no: 1, abstain: 0, cast: 2 });
    // The event never carries a choice.
    const [ev] = await eventuallyOnBus('BallotCast', (d) => d.proposalId === id);
    expect(ev!.detail.data).not.toHaveProperty('choice');
  });

  it('an open ballot shows choices to the village', async () => {
    const { proposal } = await submitPlanProposal(v);
    await vote(proposal.proposalId, 0, head(v, 3), 'abstain');
    const res = await api.call(listBallots, { params: { proposalId: proposal.proposalId } }, { as: head(v, 7) });
    expect(res.body.choicesVisible).toBe(true);
    expect(res.body.items[0]).toMatchObject({ voter: head(v, 3), choice: 'abstain', channel: 'online' });
  });
});
