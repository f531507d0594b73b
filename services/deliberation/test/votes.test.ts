import { describe, expect, it } from 'vitest';
import { FOUR_DELIBERATIONS, type StepRule, defaultChain, validateChain } from '../domain/chains.ts';
import { atLeast, moreThan } from '../domain/shares.ts';
import {
  MAX_PROXIES_PER_PERSON,
  checkProxy,
  checkProxyRecorder,
  classifyPaperLines,
  outcomeOf,
  resolveStep,
  sumTallies,
} from '../domain/votes.ts';

const assembly = FOUR_DELIBERATIONS[3]!; // quorum ≥ 2/3, passes with > 1/2 of cast, failure ends
const committees = FOUR_DELIBERATIONS[1]!; // quorum > 1/2, passes with > 1/2 of all members, failure returns
const t = (yes: number, no: number, abstain = 0) => ({ yes, no, abstain, cast: yes + no + abstain });

describe('a body resolves', () => {
  it('passes with more than half of the ballots cast', () => {
    const r = resolveStep(assembly, 7, t(4, 3));
    expect(r.passed).toBe(true);
    expect(r.passing).toMatchObject({ part: 4, whole: 7, needed: 4, margin: 0 });
  });

  it('a tie does not pass a "more than half" rule', () => {
    const r = resolveStep(assembly, 7, t(3, 3));
    expect(r).toMatchObject({ passed: false, reason: 'threshold-not-met' });
    expect(r.passing.margin).toBe(-1);
    expect(outcomeOf(r, assembly, true)).toBe('rejected');
  });

  it('an abstention counts as present but not in favour', () => {
    expect(resolveStep(assembly, 7, t(3, 2, 2)).passed).toBe(false); // 3 of 7 cast
    expect(resolveStep(assembly, 7, t(4, 1, 2)).passed).toBe(true);
  });

  it('quorum is checked first, exactly at its boundary: 2/3 of 7 members is 5 ballots', () => {
    expect(resolveStep(assembly, 7, t(4, 0)).reason).toBe('quorum-not-met'); // 4 < 14/3
    expect(resolveStep(assembly, 7, t(4, 1)).passed).toBe(true);
    expect(resolveStep(assembly, 6, t(4, 0)).passed).toBe(true); // 4 = 2/3 of 6
    expect(resolveStep(assembly, 6, t(3, 0)).reason).toBe('quorum-not-met');
  });

  it('a missed quorum returns the proposal even where a lost vote would end it', () => {
    const r = resolveStep(assembly, 7, t(2, 0));
    expect(outcomeOf(r, assembly, true)).toBe('returned');
  });

  it('"share of all members": 3 yes of 5 members passes, 2 yes and 0 no of 5 does not', () => {
    expect(resolveStep(committees, 5, t(3, 0)).passed).toBe(true);
    const r = resolveStep(committees, 5, t(2, 0, 1));
    expect(r).toMatchObject({ passed: false, reason: 'threshold-not-met' });
    expect(outcomeOf(r, committees, false)).toBe('returned');
  });

  it('nobody voting is a missed quorum, not a decision', () => {
    expect(resolveStep(assembly, 7, t(0, 0)).reason).toBe('quorum-not-met');
  });

  it('the outcome of a pass depends on whether the body is the last', () => {
    const r = resolveStep(committees, 5, t(5, 0));
    expect(outcomeOf(r, committees, false)).toBe('next-body');
    expect(outcomeOf(r, committees, true)).toBe('adopted');
  });

  it('refuses inconsistent tallies', () => {
    expect(() => resolveStep(assembly, 7, { yes: 1, no: 1, abstain: 0, cast: 3 })).toThrow();
    expect(() => resolveStep(assembly, 3, t(4, 0))).toThrow();
  });

  it('sums tally shards, ignoring what is not a number', () => {
    expect(sumTallies([{ yes: 2, no: 1, cast: 3, n: 3 }, { abstain: 1, cast: 1 }, { pk: 'x' }])).toEqual({
      yes: 2,
      no: 1,
      abstain: 1,
      cast: 4,
    });
  });
});

describe('decision chains', () => {
  it('the default is the four deliberations in order for every kind', () => {
    for (const kind of ['project-plan', 'compact', 'village-classification', 'project-change'] as const) {
      expect(defaultChain(kind).map((s) => s.body)).toEqual([
        'party-branch',
        'two-committees',
        'party-members-meeting',
        'representatives-assembly',
      ]);
    }
    // A copy: changing it never changes the default.
    const c = defaultChain('compact');
    c[0]!.onFail = 'end';
    expect(FOUR_DELIBERATIONS[0]!.onFail).toBe('return');
  });

  it('refuses a body twice, a body the village lacks, and the supervision committee as a voter', () => {
    const rule = (body: StepRule['body']): StepRule => ({
      body,
      quorum: moreThan(1, 2),
      passing: { of: 'cast', share: atLeast(2, 3) },
      onFail: 'return',
    });
    const members = (b: string) => (b === 'worthies-council' ? 0 : 5);
    expect(validateChain([rule('party-branch'), rule('villagers-meeting')], members)).toEqual([]);
    expect(validateChain([rule('party-branch'), rule('party-branch')], members)).toEqual([
      { code: 'chain-duplicate-body', step: 1, body: 'party-branch' },
    ]);
    expect(validateChain([rule('worthies-council')], members)).toEqual([{ code: 'chain-body-missing', step: 0, body: 'worthies-council' }]);
    expect(validateChain([rule('supervision-committee')], members)[0]?.code).toBe('chain-not-a-voting-body');
  });
});

describe('paper tally sheets', () => {
  const members = new Set(['a', 'b', 'c', 'd']);
  const lines = [
    { line: 1, voter: 'a', choice: 'yes' as const },
    { line: 2, voter: 'x', choice: 'yes' as const },
    { line: 3, voter: 'b', choice: 'no' as const },
    { line: 4, voter: 'a', choice: 'no' as const },
    { line: 5, voter: 'c', choice: 'abstain' as const },
    { line: 6, voter: 'd', choice: 'yes' as const },
  ];
  const existing = new Map([
    ['b', { channel: 'online' as const }],
    ['d', { channel: 'paper' as const, batchRef: 'sheet-1', line: 6 }],
  ]);

  it('gives every line a verdict with the reason; none is dropped', () => {
    const v = classifyPaperLines(
      lines,
      'sheet-1',
      (p) => members.has(p),
      (p) => existing.get(p),
    );
    expect(v.map((l) => [l.line, l.verdict, l.reason])).toEqual([
      [1, 'accepted', undefined],
      [2, 'refused', 'not-a-member'],
      [3, 'refused', 'already-voted'],
      [4, 'refused', 'duplicate-in-sheet'],
      [5, 'accepted', undefined],
      [6, 'already-counted', undefined],
    ]);
    expect(v[2]!.existing).toEqual({ channel: 'online' });
  });

  it('a line another sheet counted is refused, not taken as a re-import', () => {
    const v = classifyPaperLines(
      [lines[5]!],
      'sheet-2',
      (p) => members.has(p),
      (p) => existing.get(p),
    );
    expect(v[0]).toMatchObject({ verdict: 'refused', reason: 'already-voted', existing: { channel: 'paper', batchRef: 'sheet-1' } });
  });
});

describe('proxies', () => {
  const isMember = (p: string) => ['p1', 'p2'].includes(p);
  const villageOf = (p: string) => (p.startsWith('p') ? 'v' : 'w');
  it('allows a member to authorise someone else of the village, up to the limit', () => {
    expect(checkProxy('p1', 'p9', 'v', isMember, villageOf, 0)).toBeUndefined();
    expect(checkProxy('p1', 'p9', 'v', isMember, villageOf, MAX_PROXIES_PER_PERSON - 1)).toBeUndefined();
    expect(checkProxy('p1', 'p9', 'v', isMember, villageOf, MAX_PROXIES_PER_PERSON)).toEqual({
      refused: 'proxy-limit-reached',
      detail: { limit: MAX_PROXIES_PER_PERSON },
    });
  });
  it('refuses non-members, self-authorisation and outsiders', () => {
    expect(checkProxy('p3', 'p9', 'v', isMember, villageOf, 0)).toEqual({ refused: 'principal-not-a-member' });
    expect(checkProxy('p1', 'p1', 'v', isMember, villageOf, 0)).toEqual({ refused: 'proxy-is-principal' });
    expect(checkProxy('p1', 'q1', 'v', isMember, villageOf, 0)).toEqual({ refused: 'proxy-elsewhere' });
  });
});

describe('who records an authorisation', () => {
  it('the principal themself, or a cadre with the signed form; nobody else', () => {
    expect(checkProxyRecorder({ principal: true, cadre: false }, false)).toBeUndefined();
    expect(checkProxyRecorder({ principal: false, cadre: true }, true)).toBeUndefined();
    expect(checkProxyRecorder({ principal: false, cadre: true }, false)).toEqual({ refused: 'authorisation-evidence-required' });
    expect(checkProxyRecorder({ principal: false, cadre: false }, true)).toEqual({ refused: 'not-principal-or-cadre' });
  });
});
