import { type Bilingual, type Refused, isRefused } from '@cocreate/contracts';
import { type FieldError, type Problem, type ProblemExtensions, problems, refusalsOf } from '@cocreate/kernel';
import { type RefusalCode, refusals } from '../domain/refusals.ts';
import type { RuleError } from '../domain/scheme.ts';

const catalogue = refusalsOf(refusals);

/**
 * 403s whose own code names the refusal, as evaluation's callers have always read them (`not-a-juror`, not
 * `forbidden` with a reason). The kernel's catalogue renders every forbidden refusal as `forbidden`; until it can
 * name one by its code, these few are made here — from the same catalogue entry.
 */
const NAMED_FORBIDDEN: ReadonlySet<RefusalCode> = new Set([
  'not-a-beneficiary',
  'not-a-quality-reviewer',
  'not-a-juror',
  'conflict-of-interest',
]);

const textOf = (code: RefusalCode): Bilingual => ({ zh: refusals[code][1], en: refusals[code][2] });

/** The problem for a refusal of evaluation's catalogue (403, 409 or 422; `pointer` names the field a rule is about). */
export function refuse(code: RefusalCode, extensions: ProblemExtensions = {}, pointer?: string): Problem {
  if (NAMED_FORBIDDEN.has(code)) return problems.forbidden(textOf(code), extensions, code);
  return catalogue.refuse(code, extensions, pointer);
}

/** A domain decision's value, or its refusal thrown as the problem. */
export function settled<T>(decision: T | Refused<RefusalCode>, pointer?: string): T {
  if (isRefused(decision)) throw refuse(decision.refused as RefusalCode, decision.detail ?? {}, pointer);
  return decision as T;
}

/** The catalogue's codes of kind `rule` (422). */
export type RuleCode = { [K in RefusalCode]: (typeof refusals)[K][0] extends 'rule' ? K : never }[RefusalCode];

/** A rule of the catalogue broken on named fields: 422 with the catalogue's text and each field's own error. */
export function ruleErrors(code: RuleCode, errors: readonly RuleError[], extensions: ProblemExtensions = {}): Problem {
  const fieldErrors: FieldError[] = errors.map((e) => ({ in: 'body', pointer: e.pointer, rule: e.rule, message: e.message }));
  return problems.rule(code, textOf(code), extensions, fieldErrors);
}

/** A rule of the catalogue broken on one field. */
export const ruleAt = (code: RuleCode, pointer: string, rule: string, message: Bilingual, extensions: ProblemExtensions = {}) =>
  ruleErrors(code, [{ pointer, rule, message }], extensions);
