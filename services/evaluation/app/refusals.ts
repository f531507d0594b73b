import type { Bilingual } from '@cocreate/contracts';
import { type Problem, type ProblemExtensions, refusalsOf } from '@cocreate/kernel';
import { type RefusalCode, refusals } from '../domain/refusals.ts';
import type { RuleError } from '../domain/scheme.ts';

/**
 * Evaluation's refusals as problems (`refuse`), and domain decisions settled into values or thrown (`settled`). Four
 * 403s keep their own code (`not-a-juror`, not just `forbidden` with a reason), as evaluation's callers read them.
 */
export const { refuse, settled, refuseFields } = refusalsOf(refusals, {
  namedForbidden: ['not-a-beneficiary', 'not-a-quality-reviewer', 'not-a-juror', 'conflict-of-interest'],
});

/** The catalogue's codes of kind `rule` (422). */
export type RuleCode = { [K in RefusalCode]: (typeof refusals)[K][0] extends 'rule' ? K : never }[RefusalCode];

/** A rule of the catalogue broken on named fields: 422 with the catalogue's text and each field's own error. */
export function ruleErrors(code: RuleCode, errors: readonly RuleError[], extensions: ProblemExtensions = {}): Problem {
  return refuseFields(
    code,
    errors.map((e) => ({ in: 'body', pointer: e.pointer, rule: e.rule, message: e.message })),
    extensions,
  );
}

/** A rule of the catalogue broken on one field. */
export const ruleAt = (code: RuleCode, pointer: string, rule: string, message: Bilingual, extensions: ProblemExtensions = {}) =>
  ruleErrors(code, [{ pointer, rule, message }], extensions);
