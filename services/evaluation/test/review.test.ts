import { describe, expect, it } from 'vitest';
import { noteProjectEvent, openingDecision, reviewStageFor, stagedReviewTitle } from '../domain/project-reviews.ts';
import { applyStep, type Rectification } from '../domain/rectification.ts';
import { belowThreshold, compactHouseholds, expandHouseholds, mayRespond, responseRate, summarise } from '../domain/review.ts';
import { aggregate } from '../domain/scheme.ts';
import { templateById, templateSnapshot } from '../domain/templates.ts';

const village = 'hubei/huanggang/hongan/qiliping/majiaqiao';
const satisfaction = templateSnapshot(templateById('tpl-project-satisfaction')!); // 1–5 stars: 0.4 / 0.3 / 0.3
const open = { kind: 'satisfaction' as const, status: 'open' as const, closesAt: '2030-01-31T00:00:00.000Z' };
const now = new Date('2030-01-10T00:00:00Z');
const caller = (over: Partial<Parameters<typeof mayRespond>[2]> = {}) => ({
  sub: 'p-majiaqiao-01',
  household: `${village}/g1/h01`,
  qualityRole: undefined,
  eligibleHouseholds: new Set([`${village}/g1/h01`, `${village}/g1/h02`]),
  eligibleMembers: new Set<string>(),
  ...over,
});

describe('who may answer (服务谁、谁评价)', () => {
  it('lets a beneficiary household answer satisfaction, as its household', () => {
    expect(mayRespond(open, now, caller())).toEqual({ household: `${village}/g1/h01`, eligibleMember: true });
  });

  it('refuses a non-beneficiary household, someone with no household, and a closed review', () => {
    expect(mayRespond(open, now, caller({ household: `${village}/g2/h07` }))).toEqual({ refused: 'not-a-beneficiary' });
    expect(mayRespond(open, now, caller({ household: undefined, qualityRole: 'expert' }))).toEqual({ refused: 'not-a-beneficiary' });
    expect(mayRespond({ ...open, status: 'published' }, now, caller())).toEqual({ refused: 'review-closed' });
    expect(mayRespond(open, new Date(open.closesAt), caller())).toEqual({ refused: 'review-closed' });
  });

  it('quality: representatives, supervisors and experts only; the village’s members count toward the rate', () => {
    const quality = { ...open, kind: 'quality' as const };
    expect(mayRespond(quality, now, caller({ qualityRole: undefined }))).toEqual({ refused: 'not-a-quality-reviewer' });
    expect(mayRespond(quality, now, caller({ qualityRole: 'representative', eligibleMembers: new Set(['p-majiaqiao-01']) }))).toEqual({
      role: 'representative',
      eligibleMember: true,
    });
    expect(mayRespond(quality, now, caller({ sub: 'expert-1', qualityRole: 'expert' }))).toEqual({ role: 'expert', eligibleMember: false });
  });
});

describe('results', () => {
  // Household A: 5,4,3 stars → 100,75,50 → 0.4×100 + 0.3×75 + 0.3×50 = 77.5
  // Household B: 2,2,5 stars → 25,25,100 → 10 + 7.5 + 30 = 47.5
  const a = { scores: { overall: 5, 'meets-needs': 4, 'informed-involved': 3 }, eligibleMember: true };
  const b = { scores: { overall: 2, 'meets-needs': 2, 'informed-involved': 5 }, eligibleMember: true };

  it('weights per criterion and overall, distribution, and response rate among the eligible', () => {
    const out = summarise(satisfaction, [a, b], 4);
    expect(out.overall).toBe(62.5);
    expect(out.criteria.map((c) => [c.criterionId, c.score])).toEqual([
      ['overall', 62.5],
      ['meets-needs', 50],
      ['informed-involved', 75],
    ]);
    expect(out.criteria[0]!.counts).toEqual({ 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 });
    expect(out.distribution).toEqual([
      { band: '0-59', count: 1 },
      { band: '60-69', count: 0 },
      { band: '70-79', count: 1 },
      { band: '80-89', count: 0 },
      { band: '90-100', count: 0 },
    ]);
    expect(out).toMatchObject({ responses: 2, eligible: 4, eligibleResponses: 2, responseRate: 50 });
    expect(out.belowThreshold).toEqual(['meets-needs']);
  });

  it('has no scores and no rectification without responses; rate is null with nobody eligible', () => {
    const out = summarise(satisfaction, [], 0);
    expect(out).toMatchObject({ overall: null, responseRate: null, belowThreshold: [] });
    expect(out.criteria.every((c) => c.score === null)).toBe(true);
    expect(responseRate(1, 3)).toBe(33.3);
  });

  it('a criterion exactly at the threshold is not below it; a hair under is', () => {
    // meets-needs and informed-involved: 3 and 4 stars → 50 and 75 → mean exactly 62.5; overall: 4 and 4 → 75.
    const responses = [
      { overall: 4, 'meets-needs': 3, 'informed-involved': 3 },
      { overall: 4, 'meets-needs': 4, 'informed-involved': 4 },
    ];
    const agg = aggregate(satisfaction.criteria, responses)!;
    expect(belowThreshold(satisfaction.criteria, agg.byCriterion, 62.5)).toEqual([]);
    expect(belowThreshold(satisfaction.criteria, agg.byCriterion, 62.51)).toEqual(['meets-needs', 'informed-involved']);
  });

  it('stores eligible households compactly and restores them', () => {
    const list = [`${village}/g1/h01`, `${village}/g1/h01`, 'hubei/elsewhere/h9'];
    const stored = compactHouseholds(village, list);
    expect(stored).toEqual(['g1/h01', '/hubei/elsewhere/h9']);
    expect(expandHouseholds(village, stored)).toEqual([`${village}/g1/h01`, 'hubei/elsewhere/h9']);
  });
});

describe('staged project reviews', () => {
  it('maps project events to stages', () => {
    expect(reviewStageFor({ type: 'opened' })).toBe('before');
    expect(reviewStageFor({ type: 'stage-changed', to: 'in-construction' })).toBe('during');
    expect(reviewStageFor({ type: 'stage-changed', to: 'approved' })).toBeUndefined();
    expect(reviewStageFor({ type: 'accepted', acceptance: 'final' })).toBe('after');
    expect(reviewStageFor({ type: 'accepted', acceptance: 'initial' })).toBeUndefined();
  });

  it('opens each stage once, and never an earlier stage after a later one', () => {
    expect(openingDecision('before', [])).toBe('open');
    expect(openingDecision('before', ['before'])).toBe('already-open');
    expect(openingDecision('after', ['before'])).toBe('open');
    expect(openingDecision('before', ['after'])).toBe('superseded');
    expect(openingDecision('during', ['after'])).toBe('superseded');
    expect(openingDecision('during', ['before'])).toBe('open');
  });

  it('titles say the project, the stage and the kind in both languages', () => {
    expect(stagedReviewTitle('村口道路', 'after', 'satisfaction')).toEqual({
      zh: '村口道路 · 事后评估 · 群众满意度',
      en: '村口道路 · benefit review · satisfaction',
    });
    expect(stagedReviewTitle(undefined, 'during', 'quality').zh).toContain('事中评价');
  });
});

describe('what a project event does to the project record', () => {
  const facts = { projectId: 'p1', village, beneficiaries: [] };
  it('a late event starts a placeholder; ProjectOpened fills it in; the furthest stage is kept; a stage opens once', () => {
    const accepted = noteProjectEvent(undefined, { ...facts, signal: { type: 'accepted', acceptance: 'final' } }, 't1');
    expect(accepted).toEqual({
      next: { projectId: 'p1', village, reviewedStages: ['after'], superseded: [], known: false, updatedAt: 't1' },
      open: 'after',
    });
    const opened = noteProjectEvent(accepted.next, { ...facts, title: '村口道路', stage: 'survey', signal: { type: 'opened' } }, 't2');
    expect(opened).toEqual({
      next: { ...accepted.next, title: '村口道路', stage: 'survey', known: true, superseded: ['before'], updatedAt: 't2' },
      open: undefined,
    });
    const again = noteProjectEvent(opened.next, { ...facts, signal: { type: 'accepted', acceptance: 'final' } }, 't3');
    expect(again.open).toBeUndefined();
    expect(again.next.reviewedStages).toEqual(['after']);
  });
});

describe('rectification state machine', () => {
  const item: Rectification = {
    rectificationId: 'r1',
    reviewId: 'rv',
    village,
    criterionId: 'drainage',
    criterion: { zh: '排水', en: 'Drainage' },
    score: 40,
    threshold: 60,
    status: 'open',
    openedAt: 't0',
    history: [],
  };
  it('open → reported → closed, with history', () => {
    const reported = applyStep(item, { action: 'report', by: 'p-majiaqiao-01', note: '已疏通', evidence: [] }, 't1');
    expect(reported).toMatchObject({ status: 'reported', reportedBy: 'p-majiaqiao-01' });
    const closed = applyStep(reported as Rectification, { action: 'verify', by: 'p-majiaqiao-10', accepted: true, note: '属实' }, 't2');
    expect(closed).toMatchObject({ status: 'closed', closedAt: 't2' });
    expect((closed as Rectification).history.map((h) => h.action)).toEqual(['reported', 'accepted']);
  });
  it('a rejected report goes back open; the reporter cannot verify; steps out of order are refused', () => {
    const reported = applyStep(item, { action: 'report', by: 'p-majiaqiao-01', note: 'x', evidence: [] }, 't1') as Rectification;
    expect(applyStep(reported, { action: 'verify', by: 'p-majiaqiao-10', accepted: false, note: '未整改' }, 't2')).toMatchObject({
      status: 'open',
    });
    expect(applyStep(reported, { action: 'verify', by: 'p-majiaqiao-01', accepted: true, note: 'x' }, 't2')).toEqual({
      refused: 'same-person',
    });
    expect(applyStep(item, { action: 'verify', by: 'p-majiaqiao-10', accepted: true, note: 'x' }, 't2')).toEqual({
      refused: 'wrong-status',
      detail: { current: 'open' },
    });
    expect(applyStep(reported, { action: 'report', by: 'p-majiaqiao-02', note: 'x', evidence: [] }, 't2')).toEqual({
      refused: 'wrong-status',
      detail: { current: 'reported' },
    });
  });
});
