import { describe, expect, it } from 'vitest';
import { compileUpdate, cond, merge } from '../src/index.ts';

describe('compileUpdate', () => {
  it('builds SET, ADD and REMOVE clauses with generated placeholders', () => {
    const u = compileUpdate({ set: { status: 'open', 'tally.yes': 1 }, add: { votes: 1 }, remove: ['draft'] });
    expect(u.expression).toBe('SET #_u0 = :_u0, #_u1.#_u2 = :_u1 ADD #_u3 :_u2 REMOVE #_u4');
    expect(u.names).toEqual({ '#_u0': 'status', '#_u1': 'tally', '#_u2': 'yes', '#_u3': 'votes', '#_u4': 'draft' });
    expect(u.values).toEqual({ ':_u0': 'open', ':_u1': 1, ':_u2': 1 });
  });

  it('reuses a name placeholder for a repeated attribute segment', () => {
    const u = compileUpdate({ add: { 'tally.yes': 1, 'tally.cast': 1 } });
    expect(u.expression).toBe('ADD #_u0.#_u1 :_u0, #_u0.#_u2 :_u1');
  });

  it('skips undefined values and refuses an empty update', () => {
    expect(compileUpdate({ set: { a: undefined, b: 2 } }).expression).toBe('SET #_u0 = :_u0');
    expect(() => compileUpdate({ set: { a: undefined } })).toThrow('no changes');
  });

  it('supports initialise-once and list append', () => {
    const u = compileUpdate({ setIfMissing: { createdAt: 't' }, append: { log: ['x'] } });
    expect(u.expression).toBe('SET #_u0 = if_not_exists(#_u0, :_u0), #_u1 = list_append(if_not_exists(#_u1, :_u1), :_u2)');
  });
});

describe('conditions', () => {
  it('combines conditions and merges their placeholders', () => {
    const c = cond.and(cond.versionIs(3), cond.atLeast('stock', 2));
    expect(c.expression).toBe('(#_ver = :_expectedVersion) AND (#_atl_stock >= :_atl_stock)');
    expect(merge(c, compileUpdate({ add: { stock: -2 } }))).toEqual({
      names: { '#_ver': 'version', '#_atl_stock': 'stock', '#_u0': 'stock' },
      values: { ':_expectedVersion': 3, ':_atl_stock': 2, ':_u0': -2 },
    });
  });

  it('refuses a placeholder bound to two different values', () => {
    expect(() => merge(cond.versionIs(1), cond.versionIs(2))).toThrow('bound twice');
  });
});
