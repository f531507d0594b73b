import { describe, expect, it } from 'vitest';
import { type Refused, isRefused } from '@cocreate/contracts';
import { auditEntries, movement } from '../domain/entries.ts';
import {
  type AccountState,
  LedgerError,
  credit,
  debit,
  emptyAccount,
  expire,
  hold,
  invariantViolations,
  lotId,
  nextExpiry,
  release,
  spend,
} from '../domain/ledger.ts';

const lot = (creditedOn: string, expiresOn: string) => ({ lot: lotId(creditedOn, expiresOn), expiresAt: `${expiresOn}T00:00:00.000Z` });
const JAN = lot('2026-01-05', '2027-01-05');
const FEB = lot('2026-02-05', '2027-02-05');
const MAR = lot('2026-03-05', '2027-03-05');

/** A decision's value (the test fails on a refusal). */
function must<T>(x: T | Refused): T {
  if (isRefused(x)) throw new Error(`refused: ${x.refused}`);
  return x;
}

function ok(s: AccountState): AccountState {
  expect(invariantViolations(s)).toEqual([]);
  return s;
}

describe('credit', () => {
  it('adds to the day’s lot, merging credits of the same day', () => {
    let s = ok(credit(emptyAccount(), 5, JAN).state);
    s = ok(credit(s, 3, JAN).state);
    expect(s).toMatchObject({ balance: 8, debt: 0, lots: [{ lot: JAN.lot, remaining: 8 }] });
  });

  it('clears debt first and puts only the rest in a lot', () => {
    const owing: AccountState = { balance: 0, held: 0, debt: 4, lots: [] };
    const r = credit(owing, 10, FEB);
    expect(r.debtCleared).toBe(4);
    expect(ok(r.state)).toMatchObject({ balance: 6, debt: 0, lots: [{ lot: FEB.lot, remaining: 6 }] });
    const small = credit(owing, 3, FEB);
    expect(small.debtCleared).toBe(3);
    expect(ok(small.state)).toMatchObject({ balance: 0, debt: 1, lots: [] });
    expect(small.placed).toEqual([]);
  });

  it('restores points to the lots they came from before a new lot', () => {
    const s = ok(credit(emptyAccount(), 2, MAR).state);
    const r = credit(s, 7, MAR, [
      { ...JAN, points: 3 },
      { ...FEB, points: 2 },
    ]);
    expect(r.placed.map((p) => [p.lot, p.points])).toEqual([
      [JAN.lot, 3],
      [FEB.lot, 2],
      [MAR.lot, 2],
    ]);
    expect(ok(r.state).lots.map((l) => [l.lot, l.remaining])).toEqual([
      [JAN.lot, 3],
      [FEB.lot, 2],
      [MAR.lot, 4],
    ]);
  });

  it('refuses zero, negative and fractional points', () => {
    expect(() => credit(emptyAccount(), 0, JAN)).toThrow(LedgerError);
    expect(() => credit(emptyAccount(), -1, JAN)).toThrow(LedgerError);
    expect(() => credit(emptyAccount(), 1.5, JAN)).toThrow(LedgerError);
  });
});

describe('debit (violation deductions)', () => {
  const start = () => credit(credit(credit(emptyAccount(), 3, JAN).state, 4, FEB).state, 5, MAR).state;

  it('takes the oldest lots first', () => {
    const r = debit(start(), 5);
    expect(r).toMatchObject({ fromBalance: 5, toDebt: 0 });
    expect(r.taken.map((t) => [t.lot, t.points])).toEqual([
      [JAN.lot, 3],
      [FEB.lot, 2],
    ]);
    expect(ok(r.state).lots.map((l) => [l.lot, l.remaining])).toEqual([
      [FEB.lot, 2],
      [MAR.lot, 5],
    ]);
  });

  it('a deduction beyond the balance takes what there is and records the rest as debt; the balance stays at 0', () => {
    const r = debit(start(), 20);
    expect(r).toMatchObject({ fromBalance: 12, toDebt: 8 });
    expect(ok(r.state)).toMatchObject({ balance: 0, debt: 8, lots: [] });
    // A further deduction on an empty balance is all debt.
    const again = debit(r.state, 2);
    expect(again).toMatchObject({ fromBalance: 0, toDebt: 2, taken: [] });
    expect(ok(again.state).debt).toBe(10);
  });

  it('exactly the balance leaves zero and no debt', () => {
    const r = debit(start(), 12);
    expect(ok(r.state)).toMatchObject({ balance: 0, debt: 0 });
  });

  it('a preferred lot (the reversed credit’s) goes first', () => {
    const r = debit(start(), 6, MAR.lot);
    expect(r.taken.map((t) => [t.lot, t.points])).toEqual([
      [MAR.lot, 5],
      [JAN.lot, 1],
    ]);
  });

  it('reversing a deduction with a credit of the same size restores the net, whatever came between', () => {
    // 3 points, deduction of 5 → balance 0, debt 2; a later credit of 4 clears the debt; reversing the deduction
    // must leave 3 + 4 = 7, as if it never happened.
    let s = credit(emptyAccount(), 3, JAN).state;
    const d = debit(s, 5);
    s = d.state;
    s = credit(s, 4, FEB).state;
    expect(s).toMatchObject({ balance: 2, debt: 0 });
    const back = credit(s, 5, MAR, d.taken);
    expect(ok(back.state)).toMatchObject({ balance: 7, debt: 0 });
    expect(back.state.lots.find((l) => l.lot === JAN.lot)?.remaining).toBe(3);
    // Without the later credit the reversal cancels the debt and puts the 3 points back in their lot.
    const direct = credit(d.state, 5, MAR, d.taken);
    expect(direct.debtCleared).toBe(2);
    expect(ok(direct.state)).toMatchObject({ balance: 3, debt: 0, lots: [{ lot: JAN.lot, remaining: 3 }] });
  });
});

describe('hold, release, spend (supermarket)', () => {
  it('holds from the oldest lots and refuses rather than overdraw', () => {
    const s = credit(credit(emptyAccount(), 3, JAN).state, 4, FEB).state;
    const h = must(hold(s, 5));
    expect(ok(h.state)).toMatchObject({ balance: 2, held: 5 });
    expect(h.taken.map((t) => [t.lot, t.points])).toEqual([
      [JAN.lot, 3],
      [FEB.lot, 2],
    ]);
    expect(hold(h.state, 3)).toEqual({ refused: 'insufficient-points', detail: { available: 2, needed: 3 } });
    expect(ok(must(hold(h.state, 2)).state)).toMatchObject({ balance: 0, held: 7 });
  });

  it('release puts the points back where they came from; spend consumes the hold', () => {
    const s = credit(credit(emptyAccount(), 3, JAN).state, 4, FEB).state;
    const h = must(hold(s, 5));
    const r = must(release(h.state, 5, h.taken, MAR));
    expect(ok(r.state)).toEqual(s);
    const spent = must(spend(h.state, 5));
    expect(ok(spent)).toMatchObject({ balance: 2, held: 0 });
    // The order was settled meanwhile: the points are no longer held.
    expect(spend(spent, 1)).toEqual({ refused: 'points-not-held' });
    expect(release(spent, 1, [], MAR)).toEqual({ refused: 'points-not-held' });
  });

  it('a release after a deduction made debt clears the debt first', () => {
    const s = credit(emptyAccount(), 10, JAN).state;
    const h = must(hold(s, 10));
    const owing = debit(h.state, 4).state;
    expect(owing).toMatchObject({ balance: 0, held: 10, debt: 4 });
    const r = must(release(owing, 10, h.taken, MAR));
    expect(r.debtCleared).toBe(4);
    expect(ok(r.state)).toMatchObject({ balance: 6, held: 0, debt: 0 });
  });
});

describe('expire', () => {
  const s = () => credit(credit(credit(emptyAccount(), 3, JAN).state, 4, FEB).state, 5, MAR).state;

  it('expires every lot whose time has come, oldest first, and nothing else', () => {
    const r = expire(s(), '2027-02-05T00:00:00.000Z');
    expect(r.expired.map((l) => [l.lot, l.points])).toEqual([
      [JAN.lot, 3],
      [FEB.lot, 4],
    ]);
    expect(ok(r.state)).toMatchObject({ balance: 5, lots: [{ lot: MAR.lot, remaining: 5 }] });
  });

  it('a second run expires nothing (no double expiry)', () => {
    const once = expire(s(), '2027-02-05T00:00:00.000Z');
    const twice = expire(once.state, '2027-02-05T00:00:00.000Z');
    expect(twice.expired).toEqual([]);
    expect(twice.state).toEqual(once.state);
  });

  it('just before expiry nothing goes', () => {
    expect(expire(s(), '2027-01-04T23:59:59.999Z').expired).toEqual([]);
  });

  it('spent points never expire: only what remains in a lot does', () => {
    const spent = debit(s(), 4).state; // JAN 3 + FEB 1
    const r = expire(spent, '2027-02-05T00:00:00.000Z');
    expect(r.expired.map((l) => [l.lot, l.points])).toEqual([[FEB.lot, 3]]);
  });

  it('indexes the account by its earliest expiry', () => {
    expect(nextExpiry(s())).toBe(JAN.expiresAt);
    expect(nextExpiry(emptyAccount())).toBeUndefined();
  });
});

describe('running balances', () => {
  it('a sequence of entries audits clean, and a broken one is caught', () => {
    const states: AccountState[] = [emptyAccount()];
    states.push(credit(states.at(-1)!, 10, JAN).state);
    states.push(must(hold(states.at(-1)!, 6)).state);
    states.push(debit(states.at(-1)!, 7).state);
    states.push(credit(states.at(-1)!, 5, FEB).state);
    const lines = states.slice(1).map((s, i) => ({ seq: i + 1, ...movement(states[i]!, s) }));
    expect(auditEntries(lines)).toEqual([]);
    expect(lines.at(-1)).toMatchObject({ balanceAfter: 2, heldAfter: 6, debtAfter: 0 });
    const broken = lines.map((l) => (l.seq === 3 ? { ...l, balanceAfter: l.balanceAfter + 1 } : l));
    expect(auditEntries(broken).length).toBeGreaterThan(0);
    expect(auditEntries(lines.filter((l) => l.seq !== 2))).toContain('seq 3 follows 1');
  });
});
