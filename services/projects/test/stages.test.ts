import { describe, expect, it } from 'vitest';
import { classRoom, planAllocation } from '../domain/funds.ts';
import { checkStageData } from '../domain/stages.ts';

const V = 'hubei/huanggang/hongan/chengguan/xingfu';
const within = (p: string) => p.startsWith(`${V}/`) || p === V;
const finding = { category: 'roads', place: `${V}/c2`, description: '积水', severity: 'high' } as const;

describe('the survey stages carry their data', () => {
  const village = { village: V };
  const renovation = { village: V, renovationClass: 'basic', compound: `${V}/c2`, consentPollId: 'P1' };
  const poll = { pollId: 'P1', scope: `${V}/c2`, matter: 'renovation', passed: true, closedAt: '2026-01-01T00:00:00Z' };

  it('asks each survey stage for its own data when leaving it, and none on other moves', () => {
    expect(checkStageData(village, 'survey', {}, { within })?.refused).toBe('survey-findings-required');
    expect(checkStageData(village, 'survey', { survey: { findings: [finding], evidence: [] } }, { within })).toBeUndefined();
    expect(checkStageData(village, 'plan-notice', {}, { within })).toBeUndefined();
    const misplaced = checkStageData(village, 'plan-notice', { survey: { findings: [finding], evidence: [] } }, { within });
    expect(misplaced).toMatchObject({ refused: 'stage-data-out-of-place', pointer: '/survey' });
  });

  it('takes a village project’s tally with its sheets, never more agreeing than surveyed', () => {
    const sheet = [{ key: 'k' }];
    const w = (surveyed: number, agreeing: number, evidence = sheet) => ({ willingness: { surveyed, agreeing, evidence } });
    expect(checkStageData(village, 'willingness-survey', w(10, 11), { within })?.refused).toBe('willingness-survey-required');
    expect(checkStageData(village, 'willingness-survey', w(10, 7, []), { within })?.refused).toBe('willingness-survey-required');
    expect(checkStageData(village, 'willingness-survey', w(10, 10), { within })).toBeUndefined();
  });

  it('takes for a renovation only its plan’s passed poll over its compound', () => {
    const ask = (consentPollId: string) => ({ willingness: { consentPollId, evidence: [] } });
    expect(
      checkStageData(renovation, 'willingness-survey', { willingness: { surveyed: 3, agreeing: 3, evidence: [{ key: 'k' }] } }, { within })
        ?.refused,
    ).toBe('renovation-needs-consent');
    expect(checkStageData(renovation, 'willingness-survey', ask('P2'), { within, poll })?.refused).toBe('consent-poll-mismatch');
    expect(checkStageData(renovation, 'willingness-survey', ask('P1'), { within })?.refused).toBe('consent-poll-unknown');
    expect(checkStageData(renovation, 'willingness-survey', ask('P1'), { within, poll: { ...poll, scope: `${V}/c1` } })?.refused).toBe(
      'consent-poll-not-for-compound',
    );
    expect(checkStageData(renovation, 'willingness-survey', ask('P1'), { within, poll: { ...poll, passed: false } })?.refused).toBe(
      'consent-not-passed',
    );
    expect(checkStageData(renovation, 'willingness-survey', ask('P1'), { within, poll })).toBeUndefined();
  });

  it('takes the design review’s documents, PDFs or images only', () => {
    const d = (n: number) => ({
      designReview: { documents: Array.from({ length: n }, (_, i) => ({ key: `k${i}` })), conclusion: 'approved' as const },
    });
    expect(checkStageData(village, 'design-review', d(0), { within })?.refused).toBe('design-review-documents-required');
    expect(checkStageData(village, 'design-review', d(2), { within, designTypes: ['application/pdf', 'text/plain'] })).toMatchObject({
      refused: 'document-not-pdf-or-image',
      pointer: '/designReview/documents/1',
    });
    expect(checkStageData(village, 'design-review', d(2), { within, designTypes: ['application/pdf', 'image/jpeg'] })).toBeUndefined();
  });
});

describe('the renovation-class rule at allocation', () => {
  const sources = [
    { sourceId: 'A', source: 'fiscal-award' as const, amount: 1_000_001 },
    { sourceId: 'B', source: 'self-raised' as const, amount: 500_000 },
  ];
  const rule = { nonBasicMaxShareBp: 3000, sources: ['fiscal-award' as const] };

  it('limits each governed source to its share, rounded down, less what was used; others are not limited', () => {
    const room = classRoom(sources, new Map([['A', 100_000]]), rule);
    expect(room.get('A')).toEqual({ room: 200_000, cap: 300_000 });
    expect(room.has('B')).toBe(false);
    expect(classRoom(sources, new Map([['A', 400_000]]), rule).get('A')?.room).toBe(0);
  });

  it('refuses beyond the room with the rule, named or chosen, and fills the rest from free sources', () => {
    const room = classRoom(sources, new Map(), rule);
    const base = {
      budget: 10_000_000,
      allocatedSoFar: 0,
      project: { projectId: 'P', category: 'parking' as const },
      sources: sources.map((s) => ({ ...s, balance: s.amount })),
      classRoom: room,
    };
    expect(planAllocation({ ...base, amount: 300_001, explicit: [{ sourceId: 'A', amount: 300_001 }] })).toMatchObject({
      refused: 'renovation-class-share-exceeded',
    });
    expect(planAllocation({ ...base, amount: 300_000, explicit: [{ sourceId: 'A', amount: 300_000 }] })).toEqual({
      draws: [{ sourceId: 'A', amount: 300_000 }],
    });
    expect(planAllocation({ ...base, amount: 700_000 })).toEqual({
      draws: [
        { sourceId: 'A', amount: 300_000 },
        { sourceId: 'B', amount: 400_000 },
      ],
    });
    expect(planAllocation({ ...base, amount: 900_000 })).toMatchObject({ refused: 'renovation-class-share-exceeded' });
    expect(planAllocation({ ...base, amount: 2_000_000 })).toMatchObject({ refused: 'insufficient-pool' });
  });
});
