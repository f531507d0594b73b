import { describe, expect, it } from 'vitest';
import {
  type Line,
  account,
  allocationLines,
  amountOf,
  effectOf,
  normalSide,
  parseAccount,
  pickDraws,
  postingErrors,
  receiptLines,
  reversalLines,
  spendLines,
  transferOutLines,
  trialBalance,
} from '../domain/ledger.ts';

const S1 = '01AAAAAAAAAAAAAAAAAAAAAAA1';
const S2 = '01AAAAAAAAAAAAAAAAAAAAAAA2';
const P = '01PPPPPPPPPPPPPPPPPPPPPPPP';

/** Applies postings to running balances the way the store does (sum of effects per account). */
function run(postings: Line[][]): Map<string, number> {
  const b = new Map<string, number>();
  for (const lines of postings) for (const l of lines) b.set(l.account, (b.get(l.account) ?? 0) + effectOf(l));
  return b;
}

describe('accounts', () => {
  it('name and parse every kind, with its normal side', () => {
    expect(parseAccount(account.source(S1))).toEqual({ kind: 'src', sourceId: S1 });
    expect(parseAccount(account.allocation(P, S1))).toEqual({ kind: 'alloc', projectId: P, sourceId: S1 });
    expect(parseAccount(account.transferred('hubei/a/b/c/v', S1))).toEqual({ kind: 'xfer', village: 'hubei/a/b/c/v', sourceId: S1 });
    expect(normalSide(account.fund(S1))).toBe('credit');
    expect(normalSide(account.spent(P, S1))).toBe('debit');
    expect(() => parseAccount('nope:1')).toThrow(/not an account/);
  });
});

describe('postings', () => {
  it('every builder produces a balanced posting', () => {
    const draws = [
      { sourceId: S1, amount: 300 },
      { sourceId: S2, amount: 200 },
    ];
    for (const lines of [receiptLines(S1, 500), allocationLines(P, draws), spendLines(P, draws), transferOutLines('v', S1, 5)]) {
      expect(postingErrors(lines)).toEqual([]);
    }
    expect(amountOf(allocationLines(P, draws))).toBe(500);
  });

  it('refuses unbalanced, fractional, non-positive and repeated lines', () => {
    expect(
      postingErrors([
        { account: account.source(S1), side: 'debit', amount: 5 },
        { account: account.fund(S1), side: 'credit', amount: 4 },
      ]),
    ).toContain('debits 5 ≠ credits 4');
    expect(
      postingErrors([
        { account: account.source(S1), side: 'debit', amount: 1.5 },
        { account: account.fund(S1), side: 'credit', amount: 1.5 },
      ]).length,
    ).toBeGreaterThan(0);
    expect(
      postingErrors([
        { account: account.source(S1), side: 'debit', amount: 0 },
        { account: account.fund(S1), side: 'credit', amount: 0 },
      ]).length,
    ).toBeGreaterThan(0);
    expect(postingErrors([{ account: account.source(S1), side: 'debit', amount: 1 }])).toContain('a posting has at least two lines');
    expect(
      postingErrors([
        { account: account.source(S1), side: 'debit', amount: 1 },
        { account: account.source(S1), side: 'credit', amount: 1 },
      ]),
    ).toContain(`${account.source(S1)} appears twice in one posting`);
    expect(() => allocationLines(P, [{ sourceId: S1, amount: -1 }])).toThrow(/unbalanced/);
  });

  it('moves money source → allocation → spent, the fund account keeping what each source brought', () => {
    const b = run([
      receiptLines(S1, 1000),
      allocationLines(P, [{ sourceId: S1, amount: 600 }]),
      spendLines(P, [{ sourceId: S1, amount: 250 }]),
    ]);
    expect(b.get(account.fund(S1))).toBe(1000);
    expect(b.get(account.source(S1))).toBe(400);
    expect(b.get(account.allocation(P, S1))).toBe(350);
    expect(b.get(account.spent(P, S1))).toBe(250);
    // Money in the pool (assets) always equals what the sources brought minus what was spent.
    expect(b.get(account.source(S1))! + b.get(account.allocation(P, S1))!).toBe(1000 - 250);
  });

  it('a reversal undoes a posting exactly', () => {
    const original = allocationLines(P, [
      { sourceId: S1, amount: 600 },
      { sourceId: S2, amount: 40 },
    ]);
    const b = run([receiptLines(S1, 1000), receiptLines(S2, 50), original, reversalLines(original)]);
    expect(b.get(account.source(S1))).toBe(1000);
    expect(b.get(account.source(S2))).toBe(50);
    expect(b.get(account.allocation(P, S1))).toBe(0);
    expect(postingErrors(reversalLines(original))).toEqual([]);
  });
});

describe('choosing sources', () => {
  it('takes the oldest sources first, as few as needed', () => {
    expect(
      pickDraws(
        [
          { sourceId: S2, balance: 100 },
          { sourceId: S1, balance: 70 },
        ],
        120,
      ),
    ).toEqual({
      draws: [
        { sourceId: S1, amount: 70 },
        { sourceId: S2, amount: 50 },
      ],
    });
    expect(
      pickDraws(
        [
          { sourceId: S1, balance: 70 },
          { sourceId: S2, balance: 100 },
        ],
        70,
      ),
    ).toEqual({ draws: [{ sourceId: S1, amount: 70 }] });
  });

  it('skips empty sources and reports the shortfall', () => {
    expect(
      pickDraws(
        [
          { sourceId: S1, balance: 0 },
          { sourceId: S2, balance: 30 },
        ],
        30,
      ),
    ).toEqual({ draws: [{ sourceId: S2, amount: 30 }] });
    expect(
      pickDraws(
        [
          { sourceId: S1, balance: 10 },
          { sourceId: S2, balance: 30 },
        ],
        41,
      ),
    ).toEqual({ shortfall: 1, available: 40 });
  });
});

describe('the trial balance', () => {
  const postings = [
    { postingId: 'a', lines: receiptLines(S1, 1000) },
    { postingId: 'b', lines: allocationLines(P, [{ sourceId: S1, amount: 600 }]) },
  ];
  const stored = [
    { account: account.source(S1), balance: 400, debits: 1000, credits: 600 },
    { account: account.fund(S1), balance: 1000, debits: 0, credits: 1000 },
    { account: account.allocation(P, S1), balance: 600, debits: 600, credits: 0, available: 450, held: 150 },
  ];

  it('passes books whose running balances equal the sum of their entries', () => {
    expect(trialBalance(postings, stored)).toMatchObject({
      postings: 2,
      totalDebits: 1600,
      totalCredits: 1600,
      balanced: true,
      mismatches: [],
      negative: [],
      ok: true,
    });
  });

  it('checks that an allocation’s available and held money add up to its balance, neither negative', () => {
    const wrongHold = stored.map((a) => (a.account === account.allocation(P, S1) ? { ...a, held: 151 } : a));
    expect(trialBalance(postings, wrongHold)).toMatchObject({ holdMismatches: [account.allocation(P, S1)], ok: false });
    const overHeld = stored.map((a) => (a.account === account.allocation(P, S1) ? { ...a, available: -1, held: 601 } : a));
    expect(trialBalance(postings, overHeld)).toMatchObject({ negative: [account.allocation(P, S1)], ok: false });
  });

  it('finds a running balance that drifted, a negative account and an unbalanced posting', () => {
    const drifted = stored.map((a) => (a.account === account.source(S1) ? { ...a, balance: 399 } : a));
    expect(trialBalance(postings, drifted).mismatches).toEqual([{ account: account.source(S1), stored: 399, fromEntries: 400 }]);
    const negative = [...stored, { account: account.spent(P, S1), balance: -1, debits: 0, credits: 1 }];
    expect(trialBalance(postings, negative)).toMatchObject({ negative: [account.spent(P, S1)], ok: false });
    const broken = [
      ...postings,
      {
        postingId: 'c',
        lines: [
          { account: account.source(S2), side: 'debit' as const, amount: 5 },
          { account: account.fund(S2), side: 'credit' as const, amount: 4 },
        ],
      },
    ];
    expect(trialBalance(broken, stored)).toMatchObject({ balanced: false, unbalancedPostings: ['c'], ok: false });
  });
});
