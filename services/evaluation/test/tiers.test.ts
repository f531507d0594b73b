import { describe, expect, it } from 'vitest';
import { assessVillage, type VillageInputs } from '../domain/assessment.ts';
import { zeroCounts } from '../domain/participation.ts';
import { DEFAULT_MARGINS, decideTier, reasonLine } from '../domain/tiers.ts';

const m = DEFAULT_MARGINS; // 20 % both ways
const last = { weightedCount: 100, households: 10 }; // 10 points per household

describe('promotion and demotion at the margins', () => {
  it('promotes a remediation village only when it rose by MORE than the margin', () => {
    expect(decideTier({ from: 'remediation', previous: last, current: { weightedCount: 120, households: 10 }, margins: m }).outcome).toBe(
      'kept',
    ); // exactly +20 %
    expect(
      decideTier({ from: 'remediation', previous: last, current: { weightedCount: 1201, households: 100 }, margins: m }),
    ).toMatchObject({
      outcome: 'promoted',
      from: 'remediation',
      to: 'pilot',
      changePct: 20.1,
    });
    // Exactly +20 % with a different household count is still exactly at the margin.
    expect(
      decideTier({
        from: 'remediation',
        previous: { weightedCount: 10, households: 1 },
        current: { weightedCount: 144, households: 12 },
        margins: m,
      }).outcome,
    ).toBe('kept');
  });

  it('demotes a pilot village only when it fell by MORE than the margin', () => {
    expect(decideTier({ from: 'pilot', previous: last, current: { weightedCount: 80, households: 10 }, margins: m }).outcome).toBe('kept'); // exactly −20 %
    expect(decideTier({ from: 'pilot', previous: last, current: { weightedCount: 799, households: 100 }, margins: m })).toMatchObject({
      outcome: 'demoted',
      to: 'remediation',
      changePct: -20.1,
    });
  });

  it('keeps a pilot that rose and a remediation village that fell (no tier above or below)', () => {
    expect(decideTier({ from: 'pilot', previous: last, current: { weightedCount: 500, households: 10 }, margins: m })).toMatchObject({
      outcome: 'kept',
      to: 'pilot',
    });
    expect(decideTier({ from: 'remediation', previous: last, current: { weightedCount: 0, households: 10 }, margins: m })).toMatchObject({
      outcome: 'kept',
      to: 'remediation',
    });
  });

  it('honours other margins, a zero previous year, the baseline year and unclassified villages', () => {
    const wide = { promoteBp: 5000, demoteBp: 1000 };
    expect(
      decideTier({ from: 'remediation', previous: last, current: { weightedCount: 140, households: 10 }, margins: wide }).outcome,
    ).toBe('kept');
    expect(decideTier({ from: 'pilot', previous: last, current: { weightedCount: 89, households: 10 }, margins: wide }).outcome).toBe(
      'demoted',
    );
    expect(
      decideTier({
        from: 'remediation',
        previous: { weightedCount: 0, households: 10 },
        current: { weightedCount: 1, households: 10 },
        margins: m,
      }),
    ).toMatchObject({
      outcome: 'promoted',
      changePct: null,
    });
    expect(
      decideTier({
        from: 'remediation',
        previous: { weightedCount: 0, households: 10 },
        current: { weightedCount: 0, households: 10 },
        margins: m,
      }).outcome,
    ).toBe('kept');
    expect(decideTier({ from: 'pilot', previous: undefined, current: last, margins: m })).toMatchObject({
      outcome: 'baseline',
      to: 'pilot',
    });
    expect(decideTier({ from: undefined, previous: last, current: last, margins: m })).toMatchObject({
      outcome: 'unclassified',
      to: undefined,
    });
  });

  it('records the reason with the figures in both languages', () => {
    const d = decideTier({ from: 'remediation', previous: last, current: { weightedCount: 135, households: 10 }, margins: m });
    expect(d.reason.zh).toBe('参与度较上年变化 35%（10 → 13.5），超过晋级阈值 20%，提级为试点村。');
    expect(d.reason.en).toContain('above the promotion margin of 20%');
    expect(reasonLine(d.reason)).toBe(`${d.reason.zh} / ${d.reason.en}`);
  });
});

describe('assessing a village: re-runs change nothing', () => {
  const counts = { ...zeroCounts(), needsRaised: 12, ballots: 30 }; // 3×12 + 30 = 66 over 12 households
  const inputs: VillageInputs = {
    village: 'v',
    county: 'c',
    year: 2030,
    households: 12,
    counts,
    previous: { weightedCount: 24, households: 12, score: 2 },
    existing: undefined,
    tier: { tier: 'remediation', effectiveAt: '2030-02-01T00:00:00.000Z' },
    margins: m,
  };
  const run = (runId: string) => ({ runId, now: '2031-01-05T00:00:00.000Z', newId: () => `id-${runId}` });

  it('first run: a result, and the tier move to write', () => {
    const out = assessVillage(inputs, run('r1'));
    expect(out.kind).toBe('changed');
    if (out.kind !== 'changed') return;
    expect(out.result).toMatchObject({
      assessmentId: 'id-r1',
      revision: 1,
      score: 5.5,
      weightedCount: 66,
      tierAfter: 'pilot',
      tierApplied: true,
    });
    expect(out.result.decision).toMatchObject({ outcome: 'promoted', from: 'remediation', to: 'pilot', previousScore: 2 });
    expect(out.tierWrite).toEqual({ tier: 'pilot', effectiveAt: '2030-12-31T16:00:00.000Z' });
  });

  it('same inputs again: unchanged, identical result, nothing to write or publish', () => {
    const first = assessVillage(inputs, run('r1'));
    if (first.kind !== 'changed') throw new Error('expected a change');
    // The tier record now says pilot; the year's starting tier stays the one the first run recorded.
    const again = assessVillage(
      { ...inputs, existing: first.result, tier: { tier: 'pilot', effectiveAt: '2030-12-31T16:00:00.000Z' } },
      run('r2'),
    );
    expect(again).toEqual({ kind: 'unchanged', result: first.result });
  });

  it('late events change the inputs: a new revision under the same id; a corrected decision moves the tier back', () => {
    const first = assessVillage(inputs, run('r1'));
    if (first.kind !== 'changed') throw new Error('expected a change');
    const promotedTier = { tier: 'pilot' as const, effectiveAt: '2030-12-31T16:00:00.000Z' };
    const more = assessVillage({ ...inputs, counts: { ...counts, ballots: 31 }, existing: first.result, tier: promotedTier }, run('r2'));
    expect(more.kind === 'changed' && [more.result.assessmentId, more.result.revision, more.tierWrite]).toEqual(['id-r1', 2, undefined]);
    // Had the year ended lower (counts corrected down), the same year's decision is recomputed from its starting tier.
    const fewer = assessVillage(
      { ...inputs, counts: { ...zeroCounts(), needsRaised: 9 }, existing: first.result, tier: promotedTier },
      run('r3'),
    );
    expect(fewer.kind === 'changed' && [fewer.result.decision.outcome, fewer.tierWrite]).toEqual([
      'kept',
      { tier: 'remediation', effectiveAt: '2030-12-31T16:00:00.000Z' },
    ]);
  });

  it('a later classification is not rolled back by an earlier year’s assessment', () => {
    const out = assessVillage({ ...inputs, tier: { tier: 'remediation', effectiveAt: '2031-03-01T00:00:00.000Z' } }, run('r1'));
    expect(out.kind === 'changed' && [out.result.tierApplied, out.tierWrite]).toEqual([false, undefined]);
  });
});
