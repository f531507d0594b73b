import * as z from 'zod';
import { once, type Bilingual, PlacePath, SchemeId, says } from '@cocreate/contracts';
import { Ratio } from './ratio.ts';
import { WHOLE, fromBasisPoints, toBasisPoints } from './weights.ts';

/**
 * Evaluation schemes (评价标准): a tree of criteria. Every set of siblings carries weights summing to exactly 1, every
 * leaf has an integer scale (e.g. 1–5 stars, 0–10 points) and a response scores every leaf. A leaf's score is
 * normalised to 0–100 and rolled up by weight, so every criterion and the whole scheme score 0–100.
 */

export const LocalText = once(() =>
  z.object({
    zh: z.string().trim().min(1).max(100),
    en: z.string().trim().min(1).max(150),
  }),
);
export type LocalText = z.infer<ReturnType<typeof LocalText>>;

export const CriterionId = once(() =>
  z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9-]*$/, says({ zh: '小写字母、数字和连字符', en: 'lower-case id, digits and dashes' })),
);

export const Scale = once(() =>
  z
    .object({ min: z.number().int().min(0).max(100), max: z.number().int().min(1).max(100) })
    .refine((s) => s.min < s.max, { ...says({ zh: '最小值须小于最大值', en: 'min must be below max' }), path: ['max'] }),
);
export type Scale = z.infer<ReturnType<typeof Scale>>;

/** What a client sends: weights as decimals (number or string). */
export interface CriterionInput {
  id: string;
  name: LocalText;
  weight: number | string;
  scale?: Scale | undefined;
  children?: CriterionInput[] | undefined;
}
export const CriterionInput = once((): z.ZodType<CriterionInput> =>
  z
    .object({
      id: CriterionId(),
      name: LocalText(),
      weight: z.union([z.number(), z.string().max(12)]).describe('Decimal in (0, 1], at most 4 places; siblings sum to 1'),
      scale: Scale().optional().describe('Leaves only: the integer range a response scores'),
      get children() {
        return z.array(CriterionInput()).min(1).max(20).optional();
      },
    })
    .meta({ id: 'CriterionInput' }),
);

/** What is stored and returned: exact basis points, and the decimal for display. */
export interface Criterion {
  id: string;
  name: LocalText;
  weightBp: number;
  weight: number;
  scale?: Scale | undefined;
  children?: Criterion[] | undefined;
}
export const Criterion = once((): z.ZodType<Criterion> =>
  z
    .object({
      id: z.string(),
      name: LocalText(),
      weightBp: z.number().int(),
      weight: z.number(),
      scale: Scale().optional(),
      get children() {
        return z.array(Criterion()).optional();
      },
    })
    .meta({ id: 'Criterion' }),
);

export const Threshold = once(() => z.number().min(0).max(100));
export const DEFAULT_THRESHOLD = 60;

/** One saved version of a scheme, as a review snapshots it. */
export const SchemeVersion = once(() =>
  z.object({
    schemeId: SchemeId(),
    version: z.number().int().positive(),
    place: PlacePath,
    title: LocalText(),
    description: z.string().max(2000).optional(),
    threshold: Threshold(),
    criteria: z.array(Criterion()),
    template: z.string().optional(),
    savedBy: z.string(),
    savedAt: z.string(),
  }),
);
export type SchemeVersion = z.infer<ReturnType<typeof SchemeVersion>>;

/** The part of a scheme a review or competition needs to score and to judge rectification. */
export const SchemeSnapshot = once(() =>
  z.object({
    schemeId: SchemeId(),
    version: z.number().int().positive(),
    title: LocalText(),
    threshold: Threshold(),
    criteria: z.array(Criterion()),
  }),
);
export type SchemeSnapshot = z.infer<ReturnType<typeof SchemeSnapshot>>;

export const snapshotOf = (s: SchemeSnapshot): SchemeSnapshot => ({
  schemeId: s.schemeId,
  version: s.version,
  title: s.title,
  threshold: s.threshold,
  criteria: s.criteria,
});

export const LIMITS = { depth: 4, leaves: 40, nodes: 60 } as const;

export interface RuleError {
  pointer: string;
  rule: string;
  /** What to do, in both languages (the field error a caller reads). */
  message: Bilingual;
}

/**
 * Checks a criteria tree and converts weights to basis points. Every broken rule is reported with a JSON pointer
 * (relative to the `criteria` array's parent, e.g. `/criteria/2/children/0/weight`).
 */
export function validateCriteria(
  input: readonly CriterionInput[],
  base = '/criteria',
): { ok: true; criteria: Criterion[] } | { ok: false; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const seen = new Set<string>();
  let leaves = 0;
  let nodes = 0;

  const walk = (list: readonly CriterionInput[], pointer: string, depth: number): Criterion[] => {
    let sum = 0;
    let allParsed = true;
    const out = list.map((c, i): Criterion => {
      const at = `${pointer}/${i}`;
      nodes += 1;
      if (seen.has(c.id))
        errors.push({
          pointer: `${at}/id`,
          rule: 'duplicate-id',
          message: { zh: `指标编号 ${c.id} 重复`, en: `criterion id ${c.id} is used twice` },
        });
      seen.add(c.id);
      const bp = toBasisPoints(c.weight);
      if (bp === undefined) {
        allParsed = false;
        errors.push({
          pointer: `${at}/weight`,
          rule: 'weight-format',
          message: { zh: '(0, 1] 之间、最多 4 位小数', en: 'a decimal in (0, 1] with at most 4 places' },
        });
      } else {
        sum += bp;
      }
      const hasChildren = !!c.children?.length;
      if (hasChildren && c.scale) {
        errors.push({
          pointer: `${at}/scale`,
          rule: 'leaf-scale',
          message: { zh: '只有末级指标有分值范围', en: 'only leaf criteria have a scale' },
        });
      }
      if (!hasChildren && !c.scale) {
        errors.push({
          pointer: `${at}/scale`,
          rule: 'leaf-scale',
          message: { zh: '末级指标须有分值范围', en: 'a leaf criterion needs a scale' },
        });
      }
      if (hasChildren && depth >= LIMITS.depth) {
        errors.push({
          pointer: `${at}/children`,
          rule: 'too-deep',
          message: { zh: `最多 ${LIMITS.depth} 级`, en: `at most ${LIMITS.depth} levels` },
        });
      }
      if (!hasChildren) leaves += 1;
      return {
        id: c.id,
        name: c.name,
        weightBp: bp ?? 0,
        weight: fromBasisPoints(bp ?? 0),
        ...(hasChildren ? { children: walk(c.children!, `${at}/children`, depth + 1) } : { scale: c.scale }),
      };
    });
    if (allParsed && sum !== WHOLE) {
      errors.push({
        pointer,
        rule: 'weights-sum',
        message: { zh: `同级权重之和为 ${fromBasisPoints(sum)}，应为 1`, en: `sibling weights sum to ${fromBasisPoints(sum)}, not 1` },
      });
    }
    return out;
  };

  if (!input.length) errors.push({ pointer: base, rule: 'required', message: { zh: '至少一项指标', en: 'at least one criterion' } });
  const criteria = walk(input, base, 1);
  if (leaves > LIMITS.leaves)
    errors.push({
      pointer: base,
      rule: 'too-many-leaves',
      message: { zh: `最多 ${LIMITS.leaves} 个末级指标`, en: `at most ${LIMITS.leaves} leaf criteria` },
    });
  if (nodes > LIMITS.nodes)
    errors.push({
      pointer: base,
      rule: 'too-many-criteria',
      message: { zh: `最多 ${LIMITS.nodes} 项指标`, en: `at most ${LIMITS.nodes} criteria` },
    });
  return errors.length ? { ok: false, errors } : { ok: true, criteria };
}

/** Leaf criteria in tree order. */
export function leavesOf(criteria: readonly Criterion[]): Criterion[] {
  return criteria.flatMap((c) => (c.children?.length ? leavesOf(c.children) : [c]));
}

/** Every criterion in tree order, with its depth (1 = top level). */
export function flatten(criteria: readonly Criterion[], depth = 1): { criterion: Criterion; depth: number }[] {
  return criteria.flatMap((c) => [{ criterion: c, depth }, ...(c.children ? flatten(c.children, depth + 1) : [])]);
}

export type Scores = Record<string, number>;

/** A response must score every leaf once, with an integer inside the leaf's scale, and nothing else. */
export function validateScores(criteria: readonly Criterion[], scores: Scores, base = '/scores'): RuleError[] {
  const errors: RuleError[] = [];
  const leaves = leavesOf(criteria);
  const known = new Set(leaves.map((l) => l.id));
  for (const leaf of leaves) {
    const v = scores[leaf.id];
    const at = `${base}/${leaf.id}`;
    if (v === undefined)
      errors.push({ pointer: at, rule: 'required', message: { zh: '每个末级指标都须评分', en: 'every leaf criterion must be scored' } });
    else if (!Number.isInteger(v) || v < leaf.scale!.min || v > leaf.scale!.max) {
      errors.push({
        pointer: at,
        rule: 'scale',
        message: {
          zh: `${leaf.scale!.min} 到 ${leaf.scale!.max} 之间的整数`,
          en: `an integer from ${leaf.scale!.min} to ${leaf.scale!.max}`,
        },
      });
    }
  }
  for (const id of Object.keys(scores)) {
    if (!known.has(id))
      errors.push({
        pointer: `${base}/${id}`,
        rule: 'unknown-criterion',
        message: { zh: '不是本方案的末级指标', en: 'not a leaf criterion of this scheme' },
      });
  }
  return errors;
}

/** A leaf's raw score on its scale, normalised to 0–100. */
export function normalise(scale: Scale, raw: number): Ratio {
  return Ratio.of((raw - scale.min) * 100, scale.max - scale.min);
}

/**
 * Rolls leaf scores (already 0–100) up the tree: a parent scores the weighted sum of its children. Returns the score
 * of every criterion and the overall score (the weighted sum of the top level).
 */
export function rollUp(
  criteria: readonly Criterion[],
  leafScore: (leaf: Criterion) => Ratio,
): { overall: Ratio; byCriterion: Map<string, Ratio> } {
  const byCriterion = new Map<string, Ratio>();
  const score = (c: Criterion): Ratio => {
    const s = c.children?.length ? Ratio.sum(c.children.map((child) => Ratio.of(child.weightBp, WHOLE).mul(score(child)))) : leafScore(c);
    byCriterion.set(c.id, s);
    return s;
  };
  const overall = Ratio.sum(criteria.map((c) => Ratio.of(c.weightBp, WHOLE).mul(score(c))));
  return { overall, byCriterion };
}

/** The weighted score of one response (every criterion and overall). */
export function scoreResponse(criteria: readonly Criterion[], scores: Scores): { overall: Ratio; byCriterion: Map<string, Ratio> } {
  return rollUp(criteria, (leaf) => normalise(leaf.scale!, scores[leaf.id]!));
}

/**
 * The weighted score of many responses: each leaf's mean (normalised) score, rolled up. Because roll-up is linear this
 * equals the mean of the responses' own weighted scores. Undefined without responses.
 */
export function aggregate(
  criteria: readonly Criterion[],
  responses: readonly Scores[],
): { overall: Ratio; byCriterion: Map<string, Ratio> } | undefined {
  if (!responses.length) return undefined;
  const count = Ratio.of(responses.length);
  return rollUp(criteria, (leaf) => Ratio.sum(responses.map((r) => normalise(leaf.scale!, r[leaf.id]!))).div(count));
}

/** The latest version of a scheme, as the place's list shows it. */
export interface SchemeHead {
  schemeId: string;
  place: string;
  title: SchemeVersion['title'];
  latest: number;
  savedAt: string;
  template?: string | undefined;
}

/** The scheme a purpose (and optionally a project stage) uses at a place and below. */
export interface Binding {
  place: string;
  purpose: string;
  stage?: string | undefined;
  schemeId: string;
  boundBy: string;
  boundAt: string;
}
