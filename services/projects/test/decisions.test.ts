import { describe, expect, it } from 'vitest';
import { Id } from '@cocreate/contracts';
import { projectIdFor } from '../domain/ids.ts';
import { type ChangeRecord, judgeChangeDecision, projectFromPlan } from '../domain/project.ts';

const V = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const proposal = '01JD7Z8Q9W3V4X5Y6Z7A8B9C0D';
const change = '01JD7Z8Q9W3V4X5Y6Z7A8B9C0X';

describe('project ids', () => {
  it('are ULIDs derived from the proposal: the same decision always names the same project', () => {
    const id = projectIdFor(proposal);
    expect(Id.safeParse(id).success).toBe(true);
    expect(id).toBe(projectIdFor(proposal));
    expect(id).not.toBe(proposal);
    expect(id.slice(0, 10)).toBe(proposal.slice(0, 10));
    expect(projectIdFor('01JD7Z8Q9W3V4X5Y6Z7A8B9C0E')).not.toBe(id);
  });
});

describe('opening a project from a plan', () => {
  it('starts at the survey with the plan’s budget, category, builder and beneficiaries (deduplicated)', () => {
    const p = projectFromPlan(
      {
        proposalId: proposal,
        village: V,
        decidedAt: '2026-04-10T10:00:00+08:00',
        plan: {
          planId: change,
          planVersion: 3,
          title: '道路',
          description: 'd',
          category: 'roads',
          builder: 'cooperative',
          budget: 48_000_000,
          beneficiaries: [`${V}/g1/h01`, `${V}/g1/h01`, `${V}/g1/h02`],
          place: `${V}/g1`,
        },
      },
      '2026-04-11T00:00:00.000Z',
    );
    expect(p).toMatchObject({
      projectId: projectIdFor(proposal),
      stage: 'survey',
      budget: 48_000_000,
      category: 'roads',
      builder: 'cooperative',
      version: 1,
    });
    expect(p.beneficiaries).toEqual([`${V}/g1/h01`, `${V}/g1/h02`]);
  });
});

describe('a final project-change decision', () => {
  const pending = {
    changeId: change,
    title: 't',
    description: 'd',
    budget: 60_000,
    changesContent: true,
    requestedBy: 'p-01',
    requestedAt: '2026-05-01T00:00:00Z',
  };
  const project = { village: V, budget: 48_000, pendingChange: pending, amendments: [] };
  const d = { projectId: 'P', changeId: change, village: V, description: 'decided', budget: 58_000 };

  it('applies to the change the project waits for, with the decided budget', () => {
    expect(judgeChangeDecision(project, undefined, d)).toEqual({ outcome: 'apply', budget: 58_000, pending });
    const { budget: _b, ...noBudget } = d;
    expect(judgeChangeDecision(project, undefined, noBudget)).toMatchObject({ outcome: 'apply', budget: 60_000 });
  });

  it('is parked when the project is unknown (out of order) or never asked for that change', () => {
    expect(judgeChangeDecision(undefined, undefined, d)).toEqual({ outcome: 'park', reason: 'unknown-project' });
    expect(judgeChangeDecision({ ...project, pendingChange: undefined }, undefined, d)).toEqual({
      outcome: 'park',
      reason: 'unknown-change',
    });
  });

  it('is a no-op when already applied, recorded only when the change was withdrawn', () => {
    expect(
      judgeChangeDecision(
        {
          ...project,
          pendingChange: undefined,
          amendments: [{ changeId: change, description: '', previousBudget: 1, budget: 2, direct: false, appliedAt: '' }],
        },
        undefined,
        d,
      ),
    ).toEqual({
      outcome: 'already-applied',
    });
    const withdrawn = { status: 'withdrawn' } as ChangeRecord;
    expect(judgeChangeDecision({ ...project, pendingChange: undefined }, withdrawn, d)).toEqual({ outcome: 'withdrawn' });
  });

  it('never changes another village’s project', () => {
    expect(judgeChangeDecision(project, undefined, { ...d, village: `${V}x` })).toEqual({ outcome: 'foreign-village' });
  });
});
