import { type Refused, isRefused } from '@cocreate/contracts';
import { Problem, type ProblemExtensions, refusalsOf } from '@cocreate/kernel';
import { type RefusalCode, refusals } from '../domain/refusals.ts';

const catalogue = refusalsOf(refusals);

/**
 * Forbidden refusals whose problem carries the refusal itself as its `code` (besides `reason`), not just
 * `forbidden`: callers of compacts have always told these three apart by code. (A kernel option would do this for
 * every service; until then compacts keeps it here.)
 */
const FORBIDDEN_BY_CODE: ReadonlySet<RefusalCode> = new Set(['not-on-council', 'own-household', 'recorded-it']);

/** The problem for a refusal of compacts' catalogue (403, 409 or 422; `pointer` names the field of a 422). */
export function refuse(code: RefusalCode, extensions?: ProblemExtensions, pointer?: string): Problem {
  const problem = catalogue.refuse(code, extensions, pointer);
  if (!FORBIDDEN_BY_CODE.has(code)) return problem;
  return new Problem(problem.status, code, problem.title, problem.detail, problem.extensions, problem.errors);
}

/** A domain decision's value, or its refusal thrown as the problem. */
export function settled<T>(decision: T | Refused<RefusalCode>, pointer?: string): T {
  if (isRefused(decision)) throw refuse(decision.refused as RefusalCode, decision.detail ?? {}, pointer);
  return decision as T;
}

export const refusalCodes = catalogue.codes;
