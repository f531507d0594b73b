import { expect } from 'vitest';

/** One answer in a property run: the operation, its status, and the rule a refusal named. */
export interface JudgedAnswer {
  op: string;
  status: number;
  code?: string;
}

/**
 * What the invariant properties hold every answer to: the operation's success status, or a refusal it may give with
 * one of the codes its rules name — never anything else. Each answer is kept (to look for 5xx at the end) and counted
 * by operation, status and code in `tally`, the run's printed summary.
 */
export function answerJudge(tally: Map<string, number>) {
  const answers: JudgedAnswer[] = [];
  const judge = (what: string, res: { status: number; body: any }, ok: number, refusals: Record<number, string[]>): boolean => {
    // A 403 names its rule as `reason` (its `code` is the kind, forbidden); 409 and 422 name it as `code`.
    const code = res.status === 403 ? res.body?.reason : res.body?.code;
    answers.push({ op: what, status: res.status, code });
    const key = `${what} ${res.status}${code ? ` ${code}` : ''}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    const detail = `${what}: ${res.status} ${JSON.stringify(res.body)}`;
    if (res.status === ok) return true;
    expect(Object.keys(refusals).map(Number), detail).toContain(res.status);
    expect(refusals[res.status], detail).toContain(code);
    return false;
  };
  return { answers, judge };
}

/** The drawn operations cut into the drawn group sizes, in order: each group is sent at once, groups one after another. */
export function* inGroups<T>(ops: readonly T[], sizes: readonly number[]): Generator<T[]> {
  let at = 0;
  for (const size of sizes) {
    if (at >= ops.length) return;
    yield ops.slice(at, at + size);
    at += size;
  }
}
