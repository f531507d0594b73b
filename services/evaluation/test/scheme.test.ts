import { describe, expect, it } from 'vitest';
import { Ratio } from '../domain/ratio.ts';
import { type CriterionInput, aggregate, leavesOf, normalise, scoreResponse, validateCriteria, validateScores } from '../domain/scheme.ts';
import { TEMPLATES, templateById, templateSnapshot } from '../domain/templates.ts';
import { toBasisPoints } from '../domain/weights.ts';

const ten = { min: 0, max: 10 };
const leaf = (id: string, weight: number | string, scale = ten): CriterionInput => ({ id, name: { zh: id, en: id }, weight, scale });

describe('weights in basis points', () => {
  it('parses decimals exactly, as numbers or strings', () => {
    expect(toBasisPoints(0.1)).toBe(1000);
    expect(toBasisPoints('0.2')).toBe(2000);
    expect(toBasisPoints(0.7)).toBe(7000);
    expect(toBasisPoints(1)).toBe(10_000);
    expect(toBasisPoints('1.0000')).toBe(10_000);
    expect(toBasisPoints(0.0001)).toBe(1);
    expect(toBasisPoints(' 0.25 ')).toBe(2500);
  });

  it('refuses zero, negatives, more than 1, more than four places and non-decimals', () => {
    for (const bad of [0, -0.1, 1.0001, 1.5, 0.00001, 0.30000000000000004, '0.12345', 'abc', '1e-1', Number.NaN, Infinity, '']) {
      expect(toBasisPoints(bad as number | string), String(bad)).toBeUndefined();
    }
  });
});

describe('validateCriteria', () => {
  it('accepts 0.1, 0.2 and 0.7 in any order (floating point sums 0.7 + 0.2 + 0.1 to 0.9999999999999999)', () => {
    expect(0.7 + 0.2 + 0.1).not.toBe(1);
    const out = validateCriteria([leaf('a', 0.7), leaf('b', 0.2), leaf('c', 0.1)]);
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.criteria.map((c) => c.weightBp)).toEqual([7000, 2000, 1000]);
    expect(validateCriteria([leaf('a', 0.1), leaf('b', '0.2'), leaf('c', 0.7)]).ok).toBe(true);
  });

  it('refuses siblings that do not sum to exactly 1, at every level, naming the list', () => {
    const out = validateCriteria([
      leaf('a', '0.3333'),
      leaf('b', '0.3333'),
      {
        id: 'c',
        name: { zh: 'c', en: 'c' },
        weight: '0.3334',
        children: [leaf('c1', 0.5), leaf('c2', 0.4)],
      },
    ]);
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.errors).toEqual([
        { pointer: '/criteria/2/children', rule: 'weights-sum', message: expect.objectContaining({ en: expect.stringContaining('0.9') }) },
      ]);
    const top = validateCriteria([leaf('a', 0.5), leaf('b', 0.4999)]);
    expect(!top.ok && top.errors.map((e) => [e.pointer, e.rule])).toEqual([['/criteria', 'weights-sum']]);
    const over = validateCriteria([leaf('a', 0.6), leaf('b', 0.5)]);
    expect(!over.ok && over.errors[0]!.rule).toBe('weights-sum');
  });

  it('reports malformed weights, scale rules, duplicate ids and depth with pointers', () => {
    const out = validateCriteria([
      leaf('a', '0.12345'),
      { id: 'b', name: { zh: 'b', en: 'b' }, weight: 0.5 },
      { id: 'a', name: { zh: 'a2', en: 'a2' }, weight: 0.5, scale: ten, children: [leaf('x', 1)] },
    ]);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.errors.map((e) => [e.pointer, e.rule])).toEqual(
        expect.arrayContaining([
          ['/criteria/0/weight', 'weight-format'],
          ['/criteria/1/scale', 'leaf-scale'],
          ['/criteria/2/id', 'duplicate-id'],
          ['/criteria/2/scale', 'leaf-scale'],
        ]),
      );
      // A list with an unparseable weight is not also reported as a wrong sum.
      expect(out.errors.some((e) => e.rule === 'weights-sum' && e.pointer === '/criteria')).toBe(false);
    }
    const nest = (depth: number): CriterionInput =>
      depth === 0 ? leaf(`l${depth}`, 1) : { id: `n${depth}`, name: { zh: 'n', en: 'n' }, weight: 1, children: [nest(depth - 1)] };
    expect(validateCriteria([nest(3)]).ok).toBe(true); // 4 levels
    const deep = validateCriteria([nest(4)]); // 5 levels
    expect(!deep.ok && deep.errors.map((e) => e.rule)).toContain('too-deep');
  });

  it('ships templates that pass the same rules: the six social-housing standards and the household sanitation rating', () => {
    for (const t of TEMPLATES) expect(() => templateSnapshot(t), t.id).not.toThrow();
    const six = templateSnapshot(templateById('tpl-social-housing-six-standards')!);
    expect(six.criteria.map((c) => c.name.zh)).toEqual([
      '市政设施完善',
      '服务设施到位',
      '"四化"要求达标',
      '服务功能完备',
      '管理队伍健全',
      '服务对象满意',
    ]);
    expect(six.criteria[2]!.children!.map((c) => c.name.zh)).toEqual(['社区美化', '社区净化', '社区绿化', '社区亮化']);
    expect(leavesOf(templateSnapshot(templateById('tpl-household-sanitation')!).criteria)).toHaveLength(5);
  });
});

describe('weighted scoring', () => {
  const six = templateSnapshot(templateById('tpl-social-housing-six-standards')!).criteria;
  const scores = {
    utilities: 8,
    'service-facilities': 6,
    beautification: 10,
    cleanliness: 8,
    greening: 6,
    lighting: 4,
    'service-functions': 9,
    'management-team': 5,
    'residents-satisfaction': 7,
  };

  it('scores a known response: leaves normalised to 0–100, rolled up by weight', () => {
    const out = scoreResponse(six, scores);
    expect(out.byCriterion.get('four-isations')!.round(2)).toBe(70); // (100+80+60+40)/4
    // 0.2×80 + 0.15×60 + 0.2×70 + 0.15×90 + 0.1×50 + 0.2×70 = 71.5
    expect(out.overall.round(2)).toBe(71.5);
    expect(out.overall.cmp(Ratio.of(143, 2))).toBe(0);
  });

  it('normalises any integer scale', () => {
    expect(normalise({ min: 1, max: 5 }, 1).round(2)).toBe(0);
    expect(normalise({ min: 1, max: 5 }, 4).round(2)).toBe(75);
    expect(normalise({ min: 0, max: 3 }, 1).round(4)).toBe(33.3333);
  });

  it('aggregates responses as the mean of their weighted scores', () => {
    const other = { ...scores, utilities: 10, lighting: 10 };
    const agg = aggregate(six, [scores, other])!;
    const mean = scoreResponse(six, scores).overall.add(scoreResponse(six, other).overall).div(Ratio.of(2));
    expect(agg.overall.cmp(mean)).toBe(0);
    expect(agg.byCriterion.get('utilities')!.round(2)).toBe(90);
    expect(aggregate(six, [])).toBeUndefined();
  });

  it('requires every leaf scored once, inside its scale, and nothing else', () => {
    expect(validateScores(six, scores)).toEqual([]);
    const errors = validateScores(six, {
      ...scores,
      utilities: 11,
      greening: 2.5,
      'four-isations': 5,
      lighting: undefined as unknown as number,
    });
    expect(errors.map((e) => [e.pointer, e.rule])).toEqual([
      ['/scores/utilities', 'scale'],
      ['/scores/greening', 'scale'],
      ['/scores/lighting', 'required'],
      ['/scores/four-isations', 'unknown-criterion'],
    ]);
  });
});

describe('Ratio', () => {
  it('is exact and rounds half away from zero', () => {
    expect(Ratio.of(1, 10).add(Ratio.of(2, 10)).add(Ratio.of(7, 10)).cmp(Ratio.of(1))).toBe(0);
    expect(Ratio.of(5, 1000).round(2)).toBe(0.01);
    expect(Ratio.of(-5, 1000).round(2)).toBe(-0.01);
    expect(Ratio.of(1, 3).round(2)).toBe(0.33);
    expect(Ratio.of(2, 3).round(1)).toBe(0.7);
    expect(() => Ratio.of(1, 0)).toThrow();
    expect(Ratio.of(3, -6).cmp(Ratio.of(-1, 2))).toBe(0);
  });
});
