import { describe, expect, it } from 'vitest';
import { DEFAULT_MAJOR_CHANGE_SHARE_BP, classifyChange, decideChange, decidedBudget, exceedsShare } from '../domain/change.ts';

describe('project changes', () => {
  it('defaults to 10 % of the budget', () => {
    expect(DEFAULT_MAJOR_CHANGE_SHARE_BP).toBe(1000);
  });

  it('treats exactly the share as minor and one fen more as major, both ways', () => {
    expect(exceedsShare(1_000_000, 1_100_000, 1000)).toBe(false);
    expect(exceedsShare(1_000_000, 1_100_001, 1000)).toBe(true);
    expect(exceedsShare(1_000_000, 900_000, 1000)).toBe(false);
    expect(exceedsShare(1_000_000, 899_999, 1000)).toBe(true);
  });

  it('treats any move off a zero budget as major, and stays exact for huge budgets', () => {
    expect(exceedsShare(0, 1, 1000)).toBe(true);
    expect(exceedsShare(9_000_000_000_000_00, 9_900_000_000_000_00, 1000)).toBe(false);
    expect(exceedsShare(9_000_000_000_000_00, 9_900_000_000_000_01, 1000)).toBe(true);
  });

  it('sends any change of content to deliberation whatever the money', () => {
    expect(classifyChange(1_000_000, { changesContent: true }, 1000)).toEqual({ kind: 'major', reason: 'content' });
    expect(classifyChange(1_000_000, { changesContent: true, budget: 1_000_001 }, 1000)).toEqual({ kind: 'major', reason: 'content' });
  });

  it('applies a small budget-only change directly and sends a large one to deliberation', () => {
    expect(classifyChange(1_000_000, { changesContent: false, budget: 1_050_000 }, 1000)).toEqual({ kind: 'minor' });
    expect(classifyChange(1_000_000, { changesContent: false, budget: 1_200_000 }, 1000)).toEqual({
      kind: 'major',
      reason: 'budget-share',
    });
    // A county that sets 0 % sends every budget change to deliberation.
    expect(classifyChange(1_000_000, { changesContent: false, budget: 1_000_001 }, 0)).toEqual({ kind: 'major', reason: 'budget-share' });
  });

  it('refuses a change that changes nothing', () => {
    expect(classifyChange(1_000_000, { changesContent: false }, 1000)).toEqual({ refused: 'empty-change' });
    expect(classifyChange(1_000_000, { changesContent: false, budget: 1_000_000 }, 1000)).toEqual({ refused: 'empty-change' });
  });

  it('leaves the project with the decided budget, else the requested one, else its own', () => {
    expect(decidedBudget(100, 150, 140)).toBe(140);
    expect(decidedBudget(100, 150, undefined)).toBe(150);
    expect(decidedBudget(100, undefined, undefined)).toBe(100);
  });
});

describe('asking for a change', () => {
  const project = { projectId: 'P', stage: 'in-construction' as const, budget: 1_000_000 };
  const ask = { changeId: 'C', title: '涨价', description: '水泥涨价', changesContent: false, requestedBy: 'p-01', requestedAt: 'T' };

  it('applies a budget move within the share at once, as an amendment', () => {
    expect(decideChange(project, { ...ask, budget: 1_100_000 }, 1000)).toEqual({
      kind: 'minor',
      record: expect.objectContaining({ changeId: 'C', class: 'minor', status: 'applied', previousBudget: 1_000_000, budget: 1_100_000 }),
      amendment: { changeId: 'C', description: '水泥涨价', previousBudget: 1_000_000, budget: 1_100_000, direct: true, appliedAt: 'T' },
    });
  });

  it('sends content or a larger move to deliberation, pending', () => {
    expect(decideChange(project, { ...ask, changesContent: true }, 1000)).toMatchObject({
      kind: 'major',
      record: { class: 'major', status: 'pending' },
      pending: { changeId: 'C', changesContent: true, requestedBy: 'p-01', requestedAt: 'T' },
    });
  });

  it('refuses past the books, while another waits, and a change of nothing', () => {
    expect(decideChange({ ...project, stage: 'final-accounts' }, ask, 1000)).toEqual({
      refused: 'not-changeable',
      detail: { stage: 'final-accounts' },
    });
    expect(decideChange({ ...project, pendingChange: { changeId: 'X' } as never }, ask, 1000)).toEqual({
      refused: 'change-pending',
      detail: { changeId: 'X' },
    });
    expect(decideChange(project, ask, 1000)).toEqual({ refused: 'empty-change' });
  });
});
