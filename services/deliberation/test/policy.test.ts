import { describe, expect, it } from 'vitest';
import { type Chain, FOUR_DELIBERATIONS, type StepRule } from '../domain/chains.ts';
import { chainProblem, decideChange, proposeChange } from '../domain/changes.ts';
import { amountOf, atLeastAsStrict, chainOfFloor, checkFloor, floorApplies, nationalFloor } from '../domain/policy.ts';
import { atLeast, moreThan } from '../domain/shares.ts';

/** Chains are policy with a floor (四议): what a village may add, and what it may not drop, reorder or weaken. */
const floor = nationalFloor('project-plan');
const [pb, tc, pmm, ra] = FOUR_DELIBERATIONS as [StepRule, StepRule, StepRule, StepRule];
const hearing: StepRule = {
  body: 'worthies-council',
  quorum: moreThan(1, 2),
  passing: { of: 'cast', share: moreThan(1, 2) },
  onFail: 'return',
};
const everyone = () => 5;

describe('the national floor: the four deliberations', () => {
  it('the four deliberations themselves meet it, and so does adding a worthies’ hearing anywhere', () => {
    expect(checkFloor(FOUR_DELIBERATIONS, floor)).toBeUndefined();
    expect(checkFloor([pb, hearing, tc, pmm, ra], floor)).toBeUndefined();
    expect(checkFloor([hearing, pb, tc, pmm, ra], floor)).toBeUndefined();
    // The villagers' meeting may decide in the assembly's place.
    expect(checkFloor([pb, tc, pmm, { ...ra, body: 'villagers-meeting' }], floor)).toBeUndefined();
  });

  it('the issue’s bypass — the two-member worthies’ council alone — drops every required body', () => {
    expect(checkFloor([hearing], floor)).toMatchObject({ refused: 'chain-drops-required-body', step: 0, detail: { required: 0 } });
  });

  it('the four bodies in reverse order are a reordering', () => {
    expect(checkFloor([ra, pmm, tc, pb], floor)).toMatchObject({ refused: 'chain-reorders-required-bodies', detail: { required: 1 } });
    expect(checkFloor([pb, pmm, tc, ra], floor)).toMatchObject({ refused: 'chain-reorders-required-bodies', step: 1 });
  });

  it('dropping one body names where it was due', () => {
    expect(checkFloor([pb, tc, ra], floor)).toMatchObject({ refused: 'chain-drops-required-body', step: 2, detail: { required: 2 } });
  });

  it('a lower quorum or passing share, or passing on ballots cast where all members are required, weakens a step', () => {
    expect(checkFloor([pb, tc, pmm, { ...ra, quorum: moreThan(1, 2) }], floor)).toMatchObject({
      refused: 'chain-weakens-required-step',
      step: 3,
    });
    expect(checkFloor([{ ...pb, passing: { of: 'cast', share: moreThan(1, 2) } }, tc, pmm, ra], floor)).toMatchObject({
      refused: 'chain-weakens-required-step',
      step: 0,
    });
    // Stricter is always allowed: three quarters at the assembly, all members' base at the party members' meeting.
    expect(
      checkFloor([pb, tc, { ...pmm, passing: { of: 'members', share: moreThan(1, 2) } }, { ...ra, quorum: atLeast(3, 4) }], floor),
    ).toBeUndefined();
  });

  it('strictness of thresholds is exact: ≥ x covers > y only when x > y', () => {
    expect(atLeastAsStrict(atLeast(2, 3), atLeast(2, 3))).toBe(true);
    expect(atLeastAsStrict(moreThan(2, 3), atLeast(2, 3))).toBe(true);
    expect(atLeastAsStrict(atLeast(1, 2), moreThan(1, 2))).toBe(false);
    expect(atLeastAsStrict(atLeast(2, 3), moreThan(1, 2))).toBe(true);
    expect(atLeastAsStrict(moreThan(1, 2), atLeast(2, 3))).toBe(false);
    expect(atLeastAsStrict(moreThan(4, 6), moreThan(2, 3))).toBe(true);
  });
});

describe('a county floor from a threshold', () => {
  const county = { fromFen: 50_000_000, required: [{ bodies: ['party-branch' as const], quorum: pb.quorum, passing: pb.passing }] };

  it('binds matters from its amount up; matters without an amount always', () => {
    expect(floorApplies(county, 49_999_999)).toBe(false);
    expect(floorApplies(county, 50_000_000)).toBe(true);
    expect(floorApplies(county, undefined)).toBe(true);
    expect(amountOf({ kind: 'project-plan', plan: { budget: 90_000_000 } })).toBe(90_000_000);
    expect(amountOf({ kind: 'project-change', budget: 7, previousBudget: 5 })).toBe(7);
    expect(amountOf({ kind: 'project-change', previousBudget: 5 })).toBe(5);
    expect(amountOf({ kind: 'compact' })).toBeUndefined();
  });

  it('the chain a floor describes meets it, and ends the matter at its last body', () => {
    const chain = chainOfFloor(floor);
    expect(chain.map((s) => s.body)).toEqual(FOUR_DELIBERATIONS.map((s) => s.body));
    expect(checkFloor(chain, floor)).toBeUndefined();
    expect(chain.at(-1)!.onFail).toBe('end');
  });
});

describe('a chain change waits for the township', () => {
  const now = new Date('2026-03-01T02:00:00Z');
  const current = { village: 'v', kind: 'compact' as const, chain: FOUR_DELIBERATIONS, isDefault: true, version: 0 };
  const cmd = {
    village: 'v',
    kind: 'compact' as const,
    steps: [pb, hearing, tc, pmm, ra] as Chain,
    expectedVersion: 0,
    reason: '乡贤听证',
  };

  it('is proposed with before, after and reason; a stale base or a chain below the floor is refused', () => {
    const change = proposeChange({ changeId: 'c1', current, cmd, by: 'cadre', now }, undefined);
    expect(change).toMatchObject({ status: 'pending', baseVersion: 0, before: FOUR_DELIBERATIONS, after: cmd.steps, reason: '乡贤听证' });
    expect(proposeChange({ changeId: 'c1', current: { ...current, version: 1 }, cmd, by: 'cadre', now }, undefined)).toMatchObject({
      refused: 'stale-version',
    });
    const problem = chainProblem([hearing], everyone, floor);
    expect(proposeChange({ changeId: 'c1', current, cmd: { ...cmd, steps: [hearing] }, by: 'cadre', now }, problem)).toMatchObject({
      refused: 'chain-drops-required-body',
    });
  });

  it('bodies are checked before the floor: a supervision committee does not vote, a missing body cannot', () => {
    expect(chainProblem([{ ...pb, body: 'supervision-committee' }], everyone, floor)).toMatchObject({
      refused: 'chain-not-a-voting-body',
      step: 0,
    });
    expect(chainProblem([pb, hearing, tc, pmm, ra], (b) => (b === 'worthies-council' ? 0 : 5), floor)).toMatchObject({
      refused: 'chain-body-missing',
      step: 1,
    });
  });

  it('approval takes effect on the version it was based on; a decline needs no check; a decided change is not decided again', () => {
    const change = proposeChange({ changeId: 'c1', current, cmd, by: 'cadre', now }, undefined) as Exclude<
      ReturnType<typeof proposeChange>,
      { refused: string }
    >;
    const approved = decideChange(change, { approve: true, reason: '同意' }, { currentVersion: 0, by: 'town', now }, undefined);
    expect(approved).toMatchObject({ status: 'approved', version: 1, decidedBy: 'town', decisionReason: '同意' });
    expect(decideChange(change, { approve: true, reason: '同意' }, { currentVersion: 1, by: 'town', now }, undefined)).toMatchObject({
      refused: 'stale-version',
    });
    expect(decideChange(change, { approve: false, reason: '不同意' }, { currentVersion: 1, by: 'town', now }, undefined)).toMatchObject({
      status: 'declined',
    });
    expect(
      decideChange(approved as typeof change, { approve: false, reason: 'x' }, { currentVersion: 1, by: 'town', now }, undefined),
    ).toMatchObject({
      refused: 'change-not-pending',
    });
    // The floor rose meanwhile: approval re-checks and refuses.
    const problem = checkFloor(change.after, {
      required: [...floor.required, { bodies: ['villagers-meeting'], quorum: ra.quorum, passing: ra.passing }],
    });
    expect(decideChange(change, { approve: true, reason: '同意' }, { currentVersion: 0, by: 'town', now }, problem)).toMatchObject({
      refused: 'chain-drops-required-body',
    });
  });
});
