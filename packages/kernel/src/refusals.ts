import { type RefusalCatalogue, type Refused, isRefused } from '@cocreate/contracts';
import { type FieldError, Problem, type ProblemExtensions, problems } from './problem.ts';

/** What the application layer does with a service's catalogue: a code becomes a problem, a decision a value. */
export interface Refusals<Code extends string> {
  /** Every code of the catalogue (the refusal-coverage test reads them). */
  readonly codes: readonly Code[];
  /** The problem for a refusal: 403, 409 or 422 with its code, both languages and the facts it names. */
  refuse(code: Code, extensions?: ProblemExtensions, pointer?: string): Problem;
  /** A domain decision's value, or its refusal thrown as the problem (`pointer` names the field it is about). */
  settled<T>(decision: T | Refused<Code>, pointer?: string): T;
  /**
   * The problem for a refusal whose field errors say more than the catalogue's one line: each reason a checker gave
   * (a pattern matcher's, a URL check's, a scheme's weights) is its own field error under the catalogue's code.
   */
  refuseFields(code: Code, errors: readonly FieldError[], extensions?: ProblemExtensions): Problem;
}

export interface RefusalOptions<Code extends string> {
  /**
   * Forbidden refusals whose problem `code` is the refusal itself rather than `forbidden` (with `reason` as always):
   * 403s that callers have always told apart by code (`not-a-juror`, `own-household`).
   */
  namedForbidden?: readonly Code[];
}

/**
 * The one way a refusal becomes a problem, for every service: `rule` → 422 with a field error when a pointer is
 * given, `conflict` → 409, `forbidden` → 403 `forbidden` with the code as `reason`; otherwise the code is the problem's `code`.
 */
export function refusalsOf<const C extends RefusalCatalogue>(
  catalogue: C,
  options: RefusalOptions<keyof C & string> = {},
): Refusals<keyof C & string> {
  type Code = keyof C & string;
  const named = new Set<string>(options.namedForbidden ?? []);
  const problemOf = (code: Code, extensions: ProblemExtensions, errors: FieldError[]): Problem => {
    const entry = catalogue[code];
    if (!entry) throw new Error(`refusal ${code} is not in the catalogue`);
    const [kind, zh, en] = entry;
    const text = { zh, en };
    if (kind === 'forbidden') return problems.forbidden(text, { reason: code, ...extensions }, named.has(code) ? code : 'forbidden');
    if (kind === 'conflict') return problems.conflict(code, text, extensions);
    return problems.rule(code, text, extensions, errors);
  };
  for (const code of named) if (catalogue[code]?.[0] !== 'forbidden') throw new Error(`${code} is not a forbidden refusal`);
  const refuse = (code: Code, extensions: ProblemExtensions = {}, pointer?: string): Problem => {
    const entry = catalogue[code];
    const text = entry ? { zh: entry[1], en: entry[2] } : { zh: '', en: '' };
    return problemOf(code, extensions, pointer ? [{ in: 'body', pointer, rule: code, message: text }] : []);
  };
  return {
    codes: Object.keys(catalogue) as Code[],
    refuse,
    refuseFields: (code, errors, extensions = {}) => {
      const p = problemOf(code, extensions, [...errors]);
      // Conflicts and forbidden refusals carry the fields too: the caller is told which field the clash is about.
      return p.errors.length === errors.length ? p : new Problem(p.status, p.code, p.title, p.detail, p.extensions, [...errors]);
    },
    settled<T>(decision: T | Refused<Code>, pointer?: string): T {
      if (isRefused(decision)) throw refuse(decision.refused as Code, decision.detail ?? {}, pointer);
      return decision as T;
    },
  };
}
