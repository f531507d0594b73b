import { describe, expect, it } from 'vitest';
import { type Competition, MAX_WINNERS, conflictOfInterest, decidedWinners, rank, startJudging, winners } from '../domain/competition.ts';
import { templateById, templateSnapshot } from '../domain/templates.ts';

const sanitation = templateSnapshot(templateById('tpl-household-sanitation')!).criteria;
const all = (v: number) => ({ indoor: v, courtyard: v, 'three-guarantees': v, 'rubbish-sorting': v, 'toilet-pens': v });
const hh = (n: number) => ({ kind: 'household' as const, id: `v/g1/h0${n}` });

describe('competition ranking', () => {
  const entries = [
    { nominee: hh(1), nominatedAt: '2030-01-01', scores: [all(8), all(9)] }, // 85
    { nominee: hh(2), nominatedAt: '2030-01-02', scores: [all(9), all(8)] }, // 85 (tie, later)
    { nominee: hh(3), nominatedAt: '2030-01-03', scores: [all(10)] }, // 100
    { nominee: hh(4), nominatedAt: '2030-01-04', scores: [all(5)] }, // 50
    { nominee: hh(5), nominatedAt: '2030-01-05', scores: [] }, // unscored
  ];

  it('ranks by mean weighted score; ties share a rank; unscored nominees are not ranked', () => {
    const out = rank(sanitation, entries);
    expect(out.map((s) => [s.nominee.id, s.rank, s.score.round(2), s.jurors])).toEqual([
      ['v/g1/h03', 1, 100, 1],
      ['v/g1/h01', 2, 85, 2],
      ['v/g1/h02', 2, 85, 2],
      ['v/g1/h04', 4, 50, 1],
    ]);
  });

  it('leaves out nominees with fewer jurors than required', () => {
    expect(rank(sanitation, entries, 2).map((s) => [s.nominee.id, s.rank])).toEqual([
      ['v/g1/h01', 1],
      ['v/g1/h02', 1],
    ]);
  });

  it('awards places within the number of awards (ties included) and at or above the minimum score', () => {
    const ranked = rank(sanitation, entries);
    expect(winners(ranked, 2).map((s) => s.nominee.id)).toEqual(['v/g1/h03', 'v/g1/h01', 'v/g1/h02']);
    expect(winners(ranked, 1).map((s) => s.nominee.id)).toEqual(['v/g1/h03']);
    expect(winners(ranked, 4, 85).map((s) => s.nominee.id)).toEqual(['v/g1/h03', 'v/g1/h01', 'v/g1/h02']);
    expect(winners(ranked, 4, 85.01).map((s) => s.nominee.id)).toEqual(['v/g1/h03']);
  });

  it('jurors abstain from their own household, themselves and their own village', () => {
    const juror = { id: 'p-v-08', household: 'v/g2/h08', village: 'v' };
    expect(conflictOfInterest({ kind: 'household', id: 'v/g2/h08' }, juror)).toBe(true);
    expect(conflictOfInterest({ kind: 'household', id: 'v/g2/h09' }, juror)).toBe(false);
    expect(conflictOfInterest({ kind: 'person', id: 'p-v-08' }, juror)).toBe(true);
    expect(conflictOfInterest({ kind: 'village', id: 'v' }, juror)).toBe(true);
    expect(conflictOfInterest({ kind: 'village', id: 'w' }, { id: 'expert' })).toBe(false);
  });
});

describe('competition steps', () => {
  const competition: Competition = {
    competitionId: 'c1',
    place: 'v',
    kind: 'courtyard',
    title: { zh: '最美庭院', en: 'Courtyard' },
    nomineeKind: 'household',
    openNominees: false,
    scheme: templateSnapshot(templateById('tpl-household-sanitation')!),
    jury: ['j1'],
    awards: 1,
    status: 'nominating',
    nominations: 0,
    scores: 0,
    minJurors: 1,
    createdBy: 'p1',
    createdAt: '2030-01-01T00:00:00Z',
  };

  it('judging starts from nominating and only once someone is nominated', () => {
    expect(startJudging(competition)).toEqual({ refused: 'no-nominations' });
    expect(startJudging({ ...competition, nominations: 2 })).toMatchObject({ status: 'judging', nominations: 2 });
    expect(startJudging({ ...competition, status: 'decided', nominations: 2 })).toEqual({
      refused: 'wrong-status',
      detail: { current: 'decided' },
    });
  });

  it('a decision refuses more tied winners than one transaction can grant', () => {
    const judging = { ...competition, status: 'judging' as const };
    const tied = Array.from({ length: MAX_WINNERS + 1 }, (_, i) => ({
      nominee: { kind: 'household' as const, id: `v/g1/h${i}` },
      nominatedAt: `2030-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
      scores: [all(8)],
    }));
    expect(decidedWinners(judging, rank(sanitation, tied))).toEqual({ refused: 'too-many-tied-winners' });
    expect(decidedWinners(judging, rank(sanitation, tied.slice(0, 3)))).toHaveLength(3);
    expect(decidedWinners(competition, [])).toEqual({ refused: 'wrong-status', detail: { current: 'nominating' } });
  });
});
