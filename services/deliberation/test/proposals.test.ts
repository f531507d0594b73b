import { describe, expect, it } from 'vitest';
import { DecisionFinal } from '@cocreate/contracts';
import type { ServiceContext } from '@cocreate/kernel';
import { type Register, registerOf } from '@cocreate/places';
import { demoSeed } from '@cocreate/places/seed';
import { FOUR_DELIBERATIONS } from '../domain/chains.ts';
import { answer } from '../domain/notice.ts';
import {
  type Proposal,
  type ProposalSubject,
  answerObjection,
  applyResolution,
  checkSignIn,
  checkSubmitter,
  checkVotingStep,
  decisionOf,
  finalise,
  isDueForFinal,
  isElector,
  openStep,
  raiseObjection,
  resolveRecordedStep,
  resubmit,
  startProposal,
} from '../domain/proposals.ts';
import { resolveStep } from '../domain/votes.ts';
import { electorateAt } from '../app/flow.ts';

const village = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const township = 'hubei/huanggang/hongan/qiliping';
const t0 = new Date('2026-03-01T02:00:00.000Z');
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);
const ID = '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D';

const planSubject: ProposalSubject = {
  kind: 'project-plan',
  plan: {
    planId: '01JD7Z8Q9W3V4X5Y6Z7A8B9C0E',
    planVersion: 2,
    title: '村口道路硬化',
    description: '硬化 400 米道路',
    category: 'roads',
    builder: 'cooperative',
    budget: 48_000_000,
    beneficiaries: [`${village}/g1/h01`],
    place: `${village}/g1`,
  },
};

function proposal(subject: ProposalSubject = planSubject): Proposal {
  return startProposal({
    proposalId: ID,
    village,
    title: '村口道路',
    subject,
    chain: FOUR_DELIBERATIONS,
    secret: false,
    submittedBy: 'p-majiaqiao-01',
    now: t0,
  });
}

const pass = (members: number) => resolveStep(FOUR_DELIBERATIONS[0]!, members, { yes: members, no: 0, abstain: 0, cast: members });

/** Runs the chain to adoption; returns the proposal in notice. */
function adopt(p = proposal(), noticeDays = 7): Proposal {
  let cur = p;
  for (let s = 0; s < 4; s++) {
    const r = applyResolution(cur, s, pass(7), noticeDays, t0);
    if ('refused' in r) throw new Error(r.refused);
    cur = r.proposal;
  }
  return cur;
}

describe('a proposal runs its chain', () => {
  it('starts voting at the first body of round 1, with the chain copied in', () => {
    const p = proposal();
    expect(p).toMatchObject({ status: 'voting', round: 1, step: 0, kind: 'project-plan', pendingObjections: 0 });
    expect(p.chain.map((s) => s.body)).toEqual(['party-branch', 'two-committees', 'party-members-meeting', 'representatives-assembly']);
    const step = openStep(p, ['a', 'b', 'c'], t0);
    expect(step).toMatchObject({ round: 1, step: 0, body: 'party-branch', members: ['a', 'b', 'c'], status: 'open' });
  });

  it('moves body by body, and cannot skip: only the current step resolves', () => {
    const p = proposal();
    expect(applyResolution(p, 1, pass(5), 7, t0)).toEqual({ refused: 'step-not-current' });
    const r = applyResolution(p, 0, pass(3), 7, t0);
    expect(r).toMatchObject({ outcome: 'next-body', proposal: { step: 1, status: 'voting' } });
  });

  it('the last body adopts it: public notice for the kind’s days', () => {
    const p = adopt(proposal(), 7);
    expect(p.status).toBe('notice');
    expect(p.notice).toEqual({ round: 1, startsAt: t0.toISOString(), endsAt: days(7).toISOString(), days: 7 });
  });

  it('a body that fails returns or ends it, with the reason', () => {
    const p = proposal();
    const tie = resolveStep(FOUR_DELIBERATIONS[0]!, 3, { yes: 1, no: 1, abstain: 0, cast: 2 });
    const returned = applyResolution(p, 0, tie, 7, t0, '再议');
    expect(returned).toMatchObject({
      outcome: 'returned',
      proposal: { status: 'returned', stoppedBy: { round: 1, step: 0, body: 'party-branch', reason: 'threshold-not-met', note: '再议' } },
    });
    let cur = p;
    for (let s = 0; s < 3; s++) cur = (applyResolution(cur, s, pass(7), 7, t0) as { proposal: Proposal }).proposal;
    const no = resolveStep(FOUR_DELIBERATIONS[3]!, 7, { yes: 2, no: 5, abstain: 0, cast: 7 });
    expect(applyResolution(cur, 3, no, 7, t0)).toMatchObject({ outcome: 'rejected', proposal: { status: 'rejected' } });
    // Nothing further happens to a rejected proposal.
    expect(applyResolution({ ...cur, status: 'rejected' }, 3, pass(7), 7, t0)).toEqual({ refused: 'not-voting' });
  });

  it('a returned proposal is resubmitted as a new round from the first body, possibly revised', () => {
    const p = proposal();
    const tie = resolveStep(FOUR_DELIBERATIONS[0]!, 3, { yes: 1, no: 1, abstain: 0, cast: 2 });
    const returned = (applyResolution(p, 0, tie, 7, t0) as { proposal: Proposal }).proposal;
    const revisedPlan = { ...planSubject, plan: { ...planSubject.plan, planVersion: 3 } } as ProposalSubject;
    const again = resubmit(returned, { subject: revisedPlan }, days(1));
    expect(again).toMatchObject({ status: 'voting', round: 2, step: 0, subject: { plan: { planVersion: 3 } } });
    expect('stoppedBy' in (again as Proposal)).toBe(false);
    expect(resubmit(p, {}, t0)).toEqual({ refused: 'not-resubmittable' });
    expect(resubmit(returned, { subject: { kind: 'compact', compactId: ID, version: 1 } }, t0)).toEqual({
      refused: 'subject-kind-changed',
    });
  });
});

describe('public notice and objections', () => {
  it('objections are taken during the notice only', () => {
    const p = adopt();
    const o = raiseObjection(p, days(6.9));
    expect(o).toMatchObject({ pendingObjections: 1 });
    expect(raiseObjection(p, days(7))).toEqual({ refused: 'notice-ended' });
    expect(raiseObjection(proposal(), t0)).toEqual({ refused: 'not-in-notice' });
  });

  it('a sustained objection reopens the decision', () => {
    const p = raiseObjection(adopt(), days(1)) as Proposal;
    const r = answerObjection(p, { objectionId: ID, round: 1 }, true, days(2));
    expect(r.reopened).toBe(true);
    expect(r.proposal).toMatchObject({
      status: 'reopened',
      pendingObjections: 0,
      stoppedBy: { reason: 'objection-sustained', objectionId: ID },
    });
    expect(r.proposal!.notice).toBeUndefined();
    expect(resubmit(r.proposal!, {}, days(3))).toMatchObject({ status: 'voting', round: 2, step: 0 });
  });

  it('a dismissed objection lets the notice run out; a pending one holds the decision back', () => {
    const p = raiseObjection(adopt(), days(1)) as Proposal;
    expect(isDueForFinal(p, days(8))).toBe(false);
    const r = answerObjection(p, { objectionId: ID, round: 1 }, false, days(8));
    expect(r).toMatchObject({ reopened: false, proposal: { status: 'notice', pendingObjections: 0 } });
    expect(isDueForFinal(r.proposal!, days(6.99))).toBe(false);
    expect(isDueForFinal(r.proposal!, days(8))).toBe(true);
  });

  it('an answer to an objection of an earlier round changes nothing', () => {
    const p = { ...adopt(), round: 2 };
    expect(answerObjection(p, { objectionId: ID, round: 1 }, true, days(1))).toEqual({ reopened: false });
  });

  it('an objection is answered once', () => {
    const o = {
      objectionId: ID,
      proposalId: ID,
      village,
      round: 1,
      objector: 'p-majiaqiao-11',
      text: '占地',
      evidence: [],
      raisedAt: t0.toISOString(),
      status: 'pending' as const,
    };
    const a = answer(o, { sustained: false, answer: '已核实' }, 'p-majiaqiao-01', days(1));
    expect(a).toMatchObject({ status: 'dismissed', answeredBy: 'p-majiaqiao-01' });
    expect(answer(a as typeof o, { sustained: true, answer: 'x' }, 'p-majiaqiao-01', days(1))).toEqual({ refused: 'already-answered' });
  });
});

describe('the final decision carries what was decided', () => {
  const finalOf = (subject: ProposalSubject) => finalise(adopt(proposal(subject)), township, days(8));

  it('filed with the township, decided at the end of notice', () => {
    const f = finalOf(planSubject);
    expect(f).toMatchObject({ status: 'final', filedWith: township, finalAt: days(8).toISOString() });
  });

  it.each<[string, ProposalSubject, Record<string, unknown>]>([
    ['project-plan', planSubject, { plan: planSubject.kind === 'project-plan' ? planSubject.plan : {} }],
    ['compact', { kind: 'compact', compactId: ID, version: 3 }, { compact: { compactId: ID, version: 3 } }],
    ['village-classification', { kind: 'village-classification', classification: 'pilot' }, { classification: 'pilot' }],
    [
      'project-change',
      {
        kind: 'project-change',
        projectId: ID,
        changeId: ID,
        description: '延长 100 米',
        budget: 60_000_000,
        previousBudget: 48_000_000,
        requestedBy: 'p-majiaqiao-01',
      },
      { change: { projectId: ID, changeId: ID, description: '延长 100 米', budget: 60_000_000 } },
    ],
  ])('%s matches the DecisionFinal contract', (kind, subject, carried) => {
    const d = decisionOf(finalOf(subject));
    expect(DecisionFinal.data.safeParse(d).success).toBe(true);
    expect(d).toMatchObject({ kind, proposalId: ID, village, filedWith: township, ...carried });
  });

  it('refuses to describe a decision that is not final', () => {
    expect(() => decisionOf(adopt())).toThrow();
  });
});

describe('a step’s electorate is the body’s members on the day the step opens', () => {
  const opening = ['m1', 'm2', 'm3', 'm4', 'm5'];

  it('ballots (online, paper, proxy) and quorum are judged against the members recorded when the step opened', () => {
    const step = openStep(proposal(), opening, t0);
    // After the step opened, m5 resigned and n6, n7 joined the party branch (换届): the step's record does not move.
    expect(isElector(step, 'm5')).toBe(true);
    expect(isElector(step, 'n6')).toBe(false);
    const r = resolveRecordedStep(step, { yes: 3, no: 0, abstain: 0, cast: 3 });
    expect(r.members).toBe(5);
    expect(r.quorum).toMatchObject({ part: 3, whole: 5, held: true });
    expect(r.passed).toBe(true);
  });

  it('the record is a copy of the members it opened with', () => {
    const members = [...opening];
    const step = openStep(proposal(), members, t0);
    members.push('n6');
    expect(step.members).toEqual(opening);
  });

  it('the members are those of the opening day in China time: a term that begins at midnight in Beijing counts', async () => {
    const p = proposal();
    const seen: (string | undefined)[] = [];
    const demo = registerOf(demoSeed);
    // The party branch elected for the term starting 2027-03-01 is n1–n3; before that day it was m1–m5.
    const register: Register = {
      ...demo,
      body: async (village, kind, on) => {
        seen.push(on);
        return { village, kind, members: on !== undefined && on >= '2027-03-01' ? ['n1', 'n2', 'n3'] : opening };
      },
    };
    const at = (iso: string) => ({ register, now: () => new Date(iso) }) as unknown as ServiceContext;
    // 2027-02-28T16:30Z is 00:30 on 1 March in Beijing.
    expect(await electorateAt(at('2027-02-28T16:30:00Z'), p)).toEqual(['n1', 'n2', 'n3']);
    expect(await electorateAt(at('2027-02-28T15:30:00Z'), p)).toEqual(opening);
    expect(seen).toEqual(['2027-03-01', '2027-02-28']);
  });
});

describe('ballots go to the step voting now', () => {
  it('refuses a proposal not voting, and a step other than the current one', () => {
    expect(checkVotingStep({ status: 'voting', step: 1 }, 1)).toBeUndefined();
    expect(checkVotingStep({ status: 'returned', step: 1 }, 1)).toEqual({ refused: 'voting-closed', detail: { current: 'returned' } });
    expect(checkVotingStep({ status: 'voting', step: 1 }, 2)).toEqual({ refused: 'step-not-current', detail: { currentStep: 1 } });
  });
});

describe('who submits', () => {
  it('village cadres submit every kind; others only village classifications', () => {
    expect(checkSubmitter('project-plan', true)).toBeUndefined();
    expect(checkSubmitter('village-classification', false)).toBeUndefined();
    expect(checkSubmitter('compact', false)).toEqual({ refused: 'cadres-submit' });
    expect(checkSubmitter('project-plan', false)).toEqual({ refused: 'cadres-submit' });
  });
});

describe('a body’s meeting record: the sign-in', () => {
  const step = { members: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'] };

  it('each person signed in is a member of the step’s electorate, once', () => {
    expect(checkSignIn(step, ['m1', 'm2'])).toBeUndefined();
    expect(checkSignIn(step, ['m1', 'x9'])).toMatchObject({ refused: 'attendee-not-a-member', pointer: '/signIn/1' });
    expect(checkSignIn(step, ['m1', 'm2', 'm1'])).toMatchObject({ refused: 'attendee-listed-twice', pointer: '/signIn/2' });
  });

  it('the quorum is judged on the sign-in, not on the ballots: 4 of 7 present miss the assembly’s 2/3 even with 5 ballots', () => {
    const rule = FOUR_DELIBERATIONS[3]!;
    const s = { rule, members: step.members };
    const short = resolveRecordedStep(s, { yes: 5, no: 0, abstain: 0, cast: 5 }, ['m1', 'm2', 'm3', 'm4']);
    expect(short).toMatchObject({ passed: false, reason: 'quorum-not-met', quorum: { part: 4, whole: 7, needed: 5, margin: -1 } });
    const met = resolveRecordedStep(s, { yes: 3, no: 1, abstain: 1, cast: 5 }, ['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(met).toMatchObject({ passed: true, quorum: { part: 5, held: true } });
  });
});
