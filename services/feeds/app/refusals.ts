import { type FieldError, Problem, type ProblemExtensions, refusalsOf } from '@cocreate/kernel';
import { type RefusalCode, refusals } from '../domain/refusals.ts';

/** The feeds' refusals as problems (`refuse`), and domain decisions settled into values or thrown (`settled`). */
export const { refuse, settled } = refusalsOf(refusals);

/**
 * A rule refusal whose field errors say more than the catalogue's one line: each reason a checker gave (the
 * EventBridge pattern matcher's, the webhook URL check's) is its own field error under the catalogue's code.
 */
export function refuseFields(code: RefusalCode, errors: FieldError[], extensions: ProblemExtensions = {}): Problem {
  const p = refuse(code, extensions);
  return new Problem(p.status, p.code, p.title, p.detail, p.extensions, errors);
}
