import { describe, expect, it } from 'vitest';
import {
  type VillageReview,
  canMutuallyReview,
  canReport,
  canSelfReview,
  canVerify,
  partnerOf,
  suggestedScore,
  validatePairs,
  verify,
} from '../domain/village-review.ts';

const base: VillageReview = { reviewId: 'r', village: 'a', township: 't', county: 'c', year: 2030 };
const scored = { scheme: { schemeId: 'tpl-village-co-creation', version: 1 }, scores: {}, by: 'x', at: 't' };
const selfDone: VillageReview = { ...base, step: 'self-reviewed', self: { ...scored, score: 80 } };
const mutualDone: VillageReview = { ...selfDone, step: 'mutually-reviewed', mutual: { ...scored, score: 71.25, reviewerVillage: 'b' } };
const reported: VillageReview = {
  ...mutualDone,
  step: 'reported',
  report: { score: 76, suggested: 75.63, unpaired: false, by: 'x', at: 't' },
};

describe('the village review chain', () => {
  it('goes self → mutual → township report → county verification, never skipping or repeating', () => {
    expect(canSelfReview(undefined)).toBe(true);
    expect(canSelfReview(selfDone)).toEqual({ refused: 'step-already-done', detail: { step: 'self-reviewed' } });
    expect(canMutuallyReview(undefined, 'b', 'b')).toEqual({ refused: 'chain-out-of-order', detail: { step: null } });
    expect(canMutuallyReview(selfDone, 'b', 'b')).toBe(true);
    expect(canMutuallyReview(mutualDone, 'b', 'b')).toEqual({ refused: 'step-already-done', detail: { step: 'mutually-reviewed' } });
    expect(canReport(selfDone, true)).toEqual({ refused: 'chain-out-of-order', detail: { step: 'self-reviewed' } });
    expect(canReport(mutualDone, true)).toBe(true);
    expect(canReport(selfDone, false)).toBe(true); // an unpaired village goes straight to the report
    expect(canVerify(mutualDone)).toEqual({ refused: 'chain-out-of-order', detail: { step: 'mutually-reviewed' } });
    expect(canVerify(reported)).toBe(true);
    expect(canVerify({ ...reported, step: 'verified' })).toEqual({ refused: 'step-already-done', detail: { step: 'verified' } });
  });

  it('only the assigned partner reviews, and never the village itself', () => {
    expect(canMutuallyReview(selfDone, 'c', 'b')).toEqual({ refused: 'not-paired' });
    expect(canMutuallyReview(selfDone, 'b', undefined)).toEqual({ refused: 'not-paired' });
    expect(canMutuallyReview(selfDone, 'a', 'a')).toEqual({ refused: 'not-paired' });
    expect(
      partnerOf(
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        'd',
      ),
    ).toBe('c');
    expect(partnerOf([['a', 'b']], 'e')).toBeUndefined();
  });

  it('refuses a village paired with itself, outside the township, or paired twice', () => {
    const villages = new Set(['a', 'b', 'c', 'd']);
    expect(
      validatePairs(villages, [
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toEqual([]);
    expect(validatePairs(villages, [['a', 'a']])).toEqual([
      { pointer: '/pairs/0', rule: 'self-pair', message: { zh: '村不能与自己互评', en: 'a village cannot mutually review itself' } },
    ]);
    expect(validatePairs(villages, [['a', 'x']]).map((e) => [e.pointer, e.rule])).toEqual([['/pairs/0/1', 'outside-township']]);
    expect(
      validatePairs(villages, [
        ['a', 'b'],
        ['b', 'c'],
      ]).map((e) => [e.pointer, e.rule]),
    ).toEqual([['/pairs/1/0', 'paired-twice']]);
  });

  it('suggests the mean of self and mutual scores to the township', () => {
    expect(suggestedScore(mutualDone)).toBe(75.63);
    expect(suggestedScore(selfDone)).toBe(80);
  });
});

describe('county verification', () => {
  it('confirms the reported score without a reason', () => {
    expect(verify(76, {})).toEqual({ score: 76, adjusted: false });
    expect(verify(76, { score: 76 })).toEqual({ score: 76, adjusted: false });
  });
  it('refuses an adjustment without a reason (blank counts as none) and records one with it', () => {
    expect(verify(76, { score: 70 })).toEqual({ refused: 'adjustment-needs-reason' });
    expect(verify(76, { score: 70, reason: '   ' })).toEqual({ refused: 'adjustment-needs-reason' });
    expect(verify(76, { score: 76.01, reason: undefined })).toEqual({ refused: 'adjustment-needs-reason' });
    expect(verify(76, { score: 70, reason: ' 抽查发现问题 ' })).toEqual({ score: 70, adjusted: true, reason: '抽查发现问题' });
  });
});
