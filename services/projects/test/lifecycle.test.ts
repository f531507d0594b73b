import { describe, expect, it } from 'vitest';
import { ProjectStage } from '@cocreate/contracts';
import { type TransitionFacts, acceptanceOf, allowedNext, checkTransition, decideStageMove, transitions } from '../domain/lifecycle.ts';

const base = (stage: ProjectStage, over: Partial<TransitionFacts> = {}): TransitionFacts => ({
  stage,
  changePending: false,
  milestones: [{ milestoneId: 'm1', title: 'a', completed: true }],
  heldMoney: 0,
  representatives: [{ person: 'p-x-03', isRepresentative: true }],
  ...over,
});

const ok = { ok: true };

describe('the lifecycle state machine', () => {
  it('defines the next stages of every stage in the contracts vocabulary', () => {
    expect(Object.keys(transitions).sort()).toEqual([...ProjectStage.options].sort());
    for (const next of Object.values(transitions)) for (const s of next) expect(ProjectStage.options).toContain(s);
  });

  it('walks the whole happy path from survey to long-term management', () => {
    const path: ProjectStage[] = [
      'survey',
      'willingness-survey',
      'design-review',
      'implementation-plan',
      'plan-notice',
      'approved',
      'in-construction',
      'initial-acceptance',
      'final-acceptance',
      'final-accounts',
      'archived',
      'long-term-management',
    ];
    for (let i = 0; i < path.length - 1; i++) expect(checkTransition(base(path[i]!), path[i + 1]!)).toEqual(ok);
  });

  it('allows rectification after initial acceptance, and re-inspection or final acceptance after it', () => {
    expect(checkTransition(base('initial-acceptance'), 'rectification')).toEqual(ok);
    expect(checkTransition(base('rectification'), 'initial-acceptance')).toEqual(ok);
    expect(checkTransition(base('rectification'), 'final-acceptance')).toEqual(ok);
  });

  it('sends a plan back from notice to revision', () => {
    expect(checkTransition(base('plan-notice'), 'implementation-plan')).toEqual(ok);
  });

  it('refuses every move not listed, naming the allowed ones', () => {
    for (const from of ProjectStage.options) {
      for (const to of ProjectStage.options) {
        const r = checkTransition(base(from), to);
        if (transitions[from].includes(to)) continue;
        expect(r).toEqual({ refused: 'illegal-transition', detail: { stage: from, allowed: transitions[from] } });
      }
    }
  });

  it('refuses skipping steps (survey straight to construction) and going backwards', () => {
    expect(checkTransition(base('survey'), 'in-construction')).toEqual({
      refused: 'illegal-transition',
      detail: { stage: 'survey', allowed: ['willingness-survey'] },
    });
    expect(checkTransition(base('approved'), 'survey')).toEqual({
      refused: 'illegal-transition',
      detail: { stage: 'approved', allowed: ['in-construction'] },
    });
    expect(allowedNext('long-term-management')).toEqual([]);
  });

  it('keeps a project with a pending major change where it is', () => {
    expect(checkTransition(base('approved', { changePending: true, pendingChangeId: 'c1' }), 'in-construction')).toEqual({
      refused: 'change-pending',
      detail: { changeId: 'c1' },
    });
  });

  it('needs every milestone complete, and at least one, before initial acceptance', () => {
    expect(checkTransition(base('in-construction', { milestones: [] }), 'initial-acceptance')).toEqual({ refused: 'no-milestones' });
    expect(
      checkTransition(
        base('in-construction', {
          milestones: [
            { milestoneId: 'm1', title: 'a', completed: true },
            { milestoneId: 'm2', title: 'b', completed: false },
          ],
        }),
        'initial-acceptance',
      ),
    ).toEqual({ refused: 'milestones-open', detail: { open: ['m2'] } });
  });

  it('needs residents’ representatives, all of them on the assembly, at initial acceptance', () => {
    expect(checkTransition(base('in-construction', { representatives: [] }), 'initial-acceptance')).toEqual({
      refused: 'representatives-required',
    });
    const { representatives: _r, ...without } = base('in-construction');
    expect(checkTransition(without, 'initial-acceptance')).toEqual({ refused: 'representatives-required' });
    expect(
      checkTransition(
        base('in-construction', {
          representatives: [
            { person: 'p-03', isRepresentative: true },
            { person: 'p-12', isRepresentative: false },
          ],
        }),
        'initial-acceptance',
      ),
    ).toEqual({ refused: 'not-representatives', detail: { people: ['p-12'] } });
  });

  it('closes the books only when no disbursement is open', () => {
    expect(checkTransition(base('final-acceptance', { heldMoney: 2 }), 'final-accounts')).toEqual({
      refused: 'disbursements-open',
      detail: { held: 2 },
    });
    expect(checkTransition(base('final-acceptance', { heldMoney: 0 }), 'final-accounts')).toEqual(ok);
  });

  it('names the acceptance a move causes', () => {
    expect(acceptanceOf('initial-acceptance')).toBe('initial');
    expect(acceptanceOf('final-acceptance')).toBe('final');
    expect(acceptanceOf('rectification')).toBeUndefined();
  });
});

describe('a stage move as a decision', () => {
  const project = { stage: 'in-construction' as const, version: 4, updatedAt: 'T0', stageHistory: [], facilities: [] };
  const facts = {
    changePending: false,
    milestones: [{ milestoneId: 'm1', title: 'a', completed: true }],
    heldMoney: 0,
    accountsToClose: 0,
  };
  const reps = { representatives: [{ person: 'p-03', isRepresentative: true }] };

  it('moves the project on and records the move in its history', () => {
    expect(decideStageMove(project, { ...facts, ...reps }, { to: 'initial-acceptance', note: '初验', by: 'p-01', at: 'T1' })).toEqual({
      next: {
        ...project,
        stage: 'initial-acceptance',
        updatedAt: 'T1',
        version: 5,
        stageHistory: [{ from: 'in-construction', to: 'initial-acceptance', at: 'T1', by: 'p-01', note: '初验' }],
      },
      move: { from: 'in-construction', to: 'initial-acceptance', at: 'T1', by: 'p-01', note: '初验' },
    });
  });

  it('hands facilities over at final acceptance only, and closes books it can check in one step', () => {
    const facility = { facilityId: 'f1', name: '排水沟', kind: 'facility' as const, place: 'v/g1' };
    const atInitial = { ...project, stage: 'initial-acceptance' as const };
    expect(decideStageMove(atInitial, facts, { to: 'final-acceptance', by: 'p-01', at: 'T1', facilities: [facility] })).toMatchObject({
      next: { stage: 'final-acceptance', facilities: [facility] },
    });
    expect(decideStageMove(atInitial, facts, { to: 'rectification', by: 'p-01', at: 'T1', facilities: [] })).toEqual({
      refused: 'facilities-at-final-acceptance',
    });
    const atFinal = { ...project, stage: 'final-acceptance' as const };
    expect(decideStageMove(atFinal, { ...facts, accountsToClose: 91 }, { to: 'final-accounts', by: 'p-01', at: 'T1' })).toEqual({
      refused: 'too-many-sources',
      detail: { max: 90 },
    });
    expect(decideStageMove(atFinal, { ...facts, accountsToClose: 90 }, { to: 'final-accounts', by: 'p-01', at: 'T1' })).toHaveProperty(
      'next',
    );
  });
});
